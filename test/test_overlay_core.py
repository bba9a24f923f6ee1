"""core.overlay, core.redline_rules and core.occupation on hand-worked cases (no qgis)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from lyg_nrp_plugin.core import overlay, redline, redline_zones
from lyg_nrp_plugin.core.occupation import net_from_kcxs, net_from_official, occupation
from lyg_nrp_plugin.core.progress import Canceled, Progress
from lyg_nrp_plugin.core.redline_rules import (
    CONTROLS,
    RuleFileError,
    default_rules_path,
    evaluate,
    load_rules,
    parse_rules,
)


def test_touching_gives_no_piece_and_overlaps_count_once():
    projects = np.array([shapely.box(0, 0, 10, 10), shapely.box(20, 0, 30, 10)])
    controls = np.array(
        [
            shapely.box(10, 0, 20, 10),  # touches both projects only
            shapely.box(5, 5, 15, 15),
            shapely.box(8, 0, 12, 8),
        ]
    )  # overlap
    pieces = overlay.intersect_pairs(projects, controls)
    assert set(zip(pieces.left.tolist(), pieces.right.tolist())) == {(0, 1), (0, 2)}
    got = overlay.overlap_per_project(projects, controls)
    # project 0 ∩ (c1 ∪ c2) = 5·5 + 2·8 − overlap [8,10]×[5,8] = 25 + 16 − 6 = 35
    assert shapely.area(got).tolist() == pytest.approx([35.0, 0.0])
    assert got[1].is_empty


def test_outside_and_holes():
    ring = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(2, 2), (8, 2), (8, 8), (2, 8)]])
    projects = np.array([ring, shapely.box(20, 20, 30, 30)])
    boundary = np.array([shapely.box(0, 0, 5, 10)])
    out = overlay.outside_per_project(projects, boundary)
    # ring area 64; inside x<5: 5·10 − 3·6 = 32; outside 32; second project wholly outside
    assert shapely.area(out).tolist() == pytest.approx([32.0, 100.0])


def test_lines_inside_dissolved_and_on_boundary():
    projects = np.array([shapely.box(0, 0, 10, 10)])
    lines = np.array(
        [
            shapely.LineString([(-5, 5), (15, 5)]),
            shapely.LineString([(0, 5), (10, 5)]),  # duplicate of the part inside
            shapely.LineString([(0, 0), (0, 4)]),  # on the boundary: counts
            shapely.LineString([(20, 0), (20, 10)]),
        ]
    )
    inside = overlay.lines_inside_per_project(projects, lines)
    assert shapely.length(inside).tolist() == pytest.approx([14.0])


def test_collection_results_keep_only_areas():
    # a project that overlaps one square and touches another along an edge in one pair
    control = shapely.MultiPolygon([shapely.box(0, 0, 5, 5), shapely.box(10, 0, 15, 5)])
    pieces = overlay.intersect_pairs(np.array([shapely.box(3, 0, 10, 5)]), np.array([control]))
    assert len(pieces) == 1
    assert pieces.geoms[0].geom_type in ("Polygon", "MultiPolygon")
    assert pieces.geoms[0].area == pytest.approx(10.0)


def test_empty_inputs():
    none = np.array([], dtype=object)
    assert len(overlay.intersect_pairs(none, np.array([shapely.box(0, 0, 1, 1)]))) == 0
    out = overlay.overlap_per_project(
        np.array([shapely.box(0, 0, 1, 1)]), np.array([], dtype=object)
    )
    assert out[0].is_empty
    assert (
        overlay.outside_per_project(
            np.array([shapely.box(0, 0, 1, 1)]), np.array([], dtype=object)
        )[0].area
        == 1.0
    )


def test_default_rules_and_hand_worked_verdicts():
    rules = load_rules(default_rules_path())
    assert rules["eco"].level == "FAIL" and rules["pa_core"].level == "FAIL"
    assert rules["marine"].level == "FAIL" and rules["farm"].level == "FAIL"
    for control in ("coast", "udb_out", "eco_space", "marine_limit"):
        assert rules[control].level == "REVIEW"
    v = evaluate({"eco": 12_300.0, "udb_out": 5_000.0, "farm": 0.0, "pa": None}, rules, 1.0)
    assert v.verdict == "FAIL" and v.verdict_zh == "不合规"
    # 12 300 m² = 1.23 ha = 18.45 亩; 5 000 m² = 0.50 ha = 7.50 亩; a general project
    assert v.reasons == (
        "一般建设项目占用生态保护红线 1.23 公顷（18.45 亩），生态保护红线内禁止开发性、"
        "生产性建设活动，须调整选址避让；一般建设项目位于城镇开发边界外 0.50 公顷（7.50 亩），"
        "城镇开发边界外不得进行城镇集中建设，须论证选址必要性并符合国土空间规划"
    )
    assert v.levels == {"eco": "FAIL", "udb_out": "REVIEW"}
    assert len(v.basis) == 2 and "142号" in v.basis[0]
    v = evaluate({"farm": 0.4, "coast": 12.0}, rules, 1.0)
    assert v.verdict == "REVIEW" and v.conflicts == ("coast",) and v.slivers == ("farm",)
    assert "碎屑" in v.reasons and "12.0 米" in v.reasons
    note = "项目类别未填写，按一般建设项目审查"
    v = evaluate({"eco": 0.0, "farm": None}, rules, 1.0, notes=(note,))
    assert (v.verdict, v.verdict_zh) == ("PASS", "合规")
    assert v.reasons == "未占用所检查的管控区；" + note
    # the wording: 2.10 ha of red line for a major national project
    v = evaluate({"eco": 21_000.0}, rules, 1.0, project_class="major_national")
    assert v.verdict == "REVIEW"
    assert v.reasons == (
        "国家重大项目占用生态保护红线 2.10 公顷（31.50 亩），须开展不可避让论证并按规定报批"
    )


HEADER = "control,class,level,name_zh,name_en,rule_zh,rule_en,reason_zh,reason_en"


def test_rule_file_errors(tmp_path):
    text = default_rules_path().read_text(encoding="utf-8")
    with pytest.raises(RuleFileError, match="level 'NO'"):
        parse_rules(text.replace("\neco,*,FAIL,", "\neco,*,NO,"), "x.csv")
    with pytest.raises(RuleFileError, match="no rule for control"):
        parse_rules(
            "\n".join(line for line in text.splitlines() if not line.startswith("marine,")), "x.csv"
        )
    with pytest.raises(RuleFileError, match="row 3: unknown control 'foo'"):
        parse_rules(HEADER + "\neco,*,FAIL,a,b,c,d,e,f\nfoo,*,FAIL,a,b,c,d,e,f\n", "x.csv")
    with pytest.raises(RuleFileError, match="unknown project class 'civil'"):
        parse_rules(HEADER + "\neco,civil,FAIL,a,b,c,d,e,f\n", "x.csv")
    with pytest.raises(RuleFileError, match="no default row .* eco"):
        parse_rules(HEADER + "\neco,general,FAIL,a,b,c,d,e,f\n", "x.csv")
    with pytest.raises(RuleFileError, match="given twice"):
        parse_rules(HEADER + "\neco,*,FAIL,a,b,c,d,e,f\neco,*,PASS,a,b,c,d,e,f\n", "x.csv")
    with pytest.raises(RuleFileError, match="missing column"):
        parse_rules("control,level\neco,FAIL\n", "x.csv")
    with pytest.raises(RuleFileError):
        load_rules(tmp_path / "missing.csv")


def dump(rules) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*HEADER.split(","), "basis", "judgement"])
    for r in rules.rows():
        writer.writerow(
            [r.control, r.project_class, r.level, r.name_zh, r.name_en, r.rule_zh, r.rule_en]
            + [r.reason_zh, r.reason_en, r.basis, "yes" if r.judgement else ""]
        )
    return out.getvalue()


def test_default_rule_file_round_trips_and_names_its_judgements():
    rules = load_rules(default_rules_path())
    assert set(rules.order) == set(CONTROLS)
    again = parse_rules(dump(rules), "again.csv")
    assert again.rules.keys() == rules.rules.keys()
    for key, rule in rules.rules.items():
        other = again.rules[key]
        assert (other.level, other.reason_zh, other.basis, other.judgement) == (
            rule.level,
            rule.reason_zh,
            rule.basis,
            rule.judgement,
        )
    for rule in rules.rows():
        assert rule.basis, rule  # every row names its source
        assert "{amount}" in rule.reason_zh and "{class}" in rule.reason_zh, rule
        assert ("判断" in rule.basis) == rule.judgement, rule  # a judgement says so
    assert {(r.control, r.project_class) for r in rules.rows() if r.judgement} == {
        ("pa", "*"),
        ("udb_out", "*"),
        ("farm", "major_provincial"),
    }


def test_office_rule_file_replaces_only_its_controls_and_old_layout_works(tmp_path):
    base = load_rules(default_rules_path())
    # the old layout (no class column), GBK as Excel saves it: farm becomes REVIEW for all
    old = "control,level,name_zh,name_en,rule_zh,rule_en,reason_zh,reason_en\n"
    old += "farm,REVIEW,永久基本农田,farmland,须论证,needs review,占用永久基本农田 {amount},x\n"
    path = tmp_path / "office.csv"
    path.write_bytes(old.encode("gbk"))
    rules = load_rules(path, base=base)
    assert rules.rule("farm", "general").level == "REVIEW"  # the office's * row for every class
    assert rules.rule("farm", "major_provincial").source == str(path)
    assert rules.rule("eco", "general") == base.rule("eco", "general")  # untouched control
    v = evaluate({"farm": 6_666.67}, rules, 1.0)
    assert v.reasons == "占用永久基本农田 0.67 公顷（10.00 亩）"


def test_occupation_hand_worked():
    # project 0: 1000 m² of 0101 with KCXS 0.1 (grade 5), 500 m² of 0103 with KCXS 0.08
    #            (grade 8), 200 m² of 1109, 100 m² of an unknown code; project 1: 300 m² 0603
    #            and 50 m² of 1201 空闲地
    gross = np.array([1000.0, 500.0, 200.0, 100.0, 300.0, 50.0])
    net = net_from_kcxs(gross, np.array([0.1, 0.08, 0, 0, 0, 0]))
    assert net.tolist() == pytest.approx([900, 460, 200, 100, 300, 50])
    result = occupation(
        [0, 0, 0, 0, 1, 1],
        ["0101", "103", "1109", "ZZ", "0603", "1201"],
        gross,
        2,
        net,
        grades=["5", 8, None, None, None, None],
    )
    assert result.unknown_codes == {"ZZ": 1}
    s0, s1 = result.summary[0], result.summary[1]
    assert s0["farm_m2"] == pytest.approx(900 + 460) and s0["gd_m2"] == s0["farm_m2"]
    assert s0["paddy_m2"] == pytest.approx(900)
    assert s0["farm_grade"] == pytest.approx((900 * 5 + 460 * 8) / 1360)
    assert s0["water_m2"] == pytest.approx(200) and s0["built_m2"] == pytest.approx(200)
    assert s0["unknown_m2"] == pytest.approx(100) and s0["total_m2"] == pytest.approx(1660)
    assert s0["gross_m2"] == pytest.approx(1800)
    # 三大类: 耕地 → 农用地, 1109 → 建设用地, the unknown code in none of them
    assert (s0["nyd_m2"], s0["jsyd_m2"], s0["wlyd_m2"]) == pytest.approx((1360, 200, 0))
    assert s0["gd_jbnt_m2"] is None and s0["gd_yb_m2"] is None  # no farmland layer
    # 0603 盐田 and 1201 空闲地 are 建设用地
    assert s1["built_m2"] == pytest.approx(350) and s1["jsyd_m2"] == pytest.approx(350)
    assert s1["wetland_m2"] == 0.0 and s1["farm_grade"] is None
    rows = {(r.project, r.dlbm): r for r in result.rows}
    assert rows[(0, "0103")].class_zh == "耕地" and rows[(0, "0103")].net_m2 == pytest.approx(460)
    assert rows[(0, "ZZ")].class_zh == "未知"
    assert rows[(1, "0603")].class_zh == "工矿"
    with_salt = occupation([0], ["0603"], [300.0], 1, include_saltpans=True)
    assert with_salt.summary[0]["wetland_m2"] == pytest.approx(300)


def test_occupation_farmland_split_and_bad_grades():
    # two 耕地 pieces of 1 000 m² net, 400 m² and 0 m² of it in 永久基本农田; a grade 'abc'
    result = occupation(
        [0, 0, 0],
        ["0101", "0102", "0301"],
        [1000.0, 1000.0, 500.0],
        1,
        grades=["abc", "6", None],
        in_farmland_m2=np.array([400.0, 0.0, 500.0]),  # forest inside farmland is not 耕地
    )
    s = result.summary[0]
    assert (s["gd_m2"], s["gd_jbnt_m2"], s["gd_yb_m2"]) == pytest.approx((2000, 400, 1600))
    assert result.bad_grades == [0] and s["farm_grade"] == pytest.approx(6.0)


def test_net_from_official_shares_tbdlmj_and_falls_back():
    # a 1 000 m² parcel with TBDLMJ 900: a 250 m² piece of it gets 225; NaN keeps the fallback
    got = net_from_official(
        np.array([250.0, 100.0, 50.0]),
        np.array([1000.0, 400.0, 0.0]),
        np.array([900.0, np.nan, 10.0]),
        np.array([240.0, 95.0, 50.0]),
    )
    assert got.tolist() == pytest.approx([225.0, 95.0, 50.0])


def test_dissolve_polygons_coverage_and_overlap():
    # a 4×4 grid of 10 m squares clipped by a rotated square: the coverage path merges them
    grid = np.array(
        [shapely.box(x, y, x + 10, y + 10) for x in range(0, 40, 10) for y in range(0, 40, 10)]
    )
    project = shapely.Polygon([(20, 2), (38, 20), (20, 38), (2, 20)])
    pieces = overlay.intersect_pairs(np.array([project]), grid)
    merged = overlay.dissolve_polygons(pieces.geoms)
    assert merged.is_valid and merged.geom_type == "Polygon"  # one piece, no inner edges
    assert merged.area == pytest.approx(project.area, rel=1e-12)  # 18·18·2 = 648
    assert project.area == pytest.approx(648.0)
    # overlapping parts: GEOS refuses the coverage union, the general union is used
    overlapping = np.array([shapely.box(0, 0, 10, 10), shapely.box(5, 0, 15, 10)])
    assert overlay.dissolve_polygons(overlapping).area == pytest.approx(150.0)


class _Feedback:
    """Stands in for a QgsProcessingFeedback: cancels after ``after`` progress reports."""

    def __init__(self, after: int = 0):
        self.after = after
        self.reported: list[float] = []

    def isCanceled(self) -> bool:  # noqa: N802
        return len(self.reported) >= self.after

    def setProgress(self, percent: float) -> None:  # noqa: N802
        self.reported.append(percent)


def test_overlay_raises_canceled_never_a_partial_result():
    projects = np.array([shapely.box(0, 0, 10, 10), shapely.box(20, 0, 30, 10)])
    controls = np.array([shapely.box(5, 5, 15, 15), shapely.box(8, 0, 12, 8)])
    for call in (
        lambda p: overlay.intersect_pairs(projects, controls, progress=p),
        lambda p: overlay.overlap_per_project(projects, controls, progress=p),
        lambda p: overlay.outside_per_project(projects, controls, progress=p),
        lambda p: overlay.lines_inside_per_project(
            projects, shapely.boundary(controls), progress=p
        ),
        lambda p: redline.control_overlaps(projects, {"eco": redline.Layer(controls)}, progress=p),
    ):
        with pytest.raises(Canceled):
            call(Progress(_Feedback(after=0)))
    # not canceled: the same pieces as without a progress, reported within its slice
    feedback = _Feedback(after=10**6)
    got = overlay.overlap_per_project(projects, controls, progress=Progress(feedback, 40, 80))
    assert shapely.area(got).tolist() == pytest.approx([35.0, 0.0])
    assert feedback.reported and all(40 <= v <= 80 for v in feedback.reported)


def test_redline_check_hand_worked():
    rules = load_rules(default_rules_path())
    projects = np.array([shapely.box(0, 0, 10, 10), shapely.box(20, 0, 30, 10)])
    pa = np.array([shapely.box(0, 0, 4, 10), shapely.box(3, 0, 10, 10)])
    zones = redline_zones.pa_zones(["核心保护区", "一般控制区"], 2)
    layers = {"pa": redline.Layer(pa, zones), "udb": redline.Layer(pa)}
    overlaps = redline.control_overlaps(projects, layers)
    amounts = redline.control_amounts(overlaps, shapely.area, shapely.length)
    # core 0–4 keeps the 3–4 overlap: general = 4–10
    assert amounts["pa_core"].tolist() == pytest.approx([40.0, 0.0])
    assert amounts["pa"].tolist() == pytest.approx([60.0, 0.0])
    assert amounts["udb_out"].tolist() == pytest.approx([0.0, 100.0])
    assert amounts["eco"] is None
    classes = ["major_national", "general"]
    verdicts = redline.verdicts(amounts, rules, 1.0, classes, np.zeros(2, bool), [(), ()])
    assert [v.verdict for v in verdicts] == ["FAIL", "REVIEW"]  # core zone: FAIL for all
    assert verdicts[0].levels == {"pa_core": "FAIL", "pa": "REVIEW"}
    assert redline.verdict_counts(verdicts) == {"FAIL": 1, "REVIEW": 1, "PASS": 0}
    rows, geoms = redline.conflict_pieces(
        overlaps, amounts, verdicts, rules, classes, np.zeros(2, bool)
    )
    # in the order of the piece keys, then of the projects
    assert [(r[0], r[1], r[3]) for r in rows] == [
        (1, "udb_out", "REVIEW"),
        (0, "pa_core", "FAIL"),
        (0, "pa", "REVIEW"),
    ]
    assert [g.area for g in geoms] == pytest.approx([100.0, 40.0, 60.0])
    assert redline_zones.value_mask([" 自然岸线", None, "人工岸线"], "自然岸线").tolist() == [
        True,
        False,
        False,
    ]


def test_overlap_area_per_project_equals_the_area_of_the_union():
    """Σ of the pieces where a project's pieces only touch, the union's area where they
    overlap: against project ∩ union_all(controls) for each project."""
    import numpy as np
    import shapely

    from lyg_nrp_plugin.core.overlay import overlap_area_per_project

    rng = np.random.default_rng(7)
    grid = [shapely.box(x, y, x + 10, y + 10) for x in range(0, 100, 10) for y in range(0, 100, 10)]
    blobs = [shapely.Point(rng.uniform(0, 100, 2)).buffer(rng.uniform(3, 12)) for _ in range(12)]
    controls = np.array(grid[::3] + blobs, dtype=object)  # a coverage plus overlapping blobs
    projects = np.array(
        [shapely.box(*xy, *(xy + rng.uniform(5, 40, 2))) for xy in rng.uniform(0, 90, (40, 2))]
        + [shapely.box(200, 200, 210, 210)],  # touches nothing
        dtype=object,
    )
    union = shapely.union_all(controls)
    expected = shapely.area(shapely.intersection(projects, union))
    got = overlap_area_per_project(projects, controls, shapely.area)
    assert np.allclose(got, expected, rtol=1e-9, atol=1e-9)
    assert got[-1] == 0.0 and (got > 0).sum() > 30
    # a pure coverage (no overlaps): the sums, again equal to the union's area
    coverage = np.array(grid, dtype=object)
    expected = shapely.area(shapely.intersection(projects, shapely.union_all(coverage)))
    assert np.allclose(overlap_area_per_project(projects, coverage, shapely.area), expected)


@pytest.mark.parametrize("refused", [False, True])
def test_dissolve_groups_vectorised_equals_the_union_of_each_group(monkeypatch, refused):
    """Coverage groups, overlapping groups and single pieces in one call: each result valid
    and with the area of ``union_all`` of its group; a collection result keeps its areas."""
    rng = np.random.default_rng(3)
    geoms, index = [], []
    for g in range(60):
        x0 = 100.0 * g
        if g % 3 == 0:  # a coverage: 3 × 3 cells
            cells = [shapely.box(x0 + i, j, x0 + i + 1, j + 1) for i in range(3) for j in range(3)]
        elif g % 3 == 1:  # overlapping discs
            cells = [shapely.Point(x0 + rng.uniform(0, 5), rng.uniform(0, 5)).buffer(2)
                     for _ in range(4)]  # fmt: skip
        else:
            cells = [shapely.box(x0, 0, x0 + 2, 2)]
        geoms += cells
        index += [g] * len(cells)
    index = np.array(index)
    geoms = np.array(geoms, dtype=object)
    if refused:  # GEOS refuses every vectorised call: each group is dissolved on its own

        def refuse(collections):
            raise shapely.errors.GEOSException("CoverageUnion cannot process")

        monkeypatch.setattr(shapely.lib, "coverage_union", refuse)
    out = overlay.dissolve_groups(index[::-1], geoms[::-1], 61)  # any order of the pieces
    expected = [shapely.union_all(geoms[index == g]).area for g in range(60)]
    assert shapely.area(out[:60]) == pytest.approx(expected, rel=1e-12)
    assert shapely.is_valid(out).all() and out[60].is_empty
    # an overlay result that is a collection: its polygons kept, the touching line dropped
    collection = shapely.GeometryCollection(
        [shapely.box(0, 0, 1, 1), shapely.box(3, 0, 4, 1), shapely.LineString([(1, 0), (3, 0)])]
    )
    kept, ok = overlay.keep_dimension(np.array([collection, collection.geoms[0]]), 2)
    assert ok.all() and kept[0].geom_type == "MultiPolygon" and kept[0].area == 2.0
    assert kept[1].geom_type == "Polygon"
