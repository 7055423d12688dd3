#!/bin/bash
# First start (no cluster in $PGDATA): initdb with POSTGRES_USER / POSTGRES_PASSWORD, password
# (scram-sha-256) authentication over TCP, POSTGRES_DB, then every /docker-entrypoint-initdb.d/*.sql
# (in single-user mode: each statement ending with ';' at the end of a line). Then the server.
set -euo pipefail
if [ "${1:-}" != postgres ]; then exec "$@"; fi
shift

user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "POSTGRES_PASSWORD is required (the first start creates the cluster with it)" >&2
    exit 1
  fi
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb --username="$user" --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 -D "$PGDATA"
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  {
    echo "listen_addresses = '*'"
    echo "unix_socket_directories = '/var/run/postgresql'"
    echo "max_connections = 300"
  } >> "$PGDATA/postgresql.conf"
  single() { postgres --single -j -D "$PGDATA" "$1" > /dev/null; }
  if [ "$db" != postgres ]; then
    printf 'create database "%s";\n\n' "$db" | single postgres
  fi
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sql)
        echo "running $f"
        # single-user -j mode ends a statement at ';' followed by a blank line
        sed -e '/^[[:space:]]*--/d' -e 's/;[[:space:]]*$/;\n/' "$f" | single "$db"
        ;;
      *.sh) echo "running $f"; . "$f" ;;
      *) [ ! -e "$f" ] || echo "ignoring $f" ;;
    esac
  done
  echo "PostgreSQL cluster initialised in $PGDATA"
fi
exec postgres -D "$PGDATA" "$@"
