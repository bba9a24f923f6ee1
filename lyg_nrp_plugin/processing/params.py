"""Parameters several algorithms declare the same way: area method, analysis CRS, report,
count outputs. Each ``add_*`` adds the parameter to an algorithm; the readers return values."""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from ..layer_roles import desktop_default, field_default
from ..translate import tr

AREA_PLANAR = 0
AREA_ELLIPSOIDAL = 1
DEFAULT_ANALYSIS_CRS = "EPSG:4549"  # CGCS2000 / 3-degree Gauss-Kruger CM 120E


def area_method_options() -> list[str]:
    return [tr("Planar (analysis CRS)"), tr("Ellipsoidal (CGCS2000)")]


def add_area_method(algorithm: QgsProcessingAlgorithm, name: str = "AREA_METHOD") -> None:
    algorithm.addParameter(
        QgsProcessingParameterEnum(
            name, tr("Area method"), area_method_options(), defaultValue=AREA_PLANAR
        )
    )


def area_method(
    algorithm, parameters: dict, context: QgsProcessingContext, name: str = "AREA_METHOD"
) -> int:
    return algorithm.parameterAsEnum(parameters, name, context)


def add_analysis_crs(
    algorithm: QgsProcessingAlgorithm, name: str = "ANALYSIS_CRS", advanced: bool = False
) -> None:
    parameter = QgsProcessingParameterCrs(
        name, tr("Analysis CRS"), DEFAULT_ANALYSIS_CRS, optional=True
    )
    if advanced:
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    algorithm.addParameter(parameter)


def add_report(
    algorithm: QgsProcessingAlgorithm, name: str, title: str, create_by_default: bool = False
) -> None:
    """An optional HTML file destination."""
    algorithm.addParameter(
        QgsProcessingParameterFileDestination(
            name,
            title,
            tr("HTML files (*.html)"),
            optional=True,
            createByDefault=create_by_default,
        )
    )


def add_count_outputs(
    algorithm: QgsProcessingAlgorithm, outputs: Sequence[tuple[str, str]]
) -> None:
    """Number outputs (name, title) — what models and qgis_process read back."""
    for name, title in outputs:
        algorithm.addOutput(QgsProcessingOutputNumber(name, title))


def layer_parameter(
    name: str, title: str, role: str, types: Sequence[int], optional: bool = False
) -> QgsProcessingParameterFeatureSource:
    """A feature source that Desktop dialogs pre-select by the role's layer names
    (:mod:`lyg_nrp_plugin.layer_roles`, the dashboard's matcher); no default headless."""
    return QgsProcessingParameterFeatureSource(
        name, title, list(types), defaultValue=desktop_default(role), optional=optional
    )


def field_parameter(
    name: str,
    title: str,
    parent: str,
    kind: str,
    optional: bool = True,
    field_type: int = QgsProcessingParameterField.Any,
) -> QgsProcessingParameterField:
    """A field of ``parent`` defaulting to the usual name for ``kind`` (XMBH, DLBM, KCXS …);
    with ``LygAlgorithm.optional_field`` a layer without that field simply does not use it."""
    return QgsProcessingParameterField(
        name, title, field_default(kind), parent, field_type, optional=optional
    )


def add_projects(
    algorithm: QgsProcessingAlgorithm, name: str = "INPUT", id_name: str = "ID_FIELD"
) -> None:
    """The construction projects (polygons) and their optional id field."""
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(
            name, tr("Construction projects"), [QgsProcessing.TypeVectorPolygon]
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterField(id_name, tr("Project id field"), None, name, optional=True)
    )


def add_report_pdf(algorithm: QgsProcessingAlgorithm, name: str = "REPORT_PDF") -> None:
    """The optional printable 审查意见书 (PDF: a cover, then one page per project)."""
    algorithm.addParameter(
        QgsProcessingParameterFileDestination(
            name,
            tr("Review sheet (PDF)"),
            tr("PDF files (*.pdf)"),
            optional=True,
            createByDefault=False,
        )
    )
