"""ecological_network's Desktop dialog says the grid CELL_SIZE will build (issue 17 §4); the
batch dialog and the modeler keep QGIS's own widgets."""

from __future__ import annotations

import math

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProject, QgsVectorLayer

from .conftest import SAMPLE_GPKG

pytestmark = pytest.mark.skipif(not SAMPLE_GPKG.is_file(), reason="sample data not generated")


@pytest.fixture()
def no_iface(monkeypatch):
    """The dialogs as a script opens them (pytest-qgis's iface has no browser model)."""
    monkeypatch.setattr("processing.gui.ParametersPanel.iface", None)


@pytest.fixture()
def dialog(provider, no_iface):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    layer = QgsVectorLayer(f"{SAMPLE_GPKG}|layername=DLTB", "DLTB", "ogr")
    QgsProject.instance().addMapLayer(layer)
    algorithm = QgsApplication.processingRegistry().algorithmById("lyg_nrp:ecological_network")
    window = AlgorithmDialog(algorithm.create(), False, None)
    yield window, layer
    window.close()
    QgsProject.instance().removeMapLayer(layer.id())


def test_dialog_shows_the_grid_it_will_build(dialog):
    window, layer = dialog
    panel = window.mainWidget()
    cell_size = panel.wrappers["CELL_SIZE"]
    panel.wrappers["LANDUSE"].setParameterValue(layer.id(), QgsProcessingContext())
    extent = layer.extent()
    # the sample's extent takes 150 m cells to stay within 1 M (hand-checked: 120 m gives more)
    cols, rows = math.ceil(extent.width() / 150), math.ceil(extent.height() / 150)
    assert (
        cols * rows
        <= 1_000_000
        < math.ceil(extent.width() / 120) * math.ceil(extent.height() / 120)
    )
    text = cell_size.hint.text()
    assert f"{cols * rows:,}" in text and f"{cols} × {rows}" in text and "150" in text
    cell_size.spin.setValue(30)
    cols, rows = math.ceil(extent.width() / 30), math.ceil(extent.height() / 30)
    assert f"{cols * rows:,}" in cell_size.hint.text()
    assert panel.createProcessingParameters()["CELL_SIZE"] == 30.0


def test_batch_and_modeler_keep_qgis_widgets(provider, no_iface):
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.modeler.ModelerParametersDialog import ModelerParametersDialog

    from lyg_nrp_plugin.processing.models import editable_model

    algorithm = QgsApplication.processingRegistry().algorithmById("lyg_nrp:ecological_network")
    BatchAlgorithmDialog(algorithm.create(), None).close()
    model = editable_model("model_corridor_review")
    child = model.childAlgorithm("network")
    modeler = ModelerParametersDialog(child.algorithm(), model, "network", child.configuration())
    wrapper = modeler.widget.widget.wrappers["CELL_SIZE"]
    assert type(wrapper).__name__ == "QgsProcessingModelerParameterWidget"
    modeler.close()
