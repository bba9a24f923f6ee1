"""The bundled Graphical Modeler models (``resources/models/*.model3``) as provider algorithms.

Each appears in the toolbox under 审查模型 with an ASCII id (``lyg_nrp:model_project_review``)
and a translated name; open it in the modeler to see or adapt the chain. The model files are
written by ``scripts/make_models.py``.

In Desktop a model's reports default to a folder that outlives the session (beside the saved
project, else ``Documents/lyg_nrp_reports``) and its layers load under their Chinese
descriptions; headless (``qgis_process``) every output keeps its temporary default.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingParameterFileDestination,
    QgsProject,
)
from qgis.PyQt.QtCore import QStandardPaths
from qgis.PyQt.QtGui import QIcon

from ..paths import icon_path, resource_path
from ..translate import tr

GROUP_MODELS = "models"
REPORTS_FOLDER = "lyg_nrp_reports"


def reports_folder() -> Path:
    """Where a model run from Desktop writes its reports unless told otherwise: beside the
    saved project, else in the user's documents."""
    home = QgsProject.instance().homePath()
    if not home:
        home = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(home or Path.home()) / REPORTS_FOLDER


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
        if QgsApplication.instance() is not None and QgsApplication.platform() == "desktop":
            self.default_reports_to(reports_folder())

    def default_reports_to(self, folder: Path) -> None:
        """File outputs (the HTML and PDF reports) default to ``folder/<output>.<ext>``."""
        for definition in self.destinationParameterDefinitions():
            if isinstance(definition, QgsProcessingParameterFileDestination):
                stem = definition.name().split(":")[-1]
                extension = definition.defaultFileExtension() or "html"
                definition.setDefaultValue(str(folder / f"{stem}.{extension}"))

    def output_descriptions(self) -> dict[str, str]:
        """Model output name → its Chinese description (``scripts/make_models.py``)."""
        return {
            name: output.description()
            for child in self.childAlgorithms().values()
            for name, output in child.modelOutputs().items()
        }

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """Layers load under the outputs' descriptions (红线冲突检测结果), not their names."""
        descriptions = self.output_descriptions()
        for layer_id in context.layersToLoadOnCompletion():
            details = context.layerToLoadOnCompletionDetails(layer_id)
            for key in (details.name, details.outputName):
                if key in descriptions:
                    details.name = descriptions[key]
                    break
        return {}

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


def editable_model(model_id: str) -> QgsProcessingModelAlgorithm:
    """A plain copy of a bundled model for the Graphical Modeler: saving it asks for a new
    file (the user's models folder) instead of overwriting the plugin's own."""
    model = QgsProcessingModelAlgorithm()
    model.fromFile(str(resource_path("models", MODEL_FILES[model_id])))
    model.setSourceFilePath("")
    return model


def bundled_models() -> list[BundledModel]:
    return [
        BundledModel(model_id)
        for model_id in MODEL_FILES
        if resource_path("models", MODEL_FILES[model_id]).is_file()
    ]
