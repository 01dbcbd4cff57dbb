#!/usr/bin/env python3
"""Trunk post-build hook: puts a strict Content-Security-Policy into the built index.html.

trunk starts the app with an inline module script it writes itself; rather than allow
'unsafe-inline', the policy lists that script's SHA-256 hash, computed here from the built
file, so a script injected into the page cannot run. Everything else the app loads comes
from its own origin. A deployer should send the same policy as a header too (README), which
also allows what a <meta> cannot say (frame-ancestors).
"""
import base64
import hashlib
import json
import os
import re
import sys
from urllib.parse import urlsplit

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
page = os.path.join(staging, "index.html")
html = open(page, encoding="utf-8").read()

hashes = []
for body in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S):
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    hashes.append(f"'sha256-{digest}'")

# A submission endpoint or a push subscription address on another origin
# (public/config.json) must be reachable.
connect = ["'self'"]
config = os.path.join(staging, "config.json")
if os.path.exists(config):
    settings = json.load(open(config, encoding="utf-8"))
    push = settings.get("push") or {}
    for address in [settings.get("submission_endpoint"), push.get("subscription_url")]:
        if address and urlsplit(address).scheme == "https":
            origin = f"https://{urlsplit(address).netloc}"
            if origin not in connect:
                connect.append(origin)

policy = "; ".join([
    "default-src 'self'",
    # wasm-unsafe-eval lets WebAssembly compile; it allows no JavaScript eval.
    "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src " + " ".join(connect),
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
])
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
# The counter's QR reader runs in a worker whose loader trunk names by its hash: the page
# finds it by this name (src/counter/reader.rs).
loaders = sorted(f for f in os.listdir(staging) if re.fullmatch(r"qr_reader(-[0-9a-f]+)?_loader\.js", f))
html = re.sub(r'<meta name="hitotsu-qr-reader"[^>]*>\s*', "", html)
if loaders:
    prefix = os.environ.get("TRUNK_PUBLIC_URL", "/")
    meta += f'\n    <meta name="hitotsu-qr-reader" content="{prefix}{loaders[-1]}">'
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", html)
# First in <head> after the charset, so it governs everything the page loads.
html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n    ' + meta, 1)
open(page, "w", encoding="utf-8").write(html)
