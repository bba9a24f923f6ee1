"""What a red-line check is given: the projects and their fields, the control layers with
their zone / class fields, the rule matrix, the class table and the settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureSource, QgsProcessingException

from ...core.project_classes import (
    ClassTable,
    ClassTableError,
    default_class_table_path,
    load_class_table,
)
from ...core.redline_rules import RuleFileError, RuleSet, default_rules_path, load_rules
from ...translate import tr
from ..base import LINE, POLYGON
from ..crs import parameter_analysis_crs
from ..io.layers import source_description
from ..params import area_method

AUXILIARY = ("land", "reserve")  # layers that are no controls of their own


@dataclass
class Control:
    """One layer: its key (``eco``, ``eco_space``, ``farm``, ``udb``, ``pa``, ``marine``,
    ``coast``, ``mineral``, ``geohazard``, ``heritage``, ``forest``; ``land``, ``reserve``),
    parameter, source, label and the fields it is read with (role → name, '' = not used)."""

    key: str
    parameter: str
    source: QgsFeatureSource
    label: str
    data_source: str
    fields: dict[str, str] = field(default_factory=dict)  # "zone", "type", "grade"

    def field(self, role: str) -> str:
        return self.fields.get(role, "")

    @property
    def names(self) -> list[str]:
        """The fields to read."""
        return [name for name in self.fields.values() if name]


@dataclass
class RedlineInputs:
    source: QgsFeatureSource
    label: str
    data_source: str
    id_field: str
    name_field: str
    class_field: str
    sea_use_field: str
    crs: QgsCoordinateReferenceSystem
    method: int
    min_area: float
    rules: RuleSet
    class_table: ClassTable
    controls: dict[str, Control] = field(default_factory=dict)
    auxiliary: dict[str, Control] = field(default_factory=dict)  # land, reserve
    coast_value: str = ""  # the coastline type value that marks natural coastline

    def control_field(self, key: str, role: str = "zone") -> str:
        return self.controls[key].field(role) if key in self.controls else ""

    @property
    def project_fields(self) -> list[str]:
        """The project attributes read besides the id."""
        names = (self.name_field, self.class_field, self.sea_use_field)
        return [n for n in dict.fromkeys(names) if n]


def read_rules(path: str) -> RuleSet:
    """The plugin's rule matrix, with the controls of ``path`` (if given) replaced."""
    try:
        rules = load_rules(default_rules_path())
        return load_rules(path, base=rules) if path else rules
    except RuleFileError as error:
        raise QgsProcessingException(
            tr("The rule file cannot be used: {error}").format(error=str(error))
        ) from error


def read_class_table(path: str) -> ClassTable:
    try:
        return load_class_table(path or default_class_table_path())
    except ClassTableError as error:
        raise QgsProcessingException(
            tr("The project class table cannot be used: {error}").format(error=str(error))
        ) from error


# fields of a layer: layer key -> [(role, parameter attribute)]
LAYER_FIELDS = {
    "pa": [("zone", "PA_ZONE_FIELD")],
    "marine": [("zone", "MARINE_ZONE_FIELD")],
    "coast": [("type", "COAST_TYPE_FIELD"), ("zone", "COAST_CLASS_FIELD")],
    "farm": [("grade", "FARMLAND_GRADE_FIELD")],
    "reserve": [("grade", "RESERVE_GRADE_FIELD")],
}


def read_layer(alg, parameters, context, feedback, name: str, key: str) -> Control | None:
    geometry = LINE if key == "coast" else POLYGON
    layer, label = alg.source(parameters, name, context, geometry, False, feedback)
    if layer is None:
        return None
    control = Control(key, name, layer, label, source_description(alg, parameters, name, context))
    for role, attribute in LAYER_FIELDS.get(key, []):
        control.fields[role] = alg.optional_field(
            parameters, getattr(alg, attribute), context, layer, label, feedback
        )
    return control


def read_inputs(alg, parameters: dict, context, feedback) -> RedlineInputs:
    """Check every input before anything is read; at least one control layer is needed."""
    source, label = alg.source(parameters, alg.INPUT, context, feedback=feedback)
    project_fields = [
        alg.optional_field(parameters, name, context, source, label, feedback)
        for name in (alg.ID_FIELD, alg.NAME_FIELD, alg.PROJECT_CLASS_FIELD, alg.SEA_USE_FIELD)
    ]
    inputs = RedlineInputs(
        source,
        label,
        source_description(alg, parameters, alg.INPUT, context),
        *project_fields,
        parameter_analysis_crs(alg, parameters, context, alg.ANALYSIS_CRS),
        area_method(alg, parameters, context, alg.AREA_METHOD),
        alg.parameterAsDouble(parameters, alg.MIN_AREA, context),
        read_rules(alg.parameterAsFile(parameters, alg.RULES_FILE, context)),
        read_class_table(alg.parameterAsFile(parameters, alg.CLASS_TABLE, context)),
    )
    for name, key, _title, _role, _types in alg.layer_parameters():
        control = read_layer(alg, parameters, context, feedback, name, key)
        if control is not None:
            (inputs.auxiliary if key in AUXILIARY else inputs.controls)[key] = control
    value = alg.parameterAsString(parameters, alg.COAST_TYPE_VALUE, context) or ""
    inputs.coast_value = value.strip()
    if not inputs.controls:
        raise QgsProcessingException(
            tr(
                "Give at least one control layer (ecological red line, ecological space, "
                "farmland, urban development boundary, protected areas, marine red line, "
                "coastline, mineral resources, geohazard zones, heritage lines or "
                "public-welfare forest)."
            )
        )
    warn_unused(inputs, feedback)
    return inputs


def warn_unused(inputs: RedlineInputs, feedback) -> None:
    """A land boundary without a development boundary, or a reserve without farmland, does
    nothing: say so."""
    for aux, needed in (("land", "udb"), ("reserve", "farm")):
        if aux in inputs.auxiliary and needed not in inputs.controls:
            feedback.pushWarning(
                tr("{layer} is not used: it needs {other}.").format(
                    layer=inputs.auxiliary[aux].label,
                    other=tr("the urban development boundary")
                    if needed == "udb"
                    else tr("the permanent basic farmland"),
                )
            )
