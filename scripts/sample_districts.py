"""The six districts / counties of the schematic sample: the mainland cut along rivers and
schematic lines (赣榆 north of the 新沭河–临洪河, 灌南 south of the 新沂河, 灌云 south of the
古泊善后河, 东海 in the west, 连云 on the coast, 海州 the rest); 连云 holds the islands."""

from __future__ import annotations

import shapely
from sample_shapes import xy, xys
from shapely.geometry import LineString, Polygon

FAR = 3.0e5
DONGHAI_LINE = [
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
LIANYUN_LINE = [
    (119.23, 34.80),
    (119.24, 34.74),
    (119.26, 34.68),
    (119.29, 34.62),
    (119.32, 34.565),
    (119.36, 34.51),
    (119.40, 34.40),
]


def _region(line_coords, north: bool) -> Polygon:
    """Polygon on one side of a west->east line, closed far away."""
    c = list(line_coords)
    (xa, ya), (xb, yb) = c[0], c[-1]
    if north:
        ring = c + [(xb + FAR, yb), (xb + FAR, yb + FAR), (xa - FAR, yb + FAR), (xa - FAR, ya)]
    else:
        ring = c + [(xb + FAR, yb), (xb + FAR, ya - FAR), (xa - FAR, ya - FAR), (xa - FAR, ya)]
    p = Polygon(ring)
    return p if p.is_valid else p.buffer(0)


def _side(line_ll, east: bool) -> Polygon:
    line = xys(line_ll)
    sign = FAR if east else -FAR
    return Polygon(line + [(line[-1][0] + sign, line[-1][1]), (line[0][0] + sign, line[0][1])])


def districts(mainland, islands: dict, rv: dict) -> dict:
    """XZQDM -> (Multi)Polygon, tiling the mainland (+ islands in 连云区)."""
    xinshu = LineString(rv["新沭河"] + rv["临洪河"][1:])
    x075, _ = xy(118.75, 34.77)
    cut_box = shapely.box(x075, -1e7, 1e8, 1e8)
    g_line = xinshu.intersection(cut_box)
    if g_line.geom_type == "MultiLineString":
        g_line = shapely.line_merge(g_line)
        if g_line.geom_type == "MultiLineString":
            g_line = max(g_line.geoms, key=lambda ln: ln.length)
    notch = xys([(119.200, 34.740), (119.205, 34.770), (119.22, 34.80)])
    ganyu_r = _region(list(g_line.coords) + notch, north=True).intersection(cut_box)
    rest = mainland
    parts = {}
    for code, reg in (
        ("320707", ganyu_r),
        ("320722", _side(DONGHAI_LINE, east=False)),
        ("320724", _region(rv["新沂河"], north=False)),
        ("320723", _region(rv["古泊善后河"], north=False)),
        ("320703", _side(LIANYUN_LINE, east=True)),
    ):
        parts[code] = rest.intersection(reg)
        rest = rest.difference(reg)
    parts["320706"] = rest
    parts = _clean(parts)
    parts["320703"] = shapely.union_all([parts["320703"], *islands.values()])
    return parts


def _clean(parts: dict) -> dict:
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
