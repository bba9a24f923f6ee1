"""The printable 审查意见书: a :class:`~.sheet.ReviewSheet` through a QGIS print layout to PDF.

:func:`write_review_pdf` loads the layout template (:mod:`.layout`), builds the sheet's memory
layers (:mod:`.sheet_layers`) in a project of its own, points the template's maps, legends and
tables at them, and paints the cover once and the item page once per item (atlas over the
items) into one PDF — page count = 1 + number of items. It needs no ``iface``: it runs in
``qgis_process`` and in a Processing worker thread (everything it creates lives in the calling
thread). Chinese text is drawn with an installed CJK font (:mod:`.pdf_text`) and embedded as
text: it can be searched, copied and extracted (``pdftotext``).
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from qgis.core import (
    QgsExpressionContextUtils,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsLayoutRenderContext,
    QgsProcessingException,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
)
from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from ...core.progress import Canceled
from ...paths import version
from ...translate import tr
from .fit import fit_cover_list, fit_item_table
from .layout import (
    AREAS_TABLE,
    ITEM_MAP,
    ITEMS_TABLE,
    NOTES_TABLE,
    bind_maps,
    bind_tables,
    load_layout,
    map_item,
    table_of,
)
from .pdf_text import cjk_family, fix_radicals, plain_shaping
from .sheet import ReviewSheet
from .sheet_layers import sheet_crs, sheet_layers

DPI = 300
# atlas pages zoom out to the next of these scales (1:n), so the map shows the surroundings
NICE_SCALES = (500, 1000, 2000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 500000)
MIN_MAP_WIDTH_M = 400.0  # an item page's map never shows less than this across
# item-page tables that must fit their frame: (frame id, layer, column of the summary line)
FITTED = ((NOTES_TABLE, "notes", "reason"), (AREAS_TABLE, "rows", "label"))


def nice_scale(scale: float) -> float:
    """The smallest scale in :data:`NICE_SCALES` at or above ``scale`` (or ``scale``)."""
    return next((float(s) for s in NICE_SCALES if s >= scale * 0.999), scale)


def _variables(sheet: ReviewSheet, shown: int, per_item: int) -> dict[str, object]:
    """The layout variables (the sheet is a Chinese form: its wording is Chinese);
    ``shown``: how many items the cover's list has room for; ``per_item``: pages an item
    takes (the template's pages after the cover)."""
    n = len(sheet.items)
    total = 1 + n * per_item
    note = f"共 {n} 项，逐项审查意见见第 2 至 {total} 页。" if n else "无审查项目。"
    if shown < n:
        note += f"上表列出前 {shown} 项。"
    return {
        "lyg_title": sheet.title,
        "lyg_subtitle": sheet.algorithm,
        "lyg_date": _dt.date.today().strftime("%Y年%m月%d日"),
        "lyg_generated_by": f"由 lyg_nrp_plugin {version()} 生成",
        "lyg_total_pages": total,
        "lyg_item_count": n,
        "lyg_items_note": note,
        "lyg_crs": sheet.crs_authid,
    }


def _project(layers: dict) -> QgsProject:
    """A project of its own (never the user's): the map layers in legend order, the tables
    outside the legend."""
    project = QgsProject()
    for layer in layers["map"]:
        project.addMapLayer(layer, True)
    for key in ("items", "rows", "notes", "summary"):
        if project.mapLayer(layers[key].id()) is None:
            project.addMapLayer(layers[key], False)
    return project


def _overall_extent(layers: dict) -> QgsRectangle | None:
    """The box around every item and conflict piece, padded; None when nothing has a shape."""
    extent = QgsRectangle()
    extent.setMinimal()
    for layer in (layers["items"], layers["conflicts"]):
        if layer is not None and layer.featureCount() and not layer.extent().isNull():
            extent.combineExtentWith(layer.extent())
    if extent.isNull() or extent.xMinimum() > extent.xMaximum():
        return None
    pad = max(extent.width(), extent.height(), MIN_MAP_WIDTH_M) * 0.08
    return QgsRectangle(
        extent.xMinimum() - pad,
        extent.yMinimum() - pad,
        extent.xMaximum() + pad,
        extent.yMaximum() + pad,
    )


def _frame_item(map_item_: QgsLayoutItemMap, has_geometry: bool, overall) -> None:
    """After the atlas placed the map: an item without geometry shows every item; a tiny
    one at least :data:`MIN_MAP_WIDTH_M`; the scale is rounded up to a nice one."""
    if not has_geometry:
        if overall is not None:
            map_item_.zoomToExtent(overall)
        return
    if map_item_.atlasScalingMode() != QgsLayoutItemMap.Auto:
        return
    extent = map_item_.extent()
    if 0 < extent.width() < MIN_MAP_WIDTH_M:
        map_item_.setScale(map_item_.scale() * MIN_MAP_WIDTH_M / extent.width())
    map_item_.setScale(nice_scale(map_item_.scale()))


def _page_layout(layout, page: int) -> QPageLayout:
    size = layout.pageCollection().page(page).pageSize()
    millimetres = layout.convertToLayoutUnits(size)
    return QPageLayout(
        QPageSize(QSizeF(millimetres.width(), millimetres.height()), QPageSize.Millimeter),
        QPageLayout.Portrait,
        QMarginsF(0, 0, 0, 0),
    )


def _prepare(layout, sheet: ReviewSheet, layers: dict) -> None:
    context = layout.renderContext()
    context.setDpi(DPI)
    context.setTextRenderFormat(QgsRenderContext.TextFormatAlwaysText)
    context.setFlag(QgsLayoutRenderContext.FlagAntialiasing, True)
    context.setFlag(QgsLayoutRenderContext.FlagUseAdvancedEffects, False)  # stays vector
    plain_shaping(layout)
    bind_maps(layout, layers["map"], sheet_crs(sheet), _overall_extent(layers))
    bind_tables(layout, layers)
    atlas = layout.atlas()
    atlas.setCoverageLayer(layers["items"])
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setFilterFeatures(False)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"idx"')
    map_item(layout, ITEM_MAP).setAtlasDriven(True)
    per_item = layout.pageCollection().pageCount() - 1
    if per_item != 1:  # the items' first pages: 2, 2 + per_item …
        index = layers["items"].fields().lookupField("page")
        layers["items"].dataProvider().changeAttributeValues(
            {f.id(): {index: 2 + f["idx"] * per_item} for f in layers["items"].getFeatures()}
        )
    shown = fit_cover_list(
        table_of(layout, ITEMS_TABLE), layout.itemById(ITEMS_TABLE), len(sheet.items)
    )
    for name, value in _variables(sheet, shown, per_item).items():
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)


def _fit_item(layout, layers: dict, index: int, item, feedback) -> None:
    """The item page's tables fit their frames; what had to be summed up is said."""
    for frame_id, key, text_field in FITTED:
        frame = layout.itemById(frame_id)
        dropped = fit_item_table(table_of(layout, frame_id), frame, layers[key], index, text_field)
        if dropped and feedback is not None:
            feedback.pushWarning(
                tr(
                    "{item}: {n} lines did not fit on its page of the PDF; the report has them."
                ).format(item=item.code, n=dropped)
            )


def _render(layout, path: Path, sheet: ReviewSheet, layers: dict, feedback) -> int:
    exporter = QgsLayoutExporter(layout)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setCreator(f"lyg_nrp_plugin {version()}")
    writer.setTitle(sheet.title)
    writer.setPageLayout(_page_layout(layout, 0))
    painter = QPainter()
    if not painter.begin(writer):
        raise QgsProcessingException(tr("Cannot write the PDF {path}.").format(path=path))
    item_pages = range(1, layout.pageCollection().pageCount())
    atlas, item_map = layout.atlas(), map_item(layout, ITEM_MAP)
    overall = _overall_extent(layers)
    pages = 0
    try:
        exporter.renderPage(painter, 0)
        pages = 1
        atlas.beginRender()
        for i, item in enumerate(sheet.items):
            if feedback is not None and feedback.isCanceled():
                raise Canceled()
            atlas.seekTo(i)
            _fit_item(layout, layers, i, item, feedback)
            _frame_item(item_map, item.geometry is not None and not item.geometry.is_empty, overall)
            for page in item_pages:
                writer.setPageLayout(_page_layout(layout, page))
                writer.newPage()
                exporter.renderPage(painter, page)
                pages += 1
            if feedback is not None:
                feedback.setProgress(100.0 * (i + 1) / max(len(sheet.items), 1))
        atlas.endRender()
    finally:
        painter.end()
    return pages


def write_review_pdf(path, sheet: ReviewSheet, feedback=None, template=None) -> int:
    """Write ``sheet`` as a PDF at ``path``; the number of pages written (cover + items).

    ``template`` is a ``.qpt`` file (default: the office's, else the bundled one — see
    :func:`.layout.template_path`). Raises ``QgsProcessingException`` with the reason when
    the template or the file cannot be used, ``core.progress.Canceled`` when ``feedback``
    is canceled (the partial file is removed).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    family = cjk_family()
    if not family and feedback is not None:
        feedback.pushWarning(
            tr("No Chinese font is installed (e.g. fonts-noto-cjk): the PDF may show boxes.")
        )
    layers = sheet_layers(sheet)
    project = _project(layers)
    layout = load_layout(project, template)
    try:
        _prepare(layout, sheet, layers)
        pages = _render(layout, path, sheet, layers, feedback)
    except Canceled:
        path.unlink(missing_ok=True)
        raise
    finally:
        del layout
        project.clear()
    fixed = fix_radicals(path, family)
    if feedback is not None:
        feedback.pushInfo(
            tr("Review sheet (PDF): {pages} pages written to {path}.").format(
                pages=pages, path=path
            )
        )
        if fixed:
            feedback.pushDebugInfo(f"ToUnicode radicals rewritten: {fixed}")
    return pages


def write_pdf_output(
    algorithm, parameters: dict, context, feedback, build_sheet, name: str = "REPORT_PDF"
) -> dict:
    """Write the algorithm's ``REPORT_PDF`` when one was asked for: ``{name: path}`` or {}.

    ``build_sheet`` is called only then (it makes the :class:`ReviewSheet` of the run)."""
    path = algorithm.parameterAsFileOutput(parameters, name, context)
    if not path:
        return {}
    pages = write_review_pdf(path, build_sheet(), feedback)
    if feedback is not None:
        feedback.pushInfo(tr("Review sheet: {n} pages in {path}").format(n=pages, path=path))
    return {name: path}


def write_report_outputs(
    algorithm, request: tuple, run, write_html, build_sheet
) -> tuple[dict, str]:
    """The HTML ``REPORT`` (``write_html(path, run)``) and the ``REPORT_PDF`` review sheet
    (``build_sheet(run)``), each when asked for; ``request`` is (parameters, context,
    feedback). Returns (results, the HTML path or "")."""
    parameters, context, feedback = request
    results = {}
    report_path = algorithm.parameterAsFileOutput(parameters, "REPORT", context)
    if report_path:
        write_html(report_path, run)
        results["REPORT"] = report_path
    sheet = write_pdf_output(algorithm, parameters, context, feedback, lambda: build_sheet(run))
    results.update(sheet)
    return results, report_path
