#!/usr/bin/env python3
"""Trunk post-build hook: every step that rewrites the built files, one after the other.

trunk runs the hooks of one stage concurrently, so one hook keeps the order: the split of
the app's wasm into one module per page (split.py: it renames the scripts and renews their
integrity hashes), the page's Content-Security-Policy (csp.py: it hashes the inline loader
that names them), then the service worker's release (release.py: it hashes every file,
the page with its policy included). The counter's build has no service worker.

Usage: post_build.py BIN (the binary trunk built for this page: hitotsu or counter).
"""
import os
import runpy
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
subprocess.run([sys.executable, os.path.join(here, "split.py"), sys.argv[1]], check=True)
steps = ["csp.py"]
if os.path.exists(os.path.join(os.environ.get("TRUNK_STAGING_DIR", "dist"), "sw.js")):
    steps.append("release.py")
for step in steps:
    runpy.run_path(os.path.join(here, step), run_name="__main__")
