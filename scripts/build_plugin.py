#!/usr/bin/env python3
"""Assemble the installable plugin folder (and zip) from the repository layout.

The plugin folder ``lyg_nrp_plugin/`` holds the Python package plus ``metadata.txt``,
``LICENSE``, ``resources/`` and the compiled ``i18n/*.qm`` — no tests, caches or build files.

    build_plugin.py --dest build            # build/lyg_nrp_plugin/
    build_plugin.py --dest build --zip dist/lyg_nrp_plugin.zip
    build_plugin.py --dest DIR --with-deps  # + ext_libs/ with shapely>=2 for QGIS's Python
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "lyg_nrp_plugin"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", "ext_libs", ".*")
SYSTEM_PYTHON = "/usr/bin/python3"


def assemble(dest: Path) -> Path:
    """Create ``dest/lyg_nrp_plugin`` afresh and return it."""
    target = dest / PLUGIN
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / PLUGIN, target, ignore=IGNORED)
    for name in ("metadata.txt", "LICENSE", "README.md"):
        shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / "resources", target / "resources", ignore=IGNORED)
    qm_files = sorted((ROOT / "i18n").glob("*.qm"))
    if not qm_files:
        sys.exit("no i18n/*.qm: run 'make transcompile' first")
    (target / "i18n").mkdir()
    for qm in qm_files:
        shutil.copy2(qm, target / "i18n" / qm.name)
    return target


def system_has_shapely2() -> bool:
    code = "import shapely, sys; sys.exit(int(shapely.__version__.split('.')[0]) < 2)"
    return subprocess.run([SYSTEM_PYTHON, "-c", code], capture_output=True).returncode == 0


def install_runtime_deps(target: Path) -> None:
    """Put shapely >= 2 where QGIS's own Python finds it (the plugin adds ext_libs/ to sys.path).

    Only shapely: numpy and scipy come from the system (a PyPI numpy would break GDAL). The
    copy is the venv's shapely, which ``make deps`` builds from source against the system GEOS
    — the GEOS that QGIS itself loads (a wheel's bundled GEOS would be shadowed by it).
    """
    if system_has_shapely2():
        return
    import shapely  # the venv's build, made for this system Python, numpy and GEOS

    package = Path(shapely.__file__).resolve().parent
    if (package.parent / "shapely.libs").is_dir():
        sys.exit("the venv's shapely bundles its own GEOS: run 'make deps' to rebuild it")
    ext_libs = target / "ext_libs"
    ext_libs.mkdir(exist_ok=True)
    shutil.copytree(package, ext_libs / "shapely", ignore=IGNORED, dirs_exist_ok=True)
    for info in package.parent.glob(f"shapely-{shapely.__version__}.dist-info"):
        shutil.copytree(info, ext_libs / info.name, dirs_exist_ok=True)


def make_zip(folder: Path, zip_path: Path) -> None:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder.parent).as_posix())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, required=True, help="folder to build into")
    parser.add_argument("--zip", type=Path, help="also write this zip archive")
    parser.add_argument("--with-deps", action="store_true", help="add ext_libs/ (shapely)")
    args = parser.parse_args()
    folder = assemble(args.dest)
    if args.zip:
        make_zip(folder, args.zip)
        print(f"wrote {args.zip}")
    if args.with_deps:
        install_runtime_deps(folder)
    print(f"assembled {folder}")


if __name__ == "__main__":
    main()
