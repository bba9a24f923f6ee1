"""The check-results dock: sorting (strictest first), names, tooltips, grade chips, what a
click selects (a project, a balance group's pieces and plots, a corridor), the width it opens
at, and the 审查意见书 it prints (导出PDF) — with real widgets and a fake iface."""

from __future__ import annotations

import shutil
import time

import pytest
import shapely
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import Qt, QVariant

from lyg_nrp_plugin import results_bus
from lyg_nrp_plugin.core import labels
from lyg_nrp_plugin.gui import results_table
from lyg_nrp_plugin.gui.results_dock import ResultsDock

from .fake_iface import FakeIface
from .helpers.layers import make_layer
from .helpers.sheet_case import X0, Y0, flat, pdf_pages, pdf_text, square

CRS = "EPSG:4549"


class CanvasIface(FakeIface):
    def __init__(self):
        super().__init__()
        self._canvas = QgsMapCanvas(self._main_window)
        self._canvas.resize(400, 300)
        self._canvas.setDestinationCrs(QgsCoordinateReferenceSystem(CRS))

    def mapCanvas(self):  # noqa: N802
        return self._canvas


def row(item_id, label, verdict, verdict_zh="", area=None, **kw):
    return results_bus.ResultRow(item_id, label, verdict, verdict_zh, area, **kw)


@pytest.fixture()
def dock(provider):
    results_bus._latest.clear()  # other tests' runs published too
    QgsProject.instance().clear()
    iface = CanvasIface()
    widget = ResultsDock(iface.mainWindow(), iface)
    yield widget
    widget.teardown()
    QgsProject.instance().clear()
    results_bus._latest.clear()


def publish(result):
    results_bus.publish(result)
    QgsApplication.processEvents()


def column(dock, index):
    return [r[index] for r in dock.state()["rows"]]


def test_rows_sort_strictest_first_and_by_any_column(dock):
    publish(
        results_bus.CheckResult(
            "redline_overlap",
            "红线冲突检测",
            {"PASS": 1, "FAIL": 2, "REVIEW": 1},
            [
                row("P10", "P10", "PASS", area=900.0),
                row("P2", "港区道路", "FAIL", area=10_000.0),
                row("P1", "P1", "REVIEW", area=50.0),
                row("P3", "污水厂", "FAIL"),
            ],
        )
    )
    assert column(dock, 0) == [
        "P2",
        "P3",
        "P1",
        "P10",
    ]  # FAIL, FAIL (published order), REVIEW, PASS
    dock.table.sortItems(results_table.COL_ID, Qt.AscendingOrder)
    assert column(dock, 0) == ["P1", "P2", "P3", "P10"]  # naturally: P10 last
    dock.table.sortItems(results_table.COL_HA, Qt.AscendingOrder)
    assert column(dock, 0) == ["P1", "P10", "P2", "P3"]  # 50, 900, 10 000 m², no area last
    dock.table.sortItems(results_table.COL_VERDICT, Qt.DescendingOrder)
    assert column(dock, 0)[0] == "P10"  # PASS first when reversed
    # the clicked line is the displayed one, whatever the order
    assert [r.item_id for r in dock.displayed_rows()] == column(dock, 0)


def test_name_column_shows_the_name_not_the_id_again_and_tooltips_hold_the_reasons(dock):
    publish(
        results_bus.CheckResult(
            "redline_overlap",
            "红线冲突检测",
            {"FAIL": 1, "PASS": 1},
            [
                row(
                    "JSXM-001",
                    "徐圩港区疏港道路工程",
                    "FAIL",
                    details="生态保护红线 1.2000 公顷；永久基本农田 0.3000 公顷；" + "很长" * 80,
                    reasons=["占用生态保护红线 1.2000 公顷", "占用永久基本农田 0.3000 公顷"],
                    basis=["自然资发〔2022〕142号 第二条", "自然资规〔2019〕1号"],
                ),
                row("JSXM-002", "JSXM-002", "PASS", details="未占用所检查的管控区"),
            ],
        )
    )
    state = dock.state()
    assert column(dock, 1) == ["徐圩港区疏港道路工程", ""]  # 名称 no longer repeats 编号
    first, second = state["tooltips"]
    assert "占用永久基本农田 0.3000 公顷" in first and "自然资规〔2019〕1号" in first
    assert second == "未占用所检查的管控区"  # no reasons list: the details


def test_grade_chips_in_chinese_in_grade_order_with_colours(dock, monkeypatch):
    monkeypatch.setattr(results_table, "is_chinese", lambda: True)
    publish(
        results_bus.CheckResult(
            "corridor_assessment",
            "廊道管控评估",
            {"good": 2, "poor": 1, "excellent": 1, "fair": 1},
            [
                row("C1", "蔷薇河-临洪河廊道", "good", "良", 1e6),
                row("C2", "云台山生态脉", "poor", "差", 2e6),
                row("C3", "沿海生态带", "excellent", "优", 3e6),
                row("C4", "新沂河廊道", "fair", "中", 4e6),
                row("C5", "灌河廊道", "good", "良", 5e6),
            ],
        )
    )
    chips = dock.state()["chips"]
    positions = [chips.index(f"{g}: <b>") for g in labels.GRADE_ORDER]
    assert positions == sorted(positions)  # 优, 良, 中, 差
    assert "excellent" not in chips and "良: <b>2</b>" in chips
    for grade in labels.GRADE_ORDER:
        assert labels.COLOURS[grade] in chips
    assert column(dock, 2) == ["差", "中", "良", "良", "优"]  # rows: the worst first
    verdict_cell = dock.table.item(0, results_table.COL_VERDICT)
    assert verdict_cell.background().color().name() == labels.COLOURS["差"]


def test_verdict_chips_fail_first(dock, monkeypatch):
    monkeypatch.setattr(results_table, "is_chinese", lambda: True)
    publish(
        results_bus.CheckResult(
            "redline_overlap", "红线", {"PASS": 3, "FAIL": 1, "REVIEW": 2}, [row("a", "a", "PASS")]
        )
    )
    chips = dock.state()["chips"]
    assert chips.index("不合规") < chips.index("需论证") < chips.index("合规: <b>3")


@pytest.fixture()
def balance_layers():
    """Occupied pieces and supplementary plots of two balance groups (group A: pieces 1, 2
    and plot 1; group B: piece 3) and a table without geometry as the balance sheet."""
    pieces = make_layer(
        "MultiPolygon",
        CRS,
        [("grp", QVariant.String)],
        [(("A",), square(0, 0, 100)), (("A",), square(200, 0, 50)), (("B",), square(5000, 0, 30))],
        "occupied_pieces",
    )
    plots = make_layer(
        "MultiPolygon", CRS, [("grp", QVariant.String)], [(("A",), square(0, 400, 120))], "plots"
    )
    sheet = make_layer(
        "None", CRS, [("grp", QVariant.String)], [(("A",), None), (("B",), None)], "balance"
    )
    QgsProject.instance().addMapLayers([pieces, plots, sheet])
    ids = {lyr.name(): [f.id() for f in lyr.getFeatures()] for lyr in (pieces, plots, sheet)}
    return pieces, plots, sheet, ids


def test_clicking_a_balance_group_selects_its_pieces_and_plots(dock, balance_layers):
    pieces, plots, sheet, ids = balance_layers
    p = ids["occupied_pieces"]
    publish(
        results_bus.CheckResult(
            "farmland_balance",
            "耕地占补平衡核验",
            {"FAIL": 1, "PASS": 1},
            [
                row(
                    "A",
                    "海州区",
                    "FAIL",
                    area=12_500.0,
                    selections=[(pieces.id(), p[:2]), (plots.source(), ids["plots"])],
                ),
                row("B", "灌云县", "PASS", area=900.0, selections=[(pieces.id(), [p[2]])]),
            ],
            output_ref=sheet.id(),
        )
    )
    assert dock.select_row(0)  # group A (FAIL first)
    assert sorted(pieces.selectedFeatureIds()) == sorted(p[:2])
    assert plots.selectedFeatureIds() == ids["plots"]
    extent = dock.iface.mapCanvas().extent()
    # the pieces and the plot span x 0…250, y 0…520 (from X0, Y0): all in view
    assert extent.xMinimum() <= X0 and extent.xMaximum() >= X0 + 250
    assert extent.yMinimum() <= Y0 and extent.yMaximum() >= Y0 + 520
    assert dock.select_row(1)  # group B: its piece only, group A's plot is no longer selected
    assert pieces.selectedFeatureIds() == [p[2]] and plots.selectedFeatureIds() == []


def test_clicking_a_corridor_selects_it(dock):
    corridors = make_layer(
        "MultiPolygon",
        CRS,
        [("name", QVariant.String)],
        [(("蔷薇河",), square(0, 0, 2000)), (("新沂河",), square(0, 5000, 2000))],
        "corridors",
    )
    QgsProject.instance().addMapLayer(corridors)
    fids = [f.id() for f in corridors.getFeatures()]
    publish(
        results_bus.CheckResult(
            "corridor_assessment",
            "廊道",
            {"good": 1, "poor": 1},
            [
                row("C1", "蔷薇河", "good", "良", feature_id=fids[0]),
                row("C2", "新沂河", "poor", "差", selections=[(corridors.id(), [fids[1]])]),
            ],
            output_ref=corridors.source(),
        )
    )
    assert dock.select_row(0)  # 差 first: 新沂河, by its selections
    assert corridors.selectedFeatureIds() == [fids[1]]
    assert dock.select_row(1)  # 良: 蔷薇河, by its feature id in the output layer
    assert corridors.selectedFeatureIds() == [fids[0]]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_export_pdf_prints_the_displayed_rows(dock, balance_layers, tmp_path):
    pieces, plots, sheet, ids = balance_layers
    redline = make_layer(
        "MultiPolygon",
        CRS,
        [("MC", QVariant.String)],
        [(("云台山",), shapely.box(X0 - 50, Y0 - 50, X0 + 60, Y0 + 60))],
        "生态保护红线",
    )
    QgsProject.instance().addMapLayer(redline)
    p = ids["occupied_pieces"]
    publish(
        results_bus.CheckResult(
            "farmland_balance",
            "耕地占补平衡核验",
            {"FAIL": 1, "PASS": 1},
            [
                row("B", "灌云县", "PASS", area=900.0, selections=[(pieces.id(), [p[2]])]),
                row(
                    "A",
                    "海州区",
                    "FAIL",
                    area=12_500.0,
                    details="数量缺口 0.0500 公顷；水田缺口 0.0100 公顷",
                    selections=[(pieces.id(), p[:2])],
                ),
            ],
            output_ref=sheet.id(),
        )
    )
    path = dock.export_pdf(str(tmp_path / "balance.pdf"))
    assert path and pdf_pages(tmp_path / "balance.pdf") == 3
    first = flat(pdf_text(tmp_path / "balance.pdf", 2))  # the FAIL group first, as displayed
    assert "海州区" in first and "耕地占补平衡核验意见书" in first and "不合规" in first
    # its pieces: 100 × 100 + 50 × 50 = 12 500 m² = 1.2500 公顷 = 18.75 亩 (at the central
    # meridian the ellipsoidal area equals the plane one to well below 0.00005 公顷)
    assert "occupied_pieces1.250018.75" in first
    assert "数量缺口0.0500公顷" in first and "水田缺口0.0100公顷" in first
    assert "生态保护红线" in first  # the layer on the map near group A is drawn and named
    assert "灌云县" in flat(pdf_text(tmp_path / "balance.pdf", 3))
    assert ("success", "Check results") == dock.iface.messageBar().messages[-1][:2]


def test_docks_open_at_a_usable_width(qgis_processing):
    import lyg_nrp_plugin

    iface = FakeIface()
    window = iface.mainWindow()
    window.resize(1600, 1000)
    window.show()
    plugin = lyg_nrp_plugin.classFactory(iface)
    plugin.initGui()
    try:
        dock = plugin.dock(ResultsDock.OBJECT_NAME)
        dock.show()
        for _ in range(5):
            QgsApplication.processEvents()
        assert dock.width() >= ResultsDock.PREFERRED_WIDTH - 10
        buttons = (dock.report_button, dock.pdf_button)
        assert all(b.isVisible() and b.width() >= b.minimumSizeHint().width() for b in buttons)
    finally:
        plugin.unload()
        window.close()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_export_pdf_of_a_project_result_names_projects_and_controls(dock, tmp_path):
    fields = [("XMBH", QVariant.String), ("XMMC", QVariant.String), ("XMFL", QVariant.String)]
    output = make_layer(
        "MultiPolygon",
        CRS,
        fields,
        [(("P1", "港区疏港道路", "交通运输"), square(0, 0, 200))],
        "红线冲突检测结果",
    )
    projects = make_layer(
        "MultiPolygon", CRS, fields, [(("P1", "x", "y"), square(0, 0, 200))], "JSXM"
    )
    redline = make_layer("MultiPolygon", CRS, [], [((), square(-100, -100, 150))], "STBHHX")
    QgsProject.instance().addMapLayers([output, projects, redline])
    fid = next(output.getFeatures()).id()
    publish(
        results_bus.CheckResult(
            "redline_overlap",
            "红线冲突检测",
            {"FAIL": 1},
            [row("P1", "P1", "FAIL", "不合规", 40_000.0, feature_id=fid)],
            output_ref=output.id(),
        )
    )
    path = dock.export_pdf(str(tmp_path / "redline.pdf"))
    page = pdf_text(tmp_path / "redline.pdf", 2)
    # the label only repeats the id: the name and class come from the output's XMMC / XMFL
    assert "港区疏港道路" in page and "交通运输" in page
    legend = flat(page.split("图例", 1)[1])
    assert "生态保护红线（STBHHX）" in legend  # a database code gets its Chinese name
    assert "JSXM" not in legend  # the input projects are the items themselves
    # 40 000 m² = 4 公顷 = 60 亩
    assert "4.0000公顷（60.00亩）" in flat(page) and path


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils")
def test_the_button_writes_the_pdf_in_a_background_task(dock, tmp_path):
    output = make_layer("MultiPolygon", CRS, [], [((), square(0, 0, 100))], "out")
    QgsProject.instance().addMapLayer(output)
    fid = next(output.getFeatures()).id()
    publish(
        results_bus.CheckResult(
            "redline_overlap",
            "红线",
            {"PASS": 1},
            [row("P1", "项目", "PASS", feature_id=fid)],
            output.id(),
        )
    )
    path = str(tmp_path / "task.pdf")
    assert dock.export_pdf(path, background=True) == path
    assert dock.pdf_running() and not dock.pdf_button.isEnabled()
    end = time.time() + 120
    while dock.pdf_running() and time.time() < end:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert not dock.pdf_running() and dock.pdf_button.isEnabled()
    assert pdf_pages(tmp_path / "task.pdf") == 2
    level, _, text = dock.iface.messageBar().messages[-1]
    assert level == "success" and "task.pdf" in text
