#!/usr/bin/env bash
# The facade as shipped (default configuration, telemetry on, every slice on legacy) against a bare YARP process with
# the same routes and clusters (tests/Benchmarks/BareYarp), in one run: both pinned to the same core and loaded at the
# same time, each by its own wrk, so they share the machine's moment; the throughput ratio is their cost ratio.
# nginx serves the backend's static JSON on the other core(s). Needs wrk, nginx-light and taskset.
# Usage: bash tests/Benchmarks/bare-yarp.sh [seconds, default 20] [connections per process, default 16]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-20}"; connections="${2:-16}"; warmup="${WARMUP:-30}"
for tool in wrk nginx taskset curl python3; do command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk nginx-light)" >&2; exit 2; }; done
cores="$(nproc)"; proxy_cpu="$((cores - 1))"; load_cpus="0-$((cores > 1 ? cores - 2 : 0))"

work="$(mktemp -d "${TMPDIR:-/tmp}/strangler-bare.XXXXXX")"; chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "not up: $1" >&2; exit 1; }

dotnet build "$root/facade/Migration.Facade" -c Release -nologo -v q > "$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
dotnet build "$root/tests/Benchmarks/BareYarp" -c Release -nologo -v q >> "$work/build.log" || { cat "$work/build.log" >&2; exit 1; }

backend="$(free_port)"; bare="$(free_port)"; public="$(free_port)"; control="$(free_port)"
mkdir -p "$work/www" "$work/nginx"
printf '{"id":1,"name":"Contoso Smart Mouse","description":"A mouse.","price":19.99,"categoryId":1,"categorySlug":"computers"}' > "$work/www/product.json"
cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes 1; daemon off; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http { access_log off; keepalive_requests 100000;
  server { listen 127.0.0.1:$backend; location / { default_type application/json; root $work/www; try_files /product.json =404; } } }
NGINX
taskset -c "$load_cpus" nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" & pids+=($!)

token_sha="$(printf %s bench-token | sha256sum | cut -d' ' -f1)"
taskset -c "$proxy_cpu" dotnet "$root/tests/Benchmarks/BareYarp/bin/Release/net10.0/BareYarp.dll" --urls "http://127.0.0.1:$bare" \
  --contentRoot "$root/facade/Migration.Facade" \
  "--ReverseProxy:Clusters:legacy:Destinations:legacy:Address=http://127.0.0.1:$backend" \
  "--ReverseProxy:Clusters:catalog:Destinations:catalog:Address=http://127.0.0.1:$backend" > "$work/bare.log" 2>&1 & pids+=($!)
taskset -c "$proxy_cpu" env ASPNETCORE_ENVIRONMENT=Production dotnet "$root/facade/Migration.Facade/bin/Release/net10.0/Migration.Facade.dll" \
  --contentRoot "$root/facade/Migration.Facade" "--Facade:PublicUrl=http://127.0.0.1:$public" "--Facade:ControlPlaneUrl=http://127.0.0.1:$control" \
  "--FlagStore:ConnectionString=Data Source=$work/flags.db" "--Services:legacy:http:0=http://127.0.0.1:$backend" \
  "--Services:catalog:http:0=http://127.0.0.1:$backend" --ControlPlane:Tokens:0:Name=bench --ControlPlane:Tokens:0:Role=viewer \
  "--ControlPlane:Tokens:0:Sha256=$token_sha" > "$work/facade.log" 2>&1 & pids+=($!)
wait_up "http://127.0.0.1:$bare/api/products/1"; wait_up "http://127.0.0.1:$public/api/products/1"

load() { taskset -c "$load_cpus" wrk -t1 -c"$connections" -d"$1s" --latency "http://127.0.0.1:$2/api/products/1"; }
echo "==> warm-up ${warmup}s (both at once)"
load "$warmup" "$bare" > /dev/null & w=$!; load "$warmup" "$public" > /dev/null; wait "$w"; sleep 1
echo "==> measured ${seconds}s, both at once, $connections connections each, proxies on cpu $proxy_cpu"
load "$seconds" "$bare" > "$work/bare.wrk" & w=$!; load "$seconds" "$public" > "$work/facade.wrk"; wait "$w"; sleep 1
python3 - "$work/bare.wrk" "$work/facade.wrk" <<'PY'
import re, sys
def read(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def pct(p):
        v, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", text).groups()
        return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return rps, pct(50), pct(99)
bare, facade = read(sys.argv[1]), read(sys.argv[2])
print(f"    bare YARP   {bare[0]:9.0f} req/s  p50 {bare[1]:6.2f} ms  p99 {bare[2]:6.2f} ms")
print(f"    facade      {facade[0]:9.0f} req/s  p50 {facade[1]:6.2f} ms  p99 {facade[2]:6.2f} ms")
print(f"    facade / bare YARP throughput {facade[0] / bare[0]:.3f}; p99 added {facade[2] - bare[2]:+.2f} ms")
PY
