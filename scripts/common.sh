#!/usr/bin/env bash
# Shared by run-local.sh, test.sh and the benchmark scripts: installs the local tools and starts the
# services a run needs, and stops on exit only what this script started.

ZJF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ZJF_STARTED_PIDS=()
ZJF_AZURITE_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;"
export ZJF_AZURITE_CONNECTION

zjf_log() { printf '%s\n' "$*" >&2; }

zjf_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

zjf_wait_port() {
  local port=$1 seconds=${2:-60} i
  for ((i = 0; i < seconds * 10; i++)); do
    zjf_port_open "$port" && return 0
    sleep 0.1
  done
  return 1
}

zjf_require_tools() {
  command -v dotnet >/dev/null || { zjf_log "error: the .NET SDK (dotnet) is not on PATH"; exit 1; }
  command -v node >/dev/null || { zjf_log "error: Node.js (node, npm) is not on PATH"; exit 1; }
}

zjf_ensure_node_modules() {
  if [ ! -x "$ZJF_ROOT/node_modules/.bin/azurite" ]; then
    zjf_log "Installing Azurite from package-lock.json (npm ci)..."
    (cd "$ZJF_ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || {
      zjf_log "error: npm ci failed; Azurite could not be installed"; exit 1; }
  fi
}

# Starts Azurite on 127.0.0.1:10000-10002 unless something already listens there.
zjf_start_azurite() {
  if zjf_port_open 10000 && zjf_port_open 10001 && zjf_port_open 10002; then
    zjf_log "Azurite: using the one already listening on 127.0.0.1:10000-10002"
    return 0
  fi
  zjf_ensure_node_modules
  local dir="${ZJF_AZURITE_DIR:-$ZJF_ROOT/.azurite}"
  mkdir -p "$dir"
  "$ZJF_ROOT/node_modules/.bin/azurite" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --location "$dir" --skipApiVersionCheck --silent --loose >"$dir/azurite.log" 2>&1 &
  ZJF_STARTED_PIDS+=($!)
  zjf_wait_port 10000 60 && zjf_wait_port 10001 30 && zjf_wait_port 10002 30 || {
    zjf_log "error: Azurite did not start; see $dir/azurite.log"; exit 1; }
  zjf_log "Azurite: started on 127.0.0.1:10000-10002 (data in $dir)"
}

# A free TCP port on 127.0.0.1, as the kernel picks one (free when asked; nothing holds it afterwards).
zjf_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts an Azurite of its own on three free loopback ports, data in DIR/azurite and log in DIR/azurite.log, for a
# machine where others start and stop the shared one on 10000-10002. Points ZJF_AZURITE_CONNECTION at it and leaves
# its blob, queue and table ports in ZJF_AZURITE_PORTS.
zjf_start_private_azurite() {
  local dir=$1 ports=() i
  zjf_ensure_node_modules
  for i in 1 2 3; do ports+=("$(zjf_free_port)"); done
  mkdir -p "$dir/azurite"
  "$ZJF_ROOT/node_modules/.bin/azurite" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "${ports[0]}" --queuePort "${ports[1]}" --tablePort "${ports[2]}" --location "$dir/azurite" \
    --skipApiVersionCheck --silent --loose >"$dir/azurite.log" 2>&1 &
  ZJF_STARTED_PIDS+=($!)
  zjf_wait_port "${ports[0]}" 60 && zjf_wait_port "${ports[1]}" 30 && zjf_wait_port "${ports[2]}" 30 || {
    zjf_log "error: Azurite did not start"; exit 2; }
  ZJF_AZURITE_CONNECTION="${ZJF_AZURITE_CONNECTION//127.0.0.1:10000/127.0.0.1:${ports[0]}}"
  ZJF_AZURITE_CONNECTION="${ZJF_AZURITE_CONNECTION//127.0.0.1:10001/127.0.0.1:${ports[1]}}"
  ZJF_AZURITE_CONNECTION="${ZJF_AZURITE_CONNECTION//127.0.0.1:10002/127.0.0.1:${ports[2]}}"
  ZJF_AZURITE_PORTS=("${ports[@]}")
  zjf_log "Azurite: private one on 127.0.0.1:${ports[*]}"
}

# Builds the runner (zjf) and the Zuora emulator in Release; the build's output goes to LOGDIR/build.log.
zjf_build_runner() {
  local logdir=$1 project
  for project in src/ZuoraJobFlows.Local src/ZuoraJobFlows.ZuoraEmulator; do
    dotnet build "$ZJF_ROOT/$project" -c Release -nologo -v quiet -clp:ErrorsOnly >"$logdir/build.log" 2>&1 || {
      zjf_log "error: build failed; see $logdir/build.log"; exit 1; }
  done
}

# Starts the Zuora emulator (the Release build) on 127.0.0.1:PORT, log in LOGDIR/emulator.log; the other arguments
# are its settings as NAME=value (Emulator__RecordsPerSecond=0 ...).
zjf_start_emulator() {
  local port=$1 logdir=$2
  shift 2
  env "$@" dotnet "$ZJF_ROOT/src/ZuoraJobFlows.ZuoraEmulator/bin/Release/net10.0/ZuoraJobFlows.ZuoraEmulator.dll" \
    --urls "http://127.0.0.1:$port" >"$logdir/emulator.log" 2>&1 &
  ZJF_STARTED_PIDS+=($!)
  zjf_wait_port "$port" 60 || { zjf_log "error: emulator did not start; see $logdir/emulator.log"; exit 1; }
}

zjf_stop_started() {
  local pid
  for pid in "${ZJF_STARTED_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${ZJF_STARTED_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  ZJF_STARTED_PIDS=()
}
