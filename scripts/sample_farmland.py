"""BCGD (补充耕地 supplementary farmland plots) and DLTB_JQ (the base-year 三调 under and around
them, before the supplementary works), so that every rule of the balance check has a plot:

- new land from an admissible source (0404 其他草地, 1104 坑塘水面, 1202 设施农用地, 1204 盐碱地,
  1206 裸土地, 0702 农村宅基地 复垦) → new quantity;
- 0102 / 0103 under a plot now 0101 → 旱改水 (paddy and capacity, not quantity);
- 01xx under a plot of a better grade → 提质改造; 01xx unchanged → 非新增耕地;
- 03xx 林地 / 1101 河流水面 / 1105 沿海滩涂 → 来源地类不宜开垦 (the whole plot is excluded);
- one plot partly outside DLTB_JQ → 缺少基期地类; one plot across two base classes (0404 + 0103);
- and the older cases: two plots inside STBHHX, a 坡度5级 plot, a plot now 0301, two overlapping.

DLTB_JQ is the sample's DLTB itself (the 2020 三调 is the base year of the 2021–2025 works) for the
parcels within 300 m of a plot: same schema, same BSM, same values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
import shapely.affinity
from sample_common import frame
from sample_shapes import union
from sample_tables import DLMC

NEW = ("0404", "1104", "1202", "1204", "1206", "0702")
# case, base codes, plot DLBM (now), 坡度级别 (None: 1–2)
PLOTS = [
    ("NEW", ("1104",), "0101", None),  # BC2025-01, overlapped by BC2025-30
    ("NEW", ("0404",), "0102", None),
    ("NEW", ("1202",), "0103", None),
    ("NEW", ("1206",), "0103", "5"),  # 坡度5级
    ("NEW", ("0702",), "0102", None),
    ("NEW", ("1204",), "0101", None),
    ("NEW", ("1104",), "0102", None),
    ("NEW", ("0404",), "0301", None),  # the plot's own code is 林地
    ("NEW", ("1202",), "0101", None),
    ("NEW", ("1206",), "0102", None),
    ("NEW", ("0702",), "0101", None),
    ("NEW", ("1104",), "0103", None),
    ("HGS", ("0103",), "0101", None),  # 旱改水
    ("HGS", ("0102",), "0101", None),
    ("HGS", ("0103",), "0101", None),
    ("HGS", ("0102",), "0101", None),
    ("UPG", ("0102",), "0102", None),  # 提质改造
    ("UPG", ("0103",), "0103", None),
    ("UPG", ("0101",), "0101", None),
    ("NOTNEW", ("0101",), "0101", None),  # 非新增耕地
    ("NOTNEW", ("0103",), "0103", None),
    ("NOTNEW", ("0102",), "0102", None),
    ("SOURCE", ("0301", "0305", "0307"), "0103", None),  # 来源地类不宜开垦
    ("SOURCE", ("1101",), "0101", None),
    ("SOURCE", ("1105",), "0101", None),
    ("NOBASE", ("1206", "1202", "0404", "1104"), "0102", None),  # 缺少基期地类
    ("SPLIT", ("0404",), "0101", None),  # 0404 + 0103
    ("RED", NEW, "0102", None),  # inside STBHHX
    ("RED", NEW, "0103", None),
]


def _hits(tree, geoms) -> np.ndarray:
    """Parcel indices intersecting any of ``geoms``."""
    parts = [p for g in geoms if g is not None for p in getattr(g, "geoms", [g])]
    if not parts:
        return np.array([], dtype=int)
    return np.unique(tree.query(np.asarray(parts, dtype=object), predicate="intersects")[1])


def _sjqk(case, base, now_code, grade_base, grade):
    name = DLMC.get(base, base)
    if case in ("NEW", "RED"):
        text = f"新增耕地（基期{base}{name}）"
        return text + ("；位于生态保护红线" if case == "RED" else "")
    return {
        "HGS": f"旱改水（基期{base}{name}）",
        "UPG": f"提质改造（基期{base}，等别{grade_base}→{grade}）",
        "NOTNEW": f"非新增耕地（基期已是{base}{name}，等别{grade_base}）",
        "SOURCE": f"来源地类不宜开垦（基期{base}{name}）",
        "NOBASE": f"缺少基期地类（东侧图斑不在DLTB_JQ内；西侧基期{base}）",
        "SPLIT": f"跨两类基期地类（{base}{name}、0103旱地）",
    }[case]


def build_bcgd(rng: np.random.Generator, dltb, red, avoid):
    """(BCGD, DLTB_JQ). ``red``: STBHHX geometries; ``avoid``: geometries a plot stays off
    (CZKFBJ, protected areas, projects)."""
    geoms = dltb.geometry.to_numpy()
    tree = shapely.STRtree(geoms)
    code = dltb["DLBM"].to_numpy()
    grade = dltb["GDDB"].to_numpy(dtype=float, na_value=np.nan)
    area = shapely.area(geoms)
    cx = shapely.get_x(shapely.point_on_surface(geoms))
    bad = np.zeros(len(geoms), dtype=bool)
    bad[_hits(tree, list(red) + list(avoid))] = True
    in_red = np.zeros(len(geoms), dtype=bool)
    in_red[np.unique(tree.query(np.asarray(list(red), dtype=object), predicate="contains")[1])] = (
        True
    )
    used = np.zeros(len(geoms), dtype=bool)
    sized = (area > 3e4) & (area < 6e5)

    def pick(codes, mask):
        cand = np.where(np.isin(code, codes) & mask & sized & ~used)[0]
        order = rng.permutation(cand)
        return order

    def take(idx):
        near = _hits(tree, [geoms[i].buffer(300) for i in np.atleast_1d(idx)])
        used[near] = True

    rows, dropped = [], []
    for k, (case, codes, now, slope) in enumerate(PLOTS):
        mask = in_red if case == "RED" else ~bad
        if case in ("UPG",):
            mask = mask & (grade >= 5)
        order = pick(codes, mask)
        if case in ("SPLIT", "NOBASE"):
            i, j = _pair(order, case, tree, geoms, code, cx, used, bad, sized)
            geom, base = union([geoms[i], geoms[j]]), code[i]
            take([i, j])
            if case == "NOBASE":
                dropped.append(j)
        else:
            if len(order) == 0:
                raise RuntimeError(f"no parcel for plot {k + 1} ({case} {codes})")
            i = int(order[0])
            geom, base = geoms[i], code[i]
            take(i)
        g_base = None if np.isnan(grade[i]) else int(grade[i])
        if case == "HGS":
            g = max(1, g_base - 1)
        elif case == "UPG":
            g = g_base - 2
        elif case == "NOTNEW":
            g = g_base
        else:
            g = int(rng.integers(5, 10))
        s = slope or str(int(rng.integers(1, 3)))
        kcxs = round(0.02 + 0.02 * (int(s) - 1) + float(rng.uniform(0, 0.03)), 4)
        xzq = dltb["ZLDWDM"].iloc[i][:6]
        rows.append([now, g, s, kcxs, xzq, geom, _sjqk(case, base, now, g_base, g)])
    rows[3][6] += "；坡度5级"
    rows[7][6] += "；地类为林地"
    g0 = rows[0][5]  # the 30th plot is the 1st shifted by a third of its width
    minx, _miny, maxx, _maxy = g0.bounds
    shifted = shapely.affinity.translate(g0, (maxx - minx) / 3, 0)
    rows.append(["0101", 7, "1", 0.03, rows[0][4], shifted, "与BC2025-01重叠"])
    rows[0][6] += "；与BC2025-30重叠"
    bcgd = frame(
        {
            "XMBH": [f"BC2025-{k + 1:02d}" for k in range(len(rows))],
            "DLBM": [r[0] for r in rows],
            "GDDB": pd.array([r[1] for r in rows], dtype="Int32"),
            "GDPDJB": [r[2] for r in rows],
            "KCXS": [r[3] for r in rows],
            "XZQDM": [r[4] for r in rows],
            "SJQK": [r[6] for r in rows],
        },
        [r[5] for r in rows],
    )
    bcgd = bcgd[["XMBH", "DLBM", "GDDB", "GDPDJB", "KCXS", "XZQDM", "MJ", "SJQK", "geometry"]]
    return bcgd, _base_extract(dltb, tree, geoms, bcgd, dropped)


def _pair(order, case, tree, geoms, code, cx, used, bad, sized):
    """(i, j): two neighbouring parcels; SPLIT: j is 0103; NOBASE: j lies east of i."""
    for i in order:
        i = int(i)
        for j in tree.query(geoms[i].buffer(1.0), predicate="intersects"):
            j = int(j)
            if j == i or used[j] or bad[j] or not sized[j]:
                continue
            if geoms[i].buffer(1.0).intersection(geoms[j].boundary).length < 100:
                continue
            if case == "SPLIT" and code[j] == "0103":
                return i, j
            if case == "NOBASE" and cx[j] > cx[i] and not code[j].startswith("01"):
                return i, j
    raise RuntimeError(f"no parcel pair for {case}")


def _base_extract(dltb, tree, geoms, bcgd, dropped):
    """The DLTB parcels within 300 m of a plot, minus the east half of the 缺少基期地类 plot."""
    plots = list(bcgd.geometry)
    keep = set(_hits(tree, [g.buffer(300) for g in plots]).tolist())
    nobase = plots[int(np.where(bcgd["SJQK"].str.startswith("缺少基期地类"))[0][0])]
    others = union([g.buffer(300) for g in plots if not g.equals(nobase)])
    for j in dropped:
        keep.discard(j)
        west = [i for i in keep if geoms[i].intersects(nobase) and i != j]
        for i in _hits(tree, [geoms[j].buffer(300)]):
            if i in keep and i not in west and not geoms[i].intersects(others):
                if shapely.get_x(shapely.point_on_surface(geoms[i])) > nobase.centroid.x:
                    keep.discard(int(i))
    idx = np.array(sorted(keep))
    return dltb.iloc[idx].reset_index(drop=True)
