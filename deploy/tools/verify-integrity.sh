#!/usr/bin/env bash
# Checks the tamper evidence of a ledger database (docs/AUDIT.md): every stream's hash chain, the seal chain and the
# latest signed checkpoint (or one kept off the server). Prints the report as JSON; exits 0 when the log holds,
# 1 when a record fails (the report names the first), 2 when it could not check.
#
#   LEDGER_DB_PASSWORD=… LEDGER_AUDIT_CHECKPOINT_KEY=… \
#     deploy/tools/verify-integrity.sh --url=jdbc:postgresql://db:5432/ledger --user=ledger \
#       [--checkpoint-file=/offsite/checkpoint-00000000000000123456.json]
#
# Runs com.zhaoshang.ledger.query.audit.VerifyIntegrity from the query side's executable jar (LEDGER_QUERY_JAR, or
# query-side/target/query-side-*-exec.jar, built on first use).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${LEDGER_QUERY_JAR:-}"
if [[ -z "$jar" ]]; then
  jar="$(ls "$root"/query-side/target/query-side-*-exec.jar 2>/dev/null | head -n 1 || true)"
fi
if [[ -z "$jar" ]]; then
  echo "building the query side's jar (once)…" >&2
  (cd "$root" && ./mvnw -B -q -pl query-side -am package -DskipTests) >&2
  jar="$(ls "$root"/query-side/target/query-side-*-exec.jar | head -n 1)"
fi

exec java -cp "$jar" \
  -Dloader.main=com.zhaoshang.ledger.query.audit.VerifyIntegrity \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
