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


_KEPT: list[ApplyStyle] = []  # Python side alive until QGIS has used (and deleted) each


def style_post_processor(style: str) -> ApplyStyle:
    """A new post-processor of ``resources/styles/<style>.qml`` for one output.

    QGIS takes ownership of a layer's post-processor and deletes it once used, so each output
    gets its own (a shared one is dead by the second run). Kept referenced here as well, it also
    outlives the algorithm that attached it: a model deletes its child algorithms before the
    outputs are loaded.
    """
    processor = ApplyStyle(resource_path("styles", f"{style}.qml"))
    _KEPT.append(processor)
    del _KEPT[:-256]
    return processor


def attach_style(algorithm, context: QgsProcessingContext, dest_id: str, style: str) -> None:
    """In Desktop give the output ``dest_id`` the style ``resources/styles/<style>.qml``.

    Nothing happens when the layer is not loaded (qgis_process).
    """
    if dest_id and context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(
            style_post_processor(style)
        )
