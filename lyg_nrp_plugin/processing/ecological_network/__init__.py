"""``lyg_nrp:ecological_network`` — 源地-廊道-节点 ecological network (专栏5).

Rasterises a resistance surface (from a land-use layer and a resistance table, or a given
resistance raster), finds ecological sources (given polygons, or patches of ecological land
with an optional MSPA core), and runs the MCR / Linkage-Mapper / circuit-theory chain of
:mod:`lyg_nrp_plugin.core.network`: cost distance, links and least-cost paths, NLCC
corridors, current density, pinch points, barriers, junctions and IIC / PC / dPC, α β γ.

``inputs`` reads the parameters, ``grid`` prepares the grid and the resistance surface,
``sources`` finds the sources, ``run`` builds the output records, ``outputs`` writes them
and ``report`` the HTML report.
"""

from __future__ import annotations

from qgis.core import QgsProcessingContext

from ...core.network.pipeline import run_pipeline
from ...core.progress import Progress
from ...translate import tr
from ..base import GROUP_ECOLOGY, LygAlgorithm
from .inputs import read_inputs
from .outputs import publish, write_outputs
from .parameters import declare_parameters
from .report import write_report
from .run import network_run
from .sources import find_sources
from .surface import prepare_surface


class EcologicalNetworkAlgorithm(LygAlgorithm):
    ALG_ID = "ecological_network"
    GROUP_ID = GROUP_ECOLOGY
    ICON = "ecology.svg"

    RESISTANCE = "RESISTANCE"
    LANDUSE = "LANDUSE"
    DLBM_FIELD = "DLBM_FIELD"
    RESISTANCE_PRESET = "RESISTANCE_PRESET"
    RESISTANCE_TABLE = "RESISTANCE_TABLE"
    CELL_SIZE = "CELL_SIZE"
    RESAMPLING = "RESAMPLING"
    EXTENT = "EXTENT"
    BOUNDARY = "BOUNDARY"
    SOURCES = "SOURCES"
    SOURCE_ID_FIELD = "SOURCE_ID_FIELD"
    ECO_CLASSES = "ECO_CLASSES"
    SOURCE_MIN_AREA = "SOURCE_MIN_AREA"
    EDGE_WIDTH = "EDGE_WIDTH"
    NEIGHBOURS = "NEIGHBOURS"
    MAX_LINK_COST = "MAX_LINK_COST"
    K_NEAREST = "K_NEAREST"
    DROP_THROUGH_SOURCES = "DROP_THROUGH_SOURCES"
    CORRIDOR_WIDTH = "CORRIDOR_WIDTH"
    DIST_THRESHOLD = "DIST_THRESHOLD"
    PROBABILITY = "PROBABILITY"
    BARRIER_RADIUS = "BARRIER_RADIUS"
    COMPUTE_CURRENT = "COMPUTE_CURRENT"
    SOURCES_OUT = "SOURCES_OUT"
    LINKS = "LINKS"
    CORRIDORS = "CORRIDORS"
    NODES = "NODES"
    RESISTANCE_OUT = "RESISTANCE_OUT"
    COST_DISTANCE = "COST_DISTANCE"
    CURRENT = "CURRENT"
    REPORT = "REPORT"
    N_SOURCES = "N_SOURCES"
    N_LINKS = "N_LINKS"
    IIC = "IIC"
    PC = "PC"
    ALPHA = "ALPHA"
    BETA = "BETA"
    GAMMA = "GAMMA"

    def displayName(self) -> str:  # noqa: N802
        return tr("Ecological network (sources, corridors, nodes)")

    def summary(self) -> str:
        return tr(
            "Builds the source–corridor–node ecological network of the plan (专栏5) with the "
            "MCR / Linkage Mapper / circuit-theory chain: a resistance surface from land use and "
            "a resistance table (or a resistance raster), ecological sources (given polygons or "
            "large patches of ecological land, optionally their MSPA core), cost distance, links "
            "between sources whose cost-allocation zones touch, least-cost paths, normalised "
            "least-cost corridors, current density per corridor, pinch points, barriers, "
            "junctions, and the IIC, PC, dPC and α/β/γ connectivity indices."
        )

    def parameter_help(self) -> dict[str, str]:
        return {
            self.RESISTANCE: tr(
                "Resistance raster (optional; used instead of the land-use "
                "table). Values ≤ 0 and nodata are barriers. The analysis grid "
                "is the raster's own (origin and cell size, cropped to the study "
                "area) unless CELL_SIZE asks for another; a raster in a "
                "geographic CRS is reprojected to EPSG:4549 (resampled)."
            ),
            self.LANDUSE: tr(
                "Land-use polygons (e.g. DLTB) to rasterise with the resistance "
                "table, and to derive sources from when SOURCES is not given."
            ),
            self.DLBM_FIELD: tr("Land-use code field (default DLBM)."),
            self.RESISTANCE_PRESET: tr(
                "Bundled resistance table used when RESISTANCE_TABLE is empty: "
                "0 terrestrial network (resistance_default.csv), 1 water / waterbird "
                "network of the plan's 图3 (resistance_water.csv)."
            ),
            self.RESISTANCE_TABLE: tr(
                "CSV code,name_zh,resistance[,basis] (code or first-level prefix; "
                "the longest prefix wins; empty or ≤ 0 = barrier; UTF-8 or GBK). "
                "Overrides RESISTANCE_PRESET. Integer codes are read with their "
                "lost zero (101 = 0101)."
            ),
            self.CELL_SIZE: tr(
                "Cell size in metres of the analysis grid; 0 = automatic: the "
                "resistance raster's own grid, or for land use the smallest round "
                "size keeping at most 1,000,000 cells. Another size resamples a "
                "raster (see RESAMPLING)."
            ),
            self.RESAMPLING: tr(
                "How a resistance raster is resampled when CELL_SIZE differs from "
                "its own or it must be reprojected: 0 average or 1 maximum of the "
                "passable cells (a cell touching a barrier stays a barrier), "
                "2 nearest (the value at the cell centre)."
            ),
            self.EXTENT: tr("Analysis extent (default: the land-use layer or the raster)."),
            self.BOUNDARY: tr("Study-area polygons: cells outside are excluded."),
            self.SOURCES: tr(
                "Ecological source polygons (optional; otherwise derived from land use)."
            ),
            self.SOURCE_ID_FIELD: tr("Field with the source id (default: feature order)."),
            self.ECO_CLASSES: tr(
                "Comma-separated land-use codes or prefixes counted as "
                "ecological land when deriving sources. Left at this default with "
                "RESISTANCE_PRESET 1, the water / waterbird network takes "
                "00,1101,1102,1103,1105,1106,1108,0306,0402 (water, tidal flats, "
                "marshes)."
            ),
            self.SOURCE_MIN_AREA: tr("Minimum area of a derived source patch, in hectares."),
            self.EDGE_WIDTH: tr(
                "MSPA edge width in metres: when > 0 only the core (habitat "
                "farther than this from non-habitat) forms sources."
            ),
            self.NEIGHBOURS: tr("Grid neighbourhood for cost distance and circuits."),
            self.MAX_LINK_COST: tr(
                "Links with a least-cost distance above this "
                "(cost-weighted metres) are dropped; 0 = no limit."
            ),
            self.K_NEAREST: tr(
                "Also link each source to its K nearest sources by cost "
                "(0 = only sources whose cost-allocation zones touch)."
            ),
            self.DROP_THROUGH_SOURCES: tr(
                "Drop a link whose least-cost path passes through a third source."
            ),
            self.CORRIDOR_WIDTH: tr(
                "Corridor width in cost-weighted metres: cells whose "
                "normalised least-cost corridor value CWD_A + CWD_B − LCD "
                "is at most this form the corridor."
            ),
            self.DIST_THRESHOLD: tr(
                "Dispersal distance (cost-weighted metres) for IIC and PC: "
                "links up to it connect (IIC) and have probability "
                "PROBABILITY at it (PC); 0 = the median link cost."
            ),
            self.PROBABILITY: tr("Dispersal probability at the distance threshold (PC)."),
            self.BARRIER_RADIUS: tr(
                "Radius in metres of the restored window for barrier "
                "detection and of the pinch-point neighbourhood."
            ),
            self.COMPUTE_CURRENT: tr(
                "Solve the circuit of each corridor (current, effective resistance, pinch points)."
            ),
            self.SOURCES_OUT: tr("Sources with area, dPC (% loss of PC when removed) and rank."),
            self.LINKS: tr(
                "Least-cost paths between linked sources with lcd, length, "
                "edge-to-edge distance, cost-to-Euclidean ratio and effective "
                "resistance."
            ),
            self.CORRIDORS: tr("Corridor polygons (NLCC ≤ corridor width), one per link."),
            self.NODES: tr("Pinch points, barriers and junctions with score and link ids."),
            self.RESISTANCE_OUT: tr("The resistance raster used (optional)."),
            self.COST_DISTANCE: tr("Cost distance to the nearest source (optional)."),
            self.CURRENT: tr("Current density summed over the link corridors (optional)."),
            self.REPORT: tr("HTML report with a map and the tables (optional)."),
            self.N_SOURCES: tr("Number of sources."),
            self.N_LINKS: tr("Number of links."),
            self.IIC: tr("Integral index of connectivity."),
            self.PC: tr("Probability of connectivity."),
            self.ALPHA: tr("Network closure α."),
            self.BETA: tr("Links per node β."),
            self.GAMMA: tr("Network connectivity γ."),
        }

    def initAlgorithm(self, configuration=None):  # noqa: N802
        declare_parameters(self)

    def process(self, parameters: dict, context: QgsProcessingContext, feedback) -> dict:
        progress = Progress(feedback)
        inputs = read_inputs(self, parameters, context, feedback)
        progress.check()
        surface = prepare_surface(inputs, context, feedback, progress)
        sources = find_sources(inputs, surface, feedback)
        progress.set(0.22)
        result = run_pipeline(
            surface.resistance,
            sources.labels,
            sources.areas,
            surface.landscape_area,
            inputs.params,
            progress.sub(0.22, 0.85),
        )
        run = network_run(inputs, surface, sources, result, progress)
        outputs = write_outputs(self, parameters, context, feedback, run)
        progress.set(0.98)
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            write_report(report_path, run)
            outputs[self.REPORT] = report_path
        feedback.setProgress(100)
        publish(self, run, outputs, report_path)
        return outputs
