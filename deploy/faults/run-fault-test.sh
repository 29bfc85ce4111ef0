#!/usr/bin/env bash
# Fault test of the split deployment (issue 7), runnable on one machine without Docker:
# a throw-away PostgreSQL 15 (under /tmp), 2 command-side and 2 query-side processes on loopback ports, a mixed
# command load for DURATION seconds with kill -9 of one command-side and one query-side instance and a crash restart
# of PostgreSQL mid-load, then the checks of fault_driver.py. Prints the figures; exit 0 = all as required.
#
#   deploy/faults/run-fault-test.sh                 # builds the two executable jars if they are missing
#   DURATION=90 WORKERS=6 deploy/faults/run-fault-test.sh
#   REBUILD=1 deploy/faults/run-fault-test.sh       # rebuild the jars first
#
# Needs: a JDK 17, python3 (standard library only), PostgreSQL 15 server binaries (PGBIN, default
# /usr/lib/postgresql/15/bin). As root, PostgreSQL runs as user postgres. Not part of ./mvnw verify (~3-4 minutes).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
DURATION="${DURATION:-60}"
WORKERS="${WORKERS:-4}"
COMMAND_JAR="$ROOT/command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar"
QUERY_JAR="$ROOT/query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar"

if [[ "${REBUILD:-0}" == 1 || ! -f "$COMMAND_JAR" || ! -f "$QUERY_JAR" ]]; then
  echo "building the command-side and query-side jars"
  (cd "$ROOT" && ./mvnw -B -q -pl command-side,query-side -am package -DskipTests)
fi
for tool in initdb pg_ctl psql; do
  [[ -x "$PGBIN/$tool" ]] || { echo "no $PGBIN/$tool: set PGBIN to PostgreSQL's bin directory" >&2; exit 2; }
done

WORK="$(mktemp -d /tmp/ledger-fault.XXXXXX)"
PGDATA="$WORK/pgdata"
PGPORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
as_owner() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ "$(id -u)" == 0 ]]; then chown postgres "$WORK"; chmod 755 "$WORK"; fi

cleanup() {
  as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  if [[ "${KEEP:-0}" == 1 ]]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "PostgreSQL on 127.0.0.1:$PGPORT, data and logs in $WORK"
as_owner "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg.log" -w -t 60 \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK -c max_connections=200" start >/dev/null
as_owner "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -X -q -c "CREATE DATABASE ledger" postgres

python3 "$ROOT/deploy/faults/fault_driver.py" --work "$WORK" --pgbin "$PGBIN" --pgdata "$PGDATA" --pg-port "$PGPORT" \
  --command-jar "$COMMAND_JAR" --query-jar "$QUERY_JAR" --duration "$DURATION" --workers "$WORKERS"
