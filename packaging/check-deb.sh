#!/usr/bin/env bash
# Builds the Debian package from a build folder (cpack -G DEB) into a temporary folder and checks
# its control fields and file list: what `apt install ./hilum_*.deb` would put on a machine.
#   packaging/check-deb.sh BUILD_DIR [KEEP_DIR]
set -euo pipefail
build=$1
out=${2:-$(mktemp -d)}
mkdir -p "$out"
[ -n "${2:-}" ] || trap 'rm -rf "$out"' EXIT
fail() { echo "check-deb: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$out" > "$out/cpack.log" 2>&1) || { cat "$out/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$out"/hilum_*.deb)
control=$(dpkg-deb -f "$deb")
files=$(dpkg-deb -c "$deb" | awk '{print $6}')

for f in ./usr/bin/hilum ./usr/bin/hilum-cli \
         ./usr/share/hilum/models/DEFAULT \
         ./usr/share/hilum/models/nih14-resnet18-128/model.json \
         ./usr/share/hilum/models/nih14-resnet18-128/weights.pt \
         ./usr/share/hilum/models/nih14-resnet18-128/MODEL_CARD.md \
         ./usr/share/hilum/models/covid3-resnet18-128/model.json \
         ./usr/share/hilum/models/lungs-unet-128/segmenter.json \
         ./usr/share/hilum/models/lungs-unet-128/weights.pt \
         ./usr/share/hilum/models/lungs-unet-128/MODEL_CARD.md \
         ./usr/share/hilum/translations/hilum_de.qm \
         ./usr/share/hilum/translations/hilum_fr.qm \
         ./usr/share/applications/hilum.desktop \
         ./usr/share/icons/hicolor/scalable/apps/hilum.svg \
         ./usr/share/icons/hicolor/256x256/apps/hilum.png \
         ./usr/share/doc/hilum/README.md; do
  grep -qxF "$f" <<< "$files" || fail "the package lacks $f"
done
if grep -q "/configs/" <<< "$files"; then fail "training configs (paths into ../shared) are packaged"; fi

grep -qx "Package: hilum" <<< "$control" || fail "Package field"
grep -q "^Version: [0-9]" <<< "$control" || fail "Version field"
grep -q "^Architecture: amd64" <<< "$control" || fail "Architecture field"
depends=$(grep "^Depends:" <<< "$control")
for dep in libqt6widgets6 libqt6charts6 libdcmtk17 libopencv-core406 qt6-qpa-plugins libc6; do
  grep -q "$dep" <<< "$depends" || fail "Depends lacks $dep: $depends"
done
grep -q "libtorch" <<< "$depends" || fail "Depends lacks LibTorch: $depends"
echo "check-deb: $(basename "$deb") ok ($(du -h "$deb" | cut -f1), $(wc -l <<< "$files") entries)"
echo "$depends"
