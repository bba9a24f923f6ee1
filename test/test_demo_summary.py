"""``make demo``'s layer table: areas of polygon layers, lengths of line layers — and not a
GDAL warning per polygon (OGR_G_Length() on a polygon was the thousand-line flood)."""

from __future__ import annotations

from osgeo import ogr, osr


def write_gpkg(path):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    polygons = dataset.CreateLayer("POLY", srs, ogr.wkbMultiPolygon)
    lines = dataset.CreateLayer("LINE", srs, ogr.wkbMultiLineString)
    for wkt in ("MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0)))",) * 3:
        feature = ogr.Feature(polygons.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        polygons.CreateFeature(feature)
    feature = ogr.Feature(lines.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTILINESTRING((0 0,300 0),(0 0,0 400))"))
    lines.CreateFeature(feature)
    dataset = None


def test_layer_summary_measures_each_kind_once_and_quietly(tmp_path, capfd):
    import demo

    gpkg = tmp_path / "s.gpkg"
    write_gpkg(gpkg)
    capfd.readouterr()
    # 3 squares of 100 m × 100 m = 30 000 m² = 0.03 km² = 3 公顷
    assert demo.layer_summary(f"{gpkg}|layername=POLY") == (
        "Multi Polygon",
        3,
        "0.03 km² (3 公顷)",
    )
    # 300 m + 400 m = 0.70 km
    assert demo.layer_summary(f"{gpkg}|layername=LINE") == ("Multi Line String", 1, "0.70 km")
    captured = capfd.readouterr()
    assert "OGR_G_Length" not in captured.err + captured.out
