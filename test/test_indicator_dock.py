"""The indicator dashboard (issue 17 §5, issue 14): value sources, the example banner, the
indicators under another definition apart, the chart following the dock, the dock's width,
the shared layer matcher, the menu's dialog, and the dock agreeing with a headless run."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from qgis.core import QgsProject

from lyg_nrp_plugin.core import indicators as ind
from lyg_nrp_plugin.gui import indicator_settings as settings_mod
from lyg_nrp_plugin.gui.indicator_dock import IndicatorDock
from lyg_nrp_plugin.paths import resource_path

from .fake_iface import FakeIface
from .helpers import indicator_case as data

NOT_COMPARABLE = ("Not comparable (other definition)", "口径不同，仅供参考")


@pytest.fixture()
def layers(provider):
    project = QgsProject.instance()
    project.clear()
    added = data.project_layers()
    project.addMapLayers(added)
    yield {layer.name(): layer for layer in added}
    project.clear()


@pytest.fixture()
def dock():
    iface = FakeIface()
    widget = IndicatorDock(iface.mainWindow(), iface)
    yield widget
    widget.teardown()


def result(code="wetland_area", **fields) -> ind.IndicatorResult:
    base = dict(
        code=code,
        name_zh="湿地保有量",
        name_en="Wetland area retained",
        category="资源保护",
        unit="万公顷",
        value=0.001,
        target=23.31,
        comparator=">=",
        attribute="约束性",
        baseline_2020=23.311026,
        status="NOT_COMPARABLE",
        status_zh="口径不同，仅供参考",
        source="LANDUSE",
        note="",
        value_source="COMPUTED",
        value_source_zh="计算",
        difference="规划按湿地资源调查口径。",
    )
    base.update(fields)
    return ind.IndicatorResult(**base)


def test_settings_use_the_shared_matcher(layers):
    loaded = settings_mod.load_settings()
    assert loaded.layers["COASTAL_WETLAND"] == layers["HASD"].id()  # layer_roles: HASD
    assert loaded.layers["FARMLAND"] == layers["YJJBNTBHTB"].id()
    assert "OCCUPATION" not in loaded.layers  # a SUMMARY has no conventional name
    assert not hasattr(settings_mod, "guess_layer") or (
        settings_mod.guess_layer.__module__ == "lyg_nrp_plugin.layer_roles"
    )
    loaded.wetland_definition = 1
    settings_mod.save_settings(loaded)
    again = settings_mod.load_settings()
    assert again.wetland_definition == 1
    params = settings_mod.algorithm_parameters(again)
    assert params["WETLAND_DEFINITION"] == 1 and params["COASTAL_WETLAND"] == layers["HASD"].id()
    dialog = settings_mod.IndicatorSettingsDialog(project=QgsProject.instance())
    assert dialog.wetland.currentIndex() == 1
    assert dialog.combos["COASTAL_WETLAND"].currentLayer() is layers["HASD"]
    assert dialog.settings().wetland_definition == 1


def test_value_source_column_and_not_comparable_apart(dock):
    rows = [
        result(),
        result(
            "tree_cover",
            name_zh="林木覆盖率",
            name_en="Tree cover rate",
            unit="%",
            value=27.0,
            target=26.5,
            status="MET",
            status_zh="达标",
            value_source="MANUAL",
            value_source_zh="填报",
            difference="",
        ),
    ]
    dock.set_results({"year": 2025}, rows)
    state = {r["code"]: r for r in dock.rows_state()}
    assert state["tree_cover"]["value_source"] in ("Entered", "填报")
    assert state["wetland_area"]["value_source"] in ("Computed", "计算")
    # the not comparable one sits in its own group, with its sentence under it
    assert state["wetland_area"]["category"] in NOT_COMPARABLE
    assert state["wetland_area"]["difference"] == "规划按湿地资源调查口径。"
    assert state["tree_cover"]["category"].startswith(("Resource protection", "资源保护"))
    assert "(1/1)" in state["tree_cover"]["category"]  # met / rated: the other is not rated
    assert "1" in dock.summary.text() and not dock.banner.isVisible()
    # selecting a row shows what it says beyond the row: the difference first
    tree = dock.view.tree
    group = tree.topLevelItem(tree.topLevelItemCount() - 1)
    tree.setCurrentItem(group.child(0))
    assert dock.view.details.text().startswith("规划按湿地资源调查口径。")
    tree.setCurrentItem(group.child(0).child(0))  # the sentence under the row: the same
    assert dock.view.details.text().startswith("规划按湿地资源调查口径。")


def test_banner_when_an_example_file_is_in_use(dock):
    example = str(resource_path("indicators", "targets_example.json"))
    dock.set_results({"year": 2025, "illustrative": True, "targets_file": example}, [result()])
    assert dock.banner.isVisibleTo(dock.widget())
    assert "targets_example.json" in dock.banner.text()
    dock.set_results({"year": 2025}, [result()])
    assert not dock.banner.isVisibleTo(dock.widget())


def test_chart_follows_the_dock_and_the_dock_opens_wide():
    from qgis.core import QgsApplication

    dock = IndicatorDock()  # floating, shown on its own
    rated = [
        result(
            "marine_redline_ratio",
            name_zh="海洋生态红线区面积占比",
            name_en="Marine red line share",
            unit="%",
            value=30.0,
            target=26.41,
            status="MET",
            status_zh="达标",
            difference="",
        )
    ]
    # all the toolbar's buttons fit: no » overflow
    body = dock.widget()
    assert body.minimumWidth() >= dock.toolbar.sizeHint().width()
    assert body.minimumWidth() >= 480
    try:
        dock.resize(520, 700)
        dock.show()
        dock.set_results({"year": 2025}, rated)
        QgsApplication.processEvents()
        narrow = dock.chart.width()
        dock.resize(900, 700)
        QgsApplication.processEvents()
        wide = dock.chart.width()
        assert wide > narrow + 200  # drawn again at the new width
        assert wide == dock.view.chart_area.viewport().width() - 8
    finally:
        dock.hide()
        dock.teardown()


def test_menu_dialog_opens_with_the_dashboard_layers(layers, monkeypatch):
    import processing

    import lyg_nrp_plugin

    seen = {}

    def fake_dialog(alg_id, parameters):
        seen.update(alg=alg_id, parameters=parameters)
        return {}

    monkeypatch.setattr(processing, "execAlgorithmDialog", fake_dialog)
    plugin = lyg_nrp_plugin.classFactory(FakeIface())
    settings = settings_mod.load_settings()
    settings.targets = str(resource_path("indicators", "targets_example.json"))
    settings_mod.save_settings(settings)
    plugin.run_indicator_assessment()
    assert seen["alg"] == "lyg_nrp:indicator_assessment"
    p = seen["parameters"]
    assert p["LANDUSE"] == layers["DLTB"].id() and p["BOUNDARY"] == layers["XZQ"].id()
    assert p["COASTLINE"] == layers["HAX"].id() and p["TARGETS"] == settings.targets
    # the dialog's layer widgets take these values (layer ids) as they are
    from qgis.core import QgsApplication, QgsProcessingContext
    from qgis.gui import QgsGui, QgsProcessingGui

    alg = QgsApplication.processingRegistry().createAlgorithmById(seen["alg"])
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    for name, layer in (("LANDUSE", "DLTB"), ("COASTAL_WETLAND", "HASD")):
        wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(
            alg.parameterDefinition(name), QgsProcessingGui.Standard
        )
        widget = wrapper.createWrappedWidget(context)  # noqa: F841  (kept alive while read)
        wrapper.setParameterValue(p[name], context)
        assert wrapper.parameterValue() == layers[layer].id(), name


def cells(html: str) -> list[str]:
    """The text of every table cell of a report."""
    return [html_lib.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)]


def without_stamp(html: str) -> str:
    """A report without its generation time (the one line two runs may differ in)."""
    return re.sub(r'<p class="meta">.*?</p>', "", html, flags=re.S)


def test_dock_and_headless_report_agree(layers, dock, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext
    from qgis.PyQt.QtCore import QVariant

    settings = settings_mod.load_settings()
    settings.wetland_definition = 1
    settings_mod.save_settings(settings)
    assert dock.compute(background=False), dock.last_error
    docked = tmp_path / "dock.html"
    dock.export_html(str(docked))
    parameters = settings_mod.algorithm_parameters(settings_mod.load_settings())
    headless = tmp_path / "headless.html"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())  # the parameters name project layers by id
    out = processing.run(
        "lyg_nrp:indicator_assessment",
        {**parameters, "OUTPUT": "TEMPORARY_OUTPUT", "REPORT": str(headless)},
        context=context,
    )
    table = out["OUTPUT"]
    table = context.getMapLayer(table) if isinstance(table, str) else table
    rows = {f["code"]: (f["value"], f["status"], f["value_source"]) for f in table.getFeatures()}
    shown = {r.code: (r.value, r.status, r.value_source) for r in dock.results}
    assert shown.keys() == rows.keys()
    for code, (value, status, source) in rows.items():
        assert shown[code][1:] == (status, source), code
        if shown[code][0] is None:
            assert isinstance(value, QVariant) and value.isNull(), code
        else:
            assert shown[code][0] == pytest.approx(value), code
    docked_html, headless_html = (p.read_text(encoding="utf-8") for p in (docked, headless))
    assert cells(docked_html) and cells(docked_html) == cells(headless_html)
    assert without_stamp(docked_html) == without_stamp(headless_html)  # warnings, chart too
    # the farmland overlap (fids 1 and 2 of the memory layer) is warned in both
    assert "[YJJBNTBHTB]: 1 pairs of features overlap" in docked_html
    # and HASD over the parcels' strip 900..1000 (100 000 m², counted once by DLBM)
    assert "[HASD]: 100,000.00 m² of the coastal wetland" in docked_html
    assert "2 data warnings" in dock.summary.text()
    assert "YJJBNTBHTB" in dock.summary.toolTip() and "HASD" in dock.summary.toolTip()
    # with the survey definition and HASD the wetland is rated (hand-worked in
    # test_indicator_definitions: 1 000 000 m² = 0.01 万公顷 < 23.31)
    assert rows["wetland_area"][1] == "NOT_MET"
    assert rows["wetland_area"][0] == pytest.approx(0.01)
    # 永久基本农田 from YJJBNTMJ with the overlap counted once: 95 000 + 45 000 m²
    assert rows["permanent_farmland"][0] == pytest.approx(140_000 / 1e8)
    assert rows["tree_cover"][1:] == ("NOT_COMPARABLE", "APPROXIMATE")
