"""On the bundled sample (the lead checks these after merging the new sample): the red-line
check of the sample's projects, printed from the check-results dock — one page per project
plus the cover, each page naming its project, Chinese text extractable."""

from __future__ import annotations

import shutil

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from lyg_nrp_plugin import results_bus
from lyg_nrp_plugin.gui.results_dock import ResultsDock

from .conftest import SAMPLE_GPKG
from .fake_iface import FakeIface
from .helpers.runner import run_algorithm
from .helpers.sheet_case import flat, pdf_pages, pdf_text

pytestmark = [
    pytest.mark.sample,
    pytest.mark.slow,
    pytest.mark.skipif(not SAMPLE_GPKG.is_file(), reason="the sample GeoPackage is not built"),
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils"),
]
CONTROLS = {
    "ECO_REDLINE": "STBHHX",
    "FARMLAND": "YJJBNTBHTB",
    "DEV_BOUNDARY": "CZKFBJ",
    "PROTECTED_AREAS": "ZRBHD",
    "MARINE_REDLINE": "HYSTHX",
    "COASTLINE": "HAX",
}


def sample_layer(name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{SAMPLE_GPKG}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    return layer


def test_sample_redline_review_sheet_from_the_dock(provider, tmp_path):
    results_bus._latest.clear()
    project = QgsProject.instance()
    project.clear()
    layers = {name: sample_layer(name) for name in ("JSXM", *CONTROLS.values())}
    project.addMapLayers(list(layers.values()))
    parameters = {key: layers[name] for key, name in CONTROLS.items()}
    parameters.update(INPUT=layers["JSXM"], ID_FIELD="XMBH", OUTPUT="TEMPORARY_OUTPUT")
    results, context = run_algorithm("lyg_nrp:redline_overlap", parameters)
    output = results["OUTPUT"]
    output_id = output if isinstance(output, str) else output.id()
    project.addMapLayer(context.takeResultLayer(output_id))
    QgsApplication.processEvents()
    iface = FakeIface()
    dock = ResultsDock(iface.mainWindow(), iface)
    try:
        result = dock.current()
        assert result is not None and result.algorithm == "redline_overlap"
        n = layers["JSXM"].featureCount()
        assert len(result.rows) == n
        path = dock.export_pdf(str(tmp_path / "sample.pdf"))
        assert path and pdf_pages(tmp_path / "sample.pdf") == n + 1
        for page, row in enumerate(dock.displayed_rows(), start=2):
            text = pdf_text(tmp_path / "sample.pdf", page)
            assert str(row.item_id) in text, (page, row.item_id)
            assert "审查意见" in flat(text)
        first = dock.displayed_rows()[0]
        assert first.verdict == "FAIL" or "FAIL" not in result.counts  # failures printed first
    finally:
        dock.teardown()
        project.clear()
