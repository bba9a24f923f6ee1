"""The memory layers a :class:`~.sheet.ReviewSheet` becomes for its print layout.

``items`` (the atlas coverage: one feature per item, fields :data:`.layout.ITEM_FIELDS`,
coloured by verdict and labelled by code), ``current`` (the same items, drawn only for the
atlas feature: the item of the page), ``conflicts`` (the highlight pieces), one layer per
control layer of the sheet, and the geometry-less tables ``rows`` (areas), ``notes`` (reasons
and basis) and ``summary`` (the cover).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsPalLayerSettings,
    QgsRuleBasedRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor, QFont

from ...core import labels
from ...core.units import m2_to_ha, m2_to_mu
from ..io.write import to_qgs_geometry
from .layout import ITEM_FIELDS
from .maps import memory_layer
from .pdf_text import CJK_FAMILY, unshaped
from .sheet import ReviewSheet, SheetItem

CURRENT_FILTER = "\"idx\" = attribute(@atlas_feature, 'idx')"
HIGHLIGHT_STYLE = {
    "color": "227,26,28,150",
    "style": "b_diagonal",
    "outline_color": "227,26,28,255",
    "outline_width": "0.35",
}
# the sheet is a Chinese form: its own wording is Chinese, like the template's
NAMES = {
    "items": "审查项目",
    "current": "本项目",
    "conflicts": "冲突部分",
    "other": "其他",
}


def sheet_crs(sheet: ReviewSheet) -> QgsCoordinateReferenceSystem:
    crs = QgsCoordinateReferenceSystem(sheet.crs_authid) if sheet.crs_authid else None
    if crs is None or not crs.isValid():
        crs = QgsCoordinateReferenceSystem.fromWkt(sheet.crs_wkt)
    return crs


def ha_text(area_m2: float | None) -> str:
    return "" if area_m2 is None else f"{m2_to_ha(area_m2):,.4f}"


def mu_text(area_m2: float | None) -> str:
    return "" if area_m2 is None else f"{m2_to_mu(area_m2):,.2f}"


def verdict_zh(item: SheetItem) -> str:
    """合规 / 需论证 / 不合规 for the verdict codes, else what the item says."""
    code = (item.verdict or "").upper()
    return labels.VERDICT_ZH.get(code) or item.verdict_zh or item.verdict or "—"


def table_layer(name: str, columns: Sequence[str], rows: Sequence[Sequence]) -> QgsVectorLayer:
    """A layer without geometry: ``item`` and ``n`` are integers, the other columns text."""
    layer = QgsVectorLayer("None", name, "memory")
    kinds = {c: QVariant.Int if c in ("item", "n") else QVariant.String for c in columns}
    layer.dataProvider().addAttributes([QgsField(c, kinds[c]) for c in columns])
    layer.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(row))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def item_values(i: int, item: SheetItem) -> list:
    area = (
        ""
        if item.area_m2 is None
        else f"{ha_text(item.area_m2)} 公顷（{mu_text(item.area_m2)} 亩）"
    )
    return [
        i,
        i + 1,
        i + 2,
        item.code,
        item.name or item.code,
        item.category or "—",
        item.verdict,
        verdict_zh(item),
        labels.colour_of(item.verdict)
        or labels.colour_of(item.verdict_zh)
        or labels.NEUTRAL_COLOUR,
        ha_text(item.area_m2),
        mu_text(item.area_m2),
        area or "—",
        "\n".join(item.reasons),
        "\n".join(item.basis),
    ]


def items_layer(sheet: ReviewSheet, crs, name: str) -> QgsVectorLayer:
    """One feature per item, in sheet order — an item without geometry too (its page gets
    the overview extent)."""
    present = [it.geometry for it in sheet.items if it.geometry is not None]
    kinds = {g.geom_type.replace("Multi", "") for g in present if not g.is_empty}
    kind = "LineString" if kinds == {"LineString"} else "Point" if kinds == {"Point"} else "Polygon"
    layer = QgsVectorLayer(f"Multi{kind}?crs={crs.authid() or crs.toWkt()}", name, "memory")
    ints = ("idx", "no", "page")
    fields = [QgsField(f, QVariant.Int if f in ints else QVariant.String) for f in ITEM_FIELDS]
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for i, item in enumerate(sheet.items):
        feature = QgsFeature(layer.fields())
        if item.geometry is not None and not item.geometry.is_empty:
            feature.setGeometry(to_qgs_geometry(item.geometry, multi=True))
        feature.setAttributes(item_values(i, item))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _rule(label: str, expression: str, style: dict) -> QgsRuleBasedRenderer.Rule:
    return QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(style), 0, 0, expression, label)


def style_items(layer: QgsVectorLayer) -> None:
    """Filled in the verdict's colour, outlined, labelled with the item code."""
    root = QgsRuleBasedRenderer.Rule(None)
    for code in labels.VERDICT_ORDER:
        colour = QColor(labels.colour_of(code))
        fill = f"{colour.red()},{colour.green()},{colour.blue()},170"
        style = {"color": fill, "outline_color": "90,90,90,255", "outline_width": "0.25"}
        root.appendChild(_rule(labels.VERDICT_ZH[code], f"upper(\"verdict\") = '{code}'", style))
    other = {"color": "220,220,220,170", "outline_color": "90,90,90,255", "outline_width": "0.25"}
    root.appendChild(_rule(NAMES["other"], "ELSE", other))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    settings = QgsPalLayerSettings()
    settings.fieldName = "code"
    text = QgsTextFormat()
    text.setFont(unshaped(QFont(CJK_FAMILY)))
    text.setSize(7)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.7)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_current(layer: QgsVectorLayer) -> None:
    root = QgsRuleBasedRenderer.Rule(None)
    style = {"color": "0,0,0,0", "outline_color": "0,0,0,255", "outline_width": "0.9"}
    root.appendChild(_rule(NAMES["current"], CURRENT_FILTER, style))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def rows_rows(sheet: ReviewSheet) -> list[list]:
    out = []
    for i, item in enumerate(sheet.items):
        for n, row in enumerate(item.rows, start=1):
            out.append([i, n, row.label, ha_text(row.area_m2), mu_text(row.area_m2), row.text])
    return out


def notes_rows(sheet: ReviewSheet) -> list[list]:
    """Reasons paired with their basis by position (the shorter list padded with "")."""
    out = []
    for i, item in enumerate(sheet.items):
        pairs = zip_longest(item.reasons, item.basis, fillvalue="")
        for n, (reason, basis) in enumerate(pairs, start=1):
            out.append([i, n, reason, basis])
    return out


def sheet_layers(sheet: ReviewSheet) -> dict[str, QgsVectorLayer]:
    """Every layer the layout needs, by role; ``map`` lists the map's layers (first = top)."""
    crs = sheet_crs(sheet)
    items = items_layer(sheet, crs, NAMES["items"])
    style_items(items)
    current = items_layer(sheet, crs, NAMES["current"])
    style_current(current)
    pieces = [g for it in sheet.items for g in it.highlight if g is not None and not g.is_empty]
    controls = [memory_layer(lyr.name, lyr.geoms, crs, lyr.style) for lyr in sheet.layers]
    spatial = [current]
    if pieces:
        spatial.append(memory_layer(NAMES["conflicts"], pieces, crs, HIGHLIGHT_STYLE))
    spatial.append(items)
    spatial += [c for c in controls if c.featureCount()]
    for layer in spatial:
        layer.setLabelsEnabled(layer is items)
    columns = ("item", "n", "label", "ha", "mu", "text")
    return {
        "items": items,
        "conflicts": spatial[1] if pieces else None,
        "map": spatial,
        "rows": table_layer("rows", columns, rows_rows(sheet)),
        "notes": table_layer("notes", ("item", "n", "reason", "basis"), notes_rows(sheet)),
        "summary": table_layer(
            "summary",
            ("n", "label", "value"),
            [[n, k, v] for n, (k, v) in enumerate(sheet.summary)],
        ),
    }
