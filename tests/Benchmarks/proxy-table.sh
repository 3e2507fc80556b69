#!/usr/bin/env bash
# One table, one run: proxies in front of the same backend (nginx serving a static ~1 KB JSON on loopback), each
# against a bare YARP process (tests/Benchmarks/BareYarp) loaded at the same time. The candidate and bare YARP are pinned to the same core (the last one) and each is loaded by its own wrk at once, wrk and
# the backend nginx pinned to the other core(s), so both share the machine's moment; the throughput ratio
# candidate / bare over the same seconds is the result (this shared VM's speed swings by +-20 % within seconds, which
# makes runs taken one after the other useless to compare).
# Rows, for each value in CONNECTIONS:
#   1 bare YARP         a second BareYarp process: the method's own noise (the ratio should be ~1.0)
#   2 full-host YARP    tests/Benchmarks/FullYarp: an ordinary YARP app (CreateBuilder, default logging providers and
#                       configuration, the web template's appsettings.json), the same routes and clusters
#   3 facade legacy     the facade as shipped (Production, default configuration, telemetry on), every slice legacy
#   4 facade extracted  the same process, every slice extracted
#   5 facade canary 50  every slice canary at 50 %: first visits (wrk sends no cookie), then a returning visitor
#   6 facade shadow     every slice shadow (the monolith answers; the mirror goes to the same nginx)
#   7 nginx proxy       Debian nginx-light: upstream keepalive 64, HTTP/1.1 to the upstream, one worker, no access log
#   8 haproxy           Debian HAProxy: mode http, http-reuse always, nbthread 1, no logging
# One facade process serves rows 3-6; the slices are flipped through its control plane between rows (forced past the
# data gate when it refuses: the backend is a static file, there is no data to be in parity).
# Needs wrk, nginx-light, haproxy, taskset, curl, python3 and the .NET SDK; builds the facade, BareYarp and FullYarp in Release.
# Usage: PRIME=90 WARMUP=15 SECONDS=15 CONNECTIONS="16 64" bash tests/Benchmarks/proxy-table.sh   (those are the defaults)

# SECONDS is also bash's own clock: it counts up from whatever the environment gave it, and reads the time since the
# shell started when the environment gave nothing. So read it first thing, and only when it came from the environment.
if [[ "$(declare -p SECONDS 2>/dev/null)" =~ ^declare\ -[a-zA-Z]*x ]]; then measured="$SECONDS"; else measured=15; fi
set -euo pipefail
warmup="${WARMUP:-15}"; prime="${PRIME:-90}"; connections_list="${CONNECTIONS:-16 64}"
command_line="PRIME=$prime WARMUP=$warmup SECONDS=$measured CONNECTIONS=\"$connections_list\" bash tests/Benchmarks/proxy-table.sh"
[[ "$measured" =~ ^[0-9]+$ && "$warmup" =~ ^[0-9]+$ && "$prime" =~ ^[0-9]+$ && "$connections_list" =~ ^[0-9\ ]+$ ]] \
  || { echo "PRIME, WARMUP and SECONDS are whole seconds, CONNECTIONS a list of numbers" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
path="/api/products/1"   # a route of the catalog-read slice
for tool in wrk nginx haproxy taskset curl python3 sha256sum dotnet; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install wrk nginx-light haproxy (and the .NET 10 SDK)" >&2; exit 2; }
done
cores="$(nproc)"; proxy_cpu="$((cores - 1))"; load_cpus="0-$((cores > 1 ? cores - 2 : 0))"
ticks="$(getconf CLK_TCK)"

work="$(mktemp -d "${TMPDIR:-/tmp}/strangler-proxies.XXXXXX")"; chmod 755 "$work"   # nginx workers run unprivileged
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in $(jobs -p); do kill "$p" 2>/dev/null || true; done   # a wrk still running when interrupted
  wait 2>/dev/null || true; rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # so Ctrl-C also runs the EXIT trap
# shellcheck source=tests/Benchmarks/bench-lib.sh
source "$root/tests/Benchmarks/bench-lib.sh"
logs_tail() { for f in "$work"/*.log "$work"/*/error.log; do [[ -s $f ]] && { echo "--- $f" >&2; tail -n 30 "$f" >&2; }; done; true; }
die() { echo "$*" >&2; logs_tail; exit 1; }
wait_up() { for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; die "not up: $1"; }

echo "==> build the facade, BareYarp and FullYarp (Release)"
# No build servers: a compiler server left behind would be one more process on the cores being measured.
for project in facade/Migration.Facade tests/Benchmarks/BareYarp tests/Benchmarks/FullYarp; do
  dotnet build "$root/$project" -c Release -nologo -v q --disable-build-servers >> "$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
done

backend="$(free_port)"; bare="$(free_port)"; bare2="$(free_port)"; full="$(free_port)"; public="$(free_port)"; control="$(free_port)"
nginx_proxy="$(free_port)"; haproxy_port="$(free_port)"

# --- the backend: nginx answering every path with the same static JSON, on the load core(s) ---
mkdir -p "$work/nginx-proxy" "$work/haproxy"
start_json_backend "$work" "$backend" "$load_cpus"; pids+=("$backend_pid")
wait_up "http://127.0.0.1:$backend$path"

# --- the candidates and the baseline, all pinned to the proxy core ---
bare_yarp() { # port name
  taskset -c "$proxy_cpu" dotnet "$root/tests/Benchmarks/BareYarp/bin/Release/net10.0/BareYarp.dll" --urls "http://127.0.0.1:$1" \
    --contentRoot "$root/facade/Migration.Facade" \
    "--ReverseProxy:Clusters:legacy:Destinations:legacy:Address=http://127.0.0.1:$backend" \
    "--ReverseProxy:Clusters:catalog:Destinations:catalog:Address=http://127.0.0.1:$backend" \
    "--ReverseProxy:Clusters:orders:Destinations:orders:Address=http://127.0.0.1:$backend" > "$work/$2.log" 2>&1 & pids+=($!)
  printf -v "pid_$2" '%s' "$!"
}
bare_yarp "$bare" bare; bare_yarp "$bare2" bare2

# An ordinary YARP app: its own folder as content root (its appsettings.json: the web template's logging levels, under
# which YARP logs two Information lines a request, to its log file here), Production; the facade's appsettings.json
# gives only the routes and clusters (RoutesFile, see its Program.cs), the command line the destination addresses.
taskset -c "$proxy_cpu" env ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$root/tests/Benchmarks/FullYarp/bin/Release/net10.0/FullYarp.dll" --urls "http://127.0.0.1:$full" \
  --contentRoot "$root/tests/Benchmarks/FullYarp" --RoutesFile "$root/facade/Migration.Facade/appsettings.json" \
  "--ReverseProxy:Clusters:legacy:Destinations:legacy:Address=http://127.0.0.1:$backend" \
  "--ReverseProxy:Clusters:catalog:Destinations:catalog:Address=http://127.0.0.1:$backend" \
  "--ReverseProxy:Clusters:orders:Destinations:orders:Address=http://127.0.0.1:$backend" > "$work/full.log" 2>&1 & pids+=($!)
pid_full="$!"

# The facade as shipped: its appsettings.json (contentRoot), Production, telemetry and logging as configured. Only the
# addresses, the flag store's file and an operator token (it flips the slices) are given on the command line.
token="$(head -c 32 /dev/urandom | sha256sum | cut -d' ' -f1)"
start_facade "$work" facade "$public" "$control" "$backend" "$proxy_cpu" "$token" operator; pids+=("$facade_pid")
pid_facade="$facade_pid"

# nginx as a reverse proxy. keepalive_requests (client side and upstream): nginx otherwise closes a connection after
# 1,000 requests, which YARP and HAProxy do not; the comparison is of proxying, not of reconnecting.
cat > "$work/nginx-proxy/nginx.conf" <<NGINX
worker_processes 1; worker_rlimit_nofile 16384; daemon off; pid $work/nginx-proxy/nginx.pid; error_log $work/nginx-proxy/error.log warn;
events { worker_connections 8192; }
http { access_log off; keepalive_requests 100000;
  upstream backend { server 127.0.0.1:$backend; keepalive 64; keepalive_requests 100000; }
  server { listen 127.0.0.1:$nginx_proxy;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; } } }
NGINX
taskset -c "$proxy_cpu" nginx -e "$work/nginx-proxy/error.log" -p "$work/nginx-proxy" -c "$work/nginx-proxy/nginx.conf" & pids+=($!)
pid_nginx_proxy="$!"

# HAProxy in the foreground (-db), one thread; no log lines anywhere, so nothing is logged.
cat > "$work/haproxy/haproxy.cfg" <<HAPROXY
global
  nbthread 1
  maxconn 4096   # HAProxy raises its descriptor limit to twice this; the hard limit may be low
defaults
  mode http
  http-reuse always
  timeout connect 5s
  timeout client 60s
  timeout server 60s
frontend public
  bind 127.0.0.1:$haproxy_port
  default_backend nginx
backend nginx
  server backend 127.0.0.1:$backend
HAPROXY
haproxy -c -q -f "$work/haproxy/haproxy.cfg" || die "haproxy refused its configuration"
taskset -c "$proxy_cpu" haproxy -f "$work/haproxy/haproxy.cfg" -db > "$work/haproxy.log" 2>&1 & pids+=($!)
pid_haproxy="$!"

for port in "$bare" "$bare2" "$full" "$public" "$nginx_proxy" "$haproxy_port"; do
  wait_up "http://127.0.0.1:$port$path"
  # Each must return the backend's document, not some answer of its own.
  cmp -s <(curl -fsS "http://127.0.0.1:$port$path") "$work/www/product.json" || die "port $port does not return the backend's JSON"
done
wait_up "http://127.0.0.1:$control/alive"

# --- the facade's control plane ---
admin() { # method path [curl args] -> HTTP status; the body is in $work/admin.json
  local method="$1" path="$2"; shift 2
  curl -sS -o "$work/admin.json" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' "$@" "http://127.0.0.1:$control/admin$path"
}
json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, {"d": d}))' "$work/admin.json" "$1"; }
flip_notes=""
flip() { # slice state percentage(for canary) -- then waits until the facade's snapshot shows it
  local slice="$1" state="$2" percentage="$3" code version body force expected
  [[ "$(admin GET "/slices/$slice")" == 200 ]] || die "GET slice $slice: $(cat "$work/admin.json")"
  version="$(json 'd["version"]')"
  # First without force, to see whether the data gate refuses; then forced (audited as such) if it did.
  for force in false true; do
    body="$(python3 -c 'import json,sys; s,p,v,f=sys.argv[1:]
print(json.dumps({"state": s, "percentage": int(p) if s == "canary" else None, "reason": "proxy-table benchmark",
                  "expectedVersion": int(v), "force": f == "true"}))' "$state" "$percentage" "$version" "$force")"
    code="$(admin PUT "/slices/$slice/state" -d "$body")"
    [[ $code == 200 ]] && break
    if [[ $code == 409 && $force == false && "$(json 'd.get("title")')" == "Data not ready" ]]; then
      flip_notes+="    $slice -> $state: the data gate refused ($(json 'd.get("detail")')); flipped with force"$'\n'
      continue
    fi
    die "flip $slice to $state: HTTP $code $(cat "$work/admin.json")"
  done
  case "$state" in extracted) expected=100 ;; canary) expected="$percentage" ;; *) expected=0 ;; esac
  for _ in $(seq 1 50); do
    [[ "$(admin GET "/slices/$slice")" == 200 && "$(json 'd["state"], d["percentage"]')" == "('$state', $expected)" ]] && return 0
    sleep 0.1
  done
  die "slice $slice still not $state/$expected after the flip: $(cat "$work/admin.json")"
}
set_slices() { flip catalog-read "$@"; flip orders "$@"; }

# The same for a process and its children (nginx's master forks the worker that does the work).
tree_ticks() { local total=0 p; for p in "$1" $(pgrep -P "$1"); do total=$(( total + $(cpu_ticks "$p") )); done; echo "$total"; }
# Until the .NET processes on the proxy core are idle: a shadow run leaves mirrors queued (and FullYarp its console
# logger's queued lines), which would otherwise run during (and be charged to) the next row.
dotnet_ticks() { echo $(( $(cpu_ticks "$pid_facade") + $(cpu_ticks "$pid_bare") + $(cpu_ticks "$pid_bare2") + $(cpu_ticks "$pid_full") )); }
settle() {
  local before after
  for _ in $(seq 1 120); do
    before="$(dotnet_ticks)"; sleep 0.5; after="$(dotnet_ticks)"
    (( after - before <= ticks / 50 )) && return 0   # under 4 % of a core
  done
}

# --- one pair: the candidate and bare YARP, loaded at the same time by their own wrk ---
cat > "$work/wrk.py" <<'PY'
import re, sys
TICKS = float(sys.argv.pop(1))
def read(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    # CPU time the process (and its children) used over the measured seconds, per request served: on a shared core,
    # what each request costs, whatever share of the core the scheduler gave the process.
    cpu_ms = int(open(path + ".ticks").read()) / TICKS * 1000 / max(requests, 1)
    def pct(p):
        v, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)\b", text).groups()
        return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = (int(non2xx.group(1)) if non2xx else 0, sum(map(int, sockets.groups())) if sockets else 0)
    return rps, pct(50), pct(99), errors, cpu_ms
def row(conn, name, cand_file, bare_file, note):
    c, b = read(cand_file), read(bare_file)
    bad = "; ".join(f"{who}: {n} non-2xx, {s} socket errors" for who, (n, s) in (("candidate", c[3]), ("bare", b[3])) if n or s)
    return (f"| {name} | {conn} | {c[0]:,.0f} | {b[0]:,.0f} | {c[0] / b[0]:.3f} | {c[4] * 1000:.0f} | {b[4] * 1000:.0f} | {b[4] / c[4]:.3f} "
            f"| {c[1]:.2f} | {c[2]:.2f} | {c[2] - b[2]:+.2f} | {bad or 'none'} | {note} |"), bool(bad)
if sys.argv[1] == "row":
    print(row(*sys.argv[2:])[0])
else:  # table: a manifest of tab-separated rows
    print("| row | connections | candidate req/s | bare YARP req/s | throughput ratio | candidate CPU µs/req | bare CPU µs/req | CPU ratio (bare / candidate) | candidate p50 ms | candidate p99 ms | p99 added ms | errors | note |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    errors = 0
    for line in open(sys.argv[2]):
        text, bad = row(*line.rstrip("\n").split("\t"))
        print(text); errors += bad
    if errors:
        print(f"\nWARNING: {errors} row(s) saw non-2xx answers or socket errors (errors column): their req/s are not all successes.")
PY
# port connections seconds [header]: the candidate's load may carry a header (a returning canary visitor's cookie).
load() { taskset -c "$load_cpus" wrk -t1 -c"$2" -d"$3s" --latency ${4:+-H "$4"} "http://127.0.0.1:$1$path"; }
pair() { # row-name candidate-port candidate-pid connections note-function [header for the candidate's requests]
  local name="$1" port="$2" pid="$3" conn="$4" header="${6:-}" note="" w file cand_ticks bare_ticks
  file="$work/$conn-${name// /-}"
  load "$bare" "$conn" "$warmup" > /dev/null & w=$!; load "$port" "$conn" "$warmup" "$header" > /dev/null; wait "$w"; sleep 1
  [[ -n "${5:-}" ]] && "$5" before
  cand_ticks="$(tree_ticks "$pid")"; bare_ticks="$(tree_ticks "$pid_bare")"
  load "$bare" "$conn" "$measured" > "$file.bare" & w=$!; load "$port" "$conn" "$measured" "$header" > "$file.cand"; wait "$w"
  echo $(( $(tree_ticks "$pid") - cand_ticks )) > "$file.cand.ticks"; echo $(( $(tree_ticks "$pid_bare") - bare_ticks )) > "$file.bare.ticks"
  [[ -n "${5:-}" ]] && note="$("$5" after)"
  settle
  printf '%s\t%s\t%s\t%s\t%s\n' "$conn" "$name" "$file.cand" "$file.bare" "$note" >> "$work/manifest.tsv"
  python3 "$work/wrk.py" "$ticks" row "$conn" "$name" "$file.cand" "$file.bare" "$note"
}

# What the facade says it did over the measured seconds: the share its traffic statistics put on the extracted side,
# and for shadow the mirrors compared or skipped (its totals since start, so read before and after).
facade_note() {
  local traffic
  if [[ $1 == before ]]; then [[ "$(admin GET /slices/catalog-read/diff)" == 200 ]] && cp "$work/admin.json" "$work/diff-before.json"; return 0; fi
  [[ "$(admin GET "/slices/catalog-read/traffic?window=$measured")" == 200 ]] || { echo "traffic: HTTP error"; return 0; }
  traffic="$(json '"extracted share %.1f %%, side errors %d/%d, fallbacks %d" % (100 * d["extractedShare"], d["legacy"]["errors"], d["extracted"]["errors"], d["fallbacks"])')"
  if [[ "$(admin GET /slices/catalog-read/diff)" == 200 && "$(json 'd["slice"]')" == catalog-read ]]; then
    traffic+="$(python3 -c 'import json,sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
skipped = {k: v - a["skipped"].get(k, 0) for k, v in b["skipped"].items() if v - a["skipped"].get(k, 0)}
compared, differing = b["compared"] - a["compared"], b["differences"] - a["differences"]
if compared or skipped:
    print(f"; mirrors compared {compared} ({differing} differing), skipped " + (", ".join(f"{n} {k}" for k, n in skipped.items()) or "0"), end="")
' "$work/diff-before.json" "$work/admin.json")"
  fi
  echo "$traffic"
}

# JIT tiering: a .NET process sharing a saturated core takes minutes to reach its steady code (tier-1 compiles run in the
# background, at the load's expense), and the facade has far more code to tier up than bare YARP. Each .NET process is
# first loaded alone on the core for PRIME seconds, so every row compares steady processes.
for port in "$bare" "$bare2" "$full" "$public"; do
  echo "==> priming 127.0.0.1:$port alone for ${prime}s"
  load "$port" 16 "$prime" > /dev/null
done

echo "==> $command_line"
echo "    proxies on cpu $proxy_cpu, wrk and the backend nginx on cpu $load_cpus; GET $path; warm-up ${warmup}s (both at once), then ${measured}s measured"
for conn in $connections_list; do
  echo "==> $conn connections each"
  pair "bare YARP #2" "$bare2" "$pid_bare2" "$conn"
  pair "full-host YARP" "$full" "$pid_full" "$conn"
  for mode in legacy extracted "canary 50" shadow; do
    set_slices ${mode% *} 50   # the percentage only counts for canary
    pair "facade ${mode/canary 50/canary 50 %}" "$public" "$pid_facade" "$conn" facade_note
    # wrk sends no cookies: above, every canary request is a first visit (a new id, a Set-Cookie). Returning visitors
    # carry the facade's visitor cookie.
    [[ $mode == "canary 50" ]] && pair "facade canary 50 %, returning visitor" "$public" "$pid_facade" "$conn" facade_note \
      "Cookie: strangler.uid=proxy-table-visitor"
  done
  set_slices legacy 0   # back as shipped: an idle facade on legacy costs the other rows nothing
  pair "nginx proxy" "$nginx_proxy" "$pid_nginx_proxy" "$conn"
  pair "haproxy" "$haproxy_port" "$pid_haproxy" "$conn"
done

echo
echo "## Proxies against bare YARP, each loaded at the same time on one core"
echo
echo "- machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- command: \`$command_line\`"
echo "- $(nginx -v 2>&1 | sed 's/.*: //'), $(haproxy -v | head -n1 | cut -d' ' -f1-3), .NET $(dotnet --version), $(wrk -v 2>&1 | head -n1 | cut -d' ' -f1-2)"
echo "- throughput ratio: candidate / bare YARP req/s over the same seconds; CPU ratio: bare YARP's CPU time per request /"
echo "  the candidate's (its throughput ratio on a saturated core, whatever share the scheduler gave each); p99 added: candidate - bare YARP"
echo
python3 "$work/wrk.py" "$ticks" table "$work/manifest.tsv"
[[ -n "$flip_notes" ]] && { echo; echo "Slice flips:"; printf '%s' "$flip_notes" | sort -u; }
# The console logger writes "warn: Category[id]" and the message on the next line: count each pair.
problems="$(awk '/^(fail|crit|warn):/ { head = $0; getline; sub(/^ +/, ""); print head " " $0 }' "$work/facade.log" | sort | uniq -c | sort -rn | head -n 10)"
[[ -n "$problems" ]] && { echo; echo "Facade log, warnings and errors (count, category, message):"; echo "$problems" | cut -c1-300; }
for f in "$work/backend/error.log" "$work/nginx-proxy/error.log" "$work/haproxy.log"; do
  [[ -s $f ]] && { echo; echo "${f#"$work/"}:"; tail -n 5 "$f"; }
done
true
