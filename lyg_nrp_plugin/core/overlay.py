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

from .geometry import linear_part, non_empty_mask, polygonal_part, threaded
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
        return threaded(shapely.intersection, a, b)
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
        geoms = geoms.copy()
        if dimension == 2:
            geoms[collections] = _polygonal_parts(geoms[collections])
        else:
            geoms[collections] = [linear_part(g) for g in geoms[collections]]
        ok |= collections
    ok &= non_empty_mask(geoms)
    return geoms, ok


def _polygonal_parts(collections: np.ndarray) -> np.ndarray:
    """The polygons of overlay results that are collections (an area and touching lines or
    points), vectorised: one polygon as it is, several as one multipolygon — valid, since an
    overlay's polygons meet at points at most — else (never seen) their union."""
    out = np.full(len(collections), shapely.Polygon(), dtype=object)
    parts, owner = shapely.get_parts(collections, return_index=True)
    keep = np.isin(shapely.get_type_id(parts), _POLY_TYPES)
    parts, index = shapely.get_parts(parts[keep], return_index=True)  # multipolygons flattened
    owner = owner[keep][index]
    counts = np.bincount(owner, minlength=len(collections))
    one = counts[owner] == 1
    out[owner[one]] = parts[one]
    many = np.flatnonzero(counts > 1)
    if len(many):
        merged = shapely.multipolygons(parts[~one], indices=np.searchsorted(many, owner[~one]))
        bad = ~shapely.is_valid(merged)
        merged[bad] = [shapely.union_all(parts[owner == many[i]]) for i in np.flatnonzero(bad)]
        out[many] = merged
    return out


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

    Groups of one piece are taken as they are; larger groups of polygons are dissolved with
    :func:`dissolve_polygon_groups`, lines with ``shapely.union_all`` (noded and merged, so
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
    if dimension == 2:
        several = np.repeat(~single, counts)
        if several.any():
            check(progress)
            out[groups[~single]] = dissolve_polygon_groups(index[several], geoms[several])
            check(progress)
        return out
    for g, s, c in zip(groups[~single], starts[~single], counts[~single]):
        check(progress)
        merged = shapely.union_all(geoms[s : s + c])
        out[g] = shapely.line_merge(linear_part(merged)) if not merged.is_empty else merged
    return out


GROUPS_PER_UNION = 64  # groups per vectorised coverage union (GEOS refuses a call, not a group)


def dissolve_polygon_groups(index: np.ndarray, geoms: np.ndarray) -> np.ndarray:
    """:func:`dissolve_polygons` of each group of ``geoms`` (``index`` sorted), vectorised:
    a coverage union over :data:`GROUPS_PER_UNION` groups at a time, each result checked
    (valid, area the sum of its parts); a group that fails gets the general union. GEOS
    refuses a whole call for one group (e.g. patches touching at a corner only: 4 of 3 584
    projects over the 1 M tier's 永久基本农田); the groups of such a call are dissolved one by
    one (:func:`dissolve_polygons`)."""
    _, starts, inverse = np.unique(index, return_index=True, return_inverse=True)
    ends = np.append(starts[1:], len(geoms))
    merged = np.empty(len(starts), dtype=object)
    alone = np.zeros(len(starts), dtype=bool)  # dissolved one by one: already checked
    for first in range(0, len(starts), GROUPS_PER_UNION):
        last = min(first + GROUPS_PER_UNION, len(starts))
        a, b = starts[first], ends[last - 1]
        try:
            collections = shapely.geometrycollections(geoms[a:b], indices=inverse[a:b] - first)
            merged[first:last] = shapely.lib.coverage_union(collections)
        except (shapely.errors.GEOSException, AttributeError):
            merged[first:last] = [dissolve_polygons(geoms[s:e]) for s, e in
                                  zip(starts[first:last], ends[first:last])]  # fmt: skip
            alone[first:last] = True
    total = np.bincount(inverse, weights=shapely.area(geoms), minlength=len(starts))
    close = np.abs(shapely.area(merged) - total) <= 1e-9 * np.maximum(total, 1.0)
    bad = ~alone & ~(close & threaded(shapely.is_valid, merged, min_items=2_000))
    for i in np.flatnonzero(bad):
        merged[i] = shapely.union_all(geoms[starts[i] : ends[i]])
    merged, _ = keep_dimension(merged, 2)
    return merged


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


def interiors_meet(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether the interiors of each pair meet (DE-9IM ``T********``: more than touching)."""
    return shapely.relate_pattern(a, b, "T********")


def overlap_area_per_project(
    projects: np.ndarray, controls: np.ndarray, measure, progress: Progress | None = None
) -> np.ndarray:
    """For each project, the area (``measure`` of an array) of ``project ∩ union(controls)``
    without building the unions: where a project's pieces do not overlap each other (a
    coverage such as 永久基本农田: they only share edges) the union's area is the sum of
    theirs; only the projects whose pieces overlap are dissolved (:func:`dissolve_groups`).
    One relate per pair of a project's pieces whose boxes overlap, instead of a union per
    project (0.15 s instead of 4.4 s for 44 000 耕地 pieces over 永久基本农田)."""
    projects = np.asarray(projects, dtype=object)
    out = np.zeros(len(projects))
    pieces = intersect_pairs(projects, controls, 2, progress=_part(progress, 0.0, 0.8))
    if len(pieces) == 0:
        return out
    np.add.at(out, pieces.left, measure(pieces.geoms))
    i, j = shapely.STRtree(pieces.geoms).query(pieces.geoms)
    same = (i < j) & (pieces.left[i] == pieces.left[j])
    i, j = i[same], j[same]
    box_i, box_j = shapely.bounds(pieces.geoms[i]), shapely.bounds(pieces.geoms[j])
    width = np.minimum(box_i[:, 2], box_j[:, 2]) - np.maximum(box_i[:, 0], box_j[:, 0])
    height = np.minimum(box_i[:, 3], box_j[:, 3]) - np.maximum(box_i[:, 1], box_j[:, 1])
    boxed = (width > 0) & (height > 0)
    i, j = i[boxed], j[boxed]
    meet = threaded(interiors_meet, pieces.geoms[i], pieces.geoms[j])
    overlapping = np.unique(pieces.left[i[meet]])
    check(progress)
    if len(overlapping):
        chosen = np.isin(pieces.left, overlapping)
        merged = dissolve_groups(pieces.left[chosen], pieces.geoms[chosen], len(projects))
        present = non_empty_mask(merged[overlapping])
        out[overlapping] = 0.0
        out[overlapping[present]] = measure(merged[overlapping][present])
    return out


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
