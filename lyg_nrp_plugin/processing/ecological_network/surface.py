"""The resistance surface of a run on its grid (land use through the resistance table, or the
resistance raster read on its own grid or resampled), the study area and the ecological-land
mask sources are derived from."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import shapely
from qgis.core import QgsProcessingContext, QgsProcessingException

from ...core.landuse import normalise_code
from ...core.network.table import TableError, load_table, lookup, matches_any
from ...core.progress import Progress
from ...translate import tr
from ..io.raster import Grid, rasterize
from .grid import GridChoice, analysis_grid, raster_values
from .inputs import NetworkInputs


@dataclass
class Surface:
    grid: Grid
    resistance: np.ndarray  # nan: barrier, nodata or outside the study area
    study: np.ndarray  # passable cells
    eco_mask: np.ndarray | None  # ecological land (when sources are derived from land use)
    landscape_area: float  # m² of the cells covered by land use / raster data
    choice: GridChoice | None = None  # how the grid was made


def table_values(inputs: NetworkInputs, codes: list, keep: np.ndarray) -> np.ndarray:
    """Resistance per land-use polygon (nan = barrier); a code the table lacks is an error
    naming the code as normalised (an integer 101 is named 0101)."""
    path = inputs.table_path
    try:
        table = load_table(path)
    except (OSError, TableError) as exc:
        raise QgsProcessingException(
            tr("Resistance table {path}: {error}").format(path=path, error=exc)
        ) from exc
    values = np.array([lookup(c, table) for c in codes], dtype=object)
    missing = sorted(
        {str(normalise_code(c)) for c, v, k in zip(codes, values, keep) if k and v is None}
    )
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


def refuse_impassable(inputs: NetworkInputs) -> None:
    if inputs.raster is not None:
        message = tr(
            "The resistance raster {name} has no passable cell in the analysis extent "
            "(all nodata or ≤ 0): check the raster, its nodata value and EXTENT / BOUNDARY."
        ).format(name=inputs.raster_label)
    else:
        message = tr(
            "No cell of the analysis extent has a passable resistance: the land use of "
            "{layer} is all barrier classes in {path}, or lies outside EXTENT / BOUNDARY."
        ).format(layer=inputs.landuse_label, path=inputs.table_path)
    raise QgsProcessingException(message)


def prepare_surface(
    inputs: NetworkInputs, context: QgsProcessingContext, feedback, progress: Progress
) -> Surface:
    """The grid and the resistance surface on it (cells outside the study area are nan);
    ``inputs.params.cell_size`` becomes the grid's cell size."""
    choice = analysis_grid(inputs, context, feedback)
    grid = choice.grid
    inputs.params = replace(inputs.params, cell_size=grid.cell)
    resistance = covered = eco_mask = None
    if inputs.landuse is not None:
        resistance, covered, eco_mask = landuse_rasters(inputs, grid, feedback, progress)
    if inputs.raster is not None:
        resistance = raster_values(inputs, choice)
        covered = np.isfinite(resistance)
        with np.errstate(invalid="ignore"):
            resistance[~(resistance > 0)] = np.nan
    if inputs.boundary is not None:
        inside = rasterize([inputs.boundary], [1.0], grid, fill=0.0) > 0.5
        resistance[~inside] = np.nan
        covered &= inside
        if eco_mask is not None:
            eco_mask &= inside
    study = np.isfinite(resistance)
    if not study.any():
        refuse_impassable(inputs)
    landscape_area = float(covered.sum()) * grid.cell * grid.cell
    progress.set(0.2)
    return Surface(grid, resistance, study, eco_mask, landscape_area, choice)
