#!/usr/bin/env bash
# Installs the offline "real VS Code" used by the integration tests: code-server (VS Code 1.100.3)
# into the gitignored .vscode-test/code-server/, never into the project's devDependencies (its
# postinstall compiles native modules against the Debian headers below, so `npm ci` would fail for
# every contributor without them). 4.100.3 is pinned: it is the newest release that runs on Node 20.
# Only the npm registry and Debian's packages are needed; rg comes from Debian (step 2).
# Idempotent: a second run is a fast no-op.
#
# Knobs: CODE_SERVER_VERSION (default 4.100.3; newer releases need Node 22+),
#        MENTORING_CODE_SERVER_DIR (default <repo>/.vscode-test/code-server).
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${MENTORING_CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
MARKER="$DEST/.installed-$VERSION"
BIN="$DEST/node_modules/.bin/code-server"
APT_PACKAGES=(chromium ripgrep build-essential pkg-config python3 libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev)

log() { printf 'install-offline-vscode: %s\n' "$*"; }

# Fast path, before any locking: already installed and complete.
if [[ -f "$MARKER" && -x "$BIN" ]] && command -v chromium >/dev/null 2>&1; then
  log "code-server $VERSION already in ${DEST#"$ROOT"/} (nothing to do)"
  exit 0
fi

as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else log "need root (or sudo) to run: $*"; return 1
  fi
}

# 1. Debian packages: the browser, rg, and the headers code-server's native modules compile against.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi

mkdir -p "$DEST"
# Serialise concurrent installs (several launchers may start at once in one working tree).
exec 9>"$DEST/.install.lock"
flock 9
if [[ -f "$MARKER" && -x "$BIN" ]]; then
  log "code-server $VERSION installed meanwhile by another process"
  exit 0
fi

# 2. @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the
#    archive; seed the cache with Debian's rg.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
RG_ARCHIVE="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -s "$RG_ARCHIVE" ]]; then
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  mkdir -p "$RG_CACHE"
  tar -czf "$RG_ARCHIVE.tmp" -C "$staging" rg && mv "$RG_ARCHIVE.tmp" "$RG_ARCHIVE"
  rm -rf "$staging"
  log "seeded ripgrep cache $RG_ARCHIVE from $(command -v rg)"
fi

# 3. code-server itself, in its own npm root so the project's package.json and lock stay untouched.
rm -f "$DEST"/.installed-*
[[ -f "$DEST/package.json" ]] || printf '{ "private": true, "description": "offline VS Code for integration tests" }\n' >"$DEST/package.json"
log "npm install code-server@$VERSION into ${DEST#"$ROOT"/} (takes a minute or two)"
started=$SECONDS
npm_config_yes=true npm install --prefix "$DEST" --unsafe-perm --no-save --no-package-lock \
  --no-audit --no-fund --loglevel=error "code-server@$VERSION" </dev/null
if [[ ! -x "$BIN" ]]; then
  log "npm finished but $BIN is missing"
  exit 1
fi
touch "$MARKER"
log "installed code-server $VERSION in $((SECONDS - started)) s ($(du -sh "$DEST" | cut -f1))"
