"""The parameters of ``corridor_assessment`` as one :class:`AssessmentInputs`."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSource,
    QgsProcessingContext,
    QgsProcessingException,
)

from ...core import transects as tx
from ...paths import resource_path
from ...translate import tr
from ..base import LINE, POLYGON
from ..crs import analysis_crs
from ..params import read_aliases

CORRIDOR_FIELDS = ("corridor_id", "name", "kind")


def default_grade_file() -> str:
    return str(resource_path("rules", "corridor_grades.csv"))


@dataclass
class Layer:
    """An input source (None when an optional one is not given) and its label."""

    source: QgsFeatureSource | None
    label: str


@dataclass
class AssessmentInputs:
    corridors: Layer
    axes: Layer
    landuse: Layer
    projects: Layer
    corridor_fields: list[str]  # of corridor_id, name, kind: those the corridors have
    axis_key: str  # the field matching axes to corridors: corridor_id or name ("" no axes)
    aliases: dict[str, str]  # corridor name aliases → canonical names (matching by name)
    dlbm_field: str
    project_id_field: str  # "" = the feature id
    eco: tx.EcoClasses
    rules: list[tx.GradeRule]
    spacing: float
    min_eco_width: float
    break_built_share: float
    crs: QgsCoordinateReferenceSystem


def read_inputs(alg, parameters: dict, context: QgsProcessingContext, feedback) -> AssessmentInputs:
    """Sources and geometry types, fields, ecological classes, grade table, thresholds."""
    corridors = Layer(*alg.source(parameters, alg.CORRIDORS, context, POLYGON))
    landuse = Layer(*alg.source(parameters, alg.LANDUSE, context, POLYGON))
    axes = Layer(*alg.source(parameters, alg.AXES, context, LINE, required=False))
    projects = Layer(*alg.source(parameters, alg.PROJECTS, context, POLYGON, required=False))
    dlbm = alg.required_field(
        parameters, alg.DLBM_FIELD, context, landuse.source, landuse.label, "DLBM"
    )
    eco = eco_classes(alg.parameterAsString(parameters, alg.ECO_CLASSES, context))
    rules = grade_rules(alg.parameterAsFile(parameters, alg.GRADE_RULES, context))
    names = corridors.source.fields().names()
    corridor_fields = [f for f in CORRIDOR_FIELDS if f in names]
    key = axis_key(axes, corridor_fields)
    aliases = {}
    if key == "name":
        aliases = read_aliases(alg.parameterAsFile(parameters, alg.NAME_ALIASES, context))
    project_id = ""
    if projects.source is not None:
        project_id = alg.optional_field(
            parameters, alg.PROJECT_ID_FIELD, context, projects.source, projects.label, feedback
        )
    sources = [x.source for x in (corridors, landuse, axes, projects) if x.source is not None]
    return AssessmentInputs(
        corridors,
        axes,
        landuse,
        projects,
        corridor_fields,
        key,
        aliases,
        dlbm,
        project_id,
        eco,
        rules,
        alg.parameterAsDouble(parameters, alg.TRANSECT_SPACING, context),
        alg.parameterAsDouble(parameters, alg.MIN_ECO_WIDTH, context),
        alg.parameterAsDouble(parameters, alg.BREAK_BUILT_SHARE, context),
        analysis_crs(None, [s.sourceCrs() for s in sources]),
    )


def eco_classes(text: str) -> tx.EcoClasses:
    try:
        return tx.parse_eco_classes(text)
    except ValueError as error:
        raise QgsProcessingException(
            tr(
                "Ecological land classes: “{token}” is neither a class (forest, grass, "
                "wetland, water, farmland, garden, other, …; 林地, 草地, 湿地, 水域 …) nor a "
                "DLBM code."
            ).format(token=str(error))
        ) from error


def grade_rules(path: str) -> list[tx.GradeRule]:
    path = path or default_grade_file()
    try:
        return tx.load_grade_rules(path)
    except (OSError, ValueError, KeyError) as error:
        raise QgsProcessingException(
            tr("Cannot read the grade table {path}: {error}").format(path=path, error=error)
        ) from error


def axis_key(axes: Layer, corridor_fields: list[str]) -> str:
    """corridor_id when both layers have it, else name; "" without axes; raises without either."""
    if axes.source is None:
        return ""
    names = axes.source.fields().names()
    if "corridor_id" in names and "corridor_id" in corridor_fields:
        return "corridor_id"
    if "name" in names:
        return "name"
    raise QgsProcessingException(
        tr(
            "Layer {layer} needs a field corridor_id or name to match the axes to the corridors."
        ).format(layer=axes.label)
    )
