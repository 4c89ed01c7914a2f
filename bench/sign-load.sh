#!/usr/bin/env bash
# Sign-load benchmark: N gates, S concurrent Delivery PM browser sessions signing the commercial
# tracks over loopback. Reports p50/p95/p99 of the sign POST and the gate page, errors, and
# (by SQL) duplicate valid signatures and gates approved without two valid approvals.
#
#   bench/sign-load.sh                  # builds, starts a fresh app on 127.0.0.1:8081, runs, stops it
#   GATES=200 SIGNERS=50 bench/sign-load.sh
#   BASE_URL=http://127.0.0.1:8081 DB_PORT=15481 bench/sign-load.sh   # target a running app
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8081}
DB_PORT=${DB_PORT:-15481}
GATES=${GATES:-100}
SIGNERS=${SIGNERS:-50}
BASE_URL=${BASE_URL:-http://127.0.0.1:${PORT}}
APP_PID=""

cleanup() {
	if [[ -n "${APP_PID}" ]]; then
		kill "${APP_PID}" 2>/dev/null || true
		wait "${APP_PID}" 2>/dev/null || true
	fi
}
trap cleanup EXIT

sql() {
	psql -h 127.0.0.1 -p "${DB_PORT}" -U postgres -d postgres -At -c "$1"
}

if ! curl -fs "${BASE_URL}/actuator/health" >/dev/null 2>&1; then
	echo "starting a fresh app on ${BASE_URL} (embedded PostgreSQL on ${DB_PORT})"
	./mvnw -B -q -DskipTests package
	rm -rf target/bench-db
	java -jar target/dualgate-*.jar --server.address=127.0.0.1 --server.port="${PORT}" --dualgate.demo=true \
		--dualgate.embedded-db.data-dir=target/bench-db --dualgate.embedded-db.port="${DB_PORT}" \
		--logging.level.io.dualgate.security=error >target/bench-app.log 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 180); do
		curl -fs "${BASE_URL}/actuator/health" >/dev/null 2>&1 && break
		kill -0 "${APP_PID}" 2>/dev/null || { echo "app failed to start, see target/bench-app.log"; exit 1; }
		sleep 1
	done
fi

EXPLORER_ID=$(sql "select id from app_user where username = 'explorer'")
DELIVERER_ID=$(sql "select id from app_user where username = 'deliverer'")

status=0
java bench/SignLoad.java "${BASE_URL}" "${GATES}" "${SIGNERS}" "${EXPLORER_ID}" "${DELIVERER_ID}" || status=$?

DUPLICATES=$(sql "select count(*) from (select gate_id, track from gate_signature where valid group by gate_id, track having count(*) > 1) d")
HALF_APPROVED=$(sql "select count(*) from gate g where g.status = 'APPROVED' and (select count(*) from gate_signature s where s.gate_id = g.id and s.valid and s.meaning = 'APPROVE') <> 2")
OPEN_WITH_TWO=$(sql "select count(*) from gate g where g.status = 'OPEN' and (select count(*) from gate_signature s where s.gate_id = g.id and s.valid and s.meaning = 'APPROVE') = 2")
DOUBLE_ADVANCE=$(sql "select count(*) from (select prototype_id, to_stage from stage_change group by 1, 2 having count(*) > 1) d")
echo "duplicate valid signatures: ${DUPLICATES}"
echo "approved gates without two valid approvals: ${HALF_APPROVED}; open gates holding two: ${OPEN_WITH_TWO}; double stage advances: ${DOUBLE_ADVANCE}"
TOKEN=$(curl -fs -u admin:dualgate-demo -H 'Content-Type: application/json' -d '{"name":"bench"}' "${BASE_URL}/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
echo "audit chain: $(curl -fs -H "Authorization: Bearer ${TOKEN}" "${BASE_URL}/api/v1/audit/verify")"

if [[ "${status}" -ne 0 || "${DUPLICATES}" -ne 0 || "${HALF_APPROVED}" -ne 0 || "${OPEN_WITH_TWO}" -ne 0 || "${DOUBLE_ADVANCE}" -ne 0 ]]; then
	echo "FAIL"
	exit 1
fi
echo "PASS"
