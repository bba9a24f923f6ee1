"""Report maps rendered by QGIS itself.

:func:`memory_layer` turns shapely results into styled memory layers and
:func:`render_map_png` draws them with ``QgsMapRendererCustomPainterJob`` (works in a
Processing worker thread and in qgis_process).
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
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize, QVariant
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
