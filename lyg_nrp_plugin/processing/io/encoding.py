"""Shapefiles from Chinese desktop GIS: GBK text without a ``.cpg`` file.

Without a ``.cpg`` QGIS decodes a Shapefile's text as UTF-8; GBK bytes then come out as
replacement characters (U+FFFD), and names, codes and zones are lost. :func:`gbk_fallback`
looks at a sample of the text; when it is not UTF-8 but is GBK, it reads a copy of the layer
with the GBK encoding (the input layer itself is not touched) and says so, naming the fix.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingFeatureSource,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ...translate import tr

SAMPLE = 500  # features looked at
REPLACEMENT = "\ufffd"


def _text_sample(layer: QgsVectorLayer) -> list[str]:
    text = [i for i, f in enumerate(layer.fields()) if f.type() == QVariant.String]
    if not text:
        return []
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(text)
    values = []
    for feature in islice(layer.getFeatures(request), SAMPLE):
        values += [v for v in (feature.attributes()[i] for i in text) if isinstance(v, str)]
    return values


def _shapefile_without_cpg(layer: QgsVectorLayer) -> Path | None:
    if layer.providerType() != "ogr":
        return None
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    if not path.lower().endswith((".shp", ".dbf")):
        return None
    shp = Path(path)
    if any(shp.with_suffix(s).exists() for s in (".cpg", ".CPG")):
        return None
    return shp


def garbled(values: list[str]) -> int:
    return sum(REPLACEMENT in v for v in values)


def gbk_fallback(
    layer: QgsVectorLayer | None,
    source,
    label: str,
    context: QgsProcessingContext,
    feedback=None,
    whole_layer: bool = True,
):
    """``source``, or a source reading ``layer`` as GBK when its text is undecodable GBK.

    ``whole_layer`` is False when the user asked for selected features only: then the
    layer is not re-read (the selection would be lost), only the warning is given.
    """
    shp = _shapefile_without_cpg(layer) if layer is not None else None
    if shp is None:
        return source
    bad = garbled(_text_sample(layer))
    if not bad:
        return source
    fix = tr(
        "Put a file {cpg} containing the single word GBK beside it to declare its encoding."
    ).format(cpg=shp.with_suffix(".cpg").name)
    copy = QgsVectorLayer(layer.source(), layer.name(), "ogr")
    copy.setProviderEncoding("GBK")
    if whole_layer and copy.isValid() and not garbled(_text_sample(copy)):
        context.temporaryLayerStore().addMapLayer(copy)
        if feedback is not None:
            feedback.pushWarning(
                tr(
                    "{layer}: a Shapefile without .cpg whose text is not UTF-8 ({n} undecodable "
                    "values in a sample); it is read as GBK."
                ).format(layer=label, n=bad)
                + " "
                + fix
            )
        return QgsProcessingFeatureSource(copy, context, False)
    if feedback is not None:
        feedback.pushWarning(
            tr(
                "{layer}: {n} text values cannot be decoded (a Shapefile without .cpg); names "
                "and codes read from it are garbled."
            ).format(layer=label, n=bad)
            + " "
            + fix
        )
    return source
