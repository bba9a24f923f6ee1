"""Schematic geography of Lianyungang for the synthetic sample dataset.

Everything here is SCHEMATIC: approximate positions from the project's schematic geography and
the coarse Natural Earth coastline / river, densified with a deterministic "wiggle" so that the
lengths and areas match the figures of the plan. Nothing is surveyed.

- The land runs 北纬34°07′–35°08′, 东经118°24′–119°55′ (the plan's 一(一)); its northern boundary
  with Shandong is the 绣针河, from the west to the 绣针河口 where the city's coast begins; the
  southern boundary is the 灌河 (南以灌河与盐城、淮安市接壤) down to its mouth at 燕尾港.
- The mainland coast between the two mouths is 211.6 km; the land (mainland + islands)
  7 615.71 km²; the sea under jurisdiction 6 677 km².

All geometry is in EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E), m² / m.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from sample_places import (
    CALM_ZONES,
    DISTRICTS,
    EXTENT,
    ISLANDS,
    N_MOUTH_LL,
    OUTLINE,
    OUTLINE_CENTRE,
    PIERS,
    RESERVOIRS,
    RIVER_GRADE,
    RIVER_LL,
    S_MOUTH_LL,
    YUNTAI,
)
from sample_shapes import CRS, add_piers, bisect, blob, clearance_factor, wiggle, xy, xys
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

DATA = Path(__file__).resolve().parent / "data"
__all__ = ["CRS", "DISTRICTS", "EXTENT", "Geography", "build"]

LAND_TARGET_M2 = 7615.71e6
SEA_TARGET_M2 = 6677e6
COAST_TARGET_M = 211.6e3
NATURAL_COAST_M = 112.44e3


@dataclass
class Geography:
    coast_full: LineString = None  # the whole (wiggled between the mouths) coast
    coast: LineString = None  # mainland coast inside the city, 灌河口 (south) -> 绣针河口 (north)
    north_mouth: tuple = None  # 绣针河口
    south_mouth: tuple = None  # 灌河口
    mouths: dict = field(default_factory=dict)  # river -> its mouth on the coast (x, y)
    land: object = None  # mainland + islands
    mainland: object = None
    islands: dict = field(default_factory=dict)  # name -> Polygon
    districts: dict = field(default_factory=dict)  # XZQDM -> (Multi)Polygon
    rivers: list = field(default_factory=list)  # (name, grade, LineString)
    reservoirs: dict = field(default_factory=dict)  # name -> Polygon (ellipse)
    yuntai: dict = field(default_factory=dict)  # ridge name -> Polygon
    sea: object = None
    outline_pull: float = 0.0
    coast_gain: float = 0.0
    sea_depth: float = 0.0


def load_ne_line(name: str) -> list[tuple[float, float]]:
    with open(DATA / name, encoding="utf-8") as fh:
        gj = json.load(fh)
    return [tuple(c) for c in gj["features"][0]["geometry"]["coordinates"]]


def _river_waves(scale: float):
    return [(60 * scale, 900), (120 * scale, 2600), (250 * scale, 7000)]


def build_rivers(rng: np.random.Generator) -> dict[str, list]:
    """River courses (before snapping the mouths): lon/lat -> metres, meandered."""
    out = {}
    ne = load_ne_line("ne_10m_rivers_lake_centerlines_lyg.geojson")
    # 新沭河 follows the Natural Earth 伊河/沭河 course down to the 临洪河 junction.
    cut = next(i for i, p in enumerate(ne) if abs(p[0] - 119.141113) < 1e-6)
    courses = dict(RIVER_LL)
    courses["新沭河"] = ne[: cut + 1]
    for name in sorted(courses):
        coords = xys([p for p in courses[name] if p is not None])
        scale = {"新沭河": 0.6, "绣针河": 0.5}.get(name, 1.0)
        out[name], _ = wiggle(coords, rng, 150.0, _river_waves(scale))
    return out


def _coast(rng: np.random.Generator, g: Geography):
    """The mainland coast between the two mouths, wiggled to 211.6 km, with its piers."""
    ne = load_ne_line("ne_10m_coastline_lyg.geojson")
    i_n = next(i for i, p in enumerate(ne) if p[0] > N_MOUTH_LL[0] and p[1] > N_MOUTH_LL[1])
    ne = ne[:i_n] + [N_MOUTH_LL] + ne[i_n:]
    i_s, i_n = ne.index(S_MOUTH_LL), ne.index(N_MOUTH_LL)
    c_m = xys(ne)
    head, mid, tail = c_m[: i_s + 1], c_m[i_s : i_n + 1], c_m[i_n:]
    mid = add_piers(mid, PIERS)
    waves = [(60, 700), (150, 1800), (300, 4000), (500, 9000)]
    phases = rng.uniform(0, 2 * np.pi, size=len(waves))
    n_xy, s_xy = c_m[i_n], c_m[i_s]
    dense = shapely.segmentize(LineString(mid), 60.0)
    d_s = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(np.asarray(dense.coords), axis=0).T))])
    clear = clearance_factor(dense, d_s, CALM_ZONES)

    def coast_mid(gain):
        w, _ = wiggle(mid, rng, 60.0, waves, gain=gain, phases=phases, clearance=clear)
        w[0], w[-1] = s_xy, n_xy
        return LineString(w)

    for _attempt in range(20):  # deterministic: redraw the phases until the coast is simple
        gain = bisect(lambda m: coast_mid(m).length, 0.0, 4.0, COAST_TARGET_M)
        coast = coast_mid(gain)
        if coast.is_simple:
            break
        phases = rng.uniform(0, 2 * np.pi, size=len(waves))
    assert coast.is_simple, "coast self-intersects"
    g.coast_gain, g.coast = gain, coast
    g.north_mouth, g.south_mouth = n_xy, s_xy
    g.coast_full = LineString(head[:-1] + list(coast.coords) + tail[1:])
    assert g.coast_full.is_simple


def _land_side(full: list) -> Polygon:
    far = 400_000.0
    (x0, y0), (x1, y1) = full[0], full[-1]
    ring = full + [(x1, y1 + far), (x1 - far, y1 + far), (x1 - far, y0 - far), (x0, y0 - far)]
    return Polygon(ring).buffer(0)


def _outline(rv: dict, g: Geography, pull: float) -> Polygon:
    cx, cy = OUTLINE_CENTRE
    west = [
        p if fixed else (p[0] + pull * (cx - p[0]), p[1] + pull * (cy - p[1]))
        for p, fixed in OUTLINE
    ]
    n_lat = N_MOUTH_LL[1]
    ring = (
        rv["绣针河"][:-1]
        + [g.north_mouth]
        + xys([(119.6, n_lat), (120.3, n_lat), (120.3, 34.60), (119.85, 34.53)])
        + [g.south_mouth]
        + list(reversed(rv["灌河"][1:-1]))
        + xys(west[:-1])
    )
    poly = Polygon(ring)
    return poly if poly.is_valid else poly.buffer(0)


def build(seed: int = 20211231, verbose: bool = True) -> Geography:
    rng = np.random.default_rng(seed)
    g = Geography()
    rivers = build_rivers(rng)
    _coast(rng, g)
    west_side = _land_side(list(g.coast_full.coords))

    rv = {}  # snap the mouths: a course ending in None meets the coast at its nearest point
    for name, coords in rivers.items():
        ll = RIVER_LL.get(name)
        if ll is not None and ll[-1] is None:
            snap = g.coast.interpolate(g.coast.project(Point(coords[-1])))
            coords = coords + [(snap.x, snap.y)]
        rv[name] = coords
    rv["绣针河"][-1] = g.north_mouth
    rv["灌河"][-1] = g.south_mouth
    rv["绣针河"][0] = xy(*OUTLINE[-1][0])
    rv["灌河"][0] = xy(*OUTLINE[0][0])
    g.mouths = {
        name: coords[-1] for name, coords in rv.items() if RIVER_LL.get(name, [0])[-1] is None
    }
    g.mouths.update({"绣针河": g.north_mouth, "灌河": g.south_mouth})

    islands = {}
    for name, (c, axes, rot) in ISLANDS.items():
        isl = blob(c, axes, rot, rng, n=72, roughness=0.15)
        assert isl.distance(g.coast_full) > 300, name
        islands[name] = isl
    isl_area = sum(p.area for p in islands.values())

    def land_area(pull):
        return _outline(rv, g, pull).intersection(west_side).area + isl_area

    g.outline_pull = bisect(land_area, -0.3, 0.6, LAND_TARGET_M2, steps=50, increasing=False)
    mainland = _outline(rv, g, g.outline_pull).intersection(west_side)
    if isinstance(mainland, MultiPolygon):
        mainland = max(mainland.geoms, key=lambda p: p.area)
    g.mainland, g.islands = mainland, islands
    g.land = shapely.union_all([mainland, *islands.values()])

    land_b = mainland.buffer(1.0)  # rivers clipped to the land (keeps the boundary rivers)
    for name in sorted(rv):
        line = LineString(rv[name]).intersection(land_b)
        if line.geom_type == "MultiLineString":
            line = max(line.geoms, key=lambda ln: ln.length)
        grade = RIVER_GRADE.get(name.replace("北段", ""), "四级")
        g.rivers.append((name, grade, line))

    from sample_districts import districts

    g.districts = districts(mainland, islands, rv)
    for name, (c, axes, rot) in RESERVOIRS.items():
        g.reservoirs[name] = blob(c, axes, rot, rng, roughness=0.18).intersection(mainland)
    for name, (c, axes, rot) in YUNTAI.items():
        g.yuntai[name] = blob(c, axes, rot, rng, roughness=0.2).intersection(mainland)
    _sea(g, islands, isl_area)
    if verbose:
        print(
            f"coast gain {g.coast_gain:.4f}, outline pull {g.outline_pull:.5f}, "
            f"sea depth {g.sea_depth / 1000:.2f} km"
        )
    return g


def _sea(g: Geography, islands: dict, isl_area: float) -> None:
    """The sea under jurisdiction: east of the coast, north edge at the 绣针河口, 6 677 km²."""
    (sx, sy), (_nx, ny) = g.south_mouth, g.north_mouth

    def sea_poly(depth):
        return Polygon(list(g.coast.coords) + [(sx + depth, ny), (sx + depth, sy)])

    g.sea_depth = bisect(lambda d: sea_poly(d).area - isl_area, 20_000.0, 300_000.0, SEA_TARGET_M2)
    g.sea = sea_poly(g.sea_depth).difference(shapely.union_all(list(islands.values())))
