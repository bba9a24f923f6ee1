"""Push-down of ``landuse_occupation`` (issue 16 §3): the sample's projects, 三调 parcels and
永久基本农田 in PostGIS give the same table, summary and farmland pieces as the same layers read
from the GeoPackage, and the log says which path ran and why."""

from __future__ import annotations

import pytest

from .conftest import SAMPLE_GPKG
from .helpers.layers import output_layer
from .helpers.postgis import assert_same_rows, sample_in
from .helpers.runner import Recorder, run_algorithm

ALG = "lyg_nrp:landuse_occupation"
OUTPUTS = {"OUTPUT": "memory:", "SUMMARY": "memory:", "FARMLAND_PIECES": "memory:"}
FIELDS = {"ID_FIELD": "XMBH", "NAME_FIELD": "XMMC", "DLBM_FIELD": "DLBM", "KCXS_FIELD": "KCXS"}


def gpkg(name: str) -> str:
    return f"{SAMPLE_GPKG}|layername={name}"


def run(layers: dict, **extra):
    feedback = Recorder()
    params = {**layers, **FIELDS, **OUTPUTS, **extra}
    results, context = run_algorithm(ALG, params, feedback)
    return results, context, feedback


@pytest.mark.slow
@pytest.mark.parametrize("method", [0, 1])
@pytest.mark.parametrize("farmland", [False, True])
def test_sample_pushed_down_equals_local(provider, postgis, method, farmland):
    db = sample_in(postgis, SAMPLE_GPKG)
    names = {"INPUT": "JSXM", "LANDUSE": "DLTB"} | ({"FARMLAND": "YJJBNTBHTB"} if farmland else {})
    local = run({k: gpkg(v) for k, v in names.items()}, AREA_METHOD=method, EXECUTION=1)
    pushed = run({k: db[v] for k, v in names.items()}, AREA_METHOD=method, EXECUTION=2)
    assert any("Runs in the database" in t for t in pushed[2].infos)
    assert any("Runs locally" in t for t in local[2].infos)
    n = 0
    for name, key in (
        ("OUTPUT", ("project_id", "DLBM")),
        ("SUMMARY", ("project_id",)),
        ("FARMLAND_PIECES", ("project_id", "DLBM")),
    ):
        n += assert_same_rows(
            output_layer(local[0], local[1], name), output_layer(pushed[0], pushed[1], name), key
        )
    assert n > 100
    assert local[0]["FARM_M2"] == pytest.approx(pushed[0]["FARM_M2"], rel=1e-6)
    assert local[0]["FARM_M2"] > 0


def test_overlapping_parcels_counted_once_in_both(provider, postgis, tmp_path):
    """Hand-worked: a 100 × 100 m project over two parcels overlapping by 20 × 100 m; the lower
    fid (0101, KCXS 0.1) keeps the overlap: 0101 gross 6 000 m², net 5 400; 0201 gross 4 000."""
    import shapely
    from qgis.PyQt.QtCore import QVariant

    from .helpers.layers import make_layer, write_gpkg

    x, y = 430_000.0, 3_830_000.0
    box = lambda x1, x2: shapely.box(x + x1, y, x + x2, y + 100)  # noqa: E731
    s, d = QVariant.String, QVariant.Double
    projects = make_layer("Polygon", "EPSG:4549", [("XMBH", s)], [(("P1",), box(0, 100))], "JSXM")
    parcels = make_layer(
        "Polygon",
        "EPSG:4549",
        [("DLBM", s), ("KCXS", d)],
        [(("0101", 0.1), box(0, 60)), (("0201", 0.0), box(40, 100))],
        "DLTB",
    )
    path = tmp_path / "overlap.gpkg"
    pg = {
        "INPUT": "postgres://" + postgis.load(write_gpkg(path, projects), "ov_jsxm"),
        "LANDUSE": "postgres://" + postgis.load(write_gpkg(path, parcels), "ov_dltb"),
    }
    local = run({"INPUT": projects, "LANDUSE": parcels}, EXECUTION=1)
    pushed = run(pg, EXECUTION=2)
    for result in (local, pushed):
        rows = {f["DLBM"]: f for f in output_layer(result[0], result[1]).getFeatures()}
        assert rows["0101"]["gross_m2"] == pytest.approx(6000.0)
        assert rows["0101"]["net_m2"] == pytest.approx(5400.0)
        assert rows["0201"]["gross_m2"] == pytest.approx(4000.0)
        assert any("overlap" in w for w in result[2].warnings)
