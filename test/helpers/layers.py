"""Building input layers and reading outputs in tests."""

from __future__ import annotations


def make_layer(kind, crs, fields, rows, name="layer"):
    """Memory layer from (attribute tuple, shapely geometry) rows; fields = [(name, QVariant)]."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(f"{kind}?crs={crs}", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    features = []
    for attributes, geom in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(geom.wkt) if geom is not None else QgsGeometry())
        feature.setAttributes(list(attributes))
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


def is_null(value) -> bool:
    from qgis.PyQt.QtCore import QVariant

    return value is None or (isinstance(value, QVariant) and value.isNull())


def features_by_id(layer, key="project_id"):
    return {f[key]: f for f in layer.getFeatures()}


def output_layer(result, context, name="OUTPUT"):
    value = result[name]
    if isinstance(value, str):
        from qgis.core import QgsProcessingUtils

        return QgsProcessingUtils.mapLayerFromString(value, context)
    return value


def write_gpkg(path, layer):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer.name()
    if path.exists():
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsCoordinateTransformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.NoError, error
    return f"{path}|layername={layer.name()}"
