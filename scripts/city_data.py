#!/usr/bin/env python3
"""City-scale synthetic data (issue 16): a GeoPackage shaped like the sample, in EPSG:4528.

    ensure_city(n_parcels, n_projects=5000, seed=1) -> Path

builds (once; cached as ``out/bench/data/city_<n>_<projects>_<seed>.gpkg``, not committed)
a GeoPackage whose layers carry the sample's names and fields (resources/sample/lyg_sample.gpkg):

- ``DLTB`` 地类图斑: a jittered quadrilateral mesh (a coverage: no gaps, no overlaps, 17 vertices
  a parcel, ~5 000 m² each) with BSM, DLBM, DLMC, QSXZ, ZLDWDM, ZLDWMC, TBMJ, KCDLBM, KCXS,
  KCMJ, TBDLMJ, GDLX, GDPDJB, GDDB. Land use is spatially coherent (1.4 km blocks with a
  dominant class, rivers of 1101 along a few sinuous lines), the class mix follows the sample's;
- ``STBHHX`` 生态保护红线 (HXBH, HXMC, HXLX, MJ): blobs, about a tenth of the area;
- ``YJJBNTBHTB`` 永久基本农田 (BSM, ZLDWDM, DLBM, GDDB, YJJBNTMJ): 60 % of the cultivated parcels;
- ``CZKFBJ`` 城镇开发边界 (XZQDM, MC, MJ) and ``XZQ`` 行政区 (XZQDM, XZQMC, six strips);
- ``JSXM`` 建设项目 (XMBH, XMMC, XMFL, XMLX, YHFS, ZLDWDM, SJQK, YDMJ): rotated rectangles;
- ``CORRIDORS`` (corridor_id, name, kind) and ``AXES`` (corridor_id, name): the rivers as
  corridors, shaped like build_corridors' outputs.

Everything is vectorised (numpy + shapely arrays, written with pyogrio): 1 M parcels build in
about a minute. Plain Python only (bench scripts and tests' generators), never inside QGIS.

    .venv/bin/python scripts/city_data.py 1000000
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "out" / "bench" / "data"
CRS = "EPSG:4528"  # CGCS2000 / 3-degree Gauss-Kruger zone 40 (false easting 40 500 km)
X0, Y0 = 40_430_000.0, 3_800_000.0
CELL = 70.7  # m: ~5 000 m² a parcel
K = 3  # intermediate vertices per parcel edge
BLOCK = 20  # cells per land-use block side
VILLAGE = 30  # cells per village (ZLDWDM) side

# DLBM, DLMC, weight (the sample's parcel counts)
CLASSES = [
    ("0101", "水田", 5442),
    ("0103", "旱地", 4174),
    ("0102", "水浇地", 2655),
    ("0702", "农村宅基地", 1879),
    ("0701", "城镇住宅用地", 1867),
    ("0601", "工业用地", 1823),
    ("1104A", "养殖坑塘", 1320),
    ("1106", "内陆滩涂", 877),
    ("1105", "沿海滩涂", 765),
    ("1104", "坑塘水面", 550),
    ("1003", "公路用地", 522),
    ("1107", "沟渠", 496),
    ("0301", "乔木林地", 457),
    ("05H1", "商业服务业设施用地", 353),
    ("08H2", "科教文卫用地", 338),
    ("0201", "果园", 295),
    ("1004", "城镇村道路用地", 294),
    ("1103", "水库水面", 263),
    ("1006", "农村道路", 238),
    ("0603", "盐田", 226),
    ("0810", "公园与绿地", 207),
    ("09", "特殊用地", 172),
    ("0809", "公用设施用地", 160),
    ("08H1", "机关团体新闻出版用地", 156),
    ("0202", "茶园", 155),
    ("1202", "设施农用地", 131),
    ("0204", "其他园地", 109),
    ("1109", "水工建筑用地", 97),
    ("0305", "灌木林地", 97),
    ("0307", "其他林地", 85),
    ("0508", "物流仓储用地", 84),
    ("1008", "港口码头用地", 81),
    ("0602", "采矿用地", 76),
    ("1001", "铁路用地", 68),
    ("1207", "裸岩石砾地", 66),
    ("1108", "沼泽地", 49),
    ("1005", "交通服务场站用地", 45),
    ("0404", "其他草地", 40),
    ("1204", "盐碱地", 38),
    ("1206", "裸土地", 31),
    ("0402", "沼泽草地", 27),
    ("0304", "森林沼泽", 27),
    ("1007", "机场用地", 17),
    ("0306", "灌丛沼泽", 12),
    ("0302", "竹林地", 3),
]
RIVER_CODE = "1101"
PROJECT_CLASSES = ["一般建设项目"] * 8 + ["线性基础设施", "省级重大项目", "国家重大项目"]


def city_path(n_parcels: int, n_projects: int = 5000, seed: int = 1) -> Path:
    return CACHE / f"city_{n_parcels}_{n_projects}_{seed}.gpkg"


def ensure_city(n_parcels: int, n_projects: int = 5000, seed: int = 1) -> Path:
    """The cached city GeoPackage for these sizes, built first when missing."""
    path = city_path(n_parcels, n_projects, seed)
    if path.is_file():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.gpkg")
    partial.unlink(missing_ok=True)
    build_city(partial, n_parcels, n_projects, seed)
    partial.rename(path)
    return path


# --- parcels ---------------------------------------------------------------------------------


def mesh(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``n`` quadrilateral parcels with K vertices on each edge; (polygons, col, row)."""
    nx = int(np.ceil(np.sqrt(n)))
    ny = int(np.ceil(n / nx))
    gx, gy = np.meshgrid(np.arange(nx + 1), np.arange(ny + 1))  # (ny+1, nx+1)
    corners = np.stack([gx, gy], -1).astype(float)
    corners += rng.uniform(-0.22, 0.22, corners.shape)
    t = (np.arange(1, K + 1) / (K + 1))[None, None, :, None]
    # horizontal edges (j, i) from corner (j, i) to (j, i+1): jitter in y
    h = corners[:, :-1, None, :] * (1 - t) + corners[:, 1:, None, :] * t
    h[..., 1] += rng.uniform(-0.07, 0.07, h.shape[:-1])
    # vertical edges (j, i) from corner (j, i) to (j+1, i): jitter in x
    v = corners[:-1, :, None, :] * (1 - t) + corners[1:, :, None, :] * t
    v[..., 0] += rng.uniform(-0.07, 0.07, v.shape[:-1])
    ring = np.concatenate(
        [
            corners[:-1, :-1, None],
            h[:-1, :],
            corners[:-1, 1:, None],
            v[:, 1:],
            corners[1:, 1:, None],
            h[1:, :, ::-1],
            corners[1:, :-1, None],
            v[:, :-1, ::-1],
            corners[:-1, :-1, None],
        ],
        axis=2,
    )  # (ny, nx, 4K+5, 2)
    ring = ring.reshape(ny * nx, -1, 2)[:n]
    ring = ring * CELL + (X0, Y0)
    cols = np.tile(np.arange(nx), ny)[:n]
    rows = np.repeat(np.arange(ny), nx)[:n]
    return shapely.polygons(ring), cols, rows


def rivers(nx: int, ny: int, rng: np.random.Generator) -> np.ndarray:
    """A few sinuous west–east and south–north river lines across the mesh (metres)."""
    lines = []
    n_rivers = max(2, int(round(nx * ny / 250_000)) + 1)
    for k in range(n_rivers):
        s = np.linspace(0, 1, 200)
        phase, amp = rng.uniform(0, 2 * np.pi), rng.uniform(0.02, 0.06)
        wave = amp * np.sin(2 * np.pi * rng.uniform(1.5, 3.5) * s + phase)
        if k % 2 == 0:
            y = (k + 1) / (n_rivers + 1) + wave
            xy = np.stack([s * nx, y * ny], -1)
        else:
            x = (k + 1) / (n_rivers + 1) + wave
            xy = np.stack([x * nx, s * ny], -1)
        lines.append(shapely.linestrings(xy * CELL + (X0, Y0)))
    return np.array(lines, dtype=object)


def parcels(n: int, rng: np.random.Generator):
    import geopandas as gpd
    import pandas as pd

    geoms, cols, rows = mesh(n, rng)
    nx, ny = int(cols.max()) + 1, int(rows.max()) + 1
    codes = np.array([c[0] for c in CLASSES])
    names = dict((c[0], c[1]) for c in CLASSES) | {RIVER_CODE: "河流水面"}
    weights = np.array([c[2] for c in CLASSES], dtype=float)
    weights /= weights.sum()
    bx, by = cols // BLOCK, rows // BLOCK
    n_blocks_x = nx // BLOCK + 1
    block = by * n_blocks_x + bx
    dominant = rng.choice(len(codes), block.max() + 1, p=weights)
    own = rng.uniform(size=n) < 0.7
    index = np.where(own, dominant[block], rng.choice(len(codes), n, p=weights))
    dlbm = codes[index].astype(object)
    river_lines = rivers(nx, ny, rng)
    centres = shapely.centroid(geoms)
    wet = shapely.dwithin(centres, shapely.union_all(river_lines), 1.6 * CELL)
    dlbm[wet] = RIVER_CODE
    dlmc = np.array([names[c] for c in dlbm], dtype=object)
    tbmj = np.round(shapely.area(geoms), 2)
    farmland = np.isin(dlbm, ["0101", "0102", "0103"])
    kcxs = np.where(farmland, rng.choice([0.0, 0.0265, 0.0285, 0.05, 0.1], n), 0.0)
    kcmj = np.round(tbmj * kcxs, 2)
    village = (rows // VILLAGE) * (nx // VILLAGE + 1) + cols // VILLAGE
    town = village // 40
    zldwdm = np.char.add(
        np.char.add("320703", np.char.zfill((town + 1).astype(str), 3)),
        np.char.zfill((village % 1000 + 1).astype(str), 3),
    ).astype(object)
    zldwmc = np.char.add(
        np.char.add(np.char.add("第", (town + 1).astype(str)), "镇第"),
        np.char.add((village + 1).astype(str), "村"),
    ).astype(object)
    bsm = np.char.add("3207", np.char.zfill(np.arange(1, n + 1).astype(str), 14)).astype(object)
    grade = pd.array(np.where(farmland, rng.integers(1, 16, n), 0), dtype="Int32")
    grade[~farmland] = pd.NA
    slope = np.where(farmland, rng.integers(1, 6, n).astype(str), None)
    frame = gpd.GeoDataFrame(
        {
            "BSM": bsm,
            "DLBM": dlbm,
            "DLMC": dlmc,
            "QSXZ": np.where(rng.uniform(size=n) < 0.8, "30", "10").astype(object),
            "ZLDWDM": zldwdm,
            "ZLDWMC": zldwmc,
            "TBMJ": tbmj,
            "KCDLBM": np.where(kcxs > 0, "1203", None),
            "KCXS": kcxs,
            "KCMJ": kcmj,
            "TBDLMJ": np.round(tbmj - kcmj, 2),
            "GDLX": np.where(farmland, "PD", None),
            "GDPDJB": slope,
            "GDDB": grade,
        },
        geometry=geoms,
        crs=CRS,
    )
    return frame, farmland, river_lines, (nx, ny)


# --- other layers ----------------------------------------------------------------------------


def blobs(n: int, extent: tuple[float, float, float, float], rmin, rmax, rng) -> np.ndarray:
    x0, y0, x1, y1 = extent
    centres = rng.uniform((x0, y0), (x1, y1), (n, 2))
    return shapely.buffer(shapely.points(centres), rng.uniform(rmin, rmax, n), quad_segs=12)


def rectangles(n: int, extent, rng: np.random.Generator) -> np.ndarray:
    """Rotated rectangles of 60–400 m (projects)."""
    x0, y0, x1, y1 = extent
    c = rng.uniform((x0, y0), (x1, y1), (n, 2))
    w, h = rng.uniform(60, 400, n) / 2, rng.uniform(60, 400, n) / 2
    a = rng.uniform(0, np.pi / 2, n)
    unit = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]], dtype=float)
    local = unit[None] * np.stack([w, h], -1)[:, None, :]
    cos, sin = np.cos(a)[:, None], np.sin(a)[:, None]
    xs = local[..., 0] * cos - local[..., 1] * sin + c[:, 0:1]
    ys = local[..., 0] * sin + local[..., 1] * cos + c[:, 1:2]
    return shapely.polygons(np.stack([xs, ys], -1))


def build_city(path: Path, n_parcels: int, n_projects: int, seed: int) -> None:
    import geopandas as gpd

    rng = np.random.default_rng(seed)
    dltb, farmland, river_lines, (nx, ny) = parcels(n_parcels, rng)
    extent = (X0, Y0, X0 + nx * CELL, Y0 + ny * CELL)
    area_km2 = nx * ny * CELL * CELL / 1e6

    def write(name: str, frame) -> None:
        multi = frame.geom_type.iloc[0] == "Polygon"
        frame.to_file(
            path,
            layer=name,
            driver="GPKG",
            engine="pyogrio",
            promote_to_multi=multi,
            dataset_options={"VERSION": "1.3"},  # GDAL 3.6 (QGIS 3.22) reads 1.3 silently
        )

    write("DLTB", dltb)
    pick = farmland & (rng.uniform(size=len(dltb)) < 0.6)
    farm = dltb.loc[pick, ["BSM", "ZLDWDM", "DLBM", "GDDB", "TBDLMJ", "geometry"]]
    write("YJJBNTBHTB", farm.rename(columns={"TBDLMJ": "YJJBNTMJ"}))
    del dltb, farm

    eco = blobs(max(int(area_km2 / 25), 8), extent, 400, 2500, rng)
    write(
        "STBHHX",
        gpd.GeoDataFrame(
            {
                "HXBH": [f"HX{i:04d}" for i in range(len(eco))],
                "HXMC": [f"生态保护红线{i + 1}" for i in range(len(eco))],
                "HXLX": rng.choice(["水源涵养", "生物多样性维护", "水土保持"], len(eco)),
                "MJ": np.round(shapely.area(eco), 2),
            },
            geometry=eco,
            crs=CRS,
        ),
    )
    udb = blobs(max(int(area_km2 / 150), 3), extent, 1500, 4000, rng)
    write(
        "CZKFBJ",
        gpd.GeoDataFrame(
            {
                "XZQDM": ["320703"] * len(udb),
                "MC": [f"城镇开发边界{i + 1}" for i in range(len(udb))],
                "MJ": np.round(shapely.area(udb), 2),
            },
            geometry=udb,
            crs=CRS,
        ),
    )
    edges = np.linspace(extent[0], extent[2], 7)
    strips = shapely.box(edges[:-1], extent[1], edges[1:], extent[3])
    write(
        "XZQ",
        gpd.GeoDataFrame(
            {
                "XZQDM": [f"3207{k:02d}" for k in (3, 6, 7, 22, 23, 24)],
                "XZQMC": ["连云区", "海州区", "赣榆区", "东海县", "灌云县", "灌南县"],
            },
            geometry=strips,
            crs=CRS,
        ),
    )
    projects = rectangles(n_projects, extent, rng)
    write(
        "JSXM",
        gpd.GeoDataFrame(
            {
                "XMBH": [f"XM{i:06d}" for i in range(n_projects)],
                "XMMC": [f"建设项目{i + 1}" for i in range(n_projects)],
                "XMFL": rng.choice(PROJECT_CLASSES, n_projects),
                "XMLX": rng.choice(["工业", "交通", "住宅", "公共设施"], n_projects),
                "YHFS": [None] * n_projects,
                "ZLDWDM": ["320703001001"] * n_projects,
                "SJQK": rng.choice(["拟建", "在建"], n_projects),
                "YDMJ": np.round(shapely.area(projects), 2),
            },
            geometry=projects,
            crs=CRS,
        ),
    )
    ids = [f"R{i + 1}" for i in range(len(river_lines))]
    names = [f"河流廊道{i + 1}" for i in range(len(river_lines))]
    write(
        "CORRIDORS",
        gpd.GeoDataFrame(
            {"corridor_id": ids, "name": names, "kind": ["river"] * len(ids)},
            geometry=shapely.buffer(river_lines, 300.0),
            crs=CRS,
        ),
    )
    write(
        "AXES",
        gpd.GeoDataFrame({"corridor_id": ids, "name": names}, geometry=river_lines, crs=CRS),
    )


if __name__ == "__main__":
    import time

    start = time.perf_counter()
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    print(ensure_city(n), f"{time.perf_counter() - start:.1f} s")
