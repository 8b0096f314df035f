#!/bin/sh
# The exact command that trained models/lungs-unet-128, run from the checkout's root. It reads
# ../shared/data/covid (films, lungVAE masks, labels.csv), which is never committed, and leaves the run
# folder (split.json, checkpoints, history.json, pack/) in build/runs/lungs-unet-128.
# Only rows whose licence allows redistribution of a derived model are used: the 52 rows marked
# "unspecified (see url column upstream)" are left out.
# HILUM_CLI: the hilum-cli to run (default: the release build's).
set -eu
cli=${HILUM_CLI:-build/release/app/hilum-cli/hilum-cli}
exec nice -n 10 "$cli" train-lungs \
  --images ../shared/data/covid --masks ../shared/data/covid/masks --labels ../shared/data/covid/labels.csv \
  --licences "CC BY-NC-SA,CC BY-NC-SA 4.0,listed as authorized for everyone,CC BY,CC BY-SA" \
  --out build/runs/lungs-unet-128 --size 128 --epochs 30 --seed 1 --threads 2 "$@"
