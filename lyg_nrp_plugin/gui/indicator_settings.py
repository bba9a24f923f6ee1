"""Which layer plays which role in the indicator assessment — chosen once, kept in the project.

The dialog offers a ``QgsMapLayerComboBox`` per input of ``lyg_nrp:indicator_assessment``,
pre-filled by the plugin's one layer matcher (:func:`lyg_nrp_plugin.layer_roles.guess_layer`,
the same one the algorithm dialogs use: XZQ, DLTB, HYGNQ, STBHHX, YJJBNTBHTB, ZRBHD, HYSTHX,
HAX, HASD …); the choice is written into the project (``QgsProject.writeEntry``) so that it
comes back when the project is reopened. :func:`algorithm_parameters` turns the settings into
the algorithm's parameters — for the dashboard's 计算 and for the menu's 规划指标评估… dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from ..layer_roles import guess_layer
from ..translate import tr

SCOPE = "lyg_nrp"
KEY_PREFIX = "indicators/"


@dataclass(frozen=True)
class Role:
    parameter: str
    role: str | None  # the role of layer_roles (None: never guessed)
    filters: int = QgsMapLayerProxyModel.PolygonLayer

    def label(self) -> str:
        return {
            "LANDUSE": tr("Land-use parcels (DLTB)"),
            "BOUNDARY": tr("Land boundary"),
            "SEA_AREA": tr("Jurisdictional sea area"),
            "ECO_REDLINE": tr("Ecological protection red line"),
            "ECO_SPACE": tr("Ecological space control areas"),
            "FARMLAND": tr("Permanent basic farmland"),
            "PROTECTED_AREAS": tr("Protected areas"),
            "MARINE_REDLINE": tr("Marine ecological red line"),
            "COASTLINE": tr("Coastline"),
            "COASTAL_WETLAND": tr("Coastal and near-shore wetland"),
            "MARICULTURE": tr("Mariculture functional zones"),
            "MINES": tr("Mines"),
            "OCCUPATION": tr("Occupation summary of the year's projects"),
        }[self.parameter]


ROLES = (
    Role("LANDUSE", "landuse"),
    Role("BOUNDARY", "boundary"),
    Role("SEA_AREA", "sea_area"),
    Role("ECO_REDLINE", "eco_redline"),
    Role("ECO_SPACE", "eco_space"),
    Role("FARMLAND", "farmland"),
    Role("PROTECTED_AREAS", "protected_areas"),
    Role("MARINE_REDLINE", "marine_redline"),
    Role("COASTLINE", "coastline", QgsMapLayerProxyModel.LineLayer),
    Role("COASTAL_WETLAND", "coastal_wetland"),
    Role("MARICULTURE", "mariculture"),
    Role("MINES", "mines", QgsMapLayerProxyModel.VectorLayer),
    # a landuse_occupation SUMMARY has no conventional layer name: chosen, never guessed
    Role("OCCUPATION", None, QgsMapLayerProxyModel.VectorLayer),
)
LAYER_PARAMETERS = tuple(role.parameter for role in ROLES)
MINE_TYPE_NAMES = ("KCKZ", "KZ", "ZKZ", "KZMC", "矿种")
MINE_SCALE_NAMES = ("GM", "KSGM", "SCGM", "SCALE", "规模")
MINE_OUTPUT_NAMES = ("NKCL", "SJCL", "KCL", "OUTPUT", "年开采量")


@dataclass
class IndicatorSettings:
    layers: dict[str, str] = field(default_factory=dict)  # parameter -> layer id
    targets: str = ""
    include_saltpans: bool = False
    year: int = 2025
    wetland_definition: int = 0  # WETLAND_DEFINITION: 0 三调, 1 湿地资源调查


def load_settings(project: QgsProject | None = None, guess: bool = True) -> IndicatorSettings:
    """The settings stored in the project; roles never set are guessed from layer names."""
    project = project or QgsProject.instance()
    settings = IndicatorSettings()
    for role in ROLES:
        value, found = project.readEntry(SCOPE, KEY_PREFIX + "layer/" + role.parameter, "")
        if found:
            if value and project.mapLayer(value) is not None:
                settings.layers[role.parameter] = value
            continue  # stored (possibly deliberately empty)
        if guess and role.role is not None:
            layer = guess_layer(project, role.role)
            if layer is not None:
                settings.layers[role.parameter] = layer.id()
    settings.targets, _ = project.readEntry(SCOPE, KEY_PREFIX + "targets", "")
    settings.include_saltpans, _ = project.readBoolEntry(SCOPE, KEY_PREFIX + "saltpans", False)
    settings.year, _ = project.readNumEntry(SCOPE, KEY_PREFIX + "year", 2025)
    settings.wetland_definition, _ = project.readNumEntry(SCOPE, KEY_PREFIX + "wetland", 0)
    return settings


def save_settings(settings: IndicatorSettings, project: QgsProject | None = None) -> None:
    project = project or QgsProject.instance()
    for role in ROLES:
        project.writeEntry(
            SCOPE, KEY_PREFIX + "layer/" + role.parameter, settings.layers.get(role.parameter, "")
        )
    project.writeEntry(SCOPE, KEY_PREFIX + "targets", settings.targets or "")
    project.writeEntry(SCOPE, KEY_PREFIX + "saltpans", bool(settings.include_saltpans))
    project.writeEntry(SCOPE, KEY_PREFIX + "year", int(settings.year))
    project.writeEntry(SCOPE, KEY_PREFIX + "wetland", int(settings.wetland_definition))


def _first_field(layer: QgsVectorLayer, names) -> str:
    fields = [f.upper() for f in layer.fields().names()]
    for name in names:
        if name.upper() in fields:
            return layer.fields().names()[fields.index(name.upper())]
    return ""


def algorithm_parameters(settings: IndicatorSettings, project: QgsProject | None = None) -> dict:
    """Parameters of ``lyg_nrp:indicator_assessment`` (layer ids; fields guessed for mines) —
    what the dashboard computes with and what the menu's dialog opens with."""
    project = project or QgsProject.instance()
    params: dict = {}
    for role in ROLES:
        layer_id = settings.layers.get(role.parameter)
        layer = project.mapLayer(layer_id) if layer_id else None
        if layer is None:
            continue
        params[role.parameter] = layer.id()
        if role.parameter == "MINES":
            params["MINE_TYPE_FIELD"] = _first_field(layer, MINE_TYPE_NAMES)
            params["MINE_SCALE_FIELD"] = _first_field(layer, MINE_SCALE_NAMES)
            params["MINE_OUTPUT_FIELD"] = _first_field(layer, MINE_OUTPUT_NAMES)
    if settings.targets:
        params["TARGETS"] = settings.targets
    params["WETLAND_DEFINITION"] = int(settings.wetland_definition)
    params["WETLAND_INCLUDES_SALTPANS"] = bool(settings.include_saltpans)
    params["YEAR"] = int(settings.year)
    return params


class IndicatorSettingsDialog(QDialog):
    """Layer per role, TARGETS file, salt-pan option and year; saved into the project."""

    def __init__(self, parent=None, project: QgsProject | None = None):
        super().__init__(parent)
        self.setObjectName("LygNrpIndicatorSettings")
        self.setWindowTitle(tr("Indicator assessment settings"))
        self.project = project or QgsProject.instance()
        current = load_settings(self.project)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Choose the layer for each input. Layers left empty are skipped; "
                "the indicators they give show as “no data”."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.combos: dict[str, QgsMapLayerComboBox] = {}
        for role in ROLES:
            combo = QgsMapLayerComboBox(self)
            combo.setFilters(role.filters)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(self.project.mapLayer(current.layers.get(role.parameter, "")))
            form.addRow(role.label(), combo)
            self.combos[role.parameter] = combo
        self.targets = QgsFileWidget(self)
        self.targets.setFilter(tr("Targets files (*.json *.csv)"))
        self.targets.setFilePath(current.targets)
        form.addRow(tr("Targets and manual values (JSON/CSV)"), self.targets)
        self.wetland = QComboBox(self)
        self.wetland.addItems(
            [
                tr("3rd land survey wetland class"),
                tr("Wetland resource survey (the plan's definition)"),
            ]
        )
        self.wetland.setCurrentIndex(int(current.wetland_definition))
        form.addRow(tr("Wetland definition"), self.wetland)
        self.saltpans = QCheckBox(tr("Count salt pans (0603) as wetland"), self)
        self.saltpans.setChecked(current.include_saltpans)
        form.addRow("", self.saltpans)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(current.year)
        form.addRow(tr("Year assessed"), self.year)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def settings(self) -> IndicatorSettings:
        layers = {
            p: c.currentLayer().id() for p, c in self.combos.items() if c.currentLayer() is not None
        }
        return IndicatorSettings(
            layers,
            self.targets.filePath(),
            self.saltpans.isChecked(),
            self.year.value(),
            self.wetland.currentIndex(),
        )

    def accept(self) -> None:
        save_settings(self.settings(), self.project)
        super().accept()
