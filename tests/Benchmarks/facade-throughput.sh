#!/usr/bin/env bash
# Throughput cost of the migration pipeline, measured as ratios in one run on one machine:
#   plain     the same YARP routes and clusters with the migration pipeline switched off
#   legacy    pipeline on, every slice on legacy
#   extracted pipeline on, every slice on extracted
#   shadow    pipeline on, every slice in shadow (monolith answers, a copy is compared in the background)
# Every cluster points at one nginx serving a static JSON document, so only the facade differs.
# Needs wrk and nginx (apt-get install wrk nginx-light); builds the facade in Release.
# Usage: bash tests/Benchmarks/facade-throughput.sh [seconds per run, default 10] [rounds, default 2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-10}"; rounds="${2:-2}"; connections="${CONNECTIONS:-32}"
path="/api/products/1"   # a route of the catalog-read slice
for tool in wrk nginx curl sha256sum; do
  command -v "$tool" >/dev/null || { echo "benchmark needs $tool (apt-get install wrk nginx-light curl)" >&2; exit 2; }
done

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
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" & pids+=($!)
wait_up "http://127.0.0.1:$backend_port/"

token="$(head -c 32 /dev/urandom | sha256sum | cut -d' ' -f1)"
token_hash="$(printf %s "$token" | sha256sum | cut -d' ' -f1)"
start_facade() { # name pipeline(true|false) -> sets PUBLIC_<name>, CONTROL_<name>
  local name="$1" pipeline="$2" public control
  public="$(free_port)"; control="$(free_port)"
  # From its output folder, so the facade finds its appsettings.json (routes, clusters).
  (cd "$(dirname "$facade_dll")" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning exec dotnet "$facade_dll" \
    --Facade:PublicUrl="http://127.0.0.1:$public" --Facade:ControlPlaneUrl="http://127.0.0.1:$control" \
    --Facade:MigrationPipeline="$pipeline" \
    --FlagStore:ConnectionString="Data Source=$work/$name-flags.db" \
    --ControlPlane:Tokens:0:Name=bench --ControlPlane:Tokens:0:Role=operator --ControlPlane:Tokens:0:Sha256="$token_hash" \
    --Services:legacy:http:0="http://127.0.0.1:$backend_port" --Services:catalog:http:0="http://127.0.0.1:$backend_port" \
    ) >"$work/$name.log" 2>&1 & pids+=($!)
  wait_up "http://127.0.0.1:$control/alive"
  printf -v "PUBLIC_$name" '%s' "http://127.0.0.1:$public"; printf -v "CONTROL_$name" '%s' "http://127.0.0.1:$control"
}
start_facade plain false
start_facade pipeline true

set_state() { # state
  local version
  version="$(curl -fsS -H "Authorization: Bearer $token" "$CONTROL_pipeline/admin/slices/catalog-read" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')"
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"state\":\"$1\",\"reason\":\"benchmark\",\"expectedVersion\":$version}" "$CONTROL_pipeline/admin/slices/catalog-read/state"
}

measure() { # url -> requests/second
  wrk -t1 -c"$connections" -d5s "$1" >/dev/null   # warm-up: tiered JIT, connection pools
  local out; out="$(wrk -t1 -c"$connections" -d"${seconds}s" "$1")"
  if grep -q "Non-2xx" <<<"$out"; then echo "$1 answered errors during the run:" >&2; echo "$out" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

# Each mode is measured right after plain YARP in the same round and reported as the median of those per-round
# ratios: the machine's speed drifts between rounds, a ratio taken seconds apart barely does.
declare -A ratios best
echo "==> $rounds rounds of ${seconds}s per mode, $connections connections, GET $path"
for round in $(seq 1 "$rounds"); do
  plain=""
  for mode in plain legacy extracted shadow; do
    if [[ $mode == plain ]]; then url="$PUBLIC_plain$path"; else set_state "$mode"; url="$PUBLIC_pipeline$path"; fi
    rps="$(measure "$url")"
    [[ $mode == plain ]] && plain="$rps"
    ratios[$mode]+="$(awk -v r="$rps" -v p="$plain" 'BEGIN{printf "%.4f ", r/p}')"
    printf '  round %s %-9s %10s req/s  ratio %s\n' "$round" "$mode" "$rps" "$(awk -v r="$rps" -v p="$plain" 'BEGIN{printf "%.3f", r/p}')"
    if [[ -z "${best[$mode]:-}" ]] || awk "BEGIN{exit !($rps > ${best[$mode]})}"; then best[$mode]="$rps"; fi
  done
done
direct="$(measure "http://127.0.0.1:$backend_port$path")"

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "==> median of the per-round ratios against plain YARP (same run, same backend)"
printf '%-10s %12s %8s %10s\n' mode "best req/s" ratio cost
for mode in plain legacy extracted shadow; do
  awk -v m="$mode" -v r="${best[$mode]}" -v q="$(median "${ratios[$mode]}")" \
    'BEGIN{printf "%-10s %12.0f %8.3f %9.1f%%\n", m, r, q, (1-q)*100}'
done
awk -v r="$direct" -v p="${best[plain]}" 'BEGIN{printf "%-10s %12.0f %8.3f   (nginx without any proxy, for scale)\n", "direct", r, r/p}'
