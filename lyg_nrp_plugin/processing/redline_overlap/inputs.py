"""What a red-line check is given: the projects, the control layers and the settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureSource, QgsProcessingException

from ...core.redline_rules import RuleFileError, RuleSet, default_rules_path, load_rules
from ...translate import tr
from ..base import LINE, POLYGON
from ..crs import parameter_analysis_crs
from ..io.layers import source_description
from ..params import area_method


@dataclass
class Control:
    """One control layer: its key (``eco``, ``farm``, ``udb_out``, ``pa``, ``marine``,
    ``coast``), parameter, source and label, and its attribute field (zone / coast type)."""

    key: str
    parameter: str
    source: QgsFeatureSource
    label: str
    data_source: str
    field: str = ""


@dataclass
class RedlineInputs:
    source: QgsFeatureSource
    label: str
    data_source: str
    id_field: str
    crs: QgsCoordinateReferenceSystem
    method: int
    min_area: float
    rules: RuleSet
    controls: dict[str, Control] = field(default_factory=dict)
    coast_value: str = ""  # the coastline type value that marks natural coastline

    def control_field(self, key: str) -> str:
        return self.controls[key].field if key in self.controls else ""

    @property
    def zone_field(self) -> str:
        return self.control_field("pa")

    @property
    def coast_field(self) -> str:
        return self.control_field("coast")


def read_rules(path: str) -> RuleSet:
    """The rule file ``path`` (default: the plugin's); an unusable file is an error."""
    try:
        return load_rules(path or default_rules_path())
    except RuleFileError as error:
        raise QgsProcessingException(
            tr("The rule file cannot be used: {error}").format(error=str(error))
        ) from error


def read_inputs(alg, parameters: dict, context, feedback) -> RedlineInputs:
    """Check every input before anything is read; at least one control layer is needed."""
    source, label = alg.source(parameters, alg.INPUT, context)
    inputs = RedlineInputs(
        source,
        label,
        source_description(alg, parameters, alg.INPUT, context),
        alg.required_field(parameters, alg.ID_FIELD, context, source, label),
        parameter_analysis_crs(alg, parameters, context, alg.ANALYSIS_CRS),
        area_method(alg, parameters, context, alg.AREA_METHOD),
        alg.parameterAsDouble(parameters, alg.MIN_AREA, context),
        read_rules(alg.parameterAsFile(parameters, alg.RULES_FILE, context)),
    )
    for name, key, _description in alg.control_layers():
        layer, layer_label = alg.source(parameters, name, context, POLYGON, required=False)
        if layer is not None:
            description = source_description(alg, parameters, name, context)
            inputs.controls[key] = Control(key, name, layer, layer_label, description)
    if "pa" in inputs.controls:
        pa = inputs.controls["pa"]
        pa.field = alg.required_field(parameters, alg.PA_ZONE_FIELD, context, pa.source, pa.label)
    coast, coast_label = alg.source(parameters, alg.COASTLINE, context, LINE, required=False)
    if coast is not None:
        type_field = alg.required_field(
            parameters, alg.COAST_TYPE_FIELD, context, coast, coast_label
        )
        value = alg.parameterAsString(parameters, alg.COAST_TYPE_VALUE, context) or ""
        inputs.coast_value = value.strip()
        description = source_description(alg, parameters, alg.COASTLINE, context)
        inputs.controls["coast"] = Control(
            "coast", alg.COASTLINE, coast, coast_label, description, type_field
        )
    if not inputs.controls:
        raise QgsProcessingException(
            tr(
                "Give at least one control layer (ecological red line, farmland, urban "
                "development boundary, protected areas, marine red line or coastline)."
            )
        )
    return inputs
