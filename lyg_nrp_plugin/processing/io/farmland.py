"""The farmland inputs that ``farmland_balance`` and the ledger algorithms share: the
supplementary plots (补充耕地) and their fields, the base-year land use, the plot checks, the
occupied farmland and the grain capacity table — declared once (``add_*``) with one help text
each (:func:`farmland_help`); :mod:`.farmland_read` reads them.

Parameter names are a contract (issue 15): ``SUPPLEMENT``, ``SUP_*_FIELD``, ``BASE_LANDUSE``,
``BASE_DLBM_FIELD``, ``BASE_GRADE_FIELD``, ``OCCUPIED``, ``OCC_*_FIELD``, ``CAPACITY_TABLE`` …
Field parameters default to the national names (DLBM, GDDB, GDPDJB, KCXS); a layer that lacks
a default simply does not use it (``LygAlgorithm.optional_field``).
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ...core.farmland_balance import SLOPE_LEVEL_MAX
from ...translate import tr
from ..params import field_parameter, layer_parameter

POLYGON = [QgsProcessing.TypeVectorPolygon]

SUPPLEMENT = "SUPPLEMENT"
SUP_AREA_FIELD = "SUP_AREA_FIELD"
SUP_DLBM_FIELD = "SUP_DLBM_FIELD"
SUP_GRADE_FIELD = "SUP_GRADE_FIELD"
SUP_SLOPE_FIELD = "SUP_SLOPE_FIELD"
SUP_KCXS_FIELD = "SUP_KCXS_FIELD"
SUP_GROUP_FIELD = "SUP_GROUP_FIELD"
BASE_LANDUSE = "BASE_LANDUSE"
BASE_DLBM_FIELD = "BASE_DLBM_FIELD"
BASE_GRADE_FIELD = "BASE_GRADE_FIELD"
SOURCE_RULES = "SOURCE_RULES"
ECO_REDLINE = "ECO_REDLINE"
PROTECTED_AREAS = "PROTECTED_AREAS"
MAX_SLOPE_LEVEL = "MAX_SLOPE_LEVEL"
MIN_AREA = "MIN_AREA"
CAPACITY_TABLE = "CAPACITY_TABLE"
OCCUPIED = "OCCUPIED"
OCC_AREA_FIELD = "OCC_AREA_FIELD"
OCC_DLBM_FIELD = "OCC_DLBM_FIELD"
OCC_GRADE_FIELD = "OCC_GRADE_FIELD"
OCC_GROUP_FIELD = "OCC_GROUP_FIELD"
OCC_KCXS_FIELD = "OCC_KCXS_FIELD"
DEFAULT_OCC_AREA = "net_m2"  # the net area field of landuse_occupation's FARMLAND_PIECES


class PlotNames:
    """The names of the supplementary-plot parameters, as class constants of an algorithm."""

    SUPPLEMENT = SUPPLEMENT
    SUP_AREA_FIELD = SUP_AREA_FIELD
    SUP_DLBM_FIELD = SUP_DLBM_FIELD
    SUP_GRADE_FIELD = SUP_GRADE_FIELD
    SUP_SLOPE_FIELD = SUP_SLOPE_FIELD
    SUP_KCXS_FIELD = SUP_KCXS_FIELD
    SUP_GROUP_FIELD = SUP_GROUP_FIELD
    BASE_LANDUSE = BASE_LANDUSE
    BASE_DLBM_FIELD = BASE_DLBM_FIELD
    BASE_GRADE_FIELD = BASE_GRADE_FIELD
    SOURCE_RULES = SOURCE_RULES
    ECO_REDLINE = ECO_REDLINE
    PROTECTED_AREAS = PROTECTED_AREAS
    MAX_SLOPE_LEVEL = MAX_SLOPE_LEVEL
    MIN_AREA = MIN_AREA
    CAPACITY_TABLE = CAPACITY_TABLE


class OccupiedNames:
    """The names of the occupied-farmland parameters, as class constants of an algorithm."""

    OCCUPIED = OCCUPIED
    OCC_AREA_FIELD = OCC_AREA_FIELD
    OCC_DLBM_FIELD = OCC_DLBM_FIELD
    OCC_GRADE_FIELD = OCC_GRADE_FIELD
    OCC_GROUP_FIELD = OCC_GROUP_FIELD
    OCC_KCXS_FIELD = OCC_KCXS_FIELD
    CAPACITY_TABLE = CAPACITY_TABLE


def advanced(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    return parameter


def _field(alg, name, title, parent, default=None, kind=QgsProcessingParameterField.Any):
    """An optional field parameter with a literal default (QGIS 3.22 does not fill a field
    parameter's default before validating, so a call may omit it and the default applies)."""
    alg.addParameter(QgsProcessingParameterField(name, title, default, parent, kind, optional=True))


def add_supplement(alg, group: bool = True) -> None:
    """SUPPLEMENT and its fields (SUP_GROUP_FIELD only when ``group``)."""
    alg.addParameter(
        layer_parameter(SUPPLEMENT, tr("Supplementary farmland"), "supplement", POLYGON)
    )
    _field(alg, SUP_AREA_FIELD, tr("Supplementary area field (m²)"), SUPPLEMENT)
    for name, title, kind in (
        (SUP_DLBM_FIELD, tr("Supplementary land-use code field"), "dlbm"),
        (SUP_GRADE_FIELD, tr("Supplementary quality grade field"), "grade"),
        (SUP_SLOPE_FIELD, tr("Supplementary slope level field"), "slope"),
    ):
        alg.addParameter(field_parameter(name, title, SUPPLEMENT, kind))
    alg.addParameter(
        advanced(
            field_parameter(
                SUP_KCXS_FIELD,
                tr("Supplementary deduction coefficient field (KCXS)"),
                SUPPLEMENT,
                "kcxs",
            )
        )
    )
    if group:
        _field(alg, SUP_GROUP_FIELD, tr("Supplementary group field"), SUPPLEMENT)


def add_base_landuse(alg) -> None:
    """BASE_LANDUSE (optional), its fields and the source rule file."""
    alg.addParameter(
        layer_parameter(
            BASE_LANDUSE, tr("Base-year land use (DLTB)"), "base_landuse", POLYGON, optional=True
        )
    )
    alg.addParameter(
        field_parameter(BASE_DLBM_FIELD, tr("Base-year land-use code field"), BASE_LANDUSE, "dlbm")
    )
    alg.addParameter(
        field_parameter(
            BASE_GRADE_FIELD, tr("Base-year quality grade field"), BASE_LANDUSE, "grade"
        )
    )
    alg.addParameter(
        advanced(
            QgsProcessingParameterFile(
                SOURCE_RULES, tr("Source land-use rules (CSV)"), extension="csv", optional=True
            )
        )
    )


def add_plot_checks(alg) -> None:
    """ECO_REDLINE, PROTECTED_AREAS, MAX_SLOPE_LEVEL, MIN_AREA."""
    for name, title, role in (
        (ECO_REDLINE, tr("Ecological protection red line"), "eco_redline"),
        (PROTECTED_AREAS, tr("Protected areas"), "protected_areas"),
    ):
        alg.addParameter(layer_parameter(name, title, role, POLYGON, optional=True))
    integer, double = QgsProcessingParameterNumber.Integer, QgsProcessingParameterNumber.Double
    alg.addParameter(
        QgsProcessingParameterNumber(
            MAX_SLOPE_LEVEL, tr("Maximum slope level"), integer, 4, False, 1, SLOPE_LEVEL_MAX
        )
    )
    alg.addParameter(
        advanced(
            QgsProcessingParameterNumber(
                MIN_AREA, tr("Sliver tolerance (m²)"), double, 1.0, False, 0.0
            )
        )
    )


def add_capacity_table(alg) -> None:
    alg.addParameter(
        QgsProcessingParameterFile(
            CAPACITY_TABLE,
            tr("Grain capacity table (CSV)"),
            QgsProcessingParameterFile.File,
            "csv",
            None,
            True,
        )
    )


def add_occupied(alg, group: bool = True) -> None:
    """OCCUPIED and its fields (OCC_GROUP_FIELD only when ``group``)."""
    alg.addParameter(
        QgsProcessingParameterFeatureSource(OCCUPIED, tr("Occupied farmland"), POLYGON)
    )
    # any field type: areas typed as text are parsed, or refused clearly (fids named)
    _field(alg, OCC_AREA_FIELD, tr("Occupied area field (m²)"), OCCUPIED, DEFAULT_OCC_AREA)
    alg.addParameter(
        field_parameter(OCC_DLBM_FIELD, tr("Occupied land-use code field"), OCCUPIED, "dlbm")
    )
    alg.addParameter(
        field_parameter(OCC_GRADE_FIELD, tr("Occupied quality grade field"), OCCUPIED, "grade")
    )
    if group:
        _field(alg, OCC_GROUP_FIELD, tr("Occupied group field"), OCCUPIED)
    alg.addParameter(
        advanced(
            field_parameter(
                OCC_KCXS_FIELD, tr("Occupied deduction coefficient field (KCXS)"), OCCUPIED, "kcxs"
            )
        )
    )


def farmland_help() -> dict[str, str]:
    """One line per shared parameter (the algorithms add their own)."""
    return {
        SUPPLEMENT: tr("Supplementary farmland plots (补充耕地), e.g. the BCGD layer."),
        SUP_AREA_FIELD: tr(
            "Optional: gross area of the plots in m²; default the geometry area. A plot "
            "trimmed for overlap, or cut by the base layer, keeps the same share of this area "
            "as of its geometry. Non-numeric or negative values exclude the plot (bad_value)."
        ),
        SUP_DLBM_FIELD: tr(
            "Land-use code of the plots now; plots not coded as cultivated land are excluded."
        ),
        SUP_GRADE_FIELD: tr(
            "Quality grade (1–15) of the plots now; plots without a grade are excluded."
        ),
        SUP_SLOPE_FIELD: tr(
            "Slope level (GDPDJB, 1–5); plots above the maximum level are excluded. Empty "
            "values are not checked."
        ),
        SUP_KCXS_FIELD: tr(
            "Deduction coefficient for field ridges (KCXS) of the plots: every credit is net, "
            "area × (1 − KCXS). The unit is decided per layer (all values ≤ 1: fractions; "
            "any value > 1: percent). 0 when the layer has no such field; an unreadable value "
            "excludes the plot."
        ),
        SUP_GROUP_FIELD: tr(
            "Optional: group of each plot; its values must match the occupied groups."
        ),
        BASE_LANDUSE: tr(
            "Optional base-year land use (三调 / 年度变更调查 DLTB before the supplementary "
            "works, e.g. DLTB_JQ). Each plot is cut by it: only land that was not farmland "
            "counts as new quantity, 旱改水 as paddy and capacity gain, 提质改造 as capacity "
            "gain; forest, wetland, rivers, lakes and reservoirs, or land outside the layer, "
            "exclude the plot. Without it newness is not verified."
        ),
        BASE_DLBM_FIELD: tr("Land-use code (DLBM) of the base-year parcels."),
        BASE_GRADE_FIELD: tr(
            "Quality grade of the base-year parcels, needed for capacity gains of 旱改水 "
            "and 提质改造 (without it the gain is 0)."
        ),
        SOURCE_RULES: tr(
            "CSV of the base land uses that may become new farmland (code,class,name_zh,"
            "basis,judgement); default: the plugin's resources/rules/farmland_sources.csv."
        ),
        ECO_REDLINE: tr("Optional ecological protection red line; plots in it are excluded."),
        PROTECTED_AREAS: tr("Optional protected areas; plots in them are excluded."),
        MAX_SLOPE_LEVEL: tr(
            "Highest admissible slope level of a supplementary plot (default 4; level 5 is "
            "steeper than 25°)."
        ),
        MIN_AREA: tr(
            "Overlaps smaller than this (m²) are slivers and ignored: with the red line and "
            "protected areas, between plots, and refused or uncovered base land."
        ),
        CAPACITY_TABLE: tr(
            "CSV with the header grade,kg_per_mu (UTF-8 or GBK): standard grain capacity per "
            "亩 of each quality grade. Default: the bundled ILLUSTRATIVE table — replace it by "
            "the provincial one for a real verification."
        ),
        OCCUPIED: tr(
            "Occupied farmland polygons, e.g. FARMLAND_PIECES of landuse_occupation. "
            "Pieces not coded as cultivated land (01xx) are skipped with a warning."
        ),
        OCC_AREA_FIELD: tr(
            "Net occupied area in m² (default net_m2). When the layer has no such field, the "
            "geometry area × (1 − KCXS) is used. Non-numeric or negative values are refused."
        ),
        OCC_DLBM_FIELD: tr("Land-use code (DLBM) of the occupied pieces."),
        OCC_GRADE_FIELD: tr(
            "Quality grade (GDDB, 1–15, 1 best) of the occupied pieces; required on every "
            "occupied farmland piece."
        ),
        OCC_GROUP_FIELD: tr(
            "Optional: balance per value of this field (project id or county code). Give "
            "the matching supplementary field too."
        ),
        OCC_KCXS_FIELD: tr(
            "Deduction coefficient for field ridges (KCXS) used when the area comes from the "
            "geometry; unit decided per layer (fractions, or percent when any value > 1)."
        ),
    }
