#!/usr/bin/env bash
# Start-up (issue 16): seconds from `java -jar` to readiness (/actuator/health/readiness UP) on a
# first start (empty data directory: initdb, migrations, demo data) and on restarts with the data
# directory left by it, then the same restarts with Spring Boot's CDS support (the jar extracted
# with `-Djarmode=tools extract`, a class data archive written by a training run that stops after
# the context refreshed, and `-XX:SharedArchiveFile`), the production way to start. Finally one
# restart with -Ddualgate.startup-steps=true lists the slowest start-up steps from the actuator's
# startup endpoint. Target: restart <= 0.5x the first start, under 8 s. Loopback only.
#
#   bench/startup.sh            # RESTARTS=3 PORT=18080 DB_PORT=15490
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

PORT=${PORT:-18080}
DB_PORT=${DB_PORT:-15490}
RESTARTS=${RESTARTS:-3}
DATA_DIR=target/bench-db-startup
CDS_DIR=target/bench-cds
APP_PID=""

cleanup() { if [[ -n "${APP_PID}" ]]; then bench_stop "${APP_PID}" "${DATA_DIR}"; fi; }
trap cleanup EXIT

JAR=$(bench_jar)
start_once() { # NAME [extra app arguments]: starts, waits for readiness, stops; prints the seconds
	local name=$1
	shift
	bench_start "${name}" "${PORT}" "${DB_PORT}" "${DATA_DIR}" "$@" || { APP_PID=${BENCH_PID}; exit 1; }
	APP_PID=${BENCH_PID}
	bench_stop "${APP_PID}" "${DATA_DIR}"
	APP_PID=""
}
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

rm -rf "${DATA_DIR}"
start_once startup-first
FIRST=${BENCH_READY_S}
echo "first start (new data directory: initdb, migrations, demo data): ${FIRST} s"

PLAIN=""
for i in $(seq 1 "${RESTARTS}"); do
	start_once "startup-restart-${i}"
	echo "restart ${i} (existing data directory): ${BENCH_READY_S} s"
	PLAIN="${PLAIN} ${BENCH_READY_S}"
done
RESTART=$(echo "${PLAIN}" | median)

echo "CDS: extracting the jar and training the class data archive"
rm -rf "${CDS_DIR}"
java -Djarmode=tools -jar "${JAR}" extract --destination "${CDS_DIR}" >/dev/null
CDS_JAR="${CDS_DIR}/$(basename "${JAR}")"
java -Xmx"${BENCH_HEAP}" -XX:ArchiveClassesAtExit="${CDS_DIR}/application.jsa" -Dspring.context.exit=onRefresh \
	-jar "${CDS_JAR}" --server.address=127.0.0.1 --server.port="${PORT}" --dualgate.embedded-db.data-dir="${DATA_DIR}" \
	--dualgate.embedded-db.port="${DB_PORT}" >"${BENCH_LOGS}/startup-cds-training.log" 2>&1 || true
if [[ -f "${DATA_DIR}/postmaster.pid" ]]; then bench_stop "" "${DATA_DIR}"; fi
CDS=""
for i in $(seq 1 "${RESTARTS}"); do
	BENCH_JAR="${CDS_JAR}" BENCH_JAVA_OPTS="-XX:SharedArchiveFile=${CDS_DIR}/application.jsa" start_once "startup-cds-${i}"
	echo "restart ${i} with CDS (extracted jar, class data archive): ${BENCH_READY_S} s"
	CDS="${CDS} ${BENCH_READY_S}"
done
CDS_RESTART=$(echo "${CDS}" | median)

echo "where a restart spends its time (the slowest start-up steps, ms):"
BENCH_JAVA_OPTS="-Ddualgate.startup-steps=true" bench_start startup-steps "${PORT}" "${DB_PORT}" "${DATA_DIR}" \
	--management.endpoints.web.exposure.include=health,startup || { APP_PID=${BENCH_PID}; exit 1; }
APP_PID=${BENCH_PID}
curl -fs -u admin:dualgate-demo "http://127.0.0.1:${PORT}/actuator/startup" >"${BENCH_LOGS}/startup-steps.json" || true
bench_stop "${APP_PID}" "${DATA_DIR}"
APP_PID=""
if [[ -s "${BENCH_LOGS}/startup-steps.json" ]]; then
	jq -r '.timeline.events[] | [(.duration | sub("^PT"; "") | sub("S$"; "") | tonumber * 1000 | floor), .startupStep.name,
		((.startupStep.tags // []) | map(select(.key == "beanName" or .key == "name")) | map(.value) | join(" "))] | @tsv' \
		"${BENCH_LOGS}/startup-steps.json" | sort -rn | grep -v "spring.boot.application.running\|spring.context.refresh\|spring.boot.application.started" | head -15 \
		| awk -F'\t' '{ printf "  %7d  %s %s\n", $1, $2, $3 }'
fi
grep -h "Started DualGateApplication" "${BENCH_LOGS}/startup-restart-1-app.log" | sed 's/.*: /  log of restart 1: /' || true

awk -v r="${RESTART}" -v f="${FIRST}" -v c="${CDS_RESTART}" 'BEGIN {
	printf "restart %.1f s vs first start %.1f s: %.2fx; with CDS %.1f s: %.2fx (target <= 0.5x and under 8 s)\n", r, f, r / f, c, c / f }'
bench_result startup_first_s "${FIRST}"
bench_result startup_restart_s "${RESTART}"
bench_result startup_cds_restart_s "${CDS_RESTART}"
