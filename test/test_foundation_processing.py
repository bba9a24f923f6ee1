"""Shared Processing pieces: help text, sample_data, reading sources, measuring areas."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from .conftest import SAMPLE_GPKG

CGCS2000 = QgsCoordinateReferenceSystem("EPSG:4549")


def polygon_layer(crs: str, wkts: list[str | None], names: list[str | None]) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}", "test polygons", "memory")
    layer.dataProvider().addAttributes([QgsField("name", QVariant.String)])
    layer.updateFields()
    features = []
    for wkt, name in zip(wkts, names):
        feature = QgsFeature(layer.fields())
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([name])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_every_algorithm_has_help_for_every_parameter(provider):
    for algorithm in provider.algorithms():
        text = algorithm.shortHelpString()
        assert len(text) > 100, algorithm.id()
        is_model = algorithm.name().startswith("model_")
        for definition in algorithm.parameterDefinitions():
            if is_model:  # the modeler's help lists each input's help text under its label
                if not definition.isDestination():
                    help_text = algorithm.helpContent()[definition.name()]
                    assert help_text and help_text in text, (algorithm.id(), definition.name())
            else:
                assert definition.name() in text, (algorithm.id(), definition.name())
        assert algorithm.group() and algorithm.displayName() and not algorithm.icon().isNull()


@pytest.mark.skipif(not SAMPLE_GPKG.is_file(), reason="sample data not generated")
def test_sample_data_copies_every_layer(provider, tmp_path):
    import processing
    import pyogrio

    destination = tmp_path / "copy.gpkg"
    result = processing.run(
        "lyg_nrp:sample_data",
        {"DESTINATION": str(destination)},
        context=QgsProcessingContext(),
        feedback=QgsProcessingFeedback(),
    )
    expected = {
        name: pyogrio.read_info(SAMPLE_GPKG, layer=name)["features"]
        for name, _ in pyogrio.list_layers(SAMPLE_GPKG)
    }
    assert result["N_LAYERS"] == len(expected) >= 13  # every layer of the GeoPackage
    for name, count in expected.items():
        layer = QgsVectorLayer(result[name], name, "ogr")
        assert layer.isValid() and layer.featureCount() == count, name
        assert layer.crs().authid() == "EPSG:4549"
    assert destination.stat().st_size == SAMPLE_GPKG.stat().st_size


def test_read_source_reprojects_repairs_and_skips(qgis_processing):
    import pyproj

    from lyg_nrp_plugin.processing.io.read import read_source

    lon_lat_square = (
        "MULTIPOLYGON(((119.1 34.5, 119.11 34.5, 119.11 34.51, 119.1 34.51, 119.1 34.5)))"
    )
    bowtie = "MULTIPOLYGON(((119.2 34.6, 119.21 34.61, 119.21 34.6, 119.2 34.61, 119.2 34.6)))"
    layer = polygon_layer("EPSG:4326", [lon_lat_square, bowtie, None], ["a", "b&<c>", None])
    feedback = QgsProcessingFeedback()
    table = read_source(
        layer, "projects [test]", CGCS2000, QgsProcessingContext(), feedback, fields=["name"]
    )
    assert len(table) == 3 and table.stats.n_repaired == 1 and table.stats.n_empty == 1
    assert table.column("name") == ["a", "b&<c>", None]
    # oracle: pyproj transforms the same vertices
    to_gk = pyproj.Transformer.from_crs(4326, 4549, always_xy=True)
    xs, ys = to_gk.transform([119.1, 119.11, 119.11, 119.1], [34.5, 34.5, 34.51, 34.51])
    expected = shapely.Polygon(list(zip(xs, ys)))
    assert table.geoms[0].area == pytest.approx(expected.area, rel=1e-9)
    assert shapely.hausdorff_distance(table.geoms[0], expected) < 1e-3
    assert table.geoms[1].is_valid and table.geoms[1].geom_type == "MultiPolygon"
    assert table.geoms[2] is None
    assert layer.getFeature(2).geometry().isGeosValid() is False  # input untouched


def test_missing_field_names_layer_and_field(qgis_processing):
    from lyg_nrp_plugin.processing.io.read import read_source

    layer = polygon_layer("EPSG:4549", ["MULTIPOLYGON(((0 0,1 0,1 1,0 0)))"], ["x"])
    with pytest.raises(QgsProcessingException, match=r"projects \[test\].*XMBH"):
        read_source(
            layer, "projects [test]", CGCS2000, QgsProcessingContext(), None, fields=["XMBH"]
        )


def test_ellipsoidal_area_matches_geographiclib(qgis_processing):
    """QgsDistanceArea on CGCS2000 against pyproj.Geod (GeographicLib) on the same vertices."""
    import pyproj

    from lyg_nrp_plugin.processing.measure import area_function
    from lyg_nrp_plugin.processing.params import AREA_ELLIPSOIDAL, AREA_PLANAR

    square = shapely.box(420_000, 3_830_000, 422_000, 3_831_500)  # 2 km x 1.5 km, ~119.1E
    context = QgsProcessingContext()
    planar = area_function(AREA_PLANAR, CGCS2000, context)(np.array([square]))[0]
    assert planar == pytest.approx(3_000_000.0)
    ellipsoidal = area_function(AREA_ELLIPSOIDAL, CGCS2000, context)(np.array([square]))[0]
    to_ll = pyproj.Transformer.from_crs(4549, 4490, always_xy=True)
    dense = shapely.segmentize(square, 10.0)
    lon, lat = to_ll.transform(*np.asarray(dense.exterior.coords).T)
    geod = pyproj.Geod(a=6378137.0, rf=298.257222101)
    oracle = abs(geod.polygon_area_perimeter(lon, lat)[0])
    assert ellipsoidal == pytest.approx(oracle, rel=1e-6)
    # Gauss-Kruger is conformal, not equal-area: 80 km from the CM, k^2 - 1 is about 1.6e-4
    assert (planar - ellipsoidal) / ellipsoidal == pytest.approx(1.6e-4, rel=0.1)


def test_ellipsoidal_length_matches_geographiclib(qgis_processing):
    import pyproj

    from lyg_nrp_plugin.processing.measure import length_function
    from lyg_nrp_plugin.processing.params import AREA_ELLIPSOIDAL

    line = shapely.LineString([(420_000, 3_830_000), (425_000, 3_834_000)])
    got = length_function(AREA_ELLIPSOIDAL, CGCS2000, QgsProcessingContext())(
        np.array([line, None], dtype=object)
    )
    to_ll = pyproj.Transformer.from_crs(4549, 4490, always_xy=True)
    lon, lat = to_ll.transform(*np.asarray(shapely.segmentize(line, 10.0).coords).T)
    geod = pyproj.Geod(a=6378137.0, rf=298.257222101)
    assert got[0] == pytest.approx(geod.line_length(lon, lat), rel=1e-6)
    assert got[1] == 0.0


def test_large_layer_readers(qgis_processing, monkeypatch):
    """near_subset + read_geometries + read_attributes give what read_source gives, for the
    features near the query geometries only."""
    from lyg_nrp_plugin.processing.io import near as near_module
    from lyg_nrp_plugin.processing.io import read

    boxes = [
        shapely.box(420_000 + 100 * i, 3_830_000, 420_090 + 100 * i, 3_830_090) for i in range(50)
    ]
    names = [None if i == 7 else f"p{i}" for i in range(50)]
    layer = polygon_layer("EPSG:4549", [b.wkt for b in boxes], names)
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    query = np.array([shapely.box(420_650, 3_830_010, 420_850, 3_830_020)])  # boxes 6..8
    assert near_module.near_subset(layer, query, CGCS2000, context, feedback) is layer  # small
    monkeypatch.setattr(near_module, "NEAR_MIN_COUNT", 1)
    near = near_module.near_subset(layer, query, CGCS2000, context, feedback, ["name"])
    assert near.featureCount() == 3
    table = read.read_geometries(near, "test", CGCS2000, context, feedback)
    assert sorted(round(g.centroid.x) for g in table.geoms) == [420_645, 420_745, 420_845]
    assert table.attributes == {}
    reversed_fids = table.fids[::-1]
    columns = read.read_attributes(near, reversed_fids, ["name", ""], feedback)
    by_x = {round(g.centroid.x): n for g, n in zip(table.geoms[::-1], columns["name"])}
    assert by_x == {420_645: "p6", 420_745: None, 420_845: "p8"}  # NULL -> None, fid order
    whole = read.read_source(layer, "test", CGCS2000, context, feedback)
    lean = read.read_geometries(layer, "test", CGCS2000, context, feedback)
    assert list(lean.fids) == list(whole.fids)
    assert all(a.equals(b) for a, b in zip(lean.geoms, whole.geoms))


def test_write_features_batches_numpy_values_and_empty_geometries(qgis_processing):
    from qgis.core import QgsFields

    from lyg_nrp_plugin.processing.io.write import WRITE_BATCH, write_features

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4549", "out", "memory")
    fields = QgsFields()
    fields.append(QgsField("i", QVariant.LongLong))
    fields.append(QgsField("a", QVariant.Double))
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    n = WRITE_BATCH + 5
    geoms = [None if i % 3 == 0 else shapely.box(0, 0, i, 1) for i in range(n)]
    rows = [[np.int64(i), np.float64(i) / 2] for i in range(n)]
    assert write_features(layer.dataProvider(), layer.fields(), geoms, rows) == n
    features = sorted(layer.getFeatures(), key=lambda f: f["i"])
    assert len(features) == n
    for f in features[:50]:
        i = f["i"]
        assert f["a"] == i / 2
        if i % 3 == 0:
            assert f.geometry().isEmpty()
        else:
            assert f.geometry().isMultipart() and f.geometry().area() == pytest.approx(i)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    assert write_features(layer.dataProvider(), layer.fields(), geoms, rows, feedback) == 0
