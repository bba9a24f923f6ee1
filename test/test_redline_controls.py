"""lyg_nrp:redline_overlap — the controls added by the rule matrix, hand-worked: zoned
protected areas and marine red line (fail closed), 围填海 in a 限制类 zone, coastline classes,
the land-only outside-boundary area, the optional overlay controls and the farmland reserve.

Projects are 100 × 100 m squares 300 m apart (``helpers.redline_case.row_box``); every
expected number is worked out in the comments from the boxes drawn."""

from __future__ import annotations

import pytest
import shapely

from .helpers.layers import features_by_id, is_null, output_layer
from .helpers.redline_case import X0, Y0, lines, polygons, projects_layer, row_box
from .helpers.runner import Recorder, run_algorithm


def run(params, feedback=None):
    params = {"OUTPUT": "memory:", "CONFLICTS": "memory:", **params}
    result, context = run_algorithm("lyg_nrp:redline_overlap", params, feedback)
    return result, features_by_id(output_layer(result, context)), context


def projects(specs):
    """specs: (class, 用海方式) per project; all 100 × 100 m squares."""
    return projects_layer(
        [(f"P{k}", f"项目{k}", c, u, row_box(k, 0, 100)) for k, (c, u) in enumerate(specs)]
    )


def test_protected_area_zones_fail_closed(provider):
    zones = ["核心保护区", "核心区", "缓冲区", "一般控制区", "实验区", "未分区"]
    # each project has its left 30 m (3 000 m² = 0.30 公顷 = 4.50 亩) in one zone
    pa = polygons([row_box(k, 0, 30) for k in range(6)], "ZRBHD", ["GNFQ"], [(z,) for z in zones])
    _, rows, _ = run({"INPUT": projects([("国家重大项目", None)] * 6), "PROTECTED_AREAS": pa})
    core = {k: rows[f"P{k}"]["pa_core_m2"] for k in range(6)}
    assert core == pytest.approx({0: 3000, 1: 3000, 2: 3000, 3: 0, 4: 0, 5: 3000})
    for k in range(6):
        assert rows[f"P{k}"]["pa_m2"] == pytest.approx(3000)
    verdicts = [rows[f"P{k}"]["verdict"] for k in range(6)]
    # core (and 缓冲区, and the unknown zone) FAIL for every class; the general zone REVIEW
    # for a major national project
    assert verdicts == ["FAIL", "FAIL", "FAIL", "REVIEW", "REVIEW", "FAIL"]
    assert rows["P0"]["reasons"].startswith(
        "国家重大项目占用自然保护地核心保护区 0.30 公顷（4.50 亩），核心保护区原则上禁止人为活动"
    )
    assert "自然保护地功能分区“未分区”无法识别，按核心保护区审查" in rows["P5"]["reasons"]
    assert "无法识别" not in rows["P2"]["reasons"]  # 缓冲区 is known: it counts as core
    assert "征得自然保护地主管部门同意" in rows["P3"]["reasons"]


def test_core_keeps_the_area_where_zones_overlap(provider):
    # core 0–60 and general 40–100 overlap on 40–60: core 6 000 m², general 4 000 m²
    pa = polygons(
        [row_box(0, 0, 60), row_box(0, 40, 100)],
        "ZRBHD",
        ["GNFQ"],
        [("核心保护区",), ("一般控制区",)],
    )
    result, rows, context = run(
        {"INPUT": projects([("国家重大项目", None)]), "PROTECTED_AREAS": pa}
    )
    assert rows["P0"]["pa_core_m2"] == pytest.approx(6000)
    assert rows["P0"]["pa_m2"] == pytest.approx(10_000)
    pieces = {
        f["control"]: f["area_m2"] for f in output_layer(result, context, "CONFLICTS").getFeatures()
    }
    assert pieces == pytest.approx({"pa_core": 6000, "pa": 4000})


def marine(zone_values=None):
    """The marine red line: the left half (5 000 m²) of each of five projects."""
    geoms = [row_box(k, 0, 50) for k in range(5)]
    if zone_values is None:
        return polygons(geoms, "HYSTHX", ["HXMC"], [("红线区",)] * 5)
    return polygons(geoms, "HYSTHX", ["GKFL"], [(z,) for z in zone_values])


def test_marine_zones_and_reclamation(provider):
    zones = ["禁止类", "限制类", "限制类", "限制类", "限制类"]
    uses = ["透水构筑物", "透水构筑物", "填海造地", "围海养殖", ""]
    specs = [("国家重大项目", u) for u in uses]
    result, rows, context = run({"INPUT": projects(specs), "MARINE_REDLINE": marine(zones)})
    got = [(rows[f"P{k}"]["marine_ban_m2"], rows[f"P{k}"]["verdict"]) for k in range(5)]
    # 禁止类 → FAIL; 限制类 → REVIEW, except 填海 / 围海 (and an empty 用海方式) → FAIL
    assert got == [(5000, "FAIL"), (0, "REVIEW"), (0, "FAIL"), (0, "FAIL"), (0, "FAIL")]
    for k in range(5):
        assert rows[f"P{k}"]["marine_m2"] == pytest.approx(5000)
    assert rows["P2"]["reasons"].startswith(
        "国家重大项目以围填海方式占用海洋生态红线限制类红线区 0.50 公顷（7.50 亩），"
        "限制类红线区内禁止围填海"
    )
    assert "须论证用海方式不改变海域自然属性" in rows["P1"]["reasons"]
    assert "用海方式未填写，占用海洋生态红线限制类红线区按围填海从严审查" in rows["P4"]["reasons"]
    assert "用海方式" not in rows["P0"]["reasons"]  # the 禁止类 zone does not depend on it
    controls = {
        f["project_id"]: f["control"]
        for f in output_layer(result, context, "CONFLICTS").getFeatures()
    }
    assert controls == {
        "P0": "marine",
        "P1": "marine_limit",
        "P2": "marine_reclaim",
        "P3": "marine_reclaim",
        "P4": "marine_reclaim",
    }


def test_marine_without_zone_field_or_with_an_unknown_zone_is_prohibition(provider):
    specs = [("国家重大项目", "透水构筑物")] * 5
    _, rows, _ = run({"INPUT": projects(specs), "MARINE_REDLINE": marine()})
    for k in range(5):
        assert rows[f"P{k}"]["marine_ban_m2"] == pytest.approx(5000)
        assert rows[f"P{k}"]["verdict"] == "FAIL"
        assert "未提供海洋生态红线管控分类字段，占用部分按禁止类审查" in rows[f"P{k}"]["reasons"]
    zones = ["其他", "限制类", "限制类", "限制类", "限制类"]
    _, rows, _ = run({"INPUT": projects(specs), "MARINE_REDLINE": marine(zones)})
    assert rows["P0"]["verdict"] == "FAIL" and rows["P1"]["verdict"] == "REVIEW"
    assert "海洋生态红线管控分类“其他”无法识别，按禁止类审查" in rows["P0"]["reasons"]


def coast(classes, types=None):
    """A vertical natural coastline through the middle of each project: 100 m inside each."""
    geoms = [
        shapely.LineString([(X0 + k * 300 + 50, Y0 - 20), (X0 + k * 300 + 50, Y0 + 120)])
        for k in range(len(classes))
    ]
    types = types or ["自然岸线"] * len(classes)
    values = list(zip(types, classes)) if classes[0] is not None else [(t,) for t in types]
    fields = ["AXLX", "GKFL"] if classes[0] is not None else ["AXLX"]
    return lines(geoms, "HAX", fields, values)


def test_coastline_classes(provider):
    classes = ["严格保护", "限制开发", "优化利用", "待定", "严格保护"]
    specs = [("一般建设项目", None)] * 4 + [("军事国防", None)]
    _, rows, _ = run({"INPUT": projects(specs), "COASTLINE": coast(classes)})
    verdicts = [rows[f"P{k}"]["verdict"] for k in range(5)]
    # 严格保护 FAIL (国防安全需要 REVIEW), 限制开发 REVIEW, 优化利用 PASS (informational),
    # an unknown class counts as 严格保护
    assert verdicts == ["FAIL", "REVIEW", "PASS", "FAIL", "REVIEW"]
    lengths = [
        (
            rows[f"P{k}"]["coast_strict_m"],
            rows[f"P{k}"]["coast_limit_m"],
            rows[f"P{k}"]["coast_use_m"],
        )
        for k in range(4)
    ]
    assert lengths == [(100, 0, 0), (0, 100, 0), (0, 0, 100), (100, 0, 0)]
    assert all(rows[f"P{k}"]["coast_m"] == pytest.approx(100) for k in range(5))
    assert rows["P2"]["reasons"].startswith("一般建设项目占用优化利用岸线（自然岸线） 100.0 米")
    assert "岸线管控分类“待定”无法识别，按严格保护岸线审查" in rows["P3"]["reasons"]
    assert "仅国防安全需要可经论证报批" in rows["P4"]["reasons"]


def test_coastline_without_class_field_needs_review_and_artificial_coast_does_not_count(provider):
    types = ["自然岸线", "人工岸线"]
    _, rows, _ = run(
        {"INPUT": projects([("一般建设项目", None)] * 2), "COASTLINE": coast([None, None], types)}
    )
    assert rows["P0"]["coast_m"] == pytest.approx(100) and rows["P0"]["verdict"] == "REVIEW"
    assert is_null(rows["P0"]["coast_strict_m"])
    assert rows["P1"]["coast_m"] == 0 and rows["P1"]["verdict"] == "PASS"


def test_outside_boundary_counts_land_only(provider):
    # the land is y < 60; the development boundary is x < 20 of each project:
    # outside on land = 80 × 60 = 4 800 m²; without the land boundary 80 × 100 = 8 000 m²
    land = polygons([shapely.box(X0 - 100, Y0 - 100, X0 + 1000, Y0 + 60)], "XZQ")
    udb = polygons([row_box(k, -10, 20, -10, 110) for k in range(2)], "CZKFBJ")
    # the second project lies wholly at sea (y 200–300): no outside area at all
    sea = row_box(1, 0, 100, 200, 300)
    layer = projects_layer(
        [("P0", "陆域", "一般建设项目", None, row_box(0, 0, 100)), ("P1", "海域", "", "", sea)]
    )
    _, rows, _ = run({"INPUT": layer, "DEV_BOUNDARY": udb, "LAND_BOUNDARY": land})
    assert rows["P0"]["udb_out_m2"] == pytest.approx(4800)
    assert rows["P1"]["udb_out_m2"] == 0 and rows["P1"]["verdict"] == "PASS"
    _, rows, _ = run({"INPUT": layer, "DEV_BOUNDARY": udb})
    assert rows["P0"]["udb_out_m2"] == pytest.approx(8000)
    assert rows["P1"]["udb_out_m2"] == pytest.approx(10_000)


@pytest.mark.parametrize(
    "parameter, field, name, wording, document",
    [
        ("MINERAL", "mineral_m2", "YFKC", "压覆重要矿产资源", "《矿产资源法》第三十三条"),
        (
            "GEOHAZARD",
            "geohazard_m2",
            "DZZHYFQ",
            "位于地质灾害高、中易发区",
            "《地质灾害防治条例》",
        ),
        (
            "HERITAGE",
            "heritage_m2",
            "LSWHBHX",
            "占用历史文化保护线（紫线）",
            "《城市紫线管理办法》",
        ),
        ("PUBLIC_FOREST", "forest_m2", "STGYL", "占用生态公益林", "《森林法》第三十七条"),
    ],
)
def test_optional_overlay_controls(provider, parameter, field, name, wording, document):
    # 20 × 100 m of the project: 2 000 m² = 0.20 公顷 = 3.00 亩
    layer = polygons([row_box(0, 80, 100)], name)
    _, rows, _ = run({"INPUT": projects([("国家重大项目", None)]), parameter: layer})
    row = rows["P0"]
    assert row[field] == pytest.approx(2000)
    assert row["verdict"] == "REVIEW"
    assert row["reasons"].startswith(f"国家重大项目{wording} 0.20 公顷（3.00 亩），")
    assert document in row["basis"]


def test_farmland_reserve_takes_the_supplementary_designation(provider, tmp_path):
    from lyg_nrp_plugin.core.units import format_area_en, format_area_zh
    from lyg_nrp_plugin.translate import is_chinese

    area = format_area_zh if is_chinese() else format_area_en
    # farmland: the left 50 m of P0 (5 000 m², grade 6) and of P1 (5 000 m², grade 8), the
    # left 30 m of P2; P0 and P1 are linear infrastructure (REVIEW: 补划 needed), P2 is a
    # general project (FAIL: refused, nothing to supplement)
    farm_geoms = [row_box(0, 0, 50), row_box(1, 0, 50), row_box(2, 0, 30)]
    farm = polygons(farm_geoms, "YJJBNTBHTB", ["GDDB"], [("6",), ("8",), ("2",)])
    specs = [("线性基础设施", None), ("线性基础设施", None), ("一般建设项目", None)]
    # the reserve: r1 = 80 × 50 m plus a 10 × 50 m tongue under P0 (4 500 m², grade 5),
    # r2 = 100 × 50 m (5 000 m², grade 7) overlapping r1 by 20 × 50 m. Available: r1 without
    # the 500 m² under P0 = 4 000 m²; r2 gives the 1 000 m² overlap to r1 (lower fid) =
    # 4 000 m²; in all 8 000 m²
    r1 = shapely.union(
        shapely.box(X0 - 70, Y0 + 150, X0 + 10, Y0 + 200),
        shapely.box(X0, Y0 + 50, X0 + 10, Y0 + 150),
    )
    r1 = shapely.difference(r1, shapely.box(X0, Y0 + 100, X0 + 10, Y0 + 150))
    r2 = shapely.box(X0 - 10, Y0 + 150, X0 + 90, Y0 + 200)
    assert (r1.area, r2.area, r1.intersection(r2).area) == pytest.approx((4500, 5000, 1000))
    reserve = polygons([r1, r2], "JBNTCBQ", ["GDDB"], [("5",), ("7",)])
    report = tmp_path / "r.html"
    params = {
        "INPUT": projects(specs),
        "FARMLAND": farm,
        "FARMLAND_RESERVE": reserve,
        "REPORT": str(report),
    }
    result, rows, _ = run(params)
    # need: 5 000 + 5 000 m² of the two linear projects; shortfall 10 000 − 8 000 = 2 000 m²
    assert [rows[f"P{k}"]["verdict"] for k in range(3)] == ["REVIEW", "REVIEW", "FAIL"]
    assert result["RESERVE_SHORTFALL_M2"] == pytest.approx(2000)
    text = report.read_text(encoding="utf-8")
    reserve_grade = (4000 * 5 + 4000 * 7) / 8000  # 6.00
    occupied_grade = (5000 * 6 + 5000 * 8) / 10_000  # 7.00
    section = text.split("<table>")[-1]  # the reserve's key-value table is the last one
    assert f"<td>{reserve_grade:.2f}</td>" in section
    assert f"<td>{occupied_grade:.2f}</td>" in section
    assert f"<td>{area(2000)}</td>" in section and f"<td>{area(8000)}</td>" in section
    assert f"<td>{area(10_000)}</td>" in section
    # enough reserve without P1's farmland: 5 000 ≤ 8 000 m²
    params["FARMLAND"] = polygons([farm_geoms[0], farm_geoms[2]], "YJJBNTBHTB")
    params.pop("REPORT")
    result, _, _ = run(params)
    assert result["RESERVE_SHORTFALL_M2"] == 0.0


def test_reserve_is_not_reported_without_it(provider):
    result, _, _ = run(
        {
            "INPUT": projects([("线性基础设施", None)]),
            "FARMLAND": polygons([row_box(0, 0, 50)], "F"),
        }
    )
    assert "RESERVE_SHORTFALL_M2" not in result


def test_empty_control_layers_are_warned_and_unused_layers_said(provider):
    feedback = Recorder()
    empty = polygons([], "STKJGKQY")
    land = polygons([row_box(0, 0, 100)], "XZQ")
    run({"INPUT": projects([("", None)]), "ECO_SPACE": empty, "LAND_BOUNDARY": land}, feedback)
    text = "\n".join(feedback.warnings)
    assert "STKJGKQY" in text and "no features" in text
    assert "XZQ" in text and "urban development boundary" in text


def test_reserve_grades_that_are_no_numbers_are_left_out_and_warned(provider):
    # two reserve plots of 5 000 m², grades 4 and 'abc': the weighted grade is 4, warned
    reserve = polygons(
        [row_box(3, 0, 50), row_box(3, 50, 100)], "JBNTCBQ", ["GDDB"], [("4",), ("abc",)]
    )
    farm = polygons([row_box(0, 0, 50)], "YJJBNTBHTB", ["GDDB"], [("6",)])
    feedback = Recorder()
    result, _, _ = run(
        {
            "INPUT": projects([("线性基础设施", None)]),
            "FARMLAND": farm,
            "FARMLAND_RESERVE": reserve,
        },
        feedback,
    )
    assert result["RESERVE_SHORTFALL_M2"] == 0.0  # 10 000 m² available for 5 000
    assert any("1 grade values" in w for w in feedback.warnings)
