"""Tables that must fit their frames: every item gets exactly one page.

A layout table whose rows do not fit its frame silently drops the rest. Here an item page's
table gives up its last rows for one line that says how many more there are (the HTML report
has them all), and the cover's list of items shows as many as fit (the note under it says
so). Whatever the template's fonts and frame sizes, nothing disappears unannounced.
"""

from __future__ import annotations

from qgis.core import QgsFeature, QgsFeatureRequest

MORE = "……另有 {n} 条，详见审查报告"
SLACK_MM = 0.05


def overflows(table, frame) -> bool:
    table.refreshAttributes()
    return table.totalSize().height() > frame.sizeWithUnits().height() + SLACK_MM


def _rows(layer, index: int) -> list[QgsFeature]:
    request = QgsFeatureRequest().setFilterExpression(f'"item" = {int(index)}')
    return sorted(layer.getFeatures(request), key=lambda f: f["n"])


def fit_item_table(table, frame, layer, index: int, text_field: str) -> int:
    """Replace the last rows of item ``index`` by one summary line until the table fits; the
    number of rows the summary stands for (0 when all fit)."""
    if table is None or frame is None or not overflows(table, frame):
        return 0
    rows = _rows(layer, index)
    provider, fields = layer.dataProvider(), layer.fields()
    dropped, summary = 0, None
    while len(rows) > 1 and overflows(table, frame):
        gone = [rows.pop() for _ in range(1 if summary is not None else 2)]
        dropped += len(gone)
        provider.deleteFeatures([f.id() for f in gone] + ([summary] if summary else []))
        line = QgsFeature(fields)
        values = [None] * fields.count()
        values[fields.lookupField("item")] = int(index)
        values[fields.lookupField("n")] = int(gone[-1]["n"])
        values[fields.lookupField(text_field)] = MORE.format(n=dropped)
        line.setAttributes(values)
        ok, added = provider.addFeatures([line])
        summary = added[0].id() if ok and added else None
    return dropped


def fit_cover_list(table, frame, total: int) -> int:
    """Show as many of the ``total`` items on the cover as fit; how many are shown."""
    if table is None or frame is None:
        return total
    shown = total
    table.setMaximumNumberOfFeatures(max(total, 1))
    while shown > 1 and overflows(table, frame):
        shown -= 1
        table.setMaximumNumberOfFeatures(shown)
    return shown
