"""Checks of the schematic sample GeoPackage, with geopandas / pyogrio / shapely as the oracle."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
pyogrio = pytest.importorskip("pyogrio")
shapely = pytest.importorskip("shapely")

ROOT = Path(__file__).resolve().parent.parent
GPKG = ROOT / "resources" / "sample" / "lyg_sample.gpkg"
LAYERS = [
    "XZQ",
    "DLTB",
    "STBHHX",
    "YJJBNTBHTB",
    "CZKFBJ",
    "ZRBHD",
    "HYGNQ",
    "HYSTHX",
    "HAX",
    "SX",
    "YTS",
    "JSXM",
    "BCGD",
]
FIELDS = {
    "XZQ": ["XZQDM", "XZQMC"],
    "DLTB": [
        "BSM",
        "DLBM",
        "DLMC",
        "QSXZ",
        "ZLDWDM",
        "ZLDWMC",
        "TBMJ",
        "KCDLBM",
        "KCXS",
        "KCMJ",
        "TBDLMJ",
        "GDLX",
        "GDPDJB",
        "GDDB",
    ],
    "STBHHX": ["HXBH", "HXMC", "HXLX"],
    "YJJBNTBHTB": ["BSM", "ZLDWDM", "DLBM", "GDDB", "YJJBNTMJ"],
    "CZKFBJ": ["XZQDM", "MC"],
    "ZRBHD": ["ZRBHDMC", "ZRBHDLX", "JB", "GNFQ"],
    "HYGNQ": ["GNQMC", "GNQLX"],
    "HYSTHX": ["HXMC", "HXLX"],
    "HAX": ["AXLX", "AXLB", "WZ", "CD"],
    "SX": ["HLMC", "HLDJ"],
    "YTS": ["MC"],
    "JSXM": ["XMBH", "XMMC", "XMLX", "ZLDWDM", "YDMJ"],
    "BCGD": ["XMBH", "DLBM", "GDDB", "GDPDJB", "XZQDM", "MJ"],
}
PLAN = {
    "01": 3915.0,
    "02": 152.0,
    "03": 146.0,
    "04": 17.91,
    "BUILT": 1449.71,
    "10": 340.0,
    "11": 1521.0,
    "12": 74.09,
}


def _read(name):
    return pyogrio.read_dataframe(GPKG, layer=name)


@pytest.fixture(scope="module")
def data():
    assert GPKG.is_file(), "run `make sample`"
    return {name: _read(name) for name in LAYERS}


def _union(df):
    return shapely.union_all(df.geometry.to_numpy())


def test_layers_crs_fields(data):
    names = [n for n, _ in pyogrio.list_layers(GPKG)]
    for name in LAYERS:
        assert name in names
        df = data[name]
        assert df.crs.to_epsg() == 4549, name
        assert len(df) > 0
        for f in FIELDS[name]:
            assert f in df.columns, (name, f)
        assert df.geometry.is_valid.all(), name
    dl = data["DLTB"]
    for f in ("TBMJ", "KCXS", "KCMJ", "TBDLMJ"):
        assert np.issubdtype(dl[f].dtype, np.floating), f
    for f in ("BSM", "DLBM", "DLMC", "QSXZ", "ZLDWDM"):
        assert dl[f].map(type).eq(str).all(), f


def test_declared_geometry_types_are_multi():
    """One declared type per layer, so QGIS lists it under polygon (or line) inputs."""
    import pyogrio

    for name, declared in pyogrio.list_layers(GPKG):
        assert declared in ("MultiPolygon", "MultiLineString"), (name, declared)


def test_file_size():
    assert GPKG.stat().st_size <= 15e6


def test_dltb_tiles_land(data):
    dl, xzq = data["DLTB"], data["XZQ"]
    assert 30000 <= len(dl) <= 45000
    assert dl["BSM"].is_unique
    assert (dl["ZLDWDM"].str.len() == 12).all()
    land = xzq.area.sum()
    assert abs(land / 7615.71e6 - 1) < 0.01
    assert abs(dl.area.sum() / land - 1) < 0.001
    union = _union(dl)
    assert abs(union.area / land - 1) < 0.001
    overlap = dl.area.sum() - union.area
    assert overlap / land < 1e-4


def test_dltb_areas_and_composition(data):
    dl = data["DLTB"]
    assert np.allclose(dl["TBMJ"], dl.area, rtol=1e-6, atol=0.01)
    assert np.allclose(dl["TBDLMJ"], dl["TBMJ"] - dl["KCMJ"], atol=0.02)
    assert np.allclose(dl["KCMJ"], dl["TBMJ"] * dl["KCXS"], atol=0.02)
    prefix = dl["DLBM"].str[:2]
    built = prefix.isin(["05", "06", "07", "08", "09"])
    for key, target in PLAN.items():
        sel = built if key == "BUILT" else prefix.eq(key)
        got = dl.loc[sel, "TBMJ"].sum() / 1e6
        assert abs(got / target - 1) < 0.02, (key, got, target)
    farm = prefix.eq("01")
    g = dl.loc[farm, "GDDB"]
    assert g.notna().all() and g.between(1, 15).all()
    assert dl.loc[farm, "GDPDJB"].isin(list("12345")).all()
    assert dl.loc[~farm, "GDDB"].isna().all()
    assert dl.loc[~farm, "GDPDJB"].isna().all()
    assert dl.loc[farm, "KCXS"].between(0, 0.15).all()
    assert (dl.loc[~farm, "KCXS"] == 0).all()
    kc = farm & (dl["KCXS"] > 0)
    assert (dl.loc[kc, "KCDLBM"] == "1203").all()
    assert dl.loc[~kc, "KCDLBM"].isna().all()


def test_redlines_sea_coast(data):
    land = data["XZQ"].area.sum()
    red = _union(data["STBHHX"]).area / land
    assert abs(red - 0.2196) < 0.01
    sea = data["HYGNQ"].area.sum()
    assert abs(sea / 6677e6 - 1) < 0.01
    assert _union(data["HYSTHX"]).area / sea >= 0.2641
    hax = data["HAX"]
    main = hax[hax["AXLB"] == "大陆岸线"]
    total = main.length.sum()
    assert abs(total / 211.6e3 - 1) < 0.01
    nat = main.loc[main["AXLX"] == "自然岸线"].length.sum() / total
    assert 0.50 <= nat <= 0.56
    assert (hax["AXLB"] == "海岛岸线").any()


def test_rivers(data):
    names = set(data["SX"]["HLMC"])
    for n in ("龙王河", "青口河", "蔷薇河", "临洪河", "古泊善后河", "通榆河", "新沂河", "灌河"):
        assert n in names, n
    assert (data["SX"]["HLMC"] == "通榆河").sum() >= 2


def test_farmland_share(data):
    dl = data["DLTB"]
    farm = dl.loc[dl["DLBM"].str.startswith("01"), "TBMJ"].sum()
    share = data["YJJBNTBHTB"].area.sum() / farm
    assert 0.7 <= share <= 0.9


def test_projects_cases(data):
    js = data["JSXM"]
    assert len(js) == 40 and js["XMBH"].is_unique
    assert js["XMMC"].str.contains("&").any()
    assert (js.geom_type == "MultiPolygon").all()
    assert any(len(g.geoms) > 1 for g in js.geometry)
    red = _union(data["STBHHX"])
    czk = _union(data["CZKFBJ"])
    yj = _union(data["YJJBNTBHTB"])
    zr = data["ZRBHD"]
    core = _union(zr[zr["GNFQ"] == "核心保护区"])
    hax = data["HAX"]
    nat = _union(hax[(hax["AXLX"] == "自然岸线") & (hax["AXLB"] == "大陆岸线")])
    mred = _union(data["HYSTHX"])
    geoms = js.geometry.to_numpy()
    red_a = shapely.area(shapely.intersection(geoms, red))
    assert (red_a > 0).sum() >= 3
    inside = (
        shapely.within(geoms, czk)
        & ~shapely.intersects(geoms, red)
        & ~shapely.intersects(geoms, yj)
    )
    assert inside.sum() >= 8
    assert (shapely.area(shapely.intersection(geoms, yj)) > 0).sum() >= 3
    part = shapely.intersects(geoms, czk) & ~shapely.within(geoms, czk)
    assert part.sum() >= 2
    touch = (red_a < 0.01) & (shapely.distance(geoms, red) == 0)
    assert touch.sum() >= 1
    assert (shapely.area(shapely.intersection(geoms, core)) > 0).sum() >= 1
    assert (
        shapely.intersects(geoms, nat) & (shapely.area(shapely.intersection(geoms, mred)) > 0)
    ).sum() >= 1
    ha = js["YDMJ"] / 1e4
    assert ha.between(4.9, 200.1).all()


def test_bcgd_cases(data):
    bc = data["BCGD"]
    assert 25 <= len(bc) <= 40
    red = _union(data["STBHHX"])
    geoms = bc.geometry.to_numpy()
    assert shapely.within(geoms, red).sum() >= 2
    assert (bc["GDPDJB"] == "5").sum() >= 1
    assert (bc["DLBM"] == "0301").sum() >= 1
    over = 0
    for i in range(len(geoms)):
        for j in range(i + 1, len(geoms)):
            if shapely.intersection(geoms[i], geoms[j]).area > 1:
                over += 1
    assert over >= 1


@pytest.mark.slow
def test_generator_deterministic(tmp_path):
    out = tmp_path / "again.gpkg"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_sample.py"), "--out", str(out), "--quiet"],
        check=True,
        timeout=900,
    )
    for name in LAYERS:
        a = pyogrio.read_dataframe(GPKG, layer=name)
        b = pyogrio.read_dataframe(out, layer=name)
        assert len(a) == len(b), name
        assert list(shapely.to_wkb(a.geometry.to_numpy())) == list(
            shapely.to_wkb(b.geometry.to_numpy())
        ), name
        pa = a.drop(columns="geometry")
        pb = b.drop(columns="geometry")
        assert pa.equals(pb), name
