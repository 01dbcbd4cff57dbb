#!/usr/bin/env bash
# The benchmark: a release build (opt-level z, LTO, wasm-opt -Oz from the npm package
# binaryen), the bytes of every file (raw, gzip -9, brotli -11), what a first visit to the
# home page downloads against budget.json, the load time and one step change on a throttled
# phone profile, and Lighthouse's mobile profile on home, a question and the plan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh size
# binaryen's wasm-opt from node_modules comes first: Debian's 108 breaks today's wasm.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=target/release-dist
DIST="$out" scripts/build.sh --release >/dev/null
# Every file, the counter's (counter/) too: a citizen's first visit is the budget's below.
node scripts/bytes.mjs "$out"
echo
node scripts/budget.mjs "$out" || true
echo
node scripts/load-time.mjs "$out"
echo
node scripts/lighthouse.mjs "$out"
