#!/usr/bin/env bash
# Installs what is missing, builds Hilum (Release, Ninja, ccache) and starts the viewer.
# Extra arguments are passed to the viewer (a film to open).
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
cmake --preset release
cmake --build --preset release
exec build/release/app/hilum/hilum "$@"
