"""``lyg_nrp:sample_data`` — copy the bundled schematic sample GeoPackage and load its layers."""

from __future__ import annotations

import shutil
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFileDestination,
    QgsVectorLayer,
)

from ..paths import resource_path
from ..translate import tr
from .base import GROUP_DATA, LygAlgorithm
from .styles import style_post_processor

SAMPLE_GPKG = ("sample", "lyg_sample.gpkg")


def sample_layers() -> dict[str, str]:
    """Layer name in the GeoPackage -> translated display name, in map order (bottom first):
    the parcels at the bottom, then the sea, the control areas (broad ones below narrow ones),
    the optional controls, the plots and projects, and the lines on top."""
    return {
        "DLTB": tr("DLTB land-use parcels (third national land survey)"),
        "DLTB_JQ": tr("DLTB_JQ base-year land-use parcels (before the supplementary works)"),
        "XZQ": tr("XZQ districts and counties"),
        "HYGNQ": tr("HYGNQ sea area under jurisdiction"),
        "HASD": tr("HASD coastal and offshore wetlands"),
        "HYSTHX": tr("HYSTHX marine ecological red line"),
        "YJJBNTBHTB": tr("YJJBNTBHTB permanent basic farmland"),
        "JBNTCBQ": tr("JBNTCBQ permanent basic farmland reserve"),
        "CZKFBJ": tr("CZKFBJ urban development boundary"),
        "STKJGKQY": tr("STKJGKQY ecological space control areas (Jiangsu)"),
        "STBHHX": tr("STBHHX ecological protection red line"),
        "ZRBHD": tr("ZRBHD protected areas"),
        "STGYL": tr("STGYL ecological public-welfare forest"),
        "YFKC": tr("YFKC important mineral deposits"),
        "DZZHYFQ": tr("DZZHYFQ geological hazard prone areas"),
        "LSWHBHX": tr("LSWHBHX historic and cultural protection lines"),
        "YTS": tr("YTS Yuntai mountains green vein"),
        "BCGD": tr("BCGD supplementary farmland plots"),
        "JSXM": tr("JSXM proposed construction projects"),
        "SX": tr("SX rivers"),
        "HAX": tr("HAX coastline"),
    }


def default_destination() -> str:
    """``<QGIS profile>/lyg_nrp_sample/lyg_sample.gpkg``: kept between sessions."""
    from ..sample_project import sample_folder

    return str(sample_folder() / SAMPLE_GPKG[1])


class SampleDataAlgorithm(LygAlgorithm):
    ALG_ID = "sample_data"
    GROUP_ID = GROUP_DATA
    ICON = "sample.svg"
    NEEDS_DEPENDENCIES = False
    DESTINATION = "DESTINATION"
    N_LAYERS = "N_LAYERS"

    def displayName(self) -> str:  # noqa: N802
        return tr("Load sample data")

    def summary(self) -> str:
        return tr(
            "Copies the bundled schematic Lianyungang sample GeoPackage (synthetic data placed "
            "roughly where things are, not surveyed) to a destination and returns every layer, "
            "so that each algorithm of this provider can be tried at once. In QGIS Desktop the "
            "layers are added to the project with the plugin's styles."
        )

    def parameter_help(self) -> dict[str, str]:
        helps = {
            self.DESTINATION: tr(
                "Where to write the copy (default: lyg_nrp_sample/lyg_sample.gpkg in the QGIS "
                "profile, kept between sessions; an existing copy there is reused, so edits "
                "survive)."
            ),
            self.N_LAYERS: tr("Number of layers copied."),
        }
        for name, title in sample_layers().items():
            helps[name] = title
        return helps

    def initAlgorithm(self, configuration=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.DESTINATION,
                tr("Sample GeoPackage"),
                tr("GeoPackage (*.gpkg)"),
                default_destination(),
            )
        )
        for name, title in sample_layers().items():
            self.addOutput(QgsProcessingOutputVectorLayer(name, title, QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(self.N_LAYERS, tr("Number of layers")))
        self.add_help_to_parameters()

    def process(self, parameters, context: QgsProcessingContext, feedback):
        bundled = resource_path(*SAMPLE_GPKG)
        if not bundled.is_file():
            raise QgsProcessingException(
                tr("The bundled sample data is missing: {path}").format(path=bundled)
            )
        destination = default_destination()
        if parameters.get(self.DESTINATION):
            destination = self.parameterAsFileOutput(parameters, self.DESTINATION, context)
        if not destination.lower().endswith(".gpkg"):
            destination += ".gpkg"
        Path(destination).parent.mkdir(parents=True, exist_ok=True)
        if Path(destination) == Path(default_destination()) and Path(destination).is_file():
            feedback.pushInfo(
                tr("Using the sample data already copied to {path}").format(path=destination)
            )
        else:
            shutil.copyfile(bundled, destination)
            feedback.pushInfo(tr("Copied the sample data to {path}").format(path=destination))

        results = {self.DESTINATION: destination}
        layers = sample_layers()
        for i, (name, title) in enumerate(layers.items()):
            if feedback.isCanceled():
                break
            uri = f"{destination}|layername={name}"
            layer = QgsVectorLayer(uri, title, "ogr")
            if not layer.isValid():
                raise QgsProcessingException(
                    tr("Layer {name} is missing from {path}").format(name=name, path=destination)
                )
            feedback.pushInfo(
                tr("{name}: {count} features").format(name=name, count=layer.featureCount())
            )
            results[name] = uri
            if context.willLoadLayerOnCompletion(uri) is False:
                details = QgsProcessingContext.LayerDetails(title, context.project(), name)
                if hasattr(details, "layerSortKey"):  # QGIS >= 3.32 keeps map order
                    details.layerSortKey = len(layers) - i
                details.setPostProcessor(style_post_processor(f"sample_{name}"))
                context.addLayerToLoadOnCompletion(uri, details)
            feedback.setProgress(100 * (i + 1) / len(layers))
        results[self.N_LAYERS] = len(layers)
        return results
