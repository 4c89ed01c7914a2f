#!/usr/bin/env bash
# Measures DualGate's bulk observation import against psql's \copy, side by side, same file.
#
#   1. start the app with a fixed embedded-database port, e.g.
#      ./mvnw spring-boot:run -Dspring-boot.run.arguments="--server.port=8082 --dualgate.embedded-db.port=54329"
#   2. bench/import-1m.sh            (APP=http://localhost:8082 DB_PORT=54329 ROWS=1000000 by default)
#
# The file has 1,000,000 rows `prototype,metric,date,value` (14 prototypes x 13 metrics x ~15 years
# of days). psql \copy loads it into a table with the same primary key as `observation`
# (prototype, metric, date); the app receives it over loopback (POST /api/v1/observations,
# text/csv), parses it with Commons CSV, validates every cell, COPYs it into a staging table and
# upserts it with one INSERT ... ON CONFLICT DO UPDATE.
set -euo pipefail

APP=${APP:-http://localhost:8082}
DB_PORT=${DB_PORT:-54329}
ROWS=${ROWS:-1000000}
USER_NAME=${USER_NAME:-admin}
PASSWORD=${PASSWORD:-dualgate-demo}
WORK=${WORK:-$(mktemp -d)}
FILE="$WORK/observations-1m.csv"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$DB_PORT" -U postgres -d postgres)

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

echo "Preparing 8 extra bench prototypes (BENCH-01..08) so that 1M distinct rows fit in dates since 2000"
"${PSQL[@]}" <<'SQL'
insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
select 'BENCH-0' || n, 'Bench ' || n, 'Bulk import benchmark', 'Benchmark',
       (select id from app_user where username = 'explorer'), (select id from app_user where username = 'deliverer'),
       'PROTOTYPE'
from generate_series(1, 8) n
on conflict (key) do nothing;
SQL

echo "Generating $ROWS rows into $FILE"
"${PSQL[@]}" -t -A -c "select key from prototype order by id limit 14" > "$WORK/prototypes.txt"
"${PSQL[@]}" -t -A -c "select key from metric_definition order by key" > "$WORK/metrics.txt"
awk -v rows="$ROWS" -v today="$(date -u +%F)" '
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
  }' "$WORK/prototypes.txt" "$WORK/metrics.txt" > "$FILE"
echo "File: $(wc -l < "$FILE") lines, $(du -h "$FILE" | cut -f1)"

echo "Resetting: bench table for psql, and the app's observations older than the demo year"
"${PSQL[@]}" <<'SQL'
drop table if exists bench_copy;
create table bench_copy (prototype varchar(32), metric_key varchar(64), observed_on date, value numeric,
                         primary key (prototype, metric_key, observed_on));
delete from observation where observed_on <= current_date - 400;
vacuum analyze observation;
SQL

TOKEN=$(curl -sf -u "$USER_NAME:$PASSWORD" -X POST -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "$APP/api/v1/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')

echo "psql \\copy ..."
t0=$(now)
"${PSQL[@]}" -c "\\copy bench_copy from '$FILE' with (format csv, header true)"
t1=$(now)
PSQL_S=$(elapsed "$t0" "$t1")

echo "DualGate import (POST /api/v1/observations, text/csv) ..."
t0=$(now)
RESPONSE=$(curl -s -w ' HTTP %{http_code}' -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$FILE" "$APP/api/v1/observations")
t1=$(now)
APP_S=$(elapsed "$t0" "$t1")

echo "DualGate import again (every row now replaces an existing one) ..."
t0=$(now)
RESPONSE2=$(curl -s -w ' HTTP %{http_code}' -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$FILE" "$APP/api/v1/observations")
t1=$(now)
APP2_S=$(elapsed "$t0" "$t1")

echo
echo "rows:                         $ROWS"
echo "psql \\copy (same PK):         ${PSQL_S} s"
echo "DualGate import (inserts):    ${APP_S} s   -> $RESPONSE"
echo "DualGate import (all upserts):${APP2_S} s   -> $RESPONSE2"
awk -v a="$APP_S" -v p="$PSQL_S" 'BEGIN { printf "ratio app/psql:               %.2fx (target <= 2x)\n", a / p }'
"${PSQL[@]}" -c "drop table bench_copy"
