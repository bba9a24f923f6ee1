#!/usr/bin/env python3
"""Write ``resources/layouts/review_sheet.qpt``: the print layout of the 审查意见书.

Two A4 portrait pages. Page 1, the cover: title, summary table, overview map of every item,
the list of items. Page 2, printed once per item (atlas): title, 项目名称 / 编号 / 类别 / 用地面积 /
审查结论 (coloured by verdict), the item's map with legend, scale bar and north arrow, the table
of occupied areas in 公顷 and 亩, the reasons with their basis, and the empty 审查单位 / 审查人 /
审查意见 / 日期 block to sign. The plugin binds its data to the items whose ids are in
``lyg_nrp_plugin/processing/report/layout.py``; everything else here is style an office may
change in QGIS's layout designer (Project ▸ Layout Manager ▸ import the .qpt).

    python scripts/make_layouts.py [--out resources/layouts/review_sheet.qpt]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CONTENT = 180.0  # mm: A4 width 210 minus 15 mm margins
LEFT = 15.0
HEADER_FILL = "240,240,240,255"


def build(out: Path) -> Path:
    from qgis.core import (
        QgsFillSymbol,
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemPage,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsLayoutItemShape,
        QgsLayoutMeasurement,
        QgsLayoutObject,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsLegendStyle,
        QgsPrintLayout,
        QgsProject,
        QgsProperty,
        QgsReadWriteContext,
        QgsScaleBarSettings,
        QgsTextFormat,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor, QFont

    from lyg_nrp_plugin.processing.report import layout as ids
    from lyg_nrp_plugin.processing.report.pdf_text import CJK_FAMILY

    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("审查意见书 review sheet")
    pages = layout.pageCollection()
    pages.page(0).setPageSize("A4", QgsLayoutItemPage.Portrait)
    item_page = QgsLayoutItemPage(layout)
    item_page.setPageSize("A4", QgsLayoutItemPage.Portrait)
    pages.addPage(item_page)

    def font(size: float, bold: bool = False) -> QFont:
        f = QFont(CJK_FAMILY)
        f.setPointSizeF(size)
        f.setBold(bold)
        return f

    def text_format(size: float, bold: bool = False) -> QgsTextFormat:
        fmt = QgsTextFormat()
        fmt.setFont(font(size, bold))
        fmt.setSize(size)
        return fmt

    def place(item, page: int, x: float, y: float, w: float, h: float, item_id: str = ""):
        layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y), page=page)
        item.attemptResize(QgsLayoutSize(w, h))
        if item_id:
            item.setId(item_id)
        return item

    def label(page, x, y, w, h, text, size=10.0, bold=False, align=Qt.AlignLeft, **kw):
        item = QgsLayoutItemLabel(layout)
        item.setText(text)
        item.setFont(font(size, bold))
        item.setHAlign(align)
        item.setVAlign(kw.get("valign", Qt.AlignVCenter))
        item.setMarginX(1.5)
        item.setMarginY(0.5)
        if kw.get("frame"):
            item.setFrameEnabled(True)
            item.setFrameStrokeWidth(QgsLayoutMeasurement(0.25))
        if kw.get("fill"):
            item.setBackgroundEnabled(True)
            item.setBackgroundColor(QColor(*[int(v) for v in kw["fill"].split(",")]))
        if kw.get("colour"):
            item.setFontColor(QColor(kw["colour"]))
        return place(item, page, x, y, w, h, kw.get("item_id", ""))

    def rule(page, y, h=0.6, colour="139,0,0,255"):
        shape = QgsLayoutItemShape(layout)
        shape.setShapeType(QgsLayoutItemShape.Rectangle)
        shape.setSymbol(QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"}))
        return place(shape, page, LEFT, y, CONTENT, h)

    def box(page, x, y, w, h):
        shape = QgsLayoutItemShape(layout)
        shape.setShapeType(QgsLayoutItemShape.Rectangle)
        shape.setSymbol(
            QgsFillSymbol.createSimple(
                {"color": "0,0,0,0", "outline_color": "0,0,0,255", "outline_width": "0.3"}
            )
        )
        return place(shape, page, x, y, w, h)

    def map_item(page, x, y, w, h, item_id):
        item = QgsLayoutItemMap(layout)
        item.setFrameEnabled(True)
        item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
        return place(item, page, x, y, w, h, item_id)

    def legend(page, x, y, w, h, item_id, linked):
        item = QgsLayoutItemLegend(layout)
        item.setTitle("图例")
        item.setLinkedMap(linked)
        item.setLegendFilterByMapEnabled(True)  # only what the map shows
        item.setResizeToContents(False)
        item.setWrapString("")
        item.setColumnCount(1)
        for style, size, bold in (
            (QgsLegendStyle.Title, 10.0, True),
            (QgsLegendStyle.Group, 8.0, True),
            (QgsLegendStyle.Subgroup, 8.0, False),
            (QgsLegendStyle.SymbolLabel, 7.5, False),
        ):
            item.setStyleFont(style, font(size, bold))
        item.setSymbolWidth(6)
        item.setSymbolHeight(3.5)
        item.setFrameEnabled(True)
        item.setFrameStrokeWidth(QgsLayoutMeasurement(0.25))
        return place(item, page, x, y, w, h, item_id)

    def north(page, x, y, item_id, linked):
        item = QgsLayoutItemPicture(layout)
        item.setPicturePath("north_arrow.svg")  # the plugin points it at its own copy
        item.setLinkedMap(linked)
        item.setBackgroundEnabled(True)
        item.setBackgroundColor(QColor(255, 255, 255, 200))
        return place(item, page, x, y, 9, 13, item_id)

    def scalebar(page, x, y, linked):
        item = QgsLayoutItemScaleBar(layout)
        item.setStyle("Single Box")
        item.setLinkedMap(linked)
        item.setUnits(QgsUnitTypes.DistanceMeters)
        item.setUnitLabel("米")
        item.setNumberOfSegments(2)
        item.setNumberOfSegmentsLeft(0)
        item.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
        item.setMinimumBarWidth(20)
        item.setMaximumBarWidth(45)
        item.setHeight(2)
        item.setTextFormat(text_format(7))
        item.setBackgroundEnabled(True)
        item.setBackgroundColor(QColor(255, 255, 255, 220))
        return place(item, page, x, y, 55, 9)

    def table(page, x, y, w, h, frame_id, columns, size=8.5, margin=1.2):
        from qgis.core import QgsLayoutFrame, QgsLayoutItemAttributeTable, QgsLayoutTableColumn

        tab = QgsLayoutItemAttributeTable.create(layout)
        layout.addMultiFrame(tab)
        cols = []
        grid = 0.2
        room = w - len(columns) * 2 * margin - (len(columns) + 1) * grid
        scale = room / sum(c[2] for c in columns)
        for attribute, heading, width, align in columns:
            column = QgsLayoutTableColumn(heading)
            column.setAttribute(attribute)
            column.setWidth(round(width * scale, 2))
            column.setHAlignment(align)
            cols.append(column)
        tab.setColumns(cols)
        tab.setHeaderTextFormat(text_format(size, True))
        tab.setContentTextFormat(text_format(size))
        tab.setHeaderHAlignment(tab.FollowColumn)
        tab.setWrapBehavior(tab.WrapText)
        tab.setCellMargin(margin)
        tab.setGridStrokeWidth(grid)
        tab.setResizeMode(tab.UseExistingFrames)
        tab.setEmptyTableBehavior(tab.ShowMessage)
        tab.setEmptyTableMessage("（无）")
        tab.setBackgroundColor(QColor(255, 255, 255, 0))
        frame = QgsLayoutFrame(layout, tab)
        place(frame, page, x, y, w, h, frame_id)
        tab.addFrame(frame)
        return tab

    right = Qt.AlignRight
    # ---------------------------------------------------------------- page 1: the cover
    label(0, LEFT, 28, CONTENT, 14, "[% @lyg_title %]", 20, True, Qt.AlignHCenter)
    label(0, LEFT, 43, CONTENT, 7, "[% @lyg_subtitle %]", 11, False, Qt.AlignHCenter)
    label(0, LEFT, 50, CONTENT, 6, "[% @lyg_date %]", 10, False, Qt.AlignHCenter)
    rule(0, 58)
    label(0, LEFT, 62, CONTENT, 7, "审查概况", 12, True)
    table(
        0,
        LEFT,
        70,
        CONTENT,
        46,
        ids.SUMMARY_TABLE,
        [("label", "项目", 55, Qt.AlignLeft), ("value", "内容", 125, Qt.AlignLeft)],
        9,
    )
    overview = map_item(0, LEFT, 120, 135, 86, ids.OVERVIEW_MAP)
    legend(0, LEFT + 137, 120, 43, 86, ids.OVERVIEW_LEGEND, overview)
    north(0, LEFT + 124, 122, ids.OVERVIEW_NORTH, overview)
    scalebar(0, LEFT + 2, 195, overview)
    label(0, LEFT, 209, CONTENT, 7, "审查项目一览", 12, True)
    table(
        0,
        LEFT,
        217,
        CONTENT,
        60,
        ids.ITEMS_TABLE,
        [
            ("no", "序号", 12, Qt.AlignHCenter),
            ("code", "项目编号", 32, Qt.AlignLeft),
            ("name", "项目名称", 66, Qt.AlignLeft),
            ("verdict_zh", "审查结论", 20, Qt.AlignHCenter),
            ("area_ha", "面积（公顷）", 28, right),
            ("page", "页码", 12, Qt.AlignHCenter),
        ],
    )
    label(0, LEFT, 278, CONTENT, 6, "[% @lyg_items_note %]", 8.5, colour="#555555")
    footer = "[% @lyg_generated_by %]"
    label(0, LEFT, 286, 120, 5, footer, 7, colour="#777777")
    label(0, LEFT + 120, 286, 60, 5, "第 1 页 共 [% @lyg_total_pages %] 页", 7.5, align=right)

    # --------------------------------------------------------- page 2: one item (atlas)
    label(1, LEFT, 10, CONTENT, 10, "[% @lyg_title %]", 15, True, Qt.AlignHCenter)
    rule(1, 21)
    cells = (  # (x, y, w, h, text, header?): the name may take two lines
        (LEFT, 24, 25, 10, "项目名称", True),
        (LEFT + 25, 24, 155, 10, '[% "name" %]', False),
        (LEFT, 34, 25, 7, "项目编号", True),
        (LEFT + 25, 34, 65, 7, '[% "code" %]', False),
        (LEFT + 90, 34, 25, 7, "项目类别", True),
        (LEFT + 115, 34, 65, 7, '[% "category" %]', False),
        (LEFT, 41, 25, 7, "用地面积", True),
        (LEFT + 25, 41, 65, 7, '[% "area_text" %]', False),
        (LEFT + 90, 41, 25, 7, "审查结论", True),
    )
    for x, y, w, h, text, head in cells:
        label(1, x, y, w, h, text, 9.5, head, frame=True, fill=HEADER_FILL if head else "")
    verdict = label(
        1, LEFT + 115, 41, 65, 7, '[% "verdict_zh" %]', 11, True, Qt.AlignHCenter, frame=True
    )
    verdict.setBackgroundEnabled(True)
    verdict.dataDefinedProperties().setProperty(
        QgsLayoutObject.BackgroundColor, QgsProperty.fromExpression('"verdict_colour"')
    )
    item_map = map_item(1, LEFT, 51, 133, 60, ids.ITEM_MAP)
    item_map.setAtlasDriven(True)
    item_map.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    item_map.setAtlasMargin(0.6)
    legend(1, LEFT + 135, 51, 45, 60, ids.ITEM_LEGEND, item_map)
    north(1, LEFT + 122, 53, ids.ITEM_NORTH, item_map)
    scalebar(1, LEFT + 2, 100, item_map)
    scale = "比例尺 1:[% format_number(map_get(item_variables('item_map'), 'map_scale'), 0) %]"
    label(1, LEFT, 111.5, 133, 5, scale, 7.5, colour="#444444")
    label(1, LEFT, 116.5, CONTENT, 6, "占用及重叠面积", 10.5, True)
    table(
        1,
        LEFT,
        122.5,
        CONTENT,
        50,
        ids.AREAS_TABLE,
        [
            ("label", "类别", 62, Qt.AlignLeft),
            ("ha", "面积（公顷）", 30, right),
            ("mu", "面积（亩）", 28, right),
            ("text", "说明", 60, Qt.AlignLeft),
        ],
        8,
        0.6,
    )
    label(1, LEFT, 174, CONTENT, 6, "审查理由及依据", 10.5, True)
    table(
        1,
        LEFT,
        180,
        CONTENT,
        68,
        ids.NOTES_TABLE,
        [
            ("n", "序号", 11, Qt.AlignHCenter),
            ("reason", "审查理由", 104, Qt.AlignLeft),
            ("basis", "依据", 65, Qt.AlignLeft),
        ],
        7.5,
        0.6,
    )
    box(1, LEFT, 250, CONTENT, 34)  # the block to sign
    label(1, LEFT + 2, 251, 88, 7, "审查单位（盖章）：", 9.5)
    label(1, LEFT + 92, 251, 86, 7, "审查人：", 9.5)
    rule(1, 258.5, 0.25, "0,0,0,255")
    label(1, LEFT + 2, 259.5, 50, 7, "审查意见：", 9.5)
    rule(1, 276, 0.25, "0,0,0,255")
    label(1, LEFT + 92, 277, 86, 7, "日期：　　　　年　　月　　日", 9.5)
    label(1, LEFT, 286, 120, 5, footer, 7, colour="#777777")
    page_text = '第 [% "page" %] 页 共 [% @lyg_total_pages %] 页'
    label(1, LEFT + 120, 286, 60, 5, page_text, 7.5, align=right)

    out.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(out), QgsReadWriteContext()):
        raise SystemExit(f"could not write {out}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "resources" / "layouts" / "review_sheet.qpt"
    )
    args = parser.parse_args()
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    print(build(args.out))
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
