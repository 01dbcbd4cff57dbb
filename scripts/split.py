#!/usr/bin/env python3
"""Post-build step: cuts the app's wasm into the module home needs and one module per page.

Leptos' lazy routes (src/app/lazy.rs) mark where a page's code begins; trunk cannot split
at them, so this step does what cargo-leptos does, after trunk's build:

1. wasm-split-cli cuts cargo's own output (linked with its relocations, build.rs) into the
   main module, one `split_*` module per lazy page and `chunk_*` modules for code that
   several pages share, and writes the loader that fetches them (`__wasm_split.js`);
2. wasm-bindgen makes the main module's JavaScript, keeping the exports the loader needs;
3. wasm-opt, in a release build, on every module (two at a time: the machine's cores);
4. every file gets a name from its content, so a browser or the service worker keeps an
   unchanged page's module across releases; the loader is told when a module fails to load
   (public/module-failed.js then loads the page from the current release or says so, never a
   dead page);
5. index.html loads the new main module, with trunk's integrity hashes renewed (the page
   would not start otherwise), and trunk's unsplit files are removed.

Usage (from scripts/post_build.py): split.py BIN, with trunk's TRUNK_STAGING_DIR and
TRUNK_PROFILE in the environment. An unsplit build of an app with lazy pages cannot start,
so every build that runs the app goes through here: trunk serve, the tests and a release.
"""
import base64
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

bin_name = sys.argv[1]
staging = os.environ.get("TRUNK_STAGING_DIR") or "dist"
release = os.environ.get("TRUNK_PROFILE") == "release"
# A release build whose modules keep their function names, to profile (wasm-opt drops them):
# HITOTSU_KEEP_NAMES=1 trunk build --release.
optimise_modules = release and os.environ.get("HITOTSU_KEEP_NAMES") != "1"
public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

metadata = json.loads(subprocess.run(
    ["cargo", "metadata", "--no-deps", "--format-version", "1", "--offline"],
    cwd=root, check=True, capture_output=True, text=True,
).stdout)
raw_wasm = os.path.join(
    metadata["target_directory"], "wasm32-unknown-unknown",
    "release" if release else "debug", f"{bin_name}.wasm",
)

page_path = os.path.join(staging, "index.html")
page = open(page_path, encoding="utf-8").read()
# trunk's own names for this binary's loader and module: replaced below.
trunk_js = re.search(rf"/({re.escape(bin_name)}-[0-9a-f]+\.js)", page).group(1)
trunk_wasm = re.search(rf"/({re.escape(bin_name)}-[0-9a-f]+_bg\.wasm)", page).group(1)


def run(*command):
    subprocess.run(command, check=True)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


work = tempfile.mkdtemp(prefix=f"split-{bin_name}-")
try:
    split_dir = os.path.join(work, "split")
    bound_dir = os.path.join(work, "bound")
    run("wasm-split-cli", raw_wasm, split_dir, "--out-name", bin_name, "--target", "web")
    run(
        "wasm-bindgen", "--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript",
        "--out-name", bin_name, "--out-dir", bound_dir, os.path.join(split_dir, f"{bin_name}.wasm"),
    )
    main_wasm = os.path.join(bound_dir, f"{bin_name}_bg.wasm")
    main_js = os.path.join(bound_dir, f"{bin_name}.js")
    pages = sorted(f for f in os.listdir(split_dir) if re.fullmatch(r"(split|chunk)_.+\.wasm", f))
    modules = [main_wasm] + [os.path.join(split_dir, f) for f in pages]

    if optimise_modules:
        def optimise(path):
            run(
                "wasm-opt", "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
                "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types",
                "--enable-multivalue", "-o", path, path,
            )
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            list(pool.map(optimise, modules))

    # Each page's module and each shared chunk, named by its content.
    renamed = {}
    for name in pages:
        data = open(os.path.join(split_dir, name), "rb").read()
        stem = name[: -len(".wasm")]
        renamed[name] = f"{stem}-{digest(data)}.wasm"
    loader = open(os.path.join(split_dir, "__wasm_split.js"), encoding="utf-8").read()
    for old, new in renamed.items():
        loader, n = re.subn(rf'"\./{re.escape(old)}"', f'"./{new}"', loader)
        if n != 1:
            sys.exit(f"split.py: the loader names {old} {n} times, not once")
    # A page's module that fails to load (an old release's page after a new release, offline
    # before the service worker kept this one): public/module-failed.js decides what the
    # citizen sees. A module of work done in the background (the notices engine) says
    # nothing: the app gets the failure and tries again later.
    loader, n = re.subn(
        r"function wrapAsyncCb\(callee\) \{(.*?\} catch \(e\) \{\n\s*)console\.error\(e\);",
        r"function wrapAsyncCb(callee, page) {\1console.error(e);\n"
        r"            if (page && typeof self.hitotsuModuleFailed === 'function') self.hitotsuModuleFailed(e);",
        loader,
        flags=re.S,
    )
    if n != 1:
        sys.exit("split.py: the loader's failure branch was not found")
    # Each page's loader also by name, unwrapped, so the app can fetch and instantiate the
    # pages a citizen most likely opens next while they read (src/app/lazy.rs, prefetch):
    # on a slow network the first question then needs no round trip of its own. A load that
    # fails here is not remembered (makeLoad keeps successes only) and tells no one: the
    # page's own load tries again when it is opened.
    # A page is a lazy route's module (`__start_view_<hash>`); the rest are `#[wasm_split]`
    # functions' (`notices_engine`).
    def is_page(name):
        return re.fullmatch(r"__\w+_view_[0-9]+", name) is not None

    loader, n = re.subn(
        r"export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\((.*?)\]\)\);",
        lambda m: (
            f"const __module_{m.group(1)} = makeLoad({m.group(2)}]);\n"
            f"export const __wasm_split_load_{m.group(1)} = "
            f"wrapAsyncCb(__module_{m.group(1)}, {'true' if is_page(m.group(1)) else 'false'});"
        ),
        loader,
        flags=re.S,
    )
    if n != len([p for p in pages if p.startswith("split_")]):
        sys.exit(f"split.py: {n} module loaders found for {len(pages)} modules")
    names = [name for name in re.findall(r"^const __module_(\w+) = ", loader, flags=re.M) if is_page(name)]
    loader += (
        "\n// Page loaders by the page's name (`start_view`, `question_view` …), for prefetching.\n"
        "const pageLoaders = {" + ", ".join(
            f"{json.dumps(re.sub(r'_[0-9]+$', '', name[2:]))}: __module_{name}" for name in names
        ) + "};\n"
        "self.hitotsuPrefetch = (pages) => {\n"
        "    for (const page of pages) pageLoaders[page]?.().catch(() => {});\n"
        "};\n"
    )
    script = open(main_js, encoding="utf-8").read()
    wasm_bytes = open(main_wasm, "rb").read()

    # The loader and the main script name each other: one name for both, from everything.
    together = digest(loader.encode() + script.encode() + wasm_bytes)
    new_js = f"{bin_name}-{together}.js"
    new_loader = f"__wasm_split-{together}.js"
    new_wasm = f"{bin_name}-{digest(wasm_bytes)}_bg.wasm"
    loader, n = re.subn(rf'from "\./{re.escape(bin_name)}\.js"', f'from "./{new_js}"', loader)
    if n != 1:
        sys.exit("split.py: the loader's import of the main script was not found")
    # Only the import statements: the wasm's own import table keeps the module's link name.
    script, n = re.subn(
        r"""^(import \* as \w+ from )(['"])\./__wasm_split\.js\2""",
        lambda m: f"{m.group(1)}'./{new_loader}'", script, flags=re.M,
    )
    if n < 1:
        sys.exit("split.py: the main script does not import the loader")

    for name in os.listdir(staging):
        if re.fullmatch(r"(split|chunk)_.+-[0-9a-f]{16}\.wasm|__wasm_split-[0-9a-f]{16}\.js", name):
            os.remove(os.path.join(staging, name))
    for old, new in renamed.items():
        shutil.copyfile(os.path.join(split_dir, old), os.path.join(staging, new))
    open(os.path.join(staging, new_loader), "w", encoding="utf-8").write(loader)
    open(os.path.join(staging, new_js), "w", encoding="utf-8").write(script)
    open(os.path.join(staging, new_wasm), "wb").write(wasm_bytes)
    for old in (trunk_js, trunk_wasm):
        if old not in (new_js, new_wasm):
            os.remove(os.path.join(staging, old))

    def integrity(data: bytes) -> str:
        return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()

    # trunk's preload links carry integrity hashes of its files; renewed for ours.
    def relink(match):
        tag = match.group(0)
        if trunk_js in tag:
            tag = tag.replace(trunk_js, new_js)
            data = script.encode()
        elif trunk_wasm in tag:
            tag = tag.replace(trunk_wasm, new_wasm)
            data = wasm_bytes
        else:
            return tag
        return re.sub(r'integrity="[^"]*"', f'integrity="{integrity(data)}"', tag)

    page = re.sub(r"<link[^>]*>", relink, page)
    page = page.replace(trunk_js, new_js).replace(trunk_wasm, new_wasm)
    open(page_path, "w", encoding="utf-8").write(page)
    print(f"split.py: {bin_name}: {len(pages)} page and chunk modules, main {len(wasm_bytes)} B")
finally:
    shutil.rmtree(work, ignore_errors=True)
