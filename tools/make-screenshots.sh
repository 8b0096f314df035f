#!/usr/bin/env bash
# Regenerates the manual's screenshots (docs/screenshots) from the current build, on generated films
# only: a synthetic chest phantom for the viewer, the UI tests' generated films and tiny packs for
# the tabs and dialogs. Never an image from ../shared/data.
#   tools/make-screenshots.sh            BUILD=build/release
set -euo pipefail
BUILD=${BUILD:-build/release}
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
"$BUILD/tests/support/hilum-make-fixture" "$work/phantom.dcm" --rows 2048 --columns 2048 --phantom 1 > /dev/null

shot() {  # NAME, then hilum options
  local name=$1
  shift
  QT_QPA_PLATFORM=offscreen "$BUILD/app/hilum/hilum" --size 1400x900 --screenshot "$out/$name.png" "$@" > /dev/null 2>&1
  echo "$out/$name.png"
}
shot viewer --analyze "$work/phantom.dcm"
shot viewer-contours --analyze --heatmap contour --all-positives "$work/phantom.dcm"
shot viewer-teaching --analyze --teaching "$work/phantom.dcm"

# Tabs and dialogs, as the UI tests drive them (tiny packs trained in the test, generated films).
HILUM_UI_SNAPSHOTS="$PWD/$out" QT_QPA_PLATFORM=offscreen "$BUILD/tests/ui/test_ui" "[train],[worklist],[about],[pacs]" > /dev/null
ls "$out"
