#!/usr/bin/env bash
# Benchmarks of the local runner (not a test). Prints:
#   1. time from blob upload to Zuora job submitted, median of N uploads (default 20), zjf serve watching;
#   2. end-to-end wall time of `zjf import samples/vehicles.csv` (upload, run, results downloaded);
#   3. Zuora status calls for one job slowed to last BENCH_SLOW_MINUTES (default 2) with the DESIGN.md polling
#      defaults (2 s doubling to 60 s), read from the runner's log ("ended ... after N polls").
# Uses its own emulator (127.0.0.1:7180), API port (7172), task hub and containers; stops what it started.
set -uo pipefail
source "$(dirname "$0")/common.sh"
cd "$ZJF_ROOT"
trap zjf_stop_started EXIT
zjf_require_tools
zjf_start_azurite
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

samples=${BENCH_SAMPLES:-20}
slow_minutes=${BENCH_SLOW_MINUTES:-2}
logs="$ZJF_ROOT/.run-local/bench"
mkdir -p "$logs"
for project in src/ZuoraJobFlows.Local src/ZuoraJobFlows.ZuoraEmulator; do
  dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >"$logs/build.log" 2>&1 || {
    zjf_log "error: build failed; see $logs/build.log"; exit 1; }
done
zjf=(dotnet "$ZJF_ROOT/src/ZuoraJobFlows.Local/bin/Release/net10.0/zjf.dll")
emulator_dll="$ZJF_ROOT/src/ZuoraJobFlows.ZuoraEmulator/bin/Release/net10.0/ZuoraJobFlows.ZuoraEmulator.dll"
suffix=$(date +%s)

start_emulator() { # records per second
  Emulator__RecordsPerSecond=$1 dotnet "$emulator_dll" --urls http://127.0.0.1:7180 >"$logs/emulator.log" 2>&1 &
  emulator_pid=$!
  ZJF_STARTED_PIDS+=($emulator_pid)
  zjf_wait_port 7180 60 || { zjf_log "error: emulator did not start"; exit 1; }
}

stop_pid() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; }

export Zuora__BaseUrl=http://127.0.0.1:7180 Api__Url=http://127.0.0.1:7172
export DurableTask__HubName="Bench$suffix" Imports__InputContainer="bench-in-$suffix"
export Imports__OutputContainer="bench-out-$suffix"

echo "== 1. upload -> Zuora job submitted (median of $samples), machine: $(nproc) cores, $(uname -sr)"
start_emulator 200
"${zjf[@]}" serve >"$logs/serve.log" 2>&1 &
serve_pid=$!
ZJF_STARTED_PIDS+=($serve_pid)
zjf_wait_port 7172 60 || { zjf_log "error: zjf serve did not start; see $logs/serve.log"; exit 1; }
python3 scripts/bench-local.py http://127.0.0.1:7180 "$Imports__InputContainer" "$samples"
stop_pid "$serve_pid"

echo "== 2. end-to-end: zjf import samples/vehicles.csv (emulator at 200 records/s)"
start=$(date +%s.%N)
"${zjf[@]}" import samples/vehicles.csv --object vehicle --out "$logs/out" >"$logs/import.log" 2>&1
code=$?
end=$(date +%s.%N)
printf 'wall time %.1f s, exit code %d (2 = completed with the sample'"'"'s 7 bad rows)\n' "$(echo "$end - $start" | bc)" "$code"
stop_pid "$emulator_pid"

echo "== 3. status calls for one job slowed to about $slow_minutes minute(s), polling 2 s doubling to 60 s"
records=600
rate=$(echo "scale=3; $records / ($slow_minutes * 60)" | bc)
start_emulator "$rate"
head -n $((records + 1)) samples/vehicles.csv >"$logs/slow.csv"
Polling__InitialDelay=00:00:02 Polling__MaxDelay=00:01:00 DurableTask__HubName="BenchSlow$suffix" \
  Imports__InputContainer="bench-slow-in-$suffix" "${zjf[@]}" serve >"$logs/serve-slow.log" 2>&1 &
serve_pid=$!
ZJF_STARTED_PIDS+=($serve_pid)
zjf_wait_port 7172 60 || { zjf_log "error: zjf serve did not start; see $logs/serve-slow.log"; exit 1; }
start=$(date +%s)
Imports__InputContainer="bench-slow-in-$suffix" "${zjf[@]}" import "$logs/slow.csv" --object vehicle \
  --api http://127.0.0.1:7172 --out "$logs/slow-out" >"$logs/slow.log" 2>&1
polls=$(grep -o 'ended [A-Za-z]* after [0-9]* polls' "$logs/serve-slow.log" | tail -n 1)
echo "run took $(( $(date +%s) - start )) s; Zuora job $polls (one GET /objects/jobs/{id} per poll)"
stop_pid "$serve_pid"
