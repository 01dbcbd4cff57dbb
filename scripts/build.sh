#!/usr/bin/env bash
# Builds the citizen's app into DIST (default dist/) and the counter's into DIST/counter/,
# in that order (the first build replaces DIST). Extra arguments go to both (--release).
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${DIST:-dist}"
trunk build --offline "$@" --dist "$dist"
trunk build --config Counter.toml --offline "$@" --dist "$dist/counter"
