"""Push-down of ``redline_overlap`` (issue 16 §3): the hand-built red-line case (invalid
projects, overlapping red-line features, zones, a coastline) and the sample's projects against
all thirteen control layers give the same verdicts, areas and conflict pieces with the layers
in PostGIS as read locally."""

from __future__ import annotations

import pytest

from .conftest import SAMPLE_GPKG
from .helpers.layers import output_layer, write_gpkg
from .helpers.postgis import assert_same_rows, sample_in
from .helpers.redline_case import SAMPLE_FIELDS, SAMPLE_LAYERS, control_layers, project_layer
from .helpers.runner import Recorder, run_algorithm

ALG = "lyg_nrp:redline_overlap"
OUTPUTS = {"OUTPUT": "memory:", "CONFLICTS": "memory:"}


def run(params: dict, execution: int):
    feedback = Recorder()
    results, context = run_algorithm(ALG, {**params, **OUTPUTS, "EXECUTION": execution}, feedback)
    return results, context, feedback


def assert_same(local, pushed) -> int:
    assert any("Runs in the database" in t for t in pushed[2].infos)
    for name in ("N_PROJECTS", "N_FAIL", "N_REVIEW", "N_PASS"):
        assert local[0][name] == pushed[0][name], name
    n = assert_same_rows(
        output_layer(local[0], local[1]), output_layer(pushed[0], pushed[1]), ("project_id",)
    )
    key = ("project_id", "control", "level")
    a, b = (output_layer(r[0], r[1], "CONFLICTS") for r in (local, pushed))
    return n + assert_same_rows(a, b, key)


@pytest.fixture(scope="module")
def hand_built(postgis, tmp_path_factory):
    """The hand-built case as memory layers and as PostGIS tables (same features, same fids)."""
    path = tmp_path_factory.mktemp("redline_pg") / "case.gpkg"
    layers = {"INPUT": project_layer(), **control_layers()}
    tables = {}
    for name, layer in layers.items():
        table = f"case_{layer.name().lower()}"
        tables[name] = "postgres://" + postgis.load(write_gpkg(path, layer), table)
    return layers, tables


@pytest.mark.parametrize("method", [0, 1])
def test_hand_built_case_pushed_down_equals_local(provider, hand_built, method):
    layers, tables = hand_built
    fields = {"ID_FIELD": "XMMC", "PA_ZONE_FIELD": "GNFQ", "COAST_TYPE_FIELD": "AXLX"}
    extra = {**fields, "AREA_METHOD": method}
    local = run({**layers, **extra}, 1)
    pushed = run({**tables, **extra}, 2)
    assert assert_same(local, pushed) >= 6
    assert local[0]["N_FAIL"] > 0

    # the repairs are counted the same way (bow-tie project read by QGIS on both paths; the
    # controls by the database on one)
    def repaired(feedback):
        return sorted(w.split("]: ")[-1] for w in feedback.warnings if "repaired" in w)

    assert repaired(pushed[2]) == repaired(local[2]) != []


def test_reprojected_in_the_database_equals_qgis(provider, postgis, tmp_path):
    """Controls stored in EPSG:4528 (another zone's false easting), analysis in EPSG:4549: the
    database's ST_Transform and QGIS's transform give the same numbers."""
    path = tmp_path / "case4528.gpkg"
    tables = {"INPUT": "postgres://" + postgis.load(write_gpkg(path, project_layer()), "c_jsxm")}
    for name, layer in control_layers().items():
        table = f"c4528_{layer.name().lower()}"
        tables[name] = "postgres://" + postgis.load(
            write_gpkg(path, layer), table, t_srs="EPSG:4528"
        )
    extra = {"ID_FIELD": "XMMC", "PA_ZONE_FIELD": "GNFQ", "COAST_TYPE_FIELD": "AXLX"}
    local = run({**tables, **extra}, 1)
    pushed = run({**tables, **extra}, 2)
    assert assert_same(local, pushed) >= 6
    assert postgis.psql("SELECT DISTINCT ST_SRID(geom) FROM c4528_stbhhx") == "4528\n"


@pytest.mark.slow
@pytest.mark.parametrize("method", [0, 1])
def test_sample_all_controls_pushed_down_equals_local(provider, postgis, method):
    db = sample_in(postgis, SAMPLE_GPKG)
    extra = {**SAMPLE_FIELDS, "AREA_METHOD": method}
    local = run({k: f"{SAMPLE_GPKG}|layername={v}" for k, v in SAMPLE_LAYERS.items()} | extra, 1)
    pushed = run({k: db[v] for k, v in SAMPLE_LAYERS.items()} | extra, 2)
    assert assert_same(local, pushed) > 50
    assert local[0]["N_FAIL"] > 0 and local[0]["N_REVIEW"] > 0
