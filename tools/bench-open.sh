#!/usr/bin/env bash
# Open + first display frame benchmark on synthetic 3000 x 3000 films, one per encoding.
# Usage: tools/bench-open.sh [BUILD_DIR] [RUNS]     (pin to one core: taskset -c 0 tools/bench-open.sh)
set -euo pipefail
build=${1:-build/release}
runs=${2:-9}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for bits in 12 16; do
  for syntax in explicit jpeg-lossless jpeg-ls rle j2k-lossless j2k; do
    film="$dir/${syntax}-${bits}.dcm"
    "$build/tests/support/hilum-make-fixture" "$film" --rows 3000 --columns 3000 --bits "$bits" --syntax "$syntax"
    echo "== $syntax, $bits bits stored, $(du -k "$film" | cut -f1) kB"
    "$build/app/hilum-cli/hilum-cli" bench open "$film" --runs "$runs" | tail -n +3
  done
done
