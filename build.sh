#!/usr/bin/env bash
# junheng build script.
#
#   ./build.sh          build the wasm modules into www/pkg, and site/ (what is served)
#   ./build.sh serve    build, then serve the calculator (site/) on http://127.0.0.1:8080
#   ./build.sh test     native tests, wasm tests in headless Chromium, end-to-end page tests
#   ./build.sh bench    benchmarks: native (criterion), the CLI and the browser; writes the
#                       table of docs/PERFORMANCE.md anew
#   ./build.sh types    the TypeScript declarations of the result contract (www/types)
#   ./build.sh single   dist/junheng.html: the whole calculator in one file, for file:// and mail
#
# It detects the toolchain and installs only what is missing (see ../shared/TOOLCHAIN.md):
# a rustup wasm32 target when there is one; otherwise, on Debian/Ubuntu as root, Debian's
# second Rust toolchain with the standard library's source, built with -Zbuild-std.
set -euo pipefail
cd "$(dirname "$0")"

# The browser binding's crate, and the name the page imports it by (www/pkg/junheng.js).
WASM_CRATE=junheng-wasm
WASM_NAME=junheng
TARGET=wasm32-unknown-unknown
PORT=${PORT:-8080}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM

say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# --- toolchain ------------------------------------------------------------------------

apt_ready=
apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null ||
    die "missing $*: install them, or run as root on Debian/Ubuntu so that this script can"
  if [ -z "$apt_ready" ]; then
    say "apt-get update"
    apt-get update -qq
    apt_ready=1
  fi
  say "installing Debian packages: $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Debian's wasm-opt (binaryen 108) breaks wasm-bindgen's externref table ("Table.set():
# Argument 1 is invalid"), so the module is built without reference types.
WASM_RUSTFLAGS="-C target-feature=-reference-types"
# The wasm features the shipped modules have (tools/floor.mjs checks them against the browser
# floor): not bulk memory nor non-trapping float-to-int, which Safari has from 15.1 (the
# standard library is built here with the same target features: no memory.copy from it).
WASM_FEATURES=(--enable-sign-ext --enable-mutable-globals)

# Sets WASM_ENV and WASM_FLAGS: how to run cargo for the wasm target.
wasm_toolchain() {
  if rustup target list --installed 2>/dev/null | grep -x "$TARGET" >/dev/null; then
    say "using rustup's $TARGET target"
    WASM_ENV=(env "RUSTFLAGS=$WASM_RUSTFLAGS")
    WASM_FLAGS=(--target "$TARGET")
    WASM_MODULE_ENV=("${WASM_ENV[@]}")
    # rustup's prebuilt standard library has them: a laptop's build needs Safari 15.1.
    WASM_FEATURES+=(--enable-bulk-memory --enable-nontrapping-float-to-int)
    return
  fi
  local missing=()
  [ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] || missing+=(rustc-web cargo-web)
  [ -d /usr/lib/rustlib/src/rust/library ] || missing+=(rust-web-src)
  command -v wasm-ld >/dev/null || missing+=(lld)
  if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null ||
      die "no wasm32 target: run 'rustup target add $TARGET', or use Debian/Ubuntu as root (see TOOLCHAIN.md)"
    apt_install "${missing[@]}"
  fi
  say "using Debian's Rust with -Zbuild-std (no prebuilt wasm32 std here)"
  WASM_RUSTFLAGS="-C target-cpu=mvp -C target-feature=+sign-ext,+mutable-globals"
  WASM_ENV=(env "PATH=/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 "RUSTFLAGS=-C linker=wasm-ld $WASM_RUSTFLAGS")
  WASM_FLAGS=(--target "$TARGET" -Zbuild-std=std,panic_abort)
  # The shipped modules (not the tests, whose harness reports failures by panicking) abort
  # at once on a bug instead of formatting a panic message: the standard library is built
  # here anyway, and the first module is 11 KB smaller gzipped (docs/PERFORMANCE.md). A bug
  # still reaches the page, as the worker's "unreachable" error. No `Debug` formatting and no
  # source locations either (no text the modules show is made with `{:?}`): 3.3 KB gzipped.
  WASM_MODULE_ENV=(env "PATH=/usr/bin:$PATH" RUSTC_BOOTSTRAP=1
    "RUSTFLAGS=-C linker=wasm-ld $WASM_RUSTFLAGS -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none")
}

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
bindgen_cli() {
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
  [ -n "$want" ] || die "wasm-bindgen is not in Cargo.lock"
  have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none}); takes a few minutes once"
    cargo install --quiet --force wasm-bindgen-cli --version "$want"
  fi
  have=$(wasm-bindgen --version | awk '{ print $2 }')
  [ "$have" = "$want" ] || die "wasm-bindgen CLI is $have but Cargo.lock has $want"
}

need_command() { # need_command COMMAND DEBIAN-PACKAGE
  command -v "$1" >/dev/null || apt_install "$2"
}

# --- build ----------------------------------------------------------------------------

# The TypeScript declarations of the result contract, generated from the Rust types (ts-rs)
# into www/types/; www/junheng.d.ts types the wasm functions with them.
types() {
  say "TypeScript declarations from the Rust types → www/types"
  rm -rf www/types
  TS_RS_EXPORT_DIR="$PWD/www/types" cargo test -p junheng --features typescript --lib --quiet export_bindings >/dev/null
}

# tsc over the page's JavaScript, against those declarations.
typecheck() {
  say "tsc --noEmit --checkJs over www/"
  tests/e2e/node_modules/.bin/tsc -p www/tsconfig.json
}

build() {
  wasm_toolchain
  bindgen_cli
  need_command wasm-opt binaryen
  # Three modules from one crate: the calculator of a page in 简体中文 (first load), the same
  # with English and 繁體中文 (the first load of a page in either), and with what is asked for
  # only sometimes, the plan and the step-by-step view (loaded then: it would add a fifth to
  # the first load).
  wasm_module "$WASM_NAME" "$WASM_CRATE"
  wasm_module "$WASM_NAME-languages" "$WASM_CRATE" --features languages
  wasm_module "$WASM_NAME-extra" "$WASM_CRATE" --features extra
  # A third, from its own crate: workbooks read by the CLI's reader (calamine), loaded the
  # first time a workbook is opened.
  wasm_module "$WASM_NAME-workbook" junheng-workbook
  # The page imports ./pkg/junheng.js; its declarations are ../junheng.d.ts.
  printf '%s\n' "// The module's API, typed from the Rust types: see ../junheng.d.ts." \
    "export * from '../junheng';" "export { default } from '../junheng';" >"www/pkg/${WASM_NAME}.d.ts"
  cp "www/pkg/${WASM_NAME}.d.ts" "www/pkg/${WASM_NAME}-languages.d.ts"
  cp "www/pkg/${WASM_NAME}.d.ts" "www/pkg/${WASM_NAME}-extra.d.ts"
  cp "www/pkg/${WASM_NAME}.d.ts" "www/pkg/${WASM_NAME}-workbook.d.ts"
}

# One wasm module: cargo (CRATE, with the features given), wasm-bindgen to www/pkg/NAME.js,
# wasm-opt.
wasm_module() {
  local name=$1 crate=$2
  shift 2
  say "cargo build (wasm, release) $crate $*"
  "${WASM_MODULE_ENV[@]}" cargo build --profile wasm -p "$crate" --lib "${WASM_FLAGS[@]}" "$@"
  say "wasm-bindgen → www/pkg/$name.js"
  wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name "$name" \
    "target/$TARGET/wasm/${crate//-/_}.wasm"
  say "wasm-opt -Oz --converge"
  local wasm="www/pkg/${name}_bg.wasm"
  # --converge repeats the passes while they still shrink the module (0.8 KB gzipped, 3 s).
  wasm-opt -Oz --converge "${WASM_FEATURES[@]}" --strip-debug --strip-producers "$wasm" -o "$wasm"
  say "$wasm: $(wc -c <"$wasm") bytes, $(gzip -9c "$wasm" | wc -c) gzipped"
}

browser() {
  need_command "$CHROMIUM" chromium
  need_command chromedriver chromium-driver
  # A Chinese font, so that screenshots of the page show text, not boxes.
  # grep reads all of fc-list's output: with -q it would stop at the first match, and fc-list,
  # killed by the closed pipe, would fail the pipeline (pipefail) and install the font again.
  fc-list 2>/dev/null | grep -iE "wqy|cjk" >/dev/null || apt_install fonts-wqy-microhei
  # The printed pages' text, read back by the paper tests (pdftotext).
  need_command pdftotext poppler-utils
  # The other engines: Firefox ESR (over WebDriver BiDi), and WebKitGTK's driver and its
  # MiniBrowser, run under a virtual X server.
  need_command firefox-esr firefox-esr
  need_command WebKitWebDriver webkit2gtk-driver
  need_command xvfb-run xvfb
}

# The JavaScript tools, from npm (tests/e2e/package.json): playwright-core and puppeteer-core (no browser
# download: Debian's Chromium), typescript, esbuild.
js_tools() {
  need_command npm npm
  # Once per lock file: npm ci starts from nothing each time.
  if [ tests/e2e/node_modules/.package-lock.json -nt tests/e2e/package-lock.json ]; then return; fi
  say "npm ci (playwright-core, puppeteer-core, MDN's compat data, typescript, esbuild)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
}

# 繁體中文 is made from the Simplified strings (tools/hant.mjs): none may have been forgotten.
hant_check() {
  say "繁體中文 up to date with the Simplified strings (tools/hant.mjs --check)"
  node tools/hant.mjs --check
}

# www/ as it is served (tools/site.mjs): its modules bundled and lowered to the browser floor
# (esbuild from npm), its pages and styles minified. The page tests make it too.
site() {
  say "site/: www/ as served"
  node tools/site.mjs
}

# The calculator in one .html file (tools/single.mjs bundles it with esbuild from npm).
single() {
  say "single file → dist/junheng.html"
  node tools/single.mjs
}

test_native() {
  # Style and lints first: rustfmt and clippy (pedantic, with the reasoned allows of
  # Cargo.toml) ship with rustup's default profile; a toolchain without them skips the check.
  if cargo fmt --version >/dev/null 2>&1; then
    say "rustfmt --check"
    cargo fmt --all --check
  fi
  if cargo clippy --version >/dev/null 2>&1; then
    say "clippy (workspace lints: pedantic)"
    cargo clippy --workspace --all-targets --quiet -- -D warnings
  fi
  say "native tests (core, files, cli)"
  cargo test --all-targets
}

test_wasm() {
  # Every module: the first (a county's file) in 简体中文 alone and with the other languages,
  # and the second (with provinces, the plan).
  for features in "" "--features=languages" "--features=extra"; do
    say "wasm tests in headless Chromium (wasm-bindgen-test) ${features:-(first module)}"
    CHROMEDRIVER=$(command -v chromedriver) \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
      "${WASM_ENV[@]}" cargo test -p "$WASM_CRATE" "${WASM_FLAGS[@]}" $features --test wasm
  done
}

test_page() {
  say "end-to-end page tests (Playwright, $CHROMIUM)"
  node --test --test-concurrency=1 tests/e2e/
}

case "${1:-build}" in
  build) types && build && js_tools && site ;;
  types) types ;;
  serve)
    types
    build
    js_tools
    site
    say "serving site/ on http://127.0.0.1:$PORT (Ctrl-C stops)"
    exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory site
    ;;
  test)
    test_native
    types
    build
    browser
    js_tools
    hant_check
    single
    typecheck
    test_wasm
    test_page
    say "all tests passed"
    ;;
  single)
    types
    build
    js_tools
    single
    ;;
  bench)
    say "native benchmarks (criterion)"
    cargo bench -p junheng --bench evaluate
    say "the CLI and its floor (csv crate), release"
    cargo build --release -p junheng-cli
    cargo build --release -p junheng --example csv_floor
    build
    browser
    js_tools
    # Every measure of docs/PERFORMANCE.md's table, each against its floor in this run; the
    # table is written anew from them.
    node tests/e2e/bench.mjs --write
    ;;
  *) die "usage: ./build.sh [build|serve|test|bench|types|single]" ;;
esac
