"""lyg_nrp:build_corridors through processing.run and qgis_process on constructed layers."""

from __future__ import annotations

import json

import pytest
import shapely

from .conftest import SAMPLE_GPKG
from .helpers.corridor_case import CRS, features_of, memory_layer, run, shifted, snapshot


def rivers_layer(crs: str = CRS):
    return memory_layer(
        "LineString",
        {"HLMC": "string", "KD": "double"},
        [
            (shapely.LineString([(0, 0), (3000, 0)]), "龙王河", None),
            (shapely.LineString([(5000, 0), (3000, 0)]), "龙王河", None),  # second part, reversed
            (shapely.LineString([(0, 5000), (2000, 5000)]), "蔷薇河", 100.0),
            (shapely.LineString([(2000, 5000), (4000, 5000)]), "临洪河", 100.0),
            (shapely.LineString([(0, 9000), (1000, 9000)]), "灌河", None),
            (shapely.LineString([(0, 12000), (1000, 12000)]), "其他河", None),
        ],
        crs=crs,
        name="SX",
    )


def test_rivers_merged_named_and_missing_reported(provider):
    rivers = rivers_layer()
    before = snapshot(rivers)
    result, context, feedback = run(
        "build_corridors",
        {
            "RIVERS": rivers,
            "NAME_FIELD": "HLMC",
            "HALF_WIDTH": 200,
            "OUTPUT": "memory:",
            "AXES": "memory:",
        },
    )
    out = {a["name"]: (g, a) for g, a in features_of(result["OUTPUT"], context)}
    assert set(out) == {"龙王河", "蔷薇河-临洪河", "灌河"}
    # 龙王河: two touching parts merged into a 5000 m line; flat caps -> 5000 x 400 rectangle
    geom, attrs = out["龙王河"]
    assert attrs["corridor_id"] == "R1" and attrs["kind"] == "river" and attrs["kind_zh"] == "七廊"
    assert attrs["length_m"] == pytest.approx(5000.0)
    assert attrs["area_m2"] == pytest.approx(5000 * 400) and geom.area == pytest.approx(5000 * 400)
    assert geom.bounds == pytest.approx((0, -200, 5000, 200))
    # 蔷薇河 + 临洪河 form R3 (third name of the list), 4000 m
    assert out["蔷薇河-临洪河"][1]["corridor_id"] == "R3"
    assert out["蔷薇河-临洪河"][1]["source"] == "蔷薇河+临洪河"
    assert out["蔷薇河-临洪河"][1]["area_m2"] == pytest.approx(4000 * 400)
    assert out["灌河"][1]["corridor_id"] == "R7"
    # the four missing corridors: output string, count and one warning each
    missing = ["青口河", "古泊善后河", "通榆河", "新沂河"]
    assert result["MISSING"].split(",") == missing and result["N_MISSING"] == 4
    for name in missing:
        assert any(name in w for w in feedback.warnings)
    assert result["N_CORRIDORS"] == 3
    axes = {a["corridor_id"]: g for g, a in features_of(result["AXES"], context)}
    assert axes["R1"].length == pytest.approx(5000.0)
    assert shapely.line_merge(axes["R1"]).geom_type == "LineString"
    assert snapshot(rivers) == before  # input untouched


def test_width_field_and_single_combined_name(provider):
    rivers = memory_layer(
        "LineString",
        {"HLMC": "string", "KD": "double"},
        [
            (shapely.LineString([(0, 0), (1000, 0)]), "蔷薇河－临洪河", 50.0),
            (shapely.LineString([(0, 3000), (1000, 3000)]), "灌河", None),
        ],
    )
    result, context, feedback = run(
        "build_corridors",
        {
            "RIVERS": rivers,
            "NAME_FIELD": "HLMC",
            "WIDTH_FIELD": "KD",
            "HALF_WIDTH": 120,
            "CORRIDOR_NAMES": "蔷薇河-临洪河, 灌河",
            "OUTPUT": "memory:",
            "AXES": "memory:",
        },
    )
    out = {a["name"]: a for _, a in features_of(result["OUTPUT"], context)}
    assert out["蔷薇河-临洪河"]["area_m2"] == pytest.approx(1000 * 100)  # 2 x 50 m
    assert out["蔷薇河-临洪河"]["half_width_m"] == pytest.approx(50)
    assert out["灌河"]["area_m2"] == pytest.approx(1000 * 240)  # empty KD -> 120 m
    assert any("KD" in w for w in feedback.warnings)
    assert result["N_MISSING"] == 0


def test_belt_and_vein_with_mixed_crs(provider):
    # land south of y=0; coastline along y=0 (in EPSG:4326); vein an L-shaped polygon
    boundary = memory_layer("Polygon", {}, [(shapely.box(-1000, -20000, 11000, 0),)])
    coast = memory_layer(
        "LineString", {}, [(shapely.LineString([(0, 0), (10000, 0)]),)], crs="EPSG:4326"
    )
    vein_poly = shapely.union(
        shapely.box(0, -9000, 6000, -8000), shapely.box(0, -9000, 1000, -3000)
    )
    vein = memory_layer("Polygon", {}, [(vein_poly,)])
    result, context, _ = run(
        "build_corridors",
        {
            "COASTLINE": coast,
            "BOUNDARY": boundary,
            "GREEN_VEIN": vein,
            "COAST_WIDTH": 1000,
            "SEA_WIDTH": 200,
            "OUTPUT": "memory:",
            "AXES": "memory:",
        },
    )
    out = {a["corridor_id"]: (g, a) for g, a in features_of(result["OUTPUT"], context)}
    belt, attrs = out["BELT"]
    assert (attrs["kind"], attrs["kind_zh"], attrs["name"]) == ("belt", "一带", "沿海生态屏障带")
    # 10 km of coastline, 1000 m landward + 200 m seaward; the coastline went through
    # EPSG:4326 and back, so allow a few cm of reprojection noise
    assert attrs["area_m2"] == pytest.approx(10000 * 1200, rel=1e-4)
    assert belt.bounds == pytest.approx((0, -1000, 10000, 200), abs=0.5)
    vein_geom, vattrs = out["VEIN"]
    assert vattrs["kind"] == "vein" and vattrs["area_m2"] == pytest.approx(vein_poly.area)
    # the belt is landward: the sea side of its 1000 m landward band is cut away (the 200 m
    # seaward band is kept); the vein lies inside the land
    assert attrs["outside_m2"] == pytest.approx(10000 * 1000, rel=1e-4)
    assert vattrs["outside_m2"] == 0
    axes = {a["corridor_id"]: g for g, a in features_of(result["AXES"], context)}
    # the vein's longest internal axis runs through both arms of the L: longer than
    # either arm's centre line (5500 m and 5500 m) and inside the polygon
    assert vein_poly.buffer(1e-6).contains(axes["VEIN"])
    assert axes["VEIN"].length > 8000
    assert result["MISSING"] == ",".join(
        ["龙王河", "青口河", "蔷薇河-临洪河", "古泊善后河", "通榆河", "新沂河", "灌河"]
    )


def test_clear_errors(provider):
    from qgis.core import QgsProcessingException

    coast = memory_layer("LineString", {}, [(shapely.LineString([(0, 0), (100, 0)]),)])
    with pytest.raises(QgsProcessingException, match="boundary"):
        run("build_corridors", {"COASTLINE": coast, "OUTPUT": "memory:", "AXES": "memory:"})
    with pytest.raises(QgsProcessingException, match="at least one"):
        run("build_corridors", {"OUTPUT": "memory:", "AXES": "memory:"})
    with pytest.raises(QgsProcessingException, match="NAMEX"):
        run(
            "build_corridors",
            {
                "RIVERS": rivers_layer(),
                "NAME_FIELD": "NAMEX",
                "OUTPUT": "memory:",
                "AXES": "memory:",
            },
        )


def test_null_and_invalid_geometries_counted(provider):
    # a river feature without geometry is skipped (counted); a bow-tie vein is repaired (counted)
    rivers = memory_layer(
        "LineString",
        {"HLMC": "string"},
        [
            (shapely.LineString([(0, 0), (1000, 0)]), "灌河"),
            (None, "灌河"),
        ],
    )
    bowtie = shapely.Polygon([(0, 2000), (2000, 4000), (2000, 2000), (0, 4000), (0, 2000)])
    vein = memory_layer("Polygon", {}, [(bowtie,)])
    result, context, feedback = run(
        "build_corridors",
        {
            "RIVERS": rivers,
            "CORRIDOR_NAMES": "灌河",
            "GREEN_VEIN": vein,
            "OUTPUT": "memory:",
            "AXES": "memory:",
        },
    )
    out = {a["corridor_id"]: a for _, a in features_of(result["OUTPUT"], context)}
    assert out["R1"]["area_m2"] == pytest.approx(1000 * 400)
    # the bow-tie becomes two triangles of base 2000 and height 1000: 2 x 1e6 m²
    assert out["VEIN"]["area_m2"] == pytest.approx(2_000_000)
    assert any("skipped 1" in w for w in feedback.warnings)
    assert any("repaired 1" in w for w in feedback.warnings)


def test_empty_inputs_give_empty_outputs(provider):
    rivers = memory_layer("LineString", {"HLMC": "string"}, [])
    result, context, feedback = run(
        "build_corridors", {"RIVERS": rivers, "OUTPUT": "memory:", "AXES": "memory:"}
    )
    assert result["N_CORRIDORS"] == 0 and result["N_MISSING"] == 7
    assert features_of(result["OUTPUT"], context) == []
    land = memory_layer("Polygon", {"DLBM": "string"}, [])
    assessed, context, _ = run(
        "corridor_assessment",
        {
            "CORRIDORS": result["OUTPUT"],
            "AXES": result["AXES"],
            "LANDUSE": land,
            "OUTPUT": "memory:",
            "BREAKS": "memory:",
        },
    )
    assert assessed["N_CORRIDORS"] == 0 and assessed["N_BREAKS"] == 0


@pytest.mark.slow
def test_qgis_process_json(qgis_process, tmp_path):
    gpd = pytest.importorskip("geopandas")
    path = tmp_path / "rivers.gpkg"
    gdf = gpd.GeoDataFrame(
        {"HLMC": ["龙王河", "灌河"]},
        geometry=[
            shifted(shapely.LineString([(0, 0), (2000, 0)])),
            shifted(shapely.LineString([(0, 3000), (1000, 3000)])),
        ],
        crs=CRS,
    )
    gdf.to_file(path, layer="SX", driver="GPKG")
    out = tmp_path / "corridors.gpkg"
    axes = tmp_path / "axes.gpkg"
    proc = qgis_process(
        "run",
        "lyg_nrp:build_corridors",
        "--json",
        "--",
        f"RIVERS={path}|layername=SX",
        "NAME_FIELD=HLMC",
        "HALF_WIDTH=150",
        f"OUTPUT={out}",
        f"AXES={axes}",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    payload = json.loads(proc.stdout[proc.stdout.index("{") :])
    results = payload["results"]
    assert results["N_CORRIDORS"] == 2 and results["N_MISSING"] == 5
    written = gpd.read_file(out)
    areas = dict(zip(written["name"], written["area_m2"]))
    assert areas["龙王河"] == pytest.approx(2000 * 300) and areas["灌河"] == pytest.approx(300_000)
    assert written.geometry.area.sum() == pytest.approx(900_000)


@pytest.mark.slow
def test_sample_builds_all_nine(provider):
    if not SAMPLE_GPKG.is_file():
        pytest.skip("sample GeoPackage not generated yet")
    gpd = pytest.importorskip("geopandas")
    path = str(SAMPLE_GPKG)
    result, context, _ = run(
        "build_corridors",
        {
            "RIVERS": f"{path}|layername=SX",
            "NAME_FIELD": "HLMC",
            "COASTLINE": f"{path}|layername=HAX",
            "BOUNDARY": f"{path}|layername=XZQ",
            "GREEN_VEIN": f"{path}|layername=YTS",
            "OUTPUT": "memory:",
            "AXES": "memory:",
        },
    )
    assert result["N_CORRIDORS"] == 9 and result["N_MISSING"] == 0
    rows = {a["name"]: a for _, a in features_of(result["OUTPUT"], context)}
    rivers = gpd.read_file(path, layer="SX")
    land = shapely.union_all(gpd.read_file(path, layer="XZQ").geometry.values)
    for name in ("龙王河", "青口河", "古泊善后河", "通榆河", "新沂河", "灌河", "蔷薇河-临洪河"):
        parts = name.split("-") if name not in set(rivers["HLMC"]) else [name]
        lines = rivers[rivers["HLMC"].isin(parts)].geometry
        axis = shapely.line_merge(shapely.union_all(lines.values))
        # oracle: every line buffered 200 m with round caps, cut flat at the merged axis' ends
        # (equal to the flat-cap buffer of the merged axis), clipped to the land (XZQ)
        band = axis.buffer(200, cap_style="flat")
        oracle = band.intersection(land)
        assert rows[name]["area_m2"] == pytest.approx(oracle.area, rel=1e-6), name
        outside = band.area - oracle.area
        assert rows[name]["outside_m2"] == pytest.approx(outside, rel=1e-6, abs=1.0), name
        assert rows[name]["length_m"] == pytest.approx(lines.length.sum(), rel=1e-9), name
    assert rows["蔷薇河-临洪河"]["source"] == "蔷薇河+临洪河"
    coast = shapely.line_merge(shapely.union_all(gpd.read_file(path, layer="HAX").geometry.values))
    belt = coast.buffer(1000, cap_style="flat").intersection(land)
    assert rows["沿海生态屏障带"]["area_m2"] == pytest.approx(belt.area, rel=1e-6)
    vein = shapely.union_all(gpd.read_file(path, layer="YTS").geometry.values)
    assert rows["云台山系生态绿脉"]["area_m2"] == pytest.approx(vein.area, rel=1e-6)


def boundary_case_gpkg(path):
    """灌河 along the boundary y = 0 (land below), 善后河 inside with a negative KD, a vein
    square half outside; returns the GeoPackage path."""
    gpd = pytest.importorskip("geopandas")
    gpd.GeoDataFrame(
        {"HLMC": ["灌河", "善后河"], "KD": [None, -20.0]},
        geometry=[
            shifted(shapely.LineString([(0, 0), (2000, 0)])),
            shifted(shapely.LineString([(0, -600), (1000, -600)])),
        ],
        crs=CRS,
    ).to_file(path, layer="SX", driver="GPKG")
    gpd.GeoDataFrame(geometry=[shifted(shapely.box(-500, -1000, 4000, 0))], crs=CRS).to_file(
        path, layer="XZQ", driver="GPKG"
    )
    gpd.GeoDataFrame(geometry=[shifted(shapely.box(3000, -200, 3400, 200))], crs=CRS).to_file(
        path, layer="YTS", driver="GPKG"
    )
    return path


@pytest.mark.slow
def test_boundary_river_half_outside_via_qgis_process(qgis_process, tmp_path):
    gpd = pytest.importorskip("geopandas")
    path = boundary_case_gpkg(tmp_path / "in.gpkg")
    out, axes = tmp_path / "corridors.gpkg", tmp_path / "axes.gpkg"
    proc = qgis_process(
        "run",
        "lyg_nrp:build_corridors",
        "--json",
        "--",
        f"RIVERS={path}|layername=SX",
        "NAME_FIELD=HLMC",
        "WIDTH_FIELD=KD",
        "HALF_WIDTH=150",
        "CORRIDOR_NAMES=灌河,善后河",
        f"BOUNDARY={path}|layername=XZQ",
        f"GREEN_VEIN={path}|layername=YTS",
        f"OUTPUT={out}",
        f"AXES={axes}",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = json.loads(proc.stdout[proc.stdout.index("{") :])["results"]
    # the plan's own name 善后河 (六(四)) is the corridor 古泊善后河, built from the line 善后河
    assert results["N_MISSING"] == 0 and results["N_CORRIDORS"] == 3
    rows = {r["name"]: r for _, r in gpd.read_file(out).iterrows()}
    # hand-worked: 灌河 2000 m x 2 x 150 m = 600 000 m2, the northern half outside the land
    assert rows["灌河"]["area_m2"] == pytest.approx(300_000)
    assert rows["灌河"]["outside_m2"] == pytest.approx(300_000)
    # 善后河: KD -20 is not a half-width -> 150 m, named in the log with its fid (2)
    assert rows["古泊善后河"]["area_m2"] == pytest.approx(1000 * 300)
    assert rows["古泊善后河"]["outside_m2"] == 0 and rows["古泊善后河"]["source"] == "善后河"
    log = proc.stdout + proc.stderr
    assert "KD" in log and "Feature ids: 2" in log
    # the vein square 400 x 400, y > 0 cut away
    assert rows["云台山系生态绿脉"]["area_m2"] == pytest.approx(400 * 200)
    assert rows["云台山系生态绿脉"]["outside_m2"] == pytest.approx(400 * 200)
    geoms = gpd.read_file(out).set_index("name").geometry
    assert geoms["灌河"].bounds[3] == pytest.approx(0 + 3_800_000)  # nothing north of y = 0


def test_no_boundary_no_clip_and_width_bounds(provider, tmp_path):
    from qgis.core import QgsProcessingException

    path = boundary_case_gpkg(tmp_path / "b.gpkg")
    params = {
        "RIVERS": f"{path}|layername=SX",
        "NAME_FIELD": "HLMC",
        "CORRIDOR_NAMES": "灌河",
        "HALF_WIDTH": 150,
        "OUTPUT": "memory:",
        "AXES": "memory:",
    }
    result, context, _ = run("build_corridors", params)
    (row,) = [a for _, a in features_of(result["OUTPUT"], context)]
    assert row["area_m2"] == pytest.approx(600_000) and row["outside_m2"] == 0
    for name, value in (("HALF_WIDTH", -5), ("HALF_WIDTH", 6000), ("COAST_WIDTH", 50_000)):
        with pytest.raises(QgsProcessingException):
            run("build_corridors", {**params, name: value})


def test_web_mercator_river_clipped_in_the_analysis_crs(provider):
    """A boundary river in EPSG:3857 (scale 1.22 at 34.6°N) with the land in EPSG:4549: the
    band is buffered and clipped in metres of EPSG:4549, not of the input's Mercator frame."""
    rivers = memory_layer(
        "LineString",
        {"HLMC": "string"},
        [(shapely.LineString([(0, 0), (2000, 0)]), "灌河")],
        crs="EPSG:3857",
    )
    land = memory_layer("Polygon", {}, [(shapely.box(-500, -1000, 2500, 0),)])
    result, context, _ = run(
        "build_corridors",
        {
            "RIVERS": rivers,
            "NAME_FIELD": "HLMC",
            "CORRIDOR_NAMES": "灌河",
            "HALF_WIDTH": 150,
            "BOUNDARY": land,
            "OUTPUT": "memory:",
            "AXES": "memory:",
        },
    )
    (row,) = [a for _, a in features_of(result["OUTPUT"], context)]
    # the line went to EPSG:3857 and back: allow reprojection noise of a few centimetres
    assert row["area_m2"] == pytest.approx(2000 * 150, rel=1e-4)
    assert row["outside_m2"] == pytest.approx(2000 * 150, rel=1e-4)
