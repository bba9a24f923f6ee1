"""Layers at sea and on the coast: HAX (海岸线 with 岸线分类管控 GKFL), HYGNQ (管辖海域,
function zones), HYSTHX (海洋生态红线 with 禁止类 / 限制类 GKFL), the 海州湾国家级海洋公园
(ZRBHD rows at sea) and HASD (近海与海岸湿地).

Calibrated: mainland coast 211.6 km of which 112.44 km natural; HYSTHX 28 % of the sea
(≥ 26.41 %); 海州湾国家级海洋公园 514.60 km² (with the land protected areas other than 风景名胜区,
620 km²: 自然保护地面积不低于620平方公里（不包含风景名胜区）); HASD 104 744.55 ha (the plan's
近海与海岸湿地). Schematic: which stretch is 严格保护 / 限制开发 / 优化利用, the marine zones.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import sample_geo as sg
import shapely
import shapely.affinity
from sample_common import disjoint, frame
from sample_shapes import CRS, bisect, blob, point, split_line, union, xy
from shapely.geometry import LineString, Point, box
from shapely.ops import substring

MARINE_SHARE = 0.28
MARINE_PARK_M2 = 514.60e6  # with the land parts: 620.08 km², clear of the ≥ 620 target
COASTAL_WETLAND_M2 = 104744.55e4
# mainland coast north -> south: (name, natural, GKFL); the breaks between them below
COAST_SEGMENTS = [
    ("赣榆区绣针河口至龙王河口岸段", True, "严格保护"),
    ("赣榆港岸段", False, "优化利用"),
    ("赣榆区海头至青口岸段", True, "严格保护"),
    ("青口河口至临洪河口岸段", True, "限制开发"),
    ("海州区临洪河口至墟沟岸段", False, "限制开发"),
    ("连云区墟沟至连岛基岩岸段", True, "严格保护"),
    ("连云港港及徐圩港岸段", False, "优化利用"),
    ("埒子口岸段", True, "限制开发"),
    ("灌云县燕尾港至灌河口岸段", False, "优化利用"),
]
COAST_BREAKS = [  # lon/lat; "龙王河" = its mouth
    "龙王河",
    (119.200, 34.925),
    (119.193, 34.80),
    (119.210, 34.730),
    (119.400, 34.752),
    (119.470, 34.700),
    (119.640, 34.550),
    (119.7705, 34.5000),
]
FUNCTION_ZONES = [
    ("海州湾农渔业区", "农渔业区", (119.35, 34.98)),
    ("海州湾海洋保护区", "海洋保护区", (119.33, 34.83)),
    ("连云港港口航运区", "港口航运区", (119.55, 34.70)),
    ("徐圩工业与城镇用海区", "工业与城镇用海区", (119.68, 34.60)),
    ("灌河口港口航运区", "港口航运区", (119.88, 34.52)),
    ("连云港近海农渔业区", "农渔业区", (119.85, 34.78)),
    ("前三岛海洋保护区", "海洋保护区", (119.87, 35.00)),
    ("赣榆工业与城镇用海区", "工业与城镇用海区", (119.24, 34.96)),
    ("连云港外海农渔业区", "农渔业区", (120.25, 34.80)),
]
ESTUARIES = {  # river -> name of its mouth
    "绣针河": "绣针河口",
    "龙王河": "龙王河口",
    "青口河": "青口河口",
    "临洪河": "临洪河口",
    "古泊善后河": "埒子口",
    "新沂河": "新沂河口",
    "灌河": "灌河口",
}


def coast_segments(geo: sg.Geography):
    """[(name, natural, GKFL, LineString)] of the mainland coast, north -> south."""
    coast = geo.coast  # runs south -> north
    d = []
    for b in COAST_BREAKS:
        p = Point(geo.mouths[b]) if isinstance(b, str) else point(*b)
        d.append(coast.project(p))
    flags = [nat for _n, nat, _k in COAST_SEGMENTS]
    names = [n for n, _nat, _k in COAST_SEGMENTS]
    segs = split_line(
        coast, sorted(d), list(reversed(names)), list(reversed(flags)), sg.NATURAL_COAST_M, tune=4
    )
    gkfl = {n: k for n, _nat, k in COAST_SEGMENTS}
    return [(name, nat, gkfl[name], line) for name, nat, line in reversed(segs)]


def build_hax(geo: sg.Geography, segments):
    rows = [("自然岸线" if nat else "人工岸线", "大陆岸线", n, k, ln) for n, nat, k, ln in segments]
    for name, isl in geo.islands.items():
        ring = LineString(isl.exterior.coords)
        if name == "东西连岛":
            half = ring.length * 0.3
            rows.append(
                (
                    "人工岸线",
                    "海岛岸线",
                    f"{name}（连岛海堤）",
                    "优化利用",
                    substring(ring, 0, half),
                )
            )
            rows.append(
                ("自然岸线", "海岛岸线", name, "严格保护", substring(ring, half, ring.length))
            )
        else:
            rows.append(("自然岸线", "海岛岸线", name, "严格保护", ring))
    geoms = [shapely.set_precision(r[4], 0.01) for r in rows]
    return gpd.GeoDataFrame(
        {
            "AXLX": [r[0] for r in rows],
            "AXLB": [r[1] for r in rows],
            "WZ": [r[2] for r in rows],
            "CD": [round(g.length, 2) for g in geoms],
            "GKFL": [r[3] for r in rows],
        },
        geometry=geoms,
        crs=CRS,
    )


def build_hygnq(sea):
    from sample_parcels import ordered_voronoi

    sp = np.array([xy(*s[2]) for s in FUNCTION_ZONES])
    cells = ordered_voronoi(sp, box(*sea.bounds).buffer(5000))
    return frame(
        {"GNQMC": [s[0] for s in FUNCTION_ZONES], "GNQLX": [s[1] for s in FUNCTION_ZONES]},
        [c.intersection(sea) for c in cells],
    )


def marine_park(sea, rng: np.random.Generator):
    """海州湾国家级海洋公园 at sea, 514.60 km²: (whole, core)."""
    shape = blob((119.43, 34.86), (15.6, 10.4), 15, rng, roughness=0.1)
    c = xy(119.43, 34.86)

    def park(s):
        return shapely.affinity.scale(shape, s, s, origin=c).intersection(sea)

    hpa = park(bisect(lambda s: park(s).area, 0.5, 2.0, MARINE_PARK_M2))
    return hpa, hpa.buffer(-4000)


def build_hysthx(geo: sg.Geography, sea, hpa, hc, natural):
    """HYSTHX, 28 % of the sea: (frame, {GKFL: union})."""
    isl = geo.islands

    def parts(w):
        far = union([isl[k].buffer(4500) for k in ("车牛山岛", "达山岛", "平山岛")])
        p = [
            ("海州湾国家级海洋公园生态红线区（重点保护区）", "海洋保护区", "禁止类", hc),
            (
                "海州湾国家级海洋公园生态红线区（适度利用区）",
                "海洋保护区",
                "限制类",
                hpa.difference(hc),
            ),
            ("前三岛特别保护海岛生态红线区", "特别保护海岛", "禁止类", far),
            ("秦山岛特别保护海岛生态红线区", "特别保护海岛", "限制类", isl["秦山岛"].buffer(2500)),
            (
                "临洪河口重要河口生态红线区",
                "重要河口生态系统",
                "限制类",
                point(119.205, 34.72).buffer(5000),
            ),
            (
                "灌河口重要河口生态红线区",
                "重要河口生态系统",
                "限制类",
                Point(geo.south_mouth).buffer(6000),
            ),
            ("海州湾滨海湿地自然岸线生态红线区", "重要滨海湿地", "限制类", natural.buffer(w)),
        ]
        return disjoint([(n, t, k, g.intersection(sea)) for n, t, k, g in p])

    w = bisect(lambda v: parts(v)[1].area, 100.0, 20000.0, MARINE_SHARE * sea.area, steps=22)
    rows, _u = parts(w)
    gdf = frame(
        {
            "HXBH": [f"HY320700-{i + 1:02d}" for i in range(len(rows))],
            "HXMC": [r[0] for r in rows],
            "HXLX": [r[1] for r in rows],
            "GKFL": [r[2] for r in rows],
        },
        [r[3] for r in rows],
    )
    return gdf


def build_hasd(geo: sg.Geography, sea, segments):
    """HASD 近海与海岸湿地 at sea: 河口水域, 岩石海岸, 淤泥质海滩, 浅海水域 (104 744.55 ha)."""
    rock = union([ln for n, _nat, _k, ln in segments if "基岩" in n])
    rock_isl = union([isl.exterior for isl in geo.islands.values()])
    muddy = union([ln for n, nat, _k, ln in segments if nat and "基岩" not in n])
    north_y = xy(119.5, 34.76)[1]
    north = box(-1e7, north_y, 1e8, 1e8)

    def parts(w):
        p = [
            (f"{m}河口水域", "河口水域", Point(geo.mouths[r]).buffer(2500))
            for r, m in ESTUARIES.items()
        ]
        p.append(("连云港基岩海岸", "岩石海岸", rock.buffer(350)))
        p.append(("前三岛及连岛岩石海岸", "岩石海岸", rock_isl.buffer(250)))
        p.append(("海州湾淤泥质海滩", "淤泥质海滩", muddy.buffer(1200)))
        shallow = geo.coast.buffer(w)
        p.append(("海州湾浅海水域", "浅海水域", shallow.intersection(north)))
        p.append(("连云港南部近岸浅海水域", "浅海水域", shallow.difference(north)))
        return disjoint([(n, t, g.intersection(sea)) for n, t, g in p])

    w = bisect(lambda v: parts(v)[1].area, 2000.0, 30000.0, COASTAL_WETLAND_M2, steps=30)
    rows, _u = parts(w)
    return frame({"MC": [r[0] for r in rows], "SDLX": [r[1] for r in rows]}, [r[2] for r in rows])
