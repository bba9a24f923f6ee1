"""审查结果 — the check-results dock.

Lists the latest result of each check algorithm (redline_overlap, landuse_occupation,
farmland_balance, corridor_assessment, ecological_network …) as published on ``results_bus``
— whether the check ran from the toolbox, a model, ``processing.run`` or a button: counts by
verdict, a table of projects / groups / corridors with verdicts and areas (公顷, 亩); clicking a
row selects the feature in the output layer (found in the project by layer id or source) and
zooms to it; a button opens the HTML report.
"""

from __future__ import annotations

import html
import os

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import results_bus
from ..core import labels
from ..core.units import m2_to_ha, m2_to_mu
from ..translate import is_chinese, tr

IGNORED_ALGORITHMS = {"indicator_assessment"}  # shown by the indicator dashboard


class ResultsDock(QgsDockWidget):
    OBJECT_NAME = "LygNrpResultsDock"
    HEADERS_COUNT = 6
    ZOOM_CONTEXT = 4.0

    def __init__(self, parent=None, iface=None):
        super().__init__(tr("Check results"), parent)
        self.setObjectName(self.OBJECT_NAME)
        self.iface = iface
        self.results: dict[str, results_bus.CheckResult] = {}

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.selector = QComboBox(body)
        self.selector.currentIndexChanged.connect(self._show_selected)
        top.addWidget(self.selector, 1)
        self.report_button = QPushButton(tr("Open report"), body)
        self.report_button.clicked.connect(self.open_report)
        top.addWidget(self.report_button)
        layout.addLayout(top)
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
        layout.addWidget(self.counts_label)
        self.table = QTableWidget(0, self.HEADERS_COUNT, body)
        self.table.setHorizontalHeaderLabels(
            [tr("ID"), tr("Name"), tr("Verdict"), tr("Area (ha)"), tr("Area (mu)"), tr("Details")]
        )
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
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

    def _show_selected(self, *args) -> None:
        result = self.current()
        self.table.setRowCount(0)
        if result is None:
            self.counts_label.clear()
            self._refresh_visibility()
            return
        chips = []
        ordered = sorted(
            result.counts.items(),
            key=lambda kv: (
                labels.VERDICT_ORDER.index(kv[0])
                if kv[0] in labels.VERDICT_ORDER
                else len(labels.VERDICT_ORDER)
            ),
        )
        for verdict, n in ordered:
            colour = labels.colour_of(verdict) or labels.NEUTRAL_COLOUR
            chips.append(
                f'<span style="background:{colour};padding:2px 6px">'
                f"&nbsp;{html.escape(self._verdict_name(verdict, result))}: "
                f"<b>{int(n)}</b>&nbsp;</span>"
            )
        self.counts_label.setText("&nbsp;".join(chips))
        zh = is_chinese()
        self.table.setRowCount(len(result.rows))
        for i, row in enumerate(result.rows):
            verdict = (row.verdict_zh if zh and row.verdict_zh else row.verdict) or ""
            ha = "" if row.area_m2 is None else f"{m2_to_ha(row.area_m2):,.4f}"
            mu = "" if row.area_m2 is None else f"{m2_to_mu(row.area_m2):,.2f}"
            values = [str(row.item_id), row.label, verdict, ha, mu, row.details]
            colour = labels.colour_of(row.verdict)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column in (3, 4):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if column == 2 and colour:
                    item.setBackground(QBrush(QColor(colour)))
                if column == 0:
                    item.setData(Qt.UserRole, row.feature_id)
                self.table.setItem(i, column, item)
        self._refresh_visibility()

    @staticmethod
    def _verdict_name(verdict: str, result) -> str:
        if is_chinese():
            for row in result.rows:
                if row.verdict == verdict and row.verdict_zh:
                    return f"{row.verdict_zh} {verdict}" if row.verdict_zh != verdict else verdict
        return verdict

    def state(self) -> dict:
        """What the dock shows (for scripts and tests)."""
        result = self.current()
        return {
            "algorithm": result.algorithm if result else "",
            "counts": dict(result.counts) if result else {},
            "rows": [
                [
                    self.table.item(r, c).text() if self.table.item(r, c) else ""
                    for c in range(self.HEADERS_COUNT)
                ]
                for r in range(self.table.rowCount())
            ],
            "algorithms": list(self.results),
        }

    # --- interaction ----------------------------------------------------------------------------
    def output_layer(self) -> QgsVectorLayer | None:
        """The layer the current result's rows refer to: by id, else by data source."""
        result = self.current()
        if result is None or not result.output_ref:
            return None
        project = QgsProject.instance()
        layer = project.mapLayer(result.output_ref)
        if isinstance(layer, QgsVectorLayer):
            return layer
        ref = result.output_ref.split("|")[0]
        for candidate in project.mapLayers().values():
            if not isinstance(candidate, QgsVectorLayer):
                continue
            source = candidate.source()
            if source == result.output_ref or source.split("|")[0] == ref:
                return candidate
        return None

    def select_row(self, row: int) -> bool:
        """Select the row's feature in the output layer and zoom to it; True when found."""
        result = self.current()
        if result is None or not 0 <= row < len(result.rows):
            return False
        feature_id = result.rows[row].feature_id
        layer = self.output_layer()
        if layer is None or feature_id is None:
            return False
        layer.selectByIds([int(feature_id)])
        if self.iface is not None and hasattr(self.iface, "mapCanvas"):
            canvas = self.iface.mapCanvas()
            canvas.zoomToSelected(layer)
            canvas.zoomByFactor(self.ZOOM_CONTEXT)  # show the surroundings too
            canvas.refresh()
        return True

    def open_report(self) -> bool:
        result = self.current()
        if result is None or not result.report_path or not os.path.exists(result.report_path):
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(result.report_path))

    def teardown(self) -> None:
        try:
            results_bus.bus().published.disconnect(self.add_result)
        except TypeError:
            pass
