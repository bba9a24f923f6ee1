"""lyg_nrp:redline_overlap — the rule matrix control × project class, cell by cell.

Every case is hand-worked: six 100 × 100 m projects (one per class, 300 m apart), each with
the left half (50 × 100 m = 5 000 m² = 0.50 公顷 = 7.50 亩) in the control checked. The
expected levels are the issue's table (生态保护红线, 永久基本农田, 城镇开发边界外, 生态空间管控
区域 × 一般建设项目, 线性基础设施, 国家重大项目, 有限人为活动) and, for 省级重大项目 and 军事国防,
the cited documents as the rule file reads them.
"""

from __future__ import annotations

import json

import pytest

from .helpers.layers import features_by_id, output_layer, write_gpkg
from .helpers.redline_case import (
    CLASS_NAMES,
    SIDE,
    class_projects,
    polygons,
    projects_layer,
    row_box,
)
from .helpers.runner import Recorder, run_algorithm

CLASSES = list(CLASS_NAMES)
HALF = "0.50 公顷（7.50 亩）"  # 50 × 100 m
# control -> (parameter, its layer, expected level per class)
EXPECTED = {
    "eco": {
        "general": "FAIL",
        "linear_infra": "REVIEW",
        "major_national": "REVIEW",
        "limited_activity": "REVIEW",
        "major_provincial": "FAIL",
        "military": "REVIEW",
    },
    "farm": {
        "general": "FAIL",
        "linear_infra": "REVIEW",
        "major_national": "REVIEW",
        "limited_activity": "FAIL",
        "major_provincial": "FAIL",
        "military": "REVIEW",
    },
    "udb_out": dict.fromkeys(CLASSES, "REVIEW"),
    "eco_space": dict.fromkeys(CLASSES, "REVIEW"),
}
# the wording: what the project is told, and the document named in the basis
WORDING = {
    "eco": ("占用生态保护红线", "142号"),
    "farm": ("占用永久基本农田", "《土地管理法》第三十五条"),
    "udb_out": ("位于城镇开发边界外", "三条控制线"),
    "eco_space": ("占用生态空间管控区域", "苏政发〔2020〕1号"),
}
MUST_DO = {
    ("eco", "general"): "须调整选址避让",
    ("eco", "major_national"): "须开展不可避让论证并按规定报批",
    ("eco", "linear_infra"): "必须且无法避让",
    ("eco", "limited_activity"): "属于允许的有限人为活动",
    ("farm", "major_national"): "在永久基本农田储备区补划（数量不减、质量不降）并报国务院批准",
    ("farm", "limited_activity"): "须调整选址避让",
    ("udb_out", "general"): "须论证选址必要性",
    ("eco_space", "general"): "须论证不损害主导生态功能",
}


def left_halves(n: int) -> list:
    return [row_box(k, 0, SIDE / 2) for k in range(n)]


def control_parameters(control: str, n: int) -> dict:
    if control == "udb_out":  # the boundary holds the right halves: the left half is outside
        return {"DEV_BOUNDARY": polygons([row_box(k, SIDE / 2, SIDE) for k in range(n)], "CZKFBJ")}
    name = {"eco": ("ECO_REDLINE", "STBHHX"), "farm": ("FARMLAND", "YJJBNTBHTB")}.get(
        control, ("ECO_SPACE", "STKJGKQY")
    )
    return {name[0]: polygons(left_halves(n), name[1])}


def run_matrix(control: str, values, feedback=None, **extra):
    params = {
        "INPUT": class_projects(values),
        **control_parameters(control, len(values)),
        "OUTPUT": "memory:",
        "CONFLICTS": "memory:",
        **extra,
    }
    result, context = run_algorithm("lyg_nrp:redline_overlap", params, feedback)
    return result, features_by_id(output_layer(result, context)), context


@pytest.mark.parametrize("control", list(EXPECTED))
def test_every_cell_of_the_issue_table(provider, control):
    names = [CLASS_NAMES[c] for c in CLASSES]
    result, rows, context = run_matrix(control, names)
    field = {"udb_out": "udb_out_m2", "eco_space": "eco_space_m2"}.get(control, f"{control}_m2")
    phrase, document = WORDING[control]
    for k, cls in enumerate(CLASSES):
        row = rows[f"P{k}"]
        assert row[field] == pytest.approx(5_000.0), (control, cls)
        assert row["project_class"] == cls and row["class_zh"] == CLASS_NAMES[cls]
        assert row["verdict"] == EXPECTED[control][cls], (control, cls)
        assert row["reasons"].startswith(f"{CLASS_NAMES[cls]}{phrase} {HALF}，"), row["reasons"]
        assert document in row["basis"], (control, cls, row["basis"])
        assert "按一般建设项目审查" not in row["reasons"]  # every class was recognised
        if (control, cls) in MUST_DO:
            assert MUST_DO[(control, cls)] in row["reasons"], (control, cls)
    levels = [EXPECTED[control][c] for c in CLASSES]
    assert (result["N_FAIL"], result["N_REVIEW"], result["N_PASS"]) == (
        levels.count("FAIL"),
        levels.count("REVIEW"),
        levels.count("PASS"),
    )
    conflicts = output_layer(result, context, "CONFLICTS")
    got = {
        f["project_id"]: (f["control"], f["level"], f["level_zh"]) for f in conflicts.getFeatures()
    }
    zh = {"FAIL": "不合规", "REVIEW": "需论证"}
    assert got == {
        f"P{k}": (control, EXPECTED[control][c], zh[EXPECTED[control][c]])
        for k, c in enumerate(CLASSES)
    }


def test_classes_by_code_by_class_table_and_unknown_fail_closed(provider):
    # codes, a 项目类型 the default class table maps, an unknown value and an empty one
    values = ["major_national", "航道疏浚工程", "高速公路改扩建", "城镇建设", "", None]
    _, rows, _ = run_matrix("eco", values)
    classes = [rows[f"P{k}"]["project_class"] for k in range(len(values))]
    assert classes == [
        "major_national",
        "limited_activity",
        "linear_infra",
        "general",
        "general",
        "general",
    ]
    assert [rows[f"P{k}"]["verdict"] for k in range(len(values))] == [
        "REVIEW",
        "REVIEW",
        "REVIEW",
        "FAIL",
        "FAIL",
        "FAIL",
    ]
    assert "项目类别“城镇建设”无法识别，按一般建设项目审查" in rows["P3"]["reasons"]
    assert "项目类别未填写，按一般建设项目审查" in rows["P4"]["reasons"]
    assert "项目类别未填写，按一般建设项目审查" in rows["P5"]["reasons"]
    assert "无法识别" not in rows["P1"]["reasons"]


def test_class_table_override_in_gbk_and_bad_table(provider, tmp_path):
    from qgis.core import QgsProcessingException

    table = tmp_path / "classes.csv"
    table.write_bytes("pattern,class,basis\n港口,国家重大项目,国家级规划\n".encode("gbk"))
    _, rows, _ = run_matrix("eco", ["连云港港口工程", "航道疏浚"], CLASS_TABLE=str(table))
    assert rows["P0"]["project_class"] == "major_national"
    assert rows["P0"]["verdict"] == "REVIEW"
    assert rows["P1"]["project_class"] == "general"  # the office's table replaces the plugin's
    bad = tmp_path / "bad.csv"
    bad.write_text("pattern,class\n港口,civil\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"class table.*row 2.*civil"):
        run_matrix("eco", ["港口"], CLASS_TABLE=str(bad))


def test_no_class_field_reviews_all_as_general_and_says_so(provider):
    # the layer has no XMFL: the default field is not used (said in the log)
    layer = projects_layer(
        [("P0", "项目0", "国家重大项目", None, row_box(0, 0, SIDE))],
        fields=("XMBH", "XMMC", "LB", "YHFS"),
    )
    feedback = Recorder()
    _, rows, _ = run_matrix("farm", ["x"], INPUT=layer, feedback=feedback)
    assert any("XMFL" in m for m in feedback.infos)
    row = rows["P0"]
    assert row["project_class"] == "general" and row["verdict"] == "FAIL"
    assert "未指定项目类别字段，按一般建设项目审查" in row["reasons"]


def test_name_field_reaches_output_conflicts_and_dock(provider):
    from lyg_nrp_plugin import results_bus

    result, rows, context = run_matrix("eco", ["一般建设项目", "国家重大项目"])
    assert rows["P0"]["project_name"] == "项目0" and rows["P1"]["project_name"] == "项目1"
    conflicts = output_layer(result, context, "CONFLICTS")
    assert {f["project_name"] for f in conflicts.getFeatures()} == {"项目0", "项目1"}
    published = results_bus.latest()["redline_overlap"]
    assert {(r.item_id, r.label, r.verdict) for r in published.rows} == {
        ("P0", "项目0", "FAIL"),
        ("P1", "项目1", "REVIEW"),
    }


def test_defaults_are_the_national_field_names_and_report_is_created(provider):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("lyg_nrp:redline_overlap")
    defaults = {
        name: alg.parameterDefinition(name).defaultValue()
        for name in (
            "ID_FIELD",
            "NAME_FIELD",
            "PROJECT_CLASS_FIELD",
            "SEA_USE_FIELD",
            "PA_ZONE_FIELD",
            "MARINE_ZONE_FIELD",
            "COAST_TYPE_FIELD",
            "COAST_CLASS_FIELD",
            "FARMLAND_GRADE_FIELD",
            "RESERVE_GRADE_FIELD",
        )
    }
    assert defaults == {
        "ID_FIELD": "XMBH",
        "NAME_FIELD": "XMMC",
        "PROJECT_CLASS_FIELD": "XMFL",
        "SEA_USE_FIELD": "YHFS",
        "PA_ZONE_FIELD": "GNFQ",
        "MARINE_ZONE_FIELD": "GKFL",
        "COAST_TYPE_FIELD": "AXLX",
        "COAST_CLASS_FIELD": "GKFL",
        "FARMLAND_GRADE_FIELD": "GDDB",
        "RESERVE_GRADE_FIELD": "GDDB",
    }
    assert alg.parameterDefinition("REPORT").createByDefault()


@pytest.mark.slow
def test_matrix_through_qgis_process_json(provider, qgis_process, tmp_path):
    gpkg = tmp_path / "data.gpkg"
    names = [CLASS_NAMES[c] for c in CLASSES]
    projects = write_gpkg(gpkg, class_projects(names))
    eco = write_gpkg(gpkg, polygons(left_halves(len(names)), "STBHHX"))
    farm = write_gpkg(gpkg, polygons([row_box(k, 50, 100) for k in range(len(names))], "YJJBNT"))
    out = tmp_path / "out.gpkg"
    result = qgis_process(
        "run",
        "lyg_nrp:redline_overlap",
        "--json",
        "--",
        f"INPUT={projects}",
        f"ECO_REDLINE={eco}",
        f"FARMLAND={farm}",
        f"OUTPUT={out}",
        f"REPORT={tmp_path / 'r.html'}",
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    payload = json.loads(result.stdout)
    import geopandas as gpd

    frame = gpd.read_file(out).set_index("project_id")
    for k, cls in enumerate(CLASSES):
        # the strictest of the two cells wins
        levels = {EXPECTED["eco"][cls], EXPECTED["farm"][cls]}
        want = "FAIL" if "FAIL" in levels else "REVIEW"
        assert frame.loc[f"P{k}", "verdict"] == want, cls
        assert frame.loc[f"P{k}", "project_class"] == cls
        assert frame.loc[f"P{k}", "project_name"] == f"项目{k}"
    verdicts = list(frame.verdict)
    assert payload["results"]["N_FAIL"] == verdicts.count("FAIL")
    assert payload["results"]["N_REVIEW"] == verdicts.count("REVIEW")
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "国家重大项目" in report and "须开展不可避让论证并按规定报批" in report


def test_reasons_are_recorded_in_the_log(provider):
    feedback = Recorder()
    run_algorithm(
        "lyg_nrp:redline_overlap",
        {
            "INPUT": class_projects(["国家重大项目"]),
            "ECO_REDLINE": polygons(left_halves(1), "STBHHX"),
            "OUTPUT": "memory:",
        },
        feedback,
    )
    assert any("1 projects: 0 fail, 1 need review, 0 pass." in m for m in feedback.infos)


@pytest.mark.slow
def test_gbk_rule_file_and_class_table_through_qgis_process(provider, qgis_process, tmp_path):
    """Excel on Chinese Windows saves CSV as GBK: read, no UnicodeDecodeError traceback."""
    gpkg = tmp_path / "data.gpkg"
    projects = write_gpkg(gpkg, class_projects(["港口工程", "一般建设项目"]))
    eco = write_gpkg(gpkg, polygons(left_halves(2), "STBHHX"))
    table = tmp_path / "classes.csv"
    table.write_bytes("pattern,class,basis\n港口,国家重大项目,国家级规划\n".encode("gbk"))
    rules = tmp_path / "rules.csv"
    office = "control,level,name_zh,name_en,rule_zh,rule_en,reason_zh,reason_en\n"
    office += "eco,REVIEW,生态保护红线,red line,须论证,review,{class}占用生态保护红线 {amount},x\n"
    rules.write_bytes(office.encode("gbk"))
    out = tmp_path / "out.gpkg"
    result = qgis_process(
        "run",
        "lyg_nrp:redline_overlap",
        "--json",
        "--",
        f"INPUT={projects}",
        f"ECO_REDLINE={eco}",
        f"CLASS_TABLE={table}",
        f"RULES_FILE={rules}",
        f"OUTPUT={out}",
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Traceback" not in result.stdout + result.stderr
    import geopandas as gpd

    frame = gpd.read_file(out).set_index("project_id")
    assert frame.loc["P0", "project_class"] == "major_national"
    assert list(frame.verdict) == ["REVIEW", "REVIEW"]  # the office's red-line row
    assert frame.loc["P1", "reasons"] == f"一般建设项目占用生态保护红线 {HALF}"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(office.replace("eco,REVIEW", "eco,MAYBE").encode("gbk"))
    result = qgis_process(
        "run",
        "lyg_nrp:redline_overlap",
        "--",
        f"INPUT={projects}",
        f"ECO_REDLINE={eco}",
        f"RULES_FILE={bad}",
        f"OUTPUT={tmp_path / 'o2.gpkg'}",
    )
    assert result.returncode != 0 and "MAYBE" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
