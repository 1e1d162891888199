#!/usr/bin/env bash
# Installs what is missing, compiles the API (scripts/api-build.ts), then starts PostgreSQL (embedded
# unless DATABASE_URL) and the API serving the built web app (built first when its sources changed).
# `npm run dev` passes --vite: Vite's dev server with hot reload instead of the build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_deps
node_modules/.bin/tsx scripts/api-build.ts
exec node services/api/dist/start.js "$@"
