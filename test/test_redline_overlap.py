"""lyg_nrp:redline_overlap — every number against an independent shapely/QGIS computation."""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely
from shapely import wkt as shapely_wkt

from .helpers.layers import features_by_id, is_null, output_layer, write_gpkg
from .helpers.redline_case import (
    COAST,
    ECO,
    FARM,
    MARINE,
    PA,
    PROJECTS,
    SCRIPT_NAME,
    UDB,
    control_layers,
    poly,
    project_layer,
)
from .helpers.runner import Recorder, run_algorithm


def oracle():
    """Expected amounts per project with plain shapely: project ∩ union(control)."""
    eco, farm, udb = shapely.union_all(ECO), shapely.union_all(FARM), shapely.union_all(UDB)
    pa_all = shapely.union_all([g for _, g in PA])
    pa_core = shapely.union_all([g for z, g in PA if "核心" in z])
    marine = shapely.union_all(MARINE)
    natural = shapely.union_all([g for t, g in COAST if t == "自然岸线"])
    out = {}
    for name, raw in PROJECTS:
        p = shapely.make_valid(raw)
        out[name] = {
            "geom": p,
            "proj_m2": p.area,
            "eco_m2": p.intersection(eco).area,
            "farm_m2": p.intersection(farm).area,
            "udb_out_m2": p.difference(udb).area,
            "pa_m2": p.intersection(pa_all).area,
            "pa_core_m2": p.intersection(pa_core).area,
            "marine_m2": p.intersection(marine).area,
            "coast_m": p.intersection(natural).length,
        }
    return out


def run_alg(params, feedback=None):
    return run_algorithm("lyg_nrp:redline_overlap", params, feedback)


def all_params(**extra):
    params = {
        "INPUT": project_layer(),
        "ID_FIELD": "XMMC",
        **control_layers(),
        "PA_ZONE_FIELD": "GNFQ",
        "COAST_TYPE_FIELD": "AXLX",
        "OUTPUT": "memory:",
        "CONFLICTS": "memory:",
    }
    params.update(extra)
    return params


FIELDS = (
    "proj_m2",
    "eco_m2",
    "farm_m2",
    "udb_out_m2",
    "pa_m2",
    "pa_core_m2",
    "marine_m2",
    "coast_m",
)


def test_planar_areas_match_shapely_oracle(provider):
    result, context = run_alg(all_params())
    layer = output_layer(result, context)
    expected = oracle()
    rows = features_by_id(layer)
    assert set(rows) == set(expected)
    for name, values in expected.items():
        for field in FIELDS:
            assert rows[name][field] == pytest.approx(values[field], rel=1e-6, abs=1e-6), (
                name,
                field,
            )
    # hand-worked: A-001 ∩ (eco1 ∪ eco2) = 50·100 + 100·100 − 50·50 = 12 500 m² = 1.25 ha
    assert rows["A-001"]["eco_m2"] == pytest.approx(12_500.0, rel=1e-9)
    assert rows["A-001"]["verdict"] == "FAIL" and rows["A-001"]["verdict_zh"] == "不合规"
    assert "占用生态保护红线 1.25 公顷（18.75 亩）" in rows["A-001"]["reasons"]
    # touching a red line is no overlap
    assert rows["E-touch"]["eco_m2"] == 0.0
    assert rows["E-touch"]["verdict"] == "PASS" and rows["E-touch"]["verdict_zh"] == "合规"
    # B-002: the hole is not counted; farmland 0.75 + 0.1 … hand check of the hole
    assert rows["B-002"]["proj_m2"] == pytest.approx(300 * 300 - 200 * 200 + 100 * 100)
    # farmland + PA general zone only: a general project (no class field) may occupy neither
    assert rows["B-002"]["verdict"] == "FAIL"
    assert (
        rows["B-002"]["project_class"] == "general" and rows["B-002"]["class_zh"] == "一般建设项目"
    )
    assert "未指定项目类别字段，按一般建设项目审查" in rows["B-002"]["reasons"]
    # the escaped name: outside the boundary 200×300 = 6 ha; marine 100×100; coast 300 m
    script = rows[SCRIPT_NAME]
    assert script["udb_out_m2"] == pytest.approx(200 * 300)
    assert script["marine_m2"] == pytest.approx(100 * 100)
    assert script["coast_m"] == pytest.approx(300.0)
    assert script["verdict"] == "FAIL"
    assert "位于城镇开发边界外 6.00 公顷（90.00 亩）" in script["reasons"]
    assert result["N_PROJECTS"] == 6
    verdicts = [r["verdict"] for r in rows.values()]
    assert (result["N_FAIL"], result["N_REVIEW"], result["N_PASS"]) == (
        verdicts.count("FAIL"),
        verdicts.count("REVIEW"),
        verdicts.count("PASS"),
    )
    # the original project fields are kept
    assert rows["D-dup"]["SEQ"] == 3


def test_conflicts_dissolved_per_project_and_control(provider):
    result, context = run_alg(all_params())
    conflicts = output_layer(result, context, "CONFLICTS")
    expected = oracle()
    got = {(f["project_id"], f["control"]): f for f in conflicts.getFeatures()}
    controls = {
        "eco": "eco_m2",
        "farm": "farm_m2",
        "udb_out": "udb_out_m2",
        "pa_core": "pa_core_m2",
        "marine": "marine_m2",
    }
    for values in expected.values():  # the general zone piece: what the core zone leaves
        values["pa_general_m2"] = values["pa_m2"] - values["pa_core_m2"]
    controls["pa"] = "pa_general_m2"
    want = {(n, c) for n, v in expected.items() for c, f in controls.items() if v[f] >= 1.0}
    want |= {(n, "coast") for n, v in expected.items() if v["coast_m"] > 0}
    assert set(got) == want
    for (name, control), feature in got.items():
        if control == "coast":
            assert feature["length_m"] == pytest.approx(expected[name]["coast_m"], rel=1e-6)
            continue
        area = expected[name][controls[control]]
        assert feature["area_m2"] == pytest.approx(area, rel=1e-6)
        assert feature["area_ha"] == pytest.approx(area / 10_000, rel=1e-6)
        assert feature["area_mu"] == pytest.approx(area / 10_000 * 15, rel=1e-6)
        piece = shapely.from_wkb(bytes(feature.geometry().asWkb()))
        assert piece.area == pytest.approx(area, rel=1e-6)  # geometry = the dissolved overlap
    assert got[("A-001", "eco")]["control_zh"] == "生态保护红线"


def test_ellipsoidal_matches_qgsdistancearea(provider):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsDistanceArea,
        QgsGeometry,
    )

    result, context = run_alg(all_params(AREA_METHOD=1))
    rows = features_by_id(output_layer(result, context))
    calculator = QgsDistanceArea()
    calculator.setSourceCrs(
        QgsCoordinateReferenceSystem("EPSG:4549"), QgsCoordinateTransformContext()
    )
    calculator.setEllipsoid("EPSG:1024")
    eco = shapely.union_all(ECO)
    for name, raw in PROJECTS:
        p = shapely.make_valid(raw)
        for field, geom in (("proj_m2", p), ("eco_m2", p.intersection(eco))):
            want = (
                calculator.measureArea(QgsGeometry.fromWkt(geom.wkt)) if not geom.is_empty else 0.0
            )
            assert rows[name][field] == pytest.approx(want, rel=1e-6, abs=1e-6), (name, field)
        # ellipsoidal differs from planar here (scale factor ~1.0003 at 73 km from CM)
    assert rows["A-001"]["proj_m2"] != pytest.approx(40_000.0, rel=1e-5)


def test_projects_in_wgs84_against_cgcs2000_controls(provider):
    from pyproj import Transformer

    to_geo = Transformer.from_crs("EPSG:4549", "EPSG:4326", always_xy=True)
    to_proj = Transformer.from_crs("EPSG:4326", "EPSG:4549", always_xy=True)

    def reproject(transformer, g):
        return shapely.transform(
            g, lambda c: np.column_stack(transformer.transform(c[:, 0], c[:, 1]))
        )

    geographic = [(n, reproject(to_geo, g)) for n, g in PROJECTS]
    layer = project_layer("EPSG:4326", geographic)
    result, context = run_alg(all_params(INPUT=layer))
    output = output_layer(result, context)
    assert output.crs().authid() == "EPSG:4326"  # project geometry kept as given
    rows = features_by_id(output)
    eco, udb = shapely.union_all(ECO), shapely.union_all(UDB)
    for name, g in geographic:
        p = shapely.make_valid(reproject(to_proj, g))
        assert rows[name]["proj_m2"] == pytest.approx(p.area, rel=1e-6)
        assert rows[name]["eco_m2"] == pytest.approx(p.intersection(eco).area, rel=1e-6, abs=1e-3)
        assert rows[name]["udb_out_m2"] == pytest.approx(p.difference(udb).area, rel=1e-6, abs=1e-3)


def test_unchecked_controls_are_null_not_zero(provider):
    result, context = run_alg(
        {
            "INPUT": project_layer(),
            "ID_FIELD": "XMMC",
            "ECO_REDLINE": control_layers()["ECO_REDLINE"],
            "OUTPUT": "memory:",
        }
    )
    rows = features_by_id(output_layer(result, context))
    for row in rows.values():
        for field in (
            "farm_m2",
            "udb_out_m2",
            "pa_m2",
            "pa_core_m2",
            "marine_m2",
            "marine_ban_m2",
            "coast_m",
            "coast_strict_m",
            "eco_space_m2",
            "mineral_m2",
            "geohazard_m2",
            "heritage_m2",
            "forest_m2",
        ):
            assert is_null(row[field]), field
    assert rows["E-touch"]["eco_m2"] == 0.0  # checked, no overlap
    assert rows[SCRIPT_NAME]["verdict"] == "PASS"  # only the eco red line was checked


def test_without_zone_field_protected_areas_count_as_core(provider):
    """Fail closed: a protected-area layer without a zone field is all core zone."""
    from qgis.PyQt.QtCore import QVariant

    from .helpers.layers import make_layer

    unzoned = make_layer(
        "Polygon", "EPSG:4549", [("MC", QVariant.String)], [(("pa",), g) for _, g in PA], "ZRBHD"
    )
    feedback = Recorder()
    result, context = run_alg(all_params(PROTECTED_AREAS=unzoned), feedback)
    rows = features_by_id(output_layer(result, context))
    row = rows["C-bowtie"]
    assert row["pa_core_m2"] == pytest.approx(oracle()["C-bowtie"]["pa_m2"], rel=1e-6)
    assert row["pa_core_m2"] == pytest.approx(row["pa_m2"])
    assert row["verdict"] == "FAIL"
    assert "未提供自然保护地功能分区字段，占用部分按核心保护区审查" in row["reasons"]
    assert any("GNFQ" in m and "ZRBHD" in m for m in feedback.infos)  # the default is not used
    # a project that does not touch the protected areas gets no such note
    assert "功能分区" not in rows["A-001"]["reasons"]


def test_custom_rule_file_changes_verdict(provider, tmp_path):
    from qgis.core import QgsProcessingException

    # D-dup occupies 60 × 20 = 1 200 m² of farmland and nothing else: FAIL for a general project
    result, context = run_alg(all_params())
    rows = features_by_id(output_layer(result, context))
    assert rows["D-dup"]["farm_m2"] == pytest.approx(1_200.0)
    assert rows["D-dup"]["verdict"] == "FAIL"
    # an office's file (GBK, the old layout without a class column) makes farmland REVIEW
    office = "control,level,name_zh,name_en,rule_zh,rule_en,reason_zh,reason_en\n"
    office += "farm,REVIEW,永久基本农田,farmland,须论证,review,{class}占用永久基本农田 {amount},x\n"
    rules = tmp_path / "rules.csv"
    rules.write_bytes(office.encode("gbk"))
    result, context = run_alg(all_params(RULES_FILE=str(rules)))
    rows = features_by_id(output_layer(result, context))
    assert rows["D-dup"]["verdict"] == "REVIEW"
    assert rows["D-dup"]["reasons"].startswith("一般建设项目占用永久基本农田 0.12 公顷（1.80 亩）")
    assert rows["A-001"]["verdict"] == "FAIL"  # the red line keeps the plugin's rows
    bad = tmp_path / "bad.csv"
    bad.write_text(office.replace("farm,REVIEW,", "farm,MAYBE,"), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="MAYBE"):
        run_alg(all_params(RULES_FILE=str(bad)))
    unknown = tmp_path / "unknown.csv"
    unknown.write_text(office.replace("farm,REVIEW,", "farmland,REVIEW,"), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="unknown control 'farmland'"):
        run_alg(all_params(RULES_FILE=str(unknown)))


def test_report_escapes_names_and_has_map(provider, tmp_path):
    report = tmp_path / "report.html"
    result, _ = run_alg(all_params(REPORT=str(report)))
    text = report.read_text(encoding="utf-8")
    assert result["REPORT"] == str(report)
    assert "<script>alert(1)" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in text
    assert "data:image/png;base64," in text
    assert "STBHHX" in text and "JSXM" in text  # inputs listed
    assert "1.2500 / 18.75" in text  # A-001 eco in ha / mu
    # the PNG is a real rendered map (not blank): decode and look for red pixels
    import base64

    from qgis.PyQt.QtGui import QColor, QImage

    data = text.split("data:image/png;base64,")[1].split('"')[0]
    image = QImage.fromData(base64.b64decode(data), "PNG")
    assert image.width() == 1000
    reds = sum(
        1
        for x in range(0, image.width(), 5)
        for y in range(0, image.height(), 5)
        if QColor(image.pixel(x, y)).red() > 200 and QColor(image.pixel(x, y)).green() < 120
    )
    assert reds > 10


def test_invalid_geometry_repaired_and_counted(provider):
    feedback = Recorder()
    projects = [*PROJECTS, ("F-null", None)]
    result, context = run_alg(all_params(INPUT=project_layer(projects=projects)), feedback)
    assert result["N_PROJECTS"] == 6  # the null geometry is skipped
    joined = "\n".join(feedback.warnings)
    assert "repaired 1 invalid" in joined  # the bow-tie
    assert "skipped 1 features" in joined
    rows = features_by_id(output_layer(result, context))
    # bow-tie made valid: two triangles of 300·150/2 each
    assert rows["C-bowtie"]["proj_m2"] == pytest.approx(2 * 300 * 150 / 2)


def test_errors_name_layer_and_field(provider):
    from qgis.core import QgsProcessingException

    layers = control_layers()
    with pytest.raises(QgsProcessingException, match=r"ZRBHD.*NOPE|NOPE.*ZRBHD"):
        run_alg(all_params(PA_ZONE_FIELD="NOPE"))
    with pytest.raises(QgsProcessingException, match="HAX"):
        run_alg({"INPUT": project_layer(), "ECO_REDLINE": layers["COASTLINE"], "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="control layer"):
        run_alg({"INPUT": project_layer(), "OUTPUT": "memory:"})


def test_empty_input_gives_valid_empty_outputs(provider, tmp_path):
    result, context = run_alg(
        all_params(
            INPUT=project_layer(projects=[]),
            OUTPUT=str(tmp_path / "out.gpkg"),
            REPORT=str(tmp_path / "r.html"),
        )
    )
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(result["OUTPUT"], "o", "ogr")
    assert layer.isValid() and layer.featureCount() == 0
    assert "verdict" in layer.fields().names()
    assert (result["N_PROJECTS"], result["N_FAIL"], result["N_PASS"]) == (0, 0, 0)
    assert (tmp_path / "r.html").is_file()


def test_cancel_stops_promptly(provider):
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    result, _ = run_alg(all_params(), feedback)
    assert "N_PROJECTS" not in result


def test_inputs_unmodified(provider):
    params = all_params()
    before = {
        k: [(f.geometry().asWkt(), f.attributes()) for f in v.getFeatures()]
        for k, v in params.items()
        if hasattr(v, "getFeatures")
    }
    run_alg(params)
    after = {
        k: [(f.geometry().asWkt(), f.attributes()) for f in v.getFeatures()]
        for k, v in params.items()
        if hasattr(v, "getFeatures")
    }
    assert before == after


def test_runs_inside_a_model(provider):
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
    )

    model = QgsProcessingModelAlgorithm("redline model", "test")
    model.addModelParameter(
        QgsProcessingParameterFeatureSource("projects", "projects"),
        QgsProcessingModelParameter("projects"),
    )
    model.addModelParameter(
        QgsProcessingParameterFeatureSource("eco", "eco"), QgsProcessingModelParameter("eco")
    )
    child = QgsProcessingModelChildAlgorithm("lyg_nrp:redline_overlap")
    child.setChildId("check")
    child.addParameterSources(
        "INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("projects")]
    )
    child.addParameterSources(
        "ECO_REDLINE", [QgsProcessingModelChildParameterSource.fromModelParameter("eco")]
    )
    child.addParameterSources(
        "ID_FIELD", [QgsProcessingModelChildParameterSource.fromStaticValue("XMMC")]
    )
    output = QgsProcessingModelOutput("checked")
    output.setChildOutputName("OUTPUT")
    n_fail = QgsProcessingModelOutput("n_fail")
    n_fail.setChildOutputName("N_FAIL")
    child.setModelOutputs({"checked": output, "n_fail": n_fail})
    model.addChildAlgorithm(child)
    context = QgsProcessingContext()
    layers = control_layers()
    results, ok = model.run(
        {"projects": project_layer(), "eco": layers["ECO_REDLINE"], "check:checked": "memory:"},
        context,
        QgsProcessingFeedback(),
    )
    assert ok
    assert results["check:n_fail"] == 2  # A-001 and C-bowtie overlap the eco red line
    layer = output_layer({"o": results["check:checked"]}, context, "o")
    rows = features_by_id(layer)
    assert rows["A-001"]["eco_m2"] == pytest.approx(12_500.0)


@pytest.mark.slow
def test_qgis_process_json(provider, qgis_process, tmp_path):
    gpkg = tmp_path / "data.gpkg"
    projects = write_gpkg(gpkg, project_layer())
    layers = {k: write_gpkg(gpkg, v) for k, v in control_layers().items()}
    out = tmp_path / "out.gpkg"
    result = qgis_process(
        "run",
        "lyg_nrp:redline_overlap",
        "--json",
        "--",
        f"INPUT={projects}",
        "ID_FIELD=XMMC",
        *(f"{k}={v}" for k, v in layers.items()),
        "PA_ZONE_FIELD=GNFQ",
        "COAST_TYPE_FIELD=AXLX",
        f"OUTPUT={out}",
        f"CONFLICTS={tmp_path / 'c.gpkg'}",
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    payload = json.loads(result.stdout)
    assert payload["results"]["N_PROJECTS"] == 6
    import geopandas as gpd

    frame = gpd.read_file(out).set_index("project_id")
    expected = oracle()
    for name, values in expected.items():
        for field in FIELDS:
            assert frame.loc[name, field] == pytest.approx(values[field], rel=1e-6, abs=1e-6)
    assert frame.loc["E-touch", "verdict"] == "PASS"


def test_core_overlap_matches_geopandas_overlay():
    """core.overlay on random overlapping squares vs geopandas.overlay + dissolve."""
    import geopandas as gpd

    from lyg_nrp_plugin.core import overlay

    rng = np.random.default_rng(3)
    xy = rng.uniform(0, 1000, (60, 2))
    controls = shapely.buffer(shapely.points(xy), rng.uniform(20, 90, 60), quad_segs=4)
    projects = shapely.box(
        *np.c_[rng.uniform(0, 900, (25, 2)), rng.uniform(0, 900, (25, 2)) + 100].T
    )
    got = shapely.area(overlay.overlap_per_project(projects, controls))
    left = gpd.GeoDataFrame({"pid": np.arange(25)}, geometry=projects)
    right = gpd.GeoDataFrame(geometry=[shapely.union_all(controls)])
    inter = gpd.overlay(left, right, how="intersection")
    want = np.zeros(25)
    for pid, area in inter.groupby("pid").geometry.apply(lambda s: s.area.sum()).items():
        want[pid] = area
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
    outside = shapely.area(overlay.outside_per_project(projects, controls))
    np.testing.assert_allclose(outside, shapely.area(projects) - want, rtol=1e-6, atol=1e-6)


def test_shapely_wkt_roundtrip_of_fixtures():
    # the fixtures really contain what the issue asks for
    kinds = {shapely.get_type_id(g) for _, g in PROJECTS}
    assert shapely.GeometryType.MULTIPOLYGON in kinds
    assert not shapely.is_valid(PROJECTS[2][1])  # bow-tie
    assert len(shapely.get_coordinates(PROJECTS[3][1])) == 7  # duplicate vertices kept
    assert shapely_wkt.loads(PROJECTS[1][1].wkt).geoms[0].interiors
    assert shapely.intersects(ECO[0], ECO[1])  # overlapping control features


def test_desktop_style_post_processors(provider):
    """Outputs loaded on completion get the plugin's QML through a kept-alive post-processor."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
    )

    params = all_params(
        OUTPUT=QgsProcessingOutputLayerDefinition("memory:", QgsProject.instance()),
        CONFLICTS=QgsProcessingOutputLayerDefinition("memory:", QgsProject.instance()),
    )
    from qgis.core import QgsApplication, QgsProcessingContext

    # as QgsProcessingAlgRunnerTask does in Desktop: one instance runs and stays alive (with the
    # post-processors it owns) until the outputs are loaded
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("lyg_nrp:redline_overlap")
    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    assert algorithm.prepare(params, context, feedback)
    result = algorithm.runPrepared(params, context, feedback)
    result = algorithm.postProcess(context, feedback) or result
    result = {
        k: context.getMapLayer(v) if isinstance(v, str) and context.getMapLayer(v) else v
        for k, v in result.items()
    }
    details = context.layersToLoadOnCompletion()
    ids = {
        name: (v.id() if hasattr(v, "id") else v)
        for name, v in result.items()
        if name in ("OUTPUT", "CONFLICTS")
    }
    assert set(details) == set(ids.values())
    for layer_id, detail in details.items():
        post = detail.postProcessor()
        assert post is not None
        layer = next(v for v in (result["OUTPUT"], result["CONFLICTS"]) if v.id() == layer_id)
        post.postProcessLayer(layer, context, QgsProcessingFeedback())
        renderer = layer.renderer()
        assert isinstance(renderer, QgsCategorizedSymbolRenderer)
        values = {c.value() for c in renderer.categories()}
        assert values == {"FAIL", "REVIEW", "PASS"}
        assert renderer.classAttribute() == ("verdict" if layer_id == ids["OUTPUT"] else "level")


def test_large_layer_path_same_numbers(provider, monkeypatch):
    from lyg_nrp_plugin.processing.io import near

    monkeypatch.setattr(near, "NEAR_MIN_COUNT", 1)
    monkeypatch.setattr(near, "NEAR_MAX_SHARE", 1.0)
    result, context = run_alg(all_params())
    rows = features_by_id(output_layer(result, context))
    for name, values in oracle().items():
        for field in FIELDS:
            assert rows[name][field] == pytest.approx(values[field], rel=1e-6, abs=1e-6)


def test_cancel_mid_run_stops(provider):
    from qgis.core import QgsProcessingFeedback

    class CancelLater(QgsProcessingFeedback):
        """Cancels once the run has got going (after reading the projects)."""

        def setProgress(self, progress):  # noqa: N802
            super().setProgress(progress)
            if progress >= 40:
                self.cancel()

    feedback = CancelLater()
    result, _ = run_alg(all_params(REPORT=""), feedback)
    assert feedback.isCanceled() and "N_PROJECTS" not in result


def test_degenerate_project_skipped_with_warning(provider):
    flat = poly((0, 0), (100, 0), (200, 0))  # collinear: no area at all
    feedback = Recorder()
    result, context = run_alg(
        all_params(INPUT=project_layer(projects=[*PROJECTS, ("G-flat", flat)])), feedback
    )
    assert result["N_PROJECTS"] == 6
    assert any("no area after repair" in w for w in feedback.warnings)
    assert "G-flat" not in features_by_id(output_layer(result, context))


def test_sample_data_smoke(provider):
    """On the bundled sample GeoPackage: eco/farm areas equal a geopandas oracle."""
    from .conftest import SAMPLE_GPKG

    if not SAMPLE_GPKG.is_file():
        pytest.skip("sample data not generated")
    import geopandas as gpd

    def uri(name):
        return f"{SAMPLE_GPKG}|layername={name}"

    result, context = run_alg(
        {
            "INPUT": uri("JSXM"),
            "ID_FIELD": "XMBH",
            "ECO_REDLINE": uri("STBHHX"),
            "FARMLAND": uri("YJJBNTBHTB"),
            "OUTPUT": "memory:",
        }
    )
    rows = features_by_id(output_layer(result, context))
    projects = gpd.read_file(SAMPLE_GPKG, layer="JSXM").to_crs("EPSG:4549")
    eco = shapely.union_all(
        shapely.make_valid(
            gpd.read_file(SAMPLE_GPKG, layer="STBHHX").to_crs("EPSG:4549").geometry.values
        )
    )
    farm = shapely.union_all(
        shapely.make_valid(
            gpd.read_file(SAMPLE_GPKG, layer="YJJBNTBHTB").to_crs("EPSG:4549").geometry.values
        )
    )
    assert len(rows) == len(projects)
    for xmbh, geom in zip(projects.XMBH, shapely.make_valid(projects.geometry.values)):
        assert rows[xmbh]["eco_m2"] == pytest.approx(
            geom.intersection(eco).area, rel=1e-6, abs=1e-4
        )
        assert rows[xmbh]["farm_m2"] == pytest.approx(
            geom.intersection(farm).area, rel=1e-6, abs=1e-4
        )
