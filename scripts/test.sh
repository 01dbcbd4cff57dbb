#!/usr/bin/env bash
# Installs what is missing and runs every test: the domain core natively (cargo test),
# then the app in Debian's headless Chromium (Playwright + axe-core).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh test

echo; echo "== native tests (cargo test)"
cargo test --quiet
echo; echo "== decoders: 10^5 mutated inputs each (tests/decoders.rs)"
FUZZ_CASES=100000 cargo test --quiet --profile fuzz --test decoders

echo; echo "== building the app and the counter (trunk, debug)"
scripts/build.sh

echo; echo "== browser tests (Playwright in /usr/bin/chromium, axe-core)"
status=0
npx --no-install playwright test || status=$?
# One plain closing line for CI, counted from Playwright's own report.
node -e '
  const s = require("./test-results/results.json").stats;
  console.log(`browser: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
' || true

echo; echo "== a real screen reader (Orca reading Chromium, speech captured as text)"
port=8097
PORT=$port node tests/server.mjs >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do
  node -e "fetch('http://127.0.0.1:$port/index.html').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  sleep 0.2
done
# Orca is a real desktop program: once in several runs on a loaded machine it has stayed
# silent after a page change (seen 2026-11-23, not reproduced since). A second attempt is
# made and the first failure is printed, never hidden; two failures fail the run.
for lang in ja en easy-death counter; do
  /usr/bin/python3 tests/screen-reader/orca.py "http://127.0.0.1:$port" "$lang" \
    || { echo "orca ($lang): first attempt failed (above); trying once more"; \
         /usr/bin/python3 tests/screen-reader/orca.py "http://127.0.0.1:$port" "$lang"; } || status=1
done

echo; echo "== the byte budget of a first visit (release build, brotli; budget.json)"
# binaryen's wasm-opt from node_modules comes first: Debian's 108 breaks today's wasm.
# The citizen's build only: the counter's (dist/counter/) is never part of a first visit.
PATH="$PWD/node_modules/.bin:$PATH" trunk build --release --offline --dist target/release-dist >/dev/null
node scripts/budget.mjs target/release-dist || status=1
exit "$status"
