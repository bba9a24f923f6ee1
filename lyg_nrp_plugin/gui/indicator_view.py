"""The body of the indicator dashboard: the results by category (value, target, unit,
attribute, a coloured status) above a bar chart of values against targets; and its CSV export.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence

from qgis.PyQt.QtCore import QByteArray, Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtSvg import QSvgWidget
from qgis.PyQt.QtWidgets import QHeaderView, QScrollArea, QSplitter, QTreeWidget, QTreeWidgetItem

from ..core import labels
from ..core.indicator_chart import bar_chart_svg, chartable
from ..core.indicators import (
    CATEGORIES,
    TARGET_FROM_ABOVE,
    IndicatorResult,
    format_value,
    status_counts,
    target_display,
)
from ..processing.report.indicators import category_text, status_text
from ..translate import tr

COLUMNS = 6
STATUS_COLUMN = 5
CSV_FIELDS = (
    "code",
    "category",
    "name_zh",
    "name_en",
    "unit",
    "value",
    "target",
    "comparator",
    "target_text",
    "attribute",
    "baseline_2020",
    "status",
    "status_zh",
    "source",
    "note",
)


def target_label(r: IndicatorResult) -> str:
    if r.target is not None:
        return target_display(r)
    return tr("Set by the province") if r.target_text == TARGET_FROM_ABOVE else "—"


class IndicatorView(QSplitter):
    """Tree of indicators (grouped by category) and, below it, the chart."""

    def __init__(self, parent=None):
        super().__init__(Qt.Vertical, parent)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels(
            [
                tr("Indicator"),
                tr("Value"),
                tr("2025 target"),
                tr("Unit"),
                tr("Attribute"),
                tr("Status"),
            ]
        )
        self.tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        for column in range(1, COLUMNS):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setAlternatingRowColors(False)
        self.chart_area = QScrollArea(self)
        self.chart_area.setWidgetResizable(False)
        self.chart_area.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.chart = QSvgWidget()
        self.chart_area.setWidget(self.chart)
        self.addWidget(self.tree)
        self.addWidget(self.chart_area)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setSizes([420, 260])

    def clear(self) -> None:
        self.tree.clear()
        self.chart.load(QByteArray())
        self.chart_area.hide()

    def show_results(self, results: Sequence[IndicatorResult], zh: bool) -> None:
        self.tree.clear()
        for category in CATEGORIES:
            rows = [r for r in results if r.category == category]
            if rows:
                self._add_category(category, rows, zh)
        svg = bar_chart_svg(results, "zh" if zh else "en", width=560)
        self.chart.load(QByteArray(svg.encode("utf-8")) if svg else QByteArray())
        size = self.chart.renderer().defaultSize() if svg else None
        if size is not None and size.isValid():
            self.chart.setFixedSize(size)
        self.chart_area.setVisible(bool(chartable(results)))

    def _add_category(self, category: str, rows: Sequence[IndicatorResult], zh: bool) -> None:
        counts = status_counts(rows)
        met, not_met = counts[labels.STATUS_MET], counts[labels.STATUS_NOT_MET]
        top = QTreeWidgetItem(self.tree, [f"{category_text(category)}  ({met}/{met + not_met})"])
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        top.setFirstColumnSpanned(True)
        for r in rows:
            item = QTreeWidgetItem(
                top,
                [
                    r.name_zh if zh else r.name_en,
                    format_value(r.value, r.unit),
                    target_label(r),
                    r.unit,
                    r.attribute or "—",
                    status_text(r.status),
                ],
            )
            item.setData(0, Qt.UserRole, r.code)
            item.setToolTip(
                0, (r.method_zh if zh else r.method_en) + (f"\n{r.note}" if r.note else "")
            )
            item.setBackground(STATUS_COLUMN, QBrush(QColor(labels.colour_of(r.status))))
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignRight | Qt.AlignVCenter)
        top.setExpanded(True)

    def rows_state(self) -> list[dict]:
        """What the tree shows (for scripts and tests): one dict per indicator row."""
        state = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                item = top.child(j)
                state.append(
                    {
                        "category": top.text(0),
                        "code": item.data(0, Qt.UserRole),
                        **{f"col{c}": item.text(c) for c in range(COLUMNS)},
                    }
                )
        return state


def write_csv(path: str, results: Sequence[IndicatorResult]) -> str:
    """The results as CSV, utf-8 with BOM so that Excel on Chinese Windows reads it."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_FIELDS)
        for r in results:
            row = r.as_dict()
            writer.writerow(["" if row[n] is None else row[n] for n in CSV_FIELDS])
    return path
