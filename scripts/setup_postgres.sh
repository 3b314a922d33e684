#!/usr/bin/env bash
# Start Debian's PostgreSQL (no systemd needed) and create the test role and database used by
# the multi-counter and provincial-import tests. Idempotent; run as root.
# Prints the URL to export as MOTCUA_TEST_PG_URL.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version="$(ls /etc/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {found=1} END {exit !found}'; then
    pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 100); do
    pg_isready -q -h 127.0.0.1 && break
    sleep 0.2
done
pg_isready -h 127.0.0.1 >/dev/null

as_postgres() { su postgres -c "$1"; }
as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'motcua'\"" | grep -q 1 \
    || as_postgres "psql -qc \"CREATE ROLE motcua LOGIN PASSWORD 'motcua' CREATEDB\""
as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'motcua_test'\"" | grep -q 1 \
    || as_postgres "createdb -O motcua motcua_test"
echo "postgresql://motcua:motcua@127.0.0.1:5432/motcua_test"
