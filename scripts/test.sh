#!/usr/bin/env bash
# Runs every test: type checks, lint, unit, API integration (real PostgreSQL) and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_deps
ensure_chromium
exec node_modules/.bin/tsx scripts/test.ts "$@"
