"""``ecological_network``: the grid of a resistance raster, resampling, integer DLBM, encodings,
presets, the automatic cell size, optional outputs and the refusals (issues 12, 14, 17).

Every number is compared with an independent computation: a Dijkstra on a graph built cell by
cell (:func:`~test.helpers.oracles.oracle_graph`), block means / maxima computed with numpy,
or a path cost worked by hand.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import gdal, osr
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QVariant
from scipy.sparse.csgraph import dijkstra

from .helpers.layers import make_layer
from .helpers.oracles import oracle_graph
from .test_ecological_network import CELL, PARCELS, TABLE, expected_grid, read_raster, run
from .test_ecological_network import make_layer as make_landuse

# the raster: 200 x 200 cells of 30 m, origin not a multiple of the cell size
RX0, RY0, RCELL, N = 440000.0, 3806000.0, 30.0, 200
# three source squares (row0, col0, size) and a nodata wall in column 100 with a gap
SOURCE_CELLS = ((20, 20, 6), (150, 30, 6), (90, 170, 6))
WALL_COL, GAP_ROWS = 100, (180, 183)


def resistance_array() -> np.ndarray:
    rng = np.random.default_rng(12)
    r = rng.uniform(1.0, 100.0, (N, N)).round(3)
    r[:, WALL_COL] = np.nan
    r[GAP_ROWS[0] : GAP_ROWS[1], WALL_COL] = 5.0
    r[rng.random((N, N)) < 0.02] = np.nan  # scattered nodata
    for r0, c0, k in SOURCE_CELLS:
        r[r0 : r0 + k, c0 : c0 + k] = 1.0
    return r


def write_raster(path, array, x0=RX0, y0=RY0, cell=RCELL, nodata=-9999.0) -> str:
    ds = gdal.GetDriverByName("GTiff").Create(
        str(path), array.shape[1], array.shape[0], 1, gdal.GDT_Float64
    )
    ds.SetGeoTransform((x0, cell, 0.0, y0, 0.0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(np.where(np.isfinite(array), array, nodata))
    ds = None
    return str(path)


def source_layer():
    rows = []
    for k, (r0, c0, size) in enumerate(SOURCE_CELLS, start=1):
        x1, y2 = RX0 + c0 * RCELL, RY0 - r0 * RCELL
        rows.append(((f"P{k}",), shapely.box(x1, y2 - size * RCELL, x1 + size * RCELL, y2)))
    return make_layer("Polygon", "EPSG:4549", [("name", QVariant.String)], rows, "sources")


def raster_params(raster, tmp_path, **extra) -> dict:
    params = {
        "RESISTANCE": raster,
        "SOURCES": source_layer(),
        "SOURCE_ID_FIELD": "name",
        "CORRIDOR_WIDTH": 2000.0,
        "BARRIER_RADIUS": 60.0,
        "COMPUTE_CURRENT": False,
        "LINKS": "TEMPORARY_OUTPUT",
        "RESISTANCE_OUT": str(tmp_path / "res.tif"),
        "COST_DISTANCE": str(tmp_path / "cd.tif"),
        "REPORT": str(tmp_path / "report.html"),
    }
    params.update(extra)
    return params


def source_masks(shape=(N, N)):
    masks = []
    for r0, c0, k in SOURCE_CELLS:
        m = np.zeros(shape, bool)
        m[r0 : r0 + k, c0 : c0 + k] = True
        masks.append(m.ravel())
    return masks


def test_raster_keeps_its_own_grid_and_matches_dijkstra(provider, tmp_path):
    r = resistance_array()
    out = run(raster_params(write_raster(tmp_path / "r.tif", r), tmp_path))
    res, gt, _ = read_raster(out["RESISTANCE_OUT"])
    assert gt == (RX0, RCELL, 0.0, RY0, 0.0, -RCELL)  # the raster's own origin and cell
    assert np.array_equal(res, r.astype(np.float32).astype(float), equal_nan=True)
    graph = oracle_graph(r, RCELL)
    masks = source_masks()
    dist = [dijkstra(graph, indices=np.flatnonzero(m)).min(axis=0) for m in masks]
    cd, _, _ = read_raster(out["COST_DISTANCE"])
    nearest = np.minimum.reduce(dist).reshape(r.shape)
    reached = np.isfinite(nearest)
    assert np.allclose(cd[reached], nearest[reached], rtol=1e-6)  # float32 raster
    links = {(f["from_id"], f["to_id"]): f["lcd"] for f in out["LINKS"].getFeatures()}
    assert len(links) >= 2
    for (a, b), lcd in links.items():
        ka, kb = int(a[1:]) - 1, int(b[1:]) - 1
        assert lcd == pytest.approx(dist[ka][masks[kb]].min(), rel=1e-12)
    html = Path(out["REPORT"]).read_text(encoding="utf-8")
    assert "(440000.000, 3806000.000)" in html and "not resampled" in html
    assert "8 neighbours" in html


def block(r: np.ndarray, k: int, how) -> np.ndarray:
    """Blocks of k x k cells from the origin: ``how`` of the block, nan when any is nodata."""
    n = r.shape[0] // k
    blocks = r[: n * k, : n * k].reshape(n, k, n, k).swapaxes(1, 2).reshape(n, n, k * k)
    values = how(blocks, axis=2)  # nan propagates: a block touching a barrier is a barrier
    return values


@pytest.mark.parametrize(("method", "how"), [(0, np.mean), (1, np.max)])
def test_resampling_keeps_barriers(provider, tmp_path, method, how):
    r = resistance_array()
    raster = write_raster(tmp_path / "r.tif", r)
    out = run(raster_params(raster, tmp_path, CELL_SIZE=60.0, RESAMPLING=method))
    res, gt, _ = read_raster(out["RESISTANCE_OUT"])
    assert gt == (RX0, 60.0, 0.0, RY0, 0.0, -60.0)  # aligned on the raster's origin
    expected = block(r, 2, how)
    assert res.shape == expected.shape
    assert np.allclose(res, expected, rtol=1e-6, equal_nan=True)
    # the wall stays closed except at its gap: column 100 is block column 50
    wall = res[:, WALL_COL // 2]
    assert np.isnan(wall[: GAP_ROWS[0] // 2]).all()
    html = Path(out["REPORT"]).read_text(encoding="utf-8")
    assert "a cell touching a barrier (nodata) stays a barrier" in html
    assert "<th>Resampled</th><td>yes</td>" in html
    name = ["Average", "Maximum"][method]
    label = f"{name} (a cell touching a barrier stays a barrier) [{['average', 'max'][method]}]"
    assert f"<th>Resampling method</th><td>{label}</td>" in html
    # least-cost distances on the resampled grid are the oracle's on the block grid
    graph = oracle_graph(expected, 60.0)
    masks = []
    for r0, c0, k in SOURCE_CELLS:  # each 6 x 6 source is 3 x 3 cells of 60 m
        m = np.zeros(expected.shape, bool)
        m[r0 // 2 : (r0 + k) // 2, c0 // 2 : (c0 + k) // 2] = True
        masks.append(m.ravel())
    links = {(f["from_id"], f["to_id"]): f["lcd"] for f in out["LINKS"].getFeatures()}
    assert links
    for (a, b), lcd in links.items():
        ka, kb = int(a[1:]) - 1, int(b[1:]) - 1
        d = dijkstra(graph, indices=np.flatnonzero(masks[ka])).min(axis=0)
        assert lcd == pytest.approx(d[masks[kb]].min(), rel=1e-9)


def test_nearest_resampling_takes_the_centre_cell(provider, tmp_path):
    r = resistance_array()
    out = run(
        raster_params(write_raster(tmp_path / "r.tif", r), tmp_path, CELL_SIZE=90.0, RESAMPLING=2)
    )
    res, gt, _ = read_raster(out["RESISTANCE_OUT"])
    assert gt[1] == 90.0 and gt[0] == RX0 and gt[3] == RY0
    centre = r[1:198:3, 1:198:3]  # the middle cell of each 3 x 3 block
    assert np.allclose(res[:66, :66], centre, rtol=1e-6, equal_nan=True)


def test_all_nodata_raster_is_refused_clearly(provider, tmp_path):
    raster = write_raster(tmp_path / "empty.tif", np.full((50, 50), np.nan))
    with pytest.raises(QgsProcessingException) as err:
        run(raster_params(raster, tmp_path))
    message = str(err.value)
    assert "empty" in message and "nodata" in message


def integer_landuse(tmp_path, parcels):
    rows = []
    for code, _, x1, y1, x2, y2 in parcels:
        geom = shapely.box(500000.0 + x1, 3800000.0 + y1, 500000.0 + x2, 3800000.0 + y2)
        rows.append(((int(code),), geom))
    return make_layer("Polygon", "EPSG:4549", [("DLBM", QVariant.Int)], rows, "dltb")


def landuse_params(landuse, table, tmp_path, **extra):
    params = {
        "LANDUSE": landuse,
        "DLBM_FIELD": "DLBM",
        "RESISTANCE_TABLE": table,
        "CELL_SIZE": CELL,
        "ECO_CLASSES": "03",
        "SOURCE_MIN_AREA": 30.0,
        "CORRIDOR_WIDTH": 3000.0,
        "COMPUTE_CURRENT": False,
        "LINKS": "TEMPORARY_OUTPUT",
        "RESISTANCE_OUT": str(tmp_path / "res.tif"),
    }
    params.update(extra)
    return params


def write_table(path, text, encoding="utf-8") -> str:
    Path(path).write_bytes(text.encode(encoding))
    return str(path)


def test_integer_dlbm_is_read_with_its_zero(provider, tmp_path):
    # 103 is 0103 (旱地, 60) and never the prefix 10 (交通, 1000); 301 is 0301 (林地, 1)
    table = write_table(tmp_path / "t.csv", TABLE)
    out = run(landuse_params(integer_landuse(tmp_path, PARCELS), table, tmp_path))
    res, _, _ = read_raster(out["RESISTANCE_OUT"])
    assert np.array_equal(res, expected_grid()[0])
    assert out["N_SOURCES"] == 3  # ECO_CLASSES 03 matches the integer 301


def test_integer_code_refusal_names_the_code_with_its_zero(provider, tmp_path):
    table = write_table(tmp_path / "t.csv", TABLE)
    parcels = PARCELS + [("201", 0.0, 0, 0, 300, 300)]  # 园地 is not in the table
    with pytest.raises(QgsProcessingException) as err:
        run(landuse_params(integer_landuse(tmp_path, parcels), table, tmp_path))
    assert "0201" in str(err.value)


def test_gbk_resistance_table_is_read(provider, tmp_path):
    table = write_table(tmp_path / "gbk.csv", "# 阻力表（Excel 另存）\n" + TABLE, "gbk")
    with pytest.raises(UnicodeDecodeError):
        Path(table).read_text(encoding="utf-8")
    out = run(landuse_params(make_landuse(tmp_path / "lu.gpkg", PARCELS), table, tmp_path))
    res, _, _ = read_raster(out["RESISTANCE_OUT"])
    assert np.array_equal(res, expected_grid()[0])


# a strip of five 100 m cells: forest | three cells of river | forest, one source each end
STRIP = [("0301", 0, 0, 100, 100), ("1101", 100, 0, 400, 100), ("0301", 400, 0, 500, 100)]


def strip_params(tmp_path, **extra):
    rows = [
        ((code,), shapely.box(500000.0 + x1, 3800000.0 + y1, 500000.0 + x2, 3800000.0 + y2))
        for code, x1, y1, x2, y2 in STRIP
    ]
    landuse = make_layer("Polygon", "EPSG:4549", [("DLBM", QVariant.String)], rows, "strip")
    ends = [
        ((name,), shapely.box(500000.0 + x, 3800000.0, 500100.0 + x, 3800100.0))
        for name, x in (("A", 0), ("B", 400))
    ]
    sources = make_layer("Polygon", "EPSG:4549", [("name", QVariant.String)], ends, "ends")
    params = {
        "LANDUSE": landuse,
        "DLBM_FIELD": "DLBM",
        "SOURCES": sources,
        "SOURCE_ID_FIELD": "name",
        "CELL_SIZE": 100.0,
        "COMPUTE_CURRENT": False,
        "LINKS": "TEMPORARY_OUTPUT",
    }
    params.update(extra)
    return params


def strip_lcd(out) -> float:
    (link,) = list(out["LINKS"].getFeatures())
    return link["lcd"]


def test_presets_change_the_costs_as_their_tables_say(provider, tmp_path):
    # terrestrial (resistance_default.csv): 03 林地 1, 11 水域 30
    # 100·(1+30)/2 + 100·30 + 100·30 + 100·(30+1)/2 = 9100
    assert strip_lcd(run(strip_params(tmp_path))) == pytest.approx(9100.0)
    # water / waterbird (resistance_water.csv): 03 林地 60, 1101 河流水面 1
    # 100·(60+1)/2 + 100 + 100 + 100·(1+60)/2 = 6300
    water = run(strip_params(tmp_path, RESISTANCE_PRESET=1))
    assert strip_lcd(water) == pytest.approx(6300.0)
    # a user table overrides the preset: 03 → 2, 11 → 10
    table = write_table(tmp_path / "u.csv", "code,name_zh,resistance\n03,林地,2\n11,水域,10\n")
    # 100·(2+10)/2 + 100·10 + 100·10 + 100·(10+2)/2 = 3200
    user = run(strip_params(tmp_path, RESISTANCE_PRESET=1, RESISTANCE_TABLE=table))
    assert strip_lcd(user) == pytest.approx(3200.0)


def test_water_preset_derives_sources_from_water(provider, tmp_path):
    # a 36 ha river patch (1101) beside the forests: a source of the water network only
    parcels = PARCELS + [("1101", 0.0, 3600, 2000, 4200, 2600)]
    landuse = make_landuse(tmp_path / "lu.gpkg", parcels)
    params = {
        "LANDUSE": landuse,
        "CELL_SIZE": CELL,
        "SOURCE_MIN_AREA": 30.0,
        "COMPUTE_CURRENT": False,
        "SOURCES_OUT": "TEMPORARY_OUTPUT",
        "LINKS": "TEMPORARY_OUTPUT",
        "REPORT": str(tmp_path / "report.html"),
    }
    land = run(params)
    assert land["N_SOURCES"] == 3  # forests A, B and shrub C (terrestrial ECO_CLASSES)
    water = run({**params, "RESISTANCE_PRESET": 1})
    (river,) = list(water["SOURCES_OUT"].getFeatures())
    assert river["area_m2"] == pytest.approx(360000.0)
    assert river.geometry().centroid().asPoint().x() == pytest.approx(500000.0 + 3900.0)
    html = Path(water["REPORT"]).read_text(encoding="utf-8")
    assert "Water / waterbird ecological network" in html and "resistance_water.csv" in html


def test_water_table_has_a_basis_for_every_row():
    import csv
    import io

    root = Path(__file__).resolve().parent.parent / "resources" / "rules"
    for name in ("resistance_water.csv", "resistance_default.csv"):
        text = (root / name).read_text(encoding="utf-8")
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
        assert rows and all(r["basis"].strip() and r["judgement"] in ("yes", "no") for r in rows)


def test_automatic_cell_size_keeps_a_million_cells():
    from lyg_nrp_plugin.processing.ecological_network.grid import ROUND_CELLS, auto_cell_size

    def cells(bounds, c):
        return (math.ceil((bounds[2] - bounds[0]) / c) + 1) * (
            math.ceil((bounds[3] - bounds[1]) / c) + 1
        )

    # the sample's DLTB extent (about 139 x 113 km) and the small test landscape
    for bounds in ((353150.0, 3776900.0, 492100.0, 3890050.0), (0.0, 0.0, 6000.0, 3000.0)):
        cell = auto_cell_size(bounds)
        assert cells(bounds, cell) <= 1_000_000
        smaller = [c for c in ROUND_CELLS if c < cell]
        assert not smaller or cells(bounds, smaller[-1]) > 1_000_000
    assert auto_cell_size((353150.0, 3776900.0, 492100.0, 3890050.0)) == 150.0


def test_cell_size_bounds(provider, tmp_path):
    table = write_table(tmp_path / "t.csv", TABLE)
    landuse = make_landuse(tmp_path / "lu.gpkg", PARCELS)
    with pytest.raises(QgsProcessingException) as err:
        run(landuse_params(landuse, table, tmp_path, CELL_SIZE=0.5))
    assert "CELL_SIZE" in str(err.value)
    with pytest.raises(QgsProcessingException):
        run(landuse_params(landuse, table, tmp_path, CELL_SIZE=50000.0))


@pytest.mark.slow
def test_qgis_process_with_links_only(qgis_process, tmp_path):
    table = write_table(tmp_path / "t.csv", TABLE)
    landuse = make_landuse(tmp_path / "lu.gpkg", PARCELS)
    links = tmp_path / "links.gpkg"
    result = qgis_process(
        "run",
        "lyg_nrp:ecological_network",
        "--",
        f"LANDUSE={landuse}",
        f"RESISTANCE_TABLE={table}",
        f"CELL_SIZE={CELL}",
        "ECO_CLASSES=03",
        "SOURCE_MIN_AREA=30",
        f"LINKS={links}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    ds = gdal.OpenEx(str(links))
    assert ds.GetLayer(0).GetFeatureCount() >= 2
    assert not list(tmp_path.glob("*.tif"))


@pytest.mark.slow
def test_qgis_process_all_nodata_raster_has_no_traceback(qgis_process, tmp_path):
    raster = write_raster(tmp_path / "void.tif", np.full((40, 40), np.nan))
    sources = tmp_path / "src.gpkg"
    from .helpers.layers import write_gpkg

    src = write_gpkg(sources, source_layer())
    result = qgis_process(
        "run",
        "lyg_nrp:ecological_network",
        "--",
        f"RESISTANCE={raster}",
        f"SOURCES={src}",
        f"LINKS={tmp_path / 'l.gpkg'}",
    )
    text = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in text and "ZeroDivisionError" not in text
    assert "no passable cell" in text and "void" in text
