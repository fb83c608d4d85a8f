#!/usr/bin/env bash
# Installs the Debian packages the tests use when missing: Chromium and CJK
# fonts for the browser tests, zbar-tools to decode the QR codes we draw, and
# PostgreSQL 15+ for the server's tests (tests/tools/postgres.sh starts it).
# (Never `npx playwright install`: it downloads a browser, which fails offline.)
set -euo pipefail
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
installed fonts-noto-cjk || need+=(fonts-noto-cjk)
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "Installing ${need[*]} with apt-get (needed by the tests)..."
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
