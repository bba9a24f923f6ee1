"""The parameters of ``lyg_nrp:redline_overlap``, in the order of the dialog: the projects and
their fields, the control layers (each followed by its fields), the settings, the outputs.

Layer parameters pre-select in Desktop by the layer names planners' data uses
(:mod:`lyg_nrp_plugin.layer_roles`); field parameters default to the national field names, and
a layer without that field simply does not use it (``LygAlgorithm.optional_field``).
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...translate import tr
from ..params import (
    add_analysis_crs,
    add_area_method,
    add_count_outputs,
    add_report,
    add_report_pdf,
    field_parameter,
    layer_parameter,
)
from ..pushdown import add_execution

POLYGONS = [QgsProcessing.TypeVectorPolygon]
LINES = [QgsProcessing.TypeVectorLine]


def advanced(parameter):
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    return parameter


def add_projects(alg) -> None:
    alg.addParameter(layer_parameter(alg.INPUT, tr("Construction projects"), "projects", POLYGONS))
    for name, title, kind in (
        (alg.ID_FIELD, tr("Project id field"), "project_id"),
        (alg.NAME_FIELD, tr("Project name field"), "project_name"),
        (alg.PROJECT_CLASS_FIELD, tr("Project class field"), "project_class"),
        (alg.SEA_USE_FIELD, tr("Sea-use type field"), "sea_use"),
    ):
        alg.addParameter(field_parameter(name, title, alg.INPUT, kind))
    alg.addParameter(
        advanced(
            QgsProcessingParameterFile(
                alg.CLASS_TABLE, tr("Project class table"), extension="csv", optional=True
            )
        )
    )


def add_controls(alg) -> None:
    """Each control layer, then the fields that belong to it."""
    fields = {
        alg.FARMLAND: [(alg.FARMLAND_GRADE_FIELD, tr("Farmland grade field"), "grade")],
        alg.FARMLAND_RESERVE: [(alg.RESERVE_GRADE_FIELD, tr("Reserve grade field"), "grade")],
        alg.PROTECTED_AREAS: [(alg.PA_ZONE_FIELD, tr("Protected area zone field"), "pa_zone")],
        alg.MARINE_REDLINE: [
            (alg.MARINE_ZONE_FIELD, tr("Marine red line zone field"), "marine_zone")
        ],
    }
    for name, _key, title, role, types in alg.layer_parameters():
        alg.addParameter(layer_parameter(name, title, role, types, optional=True))
        for field_name, field_title, kind in fields.get(name, []):
            alg.addParameter(field_parameter(field_name, field_title, name, kind))
        if name == alg.COASTLINE:
            add_coast_fields(alg)


def add_coast_fields(alg) -> None:
    alg.addParameter(
        field_parameter(
            alg.COAST_TYPE_FIELD, tr("Coastline type field"), alg.COASTLINE, "coast_type"
        )
    )
    alg.addParameter(
        QgsProcessingParameterString(
            alg.COAST_TYPE_VALUE, tr("Natural coastline value"), "自然岸线", optional=True
        )
    )
    alg.addParameter(
        field_parameter(
            alg.COAST_CLASS_FIELD, tr("Coastline class field"), alg.COASTLINE, "coast_class"
        )
    )


def add_settings(alg) -> None:
    add_area_method(alg, alg.AREA_METHOD)
    add_analysis_crs(alg, alg.ANALYSIS_CRS)
    alg.addParameter(
        QgsProcessingParameterNumber(
            alg.MIN_AREA,
            tr("Minimum overlap area (m²)"),
            QgsProcessingParameterNumber.Double,
            1.0,
            minValue=0.0,
        )
    )
    alg.addParameter(
        advanced(
            QgsProcessingParameterFile(
                alg.RULES_FILE, tr("Rule file"), extension="csv", optional=True
            )
        )
    )
    add_execution(alg)


def add_outputs(alg) -> None:
    alg.addParameter(
        QgsProcessingParameterFeatureSink(
            alg.OUTPUT, tr("Red-line check"), QgsProcessing.TypeVectorPolygon
        )
    )
    alg.addParameter(
        QgsProcessingParameterFeatureSink(
            alg.CONFLICTS,
            tr("Conflicts"),
            QgsProcessing.TypeVectorPolygon,
            optional=True,
            createByDefault=True,
        )
    )
    add_report(alg, alg.REPORT, tr("Review report"), create_by_default=True)
    add_report_pdf(alg, alg.REPORT_PDF)
    add_count_outputs(
        alg,
        (
            (alg.N_PROJECTS, tr("Number of projects")),
            (alg.N_FAIL, tr("Number failing")),
            (alg.N_REVIEW, tr("Number needing review")),
            (alg.N_PASS, tr("Number passing")),
            (alg.RESERVE_SHORTFALL_M2, tr("Reserve shortfall (m²)")),
        ),
    )


def declare(alg) -> None:
    add_projects(alg)
    add_controls(alg)
    add_settings(alg)
    add_outputs(alg)
