"""The parameters of ``lyg_nrp:indicator_assessment`` (:func:`declare`): optional layers that
Desktop dialogs pre-select by the names planners' data uses (``params.layer_parameter``,
roles of ``layer_roles``), their fields defaulting to the national names (``field_parameter``),
and the options."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.indicators.classify import MARICULTURE_ZONE_WORDS
from ...translate import tr
from ..params import (
    add_analysis_crs,
    add_count_outputs,
    add_report,
    field_parameter,
    layer_parameter,
)
from ..pushdown import add_execution

POLYGONS = [QgsProcessing.TypeVectorPolygon]
ANY_VECTOR = [QgsProcessing.TypeVector]
OUTPUT_UNITS = ("t", "万吨", "亿吨")  # the options of MINE_OUTPUT_UNIT
WATER_UNITS = ("m3", "万m3")  # the options of MINE_WATER_UNIT
MINE_TYPE_DEFAULT = "KCKZ"  # 开采矿种 of the mining-right database
OCCUPATION_FOREST_DEFAULT = "forest_m2"  # the SUMMARY field of lyg_nrp:landuse_occupation


def _field(alg, name: str, title: str, parent: str, default: str | None) -> None:
    """A field without a national naming convention in ``layer_roles``."""
    alg.addParameter(QgsProcessingParameterField(name, title, default, parent, optional=True))


def _advanced(alg, parameter) -> None:
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    alg.addParameter(parameter)


def _layers(alg) -> None:
    a = alg.addParameter
    a(layer_parameter(alg.LANDUSE, tr("Land-use parcels (DLTB)"), "landuse", POLYGONS, True))
    a(field_parameter(alg.DLBM_FIELD, tr("Land-use code field"), alg.LANDUSE, "dlbm"))
    a(field_parameter(alg.AREA_FIELD, tr("Parcel area field (m²)"), alg.LANDUSE, "area"))
    a(layer_parameter(alg.BOUNDARY, tr("Land boundary"), "boundary", POLYGONS, True))
    a(layer_parameter(alg.SEA_AREA, tr("Jurisdictional sea area"), "sea_area", POLYGONS, True))
    _field(alg, alg.SEA_ZONE_FIELD, tr("Sea function-zone type field"), alg.SEA_AREA, "GNQLX")
    zones = QgsProcessingParameterString(
        alg.MARICULTURE_ZONES,
        tr("Mariculture zone types"),
        ",".join(MARICULTURE_ZONE_WORDS),
        optional=True,
    )
    _advanced(alg, zones)
    a(
        layer_parameter(
            alg.ECO_REDLINE, tr("Ecological protection red line"), "eco_redline", POLYGONS, True
        )
    )
    a(
        layer_parameter(
            alg.ECO_SPACE, tr("Ecological space control areas"), "eco_space", POLYGONS, True
        )
    )
    a(layer_parameter(alg.FARMLAND, tr("Permanent basic farmland"), "farmland", POLYGONS, True))
    a(
        field_parameter(
            alg.FARMLAND_AREA_FIELD,
            tr("Permanent farmland area field (m²)"),
            alg.FARMLAND,
            "farmland_area",
        )
    )
    a(
        layer_parameter(
            alg.PROTECTED_AREAS, tr("Protected areas"), "protected_areas", POLYGONS, True
        )
    )
    a(
        field_parameter(
            alg.PA_TYPE_FIELD, tr("Protected-area type field"), alg.PROTECTED_AREAS, "pa_type"
        )
    )
    a(
        layer_parameter(
            alg.MARINE_REDLINE, tr("Marine ecological red line"), "marine_redline", POLYGONS, True
        )
    )
    lines = [QgsProcessing.TypeVectorLine]
    a(layer_parameter(alg.COASTLINE, tr("Coastline"), "coastline", lines, True))
    a(
        field_parameter(
            alg.COAST_TYPE_FIELD, tr("Coastline type field"), alg.COASTLINE, "coast_type"
        )
    )
    _field(alg, alg.COAST_CLASS_FIELD, tr("Coastline class field"), alg.COASTLINE, "AXLB")
    a(
        layer_parameter(
            alg.COASTAL_WETLAND,
            tr("Coastal and near-shore wetland"),
            "coastal_wetland",
            POLYGONS,
            True,
        )
    )
    a(
        layer_parameter(
            alg.MARICULTURE, tr("Mariculture functional zones"), "mariculture", POLYGONS, True
        )
    )


def _mines_and_occupation(alg) -> None:
    a = alg.addParameter
    a(layer_parameter(alg.MINES, tr("Mines"), "mines", ANY_VECTOR, True))
    _field(alg, alg.MINE_TYPE_FIELD, tr("Mine type field"), alg.MINES, MINE_TYPE_DEFAULT)
    _field(alg, alg.MINE_SCALE_FIELD, tr("Mine scale field"), alg.MINES, None)
    _field(alg, alg.MINE_OUTPUT_FIELD, tr("Mine annual output field"), alg.MINES, None)
    a(
        QgsProcessingParameterEnum(
            alg.MINE_OUTPUT_UNIT,
            tr("Mine output unit"),
            [tr("tonnes per year"), tr("10⁴ tonnes per year"), tr("10⁸ tonnes per year")],
            defaultValue=1,
        )
    )
    a(
        QgsProcessingParameterEnum(
            alg.MINE_WATER_UNIT,
            tr("Geothermal / mineral water output unit"),
            [tr("m³ per year"), tr("10⁴ m³ per year")],
            defaultValue=1,
        )
    )
    a(
        QgsProcessingParameterFeatureSource(
            alg.OCCUPATION,
            tr("Occupation summary of the year's projects"),
            ANY_VECTOR,
            optional=True,
        )
    )
    _field(
        alg,
        alg.OCCUPATION_FOREST_FIELD,
        tr("Occupied forest land field (m²)"),
        alg.OCCUPATION,
        OCCUPATION_FOREST_DEFAULT,
    )


def _options(alg) -> None:
    a = alg.addParameter
    a(
        QgsProcessingParameterFile(
            alg.TARGETS,
            tr("Targets and manual values (JSON/CSV)"),
            QgsProcessingParameterFile.File,
            "",
            None,
            optional=True,
            fileFilter=tr("Targets files (*.json *.csv)"),
        )
    )
    a(
        QgsProcessingParameterEnum(
            alg.WETLAND_DEFINITION,
            tr("Wetland definition"),
            [
                tr("3rd land survey wetland class"),
                tr("Wetland resource survey (the plan's definition)"),
            ],
            defaultValue=0,
        )
    )
    a(
        QgsProcessingParameterBoolean(
            alg.WETLAND_INCLUDES_SALTPANS, tr("Count salt pans (0603) as wetland"), False
        )
    )
    a(
        QgsProcessingParameterNumber(
            alg.YEAR,
            tr("Year assessed"),
            QgsProcessingParameterNumber.Integer,
            2025,
            minValue=2000,
            maxValue=2100,
        )
    )
    add_analysis_crs(alg, alg.ANALYSIS_CRS, advanced=True)
    add_execution(alg)


def _outputs(alg) -> None:
    alg.addParameter(
        QgsProcessingParameterFeatureSink(
            alg.OUTPUT, tr("Indicator results"), QgsProcessing.TypeVector
        )
    )
    alg.addParameter(
        QgsProcessingParameterFileDestination(
            alg.JSON,
            tr("Indicator results (JSON)"),
            tr("JSON files (*.json)"),
            optional=True,
            createByDefault=False,
        )
    )
    add_report(alg, alg.REPORT, tr("Indicator report"), create_by_default=True)
    add_count_outputs(
        alg,
        [
            (alg.N_MET, tr("Indicators met")),
            (alg.N_NOT_MET, tr("Indicators not met")),
            (alg.N_NOT_COMPARABLE, tr("Indicators under another definition")),
        ],
    )


def declare(alg) -> None:
    """Every parameter and output of the algorithm, in dialog order."""
    _layers(alg)
    _mines_and_occupation(alg)
    _options(alg)
    _outputs(alg)
