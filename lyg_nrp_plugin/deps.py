"""Check the runtime dependencies that QGIS does not ship: shapely >= 2 and scipy.

The plugin loads without them and says once, in Chinese and English, how to install them;
algorithms that need them refuse to run with the same message. Only QGIS, numpy, scipy and
shapely may be imported inside QGIS: PyPI wheels that bundle PROJ/GDAL (pyproj, pyogrio,
fiona, rasterio, geopandas) crash ``qgis_process`` at exit.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from .paths import PACKAGE_DIR

# module -> (minimum version, pip requirement)
REQUIRED: dict[str, tuple[tuple[int, ...], str]] = {
    "numpy": ((1, 20), "numpy"),
    "shapely": ((2, 0), "shapely>=2.0,<3"),
    "scipy": ((1, 6), "scipy"),
}


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


@lru_cache(maxsize=1)
def missing_dependencies() -> tuple[str, ...]:
    """Requirements that are absent or too old, as pip requirement strings."""
    missing = []
    for module, (minimum, requirement) in REQUIRED.items():
        try:
            found = importlib.import_module(module)
        except Exception:  # an ImportError or a broken binary wheel
            missing.append(requirement)
            continue
        if _version_tuple(getattr(found, "__version__", "0")) < minimum:
            missing.append(requirement)
    return tuple(missing)


def install_command(missing: tuple[str, ...] | None = None) -> str:
    """A command that installs what is missing next to the plugin (no root needed)."""
    missing = missing_dependencies() if missing is None else missing
    requirements = " ".join(f'"{req}"' for req in missing)
    return f'python3 -m pip install --no-deps --target "{PACKAGE_DIR / "ext_libs"}" {requirements}'


def dependency_message() -> str:
    """Bilingual message, or an empty string when everything is there."""
    missing = missing_dependencies()
    if not missing:
        return ""
    names = ", ".join(missing)
    command = install_command(missing)
    return (
        f"连云港自然资源规划插件缺少 Python 依赖：{names}。请运行以下命令安装后重启 QGIS：\n"
        f"LYG Natural Resources plugin is missing Python packages: {names}. "
        f"Install them with the command below, then restart QGIS:\n{command}"
    )
