#!/usr/bin/env bash
# Every benchmark of docs/PERFORMANCE.md in one session, on one PostgreSQL 15 server started here (synchronous
# commit on), so that each figure can be read as a ratio to this machine's own ceiling.
#
#   deploy/bench/run-all.sh                       # the full suite: 8 clients, 60 s, 10^6 events
#   CLIENTS=16 deploy/bench/run-all.sh            # at another concurrency
#   EVENTS=100000 DURATION=20 deploy/bench/run-all.sh   # a quick run
#   STEPS="ceiling commands" deploy/bench/run-all.sh    # some steps only
#
# Steps, in order: ceiling (pgbench, the custom transaction of command-ceiling.sql), commands (the single-process
# jar on that server, the load tool at CLIENTS), generate (EVENTS through the event store), rebuild (every view
# from an empty schema), queries (leaders' reads at EVENTS, at QUERY_CLIENTS), aggregate (loading a long Project), verify (the audit
# verification: VerificationBenchmark and VerifyIntegrity on the generated store), startup (the embedded default).
# Everything goes to a temporary directory (kept, its path printed); the figures are printed at the end and
# written to $WORK/figures.txt. Needs: JDK 17, PostgreSQL 15 binaries (PGBIN), root or the postgres user.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CLIENTS="${CLIENTS:-8}"
DURATION="${DURATION:-60}"
# the leaders' queries at one client (a leader's wait) and at CLIENTS (contention with the load tool on 2 cores)
QUERY_CLIENTS="${QUERY_CLIENTS:-1 $CLIENTS}"
WARMUP="${WARMUP:-10}"
# the commands' warm-up: the JIT compilers still take a large share of the cores after 10 s of commands (the same
# 8 clients: 112-140 commands/s after 5 s, 250-260 after 60 s and after 150 s, session 5)
COMMAND_WARMUP="${COMMAND_WARMUP:-60}"
EVENTS="${EVENTS:-1000000}"
VERIFY_EVENTS="${VERIFY_EVENTS:-200000}"
LENGTHS="${LENGTHS:-10,100,1000,10000}"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
PGPORT="${PGPORT:-55432}"
APP_PORT="${APP_PORT:-18080}"
STEPS="${STEPS:-ceiling commands generate rebuild queries aggregate verify startup}"
HEAP="${HEAP:--Xmx1g}"
SKIP_BUILD="${SKIP_BUILD:-0}"
IDLE_MIN="${IDLE_MIN:-90}"   # start-up runs wait (at most 2 min) for this share of idle CPU
WORK="${WORK:-$(mktemp -d /tmp/ledger-bench.XXXXXX)}"
mkdir -p "$WORK"
chmod 755 "$WORK"
FIGURES="$WORK/figures.txt"
DB_PASSWORD="bench-$RANDOM$RANDOM"
export LEDGER_DB_PASSWORD="$DB_PASSWORD"
JDBC="jdbc:postgresql://localhost:$PGPORT/ledger"
APP_PID=""

log() { printf '\n### %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
step() { [[ " $STEPS " == *" $1 "* ]]; }
as_postgres() { if [[ "$(id -un)" == postgres ]]; then "$@"; else runuser -u postgres -- "$@"; fi; }
psql_ledger() { PGPASSWORD="$DB_PASSWORD" "$PGBIN/psql" -h localhost -p "$PGPORT" -U ledger -v ON_ERROR_STOP=1 -qAt "$@"; }

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

log "work directory $WORK; clients $CLIENTS, $DURATION s (+$WARMUP s warm-up), $EVENTS events; steps: $STEPS"
{
  echo "run of $(date -u +%Y-%m-%dT%H:%MZ) on $(hostname): $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB RAM", $2/1048576}' /proc/meminfo),"
  echo "  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr), $(java -version 2>&1 | head -1)"
  echo "  load average at start: $(cut -d' ' -f1-3 /proc/loadavg); clients=$CLIENTS duration=${DURATION}s events=$EVENTS"
} > "$FIGURES"

# ---------------------------------------------------------------------------------------------------- build
JAR="$ROOT/deploy/single-process/target/zhaoshang-ledger.jar"
CP_FILE="$WORK/load-classpath.txt"
if [[ "$SKIP_BUILD" != 1 ]]; then
  log "building the single-process jar and the load module (package, tests skipped)"
  # the jar first removed: when only a module it bundles changed, the jar plugin keeps the old jar, and Spring Boot's
  # repackaging then keeps the old nested module inside it
  rm -f "$JAR" "$JAR.original"
  (cd "$ROOT" && ./mvnw -B -q -pl deploy/single-process,deploy/load -am package -DskipTests \
      dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime)
  if step verify; then
    (cd "$ROOT" && ./mvnw -B -q -pl query-side -am test-compile dependency:build-classpath \
        -Dmdep.outputFile="$WORK/query-test-classpath.txt" -Dmdep.includeScope=test)
  fi
fi
[[ -f "$CP_FILE" ]] || (cd "$ROOT" && ./mvnw -B -q -pl deploy/load -am dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime)
if step verify && [[ ! -f "$WORK/query-test-classpath.txt" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl query-side -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$WORK/query-test-classpath.txt" -Dmdep.includeScope=test)
fi
LOAD_CP="$ROOT/deploy/load/target/classes:$ROOT/command-side/target/classes:$ROOT/query-side/target/classes:$ROOT/shared-events/target/classes:$(cat "$CP_FILE")"
run_java() { java $HEAP -cp "$LOAD_CP" "$@"; }

# ---------------------------------------------------------------------------------------------------- PostgreSQL
log "PostgreSQL 15 on port $PGPORT (synchronous_commit on, fsync on), data in $WORK/pg/data"
mkdir -p "$WORK/pg"
[[ "$(id -un)" == postgres ]] || chown postgres "$WORK/pg"
as_postgres "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >> "$WORK/pg/data/postgresql.conf" <<EOF
listen_addresses = 'localhost'
port = $PGPORT
unix_socket_directories = '$WORK/pg'
max_connections = 200
shared_buffers = 512MB
synchronous_commit = on
fsync = on
wal_level = minimal
max_wal_senders = 0
max_wal_size = 4GB
EOF
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/postgres.log" -w start >/dev/null
"$PGBIN/psql" -h localhost -p "$PGPORT" -U postgres -qAt -v ON_ERROR_STOP=1 <<EOF
CREATE ROLE ledger LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
CREATE DATABASE ledger OWNER ledger;
CREATE DATABASE ceiling OWNER ledger;
EOF

# The load tool's province is rooted at unit 369900 (LoadTool.ROOT_UNIT): its users belong there, since a front office
# writes only for its own unit subtree (the embedded default's demo users belong to 360800/360802). Same passwords.
BENCH_USERS=()
i=0
for user in admin:ADMIN front:FRONT_OFFICE verifier:VERIFIER leader:LEADER inspector:INSPECTOR; do
  BENCH_USERS+=("--ledger.security.users[$i].username=${user%%:*}" "--ledger.security.users[$i].password={noop}${user%%:*}-demo"
                "--ledger.security.users[$i].role=${user##*:}" "--ledger.security.users[$i].unit-id=369900")
  i=$((i + 1))
done

start_app() { # the JDBC URL, then extra arguments for the application
  local url="$1"; shift
  java $HEAP -jar "$JAR" --server.port="$APP_PORT" --spring.datasource.url="$url" \
      --spring.datasource.username=ledger --spring.datasource.password="$DB_PASSWORD" "${BENCH_USERS[@]}" "$@" \
      > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null -u leader:leader-demo "http://localhost:$APP_PORT/api/units"; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; return 1; }
    sleep 0.2
  done
  echo "the application did not answer in 120 s" >&2; return 1
}
stop_app() { if [[ -n "$APP_PID" ]]; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi; }

# ---------------------------------------------------------------------------------------------------- ceiling
CEILING_TPS=""
if step ceiling; then
  log "ceiling: pgbench, one command-shaped transaction, $CLIENTS clients, $DURATION s"
  PGPASSWORD="$DB_PASSWORD" "$PGBIN/psql" -h localhost -p "$PGPORT" -U ledger -d ceiling -qAt -v ON_ERROR_STOP=1 \
      -f "$ROOT/deploy/bench/ceiling-schema.sql" >/dev/null
  (cd "$WORK" && PGPASSWORD="$DB_PASSWORD" "$PGBIN/pgbench" -h localhost -p "$PGPORT" -U ledger -n -M simple \
      -c "$CLIENTS" -j "$CLIENTS" -T "$((DURATION + WARMUP))" -l --log-prefix=ceiling \
      -f "$ROOT/deploy/bench/command-ceiling.sql" ceiling) > "$WORK/pgbench.txt" 2>&1
  cat "$WORK/pgbench.txt"
  CEILING_TPS="$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\)/\1/p' "$WORK/pgbench.txt")"
  # per-transaction latencies (µs, 3rd column) of the log files, after the warm-up
  read -r P50 P99 P999 < <(cat "$WORK"/ceiling.* | awk -v from="$(( $(head -1 -q "$WORK"/ceiling.* | awk '{print $5}' | sort -n | head -1) + WARMUP ))" \
      '$5 >= from {print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f %.2f %.2f\n", a[int(NR*0.5+0.999)]/1000, a[int(NR*0.99+0.999)]/1000, a[int(NR*0.999+0.999)]/1000}')
  echo "FIGURES ceiling clients=$CLIENTS tps=$CEILING_TPS p50_ms=$P50 p99_ms=$P99 p999_ms=$P999" | tee -a "$FIGURES"
  rm -f "$WORK"/ceiling.*
fi

# ---------------------------------------------------------------------------------------------------- commands
if step commands; then
  log "commands over HTTP: the single-process jar on this server, the load tool at $CLIENTS clients ($COMMAND_WARMUP s warm-up)"
  start_app "$JDBC"
  run_java com.zhaoshang.ledger.load.LoadTool --url="http://localhost:$APP_PORT" --concurrency="$CLIENTS" \
      --duration="$DURATION" --warmup="$COMMAND_WARMUP" --jdbc-url="$JDBC" --db-user=ledger | tee "$WORK/commands.txt"
  grep '^FIGURES' "$WORK/commands.txt" >> "$FIGURES"
  stop_app
  if [[ -n "$CEILING_TPS" ]]; then
    awk -v c="$CEILING_TPS" '/^FIGURES scenario=commands/ {for (i=1;i<=NF;i++) if ($i ~ /^throughput=/) {split($i,t,"="); printf "RATIO commands/ceiling = %.2f (%.1f / %.1f per s; target >= 0.70)\n", t[2]/c, t[2], c}}' \
        "$WORK/commands.txt" | tee -a "$FIGURES"
  fi
fi

# ---------------------------------------------------------------------------------------------------- generate
if step generate; then
  log "generator: $EVENTS events of a province through the event store"
  run_java com.zhaoshang.ledger.load.ProvinceGenerator --jdbc-url="$JDBC" --db-user=ledger --events="$EVENTS" \
      | tee "$WORK/generate.txt"
  grep '^FIGURES' "$WORK/generate.txt" >> "$FIGURES"
  "$PGBIN/psql" -h localhost -p "$PGPORT" -U postgres -d ledger -qAt -c "VACUUM ANALYZE"
fi

# ---------------------------------------------------------------------------------------------------- rebuild
SCHEMA="rebuild_$(date +%s)"
if step rebuild; then
  log "projection rebuild: every view from the empty schema $SCHEMA"
  run_java com.zhaoshang.ledger.load.RebuildBenchmark --jdbc-url="$JDBC" --db-user=ledger --schema="$SCHEMA" \
      | tee "$WORK/rebuild.txt"
  grep '^FIGURES' "$WORK/rebuild.txt" >> "$FIGURES"
fi

# ---------------------------------------------------------------------------------------------------- queries
if step queries; then
  log "leaders' queries at $(psql_ledger -d ledger -c 'SELECT count(*) FROM domainevententry') events, $QUERY_CLIENTS clients"
  if step rebuild; then
    QUERY_DB=("$JDBC?currentSchema=$SCHEMA,public" --ledger.query.flyway.schema="$SCHEMA")
  else
    QUERY_DB=("$JDBC")
  fi
  # The command side seals the generated events on its first start (event_seal, docs/AUDIT.md): about a minute of
  # both cores at 10^6 events. The queries are measured after it, on an otherwise idle application.
  start_app "${QUERY_DB[@]}"
  for _ in $(seq 1 600); do
    [[ "$(psql_ledger -d ledger -c 'SELECT (SELECT count(*) FROM event_seal) >= (SELECT count(*) FROM domainevententry)')" == t ]] && break
    sleep 1
  done
  log "events sealed: $(psql_ledger -d ledger -c 'SELECT count(*) FROM event_seal')"
  stop_app
  # as configured (a request asked again while the views stand still is answered from memory), then with that
  # memory off, every request computed from the views (LeaderViewsReads); each at QUERY_CLIENTS clients in turn
  for run in queries queries-computed; do
    if [[ $run == queries ]]; then start_app "${QUERY_DB[@]}"; else start_app "${QUERY_DB[@]}" --ledger.query.leader-reads.cache-size=0; fi
    for clients in $QUERY_CLIENTS; do
      run_java com.zhaoshang.ledger.load.LoadTool --scenario=queries --label="$run" --url="http://localhost:$APP_PORT" \
          --concurrency="$clients" --duration="$DURATION" --warmup="$WARMUP" --root-unit=368000 | tee "$WORK/$run-$clients.txt"
      grep '^FIGURES' "$WORK/$run-$clients.txt" >> "$FIGURES"
    done
    stop_app
  done
fi

# ---------------------------------------------------------------------------------------------------- aggregate
if step aggregate; then
  log "aggregate load: a Project with $LENGTHS events"
  run_java com.zhaoshang.ledger.load.AggregateLoadBenchmark --jdbc-url="$JDBC" --db-user=ledger --lengths="$LENGTHS" \
      | tee "$WORK/aggregate.txt"
  grep '^FIGURES' "$WORK/aggregate.txt" >> "$FIGURES"
fi

# ---------------------------------------------------------------------------------------------------- verify
if step verify; then
  log "audit verification: VerificationBenchmark ($VERIFY_EVENTS events, 3 runs) on this server"
  QCP="$ROOT/query-side/target/test-classes:$ROOT/query-side/target/classes:$(cat "$WORK/query-test-classpath.txt")"
  TEST_DATABASE_URL="jdbc:postgresql://localhost:$PGPORT/postgres?user=ledger&password=$DB_PASSWORD" \
      java $HEAP -cp "$QCP" com.zhaoshang.ledger.query.audit.bench.VerificationBenchmark "$VERIFY_EVENTS" 20000 3 \
      2>"$WORK/verify-bench.log" | tee "$WORK/verify.txt"
  grep '^run' "$WORK/verify.txt" | sed -E 's/^run ([0-9]+): verified ([0-9]+) events.* = ([0-9]+) events\/s.*/FIGURES verify_bench run=\1 events=\2 events_per_s=\3/' >> "$FIGURES"
  log "audit verification: VerifyIntegrity on the generated store (one cold JVM)"
  run_java com.zhaoshang.ledger.query.audit.VerifyIntegrity --url="$JDBC" --user=ledger > "$WORK/verify-store.json" \
      2> "$WORK/verify-store.txt" || true
  tail -3 "$WORK/verify-store.txt"
  echo "FIGURES verify_store $(tail -1 "$WORK/verify-store.txt")" >> "$FIGURES"
fi

# ---------------------------------------------------------------------------------------------------- startup
# Percent of CPU time idle over the next 2 seconds (all cores), from /proc/stat; time waiting for I/O is not idle.
idle_percent() {
  local a b
  a=($(head -1 /proc/stat)); sleep 2; b=($(head -1 /proc/stat))
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  echo $(( total > 0 ? 100 * (b[4] - a[4]) / total : 0 ))
}

if step startup; then
  log "start-up of the embedded default (java -jar, no datasource: embedded PostgreSQL in a fresh directory)"
  # The embedded default brings its own PostgreSQL: the suite's server (after the rebuild and verification steps it may
  # still be checkpointing or vacuuming) is stopped, and each run starts once the machine is idle (>= IDLE_MIN % over 2 s,
  # waiting for I/O counting as busy; at most 2 minutes of waiting), as a user's machine would be. The idle share at each
  # start is printed.
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true
  # The suite leaves gigabytes of written pages to the kernel: flushed first (untimed), or initdb's and PostgreSQL's own
  # fsyncs wait behind them (13.3 s instead of 8.5 s for the first start, with the CPUs idle but the disk busy).
  sync
  # Two ways to start the same jar: plain java -jar, and start-with-cds.sh (class data sharing; its archive is made
  # once per build, untimed, before its runs).
  JAVA_OPTS="$HEAP" JAR="$JAR" CDS_DIR="$WORK/cds" "$ROOT/deploy/single-process/start-with-cds.sh" --prepare-only
  for launch in jar cds; do
    rm -rf "$WORK/embedded" "$WORK/checkpoints"
    for run in 1 2; do
      for _ in $(seq 60); do idle=$(idle_percent); (( idle >= IDLE_MIN )) && break; done
      echo "start-up ($launch) run $run: machine ${idle} % idle before the start, load average $(cut -d' ' -f1 /proc/loadavg)"
      t0=$(date +%s.%N)
      args=(--server.port="$APP_PORT" --ledger.embedded-postgres.data-dir="$WORK/embedded" --ledger.audit.checkpoint-dir="$WORK/checkpoints")
      if [[ $launch == jar ]]; then
        java $HEAP -jar "$JAR" "${args[@]}" > "$WORK/startup-$launch-$run.log" 2>&1 &
      else
        JAVA_OPTS="$HEAP" JAR="$JAR" CDS_DIR="$WORK/cds" "$ROOT/deploy/single-process/start-with-cds.sh" "${args[@]}" \
            > "$WORK/startup-$launch-$run.log" 2>&1 &
      fi
      APP_PID=$!
      until curl -fs -o /dev/null -u leader:leader-demo "http://localhost:$APP_PORT/api/units"; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/startup-$launch-$run.log"; exit 1; }
        sleep 0.05
      done
      t1=$(date +%s.%N)
      spring="$(sed -nE 's/.*Started LedgerApplication in ([0-9.]+) seconds.*/\1/p' "$WORK/startup-$launch-$run.log")"
      label=$([[ $run == 1 ]] && echo "first (initdb of the embedded PostgreSQL)" || echo "second (existing data)")
      printf 'start-up (%s) %s: answering after %.1f s (Spring: %s s)\n' "$launch" "$label" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" "$spring"
      printf 'FIGURES startup launch=%s run=%d ready_s=%.1f spring_s=%s idle_before=%s%%\n' "$launch" "$run" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" "$spring" "$idle" >> "$FIGURES"
      stop_app
    done
  done
fi

log "figures (also in $FIGURES)"
cat "$FIGURES"
