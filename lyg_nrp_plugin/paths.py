"""Find the plugin's files both in the repository checkout and in the installed plugin.

Installed (zip or ``make deploy``) the plugin folder holds the package *and* ``metadata.txt``,
``resources/`` and ``i18n/``. In the repository those sit one level up, beside the package.
"""

from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PLUGIN_NAME = PACKAGE_DIR.name


@lru_cache(maxsize=1)
def plugin_root() -> Path:
    """The folder that holds ``metadata.txt`` and ``resources/``."""
    for candidate in (PACKAGE_DIR, PACKAGE_DIR.parent):
        if (candidate / "metadata.txt").is_file() and (candidate / "resources").is_dir():
            return candidate
    raise FileNotFoundError(f"metadata.txt and resources/ not found near {PACKAGE_DIR}")


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/`` (it need not exist)."""
    return plugin_root().joinpath("resources", *parts)


def i18n_path(*parts: str) -> Path:
    return plugin_root().joinpath("i18n", *parts)


def icon_path(name: str) -> str:
    return str(resource_path("icons", name))


@lru_cache(maxsize=1)
def metadata() -> dict[str, str]:
    """The ``[general]`` section of metadata.txt."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(plugin_root() / "metadata.txt", encoding="utf-8")
    return dict(parser["general"])


def version() -> str:
    return metadata().get("version", "0")
