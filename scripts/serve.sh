#!/usr/bin/env bash
# Installs what is missing, builds hitotsu and serves it on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh app
exec trunk serve --offline --address 127.0.0.1 --port 8080
