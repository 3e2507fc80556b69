#!/usr/bin/env bash
# Attribution, not a baseline: two facades as shipped, A and B, each with its own extra settings or environment, pinned
# to the same core and loaded at the same time by their own wrk (wrk and the nginx backend on the other core), after
# PRIME seconds alone each. Prints each one's CPU time per request and B's cost relative to A: what one part of the
# facade costs (e.g. B_ENV=OTEL_SDK_DISABLED=true for telemetry, B_ARGS=--Facade:MigrationPipeline=false for the
# pipeline). The baseline for the facade's cost is bare YARP: tests/Benchmarks/proxy-table.sh.
# Usage: A_ENV=... A_ARGS=... B_ENV=... B_ARGS=... PRIME=60 WARMUP=30 MEASURE=20 CONNECTIONS=16 bash tests/Benchmarks/facade-ab.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
prime="${PRIME:-60}"; warmup="${WARMUP:-30}"; measure="${MEASURE:-20}"; connections="${CONNECTIONS:-16}"; path="/api/products/1"
for tool in wrk nginx taskset curl python3; do command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk nginx-light)" >&2; exit 2; }; done
cores="$(nproc)"; proxy_cpu="$((cores - 1))"; load_cpus="0-$((cores > 1 ? cores - 2 : 0))"; ticks="$(getconf CLK_TCK)"
work="$(mktemp -d "${TMPDIR:-/tmp}/strangler-ab.XXXXXX")"; chmod 755 "$work"
pids=(); cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
# shellcheck source=tests/Benchmarks/bench-lib.sh
source "$root/tests/Benchmarks/bench-lib.sh"
wait_up() { for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "not up: $1" >&2; exit 1; }

dotnet build "$root/facade/Migration.Facade" -c Release -nologo -v q --disable-build-servers > "$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
backend="$(free_port)"
start_json_backend "$work" "$backend" "$load_cpus"; pids+=("$backend_pid")

start() { # name environment extra-arguments -> port in port_<name>, pid in pid_<name>
  local port; port="$(free_port)"
  # shellcheck disable=SC2086 # the extra environment and arguments are word lists on purpose
  start_facade "$work" "$1" "$port" "$(free_port)" "$backend" "$proxy_cpu" ab-token viewer $2 -- $3; pids+=("$facade_pid")
  printf -v "pid_$1" '%s' "$facade_pid"; printf -v "port_$1" '%s' "$port"
}
start a "${A_ENV:-}" "${A_ARGS:-}"; start b "${B_ENV:-}" "${B_ARGS:-}"
wait_up "http://127.0.0.1:$port_a$path"; wait_up "http://127.0.0.1:$port_b$path"

load() { taskset -c "$load_cpus" wrk -t1 -c"$connections" -d"$2s" --latency "http://127.0.0.1:$1$path"; }
echo "==> priming each alone ${prime}s, then ${warmup}s both at once, then ${measure}s measured ($connections connections each)"
load "$port_a" "$prime" > /dev/null; load "$port_b" "$prime" > /dev/null
load "$port_a" "$warmup" > /dev/null & w=$!; load "$port_b" "$warmup" > /dev/null; wait "$w"
a0="$(cpu_ticks "$pid_a")"; b0="$(cpu_ticks "$pid_b")"
load "$port_a" "$measure" > "$work/a.wrk" & w=$!; load "$port_b" "$measure" > "$work/b.wrk"; wait "$w"
a1="$(cpu_ticks "$pid_a")"; b1="$(cpu_ticks "$pid_b")"
python3 - "$work" "$((a1 - a0))" "$((b1 - b0))" "$ticks" <<'PY'
import re, sys
work, ta, tb, ticks = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
def read(name):
    text = open(f"{work}/{name}.wrk").read()
    return int(re.search(r"(\d+) requests in", text).group(1)), float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
(na, ra), (nb, rb) = read("a"), read("b")
ca, cb = ta / ticks * 1e6 / na, tb / ticks * 1e6 / nb
print(f"    A {ra:9.0f} req/s  {ca:6.1f} µs CPU/request")
print(f"    B {rb:9.0f} req/s  {cb:6.1f} µs CPU/request")
print(f"    B's cost relative to A {cb / ca:.3f} (A's CPU per request / B's: {ca / cb:.3f})")
PY
