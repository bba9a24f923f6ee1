"""The bundled models run end to end and agree with their algorithms run one by one."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from demo import PROJECT_INPUTS  # scripts/demo.py: the sample's inputs, as make demo runs them
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

from .conftest import SAMPLE_GPKG
from .helpers.redline_case import SAMPLE_FIELDS, SAMPLE_LAYERS

pytestmark = pytest.mark.skipif(not SAMPLE_GPKG.is_file(), reason="sample data not generated")


def layer(name: str) -> str:
    return f"{SAMPLE_GPKG}|layername={name}"


def run(algorithm: str, parameters: dict) -> dict:
    import processing

    context = QgsProcessingContext()
    results = processing.run(
        algorithm, parameters, context=context, feedback=QgsProcessingFeedback()
    )
    return {
        key: (
            context.getMapLayer(value)
            if isinstance(value, str) and context.getMapLayer(value) is not None
            else value
        )
        for key, value in results.items()
    }


def rows(result_layer, key: str, fields: list[str]) -> dict:
    if isinstance(result_layer, str):
        result_layer = QgsVectorLayer(result_layer, "result", "ogr")
    return {f[key]: tuple(f[name] for name in fields) for f in result_layer.getFeatures()}


# the redline_overlap parameters the model passes them to
REDLINE_INPUTS = {k: layer(v) for k, v in SAMPLE_LAYERS.items()} | SAMPLE_FIELDS


@pytest.fixture(scope="module")
def project_model(provider, tmp_path_factory):
    out = tmp_path_factory.mktemp("project_model")
    parameters = dict(PROJECT_INPUTS)
    parameters.update(
        {
            "redline:redline_result": "TEMPORARY_OUTPUT",
            "redline:conflicts": "TEMPORARY_OUTPUT",
            "redline:redline_report": str(out / "redline.html"),
            "occupation:occupation_detail": "TEMPORARY_OUTPUT",
            "occupation:occupation_summary": "TEMPORARY_OUTPUT",
            "occupation:farmland_pieces": "TEMPORARY_OUTPUT",
            "occupation:occupation_report": str(out / "occupation.html"),
            "balance:balance_sheet": "TEMPORARY_OUTPUT",
            "balance:flagged_plots": "TEMPORARY_OUTPUT",
            "balance:balance_report": str(out / "balance.html"),
            "redline:redline_pdf": str(out / "redline.pdf"),
            "occupation:occupation_pdf": str(out / "occupation.pdf"),
            "balance:balance_pdf": str(out / "balance.pdf"),
        }
    )
    return run("lyg_nrp:model_project_review", parameters), out


def test_project_review_model_matches_the_three_algorithms(project_model):
    model, out = project_model
    redline = run(
        "lyg_nrp:redline_overlap",
        {**REDLINE_INPUTS, "OUTPUT": "TEMPORARY_OUTPUT", "CONFLICTS": "TEMPORARY_OUTPUT"},
    )
    fields = ["verdict", "eco_m2", "farm_m2", "udb_out_m2", "coast_m", "mineral_m2"]
    assert rows(model["redline:redline_result"], "XMBH", fields) == rows(
        redline["OUTPUT"], "XMBH", fields
    )
    assert model["CHILD_RESULTS"]["redline"]["N_FAIL"] == redline["N_FAIL"] > 0
    occupation = run(
        "lyg_nrp:landuse_occupation",
        {
            "INPUT": layer("JSXM"),
            "ID_FIELD": "XMBH",
            "NAME_FIELD": "XMMC",
            "LANDUSE": layer("DLTB"),
            "FARMLAND": layer("YJJBNTBHTB"),
            "OUTPUT": "TEMPORARY_OUTPUT",
            "SUMMARY": "TEMPORARY_OUTPUT",
            "FARMLAND_PIECES": "TEMPORARY_OUTPUT",
        },
    )
    balance = run(
        "lyg_nrp:farmland_balance",
        {
            "OCCUPIED": occupation["FARMLAND_PIECES"],
            "SUPPLEMENT": layer("BCGD"),
            "BASE_LANDUSE": layer("DLTB_JQ"),
            "ECO_REDLINE": layer("STBHHX"),
            "PROTECTED_AREAS": layer("ZRBHD"),
            "BALANCE": "TEMPORARY_OUTPUT",
            "FLAGGED": "TEMPORARY_OUTPUT",
        },
    )
    sheet = ["occ_m2", "sup_m2", "occ_paddy_m2", "sup_paddy_m2", "verdict", "def_m2"]
    model_sheet = rows(model["balance:balance_sheet"], "group", sheet)
    single_sheet = rows(balance["BALANCE"], "group", sheet)
    assert model_sheet.keys() == single_sheet.keys()
    for group, values in single_sheet.items():
        assert model_sheet[group][-2] == values[-2]
        assert model_sheet[group][:4] == pytest.approx(values[:4], rel=1e-9)
    for report in ("redline.html", "occupation.html", "balance.html"):
        assert (out / report).stat().st_size > 1000
    for pdf in ("redline.pdf", "occupation.pdf"):  # a cover and one page per project
        info = subprocess.run(["pdfinfo", str(out / pdf)], capture_output=True, text=True)
        assert re.search(r"^Pages:\s+41$", info.stdout, re.M), info.stdout


def test_corridor_model_matches_build_then_assess(provider, tmp_path):
    model = run(
        "lyg_nrp:model_corridor_review",
        {
            "rivers": layer("SX"),
            "name_field": "HLMC",
            "coastline": layer("HAX"),
            "green_vein": layer("YTS"),
            "boundary": layer("XZQ"),
            "landuse": layer("DLTB"),
            "projects": layer("JSXM"),
            "project_id_field": "XMBH",
            "cell_size": 400.0,
            "build:corridors": "TEMPORARY_OUTPUT",
            "build:axes": "TEMPORARY_OUTPUT",
            "assess:assessment": "TEMPORARY_OUTPUT",
            "assess:breaks": "TEMPORARY_OUTPUT",
            "assess:corridor_report": str(tmp_path / "corridors.html"),
            "network:sources": "TEMPORARY_OUTPUT",
            "network:links": "TEMPORARY_OUTPUT",
            "network:network_corridors": "TEMPORARY_OUTPUT",
            "network:nodes": "TEMPORARY_OUTPUT",
            "network:network_report": str(tmp_path / "network.html"),
        },
    )
    build = run(
        "lyg_nrp:build_corridors",
        {
            "RIVERS": layer("SX"),
            "NAME_FIELD": "HLMC",
            "COASTLINE": layer("HAX"),
            "GREEN_VEIN": layer("YTS"),
            "BOUNDARY": layer("XZQ"),
            "OUTPUT": "TEMPORARY_OUTPUT",
            "AXES": "TEMPORARY_OUTPUT",
        },
    )
    assess = run(
        "lyg_nrp:corridor_assessment",
        {
            "CORRIDORS": build["OUTPUT"],
            "AXES": build["AXES"],
            "LANDUSE": layer("DLTB"),
            "PROJECTS": layer("JSXM"),
            "PROJECT_ID_FIELD": "XMBH",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "BREAKS": "TEMPORARY_OUTPUT",
        },
    )
    fields = ["grade", "eco_ratio", "n_breaks", "project_m2"]
    single = rows(assess["OUTPUT"], "name", fields)
    assert len(single) == 9  # 7 river corridors, the coastal belt, the green vein
    assert rows(model["assess:assessment"], "name", fields) == single
    network = model["CHILD_RESULTS"]["network"]
    assert network["N_SOURCES"] >= 2 and network["N_LINKS"] >= 1
    assert 0 < network["PC"] <= 1


def test_indicator_model_matches_the_algorithm(provider, tmp_path):
    inputs = {
        "landuse": "DLTB",
        "boundary": "XZQ",
        "sea_area": "HYGNQ",
        "eco_redline": "STBHHX",
        "farmland": "YJJBNTBHTB",
        "protected_areas": "ZRBHD",
        "marine_redline": "HYSTHX",
        "coastline": "HAX",
        "eco_space": "STKJGKQY",
        "coastal_wetland": "HASD",
    }
    parameters = {k: layer(v) for k, v in inputs.items()}
    parameters["wetland_definition"] = 1
    parameters.update(
        {
            "indicators:indicators": "TEMPORARY_OUTPUT",
            "indicators:indicators_json": str(tmp_path / "model.json"),
            "indicators:indicator_report": str(tmp_path / "model.html"),
        }
    )
    model = run("lyg_nrp:model_indicator_review", parameters)
    single = run(
        "lyg_nrp:indicator_assessment",
        {
            **{k.upper(): layer(v) for k, v in inputs.items()},
            "WETLAND_DEFINITION": 1,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "JSON": str(tmp_path / "single.json"),
        },
    )
    fields = ["value", "status"]
    assert rows(model["indicators:indicators"], "code", fields) == rows(
        single["OUTPUT"], "code", fields
    )
    assert json.loads((tmp_path / "model.json").read_text("utf-8")) is not None


@pytest.mark.slow
def test_models_run_in_qgis_process(qgis_process, tmp_path, project_model):
    """Headless: every model output must be given (QGIS 3.22's qgis_process does not default
    a model's outputs); the numbers are read back from the written layers."""
    outputs = {
        "redline:redline_result": "redline.gpkg",
        "redline:conflicts": "conflicts.gpkg",
        "redline:redline_report": "redline.html",
        "occupation:occupation_detail": "detail.gpkg",
        "occupation:occupation_summary": "summary.gpkg",
        "occupation:farmland_pieces": "pieces.gpkg",
        "occupation:occupation_report": "occupation.html",
        "balance:balance_sheet": "balance.gpkg",
        "balance:flagged_plots": "flagged.gpkg",
        "balance:balance_report": "balance.html",
        "redline:redline_pdf": "redline.pdf",
        "occupation:occupation_pdf": "occupation.pdf",
        "balance:balance_pdf": "balance.pdf",
    }
    args = [f"{k}={v}" for k, v in PROJECT_INPUTS.items()]
    args += [f"{name}={tmp_path / file}" for name, file in outputs.items()]
    result = qgis_process("run", "lyg_nrp:model_project_review", "--json", "--", *args)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    results = json.loads(result.stdout)["results"]
    assert set(outputs) <= set(results)
    fields = ["verdict", "eco_m2", "farm_m2", "udb_out_m2"]
    model, _ = project_model
    headless = rows(str(tmp_path / "redline.gpkg"), "XMBH", fields)
    in_process = rows(model["redline:redline_result"], "XMBH", fields)
    assert headless.keys() == in_process.keys() and len(headless) == 40
    for key, (verdict, *areas) in in_process.items():  # the GeoPackage keeps 2 decimals
        assert headless[key][0] == verdict
        assert headless[key][1:] == pytest.approx(areas, abs=0.006), key
    sheet = rows(str(tmp_path / "balance.gpkg"), "group", ["verdict", "def_m2"])
    expected = rows(model["balance:balance_sheet"], "group", ["verdict", "def_m2"])
    assert {k: v[0] for k, v in sheet.items()} == {k: v[0] for k, v in expected.items()}
    assert [v[1] for v in sheet.values()] == pytest.approx(
        [v[1] for v in expected.values()], abs=0.006
    )
    for report in ("redline.html", "occupation.html", "balance.html"):
        assert (tmp_path / report).stat().st_size > 1000
    result = qgis_process("help", "lyg_nrp:model_indicator_review")
    assert result.returncode == 0 and "landuse" in result.stdout


MODEL_IDS = ("model_project_review", "model_corridor_review", "model_indicator_review")


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_models_pass_qgis_validation(provider, model_id):
    """QGIS's own check (red boxes in the Graphical Modeler, "This model is not valid" on
    Run): every child parameter that is not optional has a value."""
    from qgis.core import QgsApplication

    model = QgsApplication.processingRegistry().algorithmById(f"lyg_nrp:{model_id}").create()
    ok, errors = model.validate()
    assert ok, errors
    order = [d.name() for d in model.parameterDefinitions() if not d.isDestination()]
    assert order[0] in ("projects", "rivers", "landuse")  # workflow order, not alphabetical


def test_model_reports_default_to_a_folder_that_stays(provider, tmp_path):
    from lyg_nrp_plugin.processing.models import BundledModel

    model = BundledModel("model_project_review")
    model.default_reports_to(tmp_path / "reports")
    defaults = {
        d.name(): d.defaultValue()
        for d in model.destinationParameterDefinitions()
        if d.name().endswith(("_report", "_pdf"))
    }
    assert defaults["redline:redline_report"] == str(tmp_path / "reports" / "redline_report.html")
    assert defaults["balance:balance_pdf"] == str(tmp_path / "reports" / "balance_pdf.pdf")
    assert len(defaults) == 6


def test_model_layers_load_under_their_chinese_names(provider, project_model):
    from qgis.core import QgsProcessingContext, QgsProject

    from lyg_nrp_plugin.processing.models import BundledModel

    model = BundledModel("model_project_review")
    context = QgsProcessingContext()
    details = QgsProcessingContext.LayerDetails("redline_result", QgsProject.instance(), "")
    context.addLayerToLoadOnCompletion("memory:x", details)
    model.postProcessAlgorithm(context, QgsProcessingFeedback())
    assert context.layerToLoadOnCompletionDetails("memory:x").name == "红线冲突检测结果"
