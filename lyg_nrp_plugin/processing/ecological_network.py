"""``lyg_nrp:ecological_network`` — 源地-廊道-节点 ecological network (专栏5).

Rasterises a resistance surface (from a land-use layer and a resistance table, or a given
resistance raster), finds ecological sources (given polygons, or patches of ecological land
with an optional MSPA core), and runs the MCR / Linkage-Mapper / circuit-theory chain of
:mod:`lyg_nrp_plugin.core.network`: cost distance, links and least-cost paths, NLCC
corridors, current density, pinch points, barriers, junctions and IIC / PC / dPC, α β γ.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import results_bus
from ..core.network.pipeline import NetworkParams, PipelineResult, run_pipeline
from ..core.network.sources import derive_sources
from ..core.network.table import TableError, load_table, lookup, matches_any
from ..core.progress import Canceled, Progress
from ..core.units import format_area_en, format_area_zh, ha_to_m2
from ..paths import resource_path
from ..translate import is_chinese, tr
from .base import GROUP_ECOLOGY, LygAlgorithm
from .crs import analysis_crs
from .io.layers import layer_label, require_fields, require_geometry
from .io.raster import Grid, grid_for, polygonize, rasterize, warp_to_grid, write_geotiff
from .io.read import read_source
from .io.write import write_features
from .report.html import HtmlReport
from .report.maps import memory_layer, render_map_png

DEFAULT_TABLE = ("rules", "resistance_default.csv")
DEFAULT_ECO_CLASSES = "03,04,00,1102,1103,1105,1106,1108"
NODE_TYPES_ZH = {"pinch": "夹点", "barrier": "障碍点", "junction": "踏脚石/交汇点"}
MAX_CELLS = 60_000_000


def default_table() -> Path:
    return resource_path(*DEFAULT_TABLE)


class EcologicalNetworkAlgorithm(LygAlgorithm):
    ALG_ID = "ecological_network"
    GROUP_ID = GROUP_ECOLOGY
    ICON = "ecology.svg"

    RESISTANCE = "RESISTANCE"
    LANDUSE = "LANDUSE"
    DLBM_FIELD = "DLBM_FIELD"
    RESISTANCE_TABLE = "RESISTANCE_TABLE"
    CELL_SIZE = "CELL_SIZE"
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
                "table). Values ≤ 0 and nodata are barriers. A raster in a "
                "geographic CRS is reprojected to EPSG:4549."
            ),
            self.LANDUSE: tr(
                "Land-use polygons (e.g. DLTB) to rasterise with the resistance "
                "table, and to derive sources from when SOURCES is not given."
            ),
            self.DLBM_FIELD: tr("Land-use code field (default DLBM)."),
            self.RESISTANCE_TABLE: tr(
                "CSV code,name_zh,resistance (code or first-level prefix; "
                "the longest prefix wins; empty or ≤ 0 = barrier). Default: "
                "the documented table shipped with the plugin."
            ),
            self.CELL_SIZE: tr("Cell size in metres of the analysis grid."),
            self.EXTENT: tr("Analysis extent (default: the land-use layer or the raster)."),
            self.BOUNDARY: tr("Study-area polygons: cells outside are excluded."),
            self.SOURCES: tr(
                "Ecological source polygons (optional; otherwise derived from land use)."
            ),
            self.SOURCE_ID_FIELD: tr("Field with the source id (default: feature order)."),
            self.ECO_CLASSES: tr(
                "Comma-separated land-use codes or prefixes counted as "
                "ecological land when deriving sources."
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
            self.RESISTANCE_OUT: tr("The resistance raster used."),
            self.COST_DISTANCE: tr("Cost distance to the nearest source."),
            self.CURRENT: tr("Current density summed over the link corridors."),
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
        advanced = QgsProcessingParameterDefinition.FlagAdvanced
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.RESISTANCE, tr("Resistance raster"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LANDUSE, tr("Land-use polygons"), polygons, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.DLBM_FIELD, tr("Land-use code field"), "DLBM", self.LANDUSE, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.RESISTANCE_TABLE,
                tr("Resistance table"),
                extension="csv",
                defaultValue=str(default_table()),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CELL_SIZE,
                tr("Cell size (m)"),
                QgsProcessingParameterNumber.Double,
                30.0,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent(self.EXTENT, tr("Analysis extent"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BOUNDARY, tr("Study-area boundary"), polygons, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SOURCES, tr("Ecological sources"), polygons, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SOURCE_ID_FIELD, tr("Source id field"), None, self.SOURCES, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ECO_CLASSES,
                tr("Ecological land-use classes"),
                DEFAULT_ECO_CLASSES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SOURCE_MIN_AREA,
                tr("Minimum source area (ha)"),
                QgsProcessingParameterNumber.Double,
                100.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.EDGE_WIDTH,
                tr("MSPA edge width (m)"),
                QgsProcessingParameterNumber.Double,
                0.0,
                minValue=0.0,
            )
        )
        param = QgsProcessingParameterEnum(
            self.NEIGHBOURS,
            tr("Neighbourhood"),
            [tr("8 neighbours"), tr("4 neighbours")],
            defaultValue=0,
        )
        param.setFlags(param.flags() | advanced)
        self.addParameter(param)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_LINK_COST,
                tr("Maximum link cost (0 = none)"),
                QgsProcessingParameterNumber.Double,
                0.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.K_NEAREST,
                tr("Also link the K nearest sources"),
                QgsProcessingParameterNumber.Integer,
                0,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.DROP_THROUGH_SOURCES, tr("Drop links passing through a third source"), True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CORRIDOR_WIDTH,
                tr("Corridor width (cost-weighted m)"),
                QgsProcessingParameterNumber.Double,
                10000.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DIST_THRESHOLD,
                tr("Distance threshold for IIC/PC (0 = median link cost)"),
                QgsProcessingParameterNumber.Double,
                0.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.PROBABILITY,
                tr("Probability at the distance threshold"),
                QgsProcessingParameterNumber.Double,
                0.5,
                minValue=0.001,
                maxValue=0.999,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BARRIER_RADIUS,
                tr("Barrier / pinch-point radius (m)"),
                QgsProcessingParameterNumber.Double,
                300.0,
                minValue=0.0,
            )
        )
        param = QgsProcessingParameterBoolean(
            self.COMPUTE_CURRENT, tr("Compute circuit current"), True
        )
        param.setFlags(param.flags() | advanced)
        self.addParameter(param)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SOURCES_OUT,
                tr("Ecological sources (network)"),
                QgsProcessing.TypeVectorPolygon,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.LINKS, tr("Links (least-cost paths)"), QgsProcessing.TypeVectorLine
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.CORRIDORS, tr("Corridors"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.NODES,
                tr("Nodes (pinch points, barriers, junctions)"),
                QgsProcessing.TypeVectorPoint,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.RESISTANCE_OUT, tr("Resistance raster (used)")
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.COST_DISTANCE, tr("Cost distance to the nearest source")
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(self.CURRENT, tr("Current density"))
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT,
                tr("Report"),
                tr("HTML files (*.html)"),
                optional=True,
                createByDefault=False,
            )
        )
        for name, title in (
            (self.N_SOURCES, tr("Number of sources")),
            (self.N_LINKS, tr("Number of links")),
            (self.IIC, tr("IIC")),
            (self.PC, tr("PC")),
            (self.ALPHA, tr("α (closure)")),
            (self.BETA, tr("β (links/nodes)")),
            (self.GAMMA, tr("γ (connectivity)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, title))
        self.add_help_to_parameters()

    # --- inputs --------------------------------------------------------------------------------
    def _analysis_crs(self, landuse, raster, feedback) -> QgsCoordinateReferenceSystem:
        if raster is not None:
            return analysis_crs(None, [raster.crs()], feedback, tr("The resistance raster"))
        return analysis_crs(None, [landuse.sourceCrs() if landuse is not None else None])

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):  # noqa: N802
        self.check_dependencies()
        progress = Progress(feedback)
        raster = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)
        landuse = self.parameterAsSource(parameters, self.LANDUSE, context)
        sources_src = self.parameterAsSource(parameters, self.SOURCES, context)
        boundary_src = self.parameterAsSource(parameters, self.BOUNDARY, context)
        if raster is None and landuse is None:
            raise QgsProcessingException(
                tr(
                    "Give a resistance raster (RESISTANCE) or land-use polygons (LANDUSE) with a "
                    "resistance table."
                )
            )
        if sources_src is None and landuse is None:
            raise QgsProcessingException(
                tr(
                    "Give ecological source polygons (SOURCES) or land-use polygons (LANDUSE) to "
                    "derive them from."
                )
            )
        lu_label = layer_label(landuse, tr("Land-use polygons"))
        src_label = layer_label(sources_src, tr("Ecological sources"))
        polygon = QgsWkbTypes.PolygonGeometry
        for src, label in (
            (landuse, lu_label),
            (sources_src, src_label),
            (boundary_src, layer_label(boundary_src, tr("Study-area boundary"))),
        ):
            if src is not None:
                require_geometry(src, polygon, label)
        dlbm = self.parameterAsString(parameters, self.DLBM_FIELD, context) or "DLBM"
        if landuse is not None:
            require_fields(landuse, [dlbm], lu_label)
        id_field = self.parameterAsString(parameters, self.SOURCE_ID_FIELD, context) or ""
        if sources_src is not None and id_field:
            require_fields(sources_src, [id_field], src_label)
        cell = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        table_path = self.parameterAsFile(parameters, self.RESISTANCE_TABLE, context) or str(
            default_table()
        )
        eco_classes = [
            c.strip()
            for c in (
                self.parameterAsString(parameters, self.ECO_CLASSES, context) or DEFAULT_ECO_CLASSES
            ).split(",")
            if c.strip()
        ]
        params = NetworkParams(
            cell_size=cell,
            connectivity=8
            if self.parameterAsEnum(parameters, self.NEIGHBOURS, context) == 0
            else 4,
            max_link_cost=self.parameterAsDouble(parameters, self.MAX_LINK_COST, context) or None,
            k_nearest=self.parameterAsInt(parameters, self.K_NEAREST, context),
            drop_through_sources=self.parameterAsBool(
                parameters, self.DROP_THROUGH_SOURCES, context
            ),
            corridor_width=self.parameterAsDouble(parameters, self.CORRIDOR_WIDTH, context),
            dist_threshold=self.parameterAsDouble(parameters, self.DIST_THRESHOLD, context) or None,
            probability=self.parameterAsDouble(parameters, self.PROBABILITY, context),
            barrier_radius_m=self.parameterAsDouble(parameters, self.BARRIER_RADIUS, context),
            circuit=self.parameterAsBool(parameters, self.COMPUTE_CURRENT, context),
        )
        crs = self._analysis_crs(landuse, raster, feedback)
        crs_wkt = crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL)

        # --- vectors ------------------------------------------------------------------------
        lu = None
        if landuse is not None:
            lu = read_source(landuse, lu_label, crs, context, feedback, [dlbm], 2, (0, 8))
        boundary_geom = None
        if boundary_src is not None:
            b = read_source(
                boundary_src,
                layer_label(boundary_src, tr("Study-area boundary")),
                crs,
                context,
                feedback,
                [],
                2,
                (8, 10),
            )
            boundary_geom = shapely.union_all(b.geoms[~shapely.is_empty(b.geoms)])
        src_tab = None
        if sources_src is not None:
            src_tab = read_source(
                sources_src,
                src_label,
                crs,
                context,
                feedback,
                [id_field] if id_field else [],
                2,
                (10, 12),
            )
        progress.check()

        # --- the grid -----------------------------------------------------------------------
        extent = None
        if parameters.get(self.EXTENT) not in (None, ""):
            rect = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
            if not rect.isNull() and not rect.isEmpty():
                extent = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        if extent is None and boundary_geom is not None and not boundary_geom.is_empty:
            extent = tuple(boundary_geom.bounds)
        if extent is None and lu is not None and len(lu):
            extent = tuple(shapely.total_bounds(lu.geoms))
        if extent is None and raster is not None:
            extent = self._raster_extent(raster, crs, context)
        if extent is None or not all(map(math.isfinite, extent)):
            raise QgsProcessingException(tr("The analysis extent is empty."))
        grid = grid_for(extent, cell, crs_wkt)
        if grid.rows * grid.cols > MAX_CELLS:
            raise QgsProcessingException(
                tr(
                    "The grid would have {n:,} cells ({rows} × {cols}); use a larger "
                    "cell size or a "
                    "smaller extent (at most {max:,} cells)."
                ).format(n=grid.rows * grid.cols, rows=grid.rows, cols=grid.cols, max=MAX_CELLS)
            )
        feedback.pushInfo(
            tr("Analysis grid: {rows} × {cols} cells of {cell} m in {crs}.").format(
                rows=grid.rows, cols=grid.cols, cell=cell, crs=crs.authid()
            )
        )

        # --- resistance ----------------------------------------------------------------------
        eco_mask = None
        if lu is not None:
            codes = lu.column(dlbm)
            keep = ~shapely.is_empty(lu.geoms)
            if raster is None:
                try:
                    table = load_table(table_path)
                except (OSError, TableError) as exc:
                    raise QgsProcessingException(
                        tr("Resistance table {path}: {error}").format(path=table_path, error=exc)
                    ) from exc
                values = np.array([lookup(c, table) for c in codes], dtype=object)
                missing = sorted(
                    {str(c) for c, v, k in zip(codes, values, keep) if k and v is None}
                )
                if missing:
                    raise QgsProcessingException(
                        tr(
                            "The resistance table {path} has no value for the land-use code(s) "
                            "{codes} found in field “{field}” of {layer}. Add them (or their "
                            "first-level prefix) to the table."
                        ).format(
                            path=table_path,
                            codes=", ".join(missing[:20]),
                            field=dlbm,
                            layer=lu_label,
                        )
                    )
            feedback.pushInfo(tr("Rasterising {n} land-use polygons…").format(n=int(keep.sum())))
            if raster is None:
                res_values = np.array([np.nan if v is None else v for v in values], float)
                # barrier classes burn as -1 (kept apart from "no land-use polygon")
                resistance = rasterize(
                    lu.geoms[keep], np.where(np.isnan(res_values), -1.0, res_values)[keep], grid
                )
                covered = np.isfinite(resistance)  # barriers count as landscape area
                resistance[resistance < 0] = np.nan
            progress.set(0.15)
            if src_tab is None:
                eco = np.array([1.0 if matches_any(c, eco_classes) else 0.0 for c in codes])
                eco_mask = rasterize(lu.geoms[keep], eco[keep], grid, fill=0.0) > 0.5
        if raster is not None:
            source_crs = raster.crs()
            resistance = warp_to_grid(
                raster.source(),
                grid,
                "average",
                source_crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL),
            )
            covered = np.isfinite(resistance)
            with np.errstate(invalid="ignore"):
                resistance[~(resistance > 0)] = np.nan
        if boundary_geom is not None:
            inside = rasterize([boundary_geom], [1.0], grid, fill=0.0) > 0.5
            resistance[~inside] = np.nan
            covered &= inside
            if eco_mask is not None:
                eco_mask &= inside
        study = np.isfinite(resistance)
        landscape_area = float(covered.sum()) * cell * cell
        progress.set(0.2)

        # --- sources ---------------------------------------------------------------------------
        source_ids: list[str] = []
        source_geoms: list = []
        if src_tab is not None:
            labels, areas, source_ids, source_geoms = self._given_sources(
                src_tab, id_field, grid, study, feedback
            )
        else:
            min_area = ha_to_m2(self.parameterAsDouble(parameters, self.SOURCE_MIN_AREA, context))
            edge = self.parameterAsDouble(parameters, self.EDGE_WIDTH, context)
            labels, areas = derive_sources(eco_mask & study, cell, min_area, edge)
            polys = polygonize(labels, grid)
            source_ids = [f"S{k}" for k in range(1, len(areas) + 1)]
            source_geoms = [polys.get(k) for k in range(1, len(areas) + 1)]
            if len(areas) == 0:
                feedback.pushWarning(
                    tr(
                        "No patch of ecological land ({classes}) reaches the minimum "
                        "source area of "
                        "{ha} ha{core}; the outputs are empty. Lower SOURCE_MIN_AREA "
                        "or EDGE_WIDTH, "
                        "or check ECO_CLASSES."
                    ).format(
                        classes=", ".join(eco_classes),
                        ha=self.parameterAsDouble(parameters, self.SOURCE_MIN_AREA, context),
                        core=tr(" (MSPA core)") if edge > 0 else "",
                    )
                )
        feedback.pushInfo(tr("{n} ecological sources.").format(n=len(areas)))
        progress.set(0.22)

        # --- the network -------------------------------------------------------------------
        try:
            result = run_pipeline(
                resistance, labels, areas, landscape_area, params, progress.sub(0.22, 0.85)
            )
        except Canceled:
            feedback.pushWarning(tr("Canceled."))
            return {}
        outputs = self._write_outputs(
            parameters, context, feedback, grid, crs, resistance, result, source_ids, source_geoms
        )
        progress.set(0.98)
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            self._write_report(
                report_path,
                grid,
                crs,
                result,
                source_ids,
                source_geoms,
                params,
                table_path if raster is None else raster.source(),
            )
            outputs[self.REPORT] = report_path
        feedback.setProgress(100)
        ix = result.indices
        results_bus.publish(
            results_bus.CheckResult(
                algorithm=self.ALG_ID,
                title=self.displayName(),
                counts={tr("sources"): len(areas), tr("links"): len(result.network.links)},
                rows=[
                    results_bus.ResultRow(
                        item_id=source_ids[k],
                        label=source_ids[k],
                        verdict=f"#{rank}",
                        verdict_zh=f"第{rank}位",
                        area_m2=float(areas[k]),
                        details=tr("dPC {dpc} %").format(dpc=f"{ix.dpc[k]:.2f}"),
                        feature_id=k + 1,
                    )
                    for k, rank in zip(range(len(areas)), self._ranks(ix.dpc))
                ],
                output_ref=str(outputs.get(self.SOURCES_OUT, "")),
                report_path=report_path or "",
            )
        )
        return outputs

    @staticmethod
    def _ranks(dpc: np.ndarray) -> list[int]:
        order = np.argsort(-np.asarray(dpc), kind="stable")
        ranks = np.empty(len(dpc), dtype=int)
        ranks[order] = np.arange(1, len(dpc) + 1)
        return ranks.tolist()

    @staticmethod
    def _raster_extent(raster, crs, context):
        from qgis.core import QgsCoordinateTransform

        rect = raster.extent()
        if raster.crs() != crs:
            rect = QgsCoordinateTransform(
                raster.crs(), crs, context.transformContext()
            ).transformBoundingBox(rect)
        return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())

    def _given_sources(self, tab, id_field, grid: Grid, study, feedback):
        geoms = tab.geoms
        ids = [
            str(v) if v is not None else str(fid)
            for v, fid in zip(tab.column(id_field) if id_field else tab.fids, tab.fids)
        ]
        xmin, ymin, xmax, ymax = grid.bounds
        frame = shapely.box(xmin, ymin, xmax, ymax)
        labels = np.zeros(grid.shape, np.int32)
        out_ids, out_geoms, areas = [], [], []
        outside = []
        for geom, sid in zip(geoms, ids):
            if geom is None or geom.is_empty:
                continue
            if not shapely.intersects(geom, frame):
                outside.append(sid)
                continue
            out_ids.append(sid)
            out_geoms.append(geom)
        if outside:
            feedback.pushWarning(
                tr("{n} source(s) lie outside the analysis extent and are left out: {ids}").format(
                    n=len(outside), ids=", ".join(outside[:20])
                )
            )
        if out_geoms:
            burn = rasterize(out_geoms, np.arange(1, len(out_geoms) + 1), grid, fill=0.0)
            labels = np.where(np.isfinite(burn), burn, 0).astype(np.int32)
            present = set(np.unique(labels[study]).tolist())
            small = [k for k in range(1, len(out_geoms) + 1) if k not in present]
            if small:  # smaller than a cell: take the cells they touch
                touched = rasterize(
                    [out_geoms[k - 1] for k in small], small, grid, fill=0.0, all_touched=True
                )
                add = (labels == 0) & (touched > 0)
                labels[add] = touched[add].astype(np.int32)
        labels[~study] = 0
        present = set(np.unique(labels).tolist()) - {0}
        dropped = [out_ids[k - 1] for k in range(1, len(out_geoms) + 1) if k not in present]
        if dropped:
            feedback.pushWarning(
                tr(
                    "{n} source(s) cover no passable cell of the grid and are left out: {ids}"
                ).format(n=len(dropped), ids=", ".join(dropped[:20]))
            )
        remap = np.zeros(len(out_geoms) + 1, np.int32)
        final_ids, final_geoms = [], []
        for k in range(1, len(out_geoms) + 1):
            if k in present:
                final_ids.append(out_ids[k - 1])
                final_geoms.append(out_geoms[k - 1])
                areas.append(float(shapely.area(out_geoms[k - 1])))
                remap[k] = len(final_ids)
        if not final_ids:
            feedback.pushWarning(
                tr("No ecological source lies in the analysis extent; the outputs are empty.")
            )
        return remap[labels], np.array(areas, float), final_ids, final_geoms

    # --- outputs -------------------------------------------------------------------------------
    def _sink(self, parameters, name, context, fields, wkb, crs):
        sink, dest = self.parameterAsSink(parameters, name, context, fields, wkb, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, dest

    def _write_outputs(
        self,
        parameters,
        context,
        feedback,
        grid: Grid,
        crs,
        resistance,
        result: PipelineResult,
        source_ids,
        source_geoms,
    ) -> dict:
        net = result.network
        ix = result.indices
        outputs: dict = {}
        # sources
        fields = QgsFields()
        for name, kind in (
            ("source_id", QVariant.String),
            ("area_m2", QVariant.Double),
            ("dPC", QVariant.Double),
            ("rank", QVariant.Int),
            ("n_links", QVariant.Int),
        ):
            fields.append(QgsField(name, kind))
        sink, dest = self._sink(
            parameters, self.SOURCES_OUT, context, fields, QgsWkbTypes.MultiPolygon, crs
        )
        degree = np.zeros(len(source_ids) + 1, int)
        for link in net.links:
            degree[link.from_id] += 1
            degree[link.to_id] += 1
        ranks = self._ranks(ix.dpc)
        write_features(
            sink,
            fields,
            source_geoms,
            [
                (
                    source_ids[k],
                    float(result.areas[k]),
                    float(ix.dpc[k]),
                    ranks[k],
                    int(degree[k + 1]),
                )
                for k in range(len(source_ids))
            ],
            feedback,
        )
        outputs[self.SOURCES_OUT] = dest
        # links
        fields = QgsFields()
        for name, kind in (
            ("link_id", QVariant.Int),
            ("from_id", QVariant.String),
            ("to_id", QVariant.String),
            ("lcd", QVariant.Double),
            ("length_m", QVariant.Double),
            ("euc_m", QVariant.Double),
            ("cwd_to_euc", QVariant.Double),
            ("eff_resistance", QVariant.Double),
            ("adjacent", QVariant.Int),
            ("corr_m2", QVariant.Double),
        ):
            fields.append(QgsField(name, kind))
        sink, dest = self._sink(
            parameters, self.LINKS, context, fields, QgsWkbTypes.MultiLineString, crs
        )
        lines, rows, corridors, corr_rows = [], [], [], []
        for link in net.links:
            pr, pc = link.path_cells(net.graph)
            x, y = grid.xy(pr, pc)
            line = (
                shapely.linestrings(np.c_[x, y])
                if len(x) > 1
                else shapely.LineString([(x[0], y[0]), (x[0], y[0])])
            )
            lines.append(shapely.simplify(line, 0.0))
            ga, gb = source_geoms[link.from_id - 1], source_geoms[link.to_id - 1]
            euc = float(shapely.distance(ga, gb)) if ga is not None and gb is not None else None
            r0, c0, mask = link.corridor
            corr_area = float(mask.sum()) * grid.cell**2
            eff = link.eff_resistance if math.isfinite(link.eff_resistance) else None
            rows.append(
                (
                    link.link_id,
                    source_ids[link.from_id - 1],
                    source_ids[link.to_id - 1],
                    link.lcd,
                    link.length_m,
                    euc,
                    link.lcd / euc if euc else None,
                    eff,
                    int(link.adjacent),
                    corr_area,
                )
            )
            poly = polygonize(mask.astype(np.int32), grid, r0, c0).get(1)
            corridors.append(poly)
            corr_rows.append(
                (
                    link.link_id,
                    source_ids[link.from_id - 1],
                    source_ids[link.to_id - 1],
                    link.lcd,
                    corr_area,
                )
            )
            if feedback.isCanceled():
                break
        write_features(sink, fields, lines, rows, feedback)
        outputs[self.LINKS] = dest
        self._link_rows = rows
        fields = QgsFields()
        for name, kind in (
            ("link_id", QVariant.Int),
            ("from_id", QVariant.String),
            ("to_id", QVariant.String),
            ("lcd", QVariant.Double),
            ("area_m2", QVariant.Double),
        ):
            fields.append(QgsField(name, kind))
        sink, dest = self._sink(
            parameters, self.CORRIDORS, context, fields, QgsWkbTypes.MultiPolygon, crs
        )
        write_features(sink, fields, corridors, corr_rows, feedback)
        outputs[self.CORRIDORS] = dest
        self._corridor_geoms = corridors
        # nodes
        fields = QgsFields()
        for name, kind in (
            ("node_id", QVariant.Int),
            ("type", QVariant.String),
            ("type_zh", QVariant.String),
            ("score", QVariant.Double),
            ("link_ids", QVariant.String),
        ):
            fields.append(QgsField(name, kind))
        sink, dest = self._sink(parameters, self.NODES, context, fields, QgsWkbTypes.Point, crs)
        points, node_rows = [], []
        for i, node in enumerate(result.nodes, start=1):
            x, y = grid.xy(node.row, node.col)
            points.append(shapely.Point(float(x), float(y)))
            node_rows.append(
                (
                    i,
                    node.kind,
                    NODE_TYPES_ZH[node.kind],
                    node.score,
                    ",".join(str(k) for k in node.link_ids),
                )
            )
        write_features(sink, fields, points, node_rows, feedback, multi=False)
        outputs[self.NODES] = dest
        self._node_points = points
        # rasters
        for name, array in (
            (self.RESISTANCE_OUT, resistance),
            (self.COST_DISTANCE, net.cost_distance),
            (self.CURRENT, np.where(np.isfinite(resistance), result.current, np.nan)),
        ):
            path = self.parameterAsOutputLayer(parameters, name, context)
            if path:
                write_geotiff(path, array, grid)
                outputs[name] = path
        outputs[self.N_SOURCES] = len(source_ids)
        outputs[self.N_LINKS] = len(net.links)
        for name, value in (
            (self.IIC, ix.iic),
            (self.PC, ix.pc),
            (self.ALPHA, ix.alpha),
            (self.BETA, ix.beta),
            (self.GAMMA, ix.gamma),
        ):
            outputs[name] = None if value is None or not math.isfinite(value) else float(value)
        if not net.links and len(source_ids) > 1:
            feedback.pushWarning(
                tr("No link between the sources (check MAX_LINK_COST and barriers).")
            )
        feedback.pushInfo(
            tr("{s} sources, {l} links, {n} nodes; IIC {iic}, PC {pc}.").format(
                s=len(source_ids),
                l=len(net.links),
                n=len(result.nodes),
                iic=f"{ix.iic:.6g}",
                pc=f"{ix.pc:.6g}",
            )
        )
        return outputs

    # --- report --------------------------------------------------------------------------------
    def _write_report(
        self,
        path,
        grid: Grid,
        crs,
        result: PipelineResult,
        source_ids,
        source_geoms,
        params: NetworkParams,
        resistance_from: str,
    ) -> None:
        zh = is_chinese()
        area_text = format_area_zh if zh else format_area_en
        ix = result.indices
        report = HtmlReport(tr("Ecological network report (sources, corridors, nodes)"))
        report.heading(tr("Inputs and parameters"))
        report.key_values(
            [
                (tr("Resistance from"), resistance_from),
                (tr("Cell size (m)"), params.cell_size),
                (tr("Grid"), f"{grid.rows} × {grid.cols}"),
                (tr("Corridor width (cost-weighted m)"), params.corridor_width),
                (tr("Distance threshold for IIC/PC"), round(result.dist_threshold, 2)),
                (tr("Probability at the distance threshold"), params.probability),
            ]
        )
        report.heading(tr("Network indices"))
        report.key_values(
            [
                (tr("Number of sources"), len(source_ids)),
                (tr("Number of links"), len(result.network.links)),
                (tr("IIC"), f"{ix.iic:.6g}"),
                (tr("PC"), f"{ix.pc:.6g}"),
                (tr("α (closure)"), f"{ix.alpha:.3f}" if math.isfinite(ix.alpha) else "—"),
                (tr("β (links/nodes)"), f"{ix.beta:.3f}" if math.isfinite(ix.beta) else "—"),
                (tr("γ (connectivity)"), f"{ix.gamma:.3f}" if math.isfinite(ix.gamma) else "—"),
            ]
        )
        layers = []
        points = getattr(self, "_node_points", [])
        kinds = [n.kind for n in result.nodes]
        for kind, colour in (("junction", "#7b3294"), ("pinch", "#e66101"), ("barrier", "#d7191c")):
            pts = [p for p, k in zip(points, kinds) if k == kind]
            if pts:
                layers.append(
                    memory_layer(
                        NODE_TYPES_ZH[kind] if zh else kind,
                        pts,
                        crs,
                        {"name": "circle", "color": colour, "size": "2.4"},
                    )
                )
        lines = [
            shapely.linestrings(np.c_[grid.xy(*lk.path_cells(result.network.graph))])
            for lk in result.network.links
            if len(lk.path_nodes) > 1
        ]
        if lines:
            layers.append(
                memory_layer(tr("Links"), lines, crs, {"color": "#2b83ba", "width": "0.6"})
            )
        corridors = [g for g in getattr(self, "_corridor_geoms", []) if g is not None]
        if corridors:
            layers.append(
                memory_layer(
                    tr("Corridors"), corridors, crs, {"color": "#abdda4", "outline_style": "no"}
                )
            )
        sources = [g for g in source_geoms if g is not None]
        if sources:
            layers.append(
                memory_layer(
                    tr("Sources"), sources, crs, {"color": "#1a9641", "outline_color": "#0b5d1e"}
                )
            )
        if layers:
            xmin, ymin, xmax, ymax = grid.bounds
            png = render_map_png(layers, crs, extent=QgsRectangle(xmin, ymin, xmax, ymax))
            report.image(
                png,
                tr(
                    "Sources (green), corridors (light green), least-cost paths "
                    "(blue), junctions (purple), pinch points (orange), barriers "
                    "(red)."
                ),
            )
        report.heading(tr("Sources"))
        ranks = self._ranks(ix.dpc)
        report.table(
            [tr("Source"), tr("Area"), "dPC (%)", tr("Rank")],
            [
                (
                    source_ids[k],
                    area_text(float(result.areas[k])),
                    round(float(ix.dpc[k]), 3),
                    ranks[k],
                )
                for k in np.argsort(ranks)
            ],
        )
        report.heading(tr("Links"))
        report.table(
            [
                tr("Link"),
                tr("From"),
                tr("To"),
                "LCD",
                tr("Length (m)"),
                tr("Edge-to-edge (m)"),
                "LCD/Euc",
                tr("Effective resistance"),
            ],
            [
                (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7])
                for r in getattr(self, "_link_rows", [])
            ],
        )
        report.heading(tr("Nodes"))
        report.table(
            [tr("Type"), tr("Score"), tr("Links")],
            [
                (
                    NODE_TYPES_ZH[n.kind] if zh else n.kind,
                    round(n.score, 6),
                    ",".join(map(str, n.link_ids)),
                )
                for n in result.nodes
            ],
        )
        report.paragraph(
            tr(
                "Method: cost distance on an 8-neighbour grid (step cost d·(r_a + r_b)/2); links "
                "between sources whose cost-allocation zones touch (Linkage Mapper); corridors "
                "NLCC = CWD_A + CWD_B − LCD ≤ width; circuit current with 1 A between the two "
                "sources of each link (Circuitscape conventions); IIC and PC after Pascual-Hortal "
                "& Saura (2006) and Saura & Pascual-Hortal (2007)."
            )
        )
        report.save(path, "zh-CN" if zh else "en")
