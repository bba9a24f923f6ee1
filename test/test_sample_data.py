"""Checks of the schematic sample GeoPackage against the plan's figures, with geopandas / pyproj /
shapely as the oracle (nothing here imports the generator's code)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
pyogrio = pytest.importorskip("pyogrio")
shapely = pytest.importorskip("shapely")

pytestmark = pytest.mark.sample

ROOT = Path(__file__).resolve().parent.parent
GPKG = ROOT / "resources" / "sample" / "lyg_sample.gpkg"
DLTB_FIELDS = [
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
]
FIELDS = {
    "XZQ": ["XZQDM", "XZQMC"],
    "DLTB": DLTB_FIELDS,
    "STBHHX": ["HXBH", "HXMC", "HXLX", "MJ"],
    "YJJBNTBHTB": ["BSM", "ZLDWDM", "DLBM", "GDDB", "YJJBNTMJ"],
    "CZKFBJ": ["XZQDM", "MC", "MJ"],
    "ZRBHD": ["ZRBHDMC", "ZRBHDLX", "JB", "GNFQ", "MJ"],
    "HYGNQ": ["GNQMC", "GNQLX", "MJ"],
    "HYSTHX": ["HXBH", "HXMC", "HXLX", "GKFL", "MJ"],
    "HAX": ["AXLX", "AXLB", "WZ", "CD", "GKFL"],
    "SX": ["HLMC", "HLDJ", "CD"],
    "YTS": ["MC", "SM", "MJ"],
    "JSXM": ["XMBH", "XMMC", "XMFL", "XMLX", "YHFS", "ZLDWDM", "YDMJ", "SJQK"],
    "BCGD": ["XMBH", "DLBM", "GDDB", "GDPDJB", "KCXS", "XZQDM", "MJ", "SJQK"],
    "STKJGKQY": ["BH", "MC", "LX", "MJ"],
    "JBNTCBQ": ["BSM", "ZLDWDM", "DLBM", "GDDB", "MJ"],
    "DLTB_JQ": DLTB_FIELDS,
    "HASD": ["MC", "SDLX", "MJ"],
    "YFKC": ["MC", "KZ", "MJ"],
    "DZZHYFQ": ["MC", "YFCD", "ZHLX", "MJ"],
    "LSWHBHX": ["MC", "LX", "JB", "MJ"],
    "STGYL": ["MC", "SQDJ", "LZ", "MJ"],
}
LAYERS = list(FIELDS)
LAND_KM2 = 7615.71
# the plan's 一(一), km²
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
# 北纬34°07′–35°08′，东经118°24′–119°55′ (west, south, east, north)
EXTENT = (118 + 24 / 60, 34 + 7 / 60, 119 + 55 / 60, 35 + 8 / 60)
CLASSES = {
    "一般建设项目",
    "线性基础设施",
    "国家重大项目",
    "省级重大项目",
    "有限人为活动",
    "军事国防",
}
# 苏政发〔2020〕1号: the fifteen types of 生态空间管控区域
ECO_SPACE_TYPES = {
    "自然保护区",
    "森林公园",
    "风景名胜区",
    "地质遗迹保护区",
    "湿地公园",
    "饮用水水源保护区",
    "海洋特别保护区",
    "洪水调蓄区",
    "重要水源涵养区",
    "重要渔业水域",
    "重要湿地",
    "清水通道维护区",
    "生态公益林",
    "太湖重要保护区",
    "特殊物种保护区",
}
# 自然资发〔2022〕142号 has 航道疏浚, 堤防 and 防洪 among the 有限人为活动; the others by their kind
EXPECTED_CLASS = {
    "连云港港30万吨级航道配套": ("有限人为活动", "航道疏浚"),
    "通榆河航道整治": ("有限人为活动", "航道疏浚"),
    "新沂河堤防综合整治": ("有限人为活动", "堤防"),
    "连徐高速互通工程": ("线性基础设施", "公路"),
    "省道改扩建工程": ("线性基础设施", "公路"),
    "220千伏输变电工程（两处站址）": ("线性基础设施", "输电线路"),
    "东海县乡村振兴产业园": ("一般建设项目", "工业"),
    "赣榆区物流园": ("一般建设项目", "物流仓储"),
    "灌南县农产品冷链物流园": ("一般建设项目", "物流仓储"),
    "东海县光伏发电项目": ("一般建设项目", "光伏发电"),
}
SEA_USES = {"透水构筑物", "非透水构筑物", "开放式", "围海", "填海造地"}
COUNTY_PREFIX = {
    "海州区": "320706",
    "连云区": "320703",
    "连云新城": "320703",
    "徐圩": "320703",
    "赣榆": "320707",
    "东海县": "320722",
    "灌云县": "320723",
    "灌南县": "320724",
}


def _read(name):
    return pyogrio.read_dataframe(GPKG, layer=name)


@pytest.fixture(scope="module")
def data():
    assert GPKG.is_file(), "run `make sample`"
    return {name: _read(name) for name in LAYERS}


def _union(df):
    return shapely.union_all(df.geometry.to_numpy())


@pytest.fixture(scope="module")
def land(data):
    return _union(data["XZQ"])


def test_layers_crs_fields(data):
    names = [n for n, _ in pyogrio.list_layers(GPKG)]
    assert sorted(names) == sorted(LAYERS)
    for name in LAYERS:
        df = data[name]
        assert df.crs.to_epsg() == 4549, name
        assert len(df) > 0, name
        for f in FIELDS[name]:
            assert f in df.columns, (name, f)
        assert df.geometry.is_valid.all(), name
        if "MJ" in df.columns:
            assert np.allclose(df["MJ"], df.area, rtol=1e-6, atol=0.02), name
    dl = data["DLTB"]
    for f in ("TBMJ", "KCXS", "KCMJ", "TBDLMJ"):
        assert np.issubdtype(dl[f].dtype, np.floating), f
    for f in ("BSM", "DLBM", "DLMC", "QSXZ", "ZLDWDM"):
        assert dl[f].map(type).eq(str).all(), f


def test_declared_geometry_types_are_multi():
    """One declared type per layer, so QGIS lists it under polygon (or line) inputs."""
    for name, declared in pyogrio.list_layers(GPKG):
        assert declared in ("MultiPolygon", "MultiLineString"), (name, declared)


def test_file_size():
    assert GPKG.stat().st_size <= 17e6


def test_dltb_tiles_land(data, land):
    dl = data["DLTB"]
    assert 30000 <= len(dl) <= 45000
    assert dl["BSM"].is_unique
    assert (dl["ZLDWDM"].str.len() == 12).all()
    assert abs(land.area / (LAND_KM2 * 1e6) - 1) < 1e-4
    assert abs(dl.area.sum() / land.area - 1) < 0.001
    union = _union(dl)
    assert abs(union.area / land.area - 1) < 0.001
    assert (dl.area.sum() - union.area) / land.area < 1e-4


def test_dltb_areas_and_composition(data):
    """The eight classes of the plan's 一(一) within 0.2 % (by TBMJ, 田坎 inside the farmland)."""
    dl = data["DLTB"]
    assert np.allclose(dl["TBMJ"], dl.area, rtol=1e-6, atol=0.01)
    assert np.allclose(dl["TBDLMJ"], dl["TBMJ"] - dl["KCMJ"], atol=0.02)
    assert np.allclose(dl["KCMJ"], dl["TBMJ"] * dl["KCXS"], atol=0.02)
    prefix = dl["DLBM"].str[:2]
    built = prefix.isin(["05", "06", "07", "08", "09"])
    for key, target in PLAN.items():
        sel = built if key == "BUILT" else prefix.eq(key)
        got = dl.loc[sel, "TBMJ"].sum() / 1e6
        assert abs(got / target - 1) < 0.002, (key, got, target)
    assert abs(dl["TBMJ"].sum() / 1e6 / LAND_KM2 - 1) < 1e-4
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


def test_extent_is_the_plans(data):
    """北纬34°07′–35°08′，东经118°24′–119°55′ (islands included), within 1′."""
    west, south, east, north = data["XZQ"].to_crs(4326).total_bounds
    for got, want in zip((west, south, east, north), EXTENT):
        assert abs(got - want) < 1 / 60, (got, want)


def _near_share(line, boundary, tol=1.0):
    """Share of ``line``'s length within ``tol`` m of ``boundary``."""
    return line.intersection(boundary.buffer(tol)).length / line.length


def test_northern_boundary_is_the_xiuzhen_he(data, land):
    sx = data["SX"]
    xiuzhen = _union(sx[sx["HLMC"] == "绣针河"])
    longwang = _union(sx[sx["HLMC"] == "龙王河"])
    mainland = max(land.geoms, key=lambda p: p.area)
    boundary = mainland.exterior
    assert _near_share(xiuzhen, boundary) > 0.99  # the boundary river
    assert _near_share(longwang, boundary, 200.0) < 0.05  # a river inside the city
    # the northernmost point of the land is on the 绣针河
    coords = np.asarray(boundary.coords)
    top = shapely.Point(coords[np.argmax(coords[:, 1])])
    assert top.distance(xiuzhen) < 1.0
    # the 绣针河 ends at the north end of the mainland coast: the 绣针河口
    hax = data["HAX"]
    coast = shapely.line_merge(_union(hax[hax["AXLB"] == "大陆岸线"]))
    ends = [shapely.Point(coast.coords[0]), shapely.Point(coast.coords[-1])]
    north_end = max(ends, key=lambda p: p.y)
    assert north_end.distance(xiuzhen) < 1.0
    lon, lat = gpd.GeoSeries([north_end], crs=4549).to_crs(4326).iloc[0].coords[0]
    assert 119.2 < lon < 119.4 and 35.05 < lat < 35.12
    # 龙王河 runs in 赣榆, south of the 绣针河
    ganyu = _union(data["XZQ"][data["XZQ"]["XZQDM"] == "320707"])
    assert longwang.difference(ganyu.buffer(1.0)).length < 1.0
    ll = gpd.GeoSeries([longwang, xiuzhen], crs=4549).to_crs(4326)
    assert ll.iloc[0].bounds[3] < ll.iloc[1].bounds[1]


def test_southern_boundary_is_the_guan_he(data, land):
    sx = data["SX"]
    guan = _union(sx[sx["HLMC"] == "灌河"])
    mainland = max(land.geoms, key=lambda p: p.area)
    assert _near_share(guan, mainland.exterior) > 0.99
    hax = data["HAX"]
    coast = shapely.line_merge(_union(hax[hax["AXLB"] == "大陆岸线"]))
    ends = [shapely.Point(coast.coords[0]), shapely.Point(coast.coords[-1])]
    assert min(ends, key=lambda p: p.y).distance(guan) < 1.0


def test_rivers(data):
    names = set(data["SX"]["HLMC"])
    for n in (
        "绣针河",
        "龙王河",
        "青口河",
        "蔷薇河",
        "临洪河",
        "古泊善后河",
        "通榆河",
        "新沂河",
        "灌河",
    ):
        assert n in names, n
    assert (data["SX"]["HLMC"] == "通榆河").sum() >= 2
    assert np.allclose(data["SX"]["CD"], data["SX"].length, atol=0.02)


def test_redlines_sea_coast(data, land):
    sea = data["HYGNQ"].area.sum()
    assert abs(sea / 6677e6 - 1) < 0.005
    assert _union(data["HYSTHX"]).area / sea >= 0.2641
    assert _union(data["HYGNQ"]).intersection(land).area < 1.0
    hax = data["HAX"]
    main = hax[hax["AXLB"] == "大陆岸线"]
    total = main.length.sum()
    assert abs(total / 211.6e3 - 1) < 0.005
    nat = main.loc[main["AXLX"] == "自然岸线"].length.sum()
    assert abs(nat / 112.44e3 - 1) < 0.005
    assert (hax["AXLB"] == "海岛岸线").any()
    assert np.allclose(hax["CD"], hax.length, atol=0.02)


def test_coast_and_marine_classes(data):
    hax = data["HAX"]
    assert set(hax["GKFL"]) == {"严格保护", "限制开发", "优化利用"}
    natural = hax[hax["AXLX"] == "自然岸线"]
    main_nat = natural[natural["AXLB"] == "大陆岸线"]
    strict = main_nat.loc[main_nat["GKFL"] == "严格保护"].length.sum()
    assert strict / main_nat.length.sum() > 0.6  # natural coastline mostly 严格保护
    assert not (hax.loc[hax["AXLX"] == "人工岸线", "GKFL"] == "严格保护").any()
    hy = data["HYSTHX"]
    assert set(hy["GKFL"]) == {"禁止类", "限制类"}
    zr = data["ZRBHD"]
    park_core = _union(zr[(zr["ZRBHDLX"] == "海洋公园") & (zr["GNFQ"] == "核心保护区")])
    banned = _union(hy[hy["GKFL"] == "禁止类"])
    assert park_core.intersection(banned).area / park_core.area > 0.99


def test_national_and_provincial_eco_tiers(data, land):
    """STBHHX a plausible national red line (schematic 8 %); STKJGKQY the plan's 21.96 %."""
    red, eco = _union(data["STBHHX"]), _union(data["STKJGKQY"])
    assert 0.075 < red.area / land.area < 0.085
    assert abs(eco.area / land.area - 0.2196) < 0.0005
    assert red.intersection(eco).area / red.area > 0.9  # STKJGKQY contains most of STBHHX
    assert red.difference(land).area < 100.0 and eco.difference(land).area < 100.0  # 1 cm grid
    assert set(data["STKJGKQY"]["LX"]) <= ECO_SPACE_TYPES
    for name in ("STBHHX", "STKJGKQY"):  # zones do not overlap (but for the 1 cm grid)
        df = data[name]
        assert df.area.sum() - _union(df).area < 10.0, name


def test_protected_area_ratio_reading(data, land):
    """自然保护地（除海洋公园）占陆域: without 风景名胜区 and 海洋公园 1.38–1.39 %; the plan's
    620 km² （不包含风景名胜区）= that ≈ 106 km² + 海州湾国家级海洋公园 ≈ 514 km²."""
    zr = data["ZRBHD"]
    assert set(zr["GNFQ"]) == {"核心保护区", "一般控制区"}
    kinds = zr["ZRBHDLX"]
    counted = _union(zr[~kinds.isin(["风景名胜区", "海洋公园"])]).intersection(land)
    ratio = counted.area / land.area
    assert 0.0138 <= ratio <= 0.0139, ratio
    park = _union(zr[kinds == "海洋公园"])
    assert park.intersection(land).area < 1.0  # at sea
    assert abs(park.area / 1e6 - 514) < 5
    assert 619.5 <= (counted.area + park.area) / 1e6 <= 625
    scenic = zr[kinds == "风景名胜区"]
    assert set(scenic["ZRBHDMC"]) == {"云台山风景名胜区"}
    with_scenic = _union(zr[kinds != "海洋公园"]).intersection(land).area / land.area
    assert with_scenic > 0.016  # counting 云台山风景名胜区 would report a false 达标 margin
    assert zr.area.sum() - _union(zr).area < 10.0


def test_farmland_and_reserve(data):
    dl = data["DLTB"]
    farm = dl.loc[dl["DLBM"].str.startswith("01"), "TBMJ"].sum()
    yj = data["YJJBNTBHTB"]
    assert 0.7 <= yj.area.sum() / farm <= 0.9
    cb = data["JBNTCBQ"]
    assert abs(cb.area.sum() / (80000 / 15 * 1e4) - 1) < 0.01  # 储备区 8 万亩
    assert _union(cb).intersection(_union(yj)).area < 1.0
    assert cb["GDDB"].between(1, 15).all() and cb["DLBM"].str.startswith("01").all()
    # made of whole DLTB farmland parcels outside 永久基本农田
    pts = gpd.GeoDataFrame(dl[["TBMJ", "DLBM"]], geometry=dl.representative_point(), crs=4549)
    inside = gpd.sjoin(pts, cb[["geometry"]], predicate="within")
    assert inside["DLBM"].str.startswith("01").all()
    assert inside["TBMJ"].sum() == pytest.approx(cb.area.sum(), rel=1e-6)


def test_coastal_wetland(data):
    hasd = data["HASD"]
    assert abs(hasd.area.sum() / 104744.55e4 - 1) < 0.005  # 近海与海岸湿地 104 744.55 公顷
    sea = _union(data["HYGNQ"])
    assert _union(hasd).difference(sea).area / hasd.area.sum() < 1e-4
    assert {"浅海水域", "淤泥质海滩", "河口水域", "岩石海岸"} <= set(hasd["SDLX"])


def test_projects_classes_and_sea_use(data, land):
    js = data["JSXM"]
    assert len(js) == 40 and js["XMBH"].is_unique
    assert set(js["XMFL"]) <= CLASSES
    assert {"国家重大项目", "省级重大项目"} <= set(js["XMFL"])
    assert js["XMLX"].notna().all()
    by_name = js.set_index("XMMC")
    for name, (cls, typ) in EXPECTED_CLASS.items():
        assert (by_name.loc[name, "XMFL"], by_name.loc[name, "XMLX"]) == (cls, typ), name
    for _, row in js.iterrows():
        at_sea = row.geometry.difference(land).area > 1.0
        assert (row["YHFS"] is not None) == at_sea, row["XMMC"]
        if at_sea:
            assert row["YHFS"] in SEA_USES
    assert by_name.loc["连云港港30万吨级航道配套", "YHFS"] == "开放式"
    xzq = data["XZQ"].set_index("XZQDM")
    for _, row in js.iterrows():  # a name that says where the project is, is right
        on_land = row.geometry.intersection(land).area
        for prefix, code in COUNTY_PREFIX.items():
            if row["XMMC"].startswith(prefix):
                share = row.geometry.intersection(xzq.loc[code, "geometry"]).area
                assert share / on_land > 0.9, row["XMMC"]


def test_projects_exercise_the_verdicts(data):
    """The channel, the dyke and the waterway touch the red line and nothing that forbids them;
    an industrial park, a logistics park and the photovoltaic array occupy 永久基本农田."""
    js = data["JSXM"].set_index("XMMC")
    red = _union(data["STBHHX"])
    yj = _union(data["YJJBNTBHTB"])
    zr = _union(data["ZRBHD"])
    hy = data["HYSTHX"]
    banned, limited = _union(hy[hy["GKFL"] == "禁止类"]), _union(hy[hy["GKFL"] == "限制类"])
    hax = data["HAX"]
    strict = _union(hax[(hax["AXLX"] == "自然岸线") & (hax["GKFL"] == "严格保护")])
    for name in ("连云港港30万吨级航道配套", "新沂河堤防综合整治", "通榆河航道整治"):
        g = js.loc[name, "geometry"]
        assert js.loc[name, "XMFL"] == "有限人为活动"
        assert g.intersection(red).area > 100, name
        assert g.intersection(yj).area == 0, name
        assert not g.intersects(zr), name
        assert g.intersection(banned).area == 0, name
        assert not g.intersects(strict), name
    channel = js.loc["连云港港30万吨级航道配套"]
    assert channel.geometry.intersection(limited).area > 0
    assert "填海" not in channel["YHFS"] and "围海" not in channel["YHFS"]
    parks = ("东海县乡村振兴产业园", "赣榆区物流园", "灌南县农产品冷链物流园", "东海县光伏发电项目")
    for name in parks:
        assert js.loc[name, "XMFL"] == "一般建设项目"
        assert js.loc[name, "geometry"].intersection(yj).area > 0, name
    fill = js[js["YHFS"] == "填海造地"]  # 围填海 in a 限制类 zone
    assert len(fill) == 1 and fill.geometry.iloc[0].intersection(limited).area > 0
    port = js.loc["赣榆海头渔港扩建工程", "geometry"]  # across a 严格保护 natural coast
    assert port.intersects(strict)


def test_projects_cases(data):
    js = data["JSXM"]
    assert js["XMMC"].str.contains("&").any()
    assert (js.geom_type == "MultiPolygon").all()
    assert any(len(g.geoms) > 1 for g in js.geometry)
    red = _union(data["STBHHX"])
    czk = _union(data["CZKFBJ"])
    yj = _union(data["YJJBNTBHTB"])
    eco = _union(data["STKJGKQY"])
    zr = data["ZRBHD"]
    core = _union(zr[zr["GNFQ"] == "核心保护区"])
    hax = data["HAX"]
    nat = _union(hax[(hax["AXLX"] == "自然岸线") & (hax["AXLB"] == "大陆岸线")])
    mred = _union(data["HYSTHX"])
    geoms = js.geometry.to_numpy()
    red_a = shapely.area(shapely.intersection(geoms, red))
    assert (red_a > 0).sum() >= 5
    inside = (
        shapely.within(geoms, czk)
        & ~shapely.intersects(geoms, red)
        & ~shapely.intersects(geoms, yj)
        & ~shapely.intersects(geoms, eco)
        & ~shapely.intersects(geoms, _union(zr))
    )
    assert inside.sum() >= 8
    assert (shapely.area(shapely.intersection(geoms, yj)) > 0).sum() >= 6
    part = shapely.intersects(geoms, czk) & ~shapely.within(geoms, czk)
    assert part.sum() >= 2
    touch = (red_a < 0.01) & (shapely.distance(geoms, red) == 0)
    assert touch.sum() >= 1
    assert (shapely.area(shapely.intersection(geoms, core)) > 0).sum() >= 1
    assert (
        shapely.intersects(geoms, nat) & (shapely.area(shapely.intersection(geoms, mred)) > 0)
    ).sum() >= 2
    assert js["YDMJ"].div(1e4).between(4.9, 200.1).all()
    assert np.allclose(js["YDMJ"], js.area, atol=0.02)


@pytest.mark.parametrize("name", ["YFKC", "DZZHYFQ", "LSWHBHX", "STGYL"])
def test_optional_controls_touched_by_one_or_two_projects(data, land, name):
    layer = data[name]
    control = _union(layer)
    js = data["JSXM"]
    touched = shapely.area(shapely.intersection(js.geometry.to_numpy(), control)) > 0
    assert 1 <= touched.sum() <= 2, js.loc[touched, "XMMC"].tolist()
    assert control.difference(land).area < 10.0
    assert layer.area.sum() - control.area < 10.0
    if name == "DZZHYFQ":
        assert set(layer["YFCD"]) == {"高", "中"}


def _base_classes(plot, base):
    """{(DLBM, GDDB): area} of the base-year parcels under a plot (shapely)."""
    out = {}
    for code, grade, geom in zip(base["DLBM"], base["GDDB"], base.geometry):
        a = plot.intersection(geom).area
        if a > 1.0:
            key = (code, None if grade is None or grade != grade else int(grade))
            out[key] = out.get(key, 0.0) + a
    return out


def test_bcgd_cases(data):
    bc = data["BCGD"]
    assert 25 <= len(bc) <= 40 and bc["XMBH"].is_unique
    assert bc["KCXS"].between(0, 0.15).all()
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


def test_base_year_layer_under_the_plots(data):
    """DLTB_JQ: the DLTB schema, the DLTB values, and under the BCGD plots every base class the
    balance rules tell apart (computed here with shapely, by base code)."""
    base, dltb, bc = data["DLTB_JQ"], data["DLTB"], data["BCGD"]
    assert list(base.columns) == list(dltb.columns)
    assert list(base.dtypes) == list(dltb.dtypes)
    same = dltb.set_index("BSM").loc[base["BSM"]]
    for f in ("DLBM", "TBMJ", "KCXS", "GDDB"):
        assert list(same[f].astype(str)) == list(base[f].astype(str)), f
    assert len(base) < 0.05 * len(dltb)  # a neighbourhood of the plots only
    covered = _union(base)
    outside = [g.difference(covered).area / g.area for g in bc.geometry]
    partly = [s for s in outside if s > 1e-6]
    assert len(partly) == 1 and 0.1 < partly[0] < 0.9  # one plot: 缺少基期地类
    counts = {"new": 0, "paddy": 0, "upgrade": 0, "unchanged": 0, "source": set(), "split": 0}
    admissible = ("0404", "1104", "1202", "1204", "1206", "0702")
    for plot, now, grade, share in zip(bc.geometry, bc["DLBM"], bc["GDDB"], outside):
        if share > 1e-6:
            continue
        parts = _base_classes(plot, base)
        if len(parts) == 2 and min(parts.values()) > 0.2 * plot.area:
            counts["split"] += 1
        if len(parts) != 1:
            continue
        (code, g0), _a = next(iter(parts.items()))
        if code in admissible and now.startswith("01"):
            counts["new"] += 1
        elif code in ("0102", "0103") and now == "0101":
            counts["paddy"] += 1
        elif code == now and g0 is not None and grade < g0:
            counts["upgrade"] += 1
        elif code == now and g0 is not None and grade >= g0:
            counts["unchanged"] += 1
        elif code.startswith("03") or code in ("1101", "1105"):
            counts["source"].add("03" if code.startswith("03") else code)
    assert counts["new"] >= 8
    assert counts["paddy"] >= 2
    assert counts["upgrade"] >= 2
    assert counts["unchanged"] >= 2
    assert counts["source"] == {"03", "1101", "1105"}
    assert counts["split"] >= 1


def test_sample_layers_and_styles_cover_every_layer():
    pytest.importorskip("qgis.core")
    from lyg_nrp_plugin.processing.sample_data import sample_layers

    layers = list(sample_layers())
    assert sorted(layers) == sorted(n for n, _ in pyogrio.list_layers(GPKG))
    assert layers[0] == "DLTB" and set(layers[-2:]) == {"SX", "HAX"}  # bottom first, lines last
    for name in layers:
        assert (ROOT / "resources" / "styles" / f"sample_{name}.qml").is_file(), name


@pytest.mark.slow
def test_generator_deterministic(tmp_path):
    out = tmp_path / "again.gpkg"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_sample.py"), "--out", str(out), "--quiet"],
        check=True,
        timeout=1200,
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
