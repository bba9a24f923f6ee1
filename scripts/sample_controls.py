"""Control areas on land: 自然保护地 (ZRBHD, land part), 生态保护红线 (STBHHX), 江苏省生态空间管控
区域 (STKJGKQY) and 城镇开发边界 (CZKFBJ).

Calibrated: the protected areas other than 风景名胜区 (and the 海洋公园 at sea) are 1.385 % of
the land (自然保护地（除海洋公园）占陆域国土面积 ≥ 1.38 %, counted without 风景名胜区: 620 km²
"（不包含风景名胜区）" − 海州湾国家级海洋公园 ≈ 106 km²); STKJGKQY is 21.96 % of the land
(生态红线区域占国土面积比重达21.96%, the 2013 provincial tier) and contains the national red
line on land except the islands. Schematic: STBHHX is 8.0 % of the land, about Jiangsu's share
(陆域生态保护红线 ≈ 8 474 km² of ≈ 107 200 km²); the plan gives no figure (按上级下达目标执行).
"""

from __future__ import annotations

import numpy as np
import sample_geo as sg
import shapely.affinity
from sample_common import disjoint, frame
from sample_shapes import bisect, blob, point, union, xy

LAND_M2 = sg.LAND_TARGET_M2
PA_LAND_SHARE = 0.01385  # → 105.48 km²; with the 海洋公园 (514.60 km²) 620.08 km²
REDLINE_SHARE = 0.080
ECO_SPACE_SHARE = 0.2196
# name, type (ZRBHDLX), level (JB), centre lon/lat, semi-axes km, rotation, has a core zone
PA_LAND = [
    ("连云港云台山国家森林公园", "森林公园", "国家级", (119.44, 34.725), (2.2, 1.1), 25, True),
    ("花果山省级地质公园", "地质公园", "省级", (119.30, 34.645), (2.2, 1.2), 35, False),
    ("临洪河口省级湿地公园", "湿地公园", "省级", (119.185, 34.70), (2.0, 1.2), 30, True),
    ("东海西双湖国家湿地公园", "湿地公园", "国家级", (118.735, 34.530), (2.0, 1.2), 0, True),
    ("灌云伊芦山省级森林公园", "森林公园", "省级", (119.18, 34.35), (1.6, 1.0), 10, False),
    ("赣榆夹谷山省级森林公园", "森林公园", "省级", (118.90, 34.93), (1.7, 1.1), 0, False),
    ("东海羽山省级森林公园", "森林公园", "省级", (118.55, 34.68), (1.4, 0.9), 0, False),
    ("灌南硕项湖省级湿地公园", "湿地公园", "省级", (119.34, 34.165), (1.3, 0.9), 0, False),
]
SCENIC = ("云台山风景名胜区", "风景名胜区", "国家级", (119.37, 34.675), (6.0, 2.6), 30, True)
HILLS = {
    "伊芦山": (119.18, 34.35),
    "羽山": (118.55, 34.68),
    "夹谷山": (118.90, 34.93),
    "马陵山": (118.62, 34.78),
    "锦屏山": (119.20, 34.545),
}
CLEAR_WATER = ("蔷薇河", "通榆河")  # 清水通道维护区
FLOODWAYS = ("新沂河", "新沭河")  # 洪水调蓄区
RIVER_WETLANDS = ("灌河", "龙王河", "青口河", "古泊善后河", "临洪河", "绣针河")
# national red line strips along rivers: river -> (base width m, width per unit of scale)
RED_RIVERS = {"新沂河": (250, 500), "通榆河": (60, 200), "蔷薇河": (80, 250), "临洪河": (100, 250)}


def _pa_zones(name, typ, jb, ll, axes, rot, core, geom, scale):
    if not core:
        return [(name, typ, jb, "一般控制区", geom)]
    inner = geom.buffer(-0.45 * min(axes) * 1000 * scale)
    return [
        (name, typ, jb, "核心保护区", inner),
        (name, typ, jb, "一般控制区", geom.difference(inner)),
    ]


def build_protected_areas(geo: sg.Geography, rng: np.random.Generator):
    """ZRBHD rows on land (ZRBHDMC, ZRBHDLX, JB, GNFQ, geom), non-overlapping; the scenic area
    comes last (it keeps what the other protected areas leave)."""
    shapes = [blob(ll, axes, rot, rng, roughness=0.15) for _n, _t, _j, ll, axes, rot, _c in PA_LAND]
    land = geo.land

    def parks(scale):
        out = []
        for spec, shape in zip(PA_LAND, shapes):
            c = xy(*spec[3])
            out.append(shapely.affinity.scale(shape, scale, scale, origin=c).intersection(land))
        rows, used = disjoint([(i, g) for i, g in enumerate(out)])
        return rows, used

    scale = bisect(lambda s: parks(s)[1].area, 0.5, 2.5, PA_LAND_SHARE * LAND_M2)
    rows, used = parks(scale)
    pa = []
    for i, geom in rows:
        pa.extend(_pa_zones(*PA_LAND[i], geom, scale))
    name, typ, jb, ll, axes, rot, core = SCENIC
    scenic = blob(ll, axes, rot, rng, roughness=0.12).intersection(land).difference(used)
    pa.extend(_pa_zones(name, typ, jb, ll, axes, rot, core, scenic, 1.0))
    return [r for r in pa if not r[4].is_empty]


def _coast_natural(segments) -> object:
    return union([line for _name, nat, _k, line in segments if nat])


def _red_zones(geo, pa_rows, natural, s):
    """(key, name, type, geom) of the national red line for the width scale ``s``."""
    yts = union(geo.yuntai.values())
    rivers = {name: line for name, _g, line in geo.rivers}
    z = [
        (f"pa:{n}", f"{n}核心保护区生态保护红线", "生物多样性维护", g)
        for n, typ, _j, zone, g in pa_rows
        if zone == "核心保护区" and typ != "风景名胜区"
    ]
    z.append(
        ("yts", "云台山生物多样性维护生态保护红线", "生物多样性维护", yts.buffer(-900 + 500 * s))
    )
    for name in ("石梁河水库", "安峰山水库", "小塔山水库", "西双湖", "贺庄水库"):
        geom = geo.reservoirs[name].buffer(100 + 300 * s)
        z.append((f"res:{name}", f"{name}饮用水水源保护区生态保护红线", "水源涵养", geom))
    for name, (w0, w1) in RED_RIVERS.items():
        kind = "清水通道" if name in CLEAR_WATER else "重要河流湿地"
        geom = rivers[name].buffer(w0 + w1 * s)
        z.append((f"river:{name}", f"{name}{kind}生态保护红线", "水源涵养", geom))
    z.append(
        (
            "coast",
            "海州湾滨海湿地海岸生态稳定生态保护红线",
            "海岸生态稳定",
            natural.buffer(300 + 900 * s),
        )
    )
    for name, ll in HILLS.items():
        geom = point(*ll).buffer(800 + 700 * s)
        z.append((f"hill:{name}", f"{name}水土保持生态保护红线", "水土保持", geom))
    for name, isl in geo.islands.items():
        geom = isl.buffer(-40 if name == "东西连岛" else 0)
        z.append((f"island:{name}", f"{name}海岛生态保护红线", "海岸生态稳定", geom))
    return [(k, n, t, g.intersection(geo.land)) for k, n, t, g in z]


def build_redline(geo: sg.Geography, pa_rows, segments):
    """STBHHX: 8.0 % of the land, zones disjoint; returns (frame, rows with their key)."""
    natural = _coast_natural(segments)

    def rows(s):
        return disjoint(_red_zones(geo, pa_rows, natural, s))

    s = bisect(lambda v: rows(v)[1].area, 0.0, 4.0, REDLINE_SHARE * LAND_M2, steps=30)
    red, _u = rows(s)
    gdf = frame(
        {
            "HXBH": [f"320700-{i + 1:02d}" for i in range(len(red))],
            "HXMC": [r[1] for r in red],
            "HXLX": [r[2] for r in red],
        },
        [r[3] for r in red],
    )
    return gdf, red


def _eco_zones(geo, pa_rows, red, s):
    yts = union(geo.yuntai.values())
    rivers = {}
    for name, _g, line in geo.rivers:  # 通榆河 and 通榆河北段: one zone
        name = name.replace("北段", "")
        rivers[name] = union([rivers.get(name), line])
    by_key = {}
    for key, _n, _t, g in red:
        by_key[key] = union([by_key.get(key), g])
    z = []
    for name in dict.fromkeys(r[0] for r in pa_rows):
        typ = next(r[1] for r in pa_rows if r[0] == name)
        geom = union([r[4] for r in pa_rows if r[0] == name] + [by_key.get(f"pa:{name}")])
        z.append((name, "地质遗迹保护区" if typ == "地质公园" else typ, geom))
    z.append(("云台山生态公益林", "生态公益林", union([yts.buffer(200 * s), by_key["yts"]])))
    for name, geom in geo.reservoirs.items():
        geom = union([geom.buffer(600 + 1500 * s), by_key.get(f"res:{name}")])
        z.append((f"{name}饮用水水源保护区", "饮用水水源保护区", geom))
    for name, line in rivers.items():
        if name in CLEAR_WATER:
            label, typ, w = (
                f"{name.replace('北段', '')}清水通道维护区",
                "清水通道维护区",
                400 + 900 * s,
            )
        elif name in FLOODWAYS:
            label, typ, w = f"{name}洪水调蓄区", "洪水调蓄区", 700 + 1200 * s
        elif name in RIVER_WETLANDS:
            label, typ, w = f"{name}重要湿地", "重要湿地", 200 + 500 * s
        else:
            continue
        z.append((label, typ, union([line.buffer(w), by_key.get(f"river:{name}")])))
    coast = union([geo.coast.buffer(1200 + 2500 * s), by_key["coast"]])
    z.append(("海州湾滨海湿地", "重要湿地", coast))
    for name, ll in HILLS.items():
        geom = union([point(*ll).buffer(1800 + 1200 * s), by_key[f"hill:{name}"]])
        z.append((f"{name}生态公益林", "生态公益林", geom))
    return [(n, t, g.intersection(geo.land)) for n, t, g in z]


def build_eco_space(geo: sg.Geography, pa_rows, red):
    """STKJGKQY: 21.96 % of the land, zones disjoint, containing STBHHX except the islands."""

    def rows(s):
        return disjoint(_eco_zones(geo, pa_rows, red, s))

    s = bisect(lambda v: rows(v)[1].area, 0.0, 4.0, ECO_SPACE_SHARE * LAND_M2, steps=30)
    eco, _u = rows(s)
    return frame(
        {
            "BH": [f"320700-GK{i + 1:02d}" for i in range(len(eco))],
            "MC": [r[0] for r in eco],
            "LX": [r[1] for r in eco],
        },
        [r[2] for r in eco],
    )


def build_czkfbj(geo: sg.Geography, rng: np.random.Generator, exclude):
    spec = {
        "320706": ((119.18, 34.58), 9.0),
        "320703": ((119.42, 34.728), 3.2),
        "320707": ((119.12, 34.84), 5.0),
        "320722": ((118.77, 34.54), 5.0),
        "320723": ((119.24, 34.29), 4.0),
        "320724": ((119.33, 34.135), 3.8),
    }
    rows = []
    for code, (ll, r) in spec.items():
        g = blob(ll, (r, r * 0.8), 20, rng, roughness=0.25).intersection(geo.districts[code])
        rows.append((code, f"{sg.DISTRICTS[code][0]}中心城区城镇开发边界", g.difference(exclude)))
    g = blob((119.585, 34.575), (5.0, 2.6), 35, rng, roughness=0.2)
    rows.append(("320703", "徐圩新区城镇开发边界", g.intersection(geo.districts["320703"])))
    rows[-1] = (*rows[-1][:2], rows[-1][2].difference(exclude))
    return frame({"XZQDM": [r[0] for r in rows], "MC": [r[1] for r in rows]}, [r[2] for r in rows])
