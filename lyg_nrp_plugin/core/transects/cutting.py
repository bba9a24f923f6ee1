"""Transects: cut perpendicular to the axis every ``spacing`` m, measured against land use."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from .land import LandUse

# a transect with less land than this beside the water is all water: 1 m, below the precision
# of 三调 mapping (1:10000, parcel edges within a few metres), so that slivers along a water
# parcel's edge are not read as a bank
LAND_TOLERANCE_M = 1.0


@dataclass
class Transects:
    """Transects of one corridor (arrays of equal length, in axis order)."""

    geoms: np.ndarray  # LineStrings clipped to the corridor
    part: np.ndarray  # index of the axis part
    chainage: np.ndarray  # distance of the transect along the whole axis (m)
    cell_start: np.ndarray  # chainage of the cell the transect stands for
    cell_end: np.ndarray
    local_start: np.ndarray  # the same along its own axis part
    local_end: np.ndarray
    length: np.ndarray
    eco_width: np.ndarray = field(default_factory=lambda: np.zeros(0))
    built_width: np.ndarray = field(default_factory=lambda: np.zeros(0))
    is_break: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    water_width: np.ndarray | None = None  # length on the water surface (1101-1103)

    def __len__(self) -> int:
        return len(self.geoms)

    @property
    def water(self) -> np.ndarray:
        return self.water_width if self.water_width is not None else np.zeros(len(self))

    @property
    def land_length(self) -> np.ndarray:
        """Length beside the water: the transect measured from the banks."""
        return np.maximum(self.length - self.water, 0.0)

    @property
    def has_land(self) -> np.ndarray:
        """Transects that cross some land (an all-water one is neither measured nor a break)."""
        return self.land_length > LAND_TOLERANCE_M

    @property
    def built_share(self) -> np.ndarray:
        """Built length / length beside the water (0 for an all-water transect)."""
        land = self.land_length
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.has_land, self.built_width / land, 0.0)


def axis_parts(axis: shapely.Geometry) -> list[shapely.LineString]:
    if axis is None or axis.is_empty:
        return []
    return [
        p
        for p in shapely.get_parts(
            shapely.line_merge(axis) if axis.geom_type == "MultiLineString" else axis
        )
        if p.geom_type == "LineString" and p.length > 0
    ]


def corridor_reach(polygon: shapely.Geometry, axis: shapely.Geometry) -> float:
    """Half-length of the raw transect: the farthest corridor vertex from the axis.

    So a transect never reaches further from the axis than the corridor's half-width (on the
    inside of a bend the corridor of the other arm does not lengthen it beyond that).
    """
    coords = shapely.get_coordinates(polygon.boundary)
    if len(coords) == 0:
        return 1e-6
    return float(shapely.distance(shapely.points(coords), axis).max()) * (1 + 1e-9) + 1e-6


def make_transects(polygon: shapely.Geometry, axis: shapely.Geometry, spacing: float) -> Transects:
    """Transects every ``spacing`` m along ``axis``, perpendicular, clipped to ``polygon``."""
    parts = axis_parts(axis)
    empty = np.zeros(0)
    if not parts or polygon.is_empty:
        return Transects(
            np.array([], dtype=object),
            empty.astype(int),
            empty,
            empty,
            empty,
            empty,
            empty,
            empty,
            empty,
            empty,
            empty.astype(bool),
        )
    reach = corridor_reach(polygon, axis)
    shapely.prepare(polygon)
    out = {k: [] for k in ("geoms", "part", "chain", "cs", "ce", "ls", "le")}
    offset = 0.0
    for k, line in enumerate(parts):
        length = line.length
        edges = np.append(np.arange(0.0, length, spacing), length)
        if len(edges) > 2 and edges[-1] - edges[-2] < 1e-9:
            edges = edges[:-1]
        centres = (edges[:-1] + edges[1:]) / 2
        delta = min(spacing / 4, 5.0)
        p = shapely.get_coordinates(shapely.line_interpolate_point(line, centres))
        a = shapely.get_coordinates(
            shapely.line_interpolate_point(line, np.clip(centres - delta, 0, length))
        )
        b = shapely.get_coordinates(
            shapely.line_interpolate_point(line, np.clip(centres + delta, 0, length))
        )
        d = b - a
        norm = np.hypot(d[:, 0], d[:, 1])
        norm[norm == 0] = 1.0
        n = np.column_stack([-d[:, 1], d[:, 0]]) / norm[:, None]
        raw = shapely.linestrings(np.stack([p - n * reach, p + n * reach], axis=1))
        clipped = shapely.intersection(raw, polygon)
        pieces, owner = shapely.get_parts(clipped, return_index=True)
        keep = (
            np.array([g.geom_type == "LineString" and g.length > 0 for g in pieces], dtype=bool)
            if len(pieces)
            else np.zeros(0, dtype=bool)
        )
        pieces, owner = pieces[keep], owner[keep]
        chosen = np.full(len(centres), None, dtype=object)
        if len(pieces):
            dist = shapely.distance(pieces, shapely.points(p[owner]))
            order = np.lexsort((dist, owner))
            first = order[np.r_[True, owner[order][1:] != owner[order][:-1]]]
            ok = dist[first] <= reach / 2
            chosen[owner[first][ok]] = pieces[first][ok]
        valid = np.array([g is not None for g in chosen], dtype=bool)
        out["geoms"].append(chosen[valid])
        out["part"].append(np.full(valid.sum(), k))
        out["chain"].append(offset + centres[valid])
        out["cs"].append(offset + edges[:-1][valid])
        out["ce"].append(offset + edges[1:][valid])
        out["ls"].append(edges[:-1][valid])
        out["le"].append(edges[1:][valid])
        offset += length
    geoms = np.concatenate(out["geoms"]).astype(object)
    return Transects(
        geoms,
        np.concatenate(out["part"]).astype(int),
        np.concatenate(out["chain"]),
        np.concatenate(out["cs"]),
        np.concatenate(out["ce"]),
        np.concatenate(out["ls"]),
        np.concatenate(out["le"]),
        shapely.length(geoms) if len(geoms) else empty,
        np.zeros(len(geoms)),
        np.zeros(len(geoms)),
        np.zeros(len(geoms), bool),
    )


def measure_transects(
    transects: Transects, land: LandUse, min_eco_width: float, break_built_share: float
) -> Transects:
    """Fill ``eco_width``, ``built_width``, ``water_width`` and ``is_break`` (one STRtree query
    for all). Water never counts as ecological width; an all-water transect is no break."""
    n = len(transects)
    if n == 0:
        return transects
    ti, pi = land.tree.query(transects.geoms, predicate="intersects")
    lengths = shapely.length(shapely.intersection(transects.geoms[ti], land.geoms[pi]))
    eco = np.bincount(ti, weights=lengths * land.is_eco[pi], minlength=n)
    built = np.bincount(ti, weights=lengths * land.is_built[pi], minlength=n)
    water = np.bincount(ti, weights=lengths * land.is_water[pi], minlength=n)
    # a transect running exactly along a shared parcel edge would count twice: cap at length
    transects.water_width = np.minimum(water, transects.length)
    transects.eco_width = np.minimum(eco, transects.land_length)
    transects.built_width = np.minimum(built, transects.land_length)
    transects.is_break = transects.has_land & (
        (transects.eco_width < min_eco_width) | (transects.built_share >= break_built_share)
    )
    return transects
