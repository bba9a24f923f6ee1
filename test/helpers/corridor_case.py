"""Layers of the corridor tests: local coordinates shifted into EPSG:4549 (X0, Y0)."""

from __future__ import annotations

import shapely

from .runner import Recorder, run_algorithm

CRS = "EPSG:4549"
X0, Y0 = 500_000.0, 3_800_000.0  # inside EPSG:4549's zone (Lianyungang is near 119.2E 34.6N)


def shifted(geom: shapely.Geometry, dx: float = X0, dy: float = Y0) -> shapely.Geometry:
    return shapely.transform(geom, lambda c: c + [dx, dy])


def memory_layer(
    kind: str, fields: dict[str, str], rows: list[tuple], crs: str = CRS, name: str = "layer"
):
    """rows: (shapely geometry in local coordinates, *attributes); geometries shifted by X0/Y0."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsFeature,
        QgsGeometry,
        QgsProject,
        QgsVectorLayer,
    )

    spec = "&".join(f"field={k}:{v}" for k, v in fields.items())
    layer = QgsVectorLayer(f"{kind}?crs={crs}" + (f"&{spec}" if spec else ""), name, "memory")
    transform = None
    if crs != CRS:
        transform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem(CRS),
            QgsCoordinateReferenceSystem(crs),
            QgsProject.instance(),
        )
    features = []
    for geom, *attrs in rows:
        feature = QgsFeature(layer.fields())
        g = QgsGeometry.fromWkt(shifted(geom).wkt) if geom is not None else QgsGeometry()
        if transform is not None and not g.isNull():
            g.transform(transform)
        feature.setGeometry(g)
        feature.setAttributes(list(attrs))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def features_of(layer_or_id, context=None):
    """(local shapely geometry, attribute dict) of every feature of an output."""
    from qgis.core import QgsProcessingUtils, QgsVectorLayer

    from lyg_nrp_plugin.processing.io.read import python_value

    layer = layer_or_id
    if not isinstance(layer, QgsVectorLayer):
        layer = QgsProcessingUtils.mapLayerFromString(layer_or_id, context)
        if layer is None:
            layer = QgsVectorLayer(layer_or_id, "out", "ogr")
    out = []
    for f in layer.getFeatures():
        g = shapely.from_wkb(bytes(f.geometry().asWkb())) if not f.geometry().isNull() else None
        values = [python_value(v) for v in f.attributes()]
        out.append(
            (
                shifted(g, -X0, -Y0) if g is not None else None,
                dict(zip(layer.fields().names(), values)),
            )
        )
    return out


def snapshot(layer):
    return [(f.id(), f.geometry().asWkt(3), f.attributes()) for f in layer.getFeatures()]


def run(alg: str, params: dict, feedback=None):
    """``lyg_nrp:<alg>`` with a recording feedback: (results, context, feedback)."""
    feedback = feedback or Recorder()
    result, context = run_algorithm(f"lyg_nrp:{alg}", params, feedback)
    return result, context, feedback
