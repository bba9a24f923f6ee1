"""The body of the indicator dashboard: the results by category (value, its source, target,
unit, attribute, a coloured status), the indicators measured under another definition apart
(with the sentence on the difference), a bar chart of values against targets that follows the
dock's width; and the CSV export.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence

from qgis.PyQt.QtCore import QByteArray, Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtSvg import QSvgWidget
from qgis.PyQt.QtWidgets import (
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
)

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
from ..processing.report.indicators import category_text, status_text, value_source_text
from ..translate import tr

# columns of the tree: what rows_state() names them (the unit follows the value)
COLUMN_KEYS = ("name", "value", "value_source", "target", "attribute", "status")
COLUMNS = len(COLUMN_KEYS)
VALUE_COLUMN, SOURCE_COLUMN, TARGET_COLUMN, STATUS_COLUMN = 1, 2, 3, 5
NAME_WIDTH = 170  # px the indicator names keep beside the other columns
# widest the other columns may grow (px; longer text is elided, the tooltip has it all)
COLUMN_CAPS = {VALUE_COLUMN: 112, SOURCE_COLUMN: 44, TARGET_COLUMN: 86, 4: 60, STATUS_COLUMN: 84}
CHART_MIN_WIDTH = 360
CSV_FIELDS = (
    "code",
    "category",
    "name_zh",
    "name_en",
    "unit",
    "value",
    "value_source",
    "value_source_zh",
    "target",
    "comparator",
    "target_text",
    "attribute",
    "baseline_2020",
    "status",
    "status_zh",
    "source",
    "note",
    "difference",
    "arithmetic",
)


def target_label(r: IndicatorResult) -> str:
    if r.target is not None:
        return target_display(r)
    return tr("Set by the province") if r.target_text == TARGET_FROM_ABOVE else "—"


def with_unit(text: str, unit: str) -> str:
    """``0.0039 万公顷``; a dash or a sentence stays as it is."""
    return f"{text} {unit}" if text[:1].isdigit() or text[:1] in "≥≤=" else text


def details_text(r: IndicatorResult, zh: bool) -> str:
    """What the dashboard says about one indicator beyond its row (the tooltip and the panel
    under the table): the difference of definitions, the arithmetic, the method, the notes."""
    parts = [r.difference, r.arithmetic, r.method_zh if zh else r.method_en, r.note]
    return "\n".join(t for t in parts if t)


def short_status(status: str) -> str:
    """The status as the table's narrow column shows it (the group title says the rest)."""
    if status == labels.STATUS_NOT_COMPARABLE:
        return tr("Other definition")
    return status_text(status)


class ChartArea(QScrollArea):
    """The bar chart, drawn again at the viewport's width whenever the dock is resized."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.chart = QSvgWidget()
        self.setWidget(self.chart)
        self.results: list[IndicatorResult] = []
        self.lang = "zh"

    def show_chart(self, results: Sequence[IndicatorResult], lang: str) -> bool:
        self.results, self.lang = list(results), lang
        self.redraw()
        return bool(chartable(self.results))

    def chart_width(self) -> int:
        return max(CHART_MIN_WIDTH, self.viewport().width() - 8)

    def redraw(self) -> None:
        svg = (
            bar_chart_svg(self.results, self.lang, width=self.chart_width()) if self.results else ""
        )
        self.chart.load(QByteArray(svg.encode("utf-8")) if svg else QByteArray())
        size = self.chart.renderer().defaultSize() if svg else None
        if size is not None and size.isValid():
            self.chart.setFixedSize(size)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if self.results and self.chart.width() != self.chart_width():
            self.redraw()


class IndicatorView(QSplitter):
    """Tree of indicators (grouped by category, 口径不同 apart) and, below it, the chart."""

    def __init__(self, parent=None):
        super().__init__(Qt.Vertical, parent)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels(
            [
                tr("Indicator"),
                tr("Value"),
                tr("Source"),
                tr("2025 target"),
                tr("Attribute"),
                tr("Status"),
            ]
        )
        self.tree.headerItem().setToolTip(SOURCE_COLUMN, tr("Value source"))
        header = self.tree.header()
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in range(1, COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.Interactive)
        header.setStretchLastSection(False)
        self.tree.setMinimumWidth(NAME_WIDTH + 300)
        self.tree.setAlternatingRowColors(False)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(self._show_details)
        self.details = QLabel(self)  # the selected indicator: difference, arithmetic, method
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.details.setMargin(4)
        self.chart_area = ChartArea(self)
        self.chart = self.chart_area.chart
        self.addWidget(self.tree)
        self.addWidget(self.details)
        self.addWidget(self.chart_area)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(2, 2)
        self.setSizes([420, 70, 260])
        self.results: dict[str, IndicatorResult] = {}
        self.zh = True

    def clear(self) -> None:
        self.tree.clear()
        self.results = {}
        self.details.clear()
        self.chart_area.show_chart([], "zh")
        self.chart_area.hide()

    def show_results(self, results: Sequence[IndicatorResult], zh: bool) -> None:
        self.tree.clear()
        self.details.clear()
        self.results, self.zh = {r.code: r for r in results}, zh
        apart = [r for r in results if r.status == labels.STATUS_NOT_COMPARABLE]
        for category in CATEGORIES:
            rows = [r for r in results if r.category == category and r not in apart]
            if rows:
                counts = status_counts(rows)
                met, not_met = counts[labels.STATUS_MET], counts[labels.STATUS_NOT_MET]
                self._add_group(f"{category_text(category)}  ({met}/{met + not_met})", rows, zh)
        if apart:
            self._add_group(status_text(labels.STATUS_NOT_COMPARABLE), apart, zh, True)
        self._fit_columns()
        self._show_details(None)
        has_chart = self.chart_area.show_chart(results, "zh" if zh else "en")
        self.chart_area.setVisible(has_chart)

    def _fit_columns(self) -> None:
        """The other columns as wide as their text, up to their cap; the names get the rest."""
        header = self.tree.header()
        for column, cap in COLUMN_CAPS.items():
            wanted = max(self.tree.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(wanted, cap))

    def _add_group(self, title: str, rows, zh: bool, differences: bool = False) -> None:
        top = QTreeWidgetItem(self.tree, [title])
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        top.setFirstColumnSpanned(True)
        for r in rows:
            item = self._add_row(top, r, zh)
            if differences and r.difference:  # the one sentence, under its row
                note = QTreeWidgetItem(item, [r.difference])
                note.setFirstColumnSpanned(True)
                note.setForeground(0, QBrush(QColor("#555555")))
                note.setToolTip(0, r.difference)
                item.setExpanded(True)
        top.setExpanded(True)

    def _add_row(self, top: QTreeWidgetItem, r: IndicatorResult, zh: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            top,
            [
                r.name_zh if zh else r.name_en,
                with_unit(format_value(r.value, r.unit), r.unit),
                value_source_text(r.value_source) if r.value is not None else "—",
                target_label(r),
                r.attribute or "—",
                short_status(r.status),
            ],
        )
        item.setData(0, Qt.UserRole, r.code)
        item.setData(1, Qt.UserRole, r.unit)
        item.setToolTip(0, details_text(r, zh))
        item.setToolTip(STATUS_COLUMN, r.difference or status_text(r.status))
        item.setBackground(STATUS_COLUMN, QBrush(QColor(labels.colour_of(r.status))))
        for column in (VALUE_COLUMN, TARGET_COLUMN):
            item.setTextAlignment(column, Qt.AlignRight | Qt.AlignVCenter)
        return item

    def _show_details(self, item, _previous=None) -> None:
        code = item.data(0, Qt.UserRole) if item is not None else None
        if code is None and item is not None and item.parent() is not None:
            code = item.parent().data(0, Qt.UserRole)  # the sentence under a row
        r = self.results.get(code)
        if r is not None:
            self.details.setText(details_text(r, self.zh))
        elif self.results:
            self.details.setText(
                tr("Select an indicator to see its definition, arithmetic and notes.")
            )
        else:
            self.details.clear()

    def rows_state(self) -> list[dict]:
        """What the tree shows (for scripts and tests): one dict per indicator row, with the
        columns by name (``value``, ``value_source``, ``status`` …) and as ``col0``…"""
        state = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                item = top.child(j)
                texts = [item.text(c) for c in range(COLUMNS)]
                state.append(
                    {
                        "category": top.text(0),
                        "code": item.data(0, Qt.UserRole),
                        **dict(zip(COLUMN_KEYS, texts)),
                        **{f"col{c}": text for c, text in enumerate(texts)},
                        "unit": item.data(1, Qt.UserRole),
                        "difference": item.child(0).text(0) if item.childCount() else "",
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
