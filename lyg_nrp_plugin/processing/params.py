"""Parameters several algorithms declare the same way: area method, analysis CRS, report,
count outputs, corridor name aliases. Each ``add_*`` adds the parameter to an algorithm; the
readers return values."""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ..core import corridor_names
from ..layer_roles import desktop_default, field_default
from ..paths import resource_path
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


def add_name_aliases(algorithm: QgsProcessingAlgorithm, name: str = "NAME_ALIASES") -> None:
    """The advanced corridor-name alias table (CSV; default: the bundled one)."""
    aliases = QgsProcessingParameterFile(
        name, tr("Corridor name aliases (CSV)"), extension="csv", optional=True
    )
    aliases.setFlags(aliases.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    algorithm.addParameter(aliases)


def default_alias_file() -> str:
    return str(resource_path("rules", "corridor_aliases.csv"))


def read_aliases(path: str) -> dict[str, str]:
    """The alias table ``path`` (default: the bundled one); a bad table is a clear error."""
    path = path or default_alias_file()
    try:
        return corridor_names.load_aliases(path)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise QgsProcessingException(
            tr("Cannot read the corridor name aliases {path}: {error}").format(
                path=path, error=error
            )
        ) from error
