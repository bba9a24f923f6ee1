#!/usr/bin/env bash
# Install what the project needs, only what is missing (idempotent, quick when all is there):
#   1. Debian packages (QGIS, Qt tools, Xvfb, a CJK font, PostgreSQL + PostGIS and Qt's
#      PostgreSQL driver for the database push-down and its tests) via apt-get, as root or sudo;
#   2. .venv from the system Python with --system-site-packages (QGIS and PyQt5 stay visible);
#   3. pip packages with numpy pinned to the system's numpy (a PyPI numpy 2 breaks GDAL).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(qgis python3-qgis qgis-providers python3-scipy python3-venv python3-pip
              libgeos-dev build-essential pyqt5-dev-tools qttools5-dev-tools xvfb xauth fonts-noto-cjk
              postgresql postgresql-15-postgis-3 libqt5sql5-psql poppler-utils)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

SYSTEM_PYTHON=/usr/bin/python3
VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating $VENV from $SYSTEM_PYTHON"
  "$SYSTEM_PYTHON" -m venv --system-site-packages "$VENV"
fi

# Requirements stamp: reinstall only when the requirement files change.
mkdir -p build
"$SYSTEM_PYTHON" -c "import numpy; print('numpy==' + numpy.__version__)" > build/constraints.txt
qgis_version=$("$SYSTEM_PYTHON" -c "from qgis.core import Qgis; print(Qgis.QGIS_VERSION_INT)")
# pytest-qgis 3+ declares QGIS >= 3.34; 2.1.0 is the last release made for older QGIS.
if [ "$qgis_version" -lt 33400 ]; then PYTEST_QGIS="pytest-qgis==2.1.0"; else PYTEST_QGIS="pytest-qgis==5.0.2"; fi
stamp="$VENV/.requirements-stamp"
want=$(cat requirements.txt requirements-dev.txt build/constraints.txt; echo "$PYTEST_QGIS")
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "== pip install (numpy pinned: $(cat build/constraints.txt), $PYTEST_QGIS)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -c build/constraints.txt -r requirements.txt -r requirements-dev.txt "$PYTEST_QGIS"
  printf '%s' "$want" > "$stamp"
fi

# shapely must use the same GEOS as QGIS: inside QGIS processes the system libgeos_c (3.11 on
# Debian 12) is already loaded and shadows a wheel's bundled GEOS, mixing two GEOS versions in
# one process. Build shapely from source against the system GEOS (pip caches the wheel, which
# scripts/build_plugin.py reuses for the plugin's ext_libs/).
if "$VENV/bin/python" -c "import pathlib, shapely, sys; \
    sys.exit(not (pathlib.Path(shapely.__file__).parent.parent / 'shapely.libs').is_dir())"; then
  version=$("$VENV/bin/python" -c "import shapely; print(shapely.__version__)")
  echo "== building shapely $version against the system GEOS"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall \
    --no-deps --no-binary shapely "shapely==$version"
fi
