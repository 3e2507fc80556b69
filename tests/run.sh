#!/usr/bin/env bash
# Runs every test of the toolkit from a fresh clone: restores, builds, runs all test projects and
# prints one closing line "N passed, N failed" read from the test results.
# Later, when tests need real servers (PostgreSQL, RabbitMQ, Chromium), this script installs and
# starts them when missing, so that this one command stays the only set-up step.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

configuration="${CONFIGURATION:-Release}"
results="$(mktemp -d "${TMPDIR:-/tmp}/strangler-tests.XXXXXX")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

echo "==> restore"
dotnet restore Migration.sln
echo "==> build ($configuration)"
dotnet build Migration.sln -c "$configuration" --no-restore -nologo

echo "==> test (results in $results)"
status=0
dotnet test Migration.sln -c "$configuration" --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" || status=$?

passed=0; failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

if [[ $passed -eq 0 && $failed -eq 0 && $status -eq 0 ]]; then
  echo "no test results were found in $results" >&2
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
