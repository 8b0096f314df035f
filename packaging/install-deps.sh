#!/usr/bin/env bash
# Installs the Debian 12 packages Hilum builds, tests and runs with.
# Idempotent: only missing packages are installed, and `apt-get update` runs once, only if needed.
set -euo pipefail

packages=(
  # build
  cmake ninja-build ccache g++ pkg-config
  # GUI
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev
  # films
  libdcmtk-dev dcmtk libopenjp2-7-dev libcharls-dev
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
  # AI (libssl-dev: SHA-256 of model weights; libgloo-dev: the headers of the Gloo collectives
  # LibTorch's c10d uses for data-parallel training)
  libtorch-dev libssl-dev libgloo-dev
  # JSON, tests, headless GUI; dicom3tools' dciodvfy judges the DICOM objects Hilum writes,
  # poppler-utils' pdftotext reads back the PDF reports
  nlohmann-json3-dev catch2 xvfb xauth dicom3tools poppler-utils
  # the PACS tests run a real Orthanc on loopback (test_pacs starts its own, never the service)
  orthanc
)

# --fuzz: also clang and its libFuzzer runtime, for the fuzz preset (tools/fuzz.sh, CI's last step).
if [[ ${1:-} == --fuzz ]]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
