#!/usr/bin/env bash
# Sign-load benchmark (issue 16): SIGNERS Delivery PMs sign the commercial tracks of GATES gates at
# once over loopback, every WRONG_EVERY-th sign request with a wrong password; a reader reads a
# plain gate page at a fixed pace before (unloaded) and during the load. In the same run, the bare
# Argon2id check with the application's own stored hash runs on as many threads as the
# application's hashing pool (the cores), before and after the load: the anchor of the throughput.
#
# Prints: signatures/s vs Argon2id checks/s (target >= 0.6x), the probe page's p99 loaded vs
# unloaded (target <= 3x and under 300 ms), and the correctness checks: every wrong password refused
# and counted (security log), no duplicate valid signature, no gate approved without two approvals,
# no double stage advance, the audit chain intact.
#
#   bench/sign-load.sh                  # starts a fresh app on 127.0.0.1:8081 (-Xmx512m), runs, stops it
#   GATES=100 SIGNERS=50 WRONG_EVERY=20 bench/sign-load.sh
#   BASE_URL=http://127.0.0.1:8081 DB_PORT=15481 bench/sign-load.sh   # against a running app (no log check)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

PORT=${PORT:-8081}
DB_PORT=${DB_PORT:-15481}
GATES=${GATES:-100}
SIGNERS=${SIGNERS:-50}
WRONG_EVERY=${WRONG_EVERY:-20}
PROBE_MS=${PROBE_MS:-50}
PROBE_SAMPLES=${PROBE_SAMPLES:-100}
ANCHOR_SECONDS=${ANCHOR_SECONDS:-8}
THREADS=${THREADS:-$(nproc)}
BASE_URL=${BASE_URL:-http://127.0.0.1:${PORT}}
DATA_DIR=target/bench-db-sign
RUN=s$(date +%s | tail -c 6)
APP_PID=""
APP_LOG=""

cleanup() { if [[ -n "${APP_PID}" ]]; then bench_stop "${APP_PID}" "${DATA_DIR}"; fi; }
trap cleanup EXIT

sql() { psql -X -h 127.0.0.1 -p "${DB_PORT}" -U postgres -d postgres -At "$@"; }

JAR=$(bench_jar)
LIBS=$(bench_libs "${JAR}")
if ! curl -fs "${BASE_URL}/actuator/health" >/dev/null 2>&1; then
	echo "starting a fresh app on ${BASE_URL} (embedded PostgreSQL on ${DB_PORT}, -Xmx${BENCH_HEAP})"
	rm -rf "${DATA_DIR}"
	bench_start sign "${PORT}" "${DB_PORT}" "${DATA_DIR}" --logging.level.io.dualgate.security=warn || { APP_PID=${BENCH_PID}; exit 1; }
	APP_PID=${BENCH_PID}
	APP_LOG=${BENCH_LOGS}/sign-app.log
	echo "ready in ${BENCH_READY_S} s"
fi

echo "setup: ${SIGNERS} Delivery PMs, ${GATES} gates (+1 probe gate), run ${RUN}"
sql -q -v run="${RUN}" -v gates="${GATES}" -v signers="${SIGNERS}" -f bench/sign-setup.sql
sql -F'|' -c "select g.id, d.username from gate g join prototype p on p.id = g.prototype_id
	join app_user d on d.id = p.delivery_pm_id where p.key like 'SIGN${RUN^^}-%' and p.key <> 'SIGN${RUN^^}-0'
	order by g.id" >target/sign-gates.txt
PROBE_GATE=$(sql -c "select g.id from gate g join prototype p on p.id = g.prototype_id where p.key = 'SIGN${RUN^^}-0'")
java bench/SignLoad.java setup "${BASE_URL}" target/sign-gates.txt

HASH=$(sql -c "select password_hash from app_user where username = 'deliverer'")
anchor() { # prints the line to stderr, the checks/s to stdout
	local line
	line=$(java -cp "${LIBS}/*" bench/Argon2Anchor.java "${HASH}" dualgate-demo "${THREADS}" "${ANCHOR_SECONDS}")
	echo "${line}" >&2
	echo "${line}" | sed 's/.*= \([0-9.]*\) checks.*/\1/'
}
echo "anchor before the load (bare Argon2id, ${THREADS} threads, the stored hash's parameters):"
ANCHOR_BEFORE=$(anchor)

FAILED_BEFORE=0
if [[ -n "${APP_LOG}" ]]; then FAILED_BEFORE=$(grep -c 'Failed signature password check' "${APP_LOG}" || true); fi
status=0
java bench/SignLoad.java load "${BASE_URL}" target/sign-gates.txt "${PROBE_GATE}" "${WRONG_EVERY}" "${PROBE_MS}" \
	"${PROBE_SAMPLES}" | tee target/sign-load.out || status=$?

echo "anchor after the load:"
ANCHOR_AFTER=$(anchor)

value() { grep "^RESULT $1=" target/sign-load.out | sed 's/.*=//'; }
SIGNS=$(value signs_per_s)
WRONG_SENT=$(value wrong_sent)
UNLOADED=$(value probe_unloaded_p99_ms)
LOADED=$(value probe_loaded_p99_ms)
ANCHOR=$(awk -v a="${ANCHOR_BEFORE}" -v b="${ANCHOR_AFTER}" 'BEGIN { printf "%.1f", (a + b) / 2 }')

echo "--- correctness"
DUPLICATES=$(sql -c "select count(*) from (select gate_id, track from gate_signature where valid group by gate_id, track having count(*) > 1) d")
HALF_APPROVED=$(sql -c "select count(*) from gate g where g.status = 'APPROVED' and (select count(*) from gate_signature s where s.gate_id = g.id and s.valid and s.meaning = 'APPROVE') <> 2")
OPEN_WITH_TWO=$(sql -c "select count(*) from gate g where g.status = 'OPEN' and (select count(*) from gate_signature s where s.gate_id = g.id and s.valid and s.meaning = 'APPROVE') = 2")
DOUBLE_ADVANCE=$(sql -c "select count(*) from (select prototype_id, to_stage from stage_change group by 1, 2 having count(*) > 1) d")
APPROVED=$(sql -c "select count(*) from gate g join prototype p on p.id = g.prototype_id where p.key like 'SIGN${RUN^^}-%' and g.status = 'APPROVED'")
LOCKED=$(sql -c "select count(*) from app_user where username like 'sign${RUN}-%' and locked_until > now()")
echo "gates approved: ${APPROVED} of ${GATES}; signers locked out: ${LOCKED}"
echo "duplicate valid signatures: ${DUPLICATES}"
echo "approved gates without two valid approvals: ${HALF_APPROVED}; open gates holding two: ${OPEN_WITH_TWO}; double stage advances: ${DOUBLE_ADVANCE}"
COUNTED_OK=1
if [[ -n "${APP_LOG}" ]]; then
	COUNTED=$(( $(grep -c 'Failed signature password check' "${APP_LOG}" || true) - FAILED_BEFORE ))
	echo "wrong passwords counted towards lock-out (security log): ${COUNTED} of ${WRONG_SENT}"
	[[ "${COUNTED}" -eq "${WRONG_SENT}" ]] || COUNTED_OK=0
fi
TOKEN=$(curl -fs -u admin:dualgate-demo -H 'Content-Type: application/json' -d '{"name":"bench"}' "${BASE_URL}/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
AUDIT=$(curl -fs -H "Authorization: Bearer ${TOKEN}" "${BASE_URL}/api/v1/audit/verify")
echo "audit chain: ${AUDIT}"

echo "--- figures"
awk -v s="${SIGNS}" -v a="${ANCHOR}" -v b="${ANCHOR_BEFORE}" -v c="${ANCHOR_AFTER}" 'BEGIN {
	printf "sign throughput: %.1f signatures/s vs bare Argon2id %.1f checks/s (before %.1f, after %.1f): %.2fx (target >= 0.6x)\n", s, a, b, c, s / a }'
awk -v l="${LOADED}" -v u="${UNLOADED}" 'BEGIN {
	printf "gate page p99 during the load: %.1f ms vs %.1f ms unloaded: %.2fx (target <= 3x and under 300 ms)\n", l, u, l / u }'
bench_result sign_per_s "${SIGNS}"
bench_result sign_anchor_per_s "${ANCHOR}"
bench_result page_loaded_p99_ms "${LOADED}"
bench_result page_unloaded_p99_ms "${UNLOADED}"

if [[ "${status}" -ne 0 || "${DUPLICATES}" -ne 0 || "${HALF_APPROVED}" -ne 0 || "${OPEN_WITH_TWO}" -ne 0 \
	|| "${DOUBLE_ADVANCE}" -ne 0 || "${APPROVED}" -ne "${GATES}" || "${LOCKED}" -ne 0 || "${COUNTED_OK}" -ne 1 \
	|| "${AUDIT}" != *'"intact":true'* ]]; then
	bench_result sign_checks FAIL
	echo "FAIL"
	exit 1
fi
bench_result sign_checks PASS
echo "PASS"
