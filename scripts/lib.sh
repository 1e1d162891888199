# Shared by start.sh, test.sh, bench.sh and .ci/run: install what a fresh machine lacks.
PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]")"
pnpm_cmd() { npx --yes "pnpm@${PNPM_VERSION}" "$@"; }

ensure_node() {
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -lt 20 ]; then
    echo "Tandem needs Node.js 20.19 or newer (found $(node --version 2>/dev/null || echo none))." >&2
    exit 1
  fi
}

# Installs workspace dependencies when node_modules is missing or older than the lockfile.
ensure_deps() {
  ensure_node
  if [ ! -d node_modules/.pnpm ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
    echo "==> Installing dependencies (pnpm ${PNPM_VERSION})"
    CI=true pnpm_cmd install --frozen-lockfile
  fi
}

# Browser tests drive Debian's Chromium; as root we install it, otherwise we say what is missing.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing Debian's chromium for the browser tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || {
      echo "Could not install chromium with apt-get." >&2; exit 1; }
  else
    echo "The browser tests need Chromium at /usr/bin/chromium: install the Debian package 'chromium' (sudo apt-get install -y chromium)." >&2
    exit 1
  fi
}
