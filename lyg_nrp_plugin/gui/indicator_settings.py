"""Which layer plays which role in the indicator assessment — chosen once, kept in the project.

The dialog offers a ``QgsMapLayerComboBox`` per input of ``lyg_nrp:indicator_assessment``,
pre-filled by matching layer names (the sample's XZQ, DLTB, HYGNQ, STBHHX, YJJBNTBHTB, ZRBHD,
HYSTHX, HAX …); the choice is written into the project (``QgsProject.writeEntry``) so that it
comes back when the project is reopened.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from ..translate import tr

SCOPE = "lyg_nrp"
KEY_PREFIX = "indicators/"


@dataclass(frozen=True)
class Role:
    parameter: str
    names: tuple[str, ...]  # layer names (or name fragments) that match, best first
    filters: int = QgsMapLayerProxyModel.PolygonLayer

    def label(self) -> str:
        return {
            "LANDUSE": tr("Land-use parcels (DLTB)"),
            "BOUNDARY": tr("Land boundary"),
            "SEA_AREA": tr("Jurisdictional sea area"),
            "ECO_REDLINE": tr("Ecological protection red line"),
            "FARMLAND": tr("Permanent basic farmland"),
            "PROTECTED_AREAS": tr("Protected areas"),
            "MARINE_REDLINE": tr("Marine ecological red line"),
            "COASTLINE": tr("Coastline"),
            "MARICULTURE": tr("Mariculture functional zones"),
            "MINES": tr("Mines"),
        }[self.parameter]


ROLES = (
    Role("LANDUSE", ("DLTB", "地类图斑")),
    Role("BOUNDARY", ("XZQ", "行政区")),
    Role("SEA_AREA", ("HYGNQ", "管辖海域", "海域")),
    Role("ECO_REDLINE", ("STBHHX", "生态保护红线")),
    Role("FARMLAND", ("YJJBNTBHTB", "YJJBNT", "永久基本农田")),
    Role("PROTECTED_AREAS", ("ZRBHD", "自然保护地")),
    Role("MARINE_REDLINE", ("HYSTHX", "海洋生态红线")),
    Role("COASTLINE", ("HAX", "海岸线"), QgsMapLayerProxyModel.LineLayer),
    Role("MARICULTURE", ("HSZYQ", "ZYQ", "增养殖")),
    Role("MINES", ("KS", "CK", "矿山"), QgsMapLayerProxyModel.VectorLayer),
)
MINE_SCALE_NAMES = ("GM", "KSGM", "SCGM", "SCALE", "规模")
MINE_OUTPUT_NAMES = ("NKCL", "SJCL", "KCL", "OUTPUT", "年开采量")


@dataclass
class IndicatorSettings:
    layers: dict[str, str] = field(default_factory=dict)  # parameter -> layer id
    targets: str = ""
    include_saltpans: bool = False
    year: int = 2025


def guess_layer(project: QgsProject, role: Role) -> QgsVectorLayer | None:
    """The first vector layer whose name is, or else contains, one of the role's names."""
    layers = [lyr for lyr in project.mapLayers().values() if isinstance(lyr, QgsVectorLayer)]
    for exact in (True, False):
        for name in role.names:
            if not exact and len(name) < 3 and name.isascii():
                continue  # "KS" inside "PARKS" is no match
            for layer in layers:
                layer_name = layer.name().upper()
                if (layer_name == name.upper()) if exact else (name.upper() in layer_name):
                    if (
                        role.filters == QgsMapLayerProxyModel.LineLayer
                        and layer.geometryType() != 1
                    ):
                        continue
                    if (
                        role.filters == QgsMapLayerProxyModel.PolygonLayer
                        and layer.geometryType() != 2
                    ):
                        continue
                    return layer
    return None


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
        if guess:
            layer = guess_layer(project, role)
            if layer is not None:
                settings.layers[role.parameter] = layer.id()
    settings.targets, _ = project.readEntry(SCOPE, KEY_PREFIX + "targets", "")
    settings.include_saltpans, _ = project.readBoolEntry(SCOPE, KEY_PREFIX + "saltpans", False)
    settings.year, _ = project.readNumEntry(SCOPE, KEY_PREFIX + "year", 2025)
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


def _first_field(layer: QgsVectorLayer, names) -> str:
    fields = [f.upper() for f in layer.fields().names()]
    for name in names:
        if name.upper() in fields:
            return layer.fields().names()[fields.index(name.upper())]
    return ""


def algorithm_parameters(settings: IndicatorSettings, project: QgsProject | None = None) -> dict:
    """Parameters of ``lyg_nrp:indicator_assessment`` (layer ids; fields guessed for mines)."""
    project = project or QgsProject.instance()
    params: dict = {}
    for role in ROLES:
        layer_id = settings.layers.get(role.parameter)
        layer = project.mapLayer(layer_id) if layer_id else None
        if layer is None:
            continue
        params[role.parameter] = layer.id()
        if role.parameter == "MINES":
            params["MINE_SCALE_FIELD"] = _first_field(layer, MINE_SCALE_NAMES)
            params["MINE_OUTPUT_FIELD"] = _first_field(layer, MINE_OUTPUT_NAMES)
    if settings.targets:
        params["TARGETS"] = settings.targets
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
            layers, self.targets.filePath(), self.saltpans.isChecked(), self.year.value()
        )

    def accept(self) -> None:
        save_settings(self.settings(), self.project)
        super().accept()
