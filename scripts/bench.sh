#!/usr/bin/env bash
# Directory (and later referral) load figures: see bench/README.md. Prints figures; never a test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_deps
exec node_modules/.bin/tsx scripts/bench.ts "$@"
