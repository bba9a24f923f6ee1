"""Styles for layers Desktop loads when an algorithm finishes (``resources/styles/*.qml``)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsVectorLayer,
)

from ..paths import resource_path


class ApplyStyle(QgsProcessingLayerPostProcessorInterface):
    """Gives a loaded output layer its style from a QML file."""

    def __init__(self, style_file: Path):
        super().__init__()
        self.style_file = style_file

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if isinstance(layer, QgsVectorLayer) and self.style_file.is_file():
            layer.loadNamedStyle(str(self.style_file))
            layer.triggerRepaint()


def attach_style(algorithm, context: QgsProcessingContext, dest_id: str, style: str) -> None:
    """In Desktop give the output ``dest_id`` the style ``resources/styles/<style>.qml``.

    The post-processor must outlive ``processAlgorithm``: it is kept in the algorithm's
    ``_post_processors`` list. Nothing happens when the layer is not loaded (qgis_process).
    """
    if dest_id and context.willLoadLayerOnCompletion(dest_id):
        post_processor = ApplyStyle(resource_path("styles", f"{style}.qml"))
        algorithm._post_processors.append(post_processor)
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(post_processor)
