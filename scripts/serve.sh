#!/usr/bin/env bash
# Installs what is missing, builds hitotsu and serves it on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh app
# Two builds: the citizen's app (dist/) and the counter's (dist/counter/, at /counter/),
# which trunk serve cannot serve side by side. The test server serves both (every address
# the app's page, /counter/… the counter's) with the stand-in endpoint of the README's
# submission and push contracts. After a change, run this again.
scripts/build.sh
PORT=8080 exec node tests/server.mjs
