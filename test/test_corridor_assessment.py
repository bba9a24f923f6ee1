"""lyg_nrp:corridor_assessment on constructed layers with hand-worked answers."""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely

from .conftest import SAMPLE_GPKG
from .helpers.corridor_case import CRS, features_of, memory_layer, run, shifted, snapshot

CORRIDOR_FIELDS = {"corridor_id": "string", "name": "string", "kind": "string"}


def straight_world(block=(1005.0, 1085.0), length=2000.0, half=200.0):
    """River along y=0 (0..length), corridor 2*half wide; forest but a built block (0601)."""
    axis = shapely.LineString([(0, 0), (length, 0)])
    corridor = shapely.buffer(axis, half, cap_style="flat")
    parcels = [
        (shapely.box(-100, -400, block[0], 400), "0301"),
        (shapely.box(block[0], -400, block[1], 400), "0601"),
        (shapely.box(block[1], -400, length + 100, 400), "0404"),
    ]
    return axis, corridor, parcels


def layers_for(corridors, axes, parcels, landuse_crs=CRS):
    corridor_layer = memory_layer("Polygon", CORRIDOR_FIELDS, corridors, name="corridors")
    axis_layer = (
        memory_layer("LineString", CORRIDOR_FIELDS, axes, name="axes") if axes is not None else None
    )
    land_layer = memory_layer("Polygon", {"DLBM": "string"}, parcels, crs=landuse_crs, name="DLTB")
    return corridor_layer, axis_layer, land_layer


def assess(corridor_layer, axis_layer, land_layer, **extra):
    params = {
        "CORRIDORS": corridor_layer,
        "LANDUSE": land_layer,
        "DLBM_FIELD": "DLBM",
        "TRANSECT_SPACING": 20,
        "MIN_ECO_WIDTH": 30,
        "BREAK_BUILT_SHARE": 0.5,
        "OUTPUT": "memory:",
        "BREAKS": "memory:",
        "TRANSECTS": "memory:",
    }
    if axis_layer is not None:
        params["AXES"] = axis_layer
    params.update(extra)
    return run("corridor_assessment", params)


def test_straight_river_one_break_with_project(provider, tmp_path):
    axis, corridor, parcels = straight_world()
    # a project (Y&<1>) across the corridor: x 1500..1600, y -500..0 (half inside the corridor)
    project = shapely.box(1500, -500, 1600, 0)
    far_project = shapely.box(5000, 5000, 5100, 5100)
    corridors, axes, land = layers_for(
        [(corridor, "R1", "龙王河", "river")], [(axis, "R1", "龙王河", "river")], parcels
    )
    projects = memory_layer(
        "Polygon",
        {"XMBH": "string"},
        [(project, "Y&<1>"), (far_project, "Y2"), (shapely.box(1060, 100, 1070, 300), "Y3")],
    )
    before = [snapshot(layer) for layer in (corridors, axes, land, projects)]
    report = tmp_path / "corridors.html"
    result, context, feedback = assess(
        corridors, axes, land, PROJECTS=projects, PROJECT_ID_FIELD="XMBH", REPORT=str(report)
    )
    [(geom, row)] = features_of(result["OUTPUT"], context)
    # transects every 20 m: centres 10, 30, …, 1990 (100); in the block 1005..1085 the
    # centres 1010, 1030, 1050, 1070 -> 4 breaks transects, merged into one break 1000..1080
    assert row["n_transects"] == 100 and row["n_breaks"] == 1
    assert row["mean_eco_width_m"] == pytest.approx(96 * 400 / 100)  # 384 m
    assert row["min_eco_width_m"] == pytest.approx(0)
    assert row["continuity"] == pytest.approx(0.96)
    assert row["area_m2"] == pytest.approx(2000 * 400)
    assert row["built_m2"] == pytest.approx(80 * 400) and row["built_ratio"] == pytest.approx(0.04)
    assert row["eco_m2"] == pytest.approx(1920 * 400) and row["eco_ratio"] == pytest.approx(0.96)
    assert row["farm_m2"] == pytest.approx(0)
    # project_m2: union of the projects inside the corridor (shapely oracle)
    union = shapely.union_all([project, far_project, shapely.box(1060, 100, 1070, 300)])
    assert row["project_m2"] == pytest.approx(union.intersection(corridor).area)
    assert row["project_m2"] == pytest.approx(100 * 200 + 10 * 100)
    # two patches (1005 x 400 and 915 x 400): LPI = 402000 / 800000
    assert row["n_patches"] == 2 and row["largest_patch_ratio"] == pytest.approx(0.5025)
    # continuity 0.96 >= 0.95, eco 0.96 >= 0.5, built 0.04 <= 0.1 -> excellent (bundled table)
    assert (row["grade"], row["grade_zh"]) == ("excellent", "优")
    assert row["axis_source"] == "input"
    [(bgeom, brk)] = features_of(result["BREAKS"], context)
    assert (brk["start_m"], brk["end_m"], brk["length_m"]) == pytest.approx((1000, 1080, 80))
    assert brk["n_transects"] == 4 and brk["corridor"] == "龙王河"
    assert bgeom.area == pytest.approx(80 * 400)
    assert brk["built_m2"] == pytest.approx(75 * 400)  # block part within 1000..1080
    assert brk["built_dlbm"] == "0601" and brk["built_dlmc"] == "工业用地"
    assert brk["cause"] == "built"
    assert brk["projects"] == "Y3" and brk["n_projects"] == 1  # only Y3 touches 1000..1080
    transects = features_of(result["TRANSECTS"], context)
    assert len(transects) == 100 and sum(a["is_break"] for _, a in transects) == 4
    assert all(g.length == pytest.approx(400) for g, _ in transects)
    assert result["N_BREAKS"] == 1 and result["N_CORRIDORS"] == 1
    assert [snapshot(layer) for layer in (corridors, axes, land, projects)] == before
    html = report.read_text(encoding="utf-8")
    assert "<svg" in html and 'class="break-point"' in html and "data:image/png" in html
    assert "Y&amp;&lt;1&gt;" not in html or "Y&<1>" not in html  # names are escaped
    assert "Y&<1>" not in html


def test_bent_river_transects(provider):
    axis = shapely.LineString([(0, 0), (1000, 0), (1000, 800)])
    corridor = shapely.buffer(axis, 100, cap_style="flat")
    corridors, axes, land = layers_for(
        [(corridor, "R2", "青口河", "river")],
        [(axis, "R2", "青口河", "river")],
        [(shapely.box(-200, -200, 1200, 1000), "0301")],
    )
    result, context, _ = assess(corridors, axes, land, TRANSECT_SPACING=50)
    transects = features_of(result["TRANSECTS"], context)
    assert len(transects) == 36  # 1800 m / 50 m
    grown = corridor.buffer(1e-6)
    for geom, attrs in transects:
        [geom] = shapely.get_parts(geom)  # written as MultiLineString
        assert grown.contains(geom)
        s = attrs["distance_m"]
        (x0, y0), (x1, y1) = geom.coords[0], geom.coords[-1]
        direction = np.array([x1 - x0, y1 - y0]) / geom.length
        tangent = np.array([1.0, 0.0]) if s < 1000 else np.array([0.0, 1.0])
        if abs(s - 1000) > 5:
            assert abs(direction @ tangent) < 1e-6
        assert attrs["eco_width_m"] == pytest.approx(geom.length)  # all forest
    [(_, row)] = features_of(result["OUTPUT"], context)
    assert row["n_breaks"] == 0 and row["continuity"] == 1.0


def test_corridor_without_axis_derives_one(provider):
    axis, corridor, parcels = straight_world(length=4000, half=100)
    corridors, _, land = layers_for([(corridor, "R3", "灌河", "river")], None, parcels)
    result, context, feedback = assess(corridors, None, land)
    [(_, row)] = features_of(result["OUTPUT"], context)
    assert row["axis_source"] == "derived"
    assert any("no axis" in w for w in feedback.warnings)
    # the derived axis (longest path of the medial axis of a 4000 x 200 rectangle) is the
    # spine y=0 from x=100 to 3900 plus what is left of the two corner branches after trimming
    # radii < 50 m (half the spine's 100 m): 50*sqrt(2) = 70.7 m each at most ->
    # 3800 / 20 = 190 .. (3800 + 141.4) / 20 = 197.1 -> 190..198 transects, no break at the
    # ends (a transect there is >= 2 * 50 m long); the block makes exactly one break
    assert 190 <= row["n_transects"] <= 198 and row["n_breaks"] == 1
    [(_, brk)] = features_of(result["BREAKS"], context)
    assert abs(brk["length_m"] - 80) <= 20


def test_axes_matched_by_name_through_the_alias_table(provider, tmp_path):
    """An axis named 善后河 (an alias in resources/rules/corridor_aliases.csv) is the axis of
    the corridor 古泊善后河: the same transects as with the canonical name, no derived axis;
    with an alias table that lacks it, the axis is not found and one is derived."""
    axis, corridor, parcels = straight_world()
    results = {}
    for axis_name in ("古泊善后河", "善后河"):
        corridors, _, land = layers_for([(corridor, "R9", "古泊善后河", "river")], None, parcels)
        fields = {"name": "string"}  # no corridor_id: the axes are matched by name
        axes = memory_layer("LineString", fields, [(axis, axis_name)], name="axes")
        result, context, feedback = assess(corridors, axes, land)
        [(_, row)] = features_of(result["OUTPUT"], context)
        assert row["axis_source"] != "derived" and not any(
            "no axis" in w for w in feedback.warnings
        )
        results[axis_name] = row
    assert results["善后河"]["n_transects"] == results["古泊善后河"]["n_transects"] == 100
    assert results["善后河"]["n_breaks"] == results["古泊善后河"]["n_breaks"] == 1
    table = tmp_path / "aliases.csv"
    table.write_text("alias,canonical,basis\n古泊河,古泊善后河,test\n", encoding="utf-8")
    result, context, feedback = assess(corridors, axes, land, NAME_ALIASES=str(table))
    [(_, row)] = features_of(result["OUTPUT"], context)
    assert row["axis_source"] == "derived" and any("no axis" in w for w in feedback.warnings)
    # a corridor without a name is not given the axis of a blank-named line
    corridors, _, land = layers_for([(corridor, "R9", None, "river")], None, parcels)
    blank = memory_layer("LineString", {"name": "string"}, [(axis, " ")], name="axes")
    result, context, feedback = assess(corridors, blank, land)
    [(_, row)] = features_of(result["OUTPUT"], context)
    assert row["axis_source"] == "derived"


def test_overlapping_corridors_each_on_its_own(provider):
    a_axis = shapely.LineString([(0, 0), (2000, 0)])
    b_axis = shapely.LineString([(1000, -1000), (1000, 1000)])
    a = shapely.buffer(a_axis, 200, cap_style="flat")
    b = shapely.buffer(b_axis, 100, cap_style="flat")
    parcels = [
        (shapely.box(-100, -1100, 950, 1100), "0301"),
        (shapely.box(950, -1100, 1050, 1100), "0702"),  # village on the crossing
        (shapely.box(1050, -1100, 2100, 1100), "0103"),
    ]
    corridors, axes, land = layers_for(
        [(a, "RA", "A河", "river"), (b, "RB", "B河", "river")],
        [(a_axis, "RA", "A河", "river"), (b_axis, "RB", "B河", "river")],
        parcels,
    )
    result, context, _ = assess(corridors, axes, land)
    rows = {r["corridor_id"]: r for _, r in features_of(result["OUTPUT"], context)}
    for cid, poly in (("RA", a), ("RB", b)):
        built = shapely.box(950, -1100, 1050, 1100).intersection(poly).area
        eco = shapely.box(-100, -1100, 950, 1100).intersection(poly).area
        farm = shapely.box(1050, -1100, 2100, 1100).intersection(poly).area
        assert rows[cid]["area_m2"] == pytest.approx(poly.area)
        assert rows[cid]["built_m2"] == pytest.approx(built)
        assert rows[cid]["eco_m2"] == pytest.approx(eco)
        assert rows[cid]["farm_m2"] == pytest.approx(farm)
    # B runs along x 900..1100: its transects (y direction… x from 900 to 1100) cross
    # forest 50 m, village 100 m, farmland 50 m -> eco width 50, built share 0.5 -> all break
    assert rows["RB"]["mean_eco_width_m"] == pytest.approx(50)
    assert rows["RB"]["n_breaks"] == 1 and rows["RB"]["continuity"] == pytest.approx(0)
    # A: eco width 400 for x < 950, 0 over the village and the farmland -> centres < 950
    # are 10 … 930 (47 of 100) unbroken
    assert rows["RA"]["continuity"] == pytest.approx(0.47)
    assert rows["RA"]["n_breaks"] == 1


def test_invalid_geometry_mixed_crs_and_vein(provider):
    axis, corridor, parcels = straight_world()
    bowtie = shapely.Polygon([(-100, 500), (100, 700), (100, 500), (-100, 700), (-100, 500)])
    parcels = parcels + [(bowtie, "0301")]
    vein = shapely.box(0, 2000, 3000, 3000)
    vein_parcels = [
        (shapely.box(0, 2000, 1000, 3000), "0301"),
        (shapely.box(1000, 2000, 1200, 3000), "1003"),
        (shapely.box(1200, 2000, 3000, 3000), "0307"),
    ]
    corridors, axes, land = layers_for(
        [(corridor, "R1", "龙王河", "river"), (vein, "VEIN", "云台山系生态绿脉", "vein")],
        [(axis, "R1", "龙王河", "river")],
        parcels + vein_parcels,
        landuse_crs="EPSG:4326",
    )
    result, context, feedback = assess(corridors, axes, land)
    assert result["N_REPAIRED"] == 1
    assert any("repaired 1" in w for w in feedback.warnings)
    rows = {r["corridor_id"]: r for _, r in features_of(result["OUTPUT"], context)}
    # land use went through EPSG:4326: areas within a few cm² per metre of edge
    assert rows["R1"]["built_m2"] == pytest.approx(32_000, rel=1e-4)
    assert rows["R1"]["n_breaks"] == 1
    # the vein: no transects, graded on fragmentation: patches 1000 x 1000 and 1800 x 1000,
    # LPI = 1.8e6 / 3e6 = 0.6 -> good (>= 0.6)
    v = rows["VEIN"]
    assert v["n_transects"] == 0 and v["continuity"] is None and v["n_breaks"] == 0
    assert v["n_patches"] == 2
    assert v["largest_patch_ratio"] == pytest.approx(0.6, rel=1e-4)
    assert v["built_m2"] == pytest.approx(200_000, rel=1e-4)


def test_clear_errors(provider):
    from qgis.core import QgsProcessingException

    axis, corridor, parcels = straight_world()
    corridors, axes, _ = layers_for([(corridor, "R1", "x", "river")], None, parcels)
    land = memory_layer("Polygon", {"CODE": "string"}, [(shapely.box(0, 0, 1, 1), "0301")])
    with pytest.raises(QgsProcessingException, match="no field “DLBM”"):
        assess(corridors, None, land)  # the layer has no DLBM field
    land = memory_layer("Polygon", {"DLBM": "string"}, [(shapely.box(0, 0, 1, 1), "0301")])
    with pytest.raises(QgsProcessingException, match="bogus"):
        assess(corridors, None, land, ECO_CLASSES="forest,bogus")
    bad_axes = memory_layer(
        "LineString", {"other": "string"}, [(shapely.LineString([(0, 0), (1, 0)]), "a")]
    )
    with pytest.raises(QgsProcessingException, match="corridor_id or name"):
        assess(corridors, bad_axes, land)


def test_build_then_assess_chain(provider):
    rivers = memory_layer(
        "LineString",
        {"HLMC": "string"},
        [
            (shapely.LineString([(0, 0), (1000, 0)]), "龙王河"),
            (shapely.LineString([(1000, 0), (2000, 0)]), "龙王河"),
        ],
    )
    built, context, _ = run(
        "build_corridors",
        {
            "RIVERS": rivers,
            "NAME_FIELD": "HLMC",
            "CORRIDOR_NAMES": "龙王河",
            "HALF_WIDTH": 200,
            "OUTPUT": "memory:",
            "AXES": "memory:",
        },
    )
    # processing.run hands back the output layers: feed them straight into the assessment
    corridors, axes = built["OUTPUT"], built["AXES"]
    _, _, parcels = straight_world(block=(1012, 1092))
    land = memory_layer("Polygon", {"DLBM": "string"}, parcels)
    result, context2, _ = run(
        "corridor_assessment",
        {
            "CORRIDORS": corridors,
            "AXES": axes,
            "LANDUSE": land,
            "TRANSECT_SPACING": 20,
            "OUTPUT": "memory:",
            "BREAKS": "memory:",
        },
    )
    [(_, row)] = features_of(result["OUTPUT"], context2)
    assert row["corridor_id"] == "R1" and row["axis_source"] == "input"
    [(_, brk)] = features_of(result["BREAKS"], context2)
    # block 1012..1092: centres 1030, 1050, 1070, 1090 -> cells 1020..1100
    assert (brk["start_m"], brk["end_m"]) == pytest.approx((1020, 1100))


@pytest.mark.slow
def test_qgis_process_json(qgis_process, tmp_path):
    gpd = pytest.importorskip("geopandas")
    axis, corridor, parcels = straight_world()
    path = tmp_path / "in.gpkg"
    gpd.GeoDataFrame(
        {"corridor_id": ["R1"], "name": ["龙王河"], "kind": ["river"]},
        geometry=[shifted(corridor)],
        crs=CRS,
    ).to_file(path, layer="corridors")
    gpd.GeoDataFrame(
        {"corridor_id": ["R1"], "name": ["龙王河"]}, geometry=[shifted(axis)], crs=CRS
    ).to_file(path, layer="axes")
    gpd.GeoDataFrame(
        {"DLBM": [c for _, c in parcels]}, geometry=[shifted(g) for g, _ in parcels], crs=CRS
    ).to_file(path, layer="DLTB")
    out, breaks = tmp_path / "out.gpkg", tmp_path / "breaks.gpkg"
    report = tmp_path / "report.html"
    proc = qgis_process(
        "run",
        "lyg_nrp:corridor_assessment",
        "--json",
        "--",
        f"CORRIDORS={path}|layername=corridors",
        f"AXES={path}|layername=axes",
        f"LANDUSE={path}|layername=DLTB",
        "TRANSECT_SPACING=20",
        f"OUTPUT={out}",
        f"BREAKS={breaks}",
        f"REPORT={report}",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = json.loads(proc.stdout[proc.stdout.index("{") :])["results"]
    assert results["N_BREAKS"] == 1 and results["N_CORRIDORS"] == 1
    row = gpd.read_file(out).iloc[0]
    assert row["mean_eco_width_m"] == pytest.approx(384.0)
    assert gpd.read_file(breaks).iloc[0]["length_m"] == pytest.approx(80.0)
    assert "data:image/png" in report.read_text(encoding="utf-8")  # the map was drawn


def sample_build_and_assess():
    """Build the nine corridors of the sample and assess them (used by the slow tests)."""
    path = str(SAMPLE_GPKG)
    built, context, feedback = run(
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
    assert built["N_MISSING"] == 0, built["MISSING"]
    assert built["N_CORRIDORS"] == 9
    corridors, axes = built["OUTPUT"], built["AXES"]
    result, context2, _ = run(
        "corridor_assessment",
        {
            "CORRIDORS": corridors,
            "AXES": axes,
            "LANDUSE": f"{path}|layername=DLTB",
            "PROJECTS": f"{path}|layername=JSXM",
            "PROJECT_ID_FIELD": "XMBH",
            "OUTPUT": "memory:",
            "BREAKS": "memory:",
            "TRANSECTS": "memory:",
        },
    )
    # the attributes and, under "geometry", the polygon in the sample's own coordinates
    rows = {
        r["corridor_id"]: {**r, "geometry": shifted(g)}
        for g, r in features_of(result["OUTPUT"], context2)
    }
    assert len(rows) == 9
    assert {r["kind"] for r in rows.values()} == {"river", "belt", "vein"}
    for cid, r in rows.items():
        land_m2 = r["area_m2"] - r["water_m2"]
        if land_m2 < 0.01 * r["area_m2"]:  # (almost) all water: not graded, with a reason
            assert r["grade"] is None and r["grade_note"], cid
        else:
            assert r["grade"] in {"excellent", "good", "fair", "poor"}, cid
            assert 0 <= r["eco_ratio"] <= 1 + 1e-6  # float noise of overlay
            assert r["eco_ratio"] == pytest.approx(r["eco_m2"] / land_m2)
        assert r["area_m2"] > 0
        assert r["eco_m2"] + r["built_m2"] + r["farm_m2"] + r["water_m2"] <= r["area_m2"] * (
            1 + 1e-6
        )
        if r["kind"] != "vein":
            assert r["n_transects"] > 0
    return rows


@pytest.mark.slow
def test_sample_nine_corridors(provider):
    if not SAMPLE_GPKG.is_file():
        pytest.skip("sample GeoPackage not generated yet")
    rows = sample_build_and_assess()
    # no corridor graded 优 for its water alone: 新沂河 is 100 % 1101 in the sample
    assert rows["R6"]["name"] == "新沂河" and rows["R6"]["grade"] is None
    assert rows["R6"]["water_m2"] > 0.99 * rows["R6"]["area_m2"]
    for cid, r in rows.items():
        if r["grade"] == "excellent":
            assert r["eco_m2"] >= 0.5 * (r["area_m2"] - r["water_m2"]), cid
    # water_m2 against a geopandas oracle: the 1101-1103 parcels intersected with the corridor
    gpd = pytest.importorskip("geopandas")
    land = gpd.read_file(str(SAMPLE_GPKG), layer="DLTB", columns=["DLBM"])
    water = land[land["DLBM"].astype(str).str[:4].isin(["1101", "1102", "1103"])]
    for cid in ("R6", "R1"):
        corridor = rows[cid]["geometry"]
        near = water[water.intersects(corridor)]
        oracle = float(near.geometry.intersection(corridor).area.sum())
        assert rows[cid]["water_m2"] == pytest.approx(oracle, rel=1e-6), cid


def test_desktop_styles_applied_by_post_processor(provider, tmp_path):
    """Outputs loaded on completion (as the Desktop dialog does) get the plugin's QML styles."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
        QgsVectorLayer,
    )

    axis, corridor, parcels = straight_world()
    corridors, axes, land = layers_for(
        [(corridor, "R1", "龙王河", "river")], [(axis, "R1", "龙王河", "river")], parcels
    )
    project = QgsProject()
    context = QgsProcessingContext()
    context.setProject(project)
    out = QgsProcessingOutputLayerDefinition(str(tmp_path / "out.gpkg"), project)
    brk = QgsProcessingOutputLayerDefinition(str(tmp_path / "breaks.gpkg"), project)
    # as in Desktop (QgsProcessingAlgRunnerTask): one algorithm instance runs and stays alive
    # until the outputs are loaded, so it keeps its post-processors alive
    alg = provider.algorithm("corridor_assessment").create()
    params = {
        "CORRIDORS": corridors,
        "AXES": axes,
        "LANDUSE": land,
        "TRANSECT_SPACING": 20,
        "OUTPUT": out,
        "BREAKS": brk,
    }
    feedback = QgsProcessingFeedback()
    assert alg.prepare(params, context, feedback)
    result = alg.runPrepared(params, context, feedback)
    styled = {}
    for key, field in (("OUTPUT", "grade"), ("BREAKS", None)):
        dest = result[key]
        assert context.willLoadLayerOnCompletion(dest)
        details = context.layerToLoadOnCompletionDetails(dest)
        post = details.postProcessor()
        assert post is not None
        layer = QgsVectorLayer(dest, key, "ogr")
        post.postProcessLayer(layer, context, None)
        styled[key] = layer.renderer()
        if field:
            assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
            assert layer.renderer().classAttribute() == field
            assert {c.value() for c in layer.renderer().categories()} == {
                "excellent",
                "good",
                "fair",
                "poor",
                "",  # NULL: not graded (all water), hatched grey
            }
    # breaks: one red fill
    color = styled["BREAKS"].symbol().color()
    assert (color.red(), color.green(), color.blue()) == (215, 25, 28)


def test_model_build_then_assess(provider):
    """A Processing model: build_corridors → corridor_assessment (as in the modeler)."""
    import processing
    from qgis.core import (
        QgsProcessing,
        QgsProcessingContext,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
    )

    source = QgsProcessingModelChildParameterSource
    model = QgsProcessingModelAlgorithm("corridors", "test")
    for name, kind in (
        ("rivers", QgsProcessing.TypeVectorLine),
        ("dltb", QgsProcessing.TypeVectorPolygon),
    ):
        model.addModelParameter(
            QgsProcessingParameterFeatureSource(name, name, [kind]),
            QgsProcessingModelParameter(name),
        )
    build = QgsProcessingModelChildAlgorithm("lyg_nrp:build_corridors")
    build.setChildId("build")
    build.addParameterSources("RIVERS", [source.fromModelParameter("rivers")])
    for key, value in (
        ("NAME_FIELD", "HLMC"),
        ("CORRIDOR_NAMES", "龙王河"),
        ("HALF_WIDTH", 200.0),
        ("COAST_WIDTH", 1000.0),
        ("SEA_WIDTH", 0.0),
    ):
        build.addParameterSources(key, [source.fromStaticValue(value)])
    model.addChildAlgorithm(build)
    assess_child = QgsProcessingModelChildAlgorithm("lyg_nrp:corridor_assessment")
    assess_child.setChildId("assess")
    assess_child.addParameterSources("CORRIDORS", [source.fromChildOutput("build", "OUTPUT")])
    assess_child.addParameterSources("AXES", [source.fromChildOutput("build", "AXES")])
    assess_child.addParameterSources("LANDUSE", [source.fromModelParameter("dltb")])
    for key, value in (
        ("DLBM_FIELD", "DLBM"),
        ("TRANSECT_SPACING", 20.0),
        ("MIN_ECO_WIDTH", 30.0),
        ("BREAK_BUILT_SHARE", 0.5),
        ("ECO_CLASSES", "forest,grass,wetland,water,-1109,-1107"),
    ):
        assess_child.addParameterSources(key, [source.fromStaticValue(value)])
    outputs = {}
    for name, child_output in (("assessment", "OUTPUT"), ("breaks", "BREAKS")):
        output = QgsProcessingModelOutput(name)
        output.setChildId("assess")
        output.setChildOutputName(child_output)
        outputs[name] = output
    assess_child.setModelOutputs(outputs)
    model.addChildAlgorithm(assess_child)

    rivers = memory_layer(
        "LineString", {"HLMC": "string"}, [(shapely.LineString([(0, 0), (2000, 0)]), "龙王河")]
    )
    _, _, parcels = straight_world()
    land = memory_layer("Polygon", {"DLBM": "string"}, parcels)
    context = QgsProcessingContext()
    result = processing.run(
        model,
        {
            "rivers": rivers,
            "dltb": land,
            "assess:assessment": "memory:",
            "assess:breaks": "memory:",
        },
        context=context,
    )
    [(_, row)] = features_of(result["assess:assessment"], context)
    assert row["corridor_id"] == "R1" and row["n_breaks"] == 1
    assert row["mean_eco_width_m"] == pytest.approx(384.0)  # as in the straight-river case
    [(_, brk)] = features_of(result["assess:breaks"], context)
    assert brk["length_m"] == pytest.approx(80.0)


def water_band_world():
    """R1: a 1000 m river corridor y -200..200 along y = 0: water (1101) y -50..50, forest
    (0301) on the north bank y 50..200, on the south bank built land (0601) x 0..200 and forest
    x 200..1000. R6: a corridor that is all water (新沂河 in the sample: 100 % 1101).
    DLBM is an integer field (301, 601, 1101) as some offices store it."""
    corridors = [
        (shapely.box(0, -200, 1000, 200), "R1", "龙王河", "river"),
        (shapely.box(0, 1000, 1000, 1100), "R6", "新沂河", "river"),
    ]
    axes = [
        (shapely.LineString([(0, 0), (1000, 0)]), "R1", "龙王河", "river"),
        (shapely.LineString([(0, 1050), (1000, 1050)]), "R6", "新沂河", "river"),
    ]
    parcels = [
        (shapely.box(-10, -50, 1010, 50), 1101),
        (shapely.box(-10, 50, 1010, 210), 301),
        (shapely.box(-10, -210, 200, -50), 601),
        (shapely.box(200, -210, 1010, -50), 301),
        (shapely.box(-10, 990, 1010, 1110), 1101),
    ]
    return corridors, axes, parcels


@pytest.mark.slow
def test_water_forest_built_band_via_qgis_process_output_only(qgis_process, tmp_path):
    """Hand-worked: water 1000 x 100 = 100 000 m2; eco = 1000 x 150 + 800 x 150 = 270 000 m2;
    built 200 x 150 = 30 000 m2; land beside the water 400 000 - 100 000 = 300 000 m2, so
    eco_ratio 0.9 (the old reading with the water counted: 370 000 / 400 000 = 0.925) and
    built_ratio 0.1. Transects every 100 m: x 50 and 150 cross the built bank (built share
    150 / 300 = 0.5: breaks), continuity 8 / 10 = 0.8 -> 中 (fair: 0.70 <= 0.8 < 0.85); mean
    eco width (2 x 150 + 8 x 300) / 10 = 270 m, the 100 m of water never counted. Only OUTPUT
    is given (no BREAKS, no TRANSECTS: issue 12, headless)."""
    gpd = pytest.importorskip("geopandas")
    corridors, axes, parcels = water_band_world()
    path = tmp_path / "in.gpkg"
    for layer, rows in (("corridors", corridors), ("axes", axes)):
        gpd.GeoDataFrame(
            {
                "corridor_id": [r[1] for r in rows],
                "name": [r[2] for r in rows],
                "kind": [r[3] for r in rows],
            },
            geometry=[shifted(r[0]) for r in rows],
            crs=CRS,
        ).to_file(path, layer=layer)
    gpd.GeoDataFrame(
        {"DLBM": np.array([c for _, c in parcels], dtype="int32")},
        geometry=[shifted(g) for g, _ in parcels],
        crs=CRS,
    ).to_file(path, layer="DLTB")
    out = tmp_path / "out.gpkg"
    proc = qgis_process(
        "run",
        "lyg_nrp:corridor_assessment",
        "--json",
        "--",
        f"CORRIDORS={path}|layername=corridors",
        f"AXES={path}|layername=axes",
        f"LANDUSE={path}|layername=DLTB",
        "TRANSECT_SPACING=100",
        f"OUTPUT={out}",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = json.loads(proc.stdout[proc.stdout.index("{") :])["results"]
    assert results["N_CORRIDORS"] == 2 and results["N_BREAKS"] == 1
    rows = {r["corridor_id"]: r for _, r in gpd.read_file(out).iterrows()}
    r1 = rows["R1"]
    assert r1["area_m2"] == pytest.approx(400_000) and r1["water_m2"] == pytest.approx(100_000)
    assert r1["eco_m2"] == pytest.approx(270_000) and r1["eco_ratio"] == pytest.approx(0.9)
    assert r1["built_m2"] == pytest.approx(30_000) and r1["built_ratio"] == pytest.approx(0.1)
    assert r1["n_transects"] == 10 and r1["continuity"] == pytest.approx(0.8)
    assert r1["mean_eco_width_m"] == pytest.approx(270)
    assert (r1["grade"], r1["grade_zh"]) == ("fair", "中")
    # all water: no ratio that means anything, no grade, and the reason
    r6 = rows["R6"]
    assert r6["water_m2"] == pytest.approx(100_000) and r6["eco_m2"] == 0
    assert r6["eco_ratio"] is None or np.isnan(r6["eco_ratio"])
    assert r6["grade"] is None and "water" in r6["grade_note"]
    assert r6["n_breaks"] == 0  # water is no break


def test_fish_ponds_not_ecological_unless_asked(provider):
    corridor = shapely.box(0, -100, 1000, 100)
    axis = shapely.LineString([(0, 0), (1000, 0)])
    parcels = [
        (shapely.box(-10, -110, 1010, 0), "1104A"),  # 养殖坑塘 on the south half
        (shapely.box(-10, 0, 1010, 110), "0301"),
    ]
    layers = layers_for(
        [(corridor, "R1", "灌河", "river")], [(axis, "R1", "灌河", "river")], parcels
    )
    result, context, _ = assess(*layers, TRANSECT_SPACING=100)
    (row,) = [a for _, a in features_of(result["OUTPUT"], context)]
    assert row["water_m2"] == 0 and row["eco_m2"] == pytest.approx(100_000)
    assert row["eco_ratio"] == pytest.approx(0.5)
    result, context, _ = assess(*layers, TRANSECT_SPACING=100, ECO_CLASSES="forest,1104A")
    (row,) = [a for _, a in features_of(result["OUTPUT"], context)]
    assert row["eco_m2"] == pytest.approx(200_000)  # ECO_CLASSES still overrides


def test_bounds_of_spacing_and_width(provider):
    from qgis.core import QgsProcessingException

    axis, corridor, parcels = straight_world()
    layers = layers_for(
        [(corridor, "R1", "龙王河", "river")], [(axis, "R1", "龙王河", "river")], parcels
    )
    for name, value in (
        ("TRANSECT_SPACING", 0.5),
        ("TRANSECT_SPACING", 20_000),
        ("MIN_ECO_WIDTH", -1),
    ):
        with pytest.raises(QgsProcessingException):
            assess(*layers, **{name: value})


def test_report_and_dock_with_a_corridor_not_graded(provider, tmp_path):
    from lyg_nrp_plugin import results_bus

    corridors, axes, parcels = water_band_world()
    layers = layers_for(corridors, axes, [(g, str(c)) for g, c in parcels])
    report = tmp_path / "report.html"
    result, context, _ = assess(*layers, TRANSECT_SPACING=100, REPORT=str(report))
    rows = {a["corridor_id"]: a for _, a in features_of(result["OUTPUT"], context)}
    assert rows["R1"]["eco_ratio"] == pytest.approx(0.9) and rows["R6"]["grade"] is None
    text = report.read_text(encoding="utf-8")
    assert "Water surface" in text and "not graded" in text and "100.0 % water" in text
    published = results_bus.latest()["corridor_assessment"]
    assert published.counts == {"fair": 1, "NOT_GRADED": 1}
