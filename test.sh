#!/usr/bin/env bash
# Runs every test of the repository: unit, orchestrator, contract and end-to-end tests, and the Bicep checks.
# Installs Azurite from the lock file and starts it when nothing listens on its ports; stops what it started.
# Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$ZJF_ROOT"
trap zjf_stop_started EXIT

zjf_require_tools
# The Azurite restart test starts an Azurite of its own from node_modules, even when one is already listening.
zjf_ensure_node_modules
zjf_start_azurite
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

passed=0
failed=0
logs="$ZJF_ROOT/.test-logs"
rm -rf "$logs" && mkdir -p "$logs"

if ! dotnet build ZuoraJobFlows.sln -c Release -nologo -clp:ErrorsOnly >"$logs/build.log" 2>&1; then
  grep -E 'error' "$logs/build.log" | sort -u | head -n 40
  echo "build failed; see $logs/build.log"
  failed=$((failed + 1))
else
  for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    echo "== $name"
    dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=normal" \
      --logger "trx;LogFileName=$name.trx" --results-directory "$logs" >"$logs/$name.log" 2>&1
    status=$?
    grep -E '^\s+Failed ' "$logs/$name.log" || true
    counters=$(grep -h -o '<Counters [^>]*>' "$logs/$name.trx" 2>/dev/null | tail -n 1)
    if [ -z "$counters" ]; then
      echo "   no test results from $name; see $logs/$name.log"
      tail -n 20 "$logs/$name.log"
      failed=$((failed + 1))
      continue
    fi
    p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
    total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
    f=$((total - p))
    # A test host that crashed or hung leaves fewer results than tests; count the run itself as a failure.
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
      echo "   dotnet test exited with $status; see $logs/$name.log"
      f=1
    fi
    echo "   $p passed, $f failed"
    passed=$((passed + p))
    failed=$((failed + f))
  done
fi

if [ -x scripts/check-bicep.sh ]; then
  echo "== Bicep"
  if scripts/check-bicep.sh >"$logs/bicep.log" 2>&1; then
    n=$(grep -c '^ok ' "$logs/bicep.log")
    echo "   $n passed"
    passed=$((passed + n))
  else
    cat "$logs/bicep.log"
    failed=$((failed + 1))
  fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
