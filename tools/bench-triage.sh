#!/usr/bin/env bash
# AI triage on loopback: N generated chest studies (2048 x 2048, 16-bit phantoms) are put into a
# temporary Orthanc, which then pushes them all to `hilum-cli watch` (Orthanc's C-STORE to the
# HILUM modality). Prints retrieve + analyse throughput (studies/min, from the push to the last
# worklist row) and the median latency from a film's arrival to its worklist row.
#   tools/bench-triage.sh [N]        BUILD=build/release MODEL=models/nih14-resnet18-128
set -euo pipefail
N=${1:-50}
BUILD=${BUILD:-build/release}
MODEL=${MODEL:-models/nih14-resnet18-128}
CLI=$BUILD/app/hilum-cli/hilum-cli
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
dicom=$(free_port); http=$(free_port); scp=$(free_port)

cat > "$work/orthanc.json" <<JSON
{ "Name": "hilum-bench", "StorageDirectory": "$work/orthanc", "IndexDirectory": "$work/orthanc",
  "HttpPort": $http, "DicomPort": $dicom, "RemoteAccessAllowed": false, "AuthenticationEnabled": false,
  "DicomAet": "ORTHANC", "DicomModalities": { "hilum": ["HILUM", "127.0.0.1", $scp] }, "Plugins": [] }
JSON
/usr/sbin/Orthanc "$work/orthanc.json" > "$work/orthanc.log" 2>&1 &
until curl -sf "http://127.0.0.1:$http/system" > /dev/null; do sleep 0.2; done

mkdir "$work/films"
for i in $(seq 1 "$N"); do
  "$BUILD/tests/support/hilum-make-fixture" "$work/films/$i.dcm" --rows 2048 --columns 2048 --phantom 1 > /dev/null
done
"$CLI" pacs send "ORTHANC@127.0.0.1:$dicom" "$work/films" > /dev/null 2>&1

"$CLI" watch --scp "$scp" --store "$work/store" --model "$MODEL" > "$work/rows.txt" 2> "$work/watch.log" &
until grep -q listening "$work/watch.log"; do sleep 0.2; done

start=$(date +%s.%N)
curl -sf -X POST "http://127.0.0.1:$http/modalities/hilum/store" -d "$(curl -sf "http://127.0.0.1:$http/studies")" > /dev/null
until [ "$(grep -c '^done' "$work/rows.txt" || true)" -ge "$N" ]; do sleep 0.1; done
end=$(date +%s.%N)

python3 - "$work/rows.txt" "$start" "$end" "$N" <<'PY'
import re, statistics, sys
rows, start, end, n = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
latency = [float(m.group(1)) for line in open(rows) if (m := re.search(r"  (\d+) ms", line))]
print(f"{n} studies pushed by Orthanc and triaged in {end - start:.1f} s: {n / (end - start) * 60:.0f} studies/min")
print(f"arrival -> worklist row: median {statistics.median(latency):.0f} ms, min {min(latency):.0f}, max {max(latency):.0f}")
PY
