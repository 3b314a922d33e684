#!/usr/bin/env bash
# The Centre's MotCua server on Debian (12 or 13): PostgreSQL, one database and one role with
# only the rights the app needs, the scratch database that checks the server's backups, access
# from the office subnet, and start at boot. Idempotent; run as root on the server PC.
#
#   sudo scripts/setup_office_server.sh --subnet 192.168.1.0/24 [--database motcua] [--user motcua]
#
# The role's password is asked for (or taken from MOTCUA_SERVER_PASSWORD). The script prints
# what to type in each counter's "Kết nối máy chủ của Trung tâm". See docs/office-server.md.
set -euo pipefail

database=motcua
role=motcua
subnet=""
while [ $# -gt 0 ]; do
    case "$1" in
        --subnet) subnet="$2"; shift 2 ;;
        --database) database="$2"; shift 2 ;;
        --user) role="$2"; shift 2 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "Tham số không nhận ra: $1" >&2; exit 2 ;;
    esac
done
if [ -z "$subnet" ]; then
    echo "Hãy cho biết mạng nội bộ của Trung tâm, ví dụ --subnet 192.168.1.0/24" >&2
    exit 2
fi
case "$database$role" in
    *[!a-z0-9_]*) echo "Tên cơ sở dữ liệu và tài khoản chỉ gồm chữ thường, số và _" >&2; exit 2 ;;
esac
if [ "$(id -u)" -ne 0 ]; then
    echo "Hãy chạy bằng quyền root (sudo)." >&2
    exit 2
fi

password="${MOTCUA_SERVER_PASSWORD:-}"
if [ -z "$password" ]; then
    read -r -s -p "Mật khẩu cho tài khoản $role: " password; echo
    read -r -s -p "Nhập lại mật khẩu: " again; echo
    [ "$password" = "$again" ] || { echo "Hai lần nhập khác nhau." >&2; exit 2; }
fi
[ "${#password}" -ge 10 ] || { echo "Mật khẩu cần ít nhất 10 ký tự." >&2; exit 2; }

export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version="$(ls /etc/postgresql | sort -V | tail -n 1)"
conf="/etc/postgresql/$version/main"
pg_ctlcluster "$version" main start 2>/dev/null || true
systemctl enable "postgresql@$version-main" >/dev/null 2>&1 || systemctl enable postgresql >/dev/null 2>&1 || true

as_postgres() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"; }

# One role, no superuser, no CREATEDB, no CREATEROLE: it owns its two databases and nothing else.
if as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'" | grep -q 1; then
    as_postgres -v pw="$password" -c "ALTER ROLE $role WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'pw'"
else
    as_postgres -v pw="$password" -c "CREATE ROLE $role WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'pw'"
fi
for name in "$database" "${database}_kiemtra"; do
    as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 \
        || runuser -u postgres -- createdb -O "$role" -E UTF8 -T template0 "$name"
    as_postgres -c "REVOKE ALL ON DATABASE $name FROM PUBLIC"
    as_postgres -c "GRANT CONNECT, TEMPORARY ON DATABASE $name TO $role"
    # PostgreSQL 15 gives nobody CREATE on schema public; the app's role creates its tables there.
    as_postgres -d "$name" -c "ALTER SCHEMA public OWNER TO $role"
done

# Listen on the network, and let the office subnet in with a password (scram-sha-256).
if ! grep -q "^listen_addresses = '\*'" "$conf/postgresql.conf"; then
    echo "listen_addresses = '*'  # MotCua: counters connect over the office network" >> "$conf/postgresql.conf"
fi
rule="host    $database,${database}_kiemtra    $role    $subnet    scram-sha-256"
grep -qF "$rule" "$conf/pg_hba.conf" || echo "$rule  # MotCua counters" >> "$conf/pg_hba.conf"
pg_ctlcluster "$version" main restart

address="$(hostname -I | awk '{print $1}')"
echo "Máy chủ MotCua đã sẵn sàng (PostgreSQL $version)."
echo "Trên mỗi quầy chọn \"Kết nối máy chủ của Trung tâm\": máy chủ $address, cổng 5432,"
echo "cơ sở dữ liệu $database, tài khoản $role và mật khẩu vừa đặt."
echo "Mở cổng 5432/tcp cho mạng $subnet nếu máy có tường lửa (ví dụ: ufw allow from $subnet to any port 5432 proto tcp)."
