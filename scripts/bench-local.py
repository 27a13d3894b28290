#!/usr/bin/env python3
"""Measures the local runner (see bench-local.sh): time from blob upload to Zuora job submitted.

Uploads small CSVs to Azurite with Shared Key auth (standard library only) and watches the emulator's job list
until the job for each upload appears. Prints one line per sample and the median.
"""
import base64, datetime, hashlib, hmac, json, statistics, sys, time, urllib.parse, urllib.request

ACCOUNT = "devstoreaccount1"
KEY = base64.b64decode("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==")
BLOB = "http://127.0.0.1:10000/" + ACCOUNT


def put_blob(container, name, body):
    path = f"/{container}/{urllib.parse.quote(name)}"
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")
    headers = {"x-ms-blob-type": "BlockBlob", "x-ms-date": date, "x-ms-version": "2021-08-06",
               "Content-Type": "text/csv", "Content-Length": str(len(body))}
    canonical_headers = "".join(f"{k}:{v}\n" for k, v in sorted(headers.items()) if k.startswith("x-ms-"))
    to_sign = "\n".join(["PUT", "", "", str(len(body)), "", "text/csv", "", "", "", "", "", "",
                         canonical_headers + f"/{ACCOUNT}/{ACCOUNT}{path}"])
    signature = base64.b64encode(hmac.new(KEY, to_sign.encode(), hashlib.sha256).digest()).decode()
    headers["Authorization"] = f"SharedKey {ACCOUNT}:{signature}"
    urllib.request.urlopen(urllib.request.Request(BLOB + path, data=body, headers=headers, method="PUT")).read()


def token(zuora):
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": "local-client",
                                   "client_secret": "local-secret"}).encode()
    return json.load(urllib.request.urlopen(zuora + "/oauth/token", data=form))["access_token"]


def job_count(zuora, bearer):
    count, cursor = 0, None
    while True:
        url = zuora + "/objects/jobs?pageSize=100" + (f"&cursor={cursor}" if cursor else "")
        page = json.load(urllib.request.urlopen(urllib.request.Request(
            url, headers={"Authorization": "Bearer " + bearer})))
        count += len(page.get("jobs", []))
        cursor = page.get("cursor")
        if not cursor:
            return count


def main():
    zuora, container, samples = sys.argv[1], sys.argv[2], int(sys.argv[3])
    bearer = token(zuora)
    results = []
    for i in range(samples):
        before = job_count(zuora, bearer)
        vin = f"BENCH{int(time.time()*1000) % 10**12:012d}"[:17]
        body = f"make__c,model__c,vin__c\nKia,EV6,{vin}\n".encode()
        started = time.monotonic()
        put_blob(container, f"create/vehicle/bench-{i}.csv", body)
        while job_count(zuora, bearer) <= before:
            time.sleep(0.02)
        elapsed = time.monotonic() - started
        results.append(elapsed)
        print(f"sample {i + 1}: {elapsed * 1000:.0f} ms", flush=True)
        time.sleep(0.5)
    print(f"median upload -> Zuora job submitted: {statistics.median(results) * 1000:.0f} ms "
          f"(min {min(results) * 1000:.0f}, max {max(results) * 1000:.0f}, n={len(results)})")


if __name__ == "__main__":
    main()
