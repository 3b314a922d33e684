#!/usr/bin/env bash
# Set up a CUPS queue "MotCuaPDF" backed by cups-pdf, for the real print test
# in tests/printing/test_dispatch.py. Idempotent; run as root. No systemd is
# assumed: cupsd is started directly when it is not running.
set -euo pipefail

QUEUE="${MOTCUA_TEST_QUEUE:-MotCuaPDF}"

if [ "$(id -u)" -ne 0 ]; then
    echo "setup_cups.sh: must run as root" >&2
    exit 1
fi

missing=()
command -v cupsd >/dev/null 2>&1 || missing+=(cups)
command -v lpstat >/dev/null 2>&1 || missing+=(cups-client)
[ -e /usr/lib/cups/backend/cups-pdf ] || missing+=(printer-driver-cups-pdf)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup_cups.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cups_up() { lpstat -r 2>/dev/null | grep -q "is running"; }

if ! cups_up; then
    mkdir -p /run/cups /var/run/cups
    cupsd  # forks into the background
fi
for _ in $(seq 1 100); do
    cups_up && break
    sleep 0.2
done
if ! cups_up; then
    echo "setup_cups.sh: cupsd did not start" >&2
    exit 1
fi

if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
    ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
    if [ -f "$ppd" ]; then
        lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$ppd"
    else
        model="$(lpinfo -m 2>/dev/null | awk 'tolower($0) ~ /cups-pdf/ {print $1; exit}')"
        lpadmin -p "$QUEUE" -E -v cups-pdf:/ -m "${model:?no cups-pdf driver found}"
    fi
fi
# A queue left stopped or rejecting by an earlier run would fail the test.
cupsenable "$QUEUE"
cupsaccept "$QUEUE"

for _ in $(seq 1 100); do
    lpstat -p "$QUEUE" 2>/dev/null | grep -q "enabled" && break
    sleep 0.2
done
lpstat -p "$QUEUE"
