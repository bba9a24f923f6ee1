"""指标看板 — the plan indicator dashboard dock.

Shows the result of ``lyg_nrp:indicator_assessment`` grouped by category (value, where it
comes from — 计算 / 近似 / 填报 / 示例 —, target, attribute, a coloured status), the indicators
measured under another definition apart (口径不同，仅供参考) with the difference, and a bar
chart of values against targets that follows the dock's width. A banner says when an example
TARGETS file is in use. "计算" runs the
algorithm as a background task (``QgsProcessingAlgRunnerTask``) with the layers chosen in the
settings dialog; the result is written into the project so that reopening it restores the
dashboard. Results of runs from the toolbox or a model arrive through ``results_bus`` (the
algorithm publishes its JSON as the payload); the HTML export is the algorithm's own report
(``processing.report.indicators``).
"""

from __future__ import annotations

import json
import os
import tempfile

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QAction,
    QFileDialog,
    QLabel,
    QProgressBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .. import results_bus
from ..core import labels
from ..core.indicators import IndicatorResult, from_json, status_counts, to_json
from ..paths import icon_path
from ..processing.report.indicators import example_banner, write_report
from ..translate import is_chinese, tr
from .indicator_settings import (
    KEY_PREFIX,
    LAYER_PARAMETERS,
    SCOPE,
    IndicatorSettingsDialog,
    algorithm_parameters,
    load_settings,
)
from .indicator_view import IndicatorView, write_csv

ALGORITHM_ID = "lyg_nrp:indicator_assessment"
RESULT_KEY = KEY_PREFIX + "result"
MIN_WIDTH = 540  # px: the toolbar's four buttons, the table's six columns with the names
BANNER_STYLE = "QLabel{background:#fff3cd;border:1px solid #e0a800;padding:4px;font-weight:bold}"


class IndicatorDock(QgsDockWidget):
    OBJECT_NAME = "LygNrpIndicatorDock"
    COLUMNS = 6

    def __init__(self, parent=None, iface=None):
        super().__init__(tr("Plan indicator dashboard"), parent)
        self.setObjectName(self.OBJECT_NAME)
        self.iface = iface
        self.meta: dict = {}
        self.results: list[IndicatorResult] = []
        self.task = None
        self._task_refs = None
        self._json_path = ""
        self.last_error = ""

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.toolbar = QToolBar(body)
        self.settings_action = QAction(QIcon(icon_path("indicators.svg")), tr("Settings…"), self)
        self.compute_action = QAction(QIcon(icon_path("dashboard.svg")), tr("Compute"), self)
        self.html_action = QAction(tr("Export HTML…"), self)
        self.csv_action = QAction(tr("Export CSV…"), self)
        for action in (
            self.settings_action,
            self.compute_action,
            self.html_action,
            self.csv_action,
        ):
            self.toolbar.addAction(action)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.settings_action.triggered.connect(self.open_settings)
        self.compute_action.triggered.connect(lambda: self.compute())
        self.html_action.triggered.connect(lambda: self.export_html())
        self.csv_action.triggered.connect(lambda: self.export_csv())
        layout.addWidget(self.toolbar)

        self.summary = QLabel(
            tr(
                "No indicators computed yet. Run “Plan indicator "
                "assessment” to fill this dashboard."
            ),
            body,
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.banner = QLabel(body)
        self.banner.setObjectName("LygNrpIndicatorBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.progress = QProgressBar(body)
        self.progress.setRange(0, 100)
        self.progress.hide()
        layout.addWidget(self.progress)

        self.view = IndicatorView(body)
        self.tree, self.chart = self.view.tree, self.view.chart  # for scripts and tests
        layout.addWidget(self.view, 1)
        self.view.chart_area.hide()
        self.setWidget(body)
        body.setMinimumWidth(max(MIN_WIDTH, self.toolbar.sizeHint().width() + 12))
        self._update_actions()

        results_bus.bus().published.connect(self._on_published)
        QgsProject.instance().readProject.connect(self.restore_from_project)
        QgsProject.instance().cleared.connect(self.clear)
        self.restore_from_project()

    # --- showing results ---------------------------------------------------------------------
    def clear(self) -> None:
        self.meta, self.results = {}, []
        self.view.clear()
        self.banner.hide()
        self.summary.setText(
            tr(
                "No indicators computed yet. Run “Plan indicator "
                "assessment” to fill this dashboard."
            )
        )
        self._update_actions()

    def set_results(self, meta: dict, results: list[IndicatorResult]) -> None:
        self.meta, self.results = dict(meta), list(results)
        self.view.show_results(results, is_chinese())
        counts = status_counts(results)
        text = tr(
            "Year {year}: {met} met, {not_met} not met, {other} under another definition "
            "(for reference only), {no_target} without target, {no_data} without data."
        ).format(
            year=meta.get("year", ""),
            met=counts[labels.STATUS_MET],
            not_met=counts[labels.STATUS_NOT_MET],
            other=counts[labels.STATUS_NOT_COMPARABLE],
            no_target=counts[labels.STATUS_NO_TARGET],
            no_data=counts[labels.STATUS_NO_DATA],
        )
        warnings = list(meta.get("warnings") or [])
        if warnings:  # overlapping parcels, bad values …: the report lists them, so does the tip
            text += " " + tr("{n} data warnings (see the report).").format(n=len(warnings))
        self.summary.setText(text)
        self.summary.setToolTip("\n\n".join(warnings))
        banner = example_banner(meta)
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        self._update_actions()

    def rows_state(self) -> list[dict]:
        """What the dashboard shows (for scripts and tests): one dict per indicator row."""
        return self.view.rows_state()

    def _update_actions(self) -> None:
        running = self.task is not None
        self.compute_action.setEnabled(not running)
        self.settings_action.setEnabled(not running)
        self.html_action.setEnabled(bool(self.results))
        self.csv_action.setEnabled(bool(self.results))

    def _on_published(self, result) -> None:
        if getattr(result, "algorithm", "") != "indicator_assessment" or self.task is not None:
            return
        if getattr(result, "payload", ""):
            self.set_results(*from_json(result.payload))

    # --- project ------------------------------------------------------------------------------
    def store_in_project(self) -> None:
        QgsProject.instance().writeEntry(SCOPE, RESULT_KEY, to_json(self.results, self.meta))

    def restore_from_project(self, *args) -> None:
        text, found = QgsProject.instance().readEntry(SCOPE, RESULT_KEY, "")
        if found and text:
            try:
                meta, results = from_json(text)
            except (ValueError, TypeError, KeyError):
                return
            self.set_results(meta, results)

    # --- actions ------------------------------------------------------------------------------
    def open_settings(self) -> bool:
        dialog = IndicatorSettingsDialog(self.window())
        return dialog.exec_() == IndicatorSettingsDialog.Accepted

    def compute(self, background: bool = True) -> bool:
        """Run the assessment with the project's settings; False if it could not start."""
        if self.task is not None:
            return False
        registry = QgsApplication.processingRegistry()
        algorithm = registry.createAlgorithmById(ALGORITHM_ID)
        if algorithm is None:
            self._message(tr("The algorithm {id} is not available.").format(id=ALGORITHM_ID))
            return False
        parameters = algorithm_parameters(load_settings())
        if not any(k in parameters for k in LAYER_PARAMETERS):
            self._message(tr("No input layer is chosen: open the settings and pick the layers."))
        handle, self._json_path = tempfile.mkstemp(prefix="lyg_indicators_", suffix=".json")
        os.close(handle)
        parameters.update({"OUTPUT": "TEMPORARY_OUTPUT", "JSON": self._json_path})
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = QgsProcessingFeedback()
        feedback.progressChanged.connect(lambda p: self.progress.setValue(int(p)))
        self.progress.setValue(0)
        self.progress.show()
        self.last_error = ""
        if not background:
            import processing

            try:
                processing.run(ALGORITHM_ID, parameters, context=context, feedback=feedback)
                ok = True
            except Exception as error:  # noqa: BLE001 - shown to the user
                self.last_error = str(error)
                ok = False
            self._finished(ok, {})
            return ok
        task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
        task.executed.connect(self._finished)
        self.task = task
        self._task_refs = (algorithm, context, feedback)
        self._update_actions()
        QgsApplication.taskManager().addTask(task)
        return True

    def is_running(self) -> bool:
        return self.task is not None

    def _finished(self, successful: bool, outputs: dict) -> None:
        self.task = None
        self._task_refs = None
        self.progress.hide()
        try:
            if successful and self._json_path and os.path.getsize(self._json_path) > 0:
                with open(self._json_path, encoding="utf-8") as handle:
                    meta, results = from_json(handle.read())
                self.set_results(meta, results)
                self.store_in_project()
            elif not self.last_error:
                self.last_error = tr("The indicator assessment failed; see the Processing log.")
        finally:
            if self._json_path and os.path.exists(self._json_path):
                os.remove(self._json_path)
            self._json_path = ""
            self._update_actions()
        if self.last_error:
            self._message(self.last_error)

    def _message(self, text: str) -> None:
        self.summary.setText(text)
        if self.iface is not None and hasattr(self.iface, "messageBar"):
            self.iface.messageBar().pushWarning(tr("Plan indicator dashboard"), text)

    def export_html(self, path: str = "") -> str:
        if not self.results:
            return ""
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Export HTML…"), "", tr("HTML files (*.html)")
            )
        if not path:
            return ""
        return write_report(path, self.results, self.meta, "zh" if is_chinese() else "en")

    def export_csv(self, path: str = "") -> str:
        if not self.results:
            return ""
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Export CSV…"), "", tr("CSV files (*.csv)")
            )
        if not path:
            return ""
        return write_csv(path, self.results)

    # --- unload -------------------------------------------------------------------------------
    def teardown(self) -> None:
        """Disconnect from the bus and the project; cancel a running task."""
        if self.task is not None:
            try:
                self.task.executed.disconnect(self._finished)
            except TypeError:
                pass
            self.task.cancel()
            self.task = None
        for signal, slot in (
            (results_bus.bus().published, self._on_published),
            (QgsProject.instance().readProject, self.restore_from_project),
            (QgsProject.instance().cleared, self.clear),
        ):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass

    def meta_json(self) -> str:
        return json.dumps(self.meta, ensure_ascii=False)
