"""The parameters and outputs ``ecological_network`` declares, in the dialog's order."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...paths import resource_path
from ...translate import tr
from ..params import add_count_outputs, add_report

DEFAULT_TABLE = ("rules", "resistance_default.csv")
# RESISTANCE_PRESET 0, 1: the bundled tables (陆域生态网络; 水域/水鸟生态网络 of the plan's 图3)
PRESET_TABLES = (DEFAULT_TABLE, ("rules", "resistance_water.csv"))
MIN_CELL_SIZE = 1.0
MAX_CELL_SIZE = 10000.0
MAX_DISTANCE_M = 100000.0  # widths and radii in metres
MAX_COST = 1e12  # cost-weighted metres
DEFAULT_ECO_CLASSES = "03,04,00,1102,1103,1105,1106,1108"
# sources of the water / waterbird network (RESISTANCE_PRESET 1) when ECO_CLASSES is left at
# the terrestrial default: water surfaces, tidal flats and marshes (a judgement, see
# resources/rules/resistance_water.csv)
WATER_ECO_CLASSES = "00,1101,1102,1103,1105,1106,1108,0306,0402"
PRESET_ECO_CLASSES = (DEFAULT_ECO_CLASSES, WATER_ECO_CLASSES)
DOUBLE = QgsProcessingParameterNumber.Double
INTEGER = QgsProcessingParameterNumber.Integer


def default_table() -> Path:
    return resource_path(*DEFAULT_TABLE)


def preset_names() -> list[str]:
    """The RESISTANCE_PRESET options, in order."""
    return [tr("Terrestrial ecological network"), tr("Water / waterbird ecological network")]


def resampling_names() -> list[str]:
    """The RESAMPLING options, in order (grid.RESAMPLING_METHODS gives GDAL's names)."""
    return [
        tr("Average (a cell touching a barrier stays a barrier)"),
        tr("Maximum (a cell touching a barrier stays a barrier)"),
        tr("Nearest (the value at the cell centre)"),
    ]


def preset_table(preset: int) -> Path:
    """The bundled table of RESISTANCE_PRESET (an unknown index: the default table)."""
    return resource_path(*PRESET_TABLES[preset if 0 <= preset < len(PRESET_TABLES) else 0])


def advanced(parameter):
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    return parameter


def number(name, title, kind, default, minimum, maximum=None):
    if maximum is None:
        return QgsProcessingParameterNumber(name, title, kind, default, minValue=minimum)
    return QgsProcessingParameterNumber(
        name, title, kind, default, minValue=minimum, maxValue=maximum
    )


def input_parameters(alg) -> list:
    """Resistance, land use, grid, sources and their options."""
    polygons = [QgsProcessing.TypeVectorPolygon]
    return [
        QgsProcessingParameterRasterLayer(alg.RESISTANCE, tr("Resistance raster"), optional=True),
        QgsProcessingParameterFeatureSource(
            alg.LANDUSE, tr("Land-use polygons"), polygons, optional=True
        ),
        QgsProcessingParameterField(
            alg.DLBM_FIELD, tr("Land-use code field"), "DLBM", alg.LANDUSE, optional=True
        ),
        QgsProcessingParameterEnum(
            alg.RESISTANCE_PRESET,
            tr("Resistance preset"),
            preset_names(),
            defaultValue=0,
        ),
        QgsProcessingParameterFile(
            alg.RESISTANCE_TABLE,
            tr("Resistance table (overrides the preset)"),
            extension="csv",
            optional=True,
        ),
        number(alg.CELL_SIZE, tr("Cell size (m, 0 = automatic)"), DOUBLE, 0.0, 0.0, MAX_CELL_SIZE),
        advanced(
            QgsProcessingParameterEnum(
                alg.RESAMPLING,
                tr("Resampling of the resistance raster"),
                resampling_names(),
                defaultValue=0,
            )
        ),
        QgsProcessingParameterExtent(alg.EXTENT, tr("Analysis extent"), optional=True),
        QgsProcessingParameterFeatureSource(
            alg.BOUNDARY, tr("Study-area boundary"), polygons, optional=True
        ),
        QgsProcessingParameterFeatureSource(
            alg.SOURCES, tr("Ecological sources"), polygons, optional=True
        ),
        QgsProcessingParameterField(
            alg.SOURCE_ID_FIELD, tr("Source id field"), None, alg.SOURCES, optional=True
        ),
        QgsProcessingParameterString(
            alg.ECO_CLASSES, tr("Ecological land-use classes"), DEFAULT_ECO_CLASSES, optional=True
        ),
        number(alg.SOURCE_MIN_AREA, tr("Minimum source area (ha)"), DOUBLE, 100.0, 0.0, 1e6),
        number(alg.EDGE_WIDTH, tr("MSPA edge width (m)"), DOUBLE, 0.0, 0.0, 10000.0),
    ]


def network_parameters(alg) -> list:
    """Neighbourhood, links, corridors, indices, nodes and circuits."""
    return [
        advanced(
            QgsProcessingParameterEnum(
                alg.NEIGHBOURS,
                tr("Neighbourhood"),
                [tr("8 neighbours"), tr("4 neighbours")],
                defaultValue=0,
            )
        ),
        number(alg.MAX_LINK_COST, tr("Maximum link cost (0 = none)"), DOUBLE, 0.0, 0.0, MAX_COST),
        number(alg.K_NEAREST, tr("Also link the K nearest sources"), INTEGER, 0, 0, 100),
        QgsProcessingParameterBoolean(
            alg.DROP_THROUGH_SOURCES, tr("Drop links passing through a third source"), True
        ),
        number(
            alg.CORRIDOR_WIDTH,
            tr("Corridor width (cost-weighted m)"),
            DOUBLE,
            10000.0,
            0.0,
            MAX_COST,
        ),
        number(
            alg.DIST_THRESHOLD,
            tr("Distance threshold for IIC/PC (0 = median link cost)"),
            DOUBLE,
            0.0,
            0.0,
            MAX_COST,
        ),
        number(
            alg.PROBABILITY,
            tr("Probability at the distance threshold"),
            DOUBLE,
            0.5,
            0.001,
            0.999,
        ),
        number(
            alg.BARRIER_RADIUS,
            tr("Barrier / pinch-point radius (m)"),
            DOUBLE,
            300.0,
            0.0,
            MAX_DISTANCE_M,
        ),
        advanced(
            QgsProcessingParameterBoolean(alg.COMPUTE_CURRENT, tr("Compute circuit current"), True)
        ),
    ]


def destination_parameters(alg) -> list:
    """The vector sinks and the rasters written: only LINKS is required, the others are
    optional and created by default in Desktop (``qgis_process`` may name only LINKS)."""
    polygon, line = QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorLine
    point = QgsProcessing.TypeVectorPoint
    sink = QgsProcessingParameterFeatureSink
    raster = QgsProcessingParameterRasterDestination
    return [
        sink(alg.SOURCES_OUT, tr("Ecological sources (network)"), polygon, None, True, True),
        sink(alg.LINKS, tr("Links (least-cost paths)"), line),
        sink(alg.CORRIDORS, tr("Corridors"), polygon, None, True, True),
        sink(alg.NODES, tr("Nodes (pinch points, barriers, junctions)"), point, None, True, True),
        raster(alg.RESISTANCE_OUT, tr("Resistance raster (used)"), None, True, True),
        raster(alg.COST_DISTANCE, tr("Cost distance to the nearest source"), None, True, True),
        raster(alg.CURRENT, tr("Current density"), None, True, True),
    ]


def declare_parameters(alg) -> None:
    """Everything ``initAlgorithm`` adds: parameters, report, number outputs, their help."""
    for parameter in input_parameters(alg) + network_parameters(alg) + destination_parameters(alg):
        alg.addParameter(parameter)
    add_report(alg, alg.REPORT, tr("Report"))
    add_count_outputs(
        alg,
        [
            (alg.N_SOURCES, tr("Number of sources")),
            (alg.N_LINKS, tr("Number of links")),
            (alg.IIC, tr("IIC")),
            (alg.PC, tr("PC")),
            (alg.ALPHA, tr("α (closure)")),
            (alg.BETA, tr("β (links/nodes)")),
            (alg.GAMMA, tr("γ (connectivity)")),
        ],
    )
    alg.add_help_to_parameters()
