#!/usr/bin/env bash
# Load and correctness: 100 simulated PMs over 1,000 open gates at a constant arrival rate (open
# model), mixing gate pages, the prototype list, API reads, answers (API) and signatures (browser
# form). Fails on an error rate above 0.1 % or a p99 above its limit; afterwards proves by SQL that
# no gate holds two valid signatures of one track, no gate was approved without two valid
# approvals, no stage advanced twice, every approved gate moved its prototype exactly once, and
# that the audit chain verifies. Loopback only, bounded in time and count.
#
#   bench/load.sh                           # starts a fresh app on 127.0.0.1:8086, runs 120 s at 6 req/s
#   RATE=10 DURATION=180 bench/load.sh
#   P99_API_MS=1500 P99_SIGN_MS=3000 bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8086}
DB_PORT=${DB_PORT:-15460}
RATE=${RATE:-6}
DURATION=${DURATION:-120}
MAX_REQUESTS=${MAX_REQUESTS:-20000}
# p99 limits (ms) from the first measured baseline at 6 req/s on 2 shared cores (docs/load-and-faults.md),
# about 1.5 x the baseline. The prototype list renders every prototype (no paging yet): its limit is
# a known weakness written down, not a target.
P99_API_MS=${P99_API_MS:-3000}
P99_PAGE_MS=${P99_PAGE_MS:-9000}
P99_LIST_MS=${P99_LIST_MS:-60000}
P99_WRITE_MS=${P99_WRITE_MS:-3000}
P99_SIGN_MS=${P99_SIGN_MS:-4000}
BASE_URL=http://127.0.0.1:${PORT}
APP_PID=""
RUN=$(date +%s | tail -c 6)

cleanup() {
	if [[ -n "${APP_PID}" ]]; then
		kill "${APP_PID}" 2>/dev/null || true
		wait "${APP_PID}" 2>/dev/null || true
	fi
}
trap cleanup EXIT

sql() {
	psql -h 127.0.0.1 -p "${DB_PORT}" -U postgres -d postgres -At "$@"
}

if ! curl -fs "${BASE_URL}/actuator/health" >/dev/null 2>&1; then
	echo "starting a fresh app on ${BASE_URL} (embedded PostgreSQL on ${DB_PORT})"
	ls target/dualgate-*.jar >/dev/null 2>&1 || ./mvnw -B -q -DskipTests package
	rm -rf target/load-db
	java -Xmx1g -jar target/dualgate-*.jar --server.address=127.0.0.1 --server.port="${PORT}" --dualgate.demo=true \
		--dualgate.embedded-db.data-dir=target/load-db --dualgate.embedded-db.port="${DB_PORT}" \
		--logging.level.io.dualgate.security=error >target/load-app.log 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 240); do
		curl -fs "${BASE_URL}/actuator/health" >/dev/null 2>&1 && break
		kill -0 "${APP_PID}" 2>/dev/null || { echo "app failed to start, see target/load-app.log"; exit 1; }
		sleep 1
	done
fi

echo "setup: 100 people, 1,000 prototypes with open gates (run ${RUN})"
sql -q -v run="${RUN}" -f bench/load-setup.sql
sql -F'|' -c "select g.id, x.username, d.username from gate g join prototype p on p.id = g.prototype_id
	join app_user x on x.id = p.exploration_pm_id join app_user d on d.id = p.delivery_pm_id
	where p.key like 'LOAD${RUN}-%' and g.status = 'OPEN'" >target/load-gates.txt
echo "gates: $(wc -l <target/load-gates.txt)"

status=0
java bench/GateLoad.java "${BASE_URL}" target/load-gates.txt "${RATE}" "${DURATION}" "${MAX_REQUESTS}" \
	"${P99_API_MS}" "${P99_PAGE_MS}" "${P99_LIST_MS}" "${P99_WRITE_MS}" "${P99_SIGN_MS}" || status=$?

echo "--- correctness (whole database)"
DUPLICATES=$(sql -c "select count(*) from (select gate_id, track from gate_signature where valid group by 1, 2 having count(*) > 1) d")
HALF_APPROVED=$(sql -c "select count(*) from gate g where g.status = 'APPROVED' and (select count(*) from gate_signature s
	where s.gate_id = g.id and s.valid and s.meaning = 'APPROVE') <> 2")
OPEN_WITH_TWO=$(sql -c "select count(*) from gate g where g.status = 'OPEN' and (select count(*) from gate_signature s
	where s.gate_id = g.id and s.valid and s.meaning = 'APPROVE') = 2")
DOUBLE_ADVANCE=$(sql -c "select count(*) from (select prototype_id, to_stage from stage_change group by 1, 2 having count(*) > 1) d")
UNMOVED=$(sql -c "select count(*) from gate g where g.status = 'APPROVED' and not exists (select 1 from stage_change c
	where c.prototype_id = g.prototype_id and c.to_stage = g.to_stage)")
MOVED_WITHOUT_GATE=$(sql -c "select count(*) from prototype p where p.key like 'LOAD${RUN}-%' and p.stage <> 'PROTOTYPE'
	and not exists (select 1 from gate g where g.prototype_id = p.id and g.status = 'APPROVED')")
SIGNED=$(sql -c "select count(*) from gate_signature s join gate g on g.id = s.gate_id join prototype p on p.id = g.prototype_id
	where p.key like 'LOAD${RUN}-%'")
INVALIDATED=$(sql -c "select count(*) from gate_signature s join gate g on g.id = s.gate_id join prototype p on p.id = g.prototype_id
	where p.key like 'LOAD${RUN}-%' and not s.valid")
APPROVED=$(sql -c "select count(*) from gate g join prototype p on p.id = g.prototype_id where p.key like 'LOAD${RUN}-%' and g.status = 'APPROVED'")
echo "signatures in this run: ${SIGNED} (${INVALIDATED} later invalidated by a changed answer); gates approved: ${APPROVED}"
echo "duplicate valid signatures: ${DUPLICATES}"
echo "approved gates without exactly two valid approvals: ${HALF_APPROVED}; open gates holding two: ${OPEN_WITH_TWO}"
echo "double stage advances: ${DOUBLE_ADVANCE}; approved gates that did not move their prototype: ${UNMOVED}; prototypes moved without an approved gate: ${MOVED_WITHOUT_GATE}"
TOKEN=$(curl -fs -u admin:dualgate-demo -H 'Content-Type: application/json' -d '{"name":"load"}' "${BASE_URL}/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
AUDIT=$(curl -fs -H "Authorization: Bearer ${TOKEN}" "${BASE_URL}/api/v1/audit/verify")
echo "audit chain: ${AUDIT}"

if [[ "${status}" -ne 0 || "${DUPLICATES}" -ne 0 || "${HALF_APPROVED}" -ne 0 || "${OPEN_WITH_TWO}" -ne 0 \
	|| "${DOUBLE_ADVANCE}" -ne 0 || "${UNMOVED}" -ne 0 || "${MOVED_WITHOUT_GATE}" -ne 0 || "${AUDIT}" != *'"intact":true'* ]]; then
	echo "FAIL"
	exit 1
fi
echo "PASS"
