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
* 一带 (coastal belt): the coastline buffered by the landward width, clipped to the land
  ``boundary``; optionally plus the coastline buffered by the seaward width outside the land.
* 一脉 (green vein): the union of the green-vein polygons; its axis is the longest path through
  an approximate medial axis (:func:`longest_internal_axis`).

Everything is planar, in the metres of a projected CRS. No qgis import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, dijkstra

DEFAULT_CORRIDOR_NAMES = (
    "龙王河",
    "青口河",
    "蔷薇河-临洪河",
    "古泊善后河",
    "通榆河",
    "新沂河",
    "灌河",
)
KIND_BELT, KIND_VEIN, KIND_RIVER = "belt", "vein", "river"
KIND_ZH = {KIND_BELT: "一带", KIND_VEIN: "一脉", KIND_RIVER: "七廊"}
BELT_NAME = "沿海生态屏障带"
VEIN_NAME = "云台山系生态绿脉"
_DASHES = re.compile(r"\s*[-－—–~～]\s*")


def normalise_name(name) -> str:
    """Name used for matching: stripped, hyphen variants unified to ``-``."""
    if name is None:
        return ""
    return _DASHES.sub("-", str(name).strip())


def parse_names(text: str | Sequence[str] | None) -> list[str]:
    """Corridor names from a comma/semicolon/newline separated text (Chinese commas too)."""
    if text is None:
        return list(DEFAULT_CORRIDOR_NAMES)
    if isinstance(text, str):
        items = re.split(r"[,，;；、\n]+", text)
    else:
        items = list(text)
    names = [normalise_name(t) for t in items]
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out


@dataclass
class NameMatch:
    """Which input features a corridor name matched."""

    name: str
    indices: list[int]
    matched_names: list[str]
    missing_parts: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.indices)


def match_names(corridor_names: Sequence[str], feature_names: Sequence) -> list[NameMatch]:
    """For each corridor name the indices of the features it takes (see module doc)."""
    keys = [normalise_name(n) for n in feature_names]
    by_name: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key:
            by_name.setdefault(key, []).append(i)
    matches = []
    for name in corridor_names:
        name = normalise_name(name)
        if name in by_name:
            matches.append(NameMatch(name, list(by_name[name]), [name]))
            continue
        parts = [p for p in name.split("-") if p] if "-" in name else []
        indices: list[int] = []
        found: list[str] = []
        missing: list[str] = []
        for part in parts:
            if part in by_name:
                indices.extend(by_name[part])
                found.append(part)
            else:
                missing.append(part)
        if not parts:
            missing = [name]
        matches.append(NameMatch(name, indices, found, missing))
    return matches


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


def half_widths(values: Sequence, default: float) -> tuple[np.ndarray, int]:
    """Half-width per feature from a width column: positive numbers as they are, anything
    else (empty, text, zero, negative) ``default``; and the number of such fallbacks."""
    widths = np.full(len(values), default, dtype=float)
    bad = 0
    for i, value in enumerate(values):
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        if np.isfinite(number) and number > 0:
            widths[i] = number
        else:
            bad += 1
    return widths, bad


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
