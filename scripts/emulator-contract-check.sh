#!/usr/bin/env bash
# Contract check of the Zuora emulator driven with curl and jq only: starts it with `dotnet run` on a free
# loopback port, defines a brand-new custom object through the definitions API, loads a CSV with good and bad
# rows, polls the job, checks its errors and the stored records, deletes by filter, and stops the emulator.
# Usage: scripts/emulator-contract-check.sh          (exit code 0 = every check passed)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
LOG="$WORK/emulator.log"
FAILURES=0
EMULATOR_PID=""

stop_emulator() {
  if [[ -n "$EMULATOR_PID" ]]; then
    kill -- "-$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap stop_emulator EXIT

check() { # check "what" expected actual
  if [[ "$2" == "$3" ]]; then
    printf 'ok    %s\n' "$1"
  else
    printf 'FAIL  %s: expected [%s], got [%s]\n' "$1" "$2" "$3"
    FAILURES=$((FAILURES + 1))
  fi
}

echo "starting the emulator on $BASE"
setsid dotnet run --project "$ROOT/src/ZuoraJobFlows.ZuoraEmulator" -- --urls "$BASE" \
  --Emulator:RecordsPerSecond 20 --Emulator:JobStartDelay 00:00:00.200 >"$LOG" 2>&1 &
EMULATOR_PID=$!
for _ in $(seq 1 600); do
  curl -s -o /dev/null "$BASE/oauth/token" -X POST && break
  sleep 0.2
done

status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/oauth/token" \
  -d grant_type=client_credentials -d client_id=local-client -d client_secret=wrong)
check "wrong client secret is refused" 401 "$status"
TOKEN=$(curl -s -X POST "$BASE/oauth/token" -d grant_type=client_credentials \
  -d client_id=local-client -d client_secret=local-secret | jq -r .access_token)
AUTH=(-H "Authorization: Bearer $TOKEN")
status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/objects/jobs")
check "call without token is refused" 401 "$status"

# A custom object the emulator has never seen.
curl -s "${AUTH[@]}" -H 'Content-Type: application/json' -X POST "$BASE/objects/definitions/default" -d '{
  "definitions": { "shipment": {
    "object": "shipment", "label": "Shipment", "type": "object",
    "properties": {
      "tracking__c": { "type": "string", "maxLength": 24 },
      "weight_kg__c": { "type": "number" },
      "parcels__c": { "type": "integer" },
      "carrier__c": { "type": "string", "enum": ["dhl", "ups", "fedex"] },
      "shipped_on__c": { "type": "string", "format": "date" },
      "insured__c": { "type": "boolean" }
    },
    "required": ["tracking__c", "carrier__c"], "unique": ["tracking__c"], "filterable": ["carrier__c", "parcels__c"]
  } } }' >/dev/null
check "new object is defined" shipment \
  "$(curl -s "${AUTH[@]}" "$BASE/objects/definitions/default/shipment" | jq -r .type)"

cat >"$WORK/shipments.csv" <<'CSV'
tracking__c,weight_kg__c,parcels__c,carrier__c,shipped_on__c,insured__c
T-001,1.5,1,dhl,2024-03-01,true
T-002,"2.25",3,ups,2024-03-02,false
T-003,heavy,2,ups,2024-03-03,true
T-004,3,2,"fedex",2024-03-04,false
T-005,1,1,postal,2024-03-05,false
T-001,1,1,dhl,2024-03-06,true
"T-007, ""multi
line""",1,1,dhl,2024-03-07,true
T-008,1,1,dhl,03/08/2024,true
,1,1,dhl,2024-03-09,true
CSV

JOB=$(curl -s "${AUTH[@]}" -H 'Content-Type: application/json' -H 'Idempotency-Key: check-create-1' \
  -X POST "$BASE/objects/jobs" -d '{ "namespace": "default", "object": "shipment", "operation": "create" }')
JOB_ID=$(jq -r .id <<<"$JOB")
check "new job is accepted" accepted "$(jq -r .status <<<"$JOB")"
REPLAY_ID=$(curl -s "${AUTH[@]}" -H 'Content-Type: application/json' -H 'Idempotency-Key: check-create-1' \
  -X POST "$BASE/objects/jobs" -d '{ "namespace": "default", "object": "shipment", "operation": "create" }' | jq -r .id)
check "idempotent replay answers the same job" "$JOB_ID" "$REPLAY_ID"

for _ in $(seq 1 100); do
  [[ $(curl -s "${AUTH[@]}" "$BASE/objects/jobs/$JOB_ID" | jq -r .status) == pending ]] && break
  sleep 0.1
done
UPLOAD=$(curl -s "${AUTH[@]}" -H 'Zuora-Track-Id: contract-check' -D "$WORK/headers" \
  -F "file=@$WORK/shipments.csv;type=text/csv" "$BASE/objects/jobs/$JOB_ID/files")
check "upload moves the job to in_progress" in_progress "$(jq -r .status <<<"$UPLOAD")"
check "track id is echoed" contract-check \
  "$(grep -i '^Zuora-Track-Id:' "$WORK/headers" | cut -d' ' -f2 | tr -d '\r')"
check "request id is present" 1 "$(grep -ci '^Zuora-Request-Id:' "$WORK/headers")"
SECOND=$(curl -s "${AUTH[@]}" -F "file=@$WORK/shipments.csv;type=text/csv" "$BASE/objects/jobs/$JOB_ID/files")
check "second upload is refused" 71130130 "$(jq -r '.reasons[0].code' <<<"$SECOND")"

polls=0
while :; do
  JOB=$(curl -s "${AUTH[@]}" "$BASE/objects/jobs/$JOB_ID")
  polls=$((polls + 1))
  [[ $(jq -r .status <<<"$JOB") =~ ^(completed|failed|cancelled)$ ]] && break
  ((polls < 300)) || break
  sleep 0.1
done
echo "job ended after $polls polls: $(jq -c '{status, recordsProcessed, processingTime}' <<<"$JOB")"
check "job completed" completed "$(jq -r .status <<<"$JOB")"
check "records processed (rows, not lines)" 9 "$(jq -r .recordsProcessed <<<"$JOB")"

ERRORS=$(curl -s "${AUTH[@]}" "$BASE/objects/jobs/$JOB_ID/errors")
jq -r '.errors[] | "      row \(.row) \(.code) \(.message)"' <<<"$ERRORS"
check "error rows and codes" \
  "4:71000020 6:71000220 7:71000030 9:71000120 10:71000022" \
  "$(jq -r '[.errors[] | "\(.row):\(.code)"] | join(" ")' <<<"$ERRORS")"

RECORDS=$(curl -s "${AUTH[@]}" "$BASE/objects/records/default/shipment?pageSize=2")
check "first records page has a cursor" true "$(jq -r '.cursor != null' <<<"$RECORDS")"
ALL=$(curl -s "${AUTH[@]}" "$BASE/objects/records/default/shipment?pageSize=100")
check "stored tracking numbers" 'T-001|T-002|T-004|T-007, "multi\nline"' \
  "$(jq -r '[.records[].tracking__c] | join("|")' <<<"$ALL" | sed ':a;N;$!ba;s/\n/\\n/g')"
check "numbers are typed" 2.25 "$(jq -r '.records[] | select(.tracking__c == "T-002") | .weight_kg__c' <<<"$ALL")"

DELETE=$(curl -s "${AUTH[@]}" -H 'Content-Type: application/json' -X POST "$BASE/objects/jobs" -d '{
  "namespace": "default", "object": "shipment", "operation": "delete",
  "filter": { "conditions": [ { "field": "carrier__c", "operator": "EQ", "value": "dhl" },
                              { "field": "parcels__c", "operator": "LE", "value": 1 } ] } }')
DELETE_ID=$(jq -r .id <<<"$DELETE")
for _ in $(seq 1 100); do
  [[ $(curl -s "${AUTH[@]}" "$BASE/objects/jobs/$DELETE_ID" | jq -r .status) == completed ]] && break
  sleep 0.1
done
check "delete by filter removed the matching records" 2 \
  "$(curl -s "${AUTH[@]}" "$BASE/objects/jobs/$DELETE_ID" | jq -r .recordsProcessed)"
check "records left after delete" 'T-002|T-004' \
  "$(curl -s "${AUTH[@]}" "$BASE/objects/records/default/shipment" | jq -r '[.records[].tracking__c] | join("|")')"

if ((FAILURES > 0)); then
  echo "$FAILURES check(s) failed; emulator log:"
  tail -n 40 "$LOG"
  exit 1
fi
echo "all emulator contract checks passed"
