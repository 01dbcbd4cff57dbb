#!/usr/bin/env python3
"""Trunk post-build hook: tells the service worker what this release is.

Writes into the built sw.js the release's id (a hash of every built file, so any change
makes a new worker, which the browser then installs) and the files it keeps: the app's
content-hashed files and the catalog. The worker installs a release only when it has
fetched all of them (public/sw.js).
"""
import hashlib
import json
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
worker = os.path.join(staging, "sw.js")

hashed = sorted(
    "/" + name for name in os.listdir(staging)
    # Trunk writes the hash as a plain hex number: 16 digits, fewer when it starts with zeros
    # (main-582ae3d13da0b3a.css); a release whose names were missed would not start offline.
    if re.search(r"-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$", name)
)
catalog = sorted(
    f"/catalog/{name}" for name in os.listdir(os.path.join(staging, "catalog")) if name.endswith(".json")
)

digest = hashlib.sha256()
for root, _, files in sorted(os.walk(staging)):
    for name in sorted(files):
        path = os.path.join(root, name)
        if path == worker:
            continue
        digest.update(os.path.relpath(path, staging).encode())
        digest.update(open(path, "rb").read())
release = digest.hexdigest()[:16]

source = open(worker, encoding="utf-8").read()
replacements = {
    r"const RELEASE = '[^']*';": f"const RELEASE = '{release}';",
    r"const HASHED = \[[^\]]*\];": f"const HASHED = {json.dumps(hashed)};",
    r"const CATALOG = .*;": f"const CATALOG = {json.dumps(catalog)};",
}
for pattern, value in replacements.items():
    source, n = re.subn(pattern, lambda _: value, source, count=1)
    if n != 1:
        sys.exit(f"release.py: {pattern} not found in sw.js")
# The worker ships without its whole-line comments (they stay in public/sw.js): it is part
# of every citizen's first visit, and the comments were a third of it. Only whole lines:
# the worker has no string or template literal over several lines for this to cut into.
source = "".join(line for line in source.splitlines(keepends=True) if not line.lstrip().startswith("//"))
open(worker, "w", encoding="utf-8").write(source)
