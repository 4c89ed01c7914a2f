# Shared by the bench/ scripts (source it): build once, start and stop the app on loopback with a
# bounded heap and a GC log, wait for readiness. Every app a benchmark starts runs with
# -Xmx${BENCH_HEAP} (512m by default) and logs its GC pauses to target/bench-logs/<name>-gc.log;
# bench/all.sh reads those logs for the heap target.
BENCH_HEAP=${BENCH_HEAP:-512m}
BENCH_LOGS=${BENCH_LOGS:-target/bench-logs}
mkdir -p "${BENCH_LOGS}"

bench_jar() { # builds the jar when missing (or REBUILD=1) and prints its path (BENCH_JAR overrides it)
	if [[ -n "${BENCH_JAR:-}" ]]; then
		echo "${BENCH_JAR}"
		return
	fi
	local jar
	jar=$(ls target/dualgate-*.jar 2>/dev/null | grep -v original | head -1 || true)
	if [[ -z "${jar}" || -n "${REBUILD:-}" ]]; then
		./mvnw -B -q -o -DskipTests package >&2 || ./mvnw -B -q -DskipTests package >&2
		jar=$(ls target/dualgate-*.jar | grep -v original | head -1)
	fi
	echo "${jar}"
}

bench_libs() { # the jar's libraries as a class path directory (for the Argon2 anchor), extracted once per jar
	local jar=$1 dir=target/bench-extract
	if [[ ! -d "${dir}/lib" || "${jar}" -nt "${dir}/lib" ]]; then
		rm -rf "${dir}"
		java -Djarmode=tools -jar "${jar}" extract --destination "${dir}" >/dev/null
		touch "${dir}/lib"
	fi
	echo "${dir}/lib"
}

# bench_start NAME PORT DB_PORT DATA_DIR [extra app arguments...]: starts the app in the background
# (pid in BENCH_PID), waits until /actuator/health/readiness is UP; the seconds it took in BENCH_READY_S.
# Call it directly, not in $( ): the app must be this shell's child.
bench_start() {
	local name=$1 port=$2 db_port=$3 data_dir=$4
	shift 4
	local jar start
	jar=$(bench_jar)
	BENCH_PID=""
	start=$(date +%s.%N)
	# shellcheck disable=SC2086
	java -Xmx"${BENCH_HEAP}" -Xlog:gc:file="${BENCH_LOGS}/${name}-gc.log" ${BENCH_JAVA_OPTS:-} -jar "${jar}" \
		--server.address=127.0.0.1 --server.port="${port}" --dualgate.demo=true \
		--dualgate.embedded-db.data-dir="${data_dir}" --dualgate.embedded-db.port="${db_port}" "$@" \
		>"${BENCH_LOGS}/${name}-app.log" 2>&1 &
	BENCH_PID=$!
	bench_wait_ready "${port}" "${BENCH_PID}" "${BENCH_LOGS}/${name}-app.log" || return 1
	BENCH_READY_S=$(awk -v a="${start}" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
}

bench_wait_ready() { # PORT PID LOG: polls readiness every 0.1 s, at most 10 minutes
	local port=$1 pid=$2 log=$3
	for _ in $(seq 1 6000); do
		if curl -fs "http://127.0.0.1:${port}/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
			return 0
		fi
		if ! kill -0 "${pid}" 2>/dev/null; then
			echo "the app stopped before it was ready; see ${log}" >&2
			tail -30 "${log}" >&2
			return 1
		fi
		sleep 0.1
	done
	echo "the app was not ready after 10 minutes; see ${log}" >&2
	return 1
}

bench_stop() { # PID [DATA_DIR]: stops an app this script started and waits for it; its embedded
	# PostgreSQL stops with it (and is stopped by its own pid from DATA_DIR/postmaster.pid if not)
	local pid=$1 data_dir=${2:-}
	if [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null; then
		kill "${pid}" 2>/dev/null || true
		for _ in $(seq 1 600); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.1; done
		kill -9 "${pid}" 2>/dev/null || true
	fi
	wait "${pid}" 2>/dev/null || true
	if [[ -n "${data_dir}" && -f "${data_dir}/postmaster.pid" ]]; then
		local pg
		pg=$(head -1 "${data_dir}/postmaster.pid")
		if [[ -n "${pg}" ]] && kill -0 "${pg}" 2>/dev/null; then
			kill -INT "${pg}" 2>/dev/null || true
			for _ in $(seq 1 300); do kill -0 "${pg}" 2>/dev/null || break; sleep 0.1; done
		fi
	fi
}

bench_result() { # KEY VALUE: one figure for bench/all.sh (appended to $BENCH_RESULTS when set)
	echo "RESULT $1=$2"
	if [[ -n "${BENCH_RESULTS:-}" ]]; then
		echo "$1=$2" >>"${BENCH_RESULTS}"
	fi
}
