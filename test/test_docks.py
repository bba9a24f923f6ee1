"""The indicator dashboard and check-results docks with a fake iface (real widgets)."""

from __future__ import annotations

import csv
import time

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QVariant
from shapely import affinity

from lyg_nrp_plugin import results_bus
from lyg_nrp_plugin.core import indicators as ind
from lyg_nrp_plugin.gui import indicator_settings as settings_mod
from lyg_nrp_plugin.gui.indicator_dock import IndicatorDock
from lyg_nrp_plugin.gui.results_dock import ResultsDock

from .fake_iface import FakeIface
from .helpers import indicator_case as data

DX, DY = 500_000.0, 3_800_000.0


class CanvasIface(FakeIface):
    def __init__(self):
        super().__init__()
        self._canvas = QgsMapCanvas(self._main_window)
        self._canvas.resize(400, 300)
        self._canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4549"))

    def mapCanvas(self):  # noqa: N802
        return self._canvas


def memory_layer(name, kind, geoms, **columns) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:4549", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes(
        [
            QgsField(k, QVariant.Double if isinstance(v[0], float) else QVariant.String)
            for k, v in columns.items()
        ]
    )
    layer.updateFields()
    features = []
    for i, g in enumerate(geoms):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(affinity.translate(g, DX, DY).wkt))
        f.setAttributes([columns[k][i] for k in columns])
        features.append(f)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


@pytest.fixture()
def project_layers(provider):
    project = QgsProject.instance()
    project.clear()
    layers = [
        memory_layer(
            "DLTB",
            "MultiPolygon",
            [p[0] for p in data.PARCELS],
            DLBM=[p[1] for p in data.PARCELS],
            TBDLMJ=[p[2] for p in data.PARCELS],
        ),
        memory_layer("XZQ", "MultiPolygon", [data.LAND], XZQMC=["示例"]),
        memory_layer("HYGNQ", "MultiPolygon", [data.SEA], MC=["海域"]),
        memory_layer("STBHHX", "MultiPolygon", data.ECO_REDLINE, MC=["a", "b", "c"]),
        memory_layer(
            "ZRBHD",
            "MultiPolygon",
            [p[0] for p in data.PROTECTED],
            ZRBHDLX=[p[1] for p in data.PROTECTED],
        ),
        memory_layer("HYSTHX", "MultiPolygon", data.MARINE_REDLINE, MC=["a", "b"]),
        memory_layer(
            "HAX",
            "MultiLineString",
            [c[0] for c in data.COAST],
            AXLX=[c[1] for c in data.COAST],
            AXLB=[c[2] for c in data.COAST],
        ),
    ]
    project.addMapLayers(layers)
    yield {lyr.name(): lyr for lyr in layers}
    project.clear()


def wait_until(predicate, timeout=60.0):
    end = time.time() + timeout
    while not predicate() and time.time() < end:
        QgsApplication.processEvents()
        time.sleep(0.02)
    return predicate()


# --- settings ---------------------------------------------------------------------------------


def test_settings_guess_and_persist(project_layers):
    loaded = settings_mod.load_settings()
    assert loaded.layers["LANDUSE"] == project_layers["DLTB"].id()
    assert loaded.layers["COASTLINE"] == project_layers["HAX"].id()
    assert "FARMLAND" not in loaded.layers and "MINES" not in loaded.layers
    loaded.layers.pop("SEA_AREA")
    loaded.year = 2024
    settings_mod.save_settings(loaded)
    again = settings_mod.load_settings()
    assert "SEA_AREA" not in again.layers  # deliberately emptied: not guessed back
    assert again.year == 2024
    params = settings_mod.algorithm_parameters(again)
    assert params["LANDUSE"] == project_layers["DLTB"].id() and params["YEAR"] == 2024
    dialog = settings_mod.IndicatorSettingsDialog(project=QgsProject.instance())
    assert dialog.combos["BOUNDARY"].currentLayer() is project_layers["XZQ"]
    assert dialog.combos["SEA_AREA"].currentLayer() is None


# --- indicator dashboard -------------------------------------------------------------------------


def test_indicator_dock_computes_renders_and_restores(project_layers, tmp_path):
    iface = FakeIface()
    dock = IndicatorDock(iface.mainWindow(), iface)
    try:
        assert dock.compute(background=False), dock.last_error
        rows = {r["code"]: r for r in dock.rows_state()}
        assert len(rows) == 30
        # hand-worked: natural wetland 150 000 of 200 000 m² inside protected areas = 75 %
        assert rows["natural_wetland_protection"]["col1"] == "75.00 %"
        assert rows["marine_redline_ratio"]["col1"] == "30.00 %"  # 600 000 / 2 000 000
        assert rows["development_intensity"]["col1"] == "18.00 %"
        assert rows["permanent_farmland"]["col1"] == "—"  # no FARMLAND layer
        statuses = {c: r["status"] for c, r in rows.items()}
        # 三调 natural wetland against the plan's survey definition: apart, not rated
        assert statuses["natural_wetland_protection"] in ("Other definition", "口径不同")
        assert statuses["marine_redline_ratio"] in ("Met", "达标")
        assert statuses["mainland_natural_coast_ratio"] in ("Not met", "未达标")
        assert statuses["permanent_farmland"] in ("No data", "无数据")
        assert dock.chart.renderer().isValid()
        # stored in the project: a new dock restores it without computing
        text, found = QgsProject.instance().readEntry("lyg_nrp", "indicators/result", "")
        assert found and '"natural_wetland_protection"' in text
        other = IndicatorDock(iface.mainWindow(), iface)
        assert {r["code"]: r["col1"] for r in other.rows_state()} == {
            c: r["col1"] for c, r in rows.items()
        }
        other.teardown()
        # saved with the project file, cleared, read back: the dashboard comes back
        project_file = str(tmp_path / "p.qgs")
        assert QgsProject.instance().write(project_file)
        QgsProject.instance().clear()
        assert dock.rows_state() == []
        assert QgsProject.instance().read(project_file)
        assert {r["code"]: r["col1"] for r in dock.rows_state()} == {
            c: r["col1"] for c, r in rows.items()
        }
        # exports
        csv_path = dock.export_csv(str(tmp_path / "ind.csv"))
        with open(csv_path, encoding="utf-8-sig") as handle:
            table = {r["code"]: r for r in csv.DictReader(handle)}
        assert float(table["marine_redline_ratio"]["value"]) == pytest.approx(30.0)
        with open(dock.export_html(str(tmp_path / "ind.html")), encoding="utf-8") as handle:
            html = handle.read()
        assert "<svg" in html
    finally:
        dock.teardown()


def test_indicator_dock_background_task(project_layers):
    iface = FakeIface()
    dock = IndicatorDock(iface.mainWindow(), iface)
    try:
        assert dock.compute(background=True)
        assert dock.is_running() and not dock.compute_action.isEnabled()
        assert wait_until(lambda: not dock.is_running()), "task did not finish"
        assert dock.last_error == ""
        rows = {r["code"]: r for r in dock.rows_state()}
        assert rows["mainland_natural_coast_ratio"]["col1"] == "33.33 %"  # 1000 / 3000 m
        assert dock.compute_action.isEnabled()
    finally:
        dock.teardown()


def test_indicator_dock_renders_a_given_result():
    dock = IndicatorDock()
    try:
        results = [
            ind.IndicatorResult(
                code="wetland_area",
                name_zh="湿地保有量",
                name_en="Wetland area retained",
                category="资源保护",
                unit="万公顷",
                value=20.5,
                target=23.31,
                comparator=">=",
                attribute="约束性",
                baseline_2020=23.3,
                status="NOT_MET",
                status_zh="未达标",
                source="LANDUSE",
                note="",
            )
        ]
        dock.set_results({"year": 2025}, results)
        (row,) = dock.rows_state()
        assert row["value"] == "20.5000 万公顷" and row["target"] == "≥23.3100"
        assert row["attribute"] == "约束性"
    finally:
        dock.teardown()


# --- check results ------------------------------------------------------------------------------


def test_results_dock_fills_table_and_selects_feature(provider):
    results_bus._latest.clear()  # earlier tests' algorithm runs published their results too
    project = QgsProject.instance()
    project.clear()
    out = QgsVectorLayer("MultiPolygon?crs=EPSG:4549", "redline_result", "memory")
    f1, f2 = QgsFeature(), QgsFeature()
    f1.setGeometry(
        QgsGeometry.fromWkt(
            "MULTIPOLYGON(((500000 3800000,500100 3800000,"
            "500100 3800100,500000 3800100,500000 3800000)))"
        )
    )
    f2.setGeometry(
        QgsGeometry.fromWkt(
            "MULTIPOLYGON(((510000 3810000,510010 3810000,"
            "510010 3810010,510000 3810010,510000 3810000)))"
        )
    )
    out.dataProvider().addFeatures([f1, f2])
    project.addMapLayer(out)
    fids = [f.id() for f in out.getFeatures()]
    iface = CanvasIface()
    dock = ResultsDock(iface.mainWindow(), iface)
    try:
        results_bus.publish(
            results_bus.CheckResult(
                algorithm="redline_overlap",
                title="红线冲突检测",
                counts={"FAIL": 1, "PASS": 1},
                rows=[
                    results_bus.ResultRow(
                        "P1", "项目一", "FAIL", "不通过", 10_000.0, "生态红线 1.0000 公顷", fids[0]
                    ),
                    results_bus.ResultRow("P2", "项目二", "PASS", "通过", 100.0, "", fids[1]),
                ],
                output_ref=out.id(),
                report_path="",
            )
        )
        QgsApplication.processEvents()
        state = dock.state()
        assert state["algorithm"] == "redline_overlap"
        assert state["counts"] == {"FAIL": 1, "PASS": 1}
        # 10 000 m² = 1 公顷 = 15 亩; 100 m² = 0.01 公顷 = 0.15 亩
        assert state["rows"][0][:5] in (
            ["P1", "项目一", "FAIL", "1.0000", "15.00"],
            ["P1", "项目一", "不通过", "1.0000", "15.00"],
        )
        assert state["rows"][1][3:5] == ["0.0100", "0.15"]
        assert not dock.report_button.isEnabled()  # no report written
        assert dock.select_row(1)
        assert out.selectedFeatureIds() == [fids[1]]
        extent = iface.mapCanvas().extent()
        assert (extent.center().x(), extent.center().y()) == pytest.approx(
            (510005, 3810005), abs=1.0
        )
        assert extent.width() < 200  # zoomed to the 10 m feature with some context
        # the indicator assessment is not listed here (it has its own dock)
        results_bus.publish(results_bus.CheckResult(algorithm="indicator_assessment", title="x"))
        assert dock.state()["algorithms"] == ["redline_overlap"]
        # a second dock created later shows the latest results at once
        later = ResultsDock(iface.mainWindow(), iface)
        assert later.state()["rows"] == dock.state()["rows"]
        later.teardown()
    finally:
        dock.teardown()
        project.clear()


# --- plugin unload ------------------------------------------------------------------------------


def test_unload_disconnects_docks(qgis_processing):
    import gc

    import lyg_nrp_plugin

    bus = results_bus.bus()
    project = QgsProject.instance()
    gc.collect()  # docks of earlier tests must not leave (or lose) connections meanwhile
    QgsApplication.processEvents()
    before = (
        bus.receivers(bus.published),
        project.receivers(project.readProject),
        project.receivers(project.cleared),
    )
    iface = FakeIface()
    plugin = lyg_nrp_plugin.classFactory(iface)
    plugin.initGui()
    assert plugin.dock(IndicatorDock.OBJECT_NAME) is not None
    assert bus.receivers(bus.published) == before[0] + 2
    plugin.unload()
    QgsApplication.processEvents()
    gc.collect()
    after = (
        bus.receivers(bus.published),
        project.receivers(project.readProject),
        project.receivers(project.cleared),
    )
    assert after == before
    assert plugin.docks == [] and plugin.menu is None and plugin.toolbar is None
