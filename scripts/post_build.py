#!/usr/bin/env python3
"""Trunk post-build hook: every step that rewrites the built files, one after the other.

trunk runs the hooks of one stage concurrently: as two hooks, the service worker's release
id (release.py) could hash index.html before its Content-Security-Policy was written
(csp.py). One hook keeps the order: the policy, then the release that hashes it.
"""
import os
import runpy

here = os.path.dirname(os.path.abspath(__file__))
for step in ("csp.py", "release.py"):
    runpy.run_path(os.path.join(here, step), run_name="__main__")
