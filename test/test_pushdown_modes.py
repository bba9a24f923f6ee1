"""When the push-down runs and when not (``EXECUTION``), and that hostile names neither break
nor inject: a schema, table and field named with quotes, semicolons and Chinese characters
work, and the session cannot write."""

from __future__ import annotations

import pytest

from .conftest import SAMPLE_GPKG
from .helpers.layers import output_layer
from .helpers.postgis import assert_same_rows, quote, sample_in
from .helpers.runner import Recorder, run_algorithm

ALG = "lyg_nrp:landuse_occupation"
OUTPUTS = {"OUTPUT": "memory:", "SUMMARY": "memory:", "FARMLAND_PIECES": "memory:"}
SCHEMA = '规划"; DROP SCHEMA public CASCADE; --'
TABLE = '地类图斑\'); DROP TABLE "JSXM"; --'
# Processing itself splits a field parameter's value at ";", so the field has none
FIELD = '地类"编码 \' OR 1=1) DELETE FROM "JSXM" --'


def gpkg(name: str) -> str:
    return f"{SAMPLE_GPKG}|layername={name}"


def run(params: dict, project=None):
    feedback = Recorder()
    params = {"ID_FIELD": "XMBH", **OUTPUTS, **params}
    results, context = run_algorithm(ALG, params, feedback, project)
    return results, context, feedback


def said(feedback, words: str) -> bool:
    return any(words in text for text in feedback.infos)


@pytest.fixture(scope="module")
def db(postgis) -> dict[str, str]:
    return sample_in(postgis, SAMPLE_GPKG)


@pytest.fixture(scope="module")
def hostile(postgis, db) -> str:
    """DLTB copied into a table with a hostile schema, table and field name."""
    name = f"{quote(SCHEMA)}.{quote(TABLE)}"
    postgis.psql(
        f"CREATE SCHEMA {quote(SCHEMA)}; CREATE TABLE {name} AS SELECT fid, "
        f'"DLBM" AS {quote(FIELD)}, "KCXS", geom FROM "DLTB"; '
        f"ALTER TABLE {name} ADD PRIMARY KEY (fid); CREATE INDEX ON {name} USING gist (geom); "
        f"ANALYZE {name}"
    )
    return "postgres://" + postgis.uri(TABLE, SCHEMA)


def test_hostile_names_work_and_do_not_inject(provider, postgis, db, hostile):
    counts = postgis.psql('SELECT count(*) FROM "JSXM"; SELECT count(*) FROM "DLTB"')
    local = run({"INPUT": gpkg("JSXM"), "LANDUSE": gpkg("DLTB"), "EXECUTION": 1})
    pushed = run({"INPUT": db["JSXM"], "LANDUSE": hostile, "DLBM_FIELD": FIELD, "EXECUTION": 2})
    assert said(pushed[2], "Runs in the database")
    n = assert_same_rows(
        output_layer(local[0], local[1]), output_layer(pushed[0], pushed[1]), ("project_id", "DLBM")
    )
    assert n > 100
    assert postgis.psql('SELECT count(*) FROM "JSXM"; SELECT count(*) FROM "DLTB"') == counts
    assert postgis.psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'public'") == "1\n"


def test_the_session_is_read_only(provider, postgis, db):
    from qgis.core import QgsProcessingException

    from lyg_nrp_plugin.processing.pushdown.connection import Connection, Database

    connection = Connection("127.0.0.1", str(postgis.port), postgis.dbname, postgis.user, "", 0)
    with Database(connection) as database:
        assert database.scalar("SELECT CAST(? AS text) || CAST(? AS text)", ["a'; --", "地"]) == (
            "a'; --地"
        )
        with pytest.raises(QgsProcessingException, match="read-only"):
            list(database.rows('INSERT INTO "JSXM" (fid) VALUES (CAST(? AS integer))', [-1]))
        with pytest.raises(QgsProcessingException, match="read-only"):
            database.execute('CREATE TABLE "written" (x int)')
    assert postgis.psql("SELECT to_regclass('public.written') IS NULL") == "t\n"
    assert postgis.psql('SELECT count(*) FROM "JSXM" WHERE fid = -1') == "0\n"


def test_database_execution_with_local_layers_is_an_error(provider):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException):
        run({"INPUT": gpkg("JSXM"), "LANDUSE": gpkg("DLTB"), "EXECUTION": 2})


def test_auto_runs_locally_and_says_why(provider, postgis, db):
    from qgis.core import QgsProject, QgsVectorLayer

    mixed = run({"INPUT": gpkg("JSXM"), "LANDUSE": db["DLTB"]})
    assert said(mixed[2], "Runs locally") and said(mixed[2], "not a PostGIS layer")
    pushed = run({"INPUT": db["JSXM"], "LANDUSE": db["DLTB"]})
    assert said(pushed[2], "Runs in the database")
    assert_same_rows(
        output_layer(mixed[0], mixed[1]), output_layer(pushed[0], pushed[1]), ("project_id", "DLBM")
    )
    # a filter (subset string) is not sent to the database
    filtered = QgsVectorLayer(db["DLTB"][len("postgres://") :], "DLTB", "postgres")
    filtered.setSubsetString("\"DLBM\" LIKE '01%'")
    subset = run({"INPUT": db["JSXM"], "LANDUSE": filtered})
    assert said(subset[2], "subset string")
    # nor are layers of two databases
    postgis.psql('CREATE DATABASE "other"', database="postgres")
    postgis.psql("CREATE EXTENSION postgis", database="other")
    other = "postgres://" + postgis.load(gpkg("JSXM"), "JSXM", database="other")
    two = run({"INPUT": other, "LANDUSE": db["DLTB"]})
    assert said(two[2], "different databases")
    # nor "selected features only"
    from qgis.core import QgsProcessingFeatureSourceDefinition

    projects = QgsVectorLayer(db["JSXM"][len("postgres://") :], "JSXM", "postgres")
    QgsProject.instance().addMapLayer(projects)
    projects.selectByIds([f.id() for f in projects.getFeatures()][:3])
    selected = run(
        {"INPUT": QgsProcessingFeatureSourceDefinition(projects.id(), True), "LANDUSE": db["DLTB"]},
        QgsProject.instance(),
    )
    assert said(selected[2], "selected features")
    assert selected[0]["N_PROJECTS"] == 3
    QgsProject.instance().removeMapLayer(projects.id())


def test_a_project_coordinate_operation_keeps_the_run_local(provider, postgis, db):
    """The database would reproject with PROJ's default operation; the project's own one for
    the pair is applied by QGIS only, so auto runs locally and "in the database" refuses."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsProcessingException,
        QgsProject,
    )

    project = QgsProject()
    transforms = QgsCoordinateTransformContext()
    assert transforms.addCoordinateOperation(
        QgsCoordinateReferenceSystem("EPSG:4549"),
        QgsCoordinateReferenceSystem("EPSG:4528"),
        "+proj=pipeline +step +proj=affine +xoff=40000000",
    )
    project.setTransformContext(transforms)
    params = {"INPUT": db["JSXM"], "LANDUSE": db["DLTB"], "ANALYSIS_CRS": "EPSG:4528"}
    local = run(params, project)
    assert said(local[2], "Runs locally") and said(local[2], "coordinate operation")
    assert not said(local[2], "Runs in the database")
    with pytest.raises(QgsProcessingException, match="coordinate operation"):
        run({**params, "EXECUTION": 2}, project)
    plain = run(params)  # without the project's operation: pushed down
    assert said(plain[2], "Runs in the database")
