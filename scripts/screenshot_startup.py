"""Runs inside QGIS Desktop (--code): sample data, dashboard, red-line check, screenshots."""

import json
import os
import time
import traceback

from qgis.core import QgsApplication, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QDockWidget
from qgis.utils import iface, plugins

CONFIG = json.loads(os.environ["LYG_SHOT_CONFIG"])
STATE = {"errors": [], "steps": []}
LAYERS = [
    "JSXM",
    "HAX",
    "HYSTHX",
    "ZRBHD",
    "CZKFBJ",
    "STBHHX",
    "STKJGKQY",
    "YJJBNTBHTB",
    "HYGNQ",
    "XZQ",
    "DLTB",
]  # map order: the first on top


def step(name):
    STATE["steps"].append([name, round(time.time() - T0, 1)])


def save_state():
    with open(CONFIG["state"], "w", encoding="utf-8") as handle:
        json.dump(STATE, handle, ensure_ascii=False, indent=1)


def finish():
    try:
        save_state()
    finally:
        QApplication.instance().exit(0)


def close_dialogs():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def load_sample():
    project = QgsProject.instance()
    path = CONFIG["sample"]
    loaded = []
    if path and os.path.exists(path):
        from lyg_nrp_plugin.paths import resource_path

        for name in LAYERS:
            layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
            if layer.isValid():
                style = resource_path("styles", f"sample_{name}.qml")
                if style.is_file():
                    layer.loadNamedStyle(str(style))
                project.addMapLayer(layer, False)
                project.layerTreeRoot().addLayer(layer)  # appended: the first stays on top
                loaded.append(name)
    STATE["layers"] = loaded
    return loaded


def docks():
    plugin = plugins.get("lyg_nrp_plugin")
    STATE["plugin_loaded"] = plugin is not None
    if plugin is None:
        raise RuntimeError("lyg_nrp_plugin is not loaded")
    return plugin.dock("LygNrpIndicatorDock"), plugin.dock("LygNrpResultsDock")


def start():
    global T0
    T0 = time.time()
    try:
        close_dialogs()
        from lyg_nrp_plugin.translate import current_locale

        STATE["locale"] = current_locale()
        STATE["qgis_menus"] = [a.text() for a in iface.mainWindow().menuBar().actions()]
        window = iface.mainWindow()
        window.resize(1680, 1020)
        window.showNormal()
        loaded = load_sample()
        step("sample loaded")
        indicator_dock, results_dock = docks()
        for dock in (indicator_dock, results_dock):
            dock.show()
            dock.setFloating(False)
            window.addDockWidget(Qt.RightDockWidgetArea, dock)
        window.resizeDocks([indicator_dock], [640], Qt.Horizontal)
        window.resizeDocks([indicator_dock, results_dock], [640, 340], Qt.Vertical)
        from lyg_nrp_plugin.gui import indicator_settings

        settings = indicator_settings.load_settings()
        settings.targets = CONFIG["targets"]
        indicator_settings.save_settings(settings)
        STATE["roles"] = {
            k: QgsProject.instance().mapLayer(v).name() for k, v in settings.layers.items()
        }
        if loaded:
            extent = QgsRectangle()
            extent.setMinimal()
            for name in ("XZQ", "HYGNQ"):
                for layer in QgsProject.instance().mapLayersByName(name):
                    extent.combineExtentWith(layer.extent())
            iface.mapCanvas().setExtent(extent)
            iface.mapCanvas().refresh()
        STATE["compute_started"] = indicator_dock.compute(background=True)
        step("compute started")
        wait_for_dashboard(indicator_dock, results_dock, time.time() + CONFIG["timeout"])
    except Exception:
        STATE["errors"].append(traceback.format_exc())
        finish()


def wait_for_dashboard(indicator_dock, results_dock, deadline):
    if indicator_dock.is_running() and time.time() < deadline:
        QTimer.singleShot(500, lambda: wait_for_dashboard(indicator_dock, results_dock, deadline))
        return
    try:
        step("dashboard done")
        STATE["dashboard_running"] = indicator_dock.is_running()
        STATE["dashboard_error"] = indicator_dock.last_error
        STATE["dashboard_summary"] = indicator_dock.summary.text()
        STATE["dashboard_rows"] = indicator_dock.rows_state()
        run_redline(results_dock)
        step("red-line check done")
    except Exception:
        STATE["errors"].append(traceback.format_exc())
    QTimer.singleShot(2500, lambda: shoot(indicator_dock, results_dock))


def run_redline(results_dock):
    registry = QgsApplication.processingRegistry()
    STATE["redline_available"] = registry.algorithmById("lyg_nrp:redline_overlap") is not None
    project = QgsProject.instance()
    if not STATE["redline_available"] or not project.mapLayersByName("JSXM"):
        return
    import processing

    def first(name):
        found = project.mapLayersByName(name)
        return found[0].id() if found else None

    algorithm = registry.algorithmById("lyg_nrp:redline_overlap")
    params = {
        "INPUT": first("JSXM"),
        "ID_FIELD": "XMBH",
        "ECO_REDLINE": first("STBHHX"),
        "FARMLAND": first("YJJBNTBHTB"),
        "DEV_BOUNDARY": first("CZKFBJ"),
        "PROTECTED_AREAS": first("ZRBHD"),
        "MARINE_REDLINE": first("HYSTHX"),
        "COASTLINE": first("HAX"),
        "COAST_TYPE_FIELD": "AXLX",
        "ECO_SPACE": first("STKJGKQY"),
        "PROJECT_CLASS_FIELD": "XMFL",
        "SEA_USE_FIELD": "YHFS",
        "MARINE_ZONE_FIELD": "GKFL",
        "COAST_CLASS_FIELD": "GKFL",
        "LAND_BOUNDARY": first("XZQ"),
        "OUTPUT": "TEMPORARY_OUTPUT",
        "REPORT": os.path.join(CONFIG["work"], "redline_report.html"),
    }
    optional = {"NAME_FIELD": "XMMC", "REPORT_PDF": os.path.join(CONFIG["work"], "redline.pdf")}
    for name, value in optional.items():  # parameters that issue 17 adds to the algorithm
        if algorithm.parameterDefinition(name) is not None:
            params[name] = value
    params = {k: v for k, v in params.items() if v is not None}
    results = processing.runAndLoadResults("lyg_nrp:redline_overlap", params)
    STATE["algorithm_pdf"] = results.get("REPORT_PDF") or ""
    QgsApplication.processEvents()
    STATE["results"] = results_dock.state()


def select_failing(results_dock):
    """Click the first failing project in the results dock (select + zoom): failures are
    listed first."""
    rows = results_dock.displayed_rows()
    fail = next((i for i, r in enumerate(rows) if r.verdict == "FAIL"), None)
    STATE["selected_row"] = fail
    STATE["selected"] = results_dock.select_row(fail) if fail is not None else False
    if fail is not None:
        results_dock.table.selectRow(fail)


def export_pdf(results_dock):
    """The dock's 导出PDF on the red-line result."""
    if results_dock.current() is None:
        return
    path = results_dock.export_pdf(os.path.join(CONFIG["work"], "dock_review_sheet.pdf"))
    STATE["dock_pdf"] = path
    STATE["pdf_rows"] = len(results_dock.current().rows)


def shoot(indicator_dock, results_dock):
    try:
        QgsApplication.processEvents()
        out = CONFIG["out"]
        suffix = CONFIG["locale"]
        STATE["screenshots"] = {}
        for key, widget in (
            ("desktop_docks", iface.mainWindow()),
            ("indicator_dock", indicator_dock),
        ):
            path = os.path.join(out, f"{key}_{suffix}.png")
            STATE["screenshots"][key] = path if widget.grab().save(path) else ""
        STATE["dock_titles"] = [indicator_dock.windowTitle(), results_dock.windowTitle()]
        STATE["docks_visible"] = [
            d.objectName()
            for d in iface.mainWindow().findChildren(QDockWidget)
            if d.objectName().startswith("LygNrp") and d.isVisible()
        ]
        select_failing(results_dock)
        step("overview saved")
    except Exception:
        STATE["errors"].append(traceback.format_exc())
        finish()
        return
    QTimer.singleShot(2500, lambda: shoot_selection(results_dock))


def shoot_selection(results_dock):
    try:
        QgsApplication.processEvents()
        out, suffix = CONFIG["out"], CONFIG["locale"]
        for key, widget in (
            ("desktop_selected", iface.mainWindow()),
            ("results_dock", results_dock),
        ):
            path = os.path.join(out, f"{key}_{suffix}.png")
            STATE["screenshots"][key] = path if widget.grab().save(path) else ""
        STATE["results"] = results_dock.state()
        step("screenshots saved")
        export_pdf(results_dock)
        step("pdf exported")
    except Exception:
        STATE["errors"].append(traceback.format_exc())
    finish()


T0 = time.time()
QTimer.singleShot(CONFIG.get("delay_ms", 4000), start)
