"""The bundled Graphical Modeler models (``resources/models/*.model3``) as provider algorithms.

Each appears in the toolbox under 审查模型 with an ASCII id (``lyg_nrp:model_project_review``)
and a translated name; open it in the modeler to see or adapt the chain. The model files are
written by ``scripts/make_models.py``.
"""

from __future__ import annotations

from qgis.core import QgsProcessingModelAlgorithm
from qgis.PyQt.QtGui import QIcon

from ..paths import icon_path, resource_path
from ..translate import tr

GROUP_MODELS = "models"


def model_names() -> dict[str, str]:
    return {
        "model_project_review": tr("Project compliance review (model)"),
        "model_corridor_review": tr("Ecological corridor assessment (model)"),
        "model_indicator_review": tr("Annual plan indicator assessment (model)"),
    }


MODEL_FILES = {
    "model_project_review": "project_review.model3",
    "model_corridor_review": "corridor_review.model3",
    "model_indicator_review": "indicator_review.model3",
}


class BundledModel(QgsProcessingModelAlgorithm):
    def __init__(self, model_id: str):
        super().__init__()
        self._model_id = model_id
        self.fromFile(str(resource_path("models", MODEL_FILES[model_id])))

    def name(self) -> str:
        return self._model_id

    def displayName(self) -> str:  # noqa: N802
        return model_names()[self._model_id]

    def group(self) -> str:
        return tr("Review models")

    def groupId(self) -> str:  # noqa: N802
        return GROUP_MODELS

    def icon(self) -> QIcon:
        return QIcon(icon_path("icon.svg"))

    def createInstance(self):  # noqa: N802
        return BundledModel(self._model_id)


def bundled_models() -> list[BundledModel]:
    return [
        BundledModel(model_id)
        for model_id in MODEL_FILES
        if resource_path("models", MODEL_FILES[model_id]).is_file()
    ]
