"""What an ``ecological_network`` run reads: layers, fields, the resistance table, the network
parameters, the analysis CRS and the vectors (in that CRS)."""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingContext,
    QgsProcessingException,
    QgsRasterLayer,
)

from ...core.landuse import normalise_code
from ...core.network.pipeline import NetworkParams
from ...core.units import ha_to_m2
from ...translate import tr
from ..crs import analysis_crs
from ..io.read import GeometryTable, read_source
from .parameters import DEFAULT_ECO_CLASSES, MIN_CELL_SIZE, PRESET_ECO_CLASSES, preset_table


@dataclass
class NetworkInputs:
    params: NetworkParams
    crs: QgsCoordinateReferenceSystem
    raster: QgsRasterLayer | None  # the resistance raster, when given
    raster_label: str
    table_path: str  # the resistance table (used without a raster)
    preset: int  # RESISTANCE_PRESET (the table used when RESISTANCE_TABLE is not given)
    user_table: bool  # RESISTANCE_TABLE was given
    requested_cell: float  # CELL_SIZE; 0 = automatic (the raster's own, or from the extent)
    resampling: int  # RESAMPLING: index into grid.RESAMPLING_METHODS
    landuse: GeometryTable | None
    landuse_label: str
    dlbm_field: str
    boundary: shapely.Geometry | None  # union of the study-area polygons
    sources: GeometryTable | None  # given source polygons
    source_id_field: str
    eco_classes: list[str]
    min_area_ha: float
    edge_width: float
    extent: tuple[float, float, float, float] | None  # the EXTENT parameter, in ``crs``

    @property
    def crs_wkt(self) -> str:
        return self.crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL)

    @property
    def raster_crs_wkt(self) -> str | None:
        if self.raster is None:
            return None
        return self.raster.crs().toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL)

    @property
    def resistance_from(self) -> str:
        return self.table_path if self.raster is None else self.raster.source()

    @property
    def min_area_m2(self) -> float:
        return ha_to_m2(self.min_area_ha)


def requested_cell(alg, parameters: dict, context: QgsProcessingContext) -> float:
    """CELL_SIZE (0 = automatic); between 0 and 1 m is refused."""
    cell = alg.parameterAsDouble(parameters, alg.CELL_SIZE, context)
    if 0 < cell < MIN_CELL_SIZE:
        raise QgsProcessingException(
            tr("CELL_SIZE {cell} m is too small: give at least {min} m, or 0 (automatic).").format(
                cell=cell, min=MIN_CELL_SIZE
            )
        )
    return cell


def eco_classes(alg, parameters: dict, context, preset: int, feedback) -> str:
    """ECO_CLASSES; left empty or at the terrestrial default, the preset's own classes."""
    classes = alg.parameterAsString(parameters, alg.ECO_CLASSES, context) or DEFAULT_ECO_CLASSES
    if preset > 0 and classes.replace(" ", "") == DEFAULT_ECO_CLASSES:
        classes = PRESET_ECO_CLASSES[min(preset, len(PRESET_ECO_CLASSES) - 1)]
        feedback.pushInfo(
            tr("Sources of the water / waterbird network from the classes {classes}.").format(
                classes=classes
            )
        )
    return classes


def network_params(alg, parameters: dict, context: QgsProcessingContext) -> NetworkParams:
    return NetworkParams(
        cell_size=alg.parameterAsDouble(parameters, alg.CELL_SIZE, context),
        connectivity=8 if alg.parameterAsEnum(parameters, alg.NEIGHBOURS, context) == 0 else 4,
        max_link_cost=alg.parameterAsDouble(parameters, alg.MAX_LINK_COST, context) or None,
        k_nearest=alg.parameterAsInt(parameters, alg.K_NEAREST, context),
        drop_through_sources=alg.parameterAsBool(parameters, alg.DROP_THROUGH_SOURCES, context),
        corridor_width=alg.parameterAsDouble(parameters, alg.CORRIDOR_WIDTH, context),
        dist_threshold=alg.parameterAsDouble(parameters, alg.DIST_THRESHOLD, context) or None,
        probability=alg.parameterAsDouble(parameters, alg.PROBABILITY, context),
        barrier_radius_m=alg.parameterAsDouble(parameters, alg.BARRIER_RADIUS, context),
        circuit=alg.parameterAsBool(parameters, alg.COMPUTE_CURRENT, context),
    )


def requested_extent(alg, parameters: dict, context: QgsProcessingContext, crs):
    if parameters.get(alg.EXTENT) in (None, ""):
        return None
    rect = alg.parameterAsExtent(parameters, alg.EXTENT, context, crs)
    if rect.isNull() or rect.isEmpty():
        return None
    return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())


def read_inputs(alg, parameters: dict, context: QgsProcessingContext, feedback) -> NetworkInputs:
    """Check and read every input; the vectors are read in the analysis CRS."""
    raster = alg.parameterAsRasterLayer(parameters, alg.RESISTANCE, context)
    landuse, lu_label = alg.source(parameters, alg.LANDUSE, context, required=False)
    if raster is None and landuse is None:
        raise QgsProcessingException(
            tr(
                "Give a resistance raster (RESISTANCE) or land-use polygons (LANDUSE) with a "
                "resistance table."
            )
        )
    sources, src_label = alg.source(parameters, alg.SOURCES, context, required=False)
    if sources is None and landuse is None:
        raise QgsProcessingException(
            tr(
                "Give ecological source polygons (SOURCES) or land-use polygons (LANDUSE) to "
                "derive them from."
            )
        )
    boundary, boundary_label = alg.source(parameters, alg.BOUNDARY, context, required=False)
    dlbm = "DLBM"
    if landuse is not None:
        dlbm = alg.required_field(parameters, alg.DLBM_FIELD, context, landuse, lu_label, dlbm)
    id_field = ""
    if sources is not None:
        id_field = alg.optional_field(parameters, alg.SOURCE_ID_FIELD, context, sources, src_label)
    user_table = alg.parameterAsFile(parameters, alg.RESISTANCE_TABLE, context)
    preset = alg.parameterAsEnum(parameters, alg.RESISTANCE_PRESET, context)
    table_path = user_table or str(preset_table(preset))
    classes = eco_classes(alg, parameters, context, preset, feedback)
    if raster is not None:
        crs = analysis_crs(None, [raster.crs()], feedback, tr("The resistance raster"))
    else:
        crs = analysis_crs(None, [landuse.sourceCrs() if landuse is not None else None])
    lu = None
    if landuse is not None:
        lu = read_source(landuse, lu_label, crs, context, feedback, [dlbm], 2, (0, 8))
    boundary_geom = None
    if boundary is not None:
        b = read_source(boundary, boundary_label, crs, context, feedback, [], 2, (8, 10))
        boundary_geom = shapely.union_all(b.geoms[~shapely.is_empty(b.geoms)])
    src = None
    if sources is not None:
        fields = [id_field] if id_field else []
        src = read_source(sources, src_label, crs, context, feedback, fields, 2, (10, 12))
    return NetworkInputs(
        params=network_params(alg, parameters, context),
        crs=crs,
        raster=raster,
        raster_label=raster.name() if raster is not None else "",
        table_path=table_path,
        preset=preset,
        user_table=bool(user_table),
        requested_cell=requested_cell(alg, parameters, context),
        resampling=alg.parameterAsEnum(parameters, alg.RESAMPLING, context),
        landuse=lu,
        landuse_label=lu_label,
        dlbm_field=dlbm,
        boundary=boundary_geom,
        sources=src,
        source_id_field=id_field,
        eco_classes=[normalise_code(c) for c in classes.split(",") if c.strip()],
        min_area_ha=alg.parameterAsDouble(parameters, alg.SOURCE_MIN_AREA, context),
        edge_width=alg.parameterAsDouble(parameters, alg.EDGE_WIDTH, context),
        extent=requested_extent(alg, parameters, context, crs),
    )
