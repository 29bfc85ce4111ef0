#!/usr/bin/env bash
# The embedded default (or any single-process configuration: arguments are passed on) started with class data
# sharing, Spring Boot's documented way to start faster: the jar is extracted once, a training run that stops right
# after the context refresh records the classes it loads in an archive, and every later start maps that archive
# instead of loading and verifying the classes again (docs/PERFORMANCE.md, "Start-up").
#
#   deploy/single-process/start-with-cds.sh                       # like java -jar zhaoshang-ledger.jar
#   deploy/single-process/start-with-cds.sh --server.port=18080 --ledger.embedded-postgres.data-dir=/tmp/x
#   deploy/single-process/start-with-cds.sh --prepare-only          # make the archive, start nothing
#
# JAR (default: the module's built jar) and CDS_DIR (default: target/cds beside it) can be set. The archive is
# made again when the jar is newer than it. The training run uses a throw-away embedded PostgreSQL, never your data.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="${JAR:-$HERE/target/zhaoshang-ledger.jar}"
CDS_DIR="${CDS_DIR:-$(dirname "$JAR")/cds}"
APP="$CDS_DIR/app/$(basename "$JAR")"
ARCHIVE="$CDS_DIR/app.jsa"

[[ -f "$JAR" ]] || { echo "no $JAR: build it first (./mvnw -pl deploy/single-process -am package -DskipTests)" >&2; exit 1; }

if [[ ! -f "$ARCHIVE" || "$JAR" -nt "$ARCHIVE" ]]; then
  echo "start-with-cds: extracting $JAR and recording the class-data-sharing archive (once per build)" >&2
  rm -rf "$CDS_DIR"
  mkdir -p "$CDS_DIR"
  java -Djarmode=tools -jar "$JAR" extract --destination "$CDS_DIR/app" >/dev/null
  TRAINING="$(mktemp -d)"
  # The training run ends with Runtime.halt (spring.context.exit=onRefresh): no shutdown hook stops its PostgreSQL.
  end_training() {
    local pid
    pid="$(head -1 "$TRAINING/postgres/postmaster.pid" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && kill -INT "$pid" 2>/dev/null; then
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$TRAINING"
  }
  trap end_training EXIT
  if ! java -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.context.exit=onRefresh \
        -jar "$APP" --server.port=0 --ledger.embedded-postgres.data-dir="$TRAINING/postgres" \
        --ledger.audit.checkpoint-dir="$TRAINING/checkpoints" > "$CDS_DIR/training.log" 2>&1; then
    echo "start-with-cds: the training run failed, see $CDS_DIR/training.log" >&2
    rm -f "$ARCHIVE"
    exit 1
  fi
  end_training
  trap - EXIT
fi

[[ "${1:-}" == --prepare-only ]] && exit 0
exec java ${JAVA_OPTS:-} -XX:SharedArchiveFile="$ARCHIVE" -Xlog:cds=off -jar "$APP" "$@"
