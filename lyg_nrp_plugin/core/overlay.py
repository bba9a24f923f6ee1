"""Vectorised overlay of projects with control layers (shapely >= 2, numpy; no qgis).

The building block is :func:`intersect_pairs`: an ``STRtree`` over one layer, one bulk
``query(predicate="intersects")`` for all features of the other layer, and one vectorised
``shapely.intersection`` over the candidate pairs. Everything else groups those pieces:

- :func:`overlap_per_project` — per project, the union of its pieces with a control layer. The
  control layer is thus dissolved *within each project's neighbourhood* (only the control
  features that touch the project, already clipped to it), so overlapping control features
  never count twice and the cost grows with the number of pairs, not with the size of a
  layer-wide union.
- :func:`outside_per_project` — per project, the part outside a boundary layer (城镇开发边界).
- :func:`lines_inside_per_project` — per project, the (dissolved) lines inside it (岸线).
- :func:`intersect_pairs` itself — for a coverage (三调 DLTB parcels) where pieces stay per
  parcel (no dissolve needed: parcels do not overlap).

All geometries are in one projected CRS; areas and lengths are measured by the caller. Each
function takes an optional :class:`~.progress.Progress` and raises
:class:`~.progress.Canceled` when the caller asks to stop (never a partial result).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .geometry import linear_part, non_empty_mask, polygonal_part
from .progress import Progress, check, report

_POLY_TYPES = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)
_LINE_TYPES = (shapely.GeometryType.LINESTRING, shapely.GeometryType.MULTILINESTRING)


@dataclass
class Pieces:
    """Pieces of an overlay: ``left[i]`` and ``right[i]`` index the inputs of ``geoms[i]``."""

    left: np.ndarray
    right: np.ndarray
    geoms: np.ndarray

    def __len__(self) -> int:
        return len(self.geoms)


def _part(progress: Progress | None, a: float, b: float) -> Progress | None:
    return progress.sub(a, b) if progress is not None else None


def _empty_pieces() -> Pieces:
    return Pieces(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, dtype=object))


def _safe_intersection(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Vectorised intersection; a pair GEOS rejects is retried element-wise on a fine grid."""
    try:
        return shapely.intersection(a, b)
    except shapely.errors.GEOSException:
        out = np.empty(len(a), dtype=object)
        for i, (x, y) in enumerate(zip(a, b)):
            try:
                out[i] = shapely.intersection(x, y)
            except shapely.errors.GEOSException:
                out[i] = shapely.intersection(x, y, grid_size=1e-6)
        return out


def keep_dimension(geoms: np.ndarray, dimension: int) -> tuple[np.ndarray, np.ndarray]:
    """Keep the parts of each geometry of one dimension (2 areas, 1 lines).

    Returns the cleaned geometries and a mask of those that are non-empty. Touching
    (boundary-only) contacts give lines or points and are dropped for ``dimension=2``.
    """
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0:
        return geoms, np.zeros(0, bool)
    types = shapely.get_type_id(geoms)
    wanted = _POLY_TYPES if dimension == 2 else _LINE_TYPES
    ok = np.isin(types, wanted)
    collections = types == shapely.GeometryType.GEOMETRYCOLLECTION
    if collections.any():
        part = polygonal_part if dimension == 2 else linear_part
        geoms = geoms.copy()
        geoms[collections] = [part(g) for g in geoms[collections]]
        ok |= collections
    ok &= non_empty_mask(geoms)
    return geoms, ok


def intersect_pairs(
    left: np.ndarray,
    right: np.ndarray,
    dimension: int = 2,
    tree: shapely.STRtree | None = None,
    chunk: int = 200_000,
    progress: Progress | None = None,
) -> Pieces:
    """All non-empty intersections ``left[i] ∩ right[j]`` of the given dimension.

    ``tree`` may be a prebuilt ``STRtree(right)``; ``progress`` is reported per chunk of pairs.
    """
    left = np.asarray(left, dtype=object)
    right = np.asarray(right, dtype=object)
    if len(left) == 0 or len(right) == 0:
        return _empty_pieces()
    shapely.prepare(left)  # the containment tests below reuse the prepared geometries
    tree = tree if tree is not None else shapely.STRtree(right)
    li, ri = tree.query(left, predicate="intersects")
    if len(li) == 0:
        return _empty_pieces()
    order = np.lexsort((ri, li))
    li, ri = li[order], ri[order]
    out_l, out_r, out_g = [], [], []
    for start in range(0, len(li), chunk):
        report(progress, start / len(li))
        sl = slice(start, start + chunk)
        a, b = left[li[sl]], right[ri[sl]]
        inter = np.empty(len(a), dtype=object)
        # a right feature inside the left one is its own piece, and vice versa: no overlay
        # (most parcels of a large project; the whole of a small project inside one zone)
        inside = np.zeros(len(a), bool)
        if dimension == 2:
            ba, bb = shapely.bounds(a), shapely.bounds(b)
            a_around = np.all(ba[:, :2] < bb[:, :2], axis=1) & np.all(ba[:, 2:] > bb[:, 2:], axis=1)
            b_around = np.all(bb[:, :2] < ba[:, :2], axis=1) & np.all(bb[:, 2:] > ba[:, 2:], axis=1)
            if a_around.any():
                inside[a_around] = shapely.contains_properly(a[a_around], b[a_around])
            inter[inside] = b[inside]
            if b_around.any():
                covers = np.zeros(len(a), bool)
                covers[b_around] = shapely.contains_properly(b[b_around], a[b_around])
                inter[covers] = a[covers]
                inside |= covers
        rest = ~inside
        if rest.any():
            inter[rest] = _safe_intersection(a[rest], b[rest])
        inter, ok = keep_dimension(inter, dimension)
        out_l.append(li[sl][ok])
        out_r.append(ri[sl][ok])
        out_g.append(inter[ok])
    return Pieces(
        np.concatenate(out_l).astype(np.int64),
        np.concatenate(out_r).astype(np.int64),
        np.concatenate(out_g),
    )


def dissolve_polygons(parts: np.ndarray) -> shapely.Geometry:
    """Union of polygons; the fast coverage union when they only share edges.

    Pieces clipped from a coverage (farmland, parcels) do not overlap, and GEOS's coverage union
    merges them far faster than a general union. It is accepted only when GEOS does not refuse it
    (it checks for overlaps), the result is valid and its area equals the sum of the parts;
    otherwise (overlapping control features) the general ``union_all`` is used.
    """
    try:
        merged = shapely.coverage_union_all(parts)
        total = float(np.sum(shapely.area(parts)))
        if merged.is_valid and abs(merged.area - total) <= 1e-9 * max(total, 1.0):
            return polygonal_part(merged)
    except shapely.errors.GEOSException:
        pass
    return polygonal_part(shapely.union_all(parts))


def dissolve_groups(
    index: np.ndarray,
    geoms: np.ndarray,
    n: int,
    dimension: int = 2,
    progress: Progress | None = None,
) -> np.ndarray:
    """Union of ``geoms`` grouped by ``index`` (0..n-1); empty geometry where a group is empty.

    Groups of one piece are taken as they are; larger groups are dissolved with
    :func:`dissolve_polygons`, lines with ``shapely.union_all`` (noded and merged, so
    overlapping lines count once).
    """
    empty = shapely.Polygon() if dimension == 2 else shapely.LineString()
    out = np.full(n, empty, dtype=object)
    if len(index) == 0:
        return out
    order = np.argsort(index, kind="stable")
    index, geoms = np.asarray(index)[order], np.asarray(geoms, dtype=object)[order]
    groups, starts, counts = np.unique(index, return_index=True, return_counts=True)
    single = counts == 1
    out[groups[single]] = geoms[starts[single]]
    for g, s, c in zip(groups[~single], starts[~single], counts[~single]):
        check(progress)
        if dimension == 2:
            merged = dissolve_polygons(geoms[s : s + c])
        else:
            merged = shapely.union_all(geoms[s : s + c])
            merged = shapely.line_merge(linear_part(merged)) if not merged.is_empty else merged
        out[g] = merged
    return out


def overlap_per_project(
    projects: np.ndarray,
    controls: np.ndarray,
    tree: shapely.STRtree | None = None,
    progress: Progress | None = None,
) -> np.ndarray:
    """For each project, ``project ∩ union(controls)`` (empty polygon when none)."""
    projects = np.asarray(projects, dtype=object)
    pieces = intersect_pairs(projects, controls, 2, tree, progress=_part(progress, 0.0, 0.5))
    return dissolve_groups(pieces.left, pieces.geoms, len(projects), 2, _part(progress, 0.5, 1.0))


def outside_per_project(
    projects: np.ndarray,
    boundary: np.ndarray,
    tree: shapely.STRtree | None = None,
    progress: Progress | None = None,
) -> np.ndarray:
    """For each project, ``project − union(boundary)``: the part outside the boundary layer."""
    projects = np.asarray(projects, dtype=object)
    inside = overlap_per_project(projects, boundary, tree, progress)
    has_inside = ~shapely.is_empty(inside)
    out = projects.copy()
    if has_inside.any():
        diff = shapely.difference(projects[has_inside], inside[has_inside])
        diff, ok = keep_dimension(diff, 2)
        diff[~ok] = shapely.Polygon()
        out[has_inside] = diff
    return out


def lines_inside_per_project(
    projects: np.ndarray,
    lines: np.ndarray,
    tree: shapely.STRtree | None = None,
    progress: Progress | None = None,
) -> np.ndarray:
    """For each project, the lines inside it (boundary included), dissolved per project."""
    projects = np.asarray(projects, dtype=object)
    pieces = intersect_pairs(projects, lines, 1, tree, progress=_part(progress, 0.0, 0.5))
    return dissolve_groups(pieces.left, pieces.geoms, len(projects), 1, _part(progress, 0.5, 1.0))
