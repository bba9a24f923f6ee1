"""Corridor assessment: land-use composition, transects, breaks (断点) and fragmentation.

Definitions (planar, metres, one corridor at a time — overlapping corridors never share
results):

* **Ecological land** — parcels whose DLBM passes :class:`EcoClasses` (default 林地, 草地,
  湿地 and 水域 except 1109 水工建筑用地 and 1107 沟渠). **Built land** — ``landuse.is_built``;
  **farmland** — ``landuse.is_farmland``.
* **Transects** — the axis (every part of a multi-part axis on its own) is cut into cells of
  length ``spacing`` from its start (the last cell is shorter); one transect per cell at the
  cell's centre, perpendicular to the axis there (tangent from the axis points ``δ`` before and
  after, ``δ = min(spacing/4, 5 m)``). The transect is a segment long enough to cross the
  corridor, intersected with the corridor; of the pieces the one containing the axis point is
  kept, or, if the axis point lies outside the corridor (a coastline just off the land
  boundary), the nearest piece within half the reach. A transect with no such piece is dropped.
* **Eco width** of a transect = its length inside ecological land; **built share** = its
  length inside built land / its length. A transect is a **break** when eco width <
  ``min_eco_width`` or built share >= ``break_built_share``.
* **Breaks** — each run of consecutive break transects (same axis part) is one break; it covers
  the cells of its transects, i.e. the axis stretch from the first cell's start to the last
  cell's end (the midpoints to the neighbouring transects); ``length_m`` is that axis length,
  so for a built block crossing the whole corridor ``length_m`` = (number of transect centres
  inside the block) × spacing, within one spacing of the block's width. Its polygon is the part
  of the corridor within that stretch (the corridor ∩ the stretch buffered with flat ends,
  keeping the pieces that touch the stretch).
* **Fragmentation** — ecological land inside the corridor dissolved into patches (parts
  touching along an edge merge; parts touching at a point stay separate): ``n_patches`` and
  ``largest_patch_ratio`` = largest patch area / corridor area (the landscape ecology LPI).

Parcels are found with an ``STRtree`` and intersected in vectorised shapely calls, never in a
Python loop over parcels. No qgis import.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from shapely.ops import substring

from . import landuse

DEFAULT_ECO_CLASSES = "forest,grass,wetland,water,-1109,-1107"
GRADE_CODES = ("excellent", "good", "fair", "poor")


# --- ecological classes ------------------------------------------------------------------

_CLASS_ALIASES = {name: key for key, name in landuse.CLASS_NAMES_ZH.items()}
_CLASS_ALIASES.update({"水域": "water", "林": "forest", "草": "grass"})


@dataclass(frozen=True)
class EcoClasses:
    """Which DLBM codes count as ecological land.

    Syntax (``ECO_CLASSES``): comma-separated tokens; a token is a 三调 first-level class key
    (``forest``, ``grass``, ``wetland``, ``water``, ``farmland``, ``garden``, ``other`` …) or
    its Chinese name (林地, 草地, 湿地, 水域 …), or a DLBM code / code prefix (``0603``, ``12``,
    ``1104A``). A leading ``-`` excludes: ``-1109`` removes 水工建筑用地. A code is ecological
    when some positive token matches it and no negative token does. Codes match by prefix after
    normalisation (``-1107`` excludes 1107 and 1107A). Class keys use ``landuse.first_level``
    (wetland codes 1105/1106/1108 are 'wetland', not 'water').
    """

    include_classes: frozenset[str]
    include_codes: tuple[str, ...]
    exclude_classes: frozenset[str]
    exclude_codes: tuple[str, ...]
    text: str = DEFAULT_ECO_CLASSES

    def is_eco(self, code) -> bool:
        code = landuse.normalise_code(code)
        if code is None:
            return False
        cls = landuse.first_level(code)
        if cls in self.exclude_classes or any(code.startswith(c) for c in self.exclude_codes):
            return False
        return cls in self.include_classes or any(code.startswith(c) for c in self.include_codes)

    def mask(self, codes: Sequence) -> np.ndarray:
        cache: dict = {}
        out = np.zeros(len(codes), dtype=bool)
        for i, code in enumerate(codes):
            if code not in cache:
                cache[code] = self.is_eco(code)
            out[i] = cache[code]
        return out


def parse_eco_classes(text: str | None) -> EcoClasses:
    """Parse the ``ECO_CLASSES`` syntax; raises ``ValueError`` naming an unknown token."""
    text = DEFAULT_ECO_CLASSES if text is None or not str(text).strip() else str(text)
    inc_c: set[str] = set()
    exc_c: set[str] = set()
    inc_k: list[str] = []
    exc_k: list[str] = []
    tokens = [t.strip() for t in re.split(r"[,，;；、\s]+", text) if t.strip()]
    if not tokens:
        raise ValueError("no ecological class given")
    for token in tokens:
        negative = token.startswith("-")
        body = token[1:].strip() if negative else token
        key = body.lower()
        if key in landuse.CLASS_KEYS:
            (exc_c if negative else inc_c).add(key)
        elif body in _CLASS_ALIASES:
            (exc_c if negative else inc_c).add(_CLASS_ALIASES[body])
        elif re.fullmatch(r"\d{2}[0-9A-Za-z]{0,3}", body):
            code = body.upper() if len(body) != 3 else landuse.normalise_code(body)
            (exc_k if negative else inc_k).append(code)
        else:
            raise ValueError(token)
    if not inc_c and not inc_k:
        raise ValueError(text)
    return EcoClasses(frozenset(inc_c), tuple(inc_k), frozenset(exc_c), tuple(exc_k), text)


# --- land use ------------------------------------------------------------------------------


@dataclass
class LandUse:
    """Parcels prepared for overlay: geometries, normalised codes, class flags and a tree."""

    geoms: np.ndarray
    codes: np.ndarray
    is_eco: np.ndarray
    is_built: np.ndarray
    is_farm: np.ndarray
    tree: shapely.STRtree

    @classmethod
    def build(cls, geoms: Sequence, codes: Sequence, eco: EcoClasses) -> LandUse:
        geoms = np.asarray(geoms, dtype=object)
        ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        geoms = geoms[ok]
        norm = np.array(
            [landuse.normalise_code(c) for c in np.asarray(codes, dtype=object)[ok]], dtype=object
        )
        cache: dict = {}

        def flags(code):
            if code not in cache:
                cache[code] = (eco.is_eco(code), landuse.is_built(code), landuse.is_farmland(code))
            return cache[code]

        table = np.array([flags(c) for c in norm], dtype=bool).reshape(-1, 3)
        shapely.prepare(geoms)
        return cls(geoms, norm, table[:, 0], table[:, 1], table[:, 2], shapely.STRtree(geoms))


@dataclass
class AreaStats:
    area_m2: float
    eco_m2: float
    built_m2: float
    farm_m2: float
    n_patches: int
    largest_patch_m2: float
    eco_geom: shapely.Geometry

    @property
    def eco_ratio(self) -> float:
        return self.eco_m2 / self.area_m2 if self.area_m2 > 0 else 0.0

    @property
    def built_ratio(self) -> float:
        return self.built_m2 / self.area_m2 if self.area_m2 > 0 else 0.0

    @property
    def largest_patch_ratio(self) -> float:
        return self.largest_patch_m2 / self.area_m2 if self.area_m2 > 0 else 0.0


def clip_parcels(polygon: shapely.Geometry, land: LandUse) -> tuple[np.ndarray, np.ndarray]:
    """(parcel indices, parcel ∩ polygon) for the parcels that overlap ``polygon``."""
    idx = land.tree.query(polygon, predicate="intersects")
    if len(idx) == 0:
        return idx, np.array([], dtype=object)
    shapely.prepare(polygon)
    inside = shapely.contains_properly(polygon, land.geoms[idx])
    pieces = land.geoms[idx].copy()
    if (~inside).any():
        pieces[~inside] = shapely.intersection(land.geoms[idx][~inside], polygon)
    return idx, pieces


def area_stats(polygon: shapely.Geometry, land: LandUse) -> AreaStats:
    """Land-use composition and ecological patches of one corridor polygon."""
    area = float(polygon.area)
    idx, pieces = clip_parcels(polygon, land)
    if len(idx) == 0:
        return AreaStats(area, 0.0, 0.0, 0.0, 0, 0.0, shapely.Polygon())
    areas = shapely.area(pieces)
    eco = land.is_eco[idx]
    eco_pieces = pieces[eco & (areas > 0)]
    eco_geom = shapely.union_all(eco_pieces) if len(eco_pieces) else shapely.Polygon()
    patches = [p for p in shapely.get_parts(eco_geom) if p.geom_type == "Polygon" and p.area > 0]
    return AreaStats(
        area_m2=area,
        eco_m2=float(areas[eco].sum()),
        built_m2=float(areas[land.is_built[idx]].sum()),
        farm_m2=float(areas[land.is_farm[idx]].sum()),
        n_patches=len(patches),
        largest_patch_m2=max((p.area for p in patches), default=0.0),
        eco_geom=eco_geom,
    )


# --- transects -----------------------------------------------------------------------------


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

    def __len__(self) -> int:
        return len(self.geoms)

    @property
    def built_share(self) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.length > 0, self.built_width / self.length, 0.0)


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
    """Fill ``eco_width``, ``built_width`` and ``is_break`` (one STRtree query for all)."""
    n = len(transects)
    if n == 0:
        return transects
    ti, pi = land.tree.query(transects.geoms, predicate="intersects")
    lengths = shapely.length(shapely.intersection(transects.geoms[ti], land.geoms[pi]))
    eco = np.bincount(ti, weights=lengths * land.is_eco[pi], minlength=n)
    built = np.bincount(ti, weights=lengths * land.is_built[pi], minlength=n)
    # a transect running exactly along a shared parcel edge would count twice: cap at length
    transects.eco_width = np.minimum(eco, transects.length)
    transects.built_width = np.minimum(built, transects.length)
    transects.is_break = (transects.eco_width < min_eco_width) | (
        transects.built_share >= break_built_share
    )
    return transects


# --- breaks ----------------------------------------------------------------------------------


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


# --- one corridor ----------------------------------------------------------------------------


@dataclass
class Assessment:
    """Everything ``corridor_assessment`` reports about one corridor."""

    stats: AreaStats
    transects: Transects
    breaks: list[Break]
    project_m2: float = 0.0
    axis: shapely.Geometry | None = None

    @property
    def n_transects(self) -> int:
        return len(self.transects)

    @property
    def mean_eco_width(self) -> float | None:
        return float(self.transects.eco_width.mean()) if len(self.transects) else None

    @property
    def min_eco_width(self) -> float | None:
        return float(self.transects.eco_width.min()) if len(self.transects) else None

    @property
    def continuity(self) -> float | None:
        if not len(self.transects):
            return None
        return 1.0 - float(self.transects.is_break.sum()) / len(self.transects)


def assess(
    polygon: shapely.Geometry,
    axis: shapely.Geometry | None,
    land: LandUse,
    spacing: float,
    min_eco_width: float,
    break_built_share: float,
    projects: shapely.Geometry | None = None,
    with_transects: bool = True,
    is_canceled: Callable[[], bool] | None = None,
) -> Assessment:
    """Assess one corridor polygon (see module doc)."""
    stats = area_stats(polygon, land)
    transects = make_transects(
        polygon, axis if with_transects and axis is not None else shapely.LineString(), spacing
    )
    breaks: list[Break] = []
    if len(transects) and not (is_canceled and is_canceled()):
        measure_transects(transects, land, min_eco_width, break_built_share)
        breaks = find_breaks(polygon, axis, transects, land, break_built_share)
    project_m2 = 0.0
    if projects is not None and not projects.is_empty:
        project_m2 = float(shapely.intersection(projects, polygon).area)
    return Assessment(stats, transects, breaks, project_m2, axis)


# --- grades ----------------------------------------------------------------------------------

CRITERIA = {
    "min_continuity": ("continuity", 1),
    "min_eco_ratio": ("eco_ratio", 1),
    "max_built_ratio": ("built_ratio", -1),
    "min_mean_eco_width_m": ("mean_eco_width_m", 1),
    "min_largest_patch_ratio": ("largest_patch_ratio", 1),
}


@dataclass(frozen=True)
class GradeRule:
    kind: str
    grade: str
    grade_zh: str
    limits: dict[str, float]


def load_grade_rules(path: str | Path) -> list[GradeRule]:
    """Read the grade table (``#`` lines are comments). Raises ``ValueError`` on bad rows."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    for row in csv.DictReader(lines):
        kind, grade = (row.get("kind") or "").strip(), (row.get("grade") or "").strip()
        if not kind or grade not in GRADE_CODES:
            raise ValueError(f"bad grade row: {row}")
        limits = {}
        for key in CRITERIA:
            value = (row.get(key) or "").strip()
            if value:
                limits[key] = float(value)
        rows.append(GradeRule(kind, grade, (row.get("grade_zh") or "").strip(), limits))
    return rows


def grade(
    kind: str, metrics: dict[str, float | None], rules: Sequence[GradeRule]
) -> tuple[str, str]:
    """The first grade (in file order) of ``kind`` whose limits all hold; else the last one.

    A metric that is None (e.g. continuity of a corridor without transects) does not constrain.
    """
    mine = [r for r in rules if r.kind == kind]
    if not mine:
        return "", ""
    for rule in mine:
        ok = True
        for key, limit in rule.limits.items():
            metric, sign = CRITERIA[key]
            value = metrics.get(metric)
            if value is None:
                continue
            if (sign > 0 and value < limit) or (sign < 0 and value > limit):
                ok = False
                break
        if ok:
            return rule.grade, rule.grade_zh
    return mine[-1].grade, mine[-1].grade_zh
