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


_POST_PROCESSORS: dict[str, ApplyStyle] = {}  # one per style, alive as long as the plugin


def style_post_processor(style: str) -> ApplyStyle:
    """The (stateless, shared) post-processor of ``resources/styles/<style>.qml``.

    It must outlive the algorithm that attaches it: a model runs its child algorithms and
    deletes them before the outputs are loaded, so a post-processor owned by the child would be
    gone by then. Kept here, it serves direct runs and models alike.
    """
    if style not in _POST_PROCESSORS:
        _POST_PROCESSORS[style] = ApplyStyle(resource_path("styles", f"{style}.qml"))
    return _POST_PROCESSORS[style]


def attach_style(algorithm, context: QgsProcessingContext, dest_id: str, style: str) -> None:
    """In Desktop give the output ``dest_id`` the style ``resources/styles/<style>.qml``.

    Nothing happens when the layer is not loaded (qgis_process).
    """
    if dest_id and context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(
            style_post_processor(style)
        )
