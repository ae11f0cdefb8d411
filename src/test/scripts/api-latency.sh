#!/usr/bin/env bash
# Times one API request against a running Potentia with curl, as a client outside the
# JVM sees it: WARMUP untimed requests, then REQUESTS timed ones, three passes; prints
# each pass's median and p90 of curl's time_total in milliseconds.
#
#   src/test/scripts/api-latency.sh BASE_URL TOKEN PATH [JSON_BODY]
#   REQUESTS=100 WARMUP=100 src/test/scripts/api-latency.sh http://localhost:8099 pt_… \
#       /api/v1/reporting '{"from":"potentials","select":"$count(id) as n"}'
#
# With a body the request is a POST of application/json, without one a GET that accepts
# ACCEPT (application/vnd.api+json unless set; the OData feed is asked with
# ACCEPT='application/json;odata.metadata=minimal', as Power BI asks).
set -euo pipefail
base="$1" token="$2" path="$3" body="${4:-}"
requests="${REQUESTS:-100}" warmup="${WARMUP:-100}" accept="${ACCEPT:-application/vnd.api+json}"
call() {
	if [ -n "$body" ]; then
		curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" \
			-H 'Content-Type: application/json' -H 'Accept: application/json' --data "$body" "$base$path"
	else
		curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" \
			-H "Accept: $accept" "$base$path"
	fi
}
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
	${body:+-H 'Content-Type: application/json' --data "$body"} ${body:--H "Accept: $accept"} "$base$path")
[ "$status" = 200 ] || { echo "the request answers $status, not 200" >&2; exit 1; }
for pass in 1 2 3; do
	for _ in $(seq "$warmup"); do call > /dev/null; done
	for _ in $(seq "$requests"); do call; done | sort -n | awk -v pass="$pass" '
		{ t[NR] = $1 * 1000 }
		END { printf "pass %d: median %.1f ms, p90 %.1f ms, max %.1f ms (%d requests)\n",
			pass, t[int((NR + 1) / 2)], t[int(NR * 0.9)], t[NR], NR }'
done
