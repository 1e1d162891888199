#!/usr/bin/env bash
# Installs what is missing, then starts PostgreSQL (embedded unless DATABASE_URL), the API and the web app.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_deps
exec node_modules/.bin/tsx scripts/dev.ts "$@"
