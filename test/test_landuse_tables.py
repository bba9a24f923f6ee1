"""lyg_nrp:landuse_occupation — the table 用地报批 needs, and parcels as offices have them.

Hand-worked cases: the three classes of GB/T 21010-2017 附录A and the farmland split, parcels
that overlap under a project (counted once: the issue's 150 × 100 m project over two
100 × 100 m parcels overlapping by 50 × 100 m), KCXS whose unit the whole layer decides,
unusable KCXS / TBDLMJ / grade values named by BSM, and the project name in every output."""

from __future__ import annotations

import pytest

from .helpers.layers import features_by_id, is_null, make_layer, output_layer
from .helpers.redline_case import box, polygons, projects_layer
from .helpers.runner import Recorder, run_algorithm

STRING, DOUBLE = 10, 6  # QVariant.String, QVariant.Double


def dltb(rows, kcxs_type=DOUBLE, area_type=DOUBLE):
    """Parcels from (BSM, DLBM, KCXS, TBDLMJ, GDDB, geometry)."""
    fields = [
        ("BSM", STRING),
        ("DLBM", STRING),
        ("KCXS", kcxs_type),
        ("TBDLMJ", area_type),
        ("GDDB", STRING),
    ]
    return make_layer("Polygon", "EPSG:4549", fields, [(r[:-1], r[-1]) for r in rows], "DLTB")


def one_project(geom=None, name="灌南县食品产业园"):
    return projects_layer([("P1", name, None, None, geom or box(0, 0, 150, 100))])


def run(params, feedback=None):
    params = {"OUTPUT": "memory:", "SUMMARY": "memory:", "FARMLAND_PIECES": "memory:", **params}
    result, context = run_algorithm("lyg_nrp:landuse_occupation", params, feedback)
    summary = features_by_id(output_layer(result, context, "SUMMARY"))
    return result, summary, context


def test_three_classes_and_farmland_split(provider):
    # a 600 × 100 m project over six 100 × 100 m parcels: 0101 (KCXS 0.1), 0301, 1201 空闲地,
    # 0603 盐田, 1104A 养殖坑塘 and 1106 内陆滩涂; 永久基本农田 covers the left 40 m of the 0101
    codes = ["0101", "0301", "1201", "0603", "1104A", "1106"]
    rows = [
        (
            f"B{k}",
            code,
            0.1 if code == "0101" else None,
            None,
            "5",
            box(k * 100, 0, k * 100 + 100, 100),
        )
        for k, code in enumerate(codes)
    ]
    farm = polygons([box(0, 0, 40, 100)], "YJJBNTBHTB")
    params = {"INPUT": one_project(box(0, 0, 600, 100)), "LANDUSE": dltb(rows), "FARMLAND": farm}
    result, summary, _ = run(params)
    s = summary["P1"]
    # 农用地 = 耕地 9 000 (net of KCXS) + 林地 10 000 + 养殖坑塘 10 000 = 29 000 m²
    assert s["nyd_m2"] == pytest.approx(29_000)
    # 建设用地 = 1201 空闲地 + 0603 盐田 = 20 000 m²; 未利用地 = 1106 内陆滩涂 = 10 000 m²
    assert s["jsyd_m2"] == pytest.approx(20_000) and s["built_m2"] == pytest.approx(20_000)
    assert s["wlyd_m2"] == pytest.approx(10_000)
    assert s["nyd_m2"] + s["jsyd_m2"] + s["wlyd_m2"] == pytest.approx(s["total_m2"])
    assert s["gross_m2"] == pytest.approx(60_000) and s["total_m2"] == pytest.approx(59_000)
    # 耕地 9 000 net: 40 % of it in 永久基本农田 = 3 600, the rest 一般耕地 = 5 400
    assert (s["gd_m2"], s["gd_jbnt_m2"], s["gd_yb_m2"]) == pytest.approx((9000, 3600, 5400))
    assert s["project_name"] == "灌南县食品产业园"


def test_without_farmland_the_split_is_null(provider):
    rows = [("B1", "0101", None, None, "5", box(0, 0, 150, 100))]
    _, summary, _ = run({"INPUT": one_project(), "LANDUSE": dltb(rows)})
    assert summary["P1"]["gd_m2"] == pytest.approx(15_000)
    assert is_null(summary["P1"]["gd_jbnt_m2"]) and is_null(summary["P1"]["gd_yb_m2"])


def test_overlapping_parcels_are_counted_once(provider):
    # the case: parcels 0–100 and 50–150 (overlap 50 × 100 = 5 000 m²) under a
    # 150 × 100 m project: 15 000 m² occupied, not 20 000; BSM A (fid 1) keeps the overlap
    rows = [
        ("A", "0101", None, None, "5", box(0, 0, 100, 100)),
        ("B", "0103", None, None, "7", box(50, 0, 150, 100)),
    ]
    feedback = Recorder()
    result, summary, context = run({"INPUT": one_project(), "LANDUSE": dltb(rows)}, feedback)
    s = summary["P1"]
    assert s["total_m2"] == pytest.approx(15_000) and s["gross_m2"] == pytest.approx(15_000)
    assert s["paddy_m2"] == pytest.approx(10_000)  # A (0101) keeps all of its 10 000 m²
    assert s["farm_grade"] == pytest.approx((10_000 * 5 + 5_000 * 7) / 15_000)
    table = {f["DLBM"]: f["gross_m2"] for f in output_layer(result, context).getFeatures()}
    assert table == pytest.approx({"0101": 10_000, "0103": 5_000})
    warning = next(w for w in feedback.warnings if "overlap" in w)
    assert "DLTB" in warning and "A ∩ B" in warning and "0.50 公顷（7.50 亩）" in warning
    pieces = list(output_layer(result, context, "FARMLAND_PIECES").getFeatures())
    assert sum(f["gross_m2"] for f in pieces) == pytest.approx(15_000)


def test_kcxs_unit_is_decided_by_the_whole_layer(provider):
    # the parcel under the project has KCXS 0.5; a parcel far away has 12: the layer is
    # percent-coded, so 0.5 means 0.5 % (net 15 000 × 0.995 = 14 925), not 50 %
    rows = [
        ("A", "0101", 0.5, None, "5", box(0, 0, 150, 100)),
        ("Z", "0101", 12.0, None, "5", box(5000, 5000, 5100, 5100)),
    ]
    feedback = Recorder()
    _, summary, _ = run({"INPUT": one_project(), "LANDUSE": dltb(rows)}, feedback)
    assert summary["P1"]["farm_m2"] == pytest.approx(15_000 * 0.995)
    assert any("percentage" in m and "KCXS" in m for m in feedback.infos)
    # without the far parcel the same 0.5 is a fraction: net 7 500
    feedback = Recorder()
    _, summary, _ = run({"INPUT": one_project(), "LANDUSE": dltb(rows[:1])}, feedback)
    assert summary["P1"]["farm_m2"] == pytest.approx(7_500)
    assert any("fraction" in m and "KCXS" in m for m in feedback.infos)


def test_text_kcxs_and_grades_that_are_no_numbers_are_named(provider):
    rows = [
        ("A1", "0101", "abc", None, "好", box(0, 0, 100, 100)),
        ("A2", "0102", "0.1", None, "6", box(100, 0, 150, 100)),
    ]
    feedback = Recorder()
    parcels = dltb(rows, kcxs_type=STRING)
    _, summary, _ = run({"INPUT": one_project(), "LANDUSE": parcels}, feedback)
    # 'abc' counts as 0: 10 000 + 5 000 × 0.9 = 14 500; the grade '好' is left out
    assert summary["P1"]["farm_m2"] == pytest.approx(14_500)
    assert summary["P1"]["farm_grade"] == pytest.approx(6.0)
    text = "\n".join(feedback.warnings)
    assert "KCXS" in text and "A1" in text and "not a number" in text
    assert "GDDB" in text and "not a grade" in text


def test_official_area_shared_out_and_bad_values_fall_back(provider):
    # A: 100 × 100 m with TBDLMJ 9 000 (KCXS ignored); the project takes 60 % of it → 5 400
    # B: TBDLMJ −50 (refused): its 50 × 100 m piece is netted by KCXS 0.1 → 4 500
    rows = [
        ("A", "0101", 0.2, 9000.0, "5", box(-40, 0, 60, 100)),
        ("B", "0102", 0.1, -50.0, "5", box(60, 0, 110, 100)),
    ]
    feedback = Recorder()
    params = {
        "INPUT": one_project(box(0, 0, 110, 100)),
        "LANDUSE": dltb(rows),
        "AREA_FIELD": "TBDLMJ",
    }
    result, summary, context = run(params, feedback)
    table = {f["DLBM"]: f["net_m2"] for f in output_layer(result, context).getFeatures()}
    assert table == pytest.approx({"0101": 5_400, "0102": 4_500})
    assert any("TBDLMJ" in w and "B" in w and "negative" in w for w in feedback.warnings)
    # a text field holding '约5万' is refused the same way, no traceback
    text_rows = [(*rows[0][:3], "约5万", *rows[0][4:])]
    feedback = Recorder()
    params["LANDUSE"] = dltb(text_rows, area_type=STRING)
    _, summary, _ = run(params, feedback)
    assert summary["P1"]["farm_m2"] == pytest.approx(6_000 * 0.8)
    assert any("TBDLMJ" in w and "A" in w for w in feedback.warnings)


def test_name_in_every_output_and_the_dock(provider, tmp_path):
    from lyg_nrp_plugin import results_bus

    rows = [("A", "0101", None, None, "5", box(0, 0, 150, 100))]
    result, summary, context = run({"INPUT": one_project(), "LANDUSE": dltb(rows)})
    table = list(output_layer(result, context).getFeatures())
    assert {f["project_name"] for f in table} == {"灌南县食品产业园"}
    published = results_bus.latest()["landuse_occupation"]
    assert [(r.item_id, r.label) for r in published.rows] == [("P1", "灌南县食品产业园")]
    # a Shapefile table cannot hold project_name (12 characters): left out, said in the log
    feedback = Recorder()
    result, _, _ = run(
        {"INPUT": one_project(), "LANDUSE": dltb(rows), "OUTPUT": str(tmp_path / "t.shp")},
        feedback,
    )
    from qgis.core import QgsVectorLayer

    written = QgsVectorLayer(result["OUTPUT"], "t", "ogr")
    assert written.isValid() and "project_name" not in written.fields().names()
    assert [f["gross_m2"] for f in written.getFeatures()] == pytest.approx([15_000])
    assert any("project_name" in w and "GeoPackage" in w for w in feedback.warnings)


def test_defaults_are_the_national_field_names(provider):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("lyg_nrp:landuse_occupation")
    defaults = {
        name: alg.parameterDefinition(name).defaultValue()
        for name in ("ID_FIELD", "NAME_FIELD", "DLBM_FIELD", "KCXS_FIELD", "GRADE_FIELD")
    }
    assert defaults == {
        "ID_FIELD": "XMBH",
        "NAME_FIELD": "XMMC",
        "DLBM_FIELD": "DLBM",
        "KCXS_FIELD": "KCXS",
        "GRADE_FIELD": "GDDB",
    }
    assert alg.parameterDefinition("SLOPE_FIELD").defaultValue() == "GDPDJB"
    assert alg.parameterDefinition("AREA_FIELD").defaultValue() is None  # opt-in
    assert alg.parameterDefinition("REPORT").createByDefault()


def test_report_has_the_three_class_table(provider, tmp_path):
    import html
    import re

    from lyg_nrp_plugin.core.units import format_area_en, format_area_zh
    from lyg_nrp_plugin.translate import is_chinese, tr

    area = format_area_zh if is_chinese() else format_area_en
    # 10 000 m² of 0101 and 5 000 m² of 1201 空闲地 (建设用地)
    rows = [
        ("A", "0101", None, None, "5", box(0, 0, 100, 100)),
        ("B", "1201", None, None, None, box(100, 0, 150, 100)),
    ]
    path = tmp_path / "r.html"
    run({"INPUT": one_project(), "LANDUSE": dltb(rows), "REPORT": str(path)})
    text = path.read_text(encoding="utf-8")
    section = text.split(f"<h2>{tr('Agricultural, construction and unused land')}</h2>", 1)[1]
    section = section.split("</table>", 1)[0]
    headers = [html.unescape(h) for h in re.findall(r"<th>(.*?)</th>", section)]
    cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", section)]
    row = dict(zip(headers, cells[: len(headers)]))
    names = (
        ("农用地", "建设用地", "未利用地")
        if is_chinese()
        else (
            "Agricultural land",
            "Construction land",
            "Unused land",
        )
    )
    assert row[tr("Project name")] == "灌南县食品产业园"
    assert row[names[0]] == area(10_000) and row[names[1]] == area(5_000)
    assert row[names[2]] == area(0) and row[tr("Total (gross)")] == area(15_000)
    assert "NULL" not in text and ">REVIEW" not in text


def test_sample_dltb_smoke(provider):
    """On the bundled sample: the three classes add up to the net total of every project."""
    from .conftest import SAMPLE_GPKG

    if not SAMPLE_GPKG.is_file():
        pytest.skip("sample data not generated")
    _, summary, _ = run(
        {
            "INPUT": f"{SAMPLE_GPKG}|layername=JSXM",
            "LANDUSE": f"{SAMPLE_GPKG}|layername=DLTB",
            "FARMLAND": f"{SAMPLE_GPKG}|layername=YJJBNTBHTB",
        }
    )
    assert summary
    for s in summary.values():
        three = s["nyd_m2"] + s["jsyd_m2"] + s["wlyd_m2"] + s["unknown_m2"]
        assert three == pytest.approx(s["total_m2"], rel=1e-9, abs=1e-6)
        assert s["gd_jbnt_m2"] + s["gd_yb_m2"] == pytest.approx(s["gd_m2"], abs=1e-6)
        assert s["gross_m2"] >= s["total_m2"] - 1e-6


@pytest.mark.slow
def test_text_area_values_through_qgis_process(provider, qgis_process, tmp_path):
    """A text TBDLMJ holding '约5万' and a text KCXS 'abc': no ValueError traceback, the
    parcels are named and the numbers still right."""
    import json

    from .helpers.layers import write_gpkg

    rows = [("A1", "0101", "abc", "约5万", "5", box(0, 0, 150, 100))]
    gpkg = tmp_path / "d.gpkg"
    projects = write_gpkg(gpkg, one_project())
    parcels = write_gpkg(gpkg, dltb(rows, kcxs_type=STRING, area_type=STRING))
    result = qgis_process(
        "run",
        "lyg_nrp:landuse_occupation",
        "--json",
        "--",
        f"INPUT={projects}",
        f"LANDUSE={parcels}",
        "AREA_FIELD=TBDLMJ",
        f"OUTPUT={tmp_path / 't.csv'}",
        f"SUMMARY={tmp_path / 's.gpkg'}",
        f"FARMLAND_PIECES={tmp_path / 'f.gpkg'}",
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    assert "Traceback" not in log and "A1" in log
    assert json.loads(result.stdout)["results"]["FARM_M2"] == pytest.approx(15_000)
