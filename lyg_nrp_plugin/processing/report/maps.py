"""Report maps rendered by QGIS itself.

:func:`memory_layer` turns shapely results into styled memory layers and
:func:`render_map_png` draws them with ``QgsMapRendererCustomPainterJob`` (works in a
Processing worker thread and in qgis_process). :func:`thumbnail_png` is the small map around
one project (with its conflicts and a scale bar) for the per-project gallery of a report.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, QVariant
from qgis.PyQt.QtGui import QColor, QImage, QPainter

from ...translate import tr
from ..io.write import to_qgs_geometry

_QVARIANT = {int: QVariant.LongLong, float: QVariant.Double, str: QVariant.String}
LABEL_FIELD = "label"


def memory_layer(
    name: str,
    geoms: Sequence,
    crs: QgsCoordinateReferenceSystem,
    style: dict[str, str] | None = None,
    attributes: dict[str, Sequence] | None = None,
    labels: Sequence | None = None,
) -> QgsVectorLayer:
    """A memory layer of shapely geometries (all one dimension) with a simple symbol.

    ``style`` holds ``QgsFillSymbol.createSimple``-style properties (or line/marker ones).
    ``labels`` (one per geometry, as text) are drawn with a small haloed font.
    """
    present = [g for g in geoms if g is not None and not g.is_empty]
    dim = max((g.geom_type for g in present), key=len, default="Polygon")
    kind = "Point" if "Point" in dim else "LineString" if "Line" in dim else "Polygon"
    layer = QgsVectorLayer(f"Multi{kind}?crs={crs.authid() or crs.toWkt()}", name, "memory")
    fields = QgsFields()
    attributes = dict(attributes or {})
    if labels is not None:
        attributes[LABEL_FIELD] = [None if v is None else str(v) for v in labels]
    for key, values in attributes.items():
        sample = next((v for v in values if v is not None), "")
        fields.append(QgsField(key, _QVARIANT.get(type(sample), QVariant.String)))
    provider = layer.dataProvider()
    provider.addAttributes(fields.toList())
    layer.updateFields()
    features = []
    for i, geom in enumerate(geoms):
        if geom is None or geom.is_empty:
            continue
        feature = QgsFeature(layer.fields())
        feature.setGeometry(to_qgs_geometry(geom, multi=True))
        feature.setAttributes([attributes[k][i] for k in attributes])
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    style = style or {}
    symbol_class = {"Point": QgsMarkerSymbol, "LineString": QgsLineSymbol}.get(kind, QgsFillSymbol)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol_class.createSimple(style)))
    if labels is not None:
        settings = QgsPalLayerSettings()
        settings.fieldName = LABEL_FIELD
        text = QgsTextFormat()
        text.setSize(8)
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(0.8)
        text.setBuffer(buffer)
        settings.setFormat(text)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)
    return layer


def render_map_png(
    layers: Sequence[QgsMapLayer],
    crs: QgsCoordinateReferenceSystem,
    extent: QgsRectangle | None = None,
    size: tuple[int, int] = (1000, 700),
    margin: float = 0.05,
) -> bytes:
    """Render ``layers`` (first = top) to PNG bytes; the extent defaults to their union."""
    settings = QgsMapSettings()
    settings.setLayers(list(layers))
    settings.setDestinationCrs(crs)
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setOutputSize(QSize(*size))
    if extent is None:
        extent = QgsRectangle()
        extent.setMinimal()
        for layer in layers:
            if layer.isValid() and not layer.extent().isEmpty():
                extent.combineExtentWith(layer.extent())
    if extent.isNull() or extent.isEmpty():
        extent = QgsRectangle(
            extent.xMinimum() - 50,
            extent.yMinimum() - 50,
            extent.xMinimum() + 50,
            extent.yMinimum() + 50,
        )
    extent = QgsRectangle(extent)
    extent.scale(1.0 + 2 * margin)
    settings.setExtent(extent)
    image = QImage(QSize(*size), QImage.Format_ARGB32_Premultiplied)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    return png_bytes(image)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def padded_extent(
    geoms: Sequence, share: float = 0.08, minimum: float = 200.0
) -> QgsRectangle | None:
    """The box around ``geoms`` grown by ``share`` of its larger side (at least of
    ``minimum``) on every side; None when there is no geometry."""
    present = [g for g in geoms if g is not None and not g.is_empty]
    if not present:
        return None
    xmin, ymin, xmax, ymax = shapely.total_bounds(np.array(present, dtype=object))
    pad = max(xmax - xmin, ymax - ymin, minimum) * share
    return QgsRectangle(xmin - pad, ymin - pad, xmax + pad, ymax + pad)


def project_outlines(
    geoms: Sequence,
    ids: Sequence,
    crs: QgsCoordinateReferenceSystem,
    outline: tuple[str, str],
    max_labels: int = 300,
) -> QgsVectorLayer:
    """The projects as hollow outlines (``outline`` = colour, width), labelled by id when
    there are at most ``max_labels`` of them."""
    colour, width = outline
    return memory_layer(
        tr("Construction projects"),
        list(geoms),
        crs,
        {"color": "0,0,0,0", "outline_color": colour, "outline_width": width},
        labels=ids if len(ids) <= max_labels else None,
    )


THUMBNAIL_SIZE = (340, 250)
THUMBNAIL_OUTLINE = {"color": "0,0,0,0", "outline_color": "0,0,0,255", "outline_width": "0.8"}
THUMBNAIL_CONFLICTS = {
    "color": "227,26,28,150",
    "outline_color": "227,26,28,255",
    "outline_width": "0.3",
}
NICE_LENGTHS = (1, 2, 5)  # × 10^k m: scale-bar lengths


def scale_bar_length(map_width_m: float, share: float = 0.3) -> float:
    """A round length (1, 2 or 5 × 10^k m) of at most ``share`` of the map's width."""
    target = max(map_width_m * share, 1e-9)
    power = 10 ** np.floor(np.log10(target))
    return float(max(n * power for n in NICE_LENGTHS if n * power <= target + 1e-9))


def _draw_scale_bar(image: QImage, extent: QgsRectangle) -> None:
    """A scale bar (black bar, its length in 米 / 千米) in the image's lower-left corner."""
    width_px, height_px = image.width(), image.height()
    metres = scale_bar_length(extent.width())
    bar_px = metres / extent.width() * width_px
    text = f"{metres / 1000:g} 千米" if metres >= 1000 else f"{metres:g} 米"
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    x, y = 10.0, height_px - 12.0
    painter.fillRect(
        QRectF(x - 4, y - 18, bar_px + 8 + 8 * len(text), 26), QColor(255, 255, 255, 210)
    )
    painter.fillRect(QRectF(x, y - 4, bar_px, 4), QColor(0, 0, 0))
    painter.setPen(QColor(0, 0, 0))
    painter.drawText(QPointF(x + bar_px + 6, y), text)
    painter.end()


def fit_ratio(extent: QgsRectangle, ratio: float) -> QgsRectangle:
    """``extent`` grown about its centre to width : height = ``ratio`` (never shrunk)."""
    width, height = max(extent.width(), 1e-6), max(extent.height(), 1e-6)
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    centre = extent.center()
    x, y = centre.x(), centre.y()
    return QgsRectangle(x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def thumbnail_png(
    geometry,
    crs: QgsCoordinateReferenceSystem,
    layers: Sequence[QgsMapLayer] = (),
    conflicts: Sequence = (),
    size: tuple[int, int] = THUMBNAIL_SIZE,
    share: float = 0.35,
    minimum: float = 300.0,
) -> bytes:
    """A small map around one project: its outline over its ``conflicts`` (shapely pieces, in
    red) over ``layers`` (e.g. the report map's control layers, first = top), with a scale
    bar; the extent is the project's box grown by ``share`` of its larger side (at least
    ``minimum`` m across), so a project is never a speck on a city-wide map.

    For the HTML report's per-project gallery (``HtmlReport.gallery``).
    """
    outline = memory_layer("project", [geometry], crs, THUMBNAIL_OUTLINE)
    pieces = [g for g in conflicts if g is not None and not g.is_empty]
    top = [outline]
    if pieces:
        top.append(memory_layer("conflicts", pieces, crs, THUMBNAIL_CONFLICTS))
    extent = padded_extent([geometry], share, minimum)
    if extent is None:
        extent = QgsRectangle(0, 0, minimum, minimum)
    extent = fit_ratio(extent, size[0] / size[1])
    png = render_map_png([*top, *layers], crs, extent, size, margin=0.0)
    image = QImage.fromData(png, "PNG")
    _draw_scale_bar(image, extent)
    return png_bytes(image)
