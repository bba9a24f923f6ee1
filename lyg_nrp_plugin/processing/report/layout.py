"""The print layout of the 审查意见书: the template, its item ids, and how data is bound to it.

The layout lives in ``resources/layouts/review_sheet.qpt`` (made by
``scripts/make_layouts.py``; an office may restyle it in QGIS's layout designer, or point the
``lyg_nrp/layouts/review_sheet`` setting at its own copy). Its first page is the cover, every
further page is printed once per item (an atlas over the items). The code finds the items
below by id and binds the sheet's layers to them; everything else — labels, frames, fonts,
positions — is the template's. Labels read the atlas feature's fields (:data:`ITEM_FIELDS`)
and the layout variables (:data:`VARIABLES`).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutMultiFrame,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsSettings,
)
from qgis.PyQt.QtXml import QDomDocument

from ...paths import resource_path
from ...translate import tr
from .maps import fit_ratio
from .pdf_text import wrap_text

TEMPLATE_SETTING = "lyg_nrp/layouts/review_sheet"

# --- item ids the code looks for (all optional except ITEM_MAP) -------------------------------
ITEM_MAP = "item_map"  # atlas-driven map of an item page
ITEM_LEGEND = "item_legend"
ITEM_NORTH = "item_north_arrow"
OVERVIEW_MAP = "overview_map"  # cover: all items
OVERVIEW_LEGEND = "overview_legend"
OVERVIEW_NORTH = "overview_north_arrow"
SUMMARY_TABLE = "summary_table"  # cover: label / value (frame id)
ITEMS_TABLE = "items_table"  # cover: the list of items (frame id)
AREAS_TABLE = "areas_table"  # item page: areas in 公顷 / 亩 (frame id)
NOTES_TABLE = "notes_table"  # item page: reasons and their basis (frame id)

# which memory layer feeds which table, and the atlas filter of the item-page tables
TABLE_SOURCES = {
    SUMMARY_TABLE: ("summary", ""),
    ITEMS_TABLE: ("items", ""),
    AREAS_TABLE: ("rows", "\"item\" = attribute(@atlas_feature, 'idx')"),
    NOTES_TABLE: ("notes", "\"item\" = attribute(@atlas_feature, 'idx')"),
}
MAPS = {ITEM_MAP: (ITEM_LEGEND, ITEM_NORTH), OVERVIEW_MAP: (OVERVIEW_LEGEND, OVERVIEW_NORTH)}

# fields of the atlas coverage layer (one feature per item), for the template's labels
ITEM_FIELDS = (
    "idx",  # 0-based position in the sheet
    "no",  # 1-based number
    "page",  # the page the item is printed on (the cover is page 1)
    "code",
    "name",
    "category",
    "verdict",  # PASS / REVIEW / FAIL
    "verdict_zh",  # 合规 / 需论证 / 不合规
    "verdict_colour",  # background of the verdict (core.labels)
    "area_ha",
    "area_mu",
    "area_text",  # 1.2345 公顷（18.52 亩）
    "reasons",  # one per line
    "basis",  # one per line
)
# layout variables: @lyg_title, @lyg_subtitle … in the template's expressions
VARIABLES = (
    "lyg_title",
    "lyg_subtitle",
    "lyg_date",
    "lyg_generated_by",
    "lyg_total_pages",
    "lyg_item_count",
    "lyg_items_note",
    "lyg_crs",
)


def bundled_template() -> Path:
    return resource_path("layouts", "review_sheet.qpt")


def north_arrow_svg() -> Path:
    return resource_path("layouts", "north_arrow.svg")


def template_path(template: str | Path | None = None) -> Path:
    """``template``, else the office's template (setting ``lyg_nrp/layouts/review_sheet``)
    when that file exists, else the bundled one."""
    if template:
        return Path(template)
    configured = QgsSettings().value(TEMPLATE_SETTING, "", type=str)
    if configured and Path(configured).is_file():
        return Path(configured)
    return bundled_template()


def load_layout(project: QgsProject, template: str | Path | None = None) -> QgsPrintLayout:
    """A print layout of ``project`` from the template; refuses one without an item page."""
    path = template_path(template)
    document = QDomDocument()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise QgsProcessingException(
            tr("Cannot read the layout template {path}: {error}").format(path=path, error=error)
        ) from error
    layout = QgsPrintLayout(project)
    if (
        not document.setContent(text)[0]
        or not layout.loadFromTemplate(document, QgsReadWriteContext())[1]
    ):
        raise QgsProcessingException(
            tr("{path} is not a QGIS layout template (.qpt).").format(path=path)
        )
    if layout.pageCollection().pageCount() < 2 or map_item(layout, ITEM_MAP) is None:
        raise QgsProcessingException(
            tr(
                "The layout template {path} needs a cover page and an item page with a map "
                "whose id is “{id}”."
            ).format(path=path, id=ITEM_MAP)
        )
    return layout


def map_item(layout: QgsPrintLayout, item_id: str) -> QgsLayoutItemMap | None:
    item = layout.itemById(item_id)
    return item if isinstance(item, QgsLayoutItemMap) else None


def table_of(layout: QgsPrintLayout, frame_id: str) -> QgsLayoutMultiFrame | None:
    """The attribute table whose frame has id ``frame_id``."""
    frame = layout.itemById(frame_id)
    table = frame.multiFrame() if frame is not None and hasattr(frame, "multiFrame") else None
    return table if table is not None and hasattr(table, "setVectorLayer") else None


def bind_tables(layout: QgsPrintLayout, layers: dict) -> None:
    """Each table reads its memory layer; the template's columns (headings, widths) stay."""
    for frame_id, (key, feature_filter) in TABLE_SOURCES.items():
        table = table_of(layout, frame_id)
        if table is None or key not in layers:
            continue
        columns = table.columns()
        table.setVectorLayer(layers[key])  # resets the columns to the layer's fields
        if columns:
            table.setColumns(columns)
        if feature_filter:
            table.setFilterFeatures(True)
            table.setFeatureFilter(feature_filter)
        wrap_cells(table, layers[key])
        table.refreshAttributes()


def wrap_cells(table, layer) -> None:
    """Break the text of ``layer`` to the widths of the table's columns (Chinese has no
    spaces for the table to wrap at)."""
    text_format = table.contentTextFormat()
    font, size = text_format.font(), text_format.size()
    margin = 0.0  # column widths exclude the cell margins already
    widths = {c.attribute(): c.width() - margin for c in table.columns() if c.width() > 0}
    indices = {layer.fields().lookupField(a): w for a, w in widths.items()}
    indices = {i: w for i, w in indices.items() if i >= 0}
    changes = {}
    for feature in layer.getFeatures():
        for index, width in indices.items():
            value = feature.attributes()[index]
            if isinstance(value, str) and value:
                wrapped = wrap_text(value, font, size, width)
                if wrapped != value:
                    changes.setdefault(feature.id(), {})[index] = wrapped
    if changes:
        layer.dataProvider().changeAttributeValues(changes)


def fitted(extent: QgsRectangle, item: QgsLayoutItemMap) -> QgsRectangle:
    """``extent`` grown to the item's width : height (so setting it never resizes the item)."""
    size = item.sizeWithUnits()
    ratio = size.width() / size.height() if size.height() > 0 else 1.0
    return fit_ratio(QgsRectangle(extent), ratio)


def bind_maps(layout: QgsPrintLayout, map_layers: list, crs, extent) -> None:
    """The maps draw ``map_layers`` (first = top) in ``crs``; the overview shows ``extent``;
    a north arrow whose picture is missing gets the bundled one."""
    for map_id, (legend_id, north_id) in MAPS.items():
        item = map_item(layout, map_id)
        if item is None:
            continue
        item.setCrs(crs)
        item.setLayers(map_layers)
        item.setKeepLayerSet(True)
        if extent is not None:
            item.setExtent(fitted(extent, item))
        legend = layout.itemById(legend_id)
        if isinstance(legend, QgsLayoutItemLegend):
            legend.setLinkedMap(item)
        north = layout.itemById(north_id)
        if isinstance(north, QgsLayoutItemPicture) and not Path(north.picturePath()).is_file():
            north.setPicturePath(str(north_arrow_svg()))
            north.setLinkedMap(item)
