"""Where the styled sample project is opened from: a writable copy, never the plugin's files."""

from __future__ import annotations

import shutil
from pathlib import Path

from .paths import resource_path

FILES = ("lyg_sample.qgz", "lyg_sample.gpkg")


def sample_folder() -> Path:
    """``<QGIS profile>/lyg_nrp_sample`` (kept between sessions, so edits survive)."""
    from qgis.core import QgsApplication

    return Path(QgsApplication.qgisSettingsDirPath()) / "lyg_nrp_sample"


def copy_sample_project(folder: Path | None = None, overwrite: bool = False) -> Path:
    """Copy the project and its data (fresh when missing or ``overwrite``); return the .qgz."""
    folder = folder or sample_folder()
    folder.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        target = folder / name
        if overwrite or not target.is_file():
            shutil.copyfile(resource_path("sample", name), target)
    return folder / FILES[0]


def add_sample_layers(gpkg: str, layers: dict[str, str], project=None):
    """Add the sample's layers to ``project`` in a group at the top of the layer tree, in map
    order (``layers`` bottom first), each with its style; returns the group."""
    from qgis.core import QgsProject, QgsVectorLayer

    from .translate import tr

    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.insertGroup(0, tr("Lianyungang sample data (schematic)"))
    for name, title in layers.items():  # bottom first: each new one goes on top
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", title, "ogr")
        if not layer.isValid():
            continue
        style = resource_path("styles", f"sample_{name}.qml")
        if style.is_file():
            layer.loadNamedStyle(str(style))
        project.addMapLayer(layer, False)
        group.insertLayer(0, layer)
    return group
