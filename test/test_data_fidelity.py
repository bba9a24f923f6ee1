"""Data as Chinese offices have it never gives a silently wrong number (issue: fidelity).

Files without CRS, GBK Shapefiles without .cpg, Shapefile outputs, outputs into an input file,
Web Mercator, empty controls, duplicate ids, unwritable report paths: each is built here and
run through the plugin; wrong numbers are compared with an independent computation, refusals
are asserted to be clear messages without a traceback.
"""

from __future__ import annotations

import json

import pytest
import shapely

from .helpers.layers import make_layer, write_gpkg
from .helpers.redline_case import ECO, X0, Y0, box, control_layers, project_layer
from .helpers.runner import Recorder, run_algorithm

REDLINE = "lyg_nrp:redline_overlap"


def write_shapefile(path, layer, encoding="UTF-8"):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    options.fileEncoding = encoding
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsCoordinateTransformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.NoError, error
    return str(path)


def no_traceback(result) -> bool:
    return "Traceback" not in result.stdout + result.stderr


def eco_layer():
    return control_layers()["ECO_REDLINE"]


def test_web_mercator_analysis_crs_is_refused(provider):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="true-scale"):
        run_algorithm(
            REDLINE,
            {
                "INPUT": project_layer(),
                "ECO_REDLINE": eco_layer(),
                "ANALYSIS_CRS": "EPSG:3857",
                "OUTPUT": "memory:",
            },
        )


def test_corridors_from_web_mercator_rivers_are_true_size(provider):
    """Rivers in EPSG:3857 are buffered in a metric frame: the corridor is 2 × 500 m wide."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsProject,
    )
    from qgis.PyQt.QtCore import QVariant

    line = shapely.LineString([(X0, Y0), (X0 + 10_000, Y0)])
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4549"),
        QgsCoordinateReferenceSystem("EPSG:3857"),
        QgsProject.instance(),
    )
    g = QgsGeometry.fromWkt(line.wkt)
    g.transform(transform)
    rivers = make_layer(
        "LineString",
        "EPSG:3857",
        [("HLMC", QVariant.String)],
        [(("龙王河",), shapely.from_wkt(g.asWkt()))],
        "SX",
    )
    result, context = run_algorithm(
        "lyg_nrp:build_corridors",
        {
            "RIVERS": rivers,
            "NAME_FIELD": "HLMC",
            "CORRIDOR_NAMES": "龙王河",
            "HALF_WIDTH": 500.0,
            "OUTPUT": "memory:",
            "AXES": "memory:",
        },
    )
    from .helpers.layers import output_layer

    layer = output_layer(result, context)
    feature = next(layer.getFeatures())
    geometry = feature.geometry()
    if layer.crs().authid() != "EPSG:4549":
        geometry.transform(
            QgsCoordinateTransform(
                layer.crs(), QgsCoordinateReferenceSystem("EPSG:4549"), QgsProject.instance()
            )
        )
    expected = shapely.buffer(line, 500.0, cap_style="flat").area  # 10 km × 1 km
    assert geometry.area() == pytest.approx(expected, rel=2e-3)


def test_empty_control_layer_and_bad_ids_are_warned(provider):
    from qgis.PyQt.QtCore import QVariant

    empty = make_layer("Polygon", "EPSG:4549", [("NAME", QVariant.String)], [], "STBHHX")
    projects = make_layer(
        "Polygon",
        "EPSG:4549",
        [("XMBH", QVariant.String)],
        [
            (("P1",), box(0, 0, 10, 10)),
            (("P1",), box(20, 0, 30, 10)),
            ((None,), box(40, 0, 50, 10)),
        ],
        "JSXM",
    )
    feedback = Recorder()
    run_algorithm(
        REDLINE,
        {"INPUT": projects, "ID_FIELD": "XMBH", "ECO_REDLINE": empty, "OUTPUT": "memory:"},
        feedback,
    )
    text = "\n".join(feedback.warnings)
    assert "STBHHX" in text and "no features" in text
    assert "P1" in text  # duplicate id named
    assert "no value in XMBH" in text


@pytest.mark.slow
def test_layer_without_crs_is_refused_naming_it(qgis_process, tmp_path):
    projects = write_shapefile(tmp_path / "JSXM.shp", project_layer())
    eco = write_shapefile(tmp_path / "STBHHX.shp", eco_layer())
    (tmp_path / "STBHHX.prj").unlink()  # as sent by e-mail without its .prj
    result = qgis_process(
        "run",
        REDLINE,
        "--",
        f"INPUT={projects}",
        f"ECO_REDLINE={eco}",
        f"OUTPUT={tmp_path / 'out.gpkg'}",
    )
    assert result.returncode != 0
    assert "STBHHX" in result.stdout + result.stderr
    assert "coordinate reference system" in result.stdout + result.stderr
    assert no_traceback(result)
    assert not (tmp_path / "out.gpkg").exists()


@pytest.mark.slow
def test_output_into_the_input_geopackage_is_refused(qgis_process, tmp_path):
    import pyogrio

    gpkg = tmp_path / "data.gpkg"
    projects = write_gpkg(gpkg, project_layer())
    layers = {k: write_gpkg(gpkg, v) for k, v in control_layers().items()}
    before = sorted(name for name, _ in pyogrio.list_layers(gpkg))
    result = qgis_process(
        "run",
        REDLINE,
        "--",
        f"INPUT={projects}",
        f"ECO_REDLINE={layers['ECO_REDLINE']}",
        f"OUTPUT={gpkg}",
    )
    assert result.returncode != 0
    assert "overwrite" in result.stdout + result.stderr and no_traceback(result)
    assert sorted(name for name, _ in pyogrio.list_layers(gpkg)) == before  # nothing lost


@pytest.mark.slow
def test_gbk_shapefile_without_cpg_reads_its_chinese_ids(qgis_process, tmp_path):
    from qgis.PyQt.QtCore import QVariant

    names = ["连云港港30万吨级航道", "新沂河堤防综合整治"]
    layer = make_layer(
        "Polygon",
        "EPSG:4549",
        [("XMMC", QVariant.String)],
        [((names[0],), box(0, 0, 200, 200)), ((names[1],), box(400, 0, 700, 300))],
        "JSXM",
    )
    projects = write_shapefile(tmp_path / "JSXM.shp", layer, encoding="GBK")
    (tmp_path / "JSXM.cpg").unlink()  # the most common case from Chinese desktop GIS
    eco = write_gpkg(tmp_path / "c.gpkg", eco_layer())
    out = tmp_path / "out.gpkg"
    result = qgis_process(
        "run",
        REDLINE,
        "--json",
        "--",
        f"INPUT={projects}",
        "ID_FIELD=XMMC",
        f"ECO_REDLINE={eco}",
        f"OUTPUT={out}",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    import geopandas as gpd

    frame = gpd.read_file(out)
    assert sorted(frame["project_id"]) == sorted(names)
    log = result.stdout + result.stderr
    assert "GBK" in log and ".cpg" in log
    eco_union = shapely.union_all(ECO)
    got = frame.set_index("project_id")["eco_m2"]
    assert got[names[0]] == pytest.approx(box(0, 0, 200, 200).intersection(eco_union).area)


@pytest.mark.slow
def test_shapefile_outputs_never_lose_text(qgis_process, tmp_path):
    """Reasons longer than 254 bytes are refused for .shp (GeoPackage suggested); a table
    written to .shp is reported as the .dbf it is."""
    gpkg = tmp_path / "data.gpkg"
    long_name = "连云港徐圩新区石化产业基地配套公用工程及仓储物流设施建设项目" * 4  # 384 bytes
    projects = write_gpkg(gpkg, project_layer(projects=[(long_name, box(0, 0, 200, 200))]))
    layers = {k: write_gpkg(gpkg, v) for k, v in control_layers().items()}
    result = qgis_process(
        "run",
        REDLINE,
        "--",
        f"INPUT={projects}",
        "ID_FIELD=XMMC",
        *(f"{k}={v}" for k, v in layers.items()),
        "PA_ZONE_FIELD=GNFQ",
        f"OUTPUT={tmp_path / 'out.shp'}",
    )
    assert result.returncode != 0
    assert "GeoPackage" in result.stdout + result.stderr and no_traceback(result)
    table = tmp_path / "table.shp"
    result = qgis_process(
        "run",
        "lyg_nrp:landuse_occupation",
        "--json",
        "--",
        f"INPUT={projects}",
        f"LANDUSE={layers['FARMLAND']}",
        "DLBM_FIELD=NAME",
        f"OUTPUT={table}",
        f"SUMMARY={tmp_path / 's.gpkg'}",
        f"FARMLAND_PIECES={tmp_path / 'f.gpkg'}",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    written = json.loads(result.stdout)["results"]["OUTPUT"]
    assert written.endswith("table.dbf") and (tmp_path / "table.dbf").exists()


def test_unwritable_report_is_refused_before_any_output(provider, tmp_path):
    from qgis.core import QgsProcessingException

    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    out = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match="cannot write"):
        run_algorithm(
            REDLINE,
            {
                "INPUT": project_layer(),
                "ECO_REDLINE": eco_layer(),
                "OUTPUT": str(out),
                "REPORT": str(blocker / "report.html"),
            },
        )
    assert not out.exists()
