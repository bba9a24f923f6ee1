"""Breaks (断点): runs of consecutive break transects, with their polygon and built land."""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.ops import substring

from .cutting import Transects, axis_parts, corridor_reach
from .land import LandUse, clip_parcels


@dataclass
class Break:
    number: int
    first: int  # index of the first break transect
    last: int
    start_m: float  # chainage along the axis
    end_m: float
    polygon: shapely.Geometry
    built_m2: float = 0.0
    built_dlbm: str | None = None
    cause: str = "narrow"  # "built" when a transect's built share reached the threshold

    @property
    def length_m(self) -> float:
        return self.end_m - self.start_m

    @property
    def n_transects(self) -> int:
        return self.last - self.first + 1


def break_runs(transects: Transects) -> list[tuple[int, int]]:
    """(first, last) indices of runs of consecutive break transects on the same axis part.

    Consecutive = adjacent cells: the next transect's cell starts where this one's ends (a
    dropped transect interrupts a run).
    """
    runs: list[tuple[int, int]] = []
    start = None
    for i in range(len(transects)):
        brk = bool(transects.is_break[i])
        if brk and start is not None:
            adjacent = (
                transects.part[i] == transects.part[i - 1]
                and abs(transects.local_start[i] - transects.local_end[i - 1]) < 1e-6
            )
            if not adjacent:
                runs.append((start, i - 1))
                start = i
        elif brk:
            start = i
        elif start is not None:
            runs.append((start, i - 1))
            start = None
    if start is not None:
        runs.append((start, len(transects) - 1))
    return runs


def stretch_polygon(
    polygon: shapely.Geometry, line: shapely.LineString, start: float, end: float, reach: float
) -> shapely.Geometry:
    """The part of the corridor between two distances along one axis part."""
    piece = substring(line, start, end)
    if piece.is_empty or piece.length == 0:
        return shapely.Polygon()
    band = shapely.buffer(piece, reach, quad_segs=16, cap_style="flat", join_style="round")
    cut = shapely.intersection(polygon, band)
    parts = [p for p in shapely.get_parts(cut) if p.geom_type == "Polygon" and p.area > 0]
    touching = [p for p in parts if p.distance(piece) < 1e-6]
    if not touching and parts:  # axis off the polygon (coastline beside the land): nearest
        touching = [min(parts, key=lambda p: p.distance(piece))]
    return shapely.union_all(touching) if touching else shapely.Polygon()


def find_breaks(
    polygon: shapely.Geometry,
    axis: shapely.Geometry,
    transects: Transects,
    land: LandUse,
    break_built_share: float,
) -> list[Break]:
    """Merge runs of break transects into :class:`Break` s with their polygon and built land."""
    runs = break_runs(transects)
    if not runs:
        return []
    parts = axis_parts(axis)
    reach = corridor_reach(polygon, axis)
    breaks = []
    for number, (i, j) in enumerate(runs, start=1):
        line = parts[int(transects.part[i])]
        poly = stretch_polygon(
            polygon, line, float(transects.local_start[i]), float(transects.local_end[j]), reach
        )
        brk = Break(
            number, i, j, float(transects.cell_start[i]), float(transects.cell_end[j]), poly
        )
        share = transects.built_share[i : j + 1]
        brk.cause = "built" if (share >= break_built_share).any() else "narrow"
        if not poly.is_empty:
            idx, pieces = clip_parcels(poly, land)
            if len(idx):
                built = land.is_built[idx]
                areas = shapely.area(pieces)
                brk.built_m2 = float(areas[built].sum())
                if built.any() and brk.built_m2 > 0:
                    totals: dict[str, float] = {}
                    for code, a in zip(land.codes[idx][built], areas[built]):
                        totals[code] = totals.get(code, 0.0) + float(a)
                    brk.built_dlbm = max(totals, key=totals.get)
        breaks.append(brk)
    return breaks
