"""The push-down from the real ``qgis_process`` with ``postgres://`` layer strings, in the form
docs/postgis.md documents (``--LANDUSE="postgres://dbname='…' host=… table=\\"public\\".\\"DLTB\\"
(geom)"``)."""

from __future__ import annotations

import json

import pytest

from .conftest import SAMPLE_GPKG
from .helpers.postgis import sample_in


@pytest.mark.slow
def test_qgis_process_pushes_down_with_postgres_uris(postgis, qgis_process, tmp_path):
    db = sample_in(postgis, SAMPLE_GPKG)
    assert db["DLTB"].startswith("postgres://dbname='lyg' host=127.0.0.1 port=")
    assert db["DLTB"].endswith('table="public"."DLTB" (geom)')

    def run(execution: int, layers: dict) -> dict:
        out = tmp_path / f"occ{execution}"
        result = qgis_process(
            "run",
            "lyg_nrp:landuse_occupation",
            "--json",
            *(f"--{k}={v}" for k, v in layers.items()),
            "--ID_FIELD=XMBH",
            f"--EXECUTION={execution}",
            f"--OUTPUT={out}.csv",
            f"--SUMMARY={out}_s.gpkg",
            f"--FARMLAND_PIECES={out}_f.gpkg",
            f"--REPORT={out}.html",
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        assert ("Runs in the database" in result.stdout) == (execution == 2)
        return json.loads(result.stdout[result.stdout.index("{") :])["results"]

    names = {"INPUT": "JSXM", "LANDUSE": "DLTB", "FARMLAND": "YJJBNTBHTB"}
    pushed = run(2, {k: db[v] for k, v in names.items()})
    local = run(1, {k: f"{SAMPLE_GPKG}|layername={v}" for k, v in names.items()})
    assert pushed["N_PROJECTS"] == local["N_PROJECTS"] > 0
    assert pushed["FARM_M2"] == pytest.approx(local["FARM_M2"], rel=1e-6)
