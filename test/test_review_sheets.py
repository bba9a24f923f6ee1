"""review_sheet(run) of redline_overlap and landuse_occupation: the content of the 审查意见书
(one item per project with its geometry, class, verdict, table of areas, reasons and basis,
conflict pieces; the control layers), checked on hand-worked cases — no rendering."""

from __future__ import annotations

import pytest
import shapely

from .helpers.redline_case import X0, Y0, box, polygons, projects_layer, row_box
from .helpers.runner import Recorder


def run_of(algorithm: str, params: dict):
    """Read the inputs and compute the run as the algorithm does, without writing outputs."""
    import importlib

    from qgis.core import QgsApplication, QgsProcessingContext

    alg = QgsApplication.processingRegistry().createAlgorithmById(f"lyg_nrp:{algorithm}")
    package = importlib.import_module(f"lyg_nrp_plugin.processing.{algorithm}")
    inputs = importlib.import_module(f"{package.__name__}.inputs")
    runner = importlib.import_module(f"{package.__name__}.run")
    context, feedback = QgsProcessingContext(), Recorder()
    read = inputs.read_inputs(alg, params, context, feedback)
    compute = runner.run_check if algorithm == "redline_overlap" else runner.run_occupation
    return package.review_sheet(compute(read, context, feedback))


def redline_case():
    # P0 国家重大项目: left half (5 000 m²) in the red line → REVIEW;
    # P1 一般建设项目: left 30 m (3 000 m²) in the red line and right 20 m (2 000 m²) in
    # farmland → FAIL; P2 未填写: touches nothing → PASS
    layer = projects_layer(
        [
            ("P0", "连云港港30万吨级航道", "国家重大项目", None, row_box(0, 0, 100)),
            ("P1", "东海县硅材料产业园", "一般建设项目", None, row_box(1, 0, 100)),
            ("P2", "城北学校", "", None, row_box(2, 0, 100)),
        ]
    )
    eco = polygons([row_box(0, 0, 50), row_box(1, 0, 30)], "STBHHX")
    farm = polygons([row_box(1, 80, 100)], "YJJBNTBHTB")
    return {"INPUT": layer, "ECO_REDLINE": eco, "FARMLAND": farm, "OUTPUT": "memory:"}


def test_redline_sheet_content(provider):
    sheet = run_of("redline_overlap", redline_case())
    assert sheet.algorithm == "redline_overlap" and sheet.crs_authid == "EPSG:4549"
    assert sheet.page_count == 4  # cover + three projects
    assert [i.code for i in sheet.items] == ["P1", "P0", "P2"]  # FAIL first, then REVIEW, PASS
    fail, review, ok = sheet.items
    assert (fail.name, fail.category, fail.verdict, fail.verdict_zh) == (
        "东海县硅材料产业园",
        "一般建设项目",
        "FAIL",
        "不合规",
    )
    assert (review.category, review.verdict_zh) == ("国家重大项目", "需论证")
    assert (ok.category, ok.verdict_zh) == ("一般建设项目", "合规")
    # the table: project area, then the red line and the farmland in m² (shown as 公顷 / 亩)
    table = {r.label: r.area_m2 for r in fail.rows}
    assert table["生态保护红线"] == pytest.approx(3000)
    assert table["永久基本农田"] == pytest.approx(2000)
    assert list(table.values())[0] == pytest.approx(10_000)
    assert fail.area_m2 == pytest.approx(10_000)
    assert fail.geometry.equals(shapely.box(X0 + 300, Y0, X0 + 400, Y0 + 100))
    # one reason per conflict with its basis, plus the note of the unknown class for P2
    assert fail.reasons == [
        "一般建设项目占用生态保护红线 0.30 公顷（4.50 亩），生态保护红线内禁止开发性、生产性"
        "建设活动，须调整选址避让",
        "一般建设项目占用永久基本农田 0.20 公顷（3.00 亩），不属可占用永久基本农田的重大建设"
        "项目，须调整选址避让",
    ]
    assert any("142号" in b for b in fail.basis) and any("第三十五条" in b for b in fail.basis)
    assert review.reasons == [
        "国家重大项目占用生态保护红线 0.50 公顷（7.50 亩），须开展不可避让论证并按规定报批"
    ]
    assert ok.reasons == ["未占用所检查的管控区", "项目类别未填写，按一般建设项目审查"]
    assert ok.basis == [] and ok.highlight == []
    # the conflict pieces are the highlight: 3 000 + 2 000 m² inside the project
    assert sorted(g.area for g in fail.highlight) == pytest.approx([2000, 3000])
    assert all(fail.geometry.buffer(1e-6).contains(g) for g in fail.highlight)
    # the control layers under the items, named as the rules name them
    layers = {layer.name: layer for layer in sheet.layers}
    assert set(layers) == {"生态保护红线", "永久基本农田"}
    assert len(layers["生态保护红线"].geoms) == 2 and "color" in layers["生态保护红线"].style
    summary = dict(sheet.summary)
    assert (summary["不合规"], summary["需论证"], summary["合规"]) == ("1", "1", "1")


def test_landuse_sheet_content(provider):
    from qgis.PyQt.QtCore import QVariant

    from .helpers.layers import make_layer

    # P1: 100 × 100 m of 0101 (KCXS 0.1: net 9 000), 50 × 100 m of 1201 空闲地 (5 000)
    parcels = make_layer(
        "Polygon",
        "EPSG:4549",
        [("DLBM", QVariant.String), ("KCXS", QVariant.Double)],
        [(("0101", 0.1), box(0, 0, 100, 100)), (("1201", None), box(100, 0, 150, 100))],
        "DLTB",
    )
    layer = projects_layer(
        [
            ("P1", "灌南县食品产业园", None, None, box(0, 0, 150, 100)),
            ("P2", "海上风电登陆点", None, None, box(1000, 0, 1100, 100)),
        ]
    )
    sheet = run_of("landuse_occupation", {"INPUT": layer, "LANDUSE": parcels, "OUTPUT": "memory:"})
    assert sheet.algorithm == "landuse_occupation" and sheet.page_count == 3
    item = next(i for i in sheet.items if i.code == "P1")
    assert (item.name, item.verdict, item.verdict_zh) == ("灌南县食品产业园", "REVIEW", "需论证")
    table = {r.label: r.area_m2 for r in item.rows}
    assert table["农用地"] == pytest.approx(9000) and table["其中：耕地"] == pytest.approx(9000)
    assert table["其中：水田"] == pytest.approx(9000) and table["建设用地"] == pytest.approx(5000)
    assert table["合计（净面积）"] == pytest.approx(14_000)
    assert "耕地中：永久基本农田" not in table  # no farmland layer given
    assert item.area_m2 == pytest.approx(15_000)  # gross
    assert item.reasons[0].startswith("占用耕地 0.90 公顷（13.50 亩）（其中水田 0.90 公顷")
    assert "须落实耕地占补平衡" in item.reasons[0] and "须办理农用地转用审批" in item.reasons[1]
    assert any("第三十条" in b for b in item.basis) and any("第四十四条" in b for b in item.basis)
    assert sum(g.area for g in item.highlight) == pytest.approx(10_000)  # the 耕地 piece (gross)
    other = next(i for i in sheet.items if i.code == "P2")
    assert (other.verdict_zh, other.reasons) == ("合规", ["未占用耕地和其他农用地"])
    assert {layer.name for layer in sheet.layers} == {"耕地", "其他土地"}  # 0101, 1201
