#!/usr/bin/env bash
# Installs what hitotsu needs, only what is missing (fast when everything is there).
#   scripts/setup.sh app    Rust wasm target, trunk, wasm-bindgen-cli, crates
#   scripts/setup.sh test   the same, plus Debian's Chromium and the npm test packages
#   scripts/setup.sh size   the same as test: release builds use the npm package binaryen's
#                           wasm-opt (132; Debian's 108 breaks today's wasm), installed with
#                           the test packages in seconds
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
what="${1:-app}"

say() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -cx wasm32-unknown-unknown >/dev/null; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# The build's CSP hook (scripts/csp.py) runs on Python 3.
if ! command -v python3 >/dev/null; then
  say "installing Python 3 (the build's CSP hook)"
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends python3 >/dev/null
fi

# scripts/serve.sh serves the two builds with tests/server.mjs; the tests run on Node too.
if ! command -v node >/dev/null; then
  say "installing Node.js"
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# trunk 0.22 needs a newer rustc than this machine's; 0.21.14 is the one that fits.
if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14 (several minutes, once)"
  cargo install trunk --version 0.21.14 --locked
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock, or trunk tries to
# download one. No --locked: the registry snapshot lacks some of its locked versions.
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen" ]; then
  say "installing wasm-bindgen-cli $bindgen (several minutes, once)"
  cargo install wasm-bindgen-cli --version "=$bindgen" --force
fi

# The split of the wasm into one module per page (scripts/split.py, issue 24): the splitter
# Leptos' lazy routes are made for, as cargo-leptos uses it (trunk has none of its own).
# (It has no --version: cargo's list of installed tools says which one is there.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -c "^wasm_split_cli_support v0.2.4:" >/dev/null; then
  say "installing wasm-split-cli 0.2.4 (a few minutes, once)"
  cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked --force \
    || cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --force
fi

# trunk builds with --offline, so every crate must be here first.
cargo fetch --quiet

if [ "$what" = test ] || [ "$what" = size ]; then
  # A phone always has a Japanese font; without one, Japanese renders with fallback metrics
  # and the layout tests (320px, 200% text) measure something no citizen sees.
  # pdftotext reads the printed sheets back in the tests (name, date, page number).
  # grep -c, not -q: -q stops at the first match, fc-list then dies of SIGPIPE, and under
  # pipefail the check failed on a machine that had the font (a reinstall on every run).
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -c 'Noto Sans CJK' >/dev/null || ! command -v pdftotext >/dev/null; then
    say "installing Debian's Chromium, a Japanese font and pdftotext"
    sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
    $sudo_ apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends \
      chromium chromium-driver fonts-noto-cjk fontconfig poppler-utils >/dev/null
  fi
  # A real screen reader for the Orca test: Orca reading Chromium under Xvfb, its speech
  # written to a file by speech-dispatcher.
  if ! command -v orca >/dev/null || ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null \
     || ! command -v dbus-launch >/dev/null || ! command -v speech-dispatcher >/dev/null; then
    say "installing Orca, Xvfb and speech-dispatcher for the screen-reader test"
    sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
    $sudo_ apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends \
      orca xvfb xdotool speech-dispatcher speech-dispatcher-audio-plugins libao4 at-spi2-core \
      gir1.2-atspi-2.0 python3-pyatspi dbus dbus-x11 libglib2.0-bin >/dev/null
  fi
  # The npm packages bring no browser of their own; the stamp skips npm when nothing changed.
  if [ ! -f node_modules/.hitotsu-stamp ] || ! cmp -s package-lock.json node_modules/.hitotsu-stamp; then
    say "installing the browser-test packages"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.hitotsu-stamp
  fi
fi

# The benchmark's Lighthouse (scripts/lighthouse.mjs): 12.8 is the last for this Node 20; it
# drives Debian's Chromium. Not a test package: 185 MB that only the benchmark needs.
if [ "$what" = size ] && [ ! -f target/lighthouse/node_modules/lighthouse/package.json ]; then
  say "installing Lighthouse 12.8.2 for the benchmark"
  mkdir -p target/lighthouse
  [ -f target/lighthouse/package.json ] || echo '{ "private": true }' > target/lighthouse/package.json
  npm --prefix target/lighthouse install --no-audit --no-fund --loglevel=error lighthouse@12.8.2
fi
