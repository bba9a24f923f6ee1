#!/usr/bin/env python3
"""``make screenshot``: QGIS Desktop under Xvfb, plugin deployed, sample data, both docks.

Builds the plugin (``build_plugin.assemble`` + runtime deps) into a temporary folder, makes a
temporary profile with the plugin enabled and the interface locale set (zh_CN by default),
then runs ``xvfb-run -a qgis --nologo --noversioncheck --code <startup.py>``. The startup
script opens ``resources/sample/lyg_sample.gpkg``, computes the indicator dashboard from the
dock (background task, layers matched by name, ``targets_example.json``), runs a red-line check
when ``lyg_nrp:redline_overlap`` exists, selects a failing project in the check-results dock,
grabs the main window and each dock to PNG and writes the docks' state to JSON.

    screenshot.py                       # docs/screenshots/*_zh_CN.png + state JSON
    screenshot.py --locale en_US --out /tmp/shots --state /tmp/state.json --wait 0
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from build_plugin import PLUGIN, assemble, install_runtime_deps  # noqa: E402
from qgis_env import headless_env, profile_dir  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "lyg_sample.gpkg"
TARGETS = ROOT / "resources" / "indicators" / "targets_example.json"

STARTUP = r'''
"""Runs inside QGIS Desktop (--code): sample data, dashboard, red-line check, screenshots."""
import json
import os
import time
import traceback

from qgis.core import QgsApplication, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer, Qt
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QDialog
from qgis.utils import iface, plugins

CONFIG = json.loads(os.environ["LYG_SHOT_CONFIG"])
STATE = {"errors": [], "steps": []}
LAYERS = ["XZQ", "HYGNQ", "DLTB", "YJJBNTBHTB", "STBHHX", "CZKFBJ", "ZRBHD", "HYSTHX", "HAX",
          "JSXM"]


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
                project.addMapLayer(layer)
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
        STATE["roles"] = {k: QgsProject.instance().mapLayer(v).name()
                          for k, v in settings.layers.items()}
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
        QTimer.singleShot(500, lambda: wait_for_dashboard(indicator_dock, results_dock,
                                                          deadline))
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

    params = {"INPUT": first("JSXM"), "ID_FIELD": "XMBH", "ECO_REDLINE": first("STBHHX"),
              "FARMLAND": first("YJJBNTBHTB"), "DEV_BOUNDARY": first("CZKFBJ"),
              "PROTECTED_AREAS": first("ZRBHD"), "MARINE_REDLINE": first("HYSTHX"),
              "COASTLINE": first("HAX"), "COAST_TYPE_FIELD": "AXLX",
              "OUTPUT": "TEMPORARY_OUTPUT",
              "REPORT": os.path.join(CONFIG["work"], "redline_report.html")}
    params = {k: v for k, v in params.items() if v is not None}
    processing.runAndLoadResults("lyg_nrp:redline_overlap", params)
    QgsApplication.processEvents()
    STATE["results"] = results_dock.state()


def select_failing(results_dock):
    """Click the first failing project in the results dock (select + zoom)."""
    current = results_dock.current()
    rows = current.rows if current is not None else []
    fail = next((i for i, r in enumerate(rows) if r.verdict == "FAIL"), None)
    STATE["selected_row"] = fail
    STATE["selected"] = results_dock.select_row(fail) if fail is not None else False
    if fail is not None:
        results_dock.table.selectRow(fail)


def shoot(indicator_dock, results_dock):
    try:
        QgsApplication.processEvents()
        out = CONFIG["out"]
        suffix = CONFIG["locale"]
        STATE["screenshots"] = {}
        for key, widget in (("desktop_docks", iface.mainWindow()),
                            ("indicator_dock", indicator_dock)):
            path = os.path.join(out, f"{key}_{suffix}.png")
            STATE["screenshots"][key] = path if widget.grab().save(path) else ""
        STATE["dock_titles"] = [indicator_dock.windowTitle(), results_dock.windowTitle()]
        STATE["docks_visible"] = [d.objectName() for d in
                                  iface.mainWindow().findChildren(QDockWidget)
                                  if d.objectName().startswith("LygNrp") and d.isVisible()]
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
        for key, widget in (("desktop_selected", iface.mainWindow()),
                            ("results_dock", results_dock)):
            path = os.path.join(out, f"{key}_{suffix}.png")
            STATE["screenshots"][key] = path if widget.grab().save(path) else ""
        STATE["results"] = results_dock.state()
        step("screenshots saved")
    except Exception:
        STATE["errors"].append(traceback.format_exc())
    finish()


T0 = time.time()
QTimer.singleShot(CONFIG.get("delay_ms", 4000), start)
'''


def set_locale(config_path: Path, locale: str) -> None:
    """Write the UI locale into the profile's QGIS3.ini (what Settings > General does)."""
    from qgis.PyQt.QtCore import QSettings

    ini = profile_dir(config_path) / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(ini), QSettings.IniFormat)
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", locale)
    settings.setValue("locale/globalLocale", locale)
    settings.setValue("qgis/showTips322", False)
    settings.setValue("qgis/checkVersion", False)
    settings.setValue(f"PythonPlugins/{PLUGIN}", True)
    settings.sync()


def enable_plugin(config_path: Path, plugins_dir: Path) -> None:
    from qgis_env import qgis_process_binary

    result = subprocess.run(
        [qgis_process_binary(), "plugins", "enable", PLUGIN],
        env=headless_env(config_path, {"QGIS_PLUGINPATH": str(plugins_dir)}),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"enabling the plugin failed:\n{result.stdout}\n{result.stderr}")


def wait_for_sample(sample: Path, seconds: float) -> bool:
    end = time.time() + seconds
    while not sample.is_file() and time.time() < end:
        time.sleep(5)
    return sample.is_file()


def run(
    out_dir: Path,
    state_path: Path,
    locale: str = "zh_CN",
    wait: float = 0.0,
    timeout: float = 240.0,
    work: Path | None = None,
    sample: Path = SAMPLE,
) -> dict:
    """Take the screenshots; returns the state the startup script wrote."""
    if not shutil.which("xvfb-run") or not shutil.which("qgis"):
        raise RuntimeError("xvfb-run and qgis (QGIS Desktop) are needed")
    has_sample = wait_for_sample(sample, wait)
    out_dir.mkdir(parents=True, exist_ok=True)
    state_path.parent.mkdir(parents=True, exist_ok=True)
    cleanup = work is None
    work = Path(tempfile.mkdtemp(prefix="lyg_shot_")) if work is None else work
    try:
        plugin_dir = assemble(work / "plugins")
        install_runtime_deps(plugin_dir)
        config_path = work / "profile"
        enable_plugin(config_path, plugin_dir.parent)
        set_locale(config_path, locale)
        startup = work / "startup.py"
        startup.write_text(STARTUP, encoding="utf-8")
        if state_path.exists():
            state_path.unlink()
        config = {
            "sample": str(sample) if has_sample else "",
            "targets": str(TARGETS),
            "out": str(out_dir.resolve()),
            "state": str(state_path.resolve()),
            "locale": locale,
            "timeout": timeout,
            "work": str(work),
        }
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "VIRTUAL_ENV", "QT_QPA_PLATFORM")
        }
        env.update(
            QGIS_CUSTOM_CONFIG_PATH=str(config_path),
            QGIS_PLUGINPATH=str(plugin_dir.parent),
            LYG_SHOT_CONFIG=json.dumps(config),
            LANG="zh_CN.UTF-8" if locale.startswith("zh") else "en_US.UTF-8",
        )
        env.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
        completed = subprocess.run(
            [
                "xvfb-run",
                "-a",
                "-s",
                "-screen 0 1700x1060x24",
                "qgis",
                "--nologo",
                "--noversioncheck",
                "--code",
                str(startup),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout + 180,
        )
        if not state_path.exists():
            raise RuntimeError(
                "QGIS wrote no state:\n" + completed.stdout[-3000:] + completed.stderr[-3000:]
            )
        return json.loads(state_path.read_text(encoding="utf-8"))
    finally:
        if cleanup:
            shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--state",
        type=Path,
        default=None,
        help="where the docks' state JSON goes (default: build/screenshot_state_<locale>.json)",
    )
    parser.add_argument("--locale", default="zh_CN")
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="the sample GeoPackage")
    parser.add_argument(
        "--wait",
        type=float,
        default=600.0,
        help="seconds to wait for the sample GeoPackage to appear",
    )
    parser.add_argument("--timeout", type=float, default=240.0)
    args = parser.parse_args()
    state_path = args.state or ROOT / "build" / f"screenshot_state_{args.locale}.json"
    state = run(args.out, state_path, args.locale, args.wait, args.timeout, sample=args.sample)
    for name, path in (state.get("screenshots") or {}).items():
        print(f"{name}: {path}")
    if state.get("errors"):
        print("\n".join(state["errors"]), file=sys.stderr)
        return 1
    if not state.get("layers"):
        print(
            f"warning: {args.sample} not found; the screenshots show empty docks", file=sys.stderr
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
