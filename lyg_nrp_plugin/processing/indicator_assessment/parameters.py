"""The two kinds of optional input the assessment declares many of: layers and their fields."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

NUMERIC = QgsProcessingParameterField.Numeric


def add_layer(alg, name: str, text: str, types=(QgsProcessing.TypeVectorPolygon,)) -> None:
    """An optional feature source (polygons unless ``types`` says otherwise)."""
    alg.addParameter(QgsProcessingParameterFeatureSource(name, text, list(types), optional=True))


def add_field(
    alg, name: str, text: str, parent: str, default, field_type=QgsProcessingParameterField.Any
) -> None:
    """An optional field of the layer parameter ``parent``."""
    alg.addParameter(
        QgsProcessingParameterField(name, text, default, parent, field_type, optional=True)
    )
