#!/usr/bin/env bash
# `npm test`: every check of the project, in the order that fails fastest.
# Static checks → domain unit tests (two time zones) → contract suite on four
# targets (memory, mock HTTP, server on PGlite, server on PostgreSQL) → page
# tests → the four production builds → size budgets → the built mini-program
# in miniprogram-simulate → end to end in headless Chromium → page audits
# (axe-core, 长辈模式 measurements) → Lighthouse. Every audit prints its
# figures and writes them to .tmp/test-results/*.txt.
set -uo pipefail
cd "$(dirname "$0")/../.."

# No step stops the run: each records PASS or FAIL in steps.txt, and the
# summary always ends with one `N passed, N failed` line (a failed step that
# is not a Jest run counts as one failed check; a step that could not run
# because its build failed counts as failed too).
results=.tmp/test-results
rm -rf "$results"
mkdir -p "$results"
step() { printf '\n==> %s\n' "$*"; }
record() { echo "$1 $2" >> "$results/steps.txt"; }
check() { # name, then the command; a gate counted as one check
  local name=$1
  shift
  if "$@"; then record PASS "$name"; else record FAIL "$name"; fi
}
jest_run() { # name, then jest arguments; its tests are counted from the JSON report
  local name=$1
  shift
  npx jest --ci --json --outputFile="$results/$name.json" "$@"
  [ -s "$results/$name.json" ] || record FAIL "jest-$name (no report: Jest did not finish)"
}
builds_ok=1
timed_build() { # label, then env assignments and the taro build arguments
  local label=$1
  shift
  local start=$SECONDS
  if env "$@" > "$results/build-$label.log" 2>&1; then
    echo "built $label in $((SECONDS - start)) s" | tee -a "$results/build-times.txt"
    record PASS "build-$label"
  else
    tail -40 "$results/build-$label.log"
    echo "build $label failed"
    record FAIL "build-$label"
    builds_ok=0
  fi
}
skip_unless_built() { # name: true when the builds succeeded, else records the step as failed
  [ "$builds_ok" = 1 ] && return 0
  record FAIL "$1 (not run: a build failed)"
  return 1
}

step "Debian packages for the tests (chromium, fonts-noto-cjk, zbar-tools)"
check debian-packages bash tests/tools/ensure-debian-packages.sh

step "a throwaway PostgreSQL for the server's tests (tests/tools/postgres.sh)"
if PG_TEST_URL=$(bash tests/tools/postgres.sh start); then
  export PG_TEST_URL
  record PASS postgres-start
  trap 'bash tests/tools/postgres.sh stop' EXIT
else
  record FAIL "postgres-start (the server's PostgreSQL tests cannot run)"
fi

step "lint, type check, and the OpenAPI linter on docs/openapi.yaml"
check lint npm run --silent lint
check typecheck npm run --silent typecheck
check openapi-lint node tests/tools/lint-openapi.mjs
# The contract's generated types (src/api/openapi.d.ts) must be those of the document;
# tests/types/contract.ts (type-checked above) proves the hand-written types equal them.
check openapi-types bash -c 'npx openapi-typescript docs/openapi.yaml -o .tmp/openapi.d.ts >/dev/null 2>&1 && diff -q src/api/openapi.d.ts .tmp/openapi.d.ts'

step "domain unit tests, TZ=UTC and TZ=Pacific/Honolulu"
TZ=UTC jest_run unit-utc -c tests/jest.unit.config.js
TZ=Pacific/Honolulu jest_run unit-honolulu -c tests/jest.unit.config.js

step "contract suite: in-process mock, mock HTTP server, server on PGlite, server on PostgreSQL"
# PGlite loads its WebAssembly with a dynamic import, which Jest's VM allows only with this flag.
NODE_OPTIONS=--experimental-vm-modules jest_run contract -c tests/jest.contract.config.js

step "the server: WeChat sign-in, demo doors, HTTP edges, races of two processes, SIGKILL drill (PostgreSQL)"
if npx tsc -p server/tsconfig.json; then
  # PGlite (the backup drill of the embedded database) loads its WebAssembly with a dynamic import.
  NODE_OPTIONS=--experimental-vm-modules jest_run server -c tests/jest.server.config.js
else
  record FAIL "jest-server (the server did not compile)"
fi

step "page tests (@tarojs/test-utils-react)"
jest_run pages -c tests/jest.pages.config.js

step "production builds"
API=http://127.0.0.1:3199
timed_build weapp OUTPUT_ROOT=dist/weapp npx taro build --type weapp
timed_build weapp-api OUTPUT_ROOT=dist/weapp-api TARO_APP_API_BASE=$API npx taro build --type weapp
timed_build h5 OUTPUT_ROOT=dist/h5 npx taro build --type h5
timed_build h5-api OUTPUT_ROOT=dist/h5-api TARO_APP_API_BASE=$API npx taro build --type h5

step "size budgets"
skip_unless_built size && check size node tests/tools/size.js

step "the built mini-program in miniprogram-simulate"
skip_unless_built jest-weapp && WEAPP_DIST=dist/weapp jest_run weapp -c tests/jest.weapp.config.js

step "end to end in headless Chromium"
skip_unless_built jest-e2e && E2E_DIST=dist/h5 E2E_API_DIST=dist/h5-api jest_run e2e -c tests/jest.e2e.config.js

step "page audits: axe-core and 长辈模式 measurements on every page, per role (Chromium)"
skip_unless_built jest-audit && E2E_DIST=dist/h5 jest_run audit -c tests/jest.audit.config.js

step "Lighthouse on the production H5 build (accessibility 1.00 gates; performance and timings are figures)"
skip_unless_built lighthouse && check lighthouse-accessibility bash -c 'npx tsc -p mock/tsconfig.json && node tests/tools/lighthouse.mjs'

step "benchmarks (figures only)"
npm run --silent bench || echo "benchmarks did not finish (figures only, not counted)"

step "summary"
node tests/tools/test-summary.js "$results"
