#!/usr/bin/env bash
# Long fuzzing runs: tools/fuzz.sh TARGET [SECONDS]   (TARGET: film, manifest, csv, annotations,
# pacs_config, or all; SECONDS per target, default 600).
#
# Builds the fuzz preset (clang, libFuzzer + ASan + UBSan; build/fuzz), writes each target's seed
# corpus into build/fuzz/seeds/TARGET (films: the hostile corpus plus one intact film per transfer
# syntax, from hilum-make-fixture; JSON and CSV: the shipped manifests and the samples below), and
# runs the fuzzer. The growing corpus stays in build/fuzz/corpus/TARGET between runs; crashes,
# leaks and timeouts land in build/fuzz/crashes/TARGET/ -- each becomes a regression test in the
# normal suite, written by code beside the module's other cases (test_film, test_display, test_ai).
# Replay one input: build/fuzz/fuzz/fuzz_TARGET FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: tools/fuzz.sh film|manifest|csv|annotations|pacs_config|all [SECONDS]}
seconds=${2:-600}
targets=(film manifest csv annotations pacs_config)
[[ $target == all ]] || targets=("$target")

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

seed() {  # seed TARGET: (re)write the seed corpus
  local dir=build/fuzz/seeds/$1
  rm -rf "$dir" && mkdir -p "$dir"
  case $1 in
    film) build/fuzz/tests/support/hilum-make-fixture --hostile-corpus "$dir" >/dev/null ;;
    manifest) for m in models/*/model.json; do cp "$m" "$dir/$(basename "$(dirname "$m")").json"; done ;;
    csv)
      printf 'Image Index,Finding Labels,Patient ID,Patient Age,Patient Gender,View Position\r\na.png,Effusion|Mass,1,58,M,PA\r\nb.png,No Finding,2,61,F,AP\r\n' >"$dir/nih.csv"
      printf 'image,label,patient_id,license\n"x,1.png","COVID-19",p1,"CC BY"\n"y.png","Normal","p""2",other\n' >"$dir/quoted.csv"
      ;;
    annotations)
      cat >"$dir/a.json" <<'JSON'
{"format": "hilum-annotations", "version": 1,
 "film": {"sopInstanceUid": "1.2.3", "path": "chest.dcm", "columns": 200, "rows": 300},
 "annotations": [{"kind": "distance", "points": [[1, 2], [30.5, 40]]},
                 {"kind": "angle", "points": [[1, 1], [5, 5], [9, 1]]},
                 {"kind": "arrow", "points": [[3, 3], [9, 9]], "text": "line tip"},
                 {"kind": "ellipse", "points": [[10, 10], [50, 40]]},
                 {"kind": "ctr", "points": [[10, 100], [60, 100], [2, 120], [90, 120]]}]}
JSON
      ;;
    pacs_config)
      cat >"$dir/pacs.json" <<'JSON'
{"local_ae_title": "HILUM",
 "nodes": [{"name": "Orthanc", "ae_title": "ORTHANC", "host": "127.0.0.1", "port": 4242},
           {"name": "Archive", "ae_title": "ARCH", "host": "pacs.example.org", "port": 104}],
 "storage_scp": {"enabled": false, "port": 11112, "bind_address": "127.0.0.1", "store_folder": "/tmp/store"},
 "triage": {"results_node": "Orthanc", "priorities": "Pneumothorax=3,Effusion=1.5"}}
JSON
      ;;
  esac
}

status=0
for t in "${targets[@]}"; do
  seed "$t"
  mkdir -p "build/fuzz/corpus/$t" "build/fuzz/crashes/$t"
  echo "== fuzz_$t for ${seconds}s"
  # -rss_limit_mb: a film may legitimately take a few hundred MB; -timeout: 10 s is a hang.
  log=build/fuzz/crashes/$t/last-run.log
  rc=0
  build/fuzz/fuzz/fuzz_$t -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/crashes/$t/" "build/fuzz/corpus/$t" "build/fuzz/seeds/$t" >"$log" 2>&1 || rc=$?
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|Test unit written)' "$log" || true
  if [[ $rc -ne 0 ]]; then echo "fuzz_$t FAILED (exit $rc): see $log"; status=1; fi
done
exit $status
