"""A real qgis_process subprocess sees the provider once the plugin is enabled in a profile."""

from __future__ import annotations

import json

import pytest

from .conftest import SAMPLE_GPKG

pytestmark = pytest.mark.slow  # each test starts qgis_process


def test_list_shows_provider_and_algorithms(qgis_process):
    result = qgis_process("list")
    assert result.returncode == 0, result.stderr
    assert "lyg_nrp:sample_data" in result.stdout


def test_help_prints_parameters(qgis_process):
    result = qgis_process("help", "lyg_nrp:sample_data")
    assert result.returncode == 0, result.stderr
    assert "DESTINATION" in result.stdout and "N_LAYERS" in result.stdout
    assert "GeoPackage" in result.stdout


@pytest.mark.skipif(not SAMPLE_GPKG.is_file(), reason="sample data not generated")
def test_run_sample_data_json(qgis_process, tmp_path):
    destination = tmp_path / "sample.gpkg"
    result = qgis_process(
        "run", "lyg_nrp:sample_data", "--json", "--", f"DESTINATION={destination}"
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    payload = json.loads(result.stdout)
    import pyogrio

    assert payload["results"]["N_LAYERS"] == len(pyogrio.list_layers(SAMPLE_GPKG))
    assert destination.is_file()
    assert payload["results"]["DLTB"].endswith("layername=DLTB")
