"""The Arrow-stream reader (processing/io/arrow.py) against the QGIS iterator, and both
against an independent reading (pyogrio + pyproj + shapely): same fids, geometries,
attributes, NULLs, repairs and reprojection; and the cases that must use the iterator."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from .helpers.layers import make_layer, write_gpkg

BOWTIE = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])


def _rows(x0: float, y0: float, n: int = 50, unit: float = 1.0):
    """``n`` boxes of about 100 × 90 ``unit`` (metres, or 1e-5 degree) and their attributes."""
    rng = np.random.default_rng(3)
    rows = []
    for i in range(n):
        x, y = x0 + 120.0 * unit * (i % 10), y0 + 120.0 * unit * (i // 10)
        geom = shapely.box(x, y, x + (100 + rng.uniform(0, 10)) * unit, y + 90 * unit)
        code = ["0101", "0301", "1101", None, "旱地"][i % 5]
        tbmj = None if i % 7 == 3 else round(float(shapely.area(geom)), 2)
        grade = None if i % 4 == 1 else i % 15
        rows.append(((f"BSM{i:04d}", code, tbmj, grade, f"第{i}村"), geom))
    bowtie = shapely.transform(BOWTIE, lambda xy: xy * unit + (x0, y0))
    rows[5] = (rows[5][0], bowtie)  # invalid: repaired
    rows[9] = (rows[9][0], None)  # null geometry: skipped, counted
    return rows


@pytest.fixture(scope="module")
def gpkg(qgis_processing, tmp_path_factory):
    from qgis.PyQt.QtCore import QVariant

    fields = [
        ("BSM", QVariant.String),
        ("DLBM", QVariant.String),
        ("TBMJ", QVariant.Double),
        ("GDDB", QVariant.Int),
        ("ZLDWMC", QVariant.String),
    ]
    path = tmp_path_factory.mktemp("fastread") / "parcels.gpkg"
    zone = make_layer("Polygon", "EPSG:4528", fields, _rows(40_450_000.0, 3_820_000.0), "ZONE40")
    geo = make_layer("Polygon", "EPSG:4326", fields, _rows(119.2, 34.6, 20, 1e-5), "GEO")
    for layer in (zone, geo):
        write_gpkg(path, layer)
    return path


def _read(uri: str, crs: str, fields, monkeypatch, reader: str):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsVectorLayer,
    )

    from lyg_nrp_plugin.processing.io import arrow, read

    monkeypatch.setenv(arrow.READER_ENV, reader)
    layer = QgsVectorLayer(uri, "t", "ogr")
    assert layer.isValid()
    expected_fast = reader != "iterator"
    assert (arrow.source_origin(layer) is not None) == expected_fast
    crs = QgsCoordinateReferenceSystem(crs)
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    return read.read_source(layer, "t", crs, context, feedback, fields)


FIELDS = ("BSM", "DLBM", "TBMJ", "GDDB", "ZLDWMC", "fid")


@pytest.mark.parametrize("layer,crs", [("ZONE40", "EPSG:4549"), ("GEO", "EPSG:4549")])
def test_arrow_and_iterator_read_the_same(gpkg, monkeypatch, layer, crs):
    uri = f"{gpkg}|layername={layer}"
    slow = _read(uri, crs, FIELDS, monkeypatch, "iterator")
    fast = _read(uri, crs, FIELDS, monkeypatch, "arrow")
    assert fast.fids.tolist() == slow.fids.tolist()
    assert fast.attributes == slow.attributes
    assert fast.stats == slow.stats
    assert fast.stats.n_repaired == 1 and fast.stats.n_empty == 1
    assert shapely.is_missing(fast.geoms).tolist() == shapely.is_missing(slow.geoms).tolist()
    both = ~shapely.is_missing(slow.geoms)
    assert shapely.equals_exact(fast.geoms[both], slow.geoms[both], tolerance=1e-6).all()


def test_arrow_read_matches_an_independent_reading(gpkg, monkeypatch):
    import pyogrio
    import pyproj

    table = _read(f"{gpkg}|layername=ZONE40", "EPSG:4549", FIELDS, monkeypatch, "arrow")
    frame = pyogrio.read_dataframe(gpkg, layer="ZONE40", fid_as_index=True)
    assert table.fids.tolist() == frame.index.tolist()
    for name in ("BSM", "DLBM", "ZLDWMC"):
        assert table.column(name) == [None if v is None else v for v in frame[name]]
    tbmj = [None if np.isnan(v) else v for v in frame["TBMJ"]]
    assert table.column("TBMJ") == tbmj
    assert [v is None for v in table.column("GDDB")] == frame["GDDB"].isna().tolist()
    project = pyproj.Transformer.from_crs(4528, 4549, always_xy=True).transform
    expected = shapely.transform(frame.geometry.values, lambda xy: np.column_stack(project(*xy.T)))
    valid = shapely.is_valid(expected) & ~shapely.is_empty(expected)  # null → empty here
    assert shapely.is_missing(table.geoms[~shapely.is_valid(expected) | ~valid]).sum() == 1
    a, b = shapely.area(table.geoms[valid]), shapely.area(expected[valid])
    assert np.allclose(a, b)
    assert shapely.equals_exact(table.geoms[valid], expected[valid], tolerance=1e-6).all()
    # the bow-tie: two triangles of 25 m² each, as make_valid gives
    assert shapely.area(table.geoms[5]) == pytest.approx(50.0)


def test_subset_string_is_an_attribute_filter(gpkg, monkeypatch):
    uri = f"{gpkg}|layername=ZONE40|subset=\"DLBM\" = '0101'"
    slow = _read(uri, "EPSG:4528", ("DLBM",), monkeypatch, "iterator")
    fast = _read(uri, "EPSG:4528", ("DLBM",), monkeypatch, "arrow")
    assert fast.fids.tolist() == slow.fids.tolist() == [1, 6, 11, 16, 21, 26, 31, 36, 41, 46]
    assert set(fast.column("DLBM")) == {"0101"}


def test_iterator_for_what_the_stream_cannot_honour(gpkg, qgis_processing, monkeypatch):
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsVectorLayer

    from lyg_nrp_plugin.processing.io import arrow

    monkeypatch.delenv(arrow.READER_ENV, raising=False)
    layer = QgsVectorLayer(f"{gpkg}|layername=ZONE40", "t", "ogr")
    assert arrow.layer_origin(layer) is not None
    memory = make_layer("Polygon", "EPSG:4528", [], [((), shapely.box(0, 0, 1, 1))])
    assert arrow.layer_origin(memory) is None

    class Source:  # stands for a QgsProcessingFeatureSource
        pass

    for value, fast in (
        (str(gpkg), True),
        (QgsProcessingFeatureSourceDefinition(layer.id(), True), False),  # selection
        (QgsProcessingFeatureSourceDefinition(layer.id(), False, 10), False),  # limit
    ):
        source = Source()
        arrow.remember_origin(source, layer, value)
        assert (arrow.source_origin(source) is not None) == fast
    layer.startEditing()
    layer.deleteFeature(1)
    assert arrow.layer_origin(layer) is None  # unsaved edits: the iterator sees them
    layer.rollBack()
    select = QgsVectorLayer(f"{gpkg}|layername=ZONE40|subset=SELECT * FROM ZONE40", "t", "ogr")
    assert arrow.layer_origin(select) is None


def _checked_source(uri: str, check):
    """A processing source of ``uri`` under a context whose invalid-geometry check is
    ``check`` (Desktop's default is GeometryAbortOnInvalid), as algorithms get it."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeatureSource, QgsVectorLayer

    from lyg_nrp_plugin.processing.io import arrow

    layer = QgsVectorLayer(uri, "t", "ogr")
    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(check)
    source = QgsProcessingFeatureSource(layer, context)
    arrow.remember_origin(source, layer, uri)
    return source, context, layer


@pytest.mark.parametrize("check", ["GeometryAbortOnInvalid", "GeometrySkipInvalid"])
def test_invalid_check_on_keeps_the_stream_when_every_geometry_is_valid(
    gpkg, provider, monkeypatch, check
):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFeatureRequest,
        QgsProcessingException,
        QgsProcessingFeedback,
    )

    from lyg_nrp_plugin.processing.io import arrow, read

    monkeypatch.delenv(arrow.READER_ENV, raising=False)
    mode = getattr(QgsFeatureRequest, check)
    crs = QgsCoordinateReferenceSystem("EPSG:4549")
    clean = f'{gpkg}|layername=ZONE40|subset="fid" <> 6'  # fid 6 is the bow-tie
    source, context, _ = _checked_source(clean, mode)
    assert arrow.arrow_read(source, crs, context, None, ("BSM",)) is not None
    fast = read.read_source(source, "t", crs, context, QgsProcessingFeedback(), ("BSM",))
    slow = _read(clean, "EPSG:4549", ("BSM",), monkeypatch, "iterator")
    assert fast.fids.tolist() == slow.fids.tolist() and 6 not in fast.fids.tolist()
    both = ~shapely.is_missing(slow.geoms)
    assert shapely.equals_exact(fast.geoms[both], slow.geoms[both], tolerance=1e-6).all()
    # with the bow-tie: QGIS's own iterator stops or skips it, as it does for its tools
    monkeypatch.delenv(arrow.READER_ENV, raising=False)
    source, context, _ = _checked_source(f"{gpkg}|layername=ZONE40", mode)
    assert arrow.arrow_read(source, crs, context, None, ("BSM",)) is None
    if check == "GeometrySkipInvalid":
        table = read.read_source(source, "t", crs, context, QgsProcessingFeedback(), ("BSM",))
        assert 6 not in table.fids.tolist() and len(table.fids) >= 48  # QGIS skipped it
        assert table.stats.n_repaired == 0
        return
    import processing  # "stop" raises from inside the iterator: only a run catches it

    with pytest.raises(QgsProcessingException, match="invalid geometry"):
        processing.run(
            "lyg_nrp:indicator_assessment",
            {"LANDUSE": f"{gpkg}|layername=ZONE40", "OUTPUT": "memory:"},
            context=context,
        )


def test_invalid_check_tests_the_layers_own_coordinates(qgis_processing, tmp_path, monkeypatch):
    """QGIS tests validity before it reprojects: a ring that touches itself in EPSG:4490 is
    no longer invalid after the map to EPSG:4528, and must still hand the layer to QGIS."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest
    from qgis.PyQt.QtCore import QVariant

    from lyg_nrp_plugin.processing.io import arrow

    monkeypatch.delenv(arrow.READER_ENV, raising=False)
    touching = shapely.Polygon(
        [(119.0, 34.1), (119.2, 34.1), (119.2, 34.0), (119.1, 34.1), (119.0, 34.0), (119.0, 34.1)]
    )
    assert not shapely.is_valid(touching)
    rows = [(("A",), shapely.box(119.3, 34.0, 119.4, 34.1)), (("B",), touching)]
    path = tmp_path / "geo.gpkg"
    write_gpkg(path, make_layer("Polygon", "EPSG:4490", [("BSM", QVariant.String)], rows, "G"))
    crs = QgsCoordinateReferenceSystem("EPSG:4528")
    uri = f"{path}|layername=G"
    source, context, _ = _checked_source(uri, QgsFeatureRequest.GeometrySkipInvalid)
    assert arrow.arrow_read(source, crs, context, None, ("BSM",)) is None
    source, context, _ = _checked_source(uri, QgsFeatureRequest.GeometryNoCheck)
    table = arrow.arrow_read(source, crs, context, None, ("BSM",))
    assert table is not None and table.valid is None and len(table.fids) == 2


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """A 21 000-parcel city (scripts/city_data.py) with 200 projects: above NEAR_MIN_COUNT,
    so that landuse_occupation reads only the parcels near the projects."""
    from city_data import build_city

    path = tmp_path_factory.mktemp("city") / "city.gpkg"
    build_city(path, 21_000, 200, 4)
    return path


def _occupation(city, monkeypatch, reader: str) -> dict:
    from lyg_nrp_plugin.processing.io import arrow

    from .helpers.layers import output_layer
    from .helpers.runner import run_algorithm

    monkeypatch.setenv(arrow.READER_ENV, reader)
    result, context = run_algorithm(
        "lyg_nrp:landuse_occupation",
        {
            "INPUT": f"{city}|layername=JSXM",
            "LANDUSE": f"{city}|layername=DLTB",
            "FARMLAND": f"{city}|layername=YJJBNTBHTB",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "SUMMARY": "TEMPORARY_OUTPUT",
        },
    )
    rows = {}
    for f in output_layer(result, context).getFeatures():
        rows[(f["project_id"], f["DLBM"])] = (f["gross_m2"], f["net_m2"])
    summary = {
        f["XMBH"]: f["gd_jbnt_m2"] for f in output_layer(result, context, "SUMMARY").getFeatures()
    }
    return rows, summary


def test_occupation_reads_the_same_parcels_both_ways(city, provider, monkeypatch):
    import pyogrio

    fast, fast_farm = _occupation(city, monkeypatch, "arrow")
    slow, slow_farm = _occupation(city, monkeypatch, "iterator")
    assert fast.keys() == slow.keys() and len(fast) > 200
    for key, (gross, net) in fast.items():
        assert gross == pytest.approx(slow[key][0], abs=1e-6)
        assert net == pytest.approx(slow[key][1], abs=1e-6)
    assert fast_farm == pytest.approx(slow_farm, abs=1e-6)
    # oracle: project ∩ parcels per DLBM with shapely (the mesh is a coverage), CRS 4528→4549
    parcels = pyogrio.read_dataframe(city, layer="DLTB", columns=["DLBM"]).to_crs(4549)
    projects = pyogrio.read_dataframe(city, layer="JSXM", columns=["XMBH"]).to_crs(4549)
    tree = shapely.STRtree(parcels.geometry.values)
    expected: dict = {}
    for xmbh, geom in zip(projects["XMBH"], projects.geometry.values):
        hits = tree.query(geom, predicate="intersects")
        pieces = shapely.area(shapely.intersection(parcels.geometry.values[hits], geom))
        for code, a in zip(parcels["DLBM"].values[hits], pieces):
            if a > 0:
                expected[(xmbh, code)] = expected.get((xmbh, code), 0.0) + a
    total = sum(g for g, _ in fast.values())
    assert total == pytest.approx(sum(expected.values()), rel=1e-9)
    big = [k for k, v in expected.items() if v > 1.0]
    assert all(fast[k][0] == pytest.approx(expected[k], rel=1e-6) for k in big)
