"""Plugin settings, all under one ``QgsSettings`` prefix."""

from __future__ import annotations

from typing import Any

from qgis.core import QgsSettings

PREFIX = "lyg_nrp/"


def read_setting(key: str, default: Any = None, value_type: type | None = None) -> Any:
    settings = QgsSettings()
    if value_type is None:
        return settings.value(PREFIX + key, default)
    return settings.value(PREFIX + key, default, type=value_type)


def write_setting(key: str, value: Any) -> None:
    QgsSettings().setValue(PREFIX + key, value)


def remove_setting(key: str) -> None:
    QgsSettings().remove(PREFIX + key)
