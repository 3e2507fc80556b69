#!/usr/bin/env bash
# Throughput cost of the migration pipeline, measured as ratios in one run on one machine:
#   plain     the same YARP routes and clusters with the migration pipeline switched off
#   legacy    pipeline on, every slice on legacy
#   extracted pipeline on, every slice on extracted
#   shadow    pipeline on, every slice in shadow (monolith answers, a copy is compared in the background)
# Every cluster points at one nginx serving a static JSON document, so only the facade differs.
# On a machine with 2+ cores the facades are pinned to one core and wrk + nginx to the others (taskset), so the
# facade is the bottleneck and does not fight its load generator. Each mode gets a fresh plain YARP and a fresh
# pipeline facade; both are loaded at the same time, each by its own wrk, so they share the core, and each one's CPU
# time per request (/proc/<pid>/stat) is compared over the same seconds. On a saturated core that
# is what throughput costs; measuring the two at once cancels the shared machine's speed swings (+-20 % within
# seconds), which made runs taken one after the other, even alternating, differ by 0.77-1.41 in the same mode.
# Needs wrk and nginx (apt-get install wrk nginx-light); builds the facade in Release.
# Usage: WARMUP=120 PAIRS=2 bash tests/Benchmarks/facade-throughput.sh [seconds per run, default 10] [rounds, default 2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-10}"; rounds="${2:-2}"; connections="${CONNECTIONS:-32}"; warmup="${WARMUP:-60}"; pairs="${PAIRS:-1}"
path="/api/products/1"   # a route of the catalog-read slice
for tool in wrk nginx curl sha256sum taskset; do
  command -v "$tool" >/dev/null || { echo "benchmark needs $tool (apt-get install wrk nginx-light curl)" >&2; exit 2; }
done

cores="$(nproc)"
if (( cores >= 2 )); then facade_cpus="${FACADE_CPUS:-$((cores - 1))}"; load_cpus="${LOAD_CPUS:-0-$((cores - 2))}"
else facade_cpus=0; load_cpus=0; fi
ticks="$(getconf CLK_TCK)"

work="$(mktemp -d "${TMPDIR:-/tmp}/strangler-bench.XXXXXX")"
chmod 755 "$work"   # nginx workers run as an unprivileged user
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 1 200); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "not up: $1" >&2; tail -n 30 "$work"/*.log "$work"/nginx/error.log >&2 || true; exit 1; }

echo "==> build facade (Release)"
dotnet build "$root/facade/Migration.Facade" -c Release -nologo -v q >/dev/null
facade_dll="$root/facade/Migration.Facade/bin/Release/net10.0/Migration.Facade.dll"

backend_port="$(free_port)"
mkdir -p "$work/www" "$work/nginx"
printf '{"id":1,"name":"Contoso Smart Mouse","description":"A mouse.","price":19.99,"categoryId":1,"categorySlug":"computers"}' > "$work/www/product.json"
cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$backend_port;
    location / { default_type application/json; root $work/www; try_files /product.json =404; }
  }
}
NGINX
taskset -c "$load_cpus" nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" & pids+=($!)
wait_up "http://127.0.0.1:$backend_port/"

token="$(head -c 32 /dev/urandom | sha256sum | cut -d' ' -f1)"
token_hash="$(printf %s "$token" | sha256sum | cut -d' ' -f1)"
# The monolith's cluster gets the catalog cluster's settings (activity timeout, passive health checks), so plain YARP,
# which only ever uses the monolith's cluster, does the same per-request cluster work as a slice on extracted: the
# ratios then measure the migration pipeline, not the difference between two clusters' configurations.
same_cluster_settings=(--ReverseProxy:Clusters:legacy:HttpRequest:ActivityTimeout=00:00:10
  --ReverseProxy:Clusters:legacy:HealthCheck:AvailableDestinationsPolicy=HealthyAndUnknown
  --ReverseProxy:Clusters:legacy:HealthCheck:Passive:Enabled=true
  --ReverseProxy:Clusters:legacy:HealthCheck:Passive:Policy=TransportFailureRate
  --ReverseProxy:Clusters:legacy:HealthCheck:Passive:ReactivationPeriod=00:00:10)
start_facade() { # name pipeline(true|false) -> sets PUBLIC_<name>, CONTROL_<name>
  local name="$1" pipeline="$2" public control
  public="$(free_port)"; control="$(free_port)"
  # From its output folder, so the facade finds its appsettings.json (routes, clusters).
  # No delay before hot methods move to optimised code: on one core the runtime waits 1 s after every newly jitted
  # method, so a facade kept drifting for minutes (faster by 2-4x); with it, both kinds settle in ~30 s. Same for both.
  (cd "$(dirname "$facade_dll")" && DOTNET_TC_CallCountingDelayMs=0 ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning exec taskset -c "$facade_cpus" dotnet "$facade_dll" \
    --Facade:PublicUrl="http://127.0.0.1:$public" --Facade:ControlPlaneUrl="http://127.0.0.1:$control" \
    --Facade:MigrationPipeline="$pipeline" \
    --FlagStore:ConnectionString="Data Source=$work/$name-flags.db" \
    --ControlPlane:Tokens:0:Name=bench --ControlPlane:Tokens:0:Role=operator --ControlPlane:Tokens:0:Sha256="$token_hash" \
    --Services:legacy:http:0="http://127.0.0.1:$backend_port" --Services:catalog:http:0="http://127.0.0.1:$backend_port" \
    "${same_cluster_settings[@]}" \
    ) >"$work/$name.log" 2>&1 & pids+=($!)
  printf -v "PID_$name" '%s' "$!"
  wait_up "http://127.0.0.1:$control/alive"
  printf -v "PUBLIC_$name" '%s' "http://127.0.0.1:$public"; printf -v "CONTROL_$name" '%s' "http://127.0.0.1:$control"
}
stop_facades() { kill "$PID_plain" "$PID_pipeline"; wait "$PID_plain" "$PID_pipeline" 2>/dev/null || true; }

set_state() { # state
  local version
  version="$(curl -fsS -H "Authorization: Bearer $token" "$CONTROL_pipeline/admin/slices/catalog-read" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')"
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"state\":\"$1\",\"reason\":\"benchmark\",\"expectedVersion\":$version}" "$CONTROL_pipeline/admin/slices/catalog-read/state"
}

mirrors() { # -> "compared shed timed-out" of the pipeline facade's shadow so far
  curl -fsS -H "Authorization: Bearer $token" "$CONTROL_pipeline/admin/slices/catalog-read/diff" | python3 -c '
import json,sys; r=json.load(sys.stdin); print(r["compared"], r["skipped"].get("queue-full", 0), r["skipped"].get("timeout", 0)); assert r["compared"] == r["matches"], r'
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system time of a process, in clock ticks

run_wrk() { taskset -c "$load_cpus" wrk -t1 -c"$connections" -d"$2" "$1"; }   # url duration

# Until both facades are idle: a shadow run leaves a queue of comparisons that would otherwise be charged to the next run.
settle() {
  local before after
  for _ in $(seq 1 120); do
    before=$(( $(cpu_ticks "$PID_plain") + $(cpu_ticks "$PID_pipeline") )); sleep 0.5
    after=$(( $(cpu_ticks "$PID_plain") + $(cpu_ticks "$PID_pipeline") ))
    (( after - before <= ticks / 50 )) && return 0   # under 4% of a core
  done
}

per_request() { # url wrk-output cpu-ticks -> "requests/second cpu-microseconds-per-request"
  if grep -q "Non-2xx" <<<"$2"; then echo "$1 answered errors during the run:" >&2; echo "$2" >&2; exit 1; fi
  awk -v n="$(awk '/requests in/ {print $1}' <<<"$2")" -v r="$(awk '/Requests\/sec/ {print $2}' <<<"$2")" -v c="$3" -v t="$ticks" \
    'BEGIN{printf "%s %.2f\n", r, c * 1e6 / t / n}'
}

# Both facades under load at once; ticks are read once both are idle again, so the comparisons a shadow queued are
# charged to it.
pair() { # [seconds] -> "plain-requests/second plain-us/request pipeline-requests/second pipeline-us/request"
  local duration="${1:-$seconds}" plain_before pipeline_before plain_out pipeline_out
  plain_before="$(cpu_ticks "$PID_plain")"; pipeline_before="$(cpu_ticks "$PID_pipeline")"
  run_wrk "$PUBLIC_plain$path" "${duration}s" >"$work/plain.out" &
  pipeline_out="$(run_wrk "$PUBLIC_pipeline$path" "${duration}s")"
  wait "$!"; plain_out="$(cat "$work/plain.out")"
  settle
  echo "$(per_request plain "$plain_out" $(( $(cpu_ticks "$PID_plain") - plain_before ))) $(per_request pipeline "$pipeline_out" $(( $(cpu_ticks "$PID_pipeline") - pipeline_before )))"
}

declare -A cpu_ratios
read -r direct _ < <(per_request direct "$(run_wrk "http://127.0.0.1:$backend_port$path" "${seconds}s")" 0)
echo "==> per mode, $pairs time(s): a fresh plain YARP and a fresh pipeline facade under load at the same time, ${warmup}s"
echo "    of warm-up, then $rounds rounds of ${seconds}s: $connections connections each, GET $path (facades on cpu $facade_cpus, wrk + nginx on cpu $load_cpus)"
for mode in legacy extracted shadow; do for pair_no in $(seq 1 "$pairs"); do
  # Fresh processes per mode: dynamic PGO optimizes a facade's hot code for the traffic it saw first, so one process
  # measured in every mode in turn favours whichever mode warmed it up. A facade runs in one state most of its life.
  # Each fresh pair also gets its own JIT/PGO outcome (a mode's median moved by ~4 % between runs), hence PAIRS.
  start_facade plain false; start_facade pipeline true; set_state "$mode"
  # Tiered JIT and dynamic PGO need tens of seconds of load before CPU time per request settles (alone on a core it
  # fell from ~800 to ~120 us over the first 30 s; sharing it, twice that).
  pair "$warmup" >/dev/null
  for round in $(seq 1 "$rounds"); do
    read -r prps pcpu rps cpu < <(pair)
    cpu_ratio="$(awk -v c="$cpu" -v p="$pcpu" 'BEGIN{printf "%.4f", p/c}')"   # > 1 when cheaper than plain
    cpu_ratios[$mode]+="$cpu_ratio "
    printf '  pair %s round %2s %-9s plain %8s req/s %7s us/request | %-9s %8s req/s %7s us/request | cpu ratio %.3f\n' \
      "$pair_no" "$round" "$mode" "$prps" "$pcpu" "$mode" "$rps" "$cpu" "$cpu_ratio"
  done
  if [[ $mode == shadow ]]; then
    read -r compared shed timeouts < <(mirrors)
    # Mirror threads run at the lowest priority: on a saturated core most mirrors are shed; at one connection they get the
    # idle time between requests.
    light="$(taskset -c "$load_cpus" wrk -t1 -c1 -d"${seconds}s" "$PUBLIC_pipeline$path" | awk '/Requests\/sec/ {print $2}')"; settle
    read -r light_compared light_shed light_timeouts < <(mirrors)
    shadow_report+="
  pair $pair_no saturated: $compared compared, $shed shed (queue full), $timeouts timed out; one connection ($light req/s): $((light_compared - compared)) compared, $((light_shed - shed)) shed, $((light_timeouts - timeouts)) timed out"
  fi
  stop_facades
done; done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "==> median over all rounds of all pairs, each against plain YARP loaded at the same time (same run, same backend)"
echo "    cost: 1 - plain's CPU time per request / this mode's, i.e. the throughput lost on a saturated core"
spread() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | sed -n '1p;$p' | paste -sd' '; }   # lowest and highest round
printf '%-10s %10s %8s   %s\n' mode "cpu ratio" cost "rounds from - to"
for mode in legacy extracted shadow; do
  read -r low high <<<"$(spread "${cpu_ratios[$mode]}")"
  awk -v m="$mode" -v c="$(median "${cpu_ratios[$mode]}")" -v l="$low" -v h="$high" \
    'BEGIN{printf "%-10s %10.3f %7.1f%%   %.3f - %.3f\n", m, c, (1-c)*100, l, h}'
done
echo "shadow mirrors: $shadow_report"
echo "for scale: nginx without a proxy $direct req/s (on the load core, alone)"
