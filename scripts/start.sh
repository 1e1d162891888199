#!/usr/bin/env bash
# Installs what is missing, then starts PostgreSQL (embedded unless DATABASE_URL) and the API serving
# the built web app (built first when its sources changed). `npm run dev` passes --vite: Vite's dev
# server with hot reload instead of the build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_deps
exec node_modules/.bin/tsx scripts/dev.ts "$@"
