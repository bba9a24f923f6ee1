"""Four small optional-control layers, each touched by one or two named projects of JSXM (and
by no other: the other projects are cut out with a 30 m margin). Schematic positions.

- YFKC 压覆重要矿产资源: MC, KZ (矿种), MJ.
- DZZHYFQ 地质灾害高、中易发区: MC, YFCD (高 / 中), ZHLX (灾害类型), MJ.
- LSWHBHX 历史文化保护线 / 紫线: MC, LX, JB (保护级别), MJ.
- STGYL 生态公益林: MC, SQDJ (事权等级 国家级 / 省级), LZ (林种), MJ — the 三调 林地 parcels of
  云台山, the hills and the coastal shelterbelt (not the plan's 5.5 万公顷, which is counted on
  the forestry survey's 林地).
"""

from __future__ import annotations

import numpy as np
import sample_geo as sg
import shapely
from sample_common import disjoint, frame
from sample_shapes import blob, lonlat, point, union

HILLS = {
    "夹谷山": (118.90, 34.93),
    "羽山": (118.55, 34.68),
    "马陵山": (118.62, 34.78),
    "锦屏山": (119.20, 34.545),
    "伊芦山": (119.18, 34.35),
}
MINERALS = [  # MC, KZ, centre, semi-axes km
    ("锦屏磷矿", "磷矿", (119.205, 34.552), (2.0, 1.2)),
    ("东海县毛北金红石矿", "金红石", (118.82, 34.60), (1.5, 1.0)),
    ("东海县平明石英岩矿", "石英岩", (118.62, 34.47), (1.8, 1.0)),
    ("赣榆区班庄大理岩矿", "大理岩", (118.92, 35.02), (1.2, 0.8)),
    ("东海县蛇纹石矿", "蛇纹石", (118.70, 34.70), (1.0, 0.7)),
]
HERITAGE = [  # MC, LX, JB, centre, semi-axes km
    ("孔望山摩崖造像", "文物保护单位保护范围", "全国重点", (119.205, 34.578), (0.5, 0.35)),
    ("将军崖岩画", "文物保护单位保护范围", "全国重点", (119.085, 34.652), (0.4, 0.3)),
    ("藤花落遗址", "文物保护单位保护范围", "全国重点", (119.275, 34.662), (0.45, 0.35)),
    ("海州古城建设控制地带", "文物保护单位建设控制地带", "省级", (119.15, 34.566), (1.2, 0.9)),
]
# layer -> {target project XMMC: attributes of the feature laid over part of it}
ANCHORED = {
    "YFKC": {
        "连徐高速互通工程": ("连徐高速沿线建筑用花岗岩矿", "建筑用花岗岩"),
        "抽水蓄能电站前期工程": ("赣榆区夹山萤石矿", "萤石"),
    },
    "DZZHYFQ": {
        "云台山景区配套酒店": ("云台山景区崩塌高易发区", "高", "崩塌、滑坡"),
        "花果山景区提升": ("花果山景区崩塌中易发区", "中", "崩塌"),
    },
    "LSWHBHX": {"海州区老城更新改造项目": ("新浦老街历史文化街区", "历史文化街区紫线", "省级")},
    "STGYL": {
        "石梁河水库周边民宿": ("石梁河水库水源涵养林", "省级", "防护林"),
        "云台山景区配套酒店": ("云台山风景林", "国家级", "特种用途林"),
    },
}


def _anchor(project, rng: np.random.Generator):
    """A blob over a corner of ``project``: it overlaps part of it, never all of it."""
    ring = np.asarray(project.geoms[0].exterior.coords)
    x, y = ring[int(rng.integers(len(ring) - 1))]
    r = 0.45 * np.sqrt(project.area) / 1000
    rot = float(rng.uniform(0, 180))
    return blob(lonlat(x, y), (1.2 * r, r), rot, rng, roughness=0.2)


def _finish(name, rows, land, jsxm, rng, columns):
    """rows: [(attrs..., geom)]; add the anchored features, cut out every other project."""
    targets = ANCHORED[name]
    by_name = dict(zip(jsxm["XMMC"], jsxm.geometry))
    rows = list(rows) + [(*attrs, _anchor(by_name[t], rng)) for t, attrs in targets.items()]
    others = union([g.buffer(30) for n, g in by_name.items() if n not in targets])
    out, _u = disjoint([(*attrs, g.intersection(land).difference(others)) for *attrs, g in rows])
    out = [r for r in out if r[-1].area > 1000]
    data = {c: [r[i] for r in out] for i, c in enumerate(columns)}
    return frame(data, [r[-1] for r in out])


def build_extras(geo: sg.Geography, rng: np.random.Generator, jsxm, dltb) -> dict:
    yts = union(geo.yuntai.values())
    mines = [(mc, kz, blob(ll, ax, 20, rng, roughness=0.2)) for mc, kz, ll, ax in MINERALS]
    hazard = [("云台山崩塌滑坡高易发区", "高", "崩塌、滑坡", yts.buffer(-400))]
    ring = yts.buffer(1200).difference(yts.buffer(-400))
    hazard.append(("云台山崩塌滑坡中易发区", "中", "崩塌、滑坡", ring))
    for hill, ll in HILLS.items():
        hazard.append((f"{hill}崩塌中易发区", "中", "崩塌", point(*ll).buffer(2500)))
    heritage = [(*attrs, blob(ll, ax, 0, rng, roughness=0.15)) for *attrs, ll, ax in HERITAGE]
    forest = dltb[dltb["DLBM"].str.startswith("03")].geometry.to_numpy()
    zones = [("云台山生态公益林", "国家级", "特种用途林", yts.buffer(1000))]
    for hill, ll in HILLS.items():
        zones.append((f"{hill}生态公益林", "省级", "水土保持林", point(*ll).buffer(3500)))
    zones.append(("沿海防护林", "省级", "防护林", geo.coast.buffer(3000)))
    used = None
    woods = []
    for mc, sq, lz, zone in zones:
        parts = forest[shapely.intersects(forest, zone)]
        g = union(list(parts))
        if used is not None:
            g = g.difference(used)
        used = g if used is None else union([used, g])
        woods.append((mc, sq, lz, g))
    return {
        "YFKC": _finish("YFKC", mines, geo.land, jsxm, rng, ["MC", "KZ"]),
        "DZZHYFQ": _finish("DZZHYFQ", hazard, geo.land, jsxm, rng, ["MC", "YFCD", "ZHLX"]),
        "LSWHBHX": _finish("LSWHBHX", heritage, geo.land, jsxm, rng, ["MC", "LX", "JB"]),
        "STGYL": _finish("STGYL", woods, geo.land, jsxm, rng, ["MC", "SQDJ", "LZ"]),
    }
