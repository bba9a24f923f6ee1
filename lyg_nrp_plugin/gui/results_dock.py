"""审查结果 — the check-results dock.

Lists the latest result of each check algorithm (redline_overlap, landuse_occupation,
farmland_balance, corridor_assessment, ecological_network …) as published on ``results_bus``
— whether the check ran from the toolbox, a model, ``processing.run`` or a button: counts by
verdict or grade as coloured chips, a sortable table of projects / groups / corridors (the
strictest first) with their names, verdicts and areas (公顷, 亩) and the full reasons in a
tooltip. Clicking a row selects its features — the project in the output layer, a balance
group's occupied pieces and plots, a corridor — and zooms to them; one button opens the HTML
report, another prints the result as a 审查意见书 (PDF).
"""

from __future__ import annotations

import os
from pathlib import Path

from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from .. import results_bus
from ..translate import tr
from . import results_pdf, results_select, results_table

IGNORED_ALGORITHMS = {"indicator_assessment"}  # shown by the indicator dashboard


class ResultsDock(QgsDockWidget):
    OBJECT_NAME = "LygNrpResultsDock"
    HEADERS_COUNT = 6
    ZOOM_CONTEXT = 4.0
    PREFERRED_WIDTH = 560  # px: the table's columns and both buttons fit

    def __init__(self, parent=None, iface=None):
        super().__init__(tr("Check results"), parent)
        self.setObjectName(self.OBJECT_NAME)
        self.iface = iface
        self.results: dict[str, results_bus.CheckResult] = {}
        self._selected_layers: list = []
        self._pdf_task = None  # the background task writing a PDF

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.selector = QComboBox(body)
        self.selector.currentIndexChanged.connect(self._show_selected)
        layout.addWidget(self.selector)
        buttons = QHBoxLayout()
        self.report_button = QPushButton(tr("Open report"), body)
        self.report_button.clicked.connect(self.open_report)
        self.pdf_button = QPushButton(tr("Export PDF…"), body)
        self.pdf_button.setToolTip(tr("Print the result as a review sheet (审查意见书, PDF)"))
        self.pdf_button.clicked.connect(lambda: self.export_pdf(background=True))
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.placeholder = QLabel(
            tr(
                "No check has run yet. Results of the red-line, farmland-balance, corridor and "
                "network checks will be listed here."
            ),
            body,
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        layout.addWidget(self.placeholder, 1)
        self.counts_label = QLabel(body)
        self.counts_label.setTextFormat(Qt.RichText)
        self.counts_label.setWordWrap(True)
        layout.addWidget(self.counts_label)
        self.table = QTableWidget(0, self.HEADERS_COUNT, body)
        self.table.setHorizontalHeaderLabels(results_table.headers())
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        self.table.cellClicked.connect(lambda row, _column: self.select_row(row))
        layout.addWidget(self.table, 1)
        self.setWidget(body)

        results_bus.bus().published.connect(self.add_result)
        for result in results_bus.latest().values():
            self.add_result(result)
        self._refresh_visibility()

    # --- results ------------------------------------------------------------------------------
    def add_result(self, result) -> None:
        if result.algorithm in IGNORED_ALGORITHMS:
            return
        self.results[result.algorithm] = result
        self.selector.blockSignals(True)
        self.selector.clear()
        for algorithm, item in self.results.items():
            self.selector.addItem(item.title or algorithm, algorithm)
        self.selector.setCurrentIndex(self.selector.findData(result.algorithm))
        self.selector.blockSignals(False)
        self._show_selected()

    def current(self) -> results_bus.CheckResult | None:
        algorithm = self.selector.currentData()
        return self.results.get(algorithm) if algorithm else None

    def _refresh_visibility(self) -> None:
        has = bool(self.results)
        self.placeholder.setVisible(not has)
        for widget in (self.selector, self.counts_label, self.table):
            widget.setVisible(has)
        result = self.current()
        self.report_button.setEnabled(
            bool(result and result.report_path and os.path.exists(result.report_path))
        )
        self.pdf_button.setEnabled(bool(result and result.rows) and self._pdf_task is None)

    def _show_selected(self, *args) -> None:
        result = self.current()
        self.table.setRowCount(0)
        if result is None:
            self.counts_label.clear()
            self._refresh_visibility()
            return
        self.counts_label.setText(results_table.chips_html(result))
        results_table.fill(self.table, result)
        self.table.resizeColumnsToContents()
        for column in (results_table.COL_NAME, results_table.COL_DETAILS):
            if self.table.columnWidth(column) > 260:
                self.table.setColumnWidth(column, 260)  # the tooltip has the rest
        self._refresh_visibility()

    def displayed_rows(self) -> list:
        """The current result's rows in the order the table shows them."""
        result = self.current()
        if result is None:
            return []
        indices = [results_table.row_index(self.table, r) for r in range(self.table.rowCount())]
        return [result.rows[i] for i in indices if i is not None]

    def state(self) -> dict:
        """What the dock shows (for scripts and tests)."""
        result = self.current()
        return {
            "algorithm": result.algorithm if result else "",
            "counts": dict(result.counts) if result else {},
            "chips": self.counts_label.text(),
            "rows": [
                [
                    self.table.item(r, c).text() if self.table.item(r, c) else ""
                    for c in range(self.HEADERS_COUNT)
                ]
                for r in range(self.table.rowCount())
            ],
            "tooltips": [
                self.table.item(r, results_table.COL_DETAILS).toolTip()
                for r in range(self.table.rowCount())
            ],
            "algorithms": list(self.results),
        }

    # --- interaction ----------------------------------------------------------------------------
    def output_layer(self) -> QgsVectorLayer | None:
        """The layer the current result's rows refer to: by id, else by data source."""
        result = self.current()
        return results_select.find_layer(result.output_ref) if result else None

    def select_row(self, row: int) -> bool:
        """Select the features of the line shown at ``row`` and zoom to them; True when found."""
        result = self.current()
        index = results_table.row_index(self.table, row) if result else None
        if index is None or not 0 <= index < len(result.rows):
            return False
        pairs = results_select.targets(result, result.rows[index])
        if not pairs:
            return False
        results_select.select(pairs, self._selected_layers)
        self._selected_layers = [layer for layer, _ in pairs]
        if self.iface is not None and hasattr(self.iface, "mapCanvas"):
            canvas = self.iface.mapCanvas()
            crs = canvas.mapSettings().destinationCrs()
            extent = results_select.selected_extent(pairs, crs)
            if extent is not None:
                canvas.setExtent(extent)
                canvas.zoomByFactor(self.ZOOM_CONTEXT)  # show the surroundings too
                canvas.refresh()
        return True

    def open_report(self) -> bool:
        result = self.current()
        if result is None or not result.report_path or not os.path.exists(result.report_path):
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(result.report_path))

    def default_pdf_path(self) -> str:
        result = self.current()
        folder = Path(result.report_path).parent if result and result.report_path else Path.home()
        return str(folder / f"{result.algorithm if result else 'review'}_审查意见书.pdf")

    def export_pdf(self, path: str | None = None, background: bool = False) -> str:
        """Print the current result as a 审查意见书 (PDF), the rows in the table's order; the
        path ("" when not written). ``background``: a task writes it (the button's way), the
        message bar says when it is done."""
        result = self.current()
        if result is None or not result.rows:
            return ""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Export review sheet (PDF)"), self.default_pdf_path(), "PDF (*.pdf)"
            )
            if not path:
                return ""
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            sheet = results_pdf.sheet_of(result, self.displayed_rows())
            if background:
                self.pdf_button.setEnabled(False)
                self._pdf_task = results_pdf.write_in_background(
                    path, sheet, lambda pages, error: self._pdf_written(path, pages, error)
                )
                return path
            pages = results_pdf.write(path, sheet)
        except (QgsProcessingException, OSError) as error:
            self._pdf_written(path, 0, str(error))
            return ""
        finally:
            QApplication.restoreOverrideCursor()
        self._pdf_written(path, pages, "")
        return path

    def _pdf_written(self, path: str, pages: int, error: str) -> None:
        self._pdf_task = None
        self._refresh_visibility()
        if error or not pages:
            text = tr("The review sheet could not be written: {error}").format(error=error)
            self._message("critical", text)
            return
        text = tr("Review sheet written: {path} ({pages} pages)").format(path=path, pages=pages)
        self._message("success", text)

    def pdf_running(self) -> bool:
        return self._pdf_task is not None

    def _message(self, level: str, text: str) -> None:
        if self.iface is None or not hasattr(self.iface, "messageBar"):
            return
        push = getattr(self.iface.messageBar(), f"push{level.capitalize()}", None)
        if push is not None:
            push(tr("Check results"), text)

    def teardown(self) -> None:
        try:
            results_bus.bus().published.disconnect(self.add_result)
        except TypeError:
            pass
