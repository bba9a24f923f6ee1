"""lyg_nrp:landuse_occupation — areas per (project, DLBM) against a geopandas overlay oracle."""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely

from .helpers.layers import features_by_id, is_null, make_layer, output_layer, write_gpkg
from .helpers.redline_case import PROJECTS, SCRIPT_NAME, X0, Y0, project_layer
from .helpers.runner import Recorder, run_algorithm

CODES = [
    "0101",
    "0102",
    "0103",
    "0201",
    "0301",
    "0303",
    "0404",
    "0603",
    "0702",
    "1003",
    "1006",
    "1101",
    "1109",
    "1203",
    "XYZ",
    "101",
    "1104A",
    "05H1",
]
# the class of each code written out by hand (三调 工作分类; wetland codes → 湿地)
CLASS = {
    "0101": "耕地",
    "0102": "耕地",
    "0103": "耕地",
    "0201": "园地",
    "0301": "林地",
    "0303": "湿地",
    "0404": "草地",
    "0603": "工矿",
    "0702": "住宅",
    "1003": "交通运输",
    "1006": "交通运输",
    "1101": "水域及水利设施",
    "1109": "水域及水利设施",
    "1203": "其他土地",
    "XYZ": "未知",
    "1104A": "水域及水利设施",
    "05H1": "商服",
}
SUMMARY_OF = {
    "耕地": "farm_m2",
    "园地": "garden_m2",
    "林地": "forest_m2",
    "草地": "grass_m2",
    "湿地": "wetland_m2",
    "水域及水利设施": "water_m2",
    "其他土地": "other_m2",
    "未知": "unknown_m2",
}
BUILT = {"0603", "0702", "1003", "1109", "05H1"}  # 1006 农村道路 is not 建设用地


def parcels():
    """A 14×9 grid of 100 m parcels with one bow-tie, one duplicate-vertex, one multipolygon."""
    rows = []
    k = 0
    for i in range(14):
        for j in range(9):
            x, y = X0 - 100 + i * 100, Y0 - 100 + j * 100
            code = CODES[k % len(CODES)]
            geom = shapely.box(x, y, x + 100, y + 100)
            if (i, j) == (3, 6):
                geom = shapely.Polygon([(x, y), (x + 100, y + 100), (x + 100, y), (x, y + 100)])
            if (i, j) == (6, 6):
                geom = shapely.Polygon(
                    [(x, y), (x, y), (x + 100, y), (x + 100, y + 100), (x, y + 100), (x, y + 100)]
                )
            if (i, j) == (10, 2):
                geom = shapely.MultiPolygon([geom, shapely.box(x + 20, y + 720, x + 60, y + 760)])
            farmland = code in ("0101", "0102", "0103", "101")
            kcxs = (0.05 if code in ("0101", "101") else 0.1) if farmland else None
            grade = str(k % 15 + 1) if farmland else None
            slope = str(k % 5 + 1) if farmland else None
            rows.append(((code, kcxs, grade, slope), geom))
            k += 1
    return rows


def landuse_layer(rows=None):
    from qgis.PyQt.QtCore import QVariant

    return make_layer(
        "MultiPolygon",
        "EPSG:4549",
        [
            ("DLBM", QVariant.String),
            ("KCXS", QVariant.Double),
            ("GDDB", QVariant.String),
            ("GDPDJB", QVariant.String),
        ],
        rows if rows is not None else parcels(),
        "DLTB",
    )


def oracle(projects=PROJECTS):
    """geopandas.overlay of the (made-valid) projects and parcels; net = gross × (1 − KCXS)."""
    import geopandas as gpd

    rows = parcels()
    left = gpd.GeoDataFrame(
        {"project_id": [n for n, _ in projects]},
        geometry=[shapely.make_valid(g) for _, g in projects],
        crs="EPSG:4549",
    )
    left.geometry = left.geometry.apply(
        lambda g: shapely.union_all(
            [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
        )
    )
    right = gpd.GeoDataFrame(
        {
            "DLBM": [a[0] for a, _ in rows],
            "KCXS": [a[1] or 0.0 for a, _ in rows],
            "GDDB": [a[2] for a, _ in rows],
        },
        geometry=[shapely.make_valid(g) for _, g in rows],
        crs="EPSG:4549",
    )
    right.geometry = right.geometry.apply(
        lambda g: shapely.union_all(
            [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
        )
    )
    inter = gpd.overlay(left, right, how="intersection", keep_geom_type=True)
    inter["gross"] = inter.area
    inter = inter[inter.gross > 0]
    inter["net"] = inter.gross * (1 - inter.KCXS)
    inter["code"] = inter.DLBM.replace({"101": "0101"})
    return inter


def run_alg(params, feedback=None):
    return run_algorithm("lyg_nrp:landuse_occupation", params, feedback)


def params(**extra):
    base = {
        "INPUT": project_layer(),
        "ID_FIELD": "XMMC",
        "LANDUSE": landuse_layer(),
        "OUTPUT": "memory:",
        "SUMMARY": "memory:",
        "FARMLAND_PIECES": "memory:",
    }
    base.update(extra)
    return base


def test_table_matches_geopandas_overlay(provider):
    result, context = run_alg(params())
    table = output_layer(result, context)
    want = oracle().groupby(["project_id", "code"])[["gross", "net"]].sum()
    got = {(f["project_id"], f["DLBM"]): f for f in table.getFeatures()}
    assert set(got) == set(want.index)
    for key, row in want.iterrows():
        assert got[key]["gross_m2"] == pytest.approx(row.gross, rel=1e-6), key
        assert got[key]["net_m2"] == pytest.approx(row.net, rel=1e-6), key
        code = key[1]
        assert got[key]["class_zh"] == CLASS[code]
    dlmc = {k[1]: f["DLMC"] for k, f in got.items()}
    assert dlmc["0101"] == "水田" and dlmc["1104A"] == "养殖坑塘" and dlmc["0303"] == "红树林地"
    assert is_null(dlmc["XYZ"])  # unknown code: no name
    # the int-like code 101 is read as 0101; an unknown code is kept as 未知, not dropped
    assert not any(k[1] == "101" for k in got)
    unknown = [f for k, f in got.items() if k[1] == "XYZ"]
    assert unknown and all(f["class_zh"] == "未知" for f in unknown)
    # total gross per project = project area where the grid has no gap (the bow-tie parcel
    # at (3, 6) leaves two triangles uncovered inside C-bowtie)
    totals = {}
    for (name, _), f in got.items():
        totals[name] = totals.get(name, 0.0) + f["gross_m2"]
    for name, g in PROJECTS:
        if name != "C-bowtie":
            assert totals[name] == pytest.approx(shapely.make_valid(g).area, rel=1e-6), name


def test_summary_and_farm_grade(provider):
    result, context = run_alg(params())
    summary = features_by_id(output_layer(result, context, "SUMMARY"))
    inter = oracle()
    inter["cls"] = inter.code.map(CLASS)
    for name, _ in PROJECTS:
        part = inter[inter.project_id == name]
        row = summary[name]
        for cls, field in SUMMARY_OF.items():
            assert row[field] == pytest.approx(
                part[part.cls == cls].net.sum(), rel=1e-6, abs=1e-6
            ), (name, field)
        assert row["paddy_m2"] == pytest.approx(
            part[part.code == "0101"].net.sum(), rel=1e-6, abs=1e-6
        )
        assert row["built_m2"] == pytest.approx(
            part[part.code.isin(BUILT)].net.sum(), rel=1e-6, abs=1e-6
        )
        farm = part[part.cls == "耕地"]
        if len(farm):
            grade = (farm.net * farm.GDDB.astype(float)).sum() / farm.net.sum()
            assert row["farm_grade"] == pytest.approx(grade, rel=1e-9)
        else:
            assert is_null(row["farm_grade"])
    assert result["FARM_M2"] == pytest.approx(inter[inter.cls == "耕地"].net.sum(), rel=1e-6)
    assert summary[SCRIPT_NAME]["XMMC"] == SCRIPT_NAME  # project fields kept


def test_farmland_pieces_for_farmland_balance(provider):
    result, context = run_alg(params())
    layer = output_layer(result, context, "FARMLAND_PIECES")
    assert {"project_id", "DLBM", "GDDB", "GDPDJB", "gross_m2", "net_m2", "paddy"} <= set(
        layer.fields().names()
    )
    inter = oracle()
    farm = inter[inter.code.map(CLASS) == "耕地"]
    features = list(layer.getFeatures())
    assert len(features) == len(farm)
    assert sum(f["net_m2"] for f in features) == pytest.approx(farm.net.sum(), rel=1e-6)
    for f in features:
        piece = shapely.from_wkb(bytes(f.geometry().asWkb()))
        assert piece.area == pytest.approx(f["gross_m2"], rel=1e-9)
        assert f["paddy"] == (1 if f["DLBM"] == "0101" else 0)
        kcxs = 0.05 if f["DLBM"] == "0101" else 0.1
        assert f["net_m2"] == pytest.approx(f["gross_m2"] * (1 - kcxs), rel=1e-12)


def test_saltpan_option(provider):
    result, context = run_alg(params(SALTPAN_AS_WETLAND=True))
    table = output_layer(result, context)
    classes = {f["class_zh"] for f in table.getFeatures() if f["DLBM"] == "0603"}
    assert classes == {"湿地"}
    result, context = run_alg(params())
    classes = {
        f["class_zh"] for f in output_layer(result, context).getFeatures() if f["DLBM"] == "0603"
    }
    assert classes == {"工矿"}


def test_ellipsoidal_matches_qgsdistancearea(provider):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsDistanceArea,
        QgsGeometry,
    )

    result, context = run_alg(params(AREA_METHOD=1, OUTPUT="memory:"))
    layer = output_layer(result, context, "FARMLAND_PIECES")
    calculator = QgsDistanceArea()
    calculator.setSourceCrs(
        QgsCoordinateReferenceSystem("EPSG:4549"), QgsCoordinateTransformContext()
    )
    calculator.setEllipsoid("EPSG:1024")
    inter = oracle()
    farm = inter[inter.code.map(CLASS) == "耕地"]
    want = sum(calculator.measureArea(QgsGeometry.fromWkt(g.wkt)) for g in farm.geometry)
    got = sum(f["gross_m2"] for f in layer.getFeatures())
    assert got == pytest.approx(want, rel=1e-6)
    assert got != pytest.approx(farm.gross.sum(), rel=1e-5)  # differs from planar


def test_projects_in_wgs84(provider):
    from pyproj import Transformer

    to_geo = Transformer.from_crs("EPSG:4549", "EPSG:4326", always_xy=True)
    to_proj = Transformer.from_crs("EPSG:4326", "EPSG:4549", always_xy=True)

    def reproject(transformer, g):
        return shapely.transform(
            g, lambda c: np.column_stack(transformer.transform(c[:, 0], c[:, 1]))
        )

    geographic = [(n, reproject(to_geo, g)) for n, g in PROJECTS]
    result, context = run_alg(params(INPUT=project_layer("EPSG:4326", geographic)))
    table = output_layer(result, context)
    back = [(n, reproject(to_proj, g)) for n, g in geographic]
    want = oracle(back).groupby("project_id").gross.sum()
    got = {}
    for f in table.getFeatures():
        got[f["project_id"]] = got.get(f["project_id"], 0.0) + f["gross_m2"]
    for name, area in want.items():
        assert got[name] == pytest.approx(area, rel=1e-6), name


def test_unknown_code_warned_and_errors(provider):
    from qgis.core import QgsProcessingException

    feedback = Recorder()
    run_alg(params(), feedback)
    assert any("XYZ" in w and "未知" in w for w in feedback.warnings)
    with pytest.raises(QgsProcessingException, match=r"DLTB.*NOPE|NOPE.*DLTB"):
        run_alg(params(DLBM_FIELD="NOPE"))
    with pytest.raises(QgsProcessingException, match=r"DLTB.*KC2|KC2.*DLTB"):
        run_alg(params(KCXS_FIELD="KC2"))


def test_empty_input_cancel_and_unmodified(provider, tmp_path):
    from qgis.core import QgsProcessingFeedback, QgsVectorLayer

    result, _ = run_alg(
        params(
            INPUT=project_layer(projects=[]),
            OUTPUT=str(tmp_path / "t.gpkg"),
            SUMMARY=str(tmp_path / "s.gpkg"),
            FARMLAND_PIECES=str(tmp_path / "f.gpkg"),
        )
    )
    for name in ("OUTPUT", "SUMMARY", "FARMLAND_PIECES"):
        layer = QgsVectorLayer(result[name], name, "ogr")
        assert layer.isValid() and layer.featureCount() == 0, name
    assert result["N_PROJECTS"] == 0 and result["FARM_M2"] == 0
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    result, _ = run_alg(params(), feedback)
    assert "N_PROJECTS" not in result
    p = params()
    before = [(f.geometry().asWkt(), f.attributes()) for f in p["LANDUSE"].getFeatures()]
    run_alg(p)
    assert before == [(f.geometry().asWkt(), f.attributes()) for f in p["LANDUSE"].getFeatures()]


@pytest.mark.slow
def test_qgis_process_json(provider, qgis_process, tmp_path):
    gpkg = tmp_path / "data.gpkg"
    projects = write_gpkg(gpkg, project_layer())
    dltb = write_gpkg(gpkg, landuse_layer())
    out = tmp_path / "table.csv"
    result = qgis_process(
        "run",
        "lyg_nrp:landuse_occupation",
        "--json",
        "--",
        f"INPUT={projects}",
        "ID_FIELD=XMMC",
        f"LANDUSE={dltb}",
        f"OUTPUT={out}",
        f"SUMMARY={tmp_path / 's.gpkg'}",
        f"FARMLAND_PIECES={tmp_path / 'f.gpkg'}",
        f"REPORT={tmp_path / 'r.html'}",
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    payload = json.loads(result.stdout)
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert payload["results"]["REPORT"] == str(tmp_path / "r.html")
    assert "data:image/png;base64," in report and "&lt;script&gt;" in report
    assert "<script>alert" not in report
    inter = oracle()
    assert payload["results"]["N_PROJECTS"] == len(PROJECTS)
    assert payload["results"]["FARM_M2"] == pytest.approx(
        inter[inter.code.map(CLASS) == "耕地"].net.sum(), rel=1e-6
    )
    import csv

    with open(out, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sum(float(r["gross_m2"]) for r in rows) == pytest.approx(inter.gross.sum(), rel=1e-6)


def test_large_layer_path_reads_only_parcels_near_projects(provider, monkeypatch):
    """The C++-indexed subset read (used from 20 000 parcels on) gives the same table."""
    from lyg_nrp_plugin.processing.io import near

    monkeypatch.setattr(near, "NEAR_MIN_COUNT", 1)
    monkeypatch.setattr(near, "NEAR_MAX_SHARE", 1.0)
    feedback = Recorder()
    projects = [p for p in PROJECTS if p[0] in ("A-001", "E-touch")]  # a corner of the grid
    result, context = run_alg(params(INPUT=project_layer(projects=projects)), feedback)
    assert any("parcels lie near a project" in m for m in feedback.infos)
    want = oracle(projects).groupby(["project_id", "code"])[["gross", "net"]].sum()
    got = {(f["project_id"], f["DLBM"]): f for f in output_layer(result, context).getFeatures()}
    assert set(got) == set(want.index)
    for key, row in want.iterrows():
        assert got[key]["net_m2"] == pytest.approx(row.net, rel=1e-6), key


def test_runs_inside_a_model(provider):
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
    )

    model = QgsProcessingModelAlgorithm("occupation model", "test")
    for name in ("projects", "dltb"):
        model.addModelParameter(
            QgsProcessingParameterFeatureSource(name, name), QgsProcessingModelParameter(name)
        )
    child = QgsProcessingModelChildAlgorithm("lyg_nrp:landuse_occupation")
    child.setChildId("occ")
    source = QgsProcessingModelChildParameterSource
    child.addParameterSources("INPUT", [source.fromModelParameter("projects")])
    child.addParameterSources("LANDUSE", [source.fromModelParameter("dltb")])
    child.addParameterSources("ID_FIELD", [source.fromStaticValue("XMMC")])
    outputs = {}
    for name, child_output in (("pieces", "FARMLAND_PIECES"), ("farm", "FARM_M2")):
        output = QgsProcessingModelOutput(name)
        output.setChildOutputName(child_output)
        outputs[name] = output
    child.setModelOutputs(outputs)
    model.addChildAlgorithm(child)
    context = QgsProcessingContext()
    results, ok = model.run(
        {"projects": project_layer(), "dltb": landuse_layer(), "occ:pieces": "memory:"},
        context,
        QgsProcessingFeedback(),
    )
    assert ok
    inter = oracle()
    assert results["occ:farm"] == pytest.approx(
        inter[inter.code.map(CLASS) == "耕地"].net.sum(), rel=1e-6
    )


# --- REPORT ------------------------------------------------------------------------------------


def _cells(table_html):
    import html
    import re

    return [
        [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table_html)
        if "<td" in row
    ]


def _table_after(text, marker):
    """Rows of the first table after ``marker`` in the HTML."""
    return _cells(text.split(marker, 1)[1].split("</table>", 1)[0])


def _ha(cell):
    """The hectare number a formatted area begins with: '1,234.56 公顷（…）' / '1.23 ha (…)'."""
    import re

    return float(re.match(r"([\d,]+\.\d+)", cell).group(1).replace(",", ""))


def _mu(cell):
    import re

    return float(re.findall(r"([\d,]+\.\d+)", cell)[1].replace(",", ""))


def test_report_totals_per_project_farmland_and_map(provider, tmp_path):
    import base64
    import html

    from qgis.PyQt.QtGui import QColor, QImage

    from lyg_nrp_plugin.core.landuse import CLASS_NAMES_EN, CLASS_NAMES_ZH
    from lyg_nrp_plugin.translate import is_chinese, tr

    path = tmp_path / "occupation.html"
    result, context = run_alg(params(REPORT=str(path)))
    assert result["REPORT"] == str(path)
    text = path.read_text(encoding="utf-8")
    # every project is named, the <script> one only escaped
    assert "<script>alert(1)" not in text
    assert html.escape(SCRIPT_NAME) in text
    for name, _ in PROJECTS:
        assert html.escape(name) in text, name
    assert "DLTB" in text and "JSXM" in text  # the inputs are listed
    assert "XYZ" in text.split(f"<h2>{tr('Warnings')}</h2>", 1)[1]  # unknown DLBM warned

    # totals per class = sums of the OUTPUT table (and of the geopandas oracle)
    table = list(output_layer(result, context).getFeatures())
    inter = oracle()
    names = CLASS_NAMES_ZH if is_chinese() else CLASS_NAMES_EN
    key_of = {v: k for k, v in CLASS_NAMES_ZH.items()}  # class_zh -> key
    sums: dict[str, list[float]] = {}
    for f in table:
        acc = sums.setdefault(names[key_of[f["class_zh"]]], [0.0, 0.0])
        acc[0] += f["gross_m2"]
        acc[1] += f["net_m2"]
    totals = {
        row[0]: row for row in _table_after(text, f"<h2>{tr('Totals by first-level class')}</h2>")
    }
    assert set(totals) == set(sums) | {tr("Total")}
    for name, (gross, net) in sums.items():
        assert _ha(totals[name][1]) == pytest.approx(gross / 10_000, abs=0.0051), name
        assert _ha(totals[name][2]) == pytest.approx(net / 10_000, abs=0.0051), name
        assert _mu(totals[name][2]) == pytest.approx(net / 666.6667, abs=0.0051), name
    assert _ha(totals[tr("Total")][1]) == pytest.approx(inter.gross.sum() / 10_000, abs=0.0051)
    assert _ha(totals[tr("Total")][2]) == pytest.approx(inter.net.sum() / 10_000, abs=0.0051)

    # occupied farmland: net, paddy and the area-weighted grade per project and overall
    farm = {row[0]: row for row in _table_after(text, f"<h2>{tr('Occupied cultivated land')}</h2>")}
    inter["cls"] = inter.code.map(CLASS)
    tilled = inter[inter.cls == "耕地"]
    for name, _ in PROJECTS:  # columns: id, name, cultivated land, of which paddy, grade
        part = tilled[tilled.project_id == name]
        assert farm[name][1] == name  # the name field (XMMC) of the helper's projects
        assert _ha(farm[name][2]) == pytest.approx(part.net.sum() / 10_000, abs=0.0051)
        assert _ha(farm[name][3]) == pytest.approx(
            part[part.code == "0101"].net.sum() / 10_000, abs=0.0051
        )
        if len(part):
            grade = (part.net * part.GDDB.astype(float)).sum() / part.net.sum()
            assert float(farm[name][4]) == pytest.approx(grade, abs=0.0051), name
        else:
            assert farm[name][4] == "—"
    overall = (tilled.net * tilled.GDDB.astype(float)).sum() / tilled.net.sum()
    assert float(farm[tr("Total")][4]) == pytest.approx(overall, abs=0.0051)

    # the per-project table of A-001: one row per DLBM with its gross area
    section = text.split(f"<h2>{tr('Occupation per project')}</h2>", 1)[1]
    rows = _table_after(section, "A-001")
    want = inter[inter.project_id == "A-001"].groupby("code").gross.sum()
    assert {r[1]: _ha(r[3]) for r in rows} == pytest.approx(  # code, name, gross, net
        {code: v / 10_000 for code, v in want.items()}, abs=0.0051
    )

    # a real map: the 耕地 yellow of the 三调 style shows
    data = text.split("data:image/png;base64,")[1].split('"')[0]
    image = QImage.fromData(base64.b64decode(data), "PNG")
    yellow = sum(
        1
        for x in range(0, image.width(), 5)
        for y in range(0, image.height(), 5)
        if (c := QColor(image.pixel(x, y))).red() > 240 and c.green() > 240 and c.blue() < 130
    )
    assert yellow > 10


def test_report_only_when_asked(provider, tmp_path):
    result, _ = run_alg(params())
    assert not result.get("REPORT")
    assert not list(tmp_path.iterdir())


def test_report_map_colours_are_the_dltb_style():
    """The report colours equal the categories of resources/styles/sample_DLTB.qml."""
    import xml.etree.ElementTree as ET

    from lyg_nrp_plugin.core.landuse import _PREFIX_CLASS
    from lyg_nrp_plugin.paths import resource_path
    from lyg_nrp_plugin.processing.landuse_occupation import CLASS_COLOURS

    root = ET.parse(resource_path("styles", "sample_DLTB.qml")).getroot()
    renderer = root.find("renderer-v2")
    symbols = {s.get("name"): s for s in renderer.find("symbols")}
    for category in renderer.find("categories"):
        symbol = symbols[category.get("symbol")]
        colour = None
        for prop in symbol.iter():
            if prop.get("k") == "color" or (prop.get("name") == "color" and prop.get("value")):
                colour = prop.get("v") or prop.get("value")
                break
        assert CLASS_COLOURS[_PREFIX_CLASS[category.get("value")]] == colour.rsplit(",", 1)[0]
