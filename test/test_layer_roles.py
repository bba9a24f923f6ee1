"""layer_roles: the one name matcher of dialogs and dashboard."""

from __future__ import annotations

from .helpers.layers import make_layer
from .helpers.redline_case import box


def test_guess_by_name_and_geometry(qgis_processing):
    from qgis.core import QgsProject

    from lyg_nrp_plugin.layer_roles import desktop_default, guess_layer

    project = QgsProject()
    layers = {
        "BCGD 补充耕地图斑": make_layer("Polygon", "EPSG:4549", [], [((), box(0, 0, 1, 1))], "x"),
        "JSXM 拟建建设项目": make_layer("Polygon", "EPSG:4549", [], [((), box(0, 0, 1, 1))], "x"),
        "PARKS": make_layer("Polygon", "EPSG:4549", [], [((), box(0, 0, 1, 1))], "x"),
        "HAX": make_layer("Polygon", "EPSG:4549", [], [((), box(0, 0, 1, 1))], "x"),
    }
    for name, layer in layers.items():
        layer.setName(name)
        project.addMapLayer(layer)
    assert guess_layer(project, "projects").name() == "JSXM 拟建建设项目"  # not BCGD (first)
    assert guess_layer(project, "supplement").name() == "BCGD 补充耕地图斑"
    assert guess_layer(project, "mines") is None  # "KS" is not found inside "PARKS"
    assert guess_layer(project, "coastline") is None  # a polygon HAX is not a coastline
    assert desktop_default("projects") is None  # never guessed outside Desktop
