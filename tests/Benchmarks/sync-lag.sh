#!/usr/bin/env bash
# Event lag and data verify, measured on real processes on loopback (the monolith, Catalog.Service, the facade):
#   lag        price changes at a steady rate (RATE per second), each timed from the monolith's change to the row
#              in Catalog.Service's ledger (ChangedAt -> AppliedAt, both recorded by the apps): p50 / p99 / max
#   sustained  BURST price changes sent as fast as CONCURRENCY clients can, timed until the service's lag is 0
#   verify     SEED products added to both databases, then `strangler data verify catalog` timed, clean and with one
#              planted mismatch (the range that differs is the only one fetched)
# Usage: bash tests/Benchmarks/sync-lag.sh [embedded|rabbitmq]   (rabbitmq: a broker on 127.0.0.1, see tests/run.sh;
#        STRANGLER_TEST_RABBITMQ overrides the URI). Knobs: COUNT=500 RATE=20 BURST=2000 CONCURRENCY=8 SEED=100000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
transport="${1:-embedded}"; count="${COUNT:-500}"; rate="${RATE:-20}"; burst="${BURST:-2000}"
concurrency="${CONCURRENCY:-8}"; seed="${SEED:-100000}"
for tool in curl python3 xargs; do command -v "$tool" >/dev/null || { echo "benchmark needs $tool" >&2; exit 2; }; done

work="$(mktemp -d "${TMPDIR:-/tmp}/strangler-sync.XXXXXX")"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "not up: $1" >&2; tail -n 40 "$work"/*.log >&2; exit 1; }

echo "==> build (Release)"
dotnet build "$root/Migration.sln" -c Release -nologo -v q > "$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
dll() { echo "$root/$1/bin/Release/net10.0/$2.dll"; }

legacy="$(free_port)"; catalog="$(free_port)"; inbox="$(free_port)"; public="$(free_port)"; control="$(free_port)"
case "$transport" in
  embedded) messaging=("--Messaging:Ports:catalog=$inbox") ;;
  rabbitmq) messaging=("--Messaging:Transport=RabbitMq" "--Messaging:RabbitMq=${STRANGLER_TEST_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672}"
                       "--Messaging:QueuePrefix=bench-$$-") ;;
  *) echo "transport must be embedded or rabbitmq" >&2; exit 2 ;;
esac
token="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
sha="$(printf %s "$token" | sha256sum | cut -d' ' -f1)"
quiet=("--Logging:LogLevel:Default=Warning")

dotnet "$(dll legacy/Legacy.Store Legacy.Store)" --urls "http://127.0.0.1:$legacy" --contentRoot "$root/legacy/Legacy.Store" \
  "--ConnectionStrings:Store=Data Source=$work/legacy.db" "${messaging[@]}" "${quiet[@]}" > "$work/legacy.log" 2>&1 & pids+=($!)
dotnet "$(dll extracted/Catalog.Service Catalog.Service)" --urls "http://127.0.0.1:$catalog" --contentRoot "$root/extracted/Catalog.Service" \
  "--ConnectionStrings:Catalog=Data Source=$work/catalog.db" "--Legacy:BaseUrl=http://127.0.0.1:$legacy" "${messaging[@]}" "${quiet[@]}" \
  > "$work/catalog.log" 2>&1 & pids+=($!)
dotnet "$(dll facade/Migration.Facade Migration.Facade)" --contentRoot "$root/facade/Migration.Facade" \
  "--Facade:PublicUrl=http://127.0.0.1:$public" "--Facade:ControlPlaneUrl=http://127.0.0.1:$control" \
  "--FlagStore:ConnectionString=Data Source=$work/flags.db" "--Services:legacy:http:0=http://127.0.0.1:$legacy" \
  "--Services:catalog:http:0=http://127.0.0.1:$catalog" "--ControlPlane:Tokens:0:Name=bench" "--ControlPlane:Tokens:0:Role=operator" \
  "--ControlPlane:Tokens:0:Sha256=$sha" "${quiet[@]}" > "$work/facade.log" 2>&1 & pids+=($!)
wait_up "http://127.0.0.1:$legacy/health"; wait_up "http://127.0.0.1:$catalog/health"; wait_up "http://127.0.0.1:$control/health"

strangler() { STRANGLER_URL="http://127.0.0.1:$control" STRANGLER_TOKEN="$token" dotnet "$(dll tools/Migration.Cli strangler)" "$@"; }
lag() { curl -fsS "http://127.0.0.1:$catalog/internal/sync/lag" | python3 -c 'import json,sys; v=json.load(sys.stdin)["lagSeconds"]; print(-1 if v is None else v)'; }
wait_caught_up() { for _ in $(seq 1 1200); do [[ "$(lag)" == "0" || "$(lag)" == "0.0" ]] && return 0; sleep 0.05; done; echo "lag never reached 0" >&2; exit 1; }

echo "==> backfill ($transport)"
strangler data backfill catalog --json >/dev/null
wait_caught_up

jar="$work/cookies"; base="http://127.0.0.1:$legacy"
form="$(curl -fsS -c "$jar" -b "$jar" "$base/account/login")"
anti="$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' <<<"$form" | sed 's/.*value="//;s/"$//')"
curl -fsS -o /dev/null -c "$jar" -b "$jar" -X POST "$base/account/login" --data-urlencode "email=staff@example.com" \
  --data-urlencode "password=Staff-Passw0rd!" --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$anti"
price() { curl -fsS -o /dev/null -b "$jar" -X PUT -H 'content-type: application/json' -d "{\"price\":$2}" "$base/api/products/$1/price"; }
export -f price; export jar base

echo "==> lag: $count price changes at $rate/s"
pause="$(python3 -c "print(1/$rate)")"
for i in $(seq 1 "$count"); do price "$i" "$((10 + i % 50)).25"; sleep "$pause"; done
wait_caught_up
python3 - "$work/catalog.db" "$count" <<'PY'
import sqlite3, sys
db, count = sys.argv[1], int(sys.argv[2])
rows = sqlite3.connect(db).execute(
    "SELECT (AppliedAt - OccurredAt) / 10000.0 FROM AppliedEvents WHERE Stream='product' AND AggregateId <= ? AND EventId != '00000000-0000-0000-0000-000000000000'", (count,)).fetchall()
lags = sorted(r[0] for r in rows)
pick = lambda q: lags[min(len(lags) - 1, int(q * len(lags)))]
print(f"    {len(lags)} events: p50 {pick(0.5):.1f} ms, p99 {pick(0.99):.1f} ms, max {lags[-1]:.1f} ms")
PY

echo "==> sustained: $burst price changes, $concurrency at a time"
start="$(date +%s.%N)"
seq 1 "$burst" | xargs -P "$concurrency" -I{} bash -c 'price $(( ({} - 1) % 1000 + 1 )) $(( 20 + {} % 70 )).75'
sent="$(date +%s.%N)"
wait_caught_up
done_at="$(date +%s.%N)"
python3 -c "s,e,d,n=$start,$sent,$done_at,$burst; print(f'    published {n/(e-s):.0f}/s; all applied {d-s:.1f} s after the first: {n/(d-s):.0f} events/s end to end')"

echo "==> verify: $seed products on both sides"
python3 - "$work/legacy.db" "$work/catalog.db" "$seed" <<'PY'
import sqlite3, sys
legacy, catalog, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [(i, f"Bench {i:06d}", f"Seeded product {i}.", 100 + i % 9000, 1 + i % 20) for i in range(1001, seed + 1)]
with sqlite3.connect(legacy) as db:
    db.executemany("INSERT INTO Products (Id, Sku, Name, Description, PriceCents, CategoryId, Version, ChangedAt, IsDeleted) "
                   "VALUES (?, 'B-' || ?, ?, ?, ?, ?, 1, '2024-01-01 08:00:00', 0)", [(r[0], r[0], *r[1:]) for r in rows])
with sqlite3.connect(catalog) as db:
    db.executemany("INSERT INTO Products (Id, Name, Description, PriceCents, CategoryId) VALUES (?, ?, ?, ?, ?)", rows)
PY
verify() { strangler data verify catalog --json > "$work/verify.json" || true
  python3 -c "import json; r=json.load(open('$work/verify.json')); print(f\"    {r['monolithCount']} / {r['serviceCount']} records, {r['differingRanges']} of {r['ranges']} ranges differ, {r['rowsFetched']} rows fetched, {r['mismatches']} mismatches: {r['elapsedMs']:.0f} ms in the control plane\")"; }
t0="$(date +%s.%N)"; verify; t1="$(date +%s.%N)"
python3 -c "print(f'    clean: {$t1-$t0:.2f} s including the CLI start')"
python3 -c "import sqlite3; db=sqlite3.connect('$work/catalog.db'); db.execute('UPDATE Products SET PriceCents = PriceCents + 1 WHERE Id = ' + str($seed // 2 + 321)); db.commit()"
t0="$(date +%s.%N)"; verify; t1="$(date +%s.%N)"
python3 -c "print(f'    one planted mismatch: {$t1-$t0:.2f} s including the CLI start')"
