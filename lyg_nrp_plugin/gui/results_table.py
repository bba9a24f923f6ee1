"""The check-results table: one line per item, sortable, the strictest first.

Sort keys live in the cells (:class:`SortItem`): verdicts sort FAIL → REVIEW → PASS
(``core.labels.VERDICT_ORDER``), corridor grades worst first (差 → 中 → 良 → 优), areas by
their value, ids naturally (P2 before P10); ties keep the order the algorithm published.
The count chips above the table read the same labels and colours.
"""

from __future__ import annotations

import html
import re

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QTableWidget, QTableWidgetItem

from ..core import labels
from ..core.units import m2_to_ha, m2_to_mu
from ..translate import is_chinese, tr

SORT_ROLE = Qt.UserRole + 1
INDEX_ROLE = Qt.UserRole  # on column 0: the row's position in CheckResult.rows
COL_ID, COL_NAME, COL_VERDICT, COL_HA, COL_MU, COL_DETAILS = range(6)
UNKNOWN_RANK = 10


def headers() -> list[str]:
    return [tr("ID"), tr("Name"), tr("Verdict"), tr("Area (ha)"), tr("Area (mu)"), tr("Details")]


class SortItem(QTableWidgetItem):
    """A cell that sorts by the key in :data:`SORT_ROLE` (then by published order)."""

    def __lt__(self, other):  # noqa: D105
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return mine < theirs


def verdict_rank(code: str | None, zh: str | None = None) -> int:
    """0 = the strictest: FAIL, REVIEW, PASS; grades 差, 中, 良, 优; anything else last."""
    upper = (code or "").upper()
    if upper in labels.VERDICT_ORDER:
        return labels.VERDICT_ORDER.index(upper)
    grade = zh if zh in labels.GRADE_ORDER else code
    if grade in labels.GRADE_ORDER:
        return len(labels.GRADE_ORDER) - 1 - labels.GRADE_ORDER.index(grade)
    return UNKNOWN_RANK


def chip_rank(code: str, zh: str) -> tuple[int, str]:
    """Chips: verdicts FAIL → PASS, grades in 优/良/中/差 order, the rest by name."""
    upper = code.upper()
    if upper in labels.VERDICT_ORDER:
        return labels.VERDICT_ORDER.index(upper), ""
    grade = zh if zh in labels.GRADE_ORDER else code
    if grade in labels.GRADE_ORDER:
        return len(labels.VERDICT_ORDER) + labels.GRADE_ORDER.index(grade), ""
    return UNKNOWN_RANK, code


def natural_key(text: str) -> tuple:
    return tuple(
        (0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", text) if p
    )


def chinese_of(code: str, result) -> str:
    """The Chinese label of a verdict or grade code (from the rows, else core.labels)."""
    if code.upper() in labels.VERDICT_ZH:
        return labels.VERDICT_ZH[code.upper()]
    return next((r.verdict_zh for r in result.rows if r.verdict == code and r.verdict_zh), code)


def colour(code: str, zh: str) -> str | None:
    return labels.colour_of(code) or labels.colour_of(zh)


def chips_html(result) -> str:
    """The counts as coloured chips, in Chinese when the interface is."""
    zh = is_chinese()
    chips = []
    for code, n in sorted(
        result.counts.items(), key=lambda kv: chip_rank(kv[0], chinese_of(kv[0], result))
    ):
        name = chinese_of(code, result) if zh else code
        background = colour(code, chinese_of(code, result)) or labels.NEUTRAL_COLOUR
        chips.append(
            f'<span style="background:{background};padding:2px 6px">'
            f"&nbsp;{html.escape(name)}: <b>{int(n)}</b>&nbsp;</span>"
        )
    return "&nbsp;".join(chips)


def display_name(row) -> str:
    """名称: the item's name; empty when the algorithm could only repeat the id."""
    return "" if not row.label or row.label == str(row.item_id) else row.label


def tooltip(row) -> str:
    """The full reasons (and their basis) behind a row."""
    lines = list(row.reasons) if row.reasons else [row.details] if row.details else []
    if row.basis:
        lines += ["", tr("Basis:")] + list(row.basis)
    return "\n".join(lines)


def verdict_text(row) -> str:
    if is_chinese():
        return row.verdict_zh or labels.verdict_zh(row.verdict) or row.verdict or ""
    return row.verdict or ""


def _cell(text: str, key, align=None) -> SortItem:
    item = SortItem(text)
    item.setData(SORT_ROLE, key)
    if align is not None:
        item.setTextAlignment(align)
    return item


def fill(table: QTableWidget, result) -> None:
    """Fill ``table`` with the result's rows and sort them strictest first."""
    table.setSortingEnabled(False)
    table.clearContents()
    table.setRowCount(len(result.rows))
    right = Qt.AlignRight | Qt.AlignVCenter
    for i, row in enumerate(result.rows):
        area = row.area_m2
        none = float("inf")  # rows without an area sort last
        cells = [
            _cell(str(row.item_id), (natural_key(str(row.item_id)), i)),
            _cell(display_name(row), (display_name(row), i)),
            _cell(verdict_text(row), (verdict_rank(row.verdict, row.verdict_zh), i)),
            _cell(
                "" if area is None else f"{m2_to_ha(area):,.4f}",
                (none if area is None else area, i),
                right,
            ),
            _cell(
                "" if area is None else f"{m2_to_mu(area):,.2f}",
                (none if area is None else area, i),
                right,
            ),
            _cell(row.details, (row.details, i)),
        ]
        cells[COL_ID].setData(INDEX_ROLE, i)
        background = colour(row.verdict or "", row.verdict_zh or "")
        if background:
            cells[COL_VERDICT].setBackground(QBrush(QColor(background)))
        tip = tooltip(row)
        for column, cell in enumerate(cells):
            if tip and column in (COL_VERDICT, COL_DETAILS):
                cell.setToolTip(tip)
            elif column == COL_NAME and cell.text():
                cell.setToolTip(cell.text())
            table.setItem(i, column, cell)
    table.setSortingEnabled(True)
    table.sortItems(COL_VERDICT, Qt.AscendingOrder)


def row_index(table: QTableWidget, display_row: int) -> int | None:
    """The position in ``CheckResult.rows`` of the line shown at ``display_row``."""
    item = table.item(display_row, COL_ID)
    value = item.data(INDEX_ROLE) if item is not None else None
    return int(value) if value is not None else None
