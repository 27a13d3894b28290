#!/usr/bin/env bash
# Kill trials of the local runner (not a test; the test suite runs one trial in KillTrialTests):
#   scripts/trial-kill.sh [N]   (default 10)
# Per trial: a fresh task hub and containers, `zjf serve` as a child process, a generated ~500 KB vehicle CSV
# split into 64 KB chunks (about 8 Zuora jobs against the 5-job limit), the runner killed with SIGKILL at a random
# moment 0.5-8 s after the upload, started again (and, in every other trial, killed and started once more), then
# waits for summary.json and checks with the emulator's records and jobs APIs: one Zuora job per chunk, every good
# record exactly once, and the expected status. Uses Azurite (started if not running), its own emulator on a free
# loopback port and its own API port; stops everything it started.
set -uo pipefail
source "$(dirname "$0")/common.sh"
cd "$ZJF_ROOT"
trials=${1:-10}
deadline_seconds=${TRIAL_DEADLINE_SECONDS:-240}
work=$(mktemp -d /tmp/zjf-trial-kill.XXXXXX)
serve_pid=""

cleanup() {
  [ -n "$serve_pid" ] && kill -9 "$serve_pid" 2>/dev/null
  zjf_stop_started
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

zjf_require_tools
# TRIAL_PRIVATE_AZURITE=1: an Azurite of its own on free loopback ports, for a machine where other people start and
# stop the shared one on 10000-10002 while the trials run.
if [ "${TRIAL_PRIVATE_AZURITE:-0}" = 1 ]; then
  zjf_start_private_azurite "$work"
  export TRIAL_BLOB_URL="http://127.0.0.1:${ZJF_AZURITE_PORTS[0]}/devstoreaccount1"
else
  zjf_start_azurite
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
logs="$ZJF_ROOT/.run-local/trial-kill"
mkdir -p "$logs"

zjf_build_runner "$logs"
zjf_dll="$ZJF_ROOT/src/ZuoraJobFlows.Local/bin/Release/net10.0/zjf.dll"

helper="$work/trial.py"
cat >"$helper" <<'PY'
"""Storage and emulator calls for trial-kill.sh (standard library only; Azurite Shared Key auth)."""
import base64, datetime, os, hashlib, hmac, json, sys, time, urllib.parse, urllib.request, urllib.error

ACCOUNT = "devstoreaccount1"
KEY = base64.b64decode("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==")
BLOB = os.environ.get("TRIAL_BLOB_URL", "http://127.0.0.1:10000/" + ACCOUNT)
HEADER = "make__c,model__c,year__c,vin__c,color__c,msrp__c,in_service_on__c,electric__c"


def storage(method, path, query=None, body=b"", extra=None):
    query = query or {}
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")
    headers = {"x-ms-date": date, "x-ms-version": "2021-08-06", **(extra or {})}
    length = str(len(body)) if body else ""
    content_type = headers.get("Content-Type", "")
    canonical_headers = "".join(f"{k}:{v}\n" for k, v in sorted(headers.items()) if k.startswith("x-ms-"))
    resource = f"/{ACCOUNT}/{ACCOUNT}{path}" + "".join(f"\n{k}:{v}" for k, v in sorted(query.items()))
    to_sign = "\n".join([method, "", "", length, "", content_type, "", "", "", "", "", "",
                         canonical_headers + resource])
    signature = base64.b64encode(hmac.new(KEY, to_sign.encode(), hashlib.sha256).digest()).decode()
    headers["Authorization"] = f"SharedKey {ACCOUNT}:{signature}"
    if body:
        headers["Content-Length"] = length
    url = BLOB + urllib.parse.quote(path) + ("?" + urllib.parse.urlencode(query) if query else "")
    request = urllib.request.Request(url, data=body or None, headers=headers, method=method)
    return urllib.request.urlopen(request, timeout=60).read()


def generate(path, prefix, good):
    """Good rows with VINs prefix+index, three bad rows in between; prints good and bad counts."""
    bad = 0
    with open(path, "w", newline="\n") as f:
        f.write(HEADER + "\n")
        for i in range(good):
            vin = f"{prefix}{i:07d}".ljust(17, "X")
            f.write(f"Toyota,Corolla,2021,{vin},white,22050.50,2021-03-04,false\n")
            if i in (10, good // 2, good - 5):
                vin = f"{prefix}B{bad:03d}".ljust(17, "Y")
                f.write(f"Ford,F-150,20X1,{vin},red,1,2022-01-01,false\n")
                bad += 1
    print(good, bad)


def upload(container, name, path):
    try:
        storage("PUT", f"/{container}", {"restype": "container"})
    except urllib.error.HTTPError as e:
        if e.code != 409:
            raise
    with open(path, "rb") as f:
        storage("PUT", f"/{container}/{name}", body=f.read(),
                extra={"x-ms-blob-type": "BlockBlob", "Content-Type": "text/csv"})


def wait_summary(container, seconds):
    """Prints summary.json of the only run in the output container once it exists, or exits 1 at the deadline."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            listing = storage("GET", f"/{container}", {"restype": "container", "comp": "list"}).decode()
            names = [n.split("</Name>")[0] for n in listing.split("<Name>")[1:]]
            summaries = [n for n in names if n.endswith("/summary.json")]
            if summaries:
                print(storage("GET", f"/{container}/{summaries[0]}").decode())
                return
        except urllib.error.HTTPError as e:
            if e.code != 404:
                raise
        time.sleep(0.5)
    sys.exit(1)


def delete_container(container):
    try:
        storage("DELETE", f"/{container}", {"restype": "container"})
    except urllib.error.HTTPError:
        pass


def zuora_get(zuora, path):
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": "local-client",
                                   "client_secret": "local-secret"}).encode()
    bearer = json.load(urllib.request.urlopen(zuora + "/oauth/token", data=form))["access_token"]
    items, cursor = [], None
    key = "jobs" if path.startswith("/objects/jobs") else "records"
    while True:
        url = zuora + path + "?pageSize=100" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        page = json.load(urllib.request.urlopen(urllib.request.Request(
            url, headers={"Authorization": "Bearer " + bearer})))
        items += page.get(key, [])
        cursor = page.get("cursor")
        if not cursor:
            return items


def job_ids(zuora):
    print(" ".join(job["id"] for job in zuora_get(zuora, "/objects/jobs")))


def progress(zuora, jobs_before_file, container):
    """What the run had done when the runner was killed: Zuora jobs so far, finished or not."""
    with open(jobs_before_file) as f:
        before = set(f.read().split())
    jobs = [job for job in zuora_get(zuora, "/objects/jobs") if job["id"] not in before]
    done = sum(1 for job in jobs if job["status"] in ("completed", "failed", "cancelled"))
    try:
        listing = storage("GET", f"/{container}", {"restype": "container", "comp": "list"}).decode()
        finished = "/summary.json<" in listing
    except urllib.error.HTTPError:
        finished = False
    print(f"{len(jobs)} jobs, {done} done" + (", run finished" if finished else ""))


def check(zuora, prefix, good, bad, jobs_before_file, summary_file):
    """Prints: status chunks jobs duplicate_jobs records duplicate_records ok|FAIL reason."""
    with open(summary_file) as f:
        summary = json.load(f)
    with open(jobs_before_file) as f:
        before = set(f.read().split())
    jobs = [job for job in zuora_get(zuora, "/objects/jobs") if job["id"] not in before]
    chunks = len({job["chunk"] for job in summary.get("jobs", [])})
    vins = [r["vin__c"] for r in zuora_get(zuora, "/objects/records/default/vehicle")
            if str(r.get("vin__c", "")).startswith(prefix)]
    duplicate_jobs = max(0, len(jobs) - chunks)
    duplicate_records = len(vins) - len(set(vins))
    problems = []
    if summary.get("status") != "CompletedWithErrors":
        problems.append(f"status {summary.get('status')}")
    if summary.get("failedRecords") != bad:
        problems.append(f"failedRecords {summary.get('failedRecords')} != {bad}")
    if len(jobs) != chunks:
        problems.append(f"{len(jobs)} Zuora jobs for {chunks} chunks")
    if len(set(vins)) != good:
        problems.append(f"{len(set(vins))} distinct good records != {good}")
    if any(job.get("status") != "completed" for job in jobs):
        problems.append("a Zuora job not completed: " + ",".join(j["status"] for j in jobs))
    print(summary.get("status"), chunks, len(jobs), duplicate_jobs, len(vins), duplicate_records,
          "ok" if not problems else "FAIL " + "; ".join(problems))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "generate":
        generate(args[0], args[1], int(args[2]))
    elif command == "upload":
        upload(*args)
    elif command == "summary":
        wait_summary(args[0], float(args[1]))
    elif command == "delete":
        delete_container(args[0])
    elif command == "jobs":
        job_ids(args[0])
    elif command == "progress":
        progress(*args)
    elif command == "check":
        check(args[0], args[1], int(args[2]), int(args[3]), args[4], args[5])
PY
py() { python3 "$helper" "$@"; }

emulator_port=$(zjf_free_port)
zuora="http://127.0.0.1:$emulator_port"
zjf_start_emulator "$emulator_port" "$logs" \
  Emulator__RecordsPerSecond="${TRIAL_RECORDS_PER_SECOND:-400}" Emulator__JobStartDelay=00:00:00.050

export Zuora__BaseUrl="$zuora" Imports__MaxChunkBytes=65536 Polling__InitialDelay=00:00:00.500
export Polling__MaxDelay=00:00:02 Imports__SlotWaitInitialDelay=00:00:01 Imports__RetryFirstDelay=00:00:00.500
export Watcher__Interval=00:00:00.500 AzureWebJobsStorage="$ZJF_AZURITE_CONNECTION"

start_serve() { # log file
  local port
  port=$(zjf_free_port)
  Api__Url="http://127.0.0.1:$port" dotnet "$zjf_dll" serve >>"$1" 2>&1 &
  serve_pid=$!
  zjf_wait_port "$port" 60
}

kill_serve() {
  kill -9 "$serve_pid" 2>/dev/null
  wait "$serve_pid" 2>/dev/null
  serve_pid=""
}

random_delay() {
  printf '%d.%03d' $((RANDOM % 8)) $((RANDOM % 1000)) | awk '{ d = $1; if (d < 0.5) d += 0.5; print d }'
}

suffix=$(date +%s)
completed=0 duplicate_jobs=0 duplicate_records=0 failures=0
echo "$trials kill trials; emulator $zuora; machine: $(nproc) cores"
for ((trial = 1; trial <= trials; trial++)); do
  export DurableTask__HubName="Kill${suffix}T$trial"
  export Imports__InputContainer="kill-in-$suffix-$trial" Imports__OutputContainer="kill-out-$suffix-$trial"
  prefix="K$((suffix % 10000))T$(printf '%02d' "$trial")"
  csv="$work/trial-$trial.csv"
  log="$logs/serve-$trial.log"
  : >"$log"
  read -r good bad < <(py generate "$csv" "$prefix" 8000)
  py jobs "$zuora" >"$work/jobs-before-$trial"
  started=$(date +%s)

  start_serve "$log" || { zjf_log "error: zjf serve did not start; see $log"; exit 1; }
  py upload "$Imports__InputContainer" "create/vehicle/trial-$trial.csv" "$csv" || {
    zjf_log "error: upload failed"; exit 1; }
  kills=()
  rounds=$((trial % 2 == 0 ? 2 : 1))
  for ((round = 1; round <= rounds; round++)); do
    delay=$(random_delay)
    sleep "$delay"
    kill_serve
    kills+=("${delay}s ($(py progress "$zuora" "$work/jobs-before-$trial" "$Imports__OutputContainer"))")
    start_serve "$log" || { zjf_log "error: zjf serve did not restart; see $log"; exit 1; }
  done

  if py summary "$Imports__OutputContainer" "$deadline_seconds" >"$work/summary-$trial.json"; then
    read -r status chunks jobs dup_jobs records dup_records verdict < <(py check "$zuora" "$prefix" "$good" "$bad" \
      "$work/jobs-before-$trial" "$work/summary-$trial.json")
  else
    status=Timeout chunks=? jobs=? dup_jobs=0 records=? dup_records=0 verdict="FAIL no summary.json in time"
  fi
  kill "$serve_pid" 2>/dev/null
  wait "$serve_pid" 2>/dev/null
  serve_pid=""

  [[ $verdict == ok ]] && completed=$((completed + 1)) || failures=$((failures + 1))
  duplicate_jobs=$((duplicate_jobs + dup_jobs))
  duplicate_records=$((duplicate_records + dup_records))
  printf 'trial %2d: killed after %s; %s in %d s, %s chunks, %s Zuora jobs, %s good records (%d expected), %s\n' \
    "$trial" "${kills[*]}" "$status" $(($(date +%s) - started)) "$chunks" "$jobs" "$records" "$good" "$verdict"
  py delete "$Imports__InputContainer"
  py delete "$Imports__OutputContainer"
done

echo "$trials trials, $completed completed, $duplicate_jobs duplicate jobs, $duplicate_records duplicate records"
[ "$failures" -eq 0 ]
