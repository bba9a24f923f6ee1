"""Schematic geography of Lianyungang for the synthetic sample dataset.

Everything here is SCHEMATIC: approximate positions from /work/shared/README.md and the coarse
Natural Earth coastline / river, densified with deterministic "wiggle" so that the lengths and
areas match the figures of the plan. Nothing is surveyed.

All geometry is built from lon/lat (EPSG:4326) positions that are projected to EPSG:4549
(CGCS2000 / 3-degree Gauss-Kruger CM 120E) at once; areas and lengths are in m² / m.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import substring

DATA = Path(__file__).resolve().parent / "data"
CRS = "EPSG:4549"
_T = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)
_TI = Transformer.from_crs(CRS, "EPSG:4326", always_xy=True)

LAND_TARGET_M2 = 7615.71e6
SEA_TARGET_M2 = 6677e6
COAST_TARGET_M = 211.6e3
NATURAL_COAST_M = 112.44e3

# District code -> (name, seat lon/lat). Seats from /work/shared/README.md (连云's seat is
# nudged 2 km inland so that it is on land in this schematic coastline).
DISTRICTS = {
    "320706": ("海州区", (119.18, 34.58)),
    "320703": ("连云区", (119.43, 34.735)),
    "320707": ("赣榆区", (119.12, 34.84)),
    "320722": ("东海县", (118.77, 34.54)),
    "320723": ("灌云县", (119.24, 34.29)),
    "320724": ("灌南县", (119.32, 34.10)),
}


def xy(lon: float, lat: float) -> tuple[float, float]:
    x, y = _T.transform(lon, lat)
    return float(x), float(y)


def xys(coords) -> list[tuple[float, float]]:
    arr = np.asarray(coords, dtype=float)
    x, y = _T.transform(arr[:, 0], arr[:, 1])
    return list(zip(np.asarray(x, dtype=float).tolist(), np.asarray(y, dtype=float).tolist()))


def lonlat(x: float, y: float) -> tuple[float, float]:
    lon, lat = _TI.transform(x, y)
    return float(lon), float(lat)


def load_ne_line(name: str) -> list[tuple[float, float]]:
    with open(DATA / name, encoding="utf-8") as fh:
        gj = json.load(fh)
    return [tuple(c) for c in gj["features"][0]["geometry"]["coordinates"]]


def wiggle(
    coords,
    rng: np.random.Generator,
    spacing: float,
    waves,
    gain: float = 1.0,
    fixed_ends: bool = True,
    phases=None,
    clearance: bool = False,
):
    """Densify a line and offset it sideways by a sum of sinusoids (deterministic).

    With clearance=True the offset fades out where other parts of the line are near (narrow
    estuaries, piers, sharp corners), so that the line stays simple."""
    line = shapely.segmentize(LineString(coords), spacing)
    c = np.asarray(line.coords, dtype=float)
    seg = np.hypot(*np.diff(c, axis=0).T)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    if phases is None:
        phases = rng.uniform(0, 2 * np.pi, size=len(waves))
    off = np.zeros(len(c))
    for (amp, lam), ph in zip(waves, phases):
        off += amp * np.sin(2 * np.pi * s / lam + ph)
    off *= gain
    if fixed_ends:
        ramp = np.clip(np.minimum(s, s[-1] - s) / 1500.0, 0, 1)
        off *= ramp
    if clearance is True:
        off *= _clearance_factor(line, s)
    elif clearance is not False:
        off *= clearance
    # smoothed tangent
    k = 5
    pad = np.pad(c, ((k, k), (0, 0)), mode="edge")
    t = pad[2 * k :] - pad[: -2 * k]
    n = np.column_stack([-t[:, 1], t[:, 0]])
    n /= np.maximum(np.hypot(n[:, 0], n[:, 1]), 1e-9)[:, None]
    out = c + n * off[:, None]
    return [tuple(p) for p in out.tolist()], phases


def _clearance_factor(
    line: LineString,
    s: np.ndarray,
    window: float = 2500.0,
    full: float = 2500.0,
    zero: float = 500.0,
) -> np.ndarray:
    """1 where the line is clear of its other parts, 0 where they are within `zero` m."""
    pts = shapely.points(np.asarray(line.coords))
    fac = np.ones(len(s))
    step = 10
    idx = np.arange(0, len(s), step)
    vals = []
    for i in idx:
        parts = []
        if s[i] - window > 0:
            parts.append(substring(line, 0, s[i] - window))
        if s[i] + window < line.length:
            parts.append(substring(line, s[i] + window, line.length))
        d = min((pts[i].distance(p) for p in parts), default=1e9)
        vals.append(d)
    clear = np.interp(np.arange(len(s)), idx, np.asarray(vals))
    fac = np.clip((clear - zero) / (full - zero), 0.0, 1.0)
    # sharp corners: fade where the direction turns quickly
    c = np.asarray(line.coords)
    k = 6
    pad = np.pad(c, ((k, k), (0, 0)), mode="edge")
    a1 = np.arctan2(*(c - pad[: -2 * k]).T[::-1])
    a2 = np.arctan2(*(pad[2 * k :] - c).T[::-1])
    turn = np.abs((a2 - a1 + np.pi) % (2 * np.pi) - np.pi)
    fac *= np.clip(1.0 - turn / np.deg2rad(100), 0.0, 1.0)
    # known tight corners of the schematic coast (bay corners next to piers)
    for ll in CALM_ZONES:
        px, py = xy(*ll)
        dist = np.hypot(c[:, 0] - px, c[:, 1] - py)
        fac *= np.clip((dist - 900.0) / 1800.0, 0.0, 1.0)
    # smooth the factor a little
    ker = np.ones(15) / 15
    return np.convolve(np.pad(fac, 7, mode="edge"), ker, mode="valid")


CALM_ZONES = [
    (119.4566, 34.6846),
    (119.4880, 34.6690),
    (119.6370, 34.5480),
    (119.7800, 34.5110),
    (119.2030, 34.7200),
    (119.1950, 34.7670),
]

# port -> list of (base lon/lat, length km, width m)
PIERS = {
    "连云港港": [
        ((119.500, 34.6448), 2.0, 350),
        ((119.510, 34.6356), 2.0, 300),
        ((119.520, 34.6265), 1.8, 300),
        ((119.490, 34.6540), 1.6, 300),
        ((119.480, 34.6631), 1.3, 250),
    ],
    "徐圩港": [((119.600, 34.5685), 7.0, 250), ((119.570, 34.5950), 6.0, 250)],
    "赣榆港": [((119.2010, 34.9360), 3.0, 300), ((119.1990, 34.9450), 2.6, 250)],
    "燕尾港": [((119.7730, 34.4980), 2.0, 300)],
}


def add_piers(coords: list, piers=PIERS) -> list:
    """Insert rectangular piers / breakwaters on the sea side (right of a S->N coast)."""
    line = LineString(coords)
    specs = []
    for port in PIERS:
        for ll, length, width in piers[port]:
            specs.append((line.project(Point(xy(*ll))), length * 1000.0, width))
    specs.sort()
    out, last = [], 0.0
    for s0, length, width in specs:
        a, b = line.interpolate(s0), line.interpolate(s0 + width)
        tx, ty = b.x - a.x, b.y - a.y
        nrm = np.hypot(tx, ty)
        nx, ny = ty / nrm, -tx / nrm  # right-hand normal = seaward
        piece = substring(line, last, s0)
        out.extend(list(piece.coords) if not out else list(piece.coords)[1:])
        out.append((a.x + nx * length, a.y + ny * length))
        out.append((b.x + nx * length, b.y + ny * length))
        out.append((b.x, b.y))
        last = s0 + width
    piece = substring(line, last, line.length)
    out.extend(list(piece.coords)[1:])
    return out


@dataclass
class Geography:
    coast_full: LineString = None  # whole (wiggled between the mouths) coast
    coast: LineString = None  # mainland coast inside the city, south -> north
    north_mouth: tuple = None
    south_mouth: tuple = None
    land: object = None  # mainland + islands
    mainland: object = None
    islands: dict = field(default_factory=dict)  # name -> Polygon
    districts: dict = field(default_factory=dict)  # XZQDM -> (Multi)Polygon
    rivers: list = field(default_factory=list)  # (name, grade, LineString)
    reservoirs: dict = field(default_factory=dict)  # name -> Polygon (ellipse)
    yuntai: dict = field(default_factory=dict)  # ridge name -> Polygon
    sea: object = None
    west_shift: float = 0.0
    coast_gain: float = 0.0
    sea_depth: float = 0.0


# ---------------------------------------------------------------- river courses (lon/lat)
N_MOUTH_LL = (119.209972, 35.053209)  # 龙王河口, on the Natural Earth coast
S_MOUTH_LL = (119.795258, 34.481676)  # 灌河口 (燕尾港), a Natural Earth vertex

RIVER_LL = {
    "龙王河": [
        (118.86, 35.045),
        (118.93, 35.068),
        (119.00, 35.080),
        (119.06, 35.076),
        (119.12, 35.068),
        (119.17, 35.060),
        N_MOUTH_LL,
    ],
    "青口河": [
        (118.86, 34.925),
        (118.95, 34.900),
        (119.05, 34.868),
        (119.12, 34.846),
        (119.165, 34.842),
        None,
    ],
    "蔷薇河": [
        (118.56, 34.345),
        (118.64, 34.405),
        (118.71, 34.462),
        (118.80, 34.515),
        (118.88, 34.565),
        (118.96, 34.607),
        (119.04, 34.645),
        (119.10, 34.670),
        (119.141113, 34.683173),
    ],
    "临洪河": [
        (119.141113, 34.683173),
        (119.154541, 34.684589),
        (119.169043, 34.688495),
        (119.178613, 34.693232),
        (119.200293, 34.713813),
        None,
    ],
    "通榆河": [
        (119.30, 33.985),
        (119.29, 34.10),
        (119.27, 34.22),
        (119.25, 34.33),
        (119.225, 34.45),
        (119.20, 34.55),
        (119.172, 34.63),
        (119.155, 34.6846),
    ],
    "通榆河北段": [
        (119.10, 34.6858),
        (119.09, 34.76),
        (119.085, 34.80),
        (119.09, 34.90),
        (119.08, 34.98),
        (119.075, 35.074),
    ],
    "古泊善后河": [
        (118.975, 34.400),
        (119.10, 34.428),
        (119.22, 34.468),
        (119.35, 34.500),
        (119.48, 34.540),
        (119.56, 34.556),
        None,
    ],
    "新沂河": [
        (118.935, 34.185),
        (119.00, 34.198),
        (119.12, 34.215),
        (119.25, 34.245),
        (119.40, 34.305),
        (119.52, 34.360),
        (119.62, 34.420),
        (119.70, 34.468),
        (119.735, 34.502),
        None,
    ],
    "灌河": [
        (119.38, 34.07),
        (119.45, 34.120),
        (119.52, 34.200),
        (119.58, 34.270),
        (119.64, 34.330),
        (119.70, 34.390),
        (119.75, 34.440),
        S_MOUTH_LL,
    ],
    "盐河": [
        (119.33, 34.02),
        (119.31, 34.15),
        (119.275, 34.29),
        (119.24, 34.40),
        (119.21, 34.50),
        (119.19, 34.58),
        (119.17, 34.64),
    ],
    "烧香河": [(119.20, 34.56), (119.30, 34.575), (119.40, 34.585), (119.50, 34.60), None],
    "排淡河": [(119.22, 34.615), (119.30, 34.64), (119.37, 34.66), (119.43, 34.67), None],
    "石安河": [
        (118.45, 34.78),
        (118.55, 34.75),
        (118.65, 34.70),
        (118.75, 34.66),
        (118.85, 34.64),
        (118.95, 34.635),
        (119.02, 34.64),
    ],
    "沭新河": [
        (118.55, 34.45),
        (118.62, 34.50),
        (118.68, 34.58),
        (118.72, 34.66),
        (118.76, 34.72),
        (118.80, 34.76),
    ],
}
RIVER_GRADE = {
    "龙王河": "三级",
    "青口河": "三级",
    "蔷薇河": "二级",
    "临洪河": "二级",
    "通榆河": "二级",
    "古泊善后河": "三级",
    "新沂河": "一级",
    "灌河": "二级",
    "新沭河": "一级",
    "盐河": "三级",
    "烧香河": "四级",
    "排淡河": "四级",
    "石安河": "四级",
    "沭新河": "四级",
}

# name -> (center lon/lat, semi-axes km, rotation deg)
RESERVOIRS = {
    "石梁河水库": ((118.845, 34.792), (6.5, 3.2), 20),
    "安峰山水库": ((118.750, 34.445), (3.0, 1.8), -30),
    "小塔山水库": ((118.930, 34.960), (3.6, 1.9), 10),
    "西双湖": ((118.735, 34.530), (1.6, 0.9), 0),
    "贺庄水库": ((119.010, 34.960), (1.7, 1.0), 40),
}

YUNTAI = {  # ridge -> (center lon/lat, semi-axes km, rotation deg)
    "前云台": ((119.300, 34.640), (9.0, 3.2), 35),
    "中云台": ((119.385, 34.680), (9.5, 3.6), 30),
    "后云台": ((119.430, 34.722), (6.5, 2.4), 25),
}

ISLANDS = {  # name -> (center lon/lat, semi-axes km, rotation deg, natural share)
    "东西连岛": ((119.478, 34.764), (3.0, 0.9), 8),
    "秦山岛": ((119.280, 34.870), (0.55, 0.25), 30),
    "车牛山岛": ((119.815, 34.985), (0.35, 0.2), 0),
    "达山岛": ((119.905, 35.020), (0.45, 0.25), 20),
    "平山岛": ((119.860, 35.035), (0.35, 0.2), 60),
}


def blob(
    center_ll, axes_km, rot_deg, rng: np.random.Generator, n: int = 96, roughness: float = 0.12
) -> Polygon:
    """A noisy ellipse (metres), deterministic for the rng state."""
    cx, cy = xy(*center_ll)
    a, b = axes_km[0] * 1000.0, axes_km[1] * 1000.0
    th = np.linspace(0, 2 * np.pi, n, endpoint=False)
    r = np.ones(n)
    for k in (2, 3, 5, 7):
        r += roughness / k**0.7 * np.sin(k * th + rng.uniform(0, 2 * np.pi))
    rot = np.deg2rad(rot_deg)
    px, py = a * r * np.cos(th), b * r * np.sin(th)
    x = cx + px * np.cos(rot) - py * np.sin(rot)
    y = cy + px * np.sin(rot) + py * np.cos(rot)
    return Polygon(np.column_stack([x, y])).buffer(0)


def _river_waves(scale: float):
    return [(60 * scale, 900), (120 * scale, 2600), (250 * scale, 7000)]


def build_rivers(rng: np.random.Generator) -> dict[str, LineString]:
    """River courses (before snapping the mouths): lon/lat -> metres, meandered."""
    out = {}
    ne = load_ne_line("ne_10m_rivers_lake_centerlines_lyg.geojson")
    # 新沭河 follows the Natural Earth 伊河/沭河 course down to the 临洪河 junction.
    cut = next(i for i, p in enumerate(ne) if abs(p[0] - 119.141113) < 1e-6)
    ne_course = ne[: cut + 1]
    courses = dict(RIVER_LL)
    courses["新沭河"] = ne_course
    for name in sorted(courses):
        ll = [p for p in courses[name] if p is not None]
        coords = xys(ll)
        w, _ = wiggle(coords, rng, 150.0, _river_waves(1.0 if name != "新沭河" else 0.6))
        out[name] = w
    return out


def build(seed: int = 20211231, verbose: bool = True) -> Geography:
    rng = np.random.default_rng(seed)
    g = Geography()
    rivers = build_rivers(rng)

    # ---------------------------------------------------------------- coast
    ne = load_ne_line("ne_10m_coastline_lyg.geojson")
    # insert the northern mouth as a vertex
    i_n = next(i for i, p in enumerate(ne) if p[1] > N_MOUTH_LL[1])
    ne = ne[:i_n] + [N_MOUTH_LL] + ne[i_n:]
    i_s = ne.index(S_MOUTH_LL)
    i_n = ne.index(N_MOUTH_LL)
    c_m = xys(ne)
    head, mid, tail = c_m[: i_s + 1], c_m[i_s : i_n + 1], c_m[i_n:]
    mid = add_piers(mid)
    waves = [(60, 700), (150, 1800), (300, 4000), (500, 9000)]
    phases = rng.uniform(0, 2 * np.pi, size=len(waves))
    n_xy, s_xy = c_m[i_n], c_m[i_s]

    dense = shapely.segmentize(LineString(mid), 60.0)
    d_s = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(np.asarray(dense.coords), axis=0).T))])
    clear = _clearance_factor(dense, d_s)

    def coast_mid(gain):
        w, _ = wiggle(mid, rng, 60.0, waves, gain=gain, phases=phases, clearance=clear)
        w[0], w[-1] = s_xy, n_xy
        return LineString(w)

    for _attempt in range(20):  # deterministic: redraw the phases until the coast is simple
        lo, hi = 0.0, 4.0
        for _ in range(40):
            gmid = 0.5 * (lo + hi)
            if coast_mid(gmid).length < COAST_TARGET_M:
                lo = gmid
            else:
                hi = gmid
        gain = 0.5 * (lo + hi)
        coast = coast_mid(gain)
        if coast.is_simple:
            break
        phases = rng.uniform(0, 2 * np.pi, size=len(waves))
    assert coast.is_simple, "coast self-intersects"
    g.coast_gain = gain
    g.coast = coast
    g.north_mouth, g.south_mouth = n_xy, s_xy
    full = head[:-1] + list(coast.coords) + tail[1:]
    g.coast_full = LineString(full)
    assert g.coast_full.is_simple
    far = 400_000.0
    x0, y0 = full[0]
    x1, y1 = full[-1]
    west_side = Polygon(
        full + [(x1, y1 + far), (x1 - far, y1 + far), (x1 - far, y0 - far), (x0, y0 - far)]
    ).buffer(0)

    # ---------------------------------------------------------------- snap river mouths
    rv = {}
    for name, coords in rivers.items():
        ll = RIVER_LL.get(name)
        if ll is not None and ll[-1] is None:
            end = Point(coords[-1])
            snap = coast.interpolate(coast.project(end))
            coords = coords + [(snap.x, snap.y)]
        rv[name] = coords
    rv["龙王河"][-1] = n_xy
    rv["灌河"][-1] = s_xy

    # ---------------------------------------------------------------- outline
    def outline(shift):
        west = [
            (119.38, 34.07),
            (119.36, 34.065),
            (119.25, 34.06),
            (119.10, 34.09),
            (119.00, 34.13),
            (118.93, 34.16),
            (118.915, 34.20),
            (118.80, 34.25),
            (118.65, 34.27),
            (118.52, 34.30),
            (118.42, 34.38),
            (118.38, 34.55),
            (118.40, 34.80),
            (118.43, 34.86),
            (118.55, 34.90),
            (118.68, 34.93),
            (118.75, 34.98),
            (118.80, 35.02),
        ]
        west = [(lon - shift * max(0.0, 118.72 - lon) / 0.34, lat) for lon, lat in west]
        ring = (
            rv["龙王河"][:-1]
            + [n_xy]
            + xys([(119.6, 35.0532), (120.3, 35.0532), (120.3, 34.60), (119.85, 34.53)])
            + [s_xy]
            + list(reversed(rv["灌河"][1:-1]))
            + xys(west)
        )
        poly = Polygon(ring)
        if not poly.is_valid:
            poly = poly.buffer(0)
        return poly

    islands = {}
    for name, (c, axes, rot) in ISLANDS.items():
        isl = blob(c, axes, rot, rng, n=72, roughness=0.15)
        assert isl.distance(g.coast_full) > 300, name
        islands[name] = isl
    isl_area = sum(p.area for p in islands.values())
    lo, hi = -0.5, 0.5
    for _ in range(50):
        sh = 0.5 * (lo + hi)
        a = outline(sh).intersection(west_side).area + isl_area
        if a < LAND_TARGET_M2:
            lo = sh
        else:
            hi = sh
    g.west_shift = 0.5 * (lo + hi)
    mainland = outline(g.west_shift).intersection(west_side)
    if isinstance(mainland, MultiPolygon):
        mainland = max(mainland.geoms, key=lambda p: p.area)
    g.mainland = mainland
    g.islands = islands
    g.land = shapely.union_all([mainland, *islands.values()])

    # rivers clipped to the land (keeps the border rivers, drops the Shandong reach)
    land_b = mainland.buffer(1.0)
    for name in sorted(rv):
        line = LineString(rv[name]).intersection(land_b)
        if line.geom_type == "MultiLineString":
            line = max(line.geoms, key=lambda ln: ln.length)
        grade = RIVER_GRADE.get(name.replace("北段", ""), "四级")
        g.rivers.append((name, grade, line))

    # ---------------------------------------------------------------- districts
    FAR = 3.0e5  # noqa: N806

    def region(line_coords, north: bool, extra_tail=()):
        """Polygon on one side of a west->east line, closed far away."""
        c = list(line_coords) + list(extra_tail)
        (xa, ya), (xb, yb) = c[0], c[-1]
        if north:
            ring = c + [(xb + FAR, yb), (xb + FAR, yb + FAR), (xa - FAR, yb + FAR), (xa - FAR, ya)]
        else:
            ring = c + [(xb + FAR, yb), (xb + FAR, ya - FAR), (xa - FAR, ya - FAR), (xa - FAR, ya)]
        p = Polygon(ring)
        return p if p.is_valid else p.buffer(0)

    xinshu = LineString(rv["新沭河"] + rv["临洪河"][1:])
    x075, _ = xy(118.75, 34.77)
    cut_box = shapely.box(x075, -1e7, 1e8, 1e8)
    g_line = xinshu.intersection(cut_box)
    if g_line.geom_type == "MultiLineString":
        g_line = shapely.line_merge(g_line)
        if g_line.geom_type == "MultiLineString":
            g_line = max(g_line.geoms, key=lambda ln: ln.length)
    notch = xys([(119.200, 34.740), (119.205, 34.770), (119.22, 34.80)])
    ganyu_r = region(list(g_line.coords) + notch, north=True)
    ganyu_r = ganyu_r.intersection(shapely.box(x075, -1e7, 1e8, 1e8))
    donghai_line = xys(
        [
            (118.75, 35.5),
            (118.75, 34.76),
            (118.90, 34.71),
            (118.97, 34.66),
            (119.05, 34.58),
            (119.02, 34.47),
            (118.955, 34.38),
            (118.935, 34.28),
            (118.918, 34.20),
            (118.90, 33.5),
        ]
    )
    donghai_r = Polygon(
        donghai_line
        + [
            (donghai_line[-1][0] - FAR, donghai_line[-1][1]),
            (donghai_line[0][0] - FAR, donghai_line[0][1]),
        ]
    )
    guannan_r = region(rv["新沂河"], north=False)
    guanyun_r = region(rv["古泊善后河"], north=False)
    lianyun_line = xys(
        [
            (119.23, 34.80),
            (119.24, 34.74),
            (119.26, 34.68),
            (119.29, 34.62),
            (119.32, 34.565),
            (119.36, 34.51),
            (119.40, 34.40),
        ]
    )
    lianyun_r = Polygon(
        lianyun_line
        + [
            (lianyun_line[-1][0] + FAR, lianyun_line[-1][1]),
            (lianyun_line[0][0] + FAR, lianyun_line[0][1]),
        ]
    )
    rest = mainland
    parts = {}
    for code, reg in (
        ("320707", ganyu_r),
        ("320722", donghai_r),
        ("320724", guannan_r),
        ("320723", guanyun_r),
        ("320703", lianyun_r),
    ):
        parts[code] = rest.intersection(reg)
        rest = rest.difference(reg)
    parts["320706"] = rest
    parts = _clean_districts(parts)
    parts["320703"] = shapely.union_all([parts["320703"], *islands.values()])
    g.districts = {k: parts[k] for k in DISTRICTS}

    # ---------------------------------------------------------------- reservoirs, yuntai
    for name, (c, axes, rot) in RESERVOIRS.items():
        g.reservoirs[name] = blob(c, axes, rot, rng, roughness=0.18).intersection(mainland)
    for name, (c, axes, rot) in YUNTAI.items():
        g.yuntai[name] = blob(c, axes, rot, rng, roughness=0.2).intersection(mainland)

    # ---------------------------------------------------------------- sea
    def sea_poly(depth):
        ring = list(coast.coords) + [(s_xy[0] + depth, n_xy[1]), (s_xy[0] + depth, s_xy[1])]
        return Polygon(ring)

    lo, hi = 20_000.0, 300_000.0
    for _ in range(50):
        d = 0.5 * (lo + hi)
        a = sea_poly(d).area - isl_area
        if a < SEA_TARGET_M2:
            lo = d
        else:
            hi = d
    g.sea_depth = 0.5 * (lo + hi)
    g.sea = sea_poly(g.sea_depth).difference(shapely.union_all(list(islands.values())))
    if verbose:
        print(
            f"coast gain {gain:.4f}, west shift {g.west_shift:.5f} deg, "
            f"sea depth {g.sea_depth / 1000:.2f} km"
        )
    return g


def _clean_districts(parts: dict) -> dict:
    """Give stray slivers (< 2 km²) of a district to the neighbour sharing most boundary."""
    pieces = []
    for code, geom in parts.items():
        for p in getattr(geom, "geoms", [geom]):
            if p.area > 0:
                pieces.append([code, p])
    big = {code: [p for c, p in pieces if c == code and p.area >= 2e6] for code in parts}
    for code, p in pieces:
        if p.area >= 2e6:
            continue
        best, best_len = code, -1.0
        for other, plist in big.items():
            for q in plist:
                ln = p.boundary.intersection(q.boundary.buffer(0.5)).length
                if ln > best_len:
                    best, best_len = other, ln
        big[best].append(p)
    return {code: shapely.union_all(plist) for code, plist in big.items()}


def split_coast(
    coast: LineString, breaks_ll, natural_flags, names, natural_target: float, tune: int = 1
):
    """Split the mainland coast at the points nearest to breaks_ll; the first break is moved
    so that the natural segments add up to natural_target."""
    d = [coast.project(Point(xy(*p))) for p in breaks_ll]
    d = [0.0] + sorted(d) + [coast.length]

    def nat_len(dd):
        return sum(dd[i + 1] - dd[i] for i in range(len(dd) - 1) if natural_flags[i])

    # tune the position of the break between segment tune-1 and tune
    lo, hi = d[tune - 1] + 100, d[tune + 1] - 100
    for _ in range(60):
        m = 0.5 * (lo + hi)
        dd = d.copy()
        dd[tune] = m
        val = nat_len(dd)
        more_if_up = natural_flags[tune - 1] and not natural_flags[tune]
        if (val < natural_target) == more_if_up:
            lo = m
        else:
            hi = m
    d[tune] = 0.5 * (lo + hi)
    segs = []
    for i in range(len(d) - 1):
        segs.append((names[i], natural_flags[i], substring(coast, d[i], d[i + 1])))
    return segs
