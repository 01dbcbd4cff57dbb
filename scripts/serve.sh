#!/usr/bin/env bash
# Installs what is missing, builds hitotsu and serves it on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh app
# No autoreload: trunk would inject an inline script the app's Content-Security-Policy
# (scripts/csp.py) rightly refuses; rebuilds still happen on save, reload by hand.
exec trunk serve --offline --no-autoreload --address 127.0.0.1 --port 8080
