"""Checks and names of input layers: how errors and reports name a layer, required fields
and geometry types, where a source parameter's data comes from."""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsFeatureSource,
    QgsProcessingException,
    QgsWkbTypes,
)

from ...translate import tr


def layer_label(source: QgsFeatureSource | None, parameter_description: str) -> str:
    """How errors name a layer: its name and the parameter it was given to."""
    name = source.sourceName() if source is not None else ""
    return f"{parameter_description} [{name}]" if name else parameter_description


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
