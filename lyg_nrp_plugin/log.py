"""Messages to the QGIS log panel, under one tag."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

TAG = "LYG NRP"


def log_info(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.Info)


def log_warning(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.Warning)


def log_critical(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.Critical)
