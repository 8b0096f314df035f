#!/usr/bin/env bash
# Archive-scale batch analysis on loopback: N generated chest studies (one SIZE x SIZE 16-bit phantom
# each) are put into a temporary Orthanc; then `hilum-cli batch --send-results` runs over them with
# 1 shard and with 2 shards in parallel (processes, as a Slurm array or an Indexed Job would start
# them), RUNS times each, from a fresh ledger, after removing the previous run's SR and SC from
# Orthanc. Prints studies/min (N over the wall time from the first process start to the last exit,
# pack loading and C-FIND included) per run and their median, and the per-study cost split
# (median over all studies of all runs: C-GET, decode, forward pass + heatmaps, SR/SC write + C-STORE).
#   tools/bench-batch.sh [N]     BUILD=build/release MODEL=models/nih14-resnet18-128 SIZE=2048 RUNS=3
# Each shard gets the machine's cores divided by the shard count as analysis threads (THREADS overrides).
set -euo pipefail
N=${1:-40}
BUILD=${BUILD:-build/release}
MODEL=${MODEL:-models/nih14-resnet18-128}
SIZE=${SIZE:-2048}
RUNS=${RUNS:-3}
CORES=$(nproc)
CLI=$BUILD/app/hilum-cli/hilum-cli
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config  # no user PACS configuration: --aet decides who we are
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
dicom=$(free_port); http=$(free_port)

cat > "$work/orthanc.json" <<JSON
{ "Name": "hilum-bench", "StorageDirectory": "$work/orthanc", "IndexDirectory": "$work/orthanc",
  "HttpPort": $http, "DicomPort": $dicom, "RemoteAccessAllowed": false, "AuthenticationEnabled": false,
  "DicomAet": "ORTHANC", "DicomModalities": { "hilum": ["HILUM", "127.0.0.1", 11112] }, "Plugins": [] }
JSON
/usr/sbin/Orthanc "$work/orthanc.json" > "$work/orthanc.log" 2>&1 &
until curl -sf "http://127.0.0.1:$http/system" > /dev/null; do sleep 0.2; done
node="ORTHANC@127.0.0.1:$dicom"

mkdir "$work/films"
for i in $(seq 1 "$N"); do
  "$BUILD/tests/support/hilum-make-fixture" "$work/films/$i.dcm" --rows "$SIZE" --columns "$SIZE" --phantom 1 > /dev/null
done
"$CLI" pacs send "$node" "$work/films" --aet HILUM > /dev/null 2>&1

# Hilum's SR and SC from the previous run: Orthanc keeps them in the studies, and C-GET would fetch them.
drop_results() {
  python3 - "$http" <<'PY'
import json, sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
for s in json.load(urllib.request.urlopen(base + "/series?expand")):
    tags = s["MainDicomTags"]
    if tags.get("Modality") == "SR" or tags.get("Manufacturer") == "Hilum":
        urllib.request.urlopen(urllib.request.Request(base + "/series/" + s["ID"], method="DELETE"))
PY
}

for shards in 1 2; do
  threads=${THREADS:-$(( CORES / shards > 0 ? CORES / shards : 1 ))}
  for run in $(seq 1 "$RUNS"); do
    drop_results
    store="$work/store-$shards-$run"
    start=$(date +%s.%N)
    pids=()
    for r in $(seq 0 $((shards - 1))); do
      "$CLI" batch "$node" --study-date 19000101- --shard "$r/$shards" --store "$store" --model "$MODEL" \
        --send-results --threads "$threads" --aet HILUM --json "$work/report-$shards-$run-$r.json" \
        > "$work/summary-$shards-$run-$r.txt" 2> "$work/log-$shards-$run-$r.txt" &
      pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p"; done
    end=$(date +%s.%N)
    echo "$shards $run $start $end" >> "$work/runs.txt"
  done
done

python3 - "$work" "$N" "$CORES" "$SIZE" "$MODEL" <<'PY'
import glob, json, statistics, sys
work, n, cores, size, model = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
runs = {}
for line in open(f"{work}/runs.txt"):
    shards, run, start, end = line.split()
    runs.setdefault(int(shards), []).append((int(run), float(end) - float(start)))
print(f"{n} studies, one {size} x {size} film each, {model}, {cores} cores; results sent back to Orthanc")
for shards, times in sorted(runs.items()):
    done = 0
    split = {"retrieve": [], "decode": [], "inference": [], "send": []}
    for run, _ in times:
        for path in glob.glob(f"{work}/report-{shards}-{run}-*.json"):
            report = json.load(open(path))
            done += report["done"]
            for s in report["studies"]:
                if s["state"] == "done":
                    for k in split:
                        split[k].append(s[k + "_ms"])
    rates = [n / t * 60 for _, t in times]
    expected = n * len(times)
    print(f"{shards} shard(s): studies/min " + ", ".join(f"{r:.1f}" for r in rates) +
          f"; median {statistics.median(rates):.1f}" + ("" if done == expected else f"  (only {done} of {expected} studies done!)"))
    print(f"  per study, median ms: " + ", ".join(f"{k} {statistics.median(v):.0f}" for k, v in split.items() if v))
PY
