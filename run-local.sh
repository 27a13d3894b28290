#!/usr/bin/env bash
# The one command to see ZuoraJobFlows work locally: starts Azurite and the Zuora emulator when needed, imports a
# CSV through the durable workflow with a progress display, saves summary.json, errors.csv and retry.csv, and stops
# whatever it started.
#
#   ./run-local.sh                                   imports samples/vehicles.csv into the vehicle object
#   ./run-local.sh FILE --object OBJ [--operation create|update] [--out DIR]
#
# With Zuora__BaseUrl set (plus Zuora__ClientId and Zuora__ClientSecret) it talks to that Zuora instead of the
# emulator. The exit code is the import's: 0 completed, 2 completed with row errors, 3 rejected, failed or
# cancelled, 1 usage or environment error.
set -uo pipefail
caller_dir="$PWD"
source "$(dirname "$0")/scripts/common.sh"
cd "$ZJF_ROOT"
trap zjf_stop_started EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
zjf_require_tools

emulator_port=7080
logs="$ZJF_ROOT/.run-local"
mkdir -p "$logs"

build() {
  local project=$1
  zjf_log "Building $(basename "$project")..."
  if ! dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >"$logs/build.log" 2>&1; then
    grep -E 'error' "$logs/build.log" | sort -u | head -n 20 >&2
    zjf_log "error: the build failed; see $logs/build.log"
    exit 1
  fi
}

case "${AzureWebJobsStorage:-UseDevelopmentStorage=true}" in
  UseDevelopmentStorage=true* | *127.0.0.1* | *localhost*) zjf_start_azurite ;;
  *) zjf_log "Storage: using AzureWebJobsStorage as set" ;;
esac

build src/ZuoraJobFlows.Local/ZuoraJobFlows.Local.csproj

if [ -n "${Zuora__BaseUrl:-}" ]; then
  zjf_log "Zuora: using $Zuora__BaseUrl"
else
  if zjf_port_open "$emulator_port"; then
    zjf_log "error: something already listens on 127.0.0.1:$emulator_port, where the Zuora emulator should start."
    zjf_log "       Stop it, or set Zuora__BaseUrl=http://127.0.0.1:$emulator_port to use it as Zuora."
    exit 1
  fi
  build src/ZuoraJobFlows.ZuoraEmulator/ZuoraJobFlows.ZuoraEmulator.csproj
  dotnet src/ZuoraJobFlows.ZuoraEmulator/bin/Release/net10.0/ZuoraJobFlows.ZuoraEmulator.dll \
    --urls "http://127.0.0.1:$emulator_port" >"$logs/emulator.log" 2>&1 &
  ZJF_STARTED_PIDS+=($!)
  if ! zjf_wait_port "$emulator_port" 60; then
    zjf_log "error: the Zuora emulator did not start; see $logs/emulator.log"
    exit 1
  fi
  zjf_log "Zuora: emulator started on http://127.0.0.1:$emulator_port (log in $logs/emulator.log)"
  export Zuora__BaseUrl="http://127.0.0.1:$emulator_port"
fi

if [ $# -eq 0 ]; then
  set -- "$ZJF_ROOT/samples/vehicles.csv" --object vehicle
fi

# Run from the caller's directory so that FILE and --out mean what they meant where the script was started.
(cd "$caller_dir" && dotnet "$ZJF_ROOT/src/ZuoraJobFlows.Local/bin/Release/net10.0/zjf.dll" import "$@")
exit $?
