#!/usr/bin/env bash
# Runs every test of the toolkit from a fresh clone: restores, builds, runs all test projects and
# prints one closing line "N passed, N failed" read from the test results.
# The real servers the tests use are installed from Debian when missing and started on loopback here,
# so that this one command stays the only set-up step: RabbitMQ (the broker transport's tests) and PostgreSQL
# (the same tests with every database on a server).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

configuration="${CONFIGURATION:-Release}"
results="$(mktemp -d "${TMPDIR:-/tmp}/strangler-tests.XXXXXX")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

apt_updated=""
install_debian() {
  echo "==> installing $* (Debian)"
  [[ -n "$apt_updated" ]] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# RabbitMQ on 127.0.0.1 only (AMQP, Erlang distribution and epmd), with the Debian defaults otherwise.
start_rabbitmq() {
  command -v rabbitmq-server >/dev/null 2>&1 || install_debian rabbitmq-server
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_DIST_PORT=25672
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  if ! rabbitmqctl -q status >/dev/null 2>&1; then
    echo "==> starting RabbitMQ on 127.0.0.1:5672"
    rabbitmq-server -detached
  fi
  # The node takes a few seconds to register before rabbitmqctl can reach it at all.
  for _ in $(seq 1 90); do
    rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1 && break
    sleep 1
  done
  rabbitmqctl -q await_startup --timeout 30
  # An interrupted outage test may have left the application stopped.
  rabbitmqctl -q start_app
  export STRANGLER_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:5672"
}

# PostgreSQL's Debian cluster listens on localhost:5432; the tests get a role that may create their own databases.
start_postgres() {
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || install_debian postgresql
  local version
  version="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    echo "==> starting PostgreSQL $version on 127.0.0.1:5432"
    pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'strangler') THEN CREATE ROLE strangler LOGIN CREATEDB PASSWORD 'strangler-tests'; END IF; END\\\$\\\$;\""
  # The tests' own role commits without waiting for the disk (this role only; the server's other users are untouched):
  # a full run starts several systems at once, each seeding its monolith's store.
  su postgres -c "psql -q -v ON_ERROR_STOP=1 -c 'ALTER ROLE strangler SET synchronous_commit = off'"
  export STRANGLER_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Database=postgres;Username=strangler;Password=strangler-tests"
}

start_rabbitmq
start_postgres

echo "==> restore"
dotnet restore Migration.sln
echo "==> build ($configuration)"
dotnet build Migration.sln -c "$configuration" --no-restore -nologo

echo "==> test (results in $results)"
status=0
# One test project at a time (-m:1): the end-to-end tests start whole systems of processes, two collections at once,
# and beside another project's hosts a 2-core machine ran at a load of 40-50, long enough to trip timing bounds.
dotnet test Migration.sln -c "$configuration" --no-build --nologo -m:1 \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" || status=$?

passed=0; failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

# The console log is long; name each failure and the start of its message (30 lines, once for a message shared by a
# collection's tests) again right above the summary.
if [[ $failed -gt 0 ]]; then
  echo "==> failed tests"
  for trx in "$results"/*.trx; do
    perl -0777 -ne 'while (/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="Failed"(?:(?!<\/UnitTestResult>).)*?<Message>(.*?)<\/Message>/sg) {
      my ($name, $message) = ($1, $2); $message =~ s/&quot;/"/g; $message =~ s/&lt;/</g; $message =~ s/&gt;/>/g; $message =~ s/&amp;/&/g;
      my @lines = split /\n/, $message; print "  $name\n";
      if ($seen{$message}++) { print "    (the same message as above)\n"; next; }
      print map("    $_\n", grep { defined } @lines[0..29]); }' "$trx"
  done
fi

if [[ $passed -eq 0 && $failed -eq 0 && $status -eq 0 ]]; then
  echo "no test results were found in $results" >&2
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
