"""The ecological sources of a run on its grid: the given polygons (burnt onto the passable
cells), or patches of ecological land (optionally their MSPA core) of at least the minimum area."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ...core.network.sources import derive_sources
from ...translate import tr
from ..io.raster import Grid, polygonize, rasterize
from .inputs import NetworkInputs
from .surface import Surface


@dataclass
class Sources:
    labels: np.ndarray  # int32 grid: source 1..n per cell, 0 none
    areas: np.ndarray  # m² of sources 1..n
    ids: list[str]
    geoms: list  # shapely (Multi)Polygon (or None) of sources 1..n


def find_sources(inputs: NetworkInputs, surface: Surface, feedback) -> Sources:
    if inputs.sources is not None:
        sources = given_sources(inputs, surface, feedback)
    else:
        sources = derived_sources(inputs, surface, feedback)
    feedback.pushInfo(tr("{n} ecological sources.").format(n=len(sources.areas)))
    return sources


def derived_sources(inputs: NetworkInputs, surface: Surface, feedback) -> Sources:
    grid = surface.grid
    labels, areas = derive_sources(
        surface.eco_mask & surface.study, grid.cell, inputs.min_area_m2, inputs.edge_width
    )
    polys = polygonize(labels, grid)
    ids = [f"S{k}" for k in range(1, len(areas) + 1)]
    geoms = [polys.get(k) for k in range(1, len(areas) + 1)]
    if len(areas) == 0:
        feedback.pushWarning(
            tr(
                "No patch of ecological land ({classes}) reaches the minimum "
                "source area of "
                "{ha} ha{core}; the outputs are empty. Lower SOURCE_MIN_AREA "
                "or EDGE_WIDTH, "
                "or check ECO_CLASSES."
            ).format(
                classes=", ".join(inputs.eco_classes),
                ha=inputs.min_area_ha,
                core=tr(" (MSPA core)") if inputs.edge_width > 0 else "",
            )
        )
    return Sources(labels, areas, ids, geoms)


def in_frame(tab, id_field: str, grid: Grid, feedback) -> tuple[list[str], list]:
    """Ids and geometries of the non-empty sources that reach into the grid (the others are
    named in a warning)."""
    ids = [
        str(v) if v is not None else str(fid)
        for v, fid in zip(tab.column(id_field) if id_field else tab.fids, tab.fids)
    ]
    frame = shapely.box(*grid.bounds)
    kept_ids, kept_geoms, outside = [], [], []
    for geom, sid in zip(tab.geoms, ids):
        if geom is None or geom.is_empty:
            continue
        if not shapely.intersects(geom, frame):
            outside.append(sid)
            continue
        kept_ids.append(sid)
        kept_geoms.append(geom)
    if outside:
        feedback.pushWarning(
            tr("{n} source(s) lie outside the analysis extent and are left out: {ids}").format(
                n=len(outside), ids=", ".join(outside[:20])
            )
        )
    return kept_ids, kept_geoms


def burn_sources(geoms: list, grid: Grid, study: np.ndarray) -> np.ndarray:
    """Label grid 1..n of ``geoms`` on the passable cells; a source smaller than a cell takes
    the cells it touches."""
    labels = np.zeros(grid.shape, np.int32)
    if geoms:
        burn = rasterize(geoms, np.arange(1, len(geoms) + 1), grid, fill=0.0)
        labels = np.where(np.isfinite(burn), burn, 0).astype(np.int32)
        present = set(np.unique(labels[study]).tolist())
        small = [k for k in range(1, len(geoms) + 1) if k not in present]
        if small:
            touched = rasterize(
                [geoms[k - 1] for k in small], small, grid, fill=0.0, all_touched=True
            )
            add = (labels == 0) & (touched > 0)
            labels[add] = touched[add].astype(np.int32)
    labels[~study] = 0
    return labels


def given_sources(inputs: NetworkInputs, surface: Surface, feedback) -> Sources:
    grid = surface.grid
    ids, geoms = in_frame(inputs.sources, inputs.source_id_field, grid, feedback)
    labels = burn_sources(geoms, grid, surface.study)
    present = set(np.unique(labels).tolist()) - {0}
    dropped = [ids[k - 1] for k in range(1, len(geoms) + 1) if k not in present]
    if dropped:
        feedback.pushWarning(
            tr("{n} source(s) cover no passable cell of the grid and are left out: {ids}").format(
                n=len(dropped), ids=", ".join(dropped[:20])
            )
        )
    remap = np.zeros(len(geoms) + 1, np.int32)
    final_ids, final_geoms, areas = [], [], []
    for k in range(1, len(geoms) + 1):
        if k in present:
            final_ids.append(ids[k - 1])
            final_geoms.append(geoms[k - 1])
            areas.append(float(shapely.area(geoms[k - 1])))
            remap[k] = len(final_ids)
    if not final_ids:
        feedback.pushWarning(
            tr("No ecological source lies in the analysis extent; the outputs are empty.")
        )
    return Sources(remap[labels], np.array(areas, float), final_ids, final_geoms)
