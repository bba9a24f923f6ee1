"""``lyg_nrp:ecological_network`` through Processing, checked against independent numbers.

The constructed landscape is aligned to the 100 m grid, so the resistance grid is known
exactly: the test builds it with numpy, runs its own Dijkstra (scipy.csgraph on a graph built
cell by cell) and works out PC with its own max-product paths.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant
from scipy.sparse.csgraph import dijkstra

from .conftest import SAMPLE_GPKG
from .helpers.oracles import oracle_graph
from .helpers.runner import run_algorithm

X0, Y0 = 500000.0, 3800000.0  # lower-left corner, EPSG:4549
W, H = 6000.0, 3000.0
CELL = 100.0
# (code, resistance, xmin, ymin, xmax, ymax) offsets from (X0, Y0); later ones on top
PARCELS = [
    ("0103", 60.0, 0, 0, W, H),  # dry farmland everywhere
    ("1003", 1000.0, 3000, 0, 3200, H),  # a highway across the middle
    ("0301", 1.0, 500, 1000, 1100, 1600),  # forest A (36 ha)
    ("0301", 1.0, 2000, 1800, 2600, 2400),  # forest B (36 ha)
    ("0305", 5.0, 4500, 800, 5100, 1400),  # shrub C (36 ha)
    ("0301", 1.0, 1500, 200, 1700, 400),  # a 4 ha wood: too small to be a source
]
TABLE = "code,name_zh,resistance\n01,耕地,60\n03,林地,1\n0305,灌木林地,5\n10,交通,1000\n"


def make_layer(path, parcels, crs="EPSG:4549"):
    layer = QgsVectorLayer(f"Polygon?crs={crs}", "landuse", "memory")
    layer.dataProvider().addAttributes([QgsField("DLBM", QVariant.String)])
    layer.updateFields()
    feats = []
    for code, _, x1, y1, x2, y2 in parcels:
        f = QgsFeature(layer.fields())
        f.setAttributes([code])
        f.setGeometry(
            QgsGeometry.fromWkt(
                f"POLYGON(({X0 + x1} {Y0 + y1},{X0 + x2} {Y0 + y1},{X0 + x2} {Y0 + y2},"
                f"{X0 + x1} {Y0 + y2},{X0 + x1} {Y0 + y1}))"
            )
        )
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(
        layer, str(path), QgsProcessingContext().transformContext(), options
    )
    assert err[0] == QgsVectorFileWriter.NoError
    return str(path)


def expected_grid():
    rows, cols = int(H / CELL), int(W / CELL)
    r = np.zeros((rows, cols))
    src = np.zeros((rows, cols), np.int32)
    yc = H - (np.arange(rows) + 0.5) * CELL  # row 0 at the top
    xc = (np.arange(cols) + 0.5) * CELL
    for _code, value, x1, y1, x2, y2 in PARCELS:
        inside = (yc[:, None] > y1) & (yc[:, None] < y2) & (xc[None, :] > x1) & (xc[None, :] < x2)
        r[inside] = value
    for k, (x1, y1, x2, y2) in enumerate(
        [(500, 1000, 1100, 1600), (2000, 1800, 2600, 2400), (4500, 800, 5100, 1400)], start=1
    ):
        inside = (yc[:, None] > y1) & (yc[:, None] < y2) & (xc[None, :] > x1) & (xc[None, :] < x2)
        src[inside] = k
    return r, src


def read_raster(path):
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    data = band.ReadAsArray().astype(float)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        data[data == nodata] = np.nan
    return data, ds.GetGeoTransform(), ds.GetProjection()


def run(params, feedback=None):
    return run_algorithm("lyg_nrp:ecological_network", params, feedback)[0]


@pytest.fixture()
def landuse(tmp_path):
    return make_layer(tmp_path / "lu.gpkg", PARCELS)


@pytest.fixture()
def table(tmp_path):
    path = tmp_path / "res.csv"
    path.write_text("# test table\n" + TABLE, encoding="utf-8")
    return str(path)


def base_params(landuse, table, tmp_path, **extra):
    params = {
        "LANDUSE": landuse,
        "DLBM_FIELD": "DLBM",
        "RESISTANCE_TABLE": table,
        "CELL_SIZE": CELL,
        "ECO_CLASSES": "03",
        "SOURCE_MIN_AREA": 30.0,
        "CORRIDOR_WIDTH": 3000.0,
        "DIST_THRESHOLD": 50000.0,
        "PROBABILITY": 0.5,
        "BARRIER_RADIUS": 100.0,
        "SOURCES_OUT": "TEMPORARY_OUTPUT",
        "LINKS": "TEMPORARY_OUTPUT",
        "CORRIDORS": "TEMPORARY_OUTPUT",
        "NODES": "TEMPORARY_OUTPUT",
        "RESISTANCE_OUT": str(tmp_path / "res.tif"),
        "COST_DISTANCE": str(tmp_path / "cd.tif"),
        "CURRENT": str(tmp_path / "cur.tif"),
        "REPORT": str(tmp_path / "report.html"),
    }
    params.update(extra)
    return params


def test_network_matches_independent_dijkstra(provider, landuse, table, tmp_path):
    out = run(base_params(landuse, table, tmp_path))
    r, src = expected_grid()
    res, gt, _ = read_raster(out["RESISTANCE_OUT"])
    assert gt == (X0, CELL, 0.0, Y0 + H, 0.0, -CELL)
    assert np.array_equal(res, r)
    assert out["N_SOURCES"] == 3
    sources = list(out["SOURCES_OUT"].getFeatures())
    assert sorted(f["area_m2"] for f in sources) == pytest.approx([360000.0] * 3)
    # cost distance to the nearest source: Dijkstra on a graph built cell by cell
    graph = oracle_graph(r, CELL)
    dist = {}
    for k in (1, 2, 3):
        dist[k] = dijkstra(graph, indices=np.flatnonzero(src.ravel() == k)).min(axis=0)
    nearest = np.minimum.reduce([dist[k] for k in (1, 2, 3)]).reshape(r.shape)
    cd, _, _ = read_raster(out["COST_DISTANCE"])
    assert np.allclose(cd, nearest, rtol=1e-6)
    # which oracle patch (1 A, 2 B, 3 C) each output source is: by its centroid
    links = {(f["from_id"], f["to_id"]): f for f in out["LINKS"].getFeatures()}
    patch = {}
    for f in sources:
        c = f.geometry().centroid().asPoint()
        patch[f["source_id"]] = int(src[int((Y0 + H - c.y()) // CELL), int((c.x() - X0) // CELL)])
    assert sorted(patch.values()) == [1, 2, 3] and set(patch) == {"S1", "S2", "S3"}
    name = {v: k for k, v in patch.items()}
    lcd = {}
    for (a, b), f in links.items():
        ka, kb = patch[a], patch[b]
        lcd[(ka, kb)] = dist[ka][src.ravel() == kb].min()
        assert f["lcd"] == pytest.approx(lcd[(ka, kb)], rel=1e-6)
        assert f["eff_resistance"] > 0
        assert f["length_m"] >= f["euc_m"] - 1e-6
    # A and B are 900 m apart edge to edge (x 1100 -> 2000, y ranges overlap? 1600 vs 1800)
    ab = links.get((name[1], name[2])) or links[(name[2], name[1])]
    assert ab["euc_m"] == pytest.approx(math.hypot(900, 200))
    assert out["N_LINKS"] == len(links) >= 2
    # PC by hand-built max-product paths over the same links
    k = -math.log(0.5) / 50000.0
    n = 3
    cost = np.full((n, n), np.inf)
    np.fill_diagonal(cost, 0)
    for (a, b), d in lcd.items():
        cost[a - 1, b - 1] = cost[b - 1, a - 1] = k * d
    for m in range(n):
        cost = np.minimum(cost, cost[:, [m]] + cost[[m], :])
    area = np.full(n, 360000.0)
    landscape = W * H
    assert out["PC"] == pytest.approx(area @ np.exp(-cost) @ area / landscape**2, rel=1e-9)
    assert out["BETA"] == pytest.approx(len(links) / 3)
    # current raster: positive along the corridors, zero far from them
    cur, _, _ = read_raster(out["CURRENT"])
    assert np.nanmax(cur) > 0
    nodes = list(out["NODES"].getFeatures())
    assert {f["type"] for f in nodes} <= {"pinch", "barrier", "junction"}
    # the highway is the barrier between B/A and C: a barrier point lies on or beside it
    barriers = [f for f in nodes if f["type"] == "barrier"]
    assert any(2900 <= f.geometry().asPoint().x() - X0 <= 3300 for f in barriers)
    assert all(f["type_zh"] in ("夹点", "障碍点", "踏脚石/交汇点") for f in nodes)
    corridors = list(out["CORRIDORS"].getFeatures())
    assert len(corridors) == len(links)
    html = Path(out["REPORT"]).read_text(encoding="utf-8")
    assert "<table" in html and "data:image/png;base64" in html
    assert "8-neighbour grid" in html


def test_report_names_the_neighbourhood_of_the_run(provider, landuse, table, tmp_path):
    out = run(base_params(landuse, table, tmp_path, NEIGHBOURS=1))
    html = Path(out["REPORT"]).read_text(encoding="utf-8")
    assert "4-neighbour grid" in html and "8-neighbour" not in html


def test_cancel_stops_without_outputs(provider, landuse, table, tmp_path):
    class CancelLater(QgsProcessingFeedback):
        """Cancels once the network is being built."""

        def setProgress(self, progress):  # noqa: N802
            super().setProgress(progress)
            if progress >= 25:
                self.cancel()

    feedback = CancelLater()
    out = run(base_params(landuse, table, tmp_path), feedback)
    assert feedback.isCanceled() and "N_SOURCES" not in out
    assert not Path(out.get("REPORT") or tmp_path / "report.html").exists()


def test_missing_code_is_named(provider, tmp_path, table):
    lu = make_layer(
        tmp_path / "bad.gpkg",
        PARCELS + [("0603", 1.0, 0, 0, 300, 300), ("ZZ99", 1.0, 0, 0, 100, 100)],
    )
    with pytest.raises(QgsProcessingException) as err:
        run(base_params(lu, table, tmp_path))
    assert "0603" in str(err.value) and "ZZ99" in str(err.value)


def test_no_source_big_enough_gives_empty_outputs(provider, landuse, table, tmp_path):
    out = run(base_params(landuse, table, tmp_path, SOURCE_MIN_AREA=1000.0))
    assert out["N_SOURCES"] == 0 and out["N_LINKS"] == 0
    assert out["SOURCES_OUT"].featureCount() == 0
    assert out["LINKS"].featureCount() == 0
    cd, _, _ = read_raster(out["COST_DISTANCE"])
    assert np.isnan(cd).all()


def test_msp_core_sources(provider, landuse, table, tmp_path):
    # edge width 100 m erodes each 6x6-cell forest to its 4x4 core: 16 ha, below 20 ha
    out = run(base_params(landuse, table, tmp_path, EDGE_WIDTH=100.0, SOURCE_MIN_AREA=15.0))
    areas = sorted(f["area_m2"] for f in out["SOURCES_OUT"].getFeatures())
    assert areas == pytest.approx([160000.0] * 3)  # A, B and the shrub C; not the 2x2 wood
    out = run(base_params(landuse, table, tmp_path, EDGE_WIDTH=100.0, SOURCE_MIN_AREA=20.0))
    assert out["N_SOURCES"] == 0


def write_geographic_raster(path):
    """Resistance 1 everywhere with a wall of nodata, in EPSG:4490 (geographic CGCS2000)."""
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 200, 120, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((118.9, 0.001, 0, 34.35, 0, -0.001))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    ds.SetProjection(srs.ExportToWkt())
    data = np.ones((120, 200), np.float32) * 10
    ds.GetRasterBand(1).SetNoDataValue(-1)
    ds.GetRasterBand(1).WriteArray(data)
    ds = None
    return str(path)


def test_geographic_raster_is_reprojected(provider, tmp_path):
    raster = write_geographic_raster(tmp_path / "geo.tif")
    # two source squares inside the raster, in EPSG:4549
    from pyproj import Transformer

    tr = Transformer.from_crs(4490, 4549, always_xy=True)
    cx, cy = tr.transform(118.9 + 0.1, 34.35 - 0.06)
    layer = QgsVectorLayer("Polygon?crs=EPSG:4549", "src", "memory")
    layer.dataProvider().addAttributes([QgsField("name", QVariant.String)])
    layer.updateFields()
    feats = []
    for name, dx in (("west", -6000), ("east", 5000), ("far", 500000)):
        f = QgsFeature(layer.fields())
        f.setAttributes([name])
        x, y = cx + dx, cy
        f.setGeometry(
            QgsGeometry.fromWkt(
                f"POLYGON(({x} {y},{x + 1000} {y},{x + 1000} {y + 1000},{x} {y + 1000},{x} {y}))"
            )
        )
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    out = run(
        {
            "RESISTANCE": raster,
            "SOURCES": layer,
            "SOURCE_ID_FIELD": "name",
            "CELL_SIZE": 200.0,
            "CORRIDOR_WIDTH": 2000.0,
            "BARRIER_RADIUS": 200.0,
            "SOURCES_OUT": "TEMPORARY_OUTPUT",
            "LINKS": "TEMPORARY_OUTPUT",
            "CORRIDORS": "TEMPORARY_OUTPUT",
            "NODES": "TEMPORARY_OUTPUT",
            "RESISTANCE_OUT": str(tmp_path / "r.tif"),
            "COST_DISTANCE": str(tmp_path / "c.tif"),
            "CURRENT": str(tmp_path / "i.tif"),
        }
    )
    # "far" lies outside the raster's extent and is left out
    assert out["N_SOURCES"] == 2 and out["N_LINKS"] == 1
    _, gt, wkt = read_raster(out["RESISTANCE_OUT"])
    srs = osr.SpatialReference(wkt=wkt)
    assert srs.GetAuthorityCode(None) == "4549" and gt[1] == 200.0
    link = next(out["LINKS"].getFeatures())
    assert (link["from_id"], link["to_id"]) == ("west", "east")
    # uniform resistance 10: the LCD is 10 x the 8-neighbour grid distance between the squares
    # (10 km apart edge to edge on the grid: 50 orthogonal steps of 200 m, give or take a cell)
    assert 10 * 9800 <= link["lcd"] <= 10 * 10600
    assert link["cwd_to_euc"] == pytest.approx(link["lcd"] / link["euc_m"])


@pytest.mark.slow
def test_qgis_process_json(qgis_process, landuse, table, tmp_path):
    result = qgis_process(
        "run",
        "lyg_nrp:ecological_network",
        "--json",
        "--",
        f"LANDUSE={landuse}",
        "DLBM_FIELD=DLBM",
        f"RESISTANCE_TABLE={table}",
        f"CELL_SIZE={CELL}",
        "ECO_CLASSES=03",
        "SOURCE_MIN_AREA=30",
        "CORRIDOR_WIDTH=3000",
        "DIST_THRESHOLD=50000",
        f"SOURCES_OUT={tmp_path / 's.gpkg'}",
        f"LINKS={tmp_path / 'l.gpkg'}",
        f"CORRIDORS={tmp_path / 'c.gpkg'}",
        f"NODES={tmp_path / 'n.gpkg'}",
        f"RESISTANCE_OUT={tmp_path / 'r.tif'}",
        f"COST_DISTANCE={tmp_path / 'cd.tif'}",
        f"CURRENT={tmp_path / 'i.tif'}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    payload = json.loads(result.stdout[result.stdout.index("{") :])
    results = payload["results"]
    assert results["N_SOURCES"] == 3
    r, src = expected_grid()
    graph = oracle_graph(r, CELL)
    d1 = dijkstra(graph, indices=np.flatnonzero(src.ravel() == 1)).min(axis=0)
    lines = QgsVectorLayer(results["LINKS"], "l", "ogr")
    # S1 is patch B (first in raster order among equal areas), S2 patch A: LCD(A, B)
    lcd12 = [f["lcd"] for f in lines.getFeatures() if (f["from_id"], f["to_id"]) == ("S1", "S2")]
    assert lcd12 == [pytest.approx(d1[src.ravel() == 2].min(), rel=1e-6)]


def test_sample_data_at_200m(provider, tmp_path):
    if not SAMPLE_GPKG.is_file():
        pytest.skip("sample GeoPackage not generated yet")
    out = run(
        {
            "LANDUSE": f"{SAMPLE_GPKG}|layername=DLTB",
            "CELL_SIZE": 200.0,
            "SOURCES_OUT": "TEMPORARY_OUTPUT",
            "LINKS": "TEMPORARY_OUTPUT",
            "CORRIDORS": "TEMPORARY_OUTPUT",
            "NODES": "TEMPORARY_OUTPUT",
            "RESISTANCE_OUT": str(tmp_path / "r.tif"),
            "COST_DISTANCE": str(tmp_path / "c.tif"),
            "CURRENT": str(tmp_path / "i.tif"),
        }
    )
    assert out["N_SOURCES"] >= 2 and out["N_LINKS"] >= 1
    # every source is at least SOURCE_MIN_AREA (100 ha) of 200 m cells
    assert min(f["area_m2"] for f in out["SOURCES_OUT"].getFeatures()) >= 1_000_000 - 1e-6
    _, gt, _ = read_raster(out["COST_DISTANCE"])
    assert gt[1] == 200.0
