#!/usr/bin/env bash
# Measures what a citizen's phone downloads: a release build (opt-level z, LTO, wasm-opt -Oz),
# raw and gzip -9 bytes of each file, then the load time on a throttled phone profile.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh size
scripts/setup.sh test >/dev/null
out=target/release-dist
trunk build --release --offline --dist "$out" >/dev/null
printf '%-40s %10s %10s\n' file raw gzip-9
total_raw=0; total_gz=0
while IFS= read -r f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-40s %10d %10d\n' "${f#$out/}" "$raw" "$gz"
done < <(find "$out" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.json' \) | sort)
printf '%-40s %10d %10d\n' total "$total_raw" "$total_gz"
node scripts/load-time.mjs "$out"
