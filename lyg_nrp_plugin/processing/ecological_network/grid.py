"""The analysis grid of a run.

* With a resistance raster in the analysis CRS the grid is the raster's own — its origin and
  cell size, cropped to the study area (EXTENT, else the boundary, else the land use) — and
  the cells are read as stored. Only when CELL_SIZE asks for another cell size, or the raster
  must be reprojected (or its cells are not square), is it resampled, onto a grid aligned on
  the raster's origin, with the RESAMPLING method; average and maximum keep barriers (a cell
  touching a nodata cell stays a barrier).
* Without a raster the land use is rasterised on a grid snapped to multiples of the cell size.
  CELL_SIZE 0 (the default) chooses the smallest round cell size that keeps the grid at most
  :data:`AUTO_MAX_CELLS` cells (said in the log).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateTransform,
    QgsProcessingContext,
    QgsProcessingException,
)

from ...translate import tr
from ..io.raster import (
    Grid,
    crop_grid,
    grid_for,
    raster_grid,
    read_cells,
    resample_to_grid,
    suggested_grid,
)
from .inputs import NetworkInputs

MAX_CELLS = 60_000_000
AUTO_MAX_CELLS = 1_000_000
ROUND_CELLS = (1, 2, 5, 10, 20, 25, 30, 40, 50, 60, 75, 100, 120, 150, 200, 250, 300, 400)
ROUND_CELLS += (500, 600, 750, 1000, 1500, 2000, 2500, 5000, 10000)
# RESAMPLING 0, 1, 2 as GDAL names them; whether a cell touching a barrier stays a barrier
RESAMPLING_METHODS = (("average", True), ("max", True), ("near", False))

Bounds = tuple[float, float, float, float]


@dataclass(frozen=True)
class GridChoice:
    """The grid and how it was made (for the log and the report)."""

    grid: Grid
    kind: str  # "landuse" (rasterised), "raster" (its own grid) or "resampled"
    method: str | None = None  # GDAL resampling method when resampled
    auto_cell: bool = False  # the cell size was chosen from the extent

    @property
    def resampled(self) -> bool:
        return self.kind == "resampled"

    @property
    def keeps_barriers(self) -> bool:
        return dict(RESAMPLING_METHODS).get(self.method or "", False)


def raster_extent(raster, crs, context: QgsProcessingContext) -> Bounds:
    rect = raster.extent()
    if raster.crs() != crs:
        rect = QgsCoordinateTransform(
            raster.crs(), crs, context.transformContext()
        ).transformBoundingBox(rect)
    return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())


def intersect(a: Bounds, b: Bounds) -> Bounds | None:
    box = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return box if box[0] < box[2] and box[1] < box[3] else None


def study_bounds(inputs: NetworkInputs) -> Bounds | None:
    """EXTENT, else the boundary's, else the land use's bounds (None when none is given)."""
    if inputs.extent is not None:
        return inputs.extent
    if inputs.boundary is not None and not inputs.boundary.is_empty:
        return tuple(inputs.boundary.bounds)
    lu = inputs.landuse
    if lu is not None and len(lu) and not shapely.is_empty(lu.geoms).all():
        return tuple(shapely.total_bounds(lu.geoms))
    return None


def cells_of(bounds: Bounds, cell: float) -> int:
    return math.ceil((bounds[2] - bounds[0]) / cell) * math.ceil((bounds[3] - bounds[1]) / cell)


def auto_cell_size(bounds: Bounds, limit: int = AUTO_MAX_CELLS) -> float:
    """The smallest of :data:`ROUND_CELLS` whose grid over ``bounds`` has ≤ ``limit`` cells
    (one cell more each way for the snapping)."""
    width, height = bounds[2] - bounds[0], bounds[3] - bounds[1]
    for cell in ROUND_CELLS:
        if (math.ceil(width / cell) + 1) * (math.ceil(height / cell) + 1) <= limit:
            return float(cell)
    return float(ROUND_CELLS[-1])


def landuse_choice(inputs: NetworkInputs, bounds: Bounds | None) -> GridChoice:
    if bounds is None or not all(map(math.isfinite, bounds)):
        raise QgsProcessingException(tr("The analysis extent is empty."))
    cell = inputs.requested_cell or auto_cell_size(bounds)
    grid = grid_for(bounds, cell, inputs.crs_wkt)
    return GridChoice(grid, "landuse", auto_cell=not inputs.requested_cell)


def raster_choice(inputs: NetworkInputs, context, bounds: Bounds | None) -> GridChoice:
    """The raster's own grid over the study area, or a resampled one when asked for."""
    raster = inputs.raster
    whole = raster_extent(raster, inputs.crs, context)
    area = whole if bounds is None else intersect(whole, bounds)
    if area is None:
        raise QgsProcessingException(
            tr("The analysis extent does not meet the resistance raster {name}.").format(
                name=inputs.raster_label
            )
        )
    own = raster_grid(raster.source(), inputs.crs_wkt) if raster.crs() == inputs.crs else None
    requested = inputs.requested_cell
    if own is not None and (not requested or math.isclose(requested, own.cell, rel_tol=1e-9)):
        return GridChoice(crop_grid(own, area), "raster")
    if own is None:
        own = suggested_grid(raster.source(), inputs.crs_wkt, inputs.raster_crs_wkt)
    cell = requested or own.cell
    grid = grid_for(area, cell, inputs.crs_wkt, origin=(own.x0, own.y0))
    return GridChoice(grid, "resampled", RESAMPLING_METHODS[inputs.resampling][0])


def check_size(grid: Grid) -> None:
    if grid.rows * grid.cols > MAX_CELLS:
        raise QgsProcessingException(
            tr(
                "The grid would have {n:,} cells ({rows} × {cols}); use a larger "
                "cell size or a "
                "smaller extent (at most {max:,} cells)."
            ).format(n=grid.rows * grid.cols, rows=grid.rows, cols=grid.cols, max=MAX_CELLS)
        )


def describe(choice: GridChoice) -> str:
    """How the grid was made, in one sentence (log and report)."""
    if choice.kind == "raster":
        return tr("the resistance raster's own grid (cells read as stored, not resampled)")
    if choice.kind == "resampled":
        text = tr("resampled from the resistance raster with “{method}”").format(
            method=choice.method
        )
        if choice.keeps_barriers:
            text += tr("; a cell touching a barrier (nodata) stays a barrier")
        return text
    if choice.auto_cell:
        return tr(
            "land use rasterised; cell size chosen from the extent to keep at most "
            "{n:,} cells (set CELL_SIZE for another)"
        ).format(n=AUTO_MAX_CELLS)
    return tr("land use rasterised")


def analysis_grid(inputs: NetworkInputs, context: QgsProcessingContext, feedback) -> GridChoice:
    """The grid of the run (at most :data:`MAX_CELLS` cells), said in the log."""
    bounds = study_bounds(inputs)
    if inputs.raster is not None:
        choice = raster_choice(inputs, context, bounds)
    else:
        choice = landuse_choice(inputs, bounds)
    grid = choice.grid
    check_size(grid)
    feedback.pushInfo(
        tr(
            "Analysis grid: {rows} × {cols} cells of {cell} m in {crs}, upper-left corner "
            "({x0}, {y0}); {how}."
        ).format(
            rows=grid.rows,
            cols=grid.cols,
            cell=f"{grid.cell:g}",
            crs=inputs.crs.authid(),
            x0=f"{grid.x0:.3f}",
            y0=f"{grid.y0:.3f}",
            how=describe(choice),
        )
    )
    return choice


def raster_values(inputs: NetworkInputs, choice: GridChoice) -> np.ndarray:
    """The resistance raster on the grid (nan: nodata), read or resampled."""
    path = inputs.raster.source()
    if choice.kind == "raster":
        own = raster_grid(path, inputs.crs_wkt)
        return read_cells(path, own, choice.grid)
    return resample_to_grid(
        path, choice.grid, choice.method, inputs.raster_crs_wkt, choice.keeps_barriers
    )
