#!/usr/bin/env bash
# Memory benchmark of the local runner (not a test): peak resident memory of `zjf import` for a small and a large
# vehicle CSV, and their ratio. Target: the large file's peak at most 1.3 x the small file's, and under 250 MB.
#   scripts/bench-memory.sh                 10 MB and 1 GB (1 GB: about 70 chunks of 15 MB at the 5-job limit)
#   BENCH_SIZES_MB="10 200" scripts/bench-memory.sh
#   BENCH_RUNS=3 scripts/bench-memory.sh    each size three times; the ratio uses the median peaks (a single
#                                           run's peak varies by 10-20 MB with JIT and GC timing)
# The files are generated (streamed) under /tmp and removed afterwards. The emulator runs at full speed
# (RecordsPerSecond 0) without keeping records (KeepRecords false). Peak RSS comes from /usr/bin/time -v.
# BENCH_PRIVATE_AZURITE=1 uses an Azurite of its own on free loopback ports instead of the shared one.
set -uo pipefail
source "$(dirname "$0")/common.sh"
cd "$ZJF_ROOT"
sizes=(${BENCH_SIZES_MB:-10 1024})
work=$(mktemp -d /tmp/zjf-bench-memory.XXXXXX)
trap 'zjf_stop_started; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

[ -x /usr/bin/time ] || { zjf_log "error: /usr/bin/time is missing (apt-get install -y time)"; exit 1; }
needed_mb=$(( $(printf '%s\n' "${sizes[@]}" | sort -n | tail -n 1) * 3 + 1024 ))
free_mb=$(df -Pm /tmp | awk 'NR == 2 { print $4 }')
[ "$free_mb" -ge "$needed_mb" ] || {
  zjf_log "error: $free_mb MB free under /tmp, need about $needed_mb MB (file, its blob and its chunks)"; exit 1; }

zjf_require_tools
if [ "${BENCH_PRIVATE_AZURITE:-0}" = 1 ]; then zjf_start_private_azurite "$work"; else zjf_start_azurite; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
logs="$ZJF_ROOT/.run-local/bench-memory"
mkdir -p "$logs"
zjf_build_runner "$logs"
zjf_dll="$ZJF_ROOT/src/ZuoraJobFlows.Local/bin/Release/net10.0/zjf.dll"

emulator_port=$(zjf_free_port)
zjf_start_emulator "$emulator_port" "$logs" \
  Emulator__RecordsPerSecond=0 Emulator__KeepRecords=false Emulator__JobStartDelay=00:00:00
export Zuora__BaseUrl="http://127.0.0.1:$emulator_port" AzureWebJobsStorage="$ZJF_AZURITE_CONNECTION"
export Polling__InitialDelay=00:00:00.500 Polling__MaxDelay=00:00:02 Imports__SlotWaitInitialDelay=00:00:01

# Vehicles with unique VINs, written in blocks so that a 1 GB file takes well under a minute.
generate() { # file megabytes
  python3 - "$1" "$2" <<'PY'
import sys
path, target = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
colors = ["white", "black", "red", "blue", "silver"]
with open(path, "w", newline="\n", buffering=1 << 20) as f:
    written = f.write("make__c,model__c,year__c,vin__c,color__c,msrp__c,in_service_on__c,electric__c\n")
    row = 0
    while written < target:
        block = "".join(
            f"Toyota,Corolla,{2000 + i % 26},V{i:016d},{colors[i % 5]},{20000 + i % 9000}.50,2021-03-04,"
            f"{'true' if i % 3 == 0 else 'false'}\n" for i in range(row, row + 10000))
        written += f.write(block)
        row += 10000
PY
}

suffix=$(date +%s)
runs=${BENCH_RUNS:-1}
echo "zjf import peak memory; machine: $(nproc) cores, $(free -m | awk '/Mem:/ { print $2 }') MB RAM, $(uname -sr)"
medians=() highest=()
for size in "${sizes[@]}"; do
  csv="$work/vehicles-${size}mb.csv"
  generate "$csv" "$size"
  bytes=$(stat -c %s "$csv")
  chunks=$(( (bytes + 15 * 1024 * 1024 - 1) / (15 * 1024 * 1024) ))
  peaks=()
  for run in $(seq 1 "$runs"); do
    name="$suffix-$size-$run"
    start=$(date +%s.%N)
    DurableTask__HubName="Mem${suffix}S${size}R$run" Imports__InputContainer="mem-in-$name" \
      Imports__OutputContainer="mem-out-$name" \
      /usr/bin/time -v -o "$logs/time-$size.txt" dotnet "$zjf_dll" import "$csv" --object vehicle \
      --out "$work/out-$name" >"$logs/import-$size.log" 2>&1
    code=$?
    end=$(date +%s.%N)
    peak_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$logs/time-$size.txt")
    peak_mb=$(awk -v kb="$peak_kb" 'BEGIN { printf "%.0f", kb / 1024 }')
    peaks+=("$peak_mb")
    records=$(jq -r '.recordsProcessed // "?"' "$work/out-$name/summary.json" 2>/dev/null)
    printf '%5d MB file (%d bytes, %s records, about %d chunks), run %d: ' "$size" "$bytes" "$records" "$chunks" "$run"
    printf 'peak RSS %d MB, wall time %.0f s, exit code %d\n' "$peak_mb" "$(echo "$end - $start" | bc)" "$code"
  done
  rm -f "$csv"
  sorted=($(printf '%s\n' "${peaks[@]}" | sort -n))
  medians+=("${sorted[$(( (${#sorted[@]} - 1) / 2 ))]}")
  highest+=("${sorted[-1]}")
done

if [ "${#medians[@]}" -ge 2 ]; then
  first=${medians[0]} last=${medians[-1]} top=${highest[-1]}
  ratio=$(awk -v a="$last" -v b="$first" 'BEGIN { printf "%.2f", a / b }')
  verdict=$(awk -v r="$ratio" -v t="$top" 'BEGIN { print (r <= 1.3 && t < 250) ? "within" : "OUTSIDE" }')
  echo "median peak ${sizes[-1]} MB / median peak ${sizes[0]} MB = $last / $first = ${ratio}x," \
    "highest ${sizes[-1]} MB peak $top MB ($verdict the target: <= 1.3x and < 250 MB)"
fi
