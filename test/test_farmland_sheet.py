"""review_sheet(run) of farmland_balance (issue 17 §7): the 审查意见书 content as data, one item
per balance group — tested on content (the PDF renderer is another module's)."""

from __future__ import annotations

import pytest
import shapely

from .helpers import ledger_case as case


def balance_run(params):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from lyg_nrp_plugin.processing.farmland_balance import FarmlandBalanceAlgorithm
    from lyg_nrp_plugin.processing.farmland_balance.run import compute

    alg = FarmlandBalanceAlgorithm()
    alg.initAlgorithm()
    return compute(alg, params, QgsProcessingContext(), QgsProcessingFeedback())


def grouped_case():
    """Occupied: JS-B-1 (0103, net 4000 m², grade 6) and JS-B-2 (0101, net 3000, grade 5),
    grouped by project; supplementary plots of ledger_case regrouped: plots 1–3 serve JS-B-2,
    plot 4 serves JS-B-1; a red line over plot 3."""
    occupied = case.pieces()
    plots = case.bcgd()
    plots.startEditing()
    for f, group in zip(plots.getFeatures(), ["JS-B-2", "JS-B-2", "JS-B-2", "JS-B-1"]):
        plots.changeAttributeValue(f.id(), 0, group)
    plots.commitChanges()
    red = case.memory_layer(("n:string",), [(case.b(450, 0, 600, 100), ["STBHHX"])])
    return {
        "OCCUPIED": occupied,
        "OCC_GROUP_FIELD": "project_id",
        "SUPPLEMENT": plots,
        "SUP_GROUP_FIELD": "XMBH",
        "BASE_LANDUSE": case.dltb_jq(),
        "ECO_REDLINE": red,
    }


def test_one_item_per_group_with_its_table_and_verdict(provider):
    from lyg_nrp_plugin.processing.farmland_balance.sheet import review_sheet

    sheet = review_sheet(balance_run(grouped_case()))
    # JS-B-3 is occupied too (4000 m²) and has no supplement: three groups, cover + 3 pages
    assert [i.code for i in sheet.items] == ["JS-B-1", "JS-B-2", "JS-B-3"]
    assert sheet.page_count == 4 and sheet.crs_authid == "EPSG:4549"
    assert sheet.algorithm == "farmland_balance" and "审查意见书" in sheet.title
    b1, b2, b3 = sheet.items
    # JS-B-1: occupied 4000 m² (grade 6); plot 4 new 5000 m² grade 6, 5625 kg ≥ 4500 kg
    rows = {r.label: r for r in b1.rows}
    assert rows["占用耕地面积"].area_m2 == pytest.approx(4000)
    assert rows["补充耕地（新增数量）"].area_m2 == pytest.approx(5000)
    assert rows["数量缺口"].area_m2 == 0
    assert rows["粮食产能缺口"].text == "0.000 吨"
    assert (b1.verdict, b1.verdict_zh) == ("PASS", "合规")
    # JS-B-2: occupied 3000 m² paddy (grade 5, 4.5 亩 × 800 = 3600 kg); plot 1 new 9000 m²
    # paddy; plot 2 旱改水 10 000 m² paddy; plot 3 on 林地 refused → balanced
    rows = {r.label: r for r in b2.rows}
    assert rows["补充耕地（新增数量）"].area_m2 == pytest.approx(9000)
    assert rows["补充水田（新增水田与旱改水）"].area_m2 == pytest.approx(19_000)
    assert rows["仅提质改造、旱改水面积（不计数量）"].area_m2 == pytest.approx(10_000)
    assert b2.verdict == "PASS"
    # plot 3 is in the red line and on 林地: both reasons, with the base class found
    assert any("补充地块 3" in r and "生态保护红线" in r and "0301" in r for r in b2.reasons)
    assert any("森林法" in line for line in b2.basis)  # the basis of the refused source
    assert any("13号" in line for line in b2.basis)
    # JS-B-3: 4000 m² occupied, nothing supplied: every check that has a number fails
    assert (b3.verdict, b3.verdict_zh) == ("FAIL", "不合规")
    assert any(r.startswith("耕地数量不足") and "0.4000 公顷" in r for r in b3.reasons)
    assert any(r.startswith("粮食产能不足") and "4.500 吨" in r for r in b3.reasons)


def test_geometries_are_the_groups_own(provider):
    from lyg_nrp_plugin.processing.farmland_balance.sheet import review_sheet

    sheet = review_sheet(balance_run(grouped_case()))
    b1, b2, _ = sheet.items
    # the item geometry is the group's occupied farmland: JS-B-1's piece 100 × 40
    assert b1.geometry.area == pytest.approx(4000)
    assert shapely.equals(b1.geometry, case.b(5000, 0, 5100, 40).normalize())
    # highlighted: JS-B-1's credited plot 4; JS-B-2's credited plots 1, 2 and refused plot 3
    assert sorted(round(g.area) for g in b1.highlight) == [5000]
    assert sorted(round(g.area) for g in b2.highlight) == [10_000, 10_000, 10_000]
    (red,) = sheet.layers
    assert red.name == "生态保护红线" and red.geoms[0].area == pytest.approx(150 * 100)


def test_ungrouped_run_is_one_item_and_says_newness_not_verified(provider):
    from lyg_nrp_plugin.processing.farmland_balance.sheet import review_sheet

    params = {"OCCUPIED": case.pieces(), "SUPPLEMENT": case.bcgd()}
    sheet = review_sheet(balance_run(params))
    (item,) = sheet.items
    assert item.code == "全部" and sheet.page_count == 2
    assert any("未核验" in r for r in item.reasons)
    assert dict(sheet.summary)["基期地类图层"].startswith("未提供")
