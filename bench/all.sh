#!/usr/bin/env bash
# Every benchmark of issue 16 in one run: builds the jar once, runs each benchmark (each starts its
# own app on loopback with -Xmx512m and a GC log, and measures its anchor in the same run), then
# prints one table (figure, anchor, ratio, target, met/missed) and writes it, with the date, the
# machine (cores, memory, load) and the commit, into docs/performance.md between its markers.
#
#   bench/all.sh                 # about 20 minutes on a quiet 2-core machine
#   SKIP="dashboard" bench/all.sh  # leave out benchmarks by name: startup sign import lists dashboard
set -uo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

SKIP=${SKIP:-}
RESULTS=target/bench-results.txt
DOC=docs/performance.md
BEGIN_MARK='<!-- bench/all.sh: begin -->'
END_MARK='<!-- bench/all.sh: end -->'
STARTED=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

rm -rf "${BENCH_LOGS}" && mkdir -p "${BENCH_LOGS}"
: >"${RESULTS}"
export BENCH_RESULTS="${RESULTS}"

echo "=== build"
REBUILD=1 bench_jar >/dev/null || { echo "build failed"; exit 1; }

declare -A STATUS
run() { # NAME COMMAND...: runs one benchmark, its output in target/bench-logs/NAME.out
	local name=$1
	shift
	if [[ " ${SKIP} " == *" ${name} "* ]]; then
		STATUS[${name}]=skipped
		return
	fi
	echo "=== ${name}: $* ($(date -u +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg))"
	local t0=$(date +%s)
	if "$@" 2>&1 | tee "${BENCH_LOGS}/${name}.out"; then STATUS[${name}]=ok; else STATUS[${name}]=FAILED; fi
	echo "=== ${name}: ${STATUS[${name}]} in $(( $(date +%s) - t0 )) s"
}

run startup env RESTARTS=2 bench/startup.sh
run sign bench/sign-load.sh
run import bench/import-1m.sh
run lists bench/lists.sh
run dashboard env STEPS=10m bench/dashboard.sh

value() { grep "^$1=" "${RESULTS}" | tail -1 | cut -d= -f2; }

# heap: every app of the run had -Xmx512m; its GC log lists every pause
MAX_PAUSE=$(cat "${BENCH_LOGS}"/*-gc.log 2>/dev/null | grep 'Pause' | sed -E 's/.* ([0-9.]+)ms$/\1/' | sort -g | tail -1)
PAUSES=$(cat "${BENCH_LOGS}"/*-gc.log 2>/dev/null | grep -c 'Pause')
OOM=$(cat "${BENCH_LOGS}"/*-app.log 2>/dev/null | grep -c 'OutOfMemoryError')
SLOW_PAUSES=$(cat "${BENCH_LOGS}"/*-gc.log 2>/dev/null | grep 'Pause' | sed -E 's/.* ([0-9.]+)ms$/\1/' | awk '$1 > 200' | wc -l)

row() { # FIGURE FIGURE_VALUE ANCHOR ANCHOR_VALUE RATIO_MODE TARGET_TEXT CHECK
	# RATIO_MODE: ratio = value / anchor; CHECK: awk condition on r (ratio) and v (value)
	local figure=$1 fv=$2 anchor=$3 av=$4 target=$5 check=$6
	if [[ -z "${fv}" || -z "${av}" ]]; then
		printf '| %s | — | %s | — | %s | not measured |\n' "${figure}" "${anchor}" "${target}"
		return
	fi
	awk -v f="${figure}" -v fv="${fv}" -v a="${anchor}" -v av="${av}" -v t="${target}" "BEGIN {
		r = fv / av; v = fv; met = (${check}) ? \"met\" : \"**missed**\";
		printf \"| %s | %s | %s | %.2fx | %s | %s |\\n\", f, fv, a \" \" av, r, t, met }"
}

TABLE=$(
	echo "| figure | value | anchor, same run | ratio | target | result |"
	echo "| --- | --- | --- | --- | --- | --- |"
	row "sign throughput, 50 signers, 100 gates, 5 % wrong passwords (signatures/s)" "$(value sign_per_s)" \
		"bare Argon2id checks/s, same parameters, $(nproc) threads:" "$(value sign_anchor_per_s)" ">= 0.6x" "r >= 0.6"
	row "gate page p99 during that load (ms)" "$(value page_loaded_p99_ms)" "the same page unloaded (ms):" \
		"$(value page_unloaded_p99_ms)" "<= 3x, under 300 ms" "r <= 3 && v < 300"
	row "CSV import, 1M new rows (s)" "$(value import_new_s)" "psql \\\\copy, same-keyed table (s):" \
		"$(value import_psql_s)" "<= 1.5x" "r <= 1.5"
	row "CSV re-import, 1M upserts (s)" "$(value import_upsert_s)" "psql \\\\copy as above (s):" \
		"$(value import_psql_s)" "<= 2.0x" "r <= 2.0"
	row "restart to readiness, existing data dir (s)" "$(value startup_restart_s)" "first start (s):" \
		"$(value startup_first_s)" "<= 0.5x, under 8 s" "r <= 0.5 && v < 8"
	row "restart with CDS (extracted jar + class data archive) (s)" "$(value startup_cds_restart_s)" \
		"first start (s):" "$(value startup_first_s)" "<= 0.5x, under 8 s" "r <= 0.5 && v < 8"
	row "dashboard page p95 right after a write, 10M observations (ms)" "$(value dashboard_cold_p95_ms)" \
		"raw 52-week pair query (ms):" "$(value dashboard_raw52_ms)" "<= 0.2x" "r <= 0.2"
	row "My queue p95 at 10,000 gates (ms)" "$(value queue_large_p95_ms)" "the same at 100 gates (ms):" \
		"$(value queue_small_p95_ms)" "<= 1.3x" "r <= 1.3"
	row "gate list p95 at 10,000 gates (ms)" "$(value list_large_p95_ms)" "the same at 100 gates (ms):" \
		"$(value list_small_p95_ms)" "<= 1.3x" "r <= 1.3"
	if [[ -n "${MAX_PAUSE}" ]]; then
		HEAP_RESULT=$([[ "${OOM}" -eq 0 && "${SLOW_PAUSES}" -eq 0 ]] && echo met || echo '**missed**')
		echo "| heap: every app of the run with -Xmx512m | ${OOM} OutOfMemoryError, longest of ${PAUSES} GC pauses ${MAX_PAUSE} ms | — | — | no OutOfMemoryError, no GC pause over 200 ms | ${HEAP_RESULT} |"
	fi
)

MINUTES=$(( ($(date +%s) - STARTED + 59) / 60 ))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml bench || echo "+changes")
CPU=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
MEMORY=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
STATUSES=$(for name in startup sign import lists dashboard; do printf '%s: %s; ' "${name}" "${STATUS[${name}]:-?}"; done)

SECTION=$(cat <<EOF
${BEGIN_MARK}
Run of \`bench/all.sh\` on $(date -u +%F) at $(date -u +%H:%M) UTC, commit ${COMMIT}: $(nproc) cores (${CPU}), ${MEMORY}
memory, load average ${LOAD_BEFORE} before and ${LOAD_AFTER} after (the machine is shared with other builds), ${MINUTES}
minutes in all. Benchmarks: ${STATUSES% }

${TABLE}

Logs of this run: \`target/bench-logs/\` (each benchmark's output \`<name>.out\`, each app's log and GC log).
${END_MARK}
EOF
)

echo
echo "${TABLE}"
echo
echo "(${MINUTES} minutes; ${STATUSES% })"

if grep -q "${BEGIN_MARK}" "${DOC}"; then
	printf '%s\n' "${SECTION}" >target/bench-section.md
	python3 - "${DOC}" target/bench-section.md "${BEGIN_MARK}" "${END_MARK}" <<'PY'
import sys
path, section_path, begin, end = sys.argv[1:5]
text = open(path, encoding="utf-8").read()
section = open(section_path, encoding="utf-8").read().rstrip("\n")
head, rest = text.split(begin, 1)
tail = rest.split(end, 1)[1]
open(path, "w", encoding="utf-8").write(head + section + tail)
PY
	echo "written to ${DOC}"
else
	echo "no markers in ${DOC}: the section was not written"
fi
