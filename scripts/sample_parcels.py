"""The sample's 三调 parcels (DLTB): Voronoi cells per district, a land use from
sample_allocate, and the survey's attributes (坐落单位, 权属, 坡度级别, 扣除系数, 耕地等别)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import sample_geo as sg
import shapely
from sample_allocate import allocate
from sample_common import log
from sample_shapes import CRS, clean, xy
from sample_tables import DLMC, SURNAMES, TOWNS, VILLAGE_SUFFIX
from shapely.geometry import Point, box

STATE_OWNED = (  # 国有 (QSXZ 10) codes; the rest is collective (30)
    "1001 1003 1101 1103 1105 1008 0301 0305 1207 0701 05H1 08H1 08H2 0809 0810 1004 09 0601 0603"
).split()
RIVER_HALF_WIDTH = {  # m: main rivers get parcels along both banks
    "新沂河": 900.0,
    "灌河": 450.0,
    "新沭河": 450.0,
    "蔷薇河": 250.0,
    "临洪河": 300.0,
    "通榆河": 180.0,
    "通榆河北段": 180.0,
}


def seed_points(geo: sg.Geography, rng: np.random.Generator, n_target: int = 31500):
    """Seed points for the Voronoi parcels: denser in towns, structured along main rivers."""
    land = geo.mainland
    minx, miny, maxx, maxy = land.bounds
    seats = np.array([xy(*v[1]) for v in sg.DISTRICTS.values()])
    struct = []
    for name, _grade, line in geo.rivers:
        width = RIVER_HALF_WIDTH.get(name, 150.0)
        step = 450.0
        n = max(2, int(line.length // step))
        d = np.linspace(0, line.length, n)
        pts = shapely.line_interpolate_point(line, d)
        pts2 = shapely.line_interpolate_point(line, np.clip(d + 5.0, 0, line.length))
        c1 = shapely.get_coordinates(pts)
        c2 = shapely.get_coordinates(pts2)
        t = c2 - c1
        nrm = np.hypot(t[:, 0], t[:, 1])
        nrm[nrm == 0] = 1
        nx, ny = -t[:, 1] / nrm, t[:, 0] / nrm
        for sgn in (0.0, 1.0, -1.0):
            struct.append(
                np.column_stack([c1[:, 0] + sgn * width * nx, c1[:, 1] + sgn * width * ny])
            )
    struct = np.vstack(struct)
    # background: rejection sampling on a density field
    m = int(n_target * 12)
    cand = np.column_stack([rng.uniform(minx, maxx, m), rng.uniform(miny, maxy, m)])
    dseat = np.min(
        np.hypot(cand[:, None, 0] - seats[None, :, 0], cand[:, None, 1] - seats[None, :, 1]), axis=1
    )
    dens = 1.0 + 3.0 * np.exp(-((dseat / 6000.0) ** 2))
    keep = rng.uniform(0, dens.max(), m) < dens
    cand = cand[keep]
    inside = shapely.contains_xy(land, cand[:, 0], cand[:, 1])
    cand = cand[inside]
    n_bg = n_target - len(struct)
    cand = cand[:n_bg]
    # the structured points must be on land and not too close to background ones
    s_in = shapely.contains_xy(land, struct[:, 0], struct[:, 1])
    pts = np.vstack([cand, struct[s_in]])
    # islands: a handful of points each
    extra = []
    for isl in geo.islands.values():
        k = max(3, int(isl.area / 2.0e5))
        bx = isl.bounds
        got = 0
        while got < k:
            p = rng.uniform(bx[:2], bx[2:])
            if isl.contains(Point(p)):
                extra.append(p)
                got += 1
    pts = np.vstack([pts, np.array(extra)])
    pts = np.round(pts, 2)
    _, uniq = np.unique(pts, axis=0, return_index=True)
    return pts[np.sort(uniq)]


def ordered_voronoi(xy: np.ndarray, extend_to) -> np.ndarray:
    """Voronoi cells in the order of the points (GEOS < 3.12 has no ordered=True)."""
    cells = np.asarray(shapely.voronoi_polygons(shapely.multipoints(xy), extend_to=extend_to).geoms)
    point_index, cell_index = shapely.STRtree(cells).query(shapely.points(xy), predicate="within")
    if len(point_index) != len(xy):
        raise RuntimeError("a Voronoi generator point is not inside exactly one cell")
    order = np.empty(len(xy), dtype=int)
    order[point_index] = cell_index
    return cells[order]


def voronoi_parcels(geo: sg.Geography, pts: np.ndarray):
    rows = []
    for code, dist in geo.districts.items():
        sel = shapely.contains_xy(dist, pts[:, 0], pts[:, 1])
        p = pts[sel]
        env = box(*dist.bounds).buffer(2000)
        cells = ordered_voronoi(p, env)
        shapely.prepare(dist)
        inside = shapely.contains(dist, cells)
        out = cells.copy()
        idx = np.where(~inside)[0]
        out[idx] = shapely.intersection(cells[idx], dist)
        for i, geom in enumerate(out):
            if geom.is_empty or geom.area < 1.0:
                continue
            rows.append((code, p[i, 0], p[i, 1], geom))
    df = pd.DataFrame(rows, columns=["XZQDM", "px", "py", "geometry"])
    return df


def towns_and_villages(geo: sg.Geography, rng: np.random.Generator):
    """Township seats (the district seat first) and village points per district."""
    town_pts, town_of, vil_pts = [], [], []
    for code in sg.DISTRICTS:
        dist = geo.districts[code]
        bx = dist.bounds
        tp = [xy(*sg.DISTRICTS[code][1])]
        while len(tp) < len(TOWNS[code]):
            p = rng.uniform(bx[:2], bx[2:])
            if dist.contains(Point(p)) and min(np.hypot(*(np.array(tp) - p).T)) > 4000:
                tp.append(tuple(p))
        for ti, p in enumerate(tp):
            town_pts.append(p)
            town_of.append((code, ti))
        nv, got = int(dist.area / 4.5e6), 0
        while got < nv:
            p = rng.uniform(bx[:2], bx[2:])
            if dist.contains(Point(p)):
                vil_pts.append(tuple(p))
                got += 1
    return town_pts, town_of, np.array(vil_pts)


def _zoning_units(df, town_pts, town_of, vil_arr, rng):
    """坐落单位: the nearest township of the district + the nearest village point."""
    tp_arr = np.array(town_pts)
    town_codes = np.array([c for c, _ in town_of])
    vi = shapely.STRtree(shapely.points(vil_arr)).query_nearest(
        shapely.points(df["cx"], df["cy"]), all_matches=False
    )[1]
    vil_name = {
        i: SURNAMES[int(rng.integers(len(SURNAMES)))]
        + VILLAGE_SUFFIX[int(rng.integers(len(VILLAGE_SUFFIX)))]
        for i in range(len(vil_arr))
    }
    zl_dm, zl_mc = [], []
    for i in range(len(df)):
        c = df.at[i, "XZQDM"]
        idx = np.where(town_codes == c)[0]
        dd = np.hypot(tp_arr[idx, 0] - df.at[i, "cx"], tp_arr[idx, 1] - df.at[i, "cy"])
        ti = town_of[idx[int(np.argmin(dd))]][1]
        v = int(vi[i])
        zl_dm.append(f"{c}{ti + 1:03d}{v % 1000:03d}")
        zl_mc.append(TOWNS[c][ti] + vil_name[v])
    return zl_dm, zl_mc


def build_dltb(geo: sg.Geography, rng: np.random.Generator, red) -> gpd.GeoDataFrame:
    """DLTB: ~31 000 parcels tiling the land, composition = the plan's 2020 figures."""
    df = voronoi_parcels(geo, seed_points(geo, rng))
    log(f"{len(df)} parcels")
    df["geometry"] = [clean(g) for g in df["geometry"]]
    df = df[[g is not None and not g.is_empty for g in df["geometry"]]].reset_index(drop=True)
    df["area"] = shapely.area(df["geometry"].to_numpy())
    rp = shapely.point_on_surface(df["geometry"].to_numpy())
    df["cx"], df["cy"] = shapely.get_x(rp), shapely.get_y(rp)
    town_pts, town_of, vil_arr = towns_and_villages(geo, rng)
    df.attrs["town_pts"], df.attrs["village_pts"] = town_pts, vil_arr
    code, slope_field, lon_rel, lat_rel, _d_seat, noise = allocate(df, geo, rng, red)
    df["DLBM"] = code
    log("allocated land use")
    n = len(df)
    df["ZLDWDM"], df["ZLDWMC"] = _zoning_units(df, town_pts, town_of, vil_arr, rng)
    farm = np.array([c.startswith("01") for c in code])
    df["QSXZ"] = np.where(np.isin(code, STATE_OWNED), "10", "30")
    slope = np.clip(np.round(1 + slope_field + rng.normal(0, 0.35, n) + (noise > 1.6)), 1, 5)
    slope = slope.astype(int)
    kcxs = np.where(farm, np.round(0.02 + 0.02 * (slope - 1) + rng.uniform(0, 0.03, n), 4), 0.0)
    kcxs = np.where(farm & (rng.uniform(0, 1, n) < 0.08), 0.0, np.clip(kcxs, 0, 0.15))
    grade = np.clip(
        np.round(6.0 + 2.5 * lat_rel - 1.5 * lon_rel + 0.6 * (slope - 1) + rng.normal(0, 0.8, n)),
        3,
        12,
    ).astype(int)
    order = np.lexsort(
        (df["cx"].to_numpy(), np.round(-df["cy"].to_numpy() / 2000), df["XZQDM"].to_numpy())
    )
    df = df.iloc[order].reset_index(drop=True)
    farm, slope, kcxs, grade = farm[order], slope[order], kcxs[order], grade[order]
    counters, bsm = {}, []
    for c in df["XZQDM"]:
        counters[c] = counters.get(c, 0) + 1
        bsm.append(f"{c}{counters[c]:012d}")
    tbmj = np.round(df["area"].to_numpy(), 2)
    kcmj = np.round(tbmj * kcxs, 2)
    return gpd.GeoDataFrame(
        {
            "BSM": bsm,
            "DLBM": df["DLBM"].astype(str),
            "DLMC": [DLMC[c] for c in df["DLBM"]],
            "QSXZ": df["QSXZ"].astype(str),
            "ZLDWDM": df["ZLDWDM"],
            "ZLDWMC": df["ZLDWMC"],
            "TBMJ": tbmj,
            "KCDLBM": pd.array(
                [("1203" if f and k > 0 else None) for f, k in zip(farm, kcxs)], dtype=object
            ),
            "KCXS": kcxs,
            "KCMJ": kcmj,
            "TBDLMJ": np.round(tbmj - kcmj, 2),
            "GDLX": pd.array(
                [(("TT" if s >= 3 else "PD") if f else None) for f, s in zip(farm, slope)],
                dtype=object,
            ),
            "GDPDJB": pd.array(
                [(str(s) if f else None) for f, s in zip(farm, slope)], dtype=object
            ),
            "GDDB": pd.array([(int(g) if f else None) for f, g in zip(farm, grade)], dtype="Int32"),
        },
        geometry=df["geometry"].to_list(),
        crs=CRS,
    )


def dissolve_farmland(dltb, sel: np.ndarray, prefix: str, area_field: str) -> gpd.GeoDataFrame:
    """Farmland parcels ``sel`` dissolved per 坐落单位 + DLBM + GDDB, with the net area
    (Σ TBDLMJ) in ``area_field`` and a BSM ``prefix`` + XZQDM + serial."""
    part = gpd.GeoDataFrame(
        {
            "ZLDWDM": dltb["ZLDWDM"].to_numpy()[sel],
            "DLBM": dltb["DLBM"].to_numpy()[sel],
            "GDDB": dltb["GDDB"].to_numpy()[sel].astype(int),
            area_field: dltb["TBDLMJ"].to_numpy()[sel],
        },
        geometry=list(dltb.geometry.to_numpy()[sel]),
        crs=CRS,
    )
    out = part.dissolve(
        by=["ZLDWDM", "DLBM", "GDDB"], aggfunc={area_field: "sum"}, as_index=False, sort=True
    )
    out["geometry"] = [clean(g) for g in out.geometry]
    out[area_field] = np.round(out[area_field].to_numpy(), 2)
    out["GDDB"] = out["GDDB"].astype("int32")
    out.insert(0, "BSM", [f"{prefix}{z[:6]}{i + 1:08d}" for i, z in enumerate(out["ZLDWDM"])])
    return out[["BSM", "ZLDWDM", "DLBM", "GDDB", area_field, "geometry"]]


def build_farmland(dltb, rng, exclude, share: float = 0.80, reserve_m2: float = 80000 / 15 * 1e4):
    """YJJBNTBHTB (80 % of 耕地, the better grades first, outside ``exclude``) and JBNTCBQ
    (永久基本农田储备区: 8 万亩 = 5 333.33 ha of the remaining farmland, better grades first;
    MJ = polygon area).
    Returns (yjjbnt, jbntcbq, yjjbnt parcel indices)."""
    tbmj = dltb["TBMJ"].to_numpy()
    farm = dltb["DLBM"].str.startswith("01").to_numpy()
    geoms = dltb.geometry.to_numpy()
    clash = shapely.intersects(geoms, exclude)
    cand = np.where(farm & ~clash)[0]
    score = -dltb["GDDB"].to_numpy(dtype=float, na_value=15)[cand] + rng.normal(0, 1.5, len(cand))
    cand = cand[np.lexsort((cand, -score))]
    k = int(np.searchsorted(np.cumsum(tbmj[cand]), share * tbmj[farm].sum()))
    sel = np.sort(cand[:k])
    yj = dissolve_farmland(dltb, sel, "YJ", "YJJBNTMJ")
    log(f"YJJBNT {tbmj[sel].sum() / tbmj[farm].sum():.3f} of farmland")
    rest = cand[k:]  # not selected, already ordered best first
    gross = tbmj[rest]
    j = int(np.searchsorted(np.cumsum(gross), reserve_m2))
    pick = list(rest[:j])
    resid = reserve_m2 - gross[:j].sum()  # > 0: fill it with the best-fitting next parcel
    nxt = rest[j : j + 400]
    best = int(np.argmin(np.abs(tbmj[nxt] - resid)))
    if abs(tbmj[nxt[best]] - resid) < resid:
        pick.append(nxt[best])
    cb = dissolve_farmland(dltb, np.sort(np.asarray(pick)), "CB", "MJ")
    cb["MJ"] = np.round(cb.area.to_numpy(), 2)  # MJ: the polygon's area, like every MJ
    return yj, cb, sel
