"""The analysis grid of a run and what is rasterised on it: the extent, the resistance surface
(land use through the resistance table, or a resistance raster warped onto the grid), the
study area and the ecological-land mask sources are derived from."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingContext,
    QgsProcessingException,
)

from ...core.network.table import TableError, load_table, lookup, matches_any
from ...core.progress import Progress
from ...translate import tr
from ..io.raster import Grid, grid_for, rasterize, warp_to_grid
from .inputs import NetworkInputs

MAX_CELLS = 60_000_000


@dataclass
class Surface:
    grid: Grid
    resistance: np.ndarray  # nan: barrier, nodata or outside the study area
    study: np.ndarray  # passable cells
    eco_mask: np.ndarray | None  # ecological land (when sources are derived from land use)
    landscape_area: float  # m² of the cells covered by land use / raster data


def raster_extent(raster, crs, context: QgsProcessingContext):
    rect = raster.extent()
    if raster.crs() != crs:
        rect = QgsCoordinateTransform(
            raster.crs(), crs, context.transformContext()
        ).transformBoundingBox(rect)
    return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())


def analysis_grid(inputs: NetworkInputs, context: QgsProcessingContext, feedback) -> Grid:
    """The grid over EXTENT, else the boundary, else the land use, else the raster; at most
    :data:`MAX_CELLS` cells."""
    extent = inputs.extent
    boundary, lu = inputs.boundary, inputs.landuse
    if extent is None and boundary is not None and not boundary.is_empty:
        extent = tuple(boundary.bounds)
    if extent is None and lu is not None and len(lu):
        extent = tuple(shapely.total_bounds(lu.geoms))
    if extent is None and inputs.raster is not None:
        extent = raster_extent(inputs.raster, inputs.crs, context)
    if extent is None or not all(map(math.isfinite, extent)):
        raise QgsProcessingException(tr("The analysis extent is empty."))
    cell = inputs.params.cell_size
    grid = grid_for(extent, cell, inputs.crs_wkt)
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
            rows=grid.rows, cols=grid.cols, cell=cell, crs=inputs.crs.authid()
        )
    )
    return grid


def table_values(inputs: NetworkInputs, codes: list, keep: np.ndarray) -> np.ndarray:
    """Resistance per land-use polygon (nan = barrier); a code the table lacks is an error."""
    path = inputs.table_path
    try:
        table = load_table(path)
    except (OSError, TableError) as exc:
        raise QgsProcessingException(
            tr("Resistance table {path}: {error}").format(path=path, error=exc)
        ) from exc
    values = np.array([lookup(c, table) for c in codes], dtype=object)
    missing = sorted({str(c) for c, v, k in zip(codes, values, keep) if k and v is None})
    if missing:
        raise QgsProcessingException(
            tr(
                "The resistance table {path} has no value for the land-use code(s) "
                "{codes} found in field “{field}” of {layer}. Add them (or their "
                "first-level prefix) to the table."
            ).format(
                path=path,
                codes=", ".join(missing[:20]),
                field=inputs.dlbm_field,
                layer=inputs.landuse_label,
            )
        )
    return np.array([np.nan if v is None else v for v in values], float)


def landuse_rasters(inputs: NetworkInputs, grid: Grid, feedback, progress: Progress):
    """(resistance, covered, eco_mask) from the land use; resistance and covered are None
    when a resistance raster is given, eco_mask when sources are given."""
    lu = inputs.landuse
    codes = lu.column(inputs.dlbm_field)
    keep = ~shapely.is_empty(lu.geoms)
    values = table_values(inputs, codes, keep) if inputs.raster is None else None
    feedback.pushInfo(tr("Rasterising {n} land-use polygons…").format(n=int(keep.sum())))
    resistance = covered = eco_mask = None
    if values is not None:
        # barrier classes burn as -1 (kept apart from "no land-use polygon")
        resistance = rasterize(lu.geoms[keep], np.where(np.isnan(values), -1.0, values)[keep], grid)
        covered = np.isfinite(resistance)  # barriers count as landscape area
        resistance[resistance < 0] = np.nan
    progress.set(0.15)
    if inputs.sources is None:
        eco = np.array([1.0 if matches_any(c, inputs.eco_classes) else 0.0 for c in codes])
        eco_mask = rasterize(lu.geoms[keep], eco[keep], grid, fill=0.0) > 0.5
    return resistance, covered, eco_mask


def raster_resistance(raster, grid: Grid) -> np.ndarray:
    """The resistance raster averaged onto the grid (nodata -> nan)."""
    return warp_to_grid(
        raster.source(),
        grid,
        "average",
        raster.crs().toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL),
    )


def prepare_surface(
    inputs: NetworkInputs, context: QgsProcessingContext, feedback, progress: Progress
) -> Surface:
    """The grid and the resistance surface on it (cells outside the study area are nan)."""
    grid = analysis_grid(inputs, context, feedback)
    resistance = covered = eco_mask = None
    if inputs.landuse is not None:
        resistance, covered, eco_mask = landuse_rasters(inputs, grid, feedback, progress)
    if inputs.raster is not None:
        resistance = raster_resistance(inputs.raster, grid)
        covered = np.isfinite(resistance)
        with np.errstate(invalid="ignore"):
            resistance[~(resistance > 0)] = np.nan
    if inputs.boundary is not None:
        inside = rasterize([inputs.boundary], [1.0], grid, fill=0.0) > 0.5
        resistance[~inside] = np.nan
        covered &= inside
        if eco_mask is not None:
            eco_mask &= inside
    landscape_area = float(covered.sum()) * grid.cell * grid.cell
    progress.set(0.2)
    return Surface(grid, resistance, np.isfinite(resistance), eco_mask, landscape_area)
