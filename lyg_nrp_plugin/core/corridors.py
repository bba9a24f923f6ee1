"""Building the corridors of the plan's ecological security pattern 一带一脉七廊.

* 七廊 (river corridors): the river lines whose name matches a corridor name are merged
  (``shapely.line_merge``) into one axis; the corridor is the axis buffered by the half-width on
  each side with **flat caps** (the corridor ends where the river line ends, perpendicular to it)
  and round joins (no gaps on the outside of bends). With a half-width per feature each feature
  is buffered with its own width (round caps, so features meeting at a node leave no wedge) and
  the union is cut flat at the axis ends (intersection with the axis buffered by the largest
  width, flat caps).
* A name written ``A-B`` (蔷薇河-临洪河) matches lines named exactly ``A-B`` or, when there are
  none, the lines named ``A`` and ``B`` (each part reported if missing). Hyphen variants
  (``-``, ``－``, ``—``, ``–``, ``~``) are treated alike and surrounding spaces ignored.
* Aliases (``resources/rules/corridor_aliases.csv``, editable): a requested name or a river
  line's name that is an alias is read as its canonical corridor name (善后河 → 古泊善后河;
  蔷薇河 / 临洪河 as a requested name → 蔷薇河-临洪河). An alias that is a part of its
  canonical ``A-B`` name is used only for requested names, so the part rule above still says
  which part is missing.
* Clipping: with a land ``boundary`` every corridor is clipped to it (:func:`clip_to_land`);
  ``outside_m2`` is the area of the unclipped band cut away.
* 一带 (coastal belt): the coastline buffered by the landward width, clipped to the land
  ``boundary``; optionally plus the coastline buffered by the seaward width outside the land.
* 一脉 (green vein): the union of the green-vein polygons; its axis is the longest path through
  an approximate medial axis (:func:`longest_internal_axis`).

Everything is planar, in the metres of a projected CRS. No qgis import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, dijkstra

from .corridor_names import (  # noqa: F401 - the names API is part of this module's
    DEFAULT_CORRIDOR_NAMES,
    NameMatch,
    canonical,
    load_aliases,
    match_names,
    normalise_name,
    parse_names,
)
from .values import read_numbers

KIND_BELT, KIND_VEIN, KIND_RIVER = "belt", "vein", "river"
KIND_ZH = {KIND_BELT: "一带", KIND_VEIN: "一脉", KIND_RIVER: "七廊"}
BELT_NAME = "沿海生态屏障带"
VEIN_NAME = "云台山系生态绿脉"


def merge_lines(geoms: Sequence[shapely.Geometry]) -> shapely.Geometry:
    """All line parts merged end to end (LineString if they connect, else MultiLineString)."""
    parts = [
        p
        for g in geoms
        if g is not None and not g.is_empty
        for p in shapely.get_parts(g)
        if p.length > 0
    ]
    if not parts:
        return shapely.LineString()
    merged = shapely.line_merge(shapely.union_all(parts))
    if merged.geom_type == "GeometryCollection":  # pragma: no cover - defensive
        merged = shapely.multilinestrings(
            [p for p in shapely.get_parts(merged) if p.geom_type == "LineString"]
        )
    return merged


def river_corridor(
    lines: Sequence[shapely.Geometry], half_widths: Sequence[float], quad_segs: int = 16
) -> tuple[shapely.Geometry, shapely.Geometry]:
    """(corridor polygon, merged axis) of one river from its line features and half-widths."""
    axis = merge_lines(lines)
    if axis.is_empty:
        return shapely.Polygon(), axis
    widths = np.asarray(half_widths, dtype=float)
    wmax = float(widths.max())
    flat = shapely.buffer(axis, wmax, quad_segs=quad_segs, cap_style="flat", join_style="round")
    if np.allclose(widths, widths[0]):
        return flat, axis
    pieces = [
        shapely.buffer(g, float(w), quad_segs=quad_segs, cap_style="round")
        for g, w in zip(lines, widths)
        if g is not None and not g.is_empty
    ]
    return shapely.intersection(shapely.union_all(pieces), flat), axis


def coastal_belt(
    coastline: Sequence[shapely.Geometry],
    land: shapely.Geometry,
    landward: float,
    seaward: float = 0.0,
    quad_segs: int = 16,
) -> tuple[shapely.Geometry, shapely.Geometry]:
    """(belt polygon, merged coastline): landward buffer ∩ land, plus seaward buffer − land."""
    axis = merge_lines(coastline)
    if axis.is_empty:
        return shapely.Polygon(), axis
    belt = shapely.intersection(
        shapely.buffer(axis, landward, quad_segs=quad_segs, cap_style="flat"), land
    )
    if seaward > 0:
        sea = shapely.difference(
            shapely.buffer(axis, seaward, quad_segs=quad_segs, cap_style="flat"), land
        )
        belt = shapely.union(belt, sea)
    return _polygonal(belt), axis


def belt_outside_m2(axis: shapely.Geometry, land: shapely.Geometry, landward: float) -> float:
    """Area of the landward band (coastline buffered by ``landward``, flat caps) outside the
    land: the sea side of the band, cut away by the boundary."""
    if axis.is_empty:
        return 0.0
    band = shapely.buffer(axis, landward, quad_segs=16, cap_style="flat")
    return clip_to_land(band, land)[1]


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return shapely.Polygon()
    return shapely.union_all(parts)


def longest_internal_axis(
    polygon: shapely.Geometry, n_points: int = 1500, min_part_share: float = 0.05
) -> shapely.Geometry:
    """The longest internal axis of a polygon (the green vein's 主脊线).

    Method: the boundary is densified to about ``n_points`` vertices per part; the edges of
    their Voronoi diagram that lie inside the polygon approximate its medial axis (skeleton).
    Of that graph the longest shortest path is taken (two Dijkstra sweeps: the farthest node
    from any node, then the farthest from that one — exact on a tree, a close approximation
    on the near-tree skeleton). The skeleton runs into every convex corner, so from each end
    of the path the vertices whose inscribed radius (distance to the boundary) is under half
    the median radius along the path are trimmed off. The line is simplified with a tolerance
    of one densify step.
    Multi-polygons: one axis per part whose area is at least ``min_part_share`` of the whole
    (MultiLineString). Returns an empty LineString when nothing is found.
    """
    if polygon is None or polygon.is_empty:
        return shapely.LineString()
    parts = [p for p in shapely.get_parts(polygon) if p.geom_type == "Polygon" and p.area > 0]
    total = sum(p.area for p in parts)
    axes = []
    for part in parts:
        if part.area < min_part_share * total:
            continue
        axis = _part_axis(part, n_points)
        if not axis.is_empty:
            axes.append(axis)
    if not axes:
        return shapely.LineString()
    return axes[0] if len(axes) == 1 else shapely.MultiLineString(axes)


def _part_axis(polygon: shapely.Polygon, n_points: int) -> shapely.Geometry:
    step = max(polygon.boundary.length / n_points, 1e-6)
    dense = shapely.segmentize(polygon.boundary, step)
    points = shapely.multipoints(shapely.get_coordinates(dense))
    edges = shapely.voronoi_polygons(points, only_edges=True)
    edges = np.array(shapely.get_parts(edges))
    if len(edges) == 0:
        return shapely.LineString()
    # split multi-vertex lines into single segments and keep those inside the polygon
    coords, index = shapely.get_coordinates(edges, return_index=True)
    same = index[1:] == index[:-1]
    seg_a, seg_b = coords[:-1][same], coords[1:][same]
    segments = shapely.linestrings(np.stack([seg_a, seg_b], axis=1))
    shapely.prepare(polygon)
    inside = shapely.contains_properly(polygon, segments)
    seg_a, seg_b = seg_a[inside], seg_b[inside]
    if len(seg_a) == 0:
        return shapely.LineString()
    nodes, inverse = np.unique(np.round(np.vstack([seg_a, seg_b]), 6), axis=0, return_inverse=True)
    inverse = inverse.ravel()
    n = len(seg_a)
    u, v = inverse[:n], inverse[n:]
    w = np.hypot(*(seg_a - seg_b).T)
    keep = u != v
    u, v, w = u[keep], v[keep], w[keep]
    graph = coo_matrix(
        (np.concatenate([w, w]), (np.concatenate([u, v]), np.concatenate([v, u]))),
        shape=(len(nodes), len(nodes)),
    ).tocsr()
    _, labels = connected_components(graph, directed=False)
    # the component with the most total edge length
    comp_len = np.bincount(labels[u], weights=w, minlength=labels.max() + 1)
    comp = int(np.argmax(comp_len))
    start = int(np.flatnonzero(labels == comp)[0])
    dist = dijkstra(graph, indices=start)
    dist[~np.isfinite(dist)] = -1
    a = int(np.argmax(dist))
    dist, pred = dijkstra(graph, indices=a, return_predecessors=True)
    dist[~np.isfinite(dist)] = -1
    b = int(np.argmax(dist))
    path = [b]
    while path[-1] != a and pred[path[-1]] >= 0:
        path.append(int(pred[path[-1]]))
    if len(path) < 2:
        return shapely.LineString()
    points = nodes[path[::-1]]
    # trim the branches into corners: from each end drop the vertices whose inscribed radius
    # (distance to the boundary) is under half the median radius along the path
    radius = shapely.distance(shapely.points(points), polygon.boundary)
    keep = np.flatnonzero(radius >= 0.5 * np.median(radius))
    if len(keep) >= 2:
        points = points[keep[0] : keep[-1] + 1]
    line = shapely.LineString(points)
    return line.simplify(step, preserve_topology=False)


def clip_to_land(
    polygon: shapely.Geometry, land: shapely.Geometry | None
) -> tuple[shapely.Geometry, float]:
    """(polygon ∩ land, area cut away); unchanged and 0 without a land boundary."""
    if land is None or land.is_empty or polygon.is_empty:
        return polygon, 0.0
    clipped = _polygonal(shapely.intersection(polygon, land))
    return clipped, max(float(polygon.area - clipped.area), 0.0)


@dataclass
class Corridor:
    """One built corridor (what ``build_corridors`` writes)."""

    corridor_id: str
    name: str
    kind: str
    half_width_m: float | None
    polygon: shapely.Geometry
    axis: shapely.Geometry
    source_names: list[str] = field(default_factory=list)
    outside_m2: float = 0.0  # area of the unclipped band outside the land boundary

    def clip(self, land: shapely.Geometry | None) -> None:
        """Clip the polygon to ``land`` (when given) and record the area cut away."""
        self.polygon, cut = clip_to_land(self.polygon, land)
        self.outside_m2 += cut

    @property
    def kind_zh(self) -> str:
        return KIND_ZH.get(self.kind, "")

    @property
    def area_m2(self) -> float:
        return float(self.polygon.area)

    @property
    def length_m(self) -> float:
        return float(self.axis.length)


def corridor_id(kind: str, number: int) -> str:
    """``BELT``, ``VEIN``, ``R1`` … ``R7`` (river number in the order of the names)."""
    if kind == KIND_BELT:
        return "BELT"
    if kind == KIND_VEIN:
        return "VEIN" if number <= 1 else f"VEIN{number}"
    return f"R{number}"


# sane bounds of the widths (m): a river half-width beyond 5 km or a coastal belt wider than
# 20 km is no corridor of the plan (the belt's 海岸带 is a few km); 1 m is the smallest
MIN_WIDTH_M = 1.0
MAX_HALF_WIDTH_M = 5000.0
MAX_BELT_WIDTH_M = 20000.0


@dataclass
class HalfWidths:
    """Half-width per feature, and the positions whose own value was not used."""

    widths: np.ndarray
    empty: list[int] = field(default_factory=list)  # NULL / empty: the default, silently
    rejected: list[int] = field(default_factory=list)  # text, <= 0 or > the maximum

    @property
    def n_fallback(self) -> int:
        return len(self.empty) + len(self.rejected)


def half_widths(values: Sequence, default: float, maximum: float = MAX_HALF_WIDTH_M) -> HalfWidths:
    """Half-width per feature from a width column (read with :func:`values.read_numbers`):
    numbers in (0, ``maximum``] as they are; empty ones take ``default``; text, zero, negative
    or absurd (> ``maximum``) values are rejected (the feature takes ``default``, reported)."""
    column = read_numbers(values)
    widths = np.full(len(values), default, dtype=float)
    ok = np.isfinite(column.values) & (column.values > 0) & (column.values <= maximum)
    widths[ok] = column.values[ok]
    invalid = set(column.invalid)
    empty = [i for i in range(len(values)) if column.missing[i] and i not in invalid]
    rejected = [i for i in range(len(values)) if not ok[i] and i not in set(empty)]
    return HalfWidths(widths, empty, rejected)


def river_from_lines(
    match: NameMatch, number: int, lines: np.ndarray, widths: np.ndarray
) -> Corridor:
    """The river corridor ``R<number>`` of a matched name from its lines and half-widths; its
    half-width is the length-weighted mean of the features' widths."""
    polygon, axis = river_corridor(lines, widths)
    lengths = shapely.length(lines)
    mean_w = float(np.average(widths, weights=lengths)) if lengths.sum() > 0 else float(widths[0])
    return Corridor(
        corridor_id(KIND_RIVER, number),
        match.name,
        KIND_RIVER,
        mean_w,
        polygon,
        axis,
        list(match.matched_names),
    )
