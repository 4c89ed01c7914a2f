#!/usr/bin/env bash
# Bulk observation import (issue 16), side by side with `psql \copy`, same file, same run:
#   - a file of ROWS `prototype,metric,date,value` rows (1,000,000 by default: 22 prototypes x 13
#     metrics x ~10 years of days, none of them stored yet);
#   - anchor: psql \copy into a table with the same primary key as `observation`, once before and
#     once after the imports (the mean is the anchor);
#   - DualGate: POST /api/v1/observations (text/csv) over loopback: parsed, validated and COPYed
#     into a staging table in one pass as it arrives, then merged with one statement (all new
#     days: INSERT ... SELECT); then the same file again, every row replacing a stored value
#     (INSERT ... ON CONFLICT DO UPDATE). The app logs each phase (read and validate, COPY, merge).
# Targets: new rows <= 1.5x psql, all upserts <= 2.0x psql.
#
#   bench/import-1m.sh                  # starts a fresh app on 127.0.0.1:8082 (-Xmx512m), runs, stops it
#   APP=http://127.0.0.1:8082 DB_PORT=54329 bench/import-1m.sh    # against a running app
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

PORT=${PORT:-8082}
DB_PORT=${DB_PORT:-54329}
APP=${APP:-http://127.0.0.1:${PORT}}
ROWS=${ROWS:-1000000}
DATA_DIR=target/bench-db-import
WORK=$(mktemp -d)
FILE="${WORK}/observations.csv"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${DB_PORT}" -U postgres -d postgres)
APP_PID=""
APP_LOG=""

cleanup() { if [[ -n "${APP_PID}" ]]; then bench_stop "${APP_PID}" "${DATA_DIR}"; fi; rm -rf "${WORK}"; }
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

if ! curl -fs "${APP}/actuator/health" >/dev/null 2>&1; then
	echo "starting a fresh app on ${APP} (embedded PostgreSQL on ${DB_PORT}, -Xmx${BENCH_HEAP})"
	rm -rf "${DATA_DIR}"
	bench_start import "${PORT}" "${DB_PORT}" "${DATA_DIR}" || { APP_PID=${BENCH_PID}; exit 1; }
	APP_PID=${BENCH_PID}
	APP_LOG=${BENCH_LOGS}/import-app.log
	echo "ready in ${BENCH_READY_S} s"
fi

echo "Preparing 8 extra bench prototypes (BENCH-01..08) so that 1M distinct rows fit in dates since 2000"
"${PSQL[@]}" <<'SQL'
insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
select 'BENCH-0' || n, 'Bench ' || n, 'Bulk import benchmark', 'Benchmark',
       (select id from app_user where username = 'explorer'), (select id from app_user where username = 'deliverer'),
       'PROTOTYPE'
from generate_series(1, 8) n
on conflict (key) do nothing;
SQL

echo "Generating ${ROWS} rows into ${FILE} (days before the demo year: none stored yet)"
"${PSQL[@]}" -t -A -c "select key from prototype order by id limit 22" >"${WORK}/prototypes.txt"
"${PSQL[@]}" -t -A -c "select key from metric_definition order by key" >"${WORK}/metrics.txt"
awk -v rows="${ROWS}" -v today="$(date -u +%F)" '
  FNR == NR { p[np++] = $0; next }
  { m[nm++] = $0 }
  END {
    print "prototype,metric,date,value"
    cmd = "date -u -d " today " +%s"; cmd | getline t0; close(cmd)
    n = 0
    for (d = 400; n < rows; d++) {
      day = strftime("%Y-%m-%d", t0 - d * 86400, 1)
      for (i = 0; i < np && n < rows; i++)
        for (j = 0; j < nm && n < rows; j++) {
          printf "%s,%s,%s,%.2f\n", p[i], m[j], day, (n * 7919 % 10000) / 100.0
          n++
        }
    }
  }' "${WORK}/prototypes.txt" "${WORK}/metrics.txt" >"${FILE}"
echo "File: $(($(wc -l <"${FILE}") - 1)) rows, $(du -h "${FILE}" | cut -f1)"
"${PSQL[@]}" -c "delete from observation where observed_on <= current_date - 400" -c "vacuum analyze observation"

psql_copy() { # prints the seconds psql \copy takes into a fresh table with the same primary key
	"${PSQL[@]}" -c "drop table if exists bench_copy" -c "create table bench_copy (prototype varchar(32),
		metric_key varchar(64), observed_on date, value numeric, primary key (prototype, metric_key, observed_on))"
	local t0 t1
	t0=$(now)
	"${PSQL[@]}" -c "\\copy bench_copy from '${FILE}' with (format csv, header true)"
	t1=$(now)
	"${PSQL[@]}" -c "drop table bench_copy"
	elapsed "${t0}" "${t1}"
}

TOKEN=$(curl -sf -u admin:dualgate-demo -X POST -H 'Content-Type: application/json' \
	-d '{"name":"bench"}' "${APP}/api/v1/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
import() { # POSTs the file; prints "seconds response"
	local t0 t1 response
	t0=$(now)
	response=$(curl -s -w ' HTTP %{http_code}' -X POST -H "Authorization: Bearer ${TOKEN}" -H 'Content-Type: text/csv' \
		--data-binary @"${FILE}" "${APP}/api/v1/observations")
	t1=$(now)
	echo "$(elapsed "${t0}" "${t1}") ${response}"
}
phases() { # the app's own account of its last import
	if [[ -n "${APP_LOG}" ]]; then grep 'Stored [0-9]* observations' "${APP_LOG}" | tail -1 | sed 's/.*: Stored/  app: stored/'; fi
}

echo "psql \\copy (anchor, before) ..."
PSQL1=$(psql_copy)
echo "DualGate import, new days ..."
read -r APP1 RESPONSE1 < <(import)
phases
"${PSQL[@]}" -c "vacuum analyze observation"
echo "DualGate import of the same file again, every row replacing a stored value ..."
read -r APP2 RESPONSE2 < <(import)
phases
echo "psql \\copy (anchor, after) ..."
PSQL2=$(psql_copy)
PSQL_S=$(awk -v a="${PSQL1}" -v b="${PSQL2}" 'BEGIN { printf "%.2f", (a + b) / 2 }')

echo
echo "rows:                                  ${ROWS}"
echo "psql \\copy (same primary key):         ${PSQL_S} s (${PSQL1} s before, ${PSQL2} s after)"
echo "DualGate import (new days):            ${APP1} s -> ${RESPONSE1}"
echo "DualGate import again (all upserts):   ${APP2} s -> ${RESPONSE2}"
awk -v a="${APP1}" -v b="${APP2}" -v p="${PSQL_S}" 'BEGIN {
	printf "ratio to psql: new days %.2fx (target <= 1.5x), all upserts %.2fx (target <= 2.0x)\n", a / p, b / p }'
[[ "${RESPONSE1}" == *"HTTP 201"* && "${RESPONSE2}" == *"HTTP 201"* ]] || { echo "FAIL: an import was refused"; exit 1; }
bench_result import_psql_s "${PSQL_S}"
bench_result import_new_s "${APP1}"
bench_result import_upsert_s "${APP2}"
