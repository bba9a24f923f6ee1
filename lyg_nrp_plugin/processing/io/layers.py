"""Checks and names of input layers: how errors and reports name a layer, required fields
and geometry types, where a source parameter's data comes from."""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsFeatureSource,
    QgsProcessingException,
    QgsProviderRegistry,
    QgsWkbTypes,
)

from ...translate import tr


def layer_label(
    source: QgsFeatureSource | None, parameter_description: str, layer_name: str = ""
) -> str:
    """How errors name a layer: its name and the parameter it was given to."""
    name = layer_name or (source.sourceName() if source is not None else "")
    return f"{parameter_description} [{name}]" if name else parameter_description


def layer_name(algorithm, parameters: dict, name: str, context) -> str:
    """The name of the layer given to parameter ``name``: the table of a GeoPackage
    (``JSXM`` of ``x.gpkg|layername=JSXM``), the layer's own name otherwise; '' if unknown."""
    try:
        layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    except Exception:  # noqa: BLE001 - not a layer (e.g. a feature source definition)
        layer = None
    if layer is None:
        return ""
    decoded = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    table = decoded.get("layerName") or decoded.get("table")
    return str(table) if table else layer.name()


def require_crs(source: QgsFeatureSource, label: str) -> None:
    """Refuse a spatial layer without a coordinate reference system (a .shp without .prj):
    its coordinates cannot be placed, and reading degrees as metres gives wrong numbers."""
    if source.wkbType() == QgsWkbTypes.NoGeometry or source.sourceCrs().isValid():
        return
    raise QgsProcessingException(
        tr(
            "Layer {layer} has no coordinate reference system (e.g. a Shapefile without its "
            ".prj file), so its coordinates cannot be placed. Set its CRS in QGIS (Layer "
            "Properties ▸ Source ▸ Assigned Coordinate Reference System, or the algorithm "
            "“Assign projection”), or add the .prj file, then run again."
        ).format(layer=label)
    )


def require_fields(source: QgsFeatureSource, names: Sequence[str], label: str) -> None:
    """Raise a clear error when a field is missing from a layer."""
    available = source.fields().names()
    for name in names:
        if name and source.fields().lookupField(name) < 0:
            raise QgsProcessingException(
                tr("Layer {layer} has no field “{field}” (fields: {fields}).").format(
                    layer=label, field=name, fields=", ".join(available)
                )
            )


def require_geometry(source: QgsFeatureSource, geometry_type: int, label: str) -> None:
    """Raise when a layer is not of the expected geometry type (QgsWkbTypes.PolygonGeometry…)."""
    actual = QgsWkbTypes.geometryType(source.wkbType())
    if actual != geometry_type:
        expected = QgsWkbTypes.geometryDisplayString(geometry_type)
        found = QgsWkbTypes.geometryDisplayString(actual)
        raise QgsProcessingException(
            tr("Layer {layer} must contain {expected} geometries, not {found}.").format(
                layer=label, expected=expected, found=found
            )
        )


def source_description(algorithm, parameters: dict, name: str, context) -> str:
    """Where a source parameter's data comes from (layer source or the raw value), for reports."""
    try:
        layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    except Exception:  # noqa: BLE001 - any failure: fall back to the raw value
        layer = None
    if layer is not None:
        return layer.source()
    value = parameters.get(name)
    return str(value) if value is not None else ""
