"""How to call ``qgis_process`` here: the working binary and a headless environment."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

DEBIAN_BINARY = Path("/usr/bin/qgis_process.bin")  # Debian 12's wrapper script is broken


def qgis_process_binary() -> str:
    if DEBIAN_BINARY.exists():
        return str(DEBIAN_BINARY)
    found = shutil.which("qgis_process")
    if not found:
        raise FileNotFoundError("qgis_process not found: install qgis (make deps)")
    return found


def headless_env(config_path: Path | None = None, extra: dict[str, str] | None = None) -> dict:
    """Environment for a headless QGIS process, optionally with its own profile folder."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-" + str(os.getuid()))
    Path(env["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
    if config_path is not None:
        env["QGIS_CUSTOM_CONFIG_PATH"] = str(config_path)
    # a venv's site-packages must not leak into QGIS's Python (geopandas/pyproj wheels)
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    env.update(extra or {})
    return env


def profile_dir(config_path: Path | None) -> Path:
    """The ``default`` profile folder QGIS uses for ``QGIS_CUSTOM_CONFIG_PATH`` (or $HOME)."""
    base = (
        config_path
        if config_path is not None
        else (Path.home() / ".local" / "share" / "QGIS" / "QGIS3")
    )
    return base / "profiles" / "default"
