"""lyg_nrp:farmland_balance through processing.run and a real qgis_process (--json).

Expected numbers are worked out by hand in the comments (boxes: area = width × height), or come
from pyproj/shapely for the reprojected inputs. 1 亩 = 10 000 / 15 m².
"""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer
from shapely import box
from shapely.ops import transform

from .helpers.layers import is_null
from .helpers.runner import Recorder, run_algorithm

MU = 10_000 / 15
X0, Y0 = 425_000.0, 3_830_000.0  # EPSG:4549 (CM 120°E): about 119.2°E 34.6°N, Lianyungang
# the shipped illustrative table: kg_per_mu = 1050 − 50 × grade
ILLUSTRATIVE = {g: 1050 - 50 * g for g in range(1, 16)}

PIECES_FIELDS = (
    "project_id:string",
    "DLBM:string",
    "GDDB:integer",
    "GDPDJB:string",
    "gross_m2:double",
    "net_m2:double",
    "paddy:integer",
)
BCGD_FIELDS = ("XMBH:string", "DLBM:string", "GDDB:string", "GDPDJB:string", "MJ:double")


def b(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def memory_layer(fields, features, crs="EPSG:4549"):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    uri = f"Polygon?crs={crs}&" + "&".join(f"field={f}" for f in fields)
    layer = QgsVectorLayer(uri, "test", "memory")
    assert layer.isValid()
    feats = []
    for geom, attrs in features:
        feat = QgsFeature(layer.fields())
        feat.setGeometry(QgsGeometry.fromWkt(geom.wkt))
        feat.setAttributes(list(attrs))
        feats.append(feat)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def run(params):
    defaults = {"BALANCE": "memory:", "FLAGGED": "memory:"}
    return run_algorithm("lyg_nrp:farmland_balance", {**defaults, **params})[0]


def rows_of(layer):
    names = layer.fields().names()
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def piece(geom, project, dlbm, grade, kcxs=0.1):
    gross = geom.area
    return geom, [project, dlbm, grade, "2", gross, gross * (1 - kcxs), int(dlbm == "0101")]


def scenario():
    """Two projects. P1 balances; P2 balances in quantity but fails on paddy."""
    occupied = memory_layer(
        PIECES_FIELDS,
        [
            # P1: 0101 100×100 = 10 000 gross, net 9000 (KCXS 0.1), grade 5
            piece(b(0, 0, 100, 100), "P1", "0101", 5),
            # P2: 0101 100×50 = 5000 gross, net 4500, grade 6; 0103 100×50 → net 4500, grade 6
            piece(b(0, 200, 100, 250), "P2", "0101", 6),
            piece(b(0, 250, 100, 300), "P2", "0103", 6),
        ],
    )
    supplement = memory_layer(
        BCGD_FIELDS,
        [
            # P1: 0101 100×100 = 10 000, grade 4, slope 2 → credited whole
            (b(1000, 0, 1100, 100), ["P1", "0101", "04", "2", None]),
            # P1: 0101 in the red line → excluded whole (100×50 = 5000)
            (b(1000, 150, 1100, 200), ["P1", "0101", "03", "1", None]),
            # P2: 0103 100×60 = 6000, grade 5
            (b(1000, 300, 1100, 360), ["P2", "0103", "5", "1", None]),
            # P2: 0101 100×60, overlaps the previous by 100×20 = 2000 → credited 4000, grade 5
            (b(1000, 340, 1100, 400), ["P2", "0101", "5", "1", None]),
            # P2: 0101 100×50 slope 5 → excluded
            (b(1000, 500, 1100, 550), ["P2", "0101", "5", "5", None]),
            # P2: 0301 乔木林地 → excluded
            (b(1000, 600, 1100, 650), ["P2", "0301", "5", "1", None]),
        ],
    )
    red_line = memory_layer(("name:string",), [(b(1050, 140, 1200, 260), ["STBHHX"])])
    return occupied, supplement, red_line


@pytest.fixture()
def farmland_case(provider):
    return scenario()


def test_run_hand_worked(farmland_case, tmp_path):
    occupied, supplement, red_line = farmland_case
    report = tmp_path / "balance.html"
    result = run(
        {
            "OCCUPIED": occupied,
            "OCC_GROUP_FIELD": "project_id",
            "SUPPLEMENT": supplement,
            "SUP_GROUP_FIELD": "XMBH",
            "ECO_REDLINE": red_line,
            "REPORT": str(report),
        }
    )
    rows = {r["group"]: r for r in rows_of(result["BALANCE"])}
    assert list(rows) == ["P1", "P2", "TOTAL"]
    p1, p2, total = rows["P1"], rows["P2"], rows["TOTAL"]
    # occupied areas come from net_m2 (the default OCC_AREA_FIELD), not from the geometry
    assert p1["occ_m2"] == pytest.approx(9000) and p1["occ_paddy_m2"] == pytest.approx(9000)
    assert p1["sup_m2"] == pytest.approx(10_000) and p1["sup_paddy_m2"] == pytest.approx(10_000)
    assert p1["occ_grade"] == pytest.approx(5) and p1["sup_grade"] == pytest.approx(4)
    assert p1["occ_cap_kg"] == pytest.approx(9000 / MU * 800)  # 13.5 亩 × 800 = 10 800
    assert p1["sup_cap_kg"] == pytest.approx(15 * 850)  # 15 亩 × 850 = 12 750
    assert (p1["qty_ok"], p1["paddy_ok"], p1["grade_ok"], p1["cap_ok"]) == (1, 1, 1, 1)
    assert (p1["verdict"], p1["verdict_zh"]) == ("PASS", "平衡")
    # P2: occupied 4500 + 4500 = 9000 (paddy 4500); credited 6000 + 4000 = 10 000 (paddy 4000)
    assert p2["occ_m2"] == pytest.approx(9000) and p2["sup_m2"] == pytest.approx(10_000)
    assert p2["occ_paddy_m2"] == pytest.approx(4500) and p2["sup_paddy_m2"] == pytest.approx(4000)
    assert p2["qty_ok"] == 1 and p2["paddy_ok"] == 0 and p2["def_paddy_m2"] == pytest.approx(500)
    assert p2["def_m2"] == 0 and p2["grade_ok"] == 1
    # capacity: occupied 13.5 亩 × 750 = 10 125; supplement 15 亩 × 800 = 12 000
    assert p2["occ_cap_kg"] == pytest.approx(13.5 * 750)
    assert p2["sup_cap_kg"] == pytest.approx(15 * 800) and p2["def_cap_kg"] == 0
    assert (p2["verdict"], p2["verdict_zh"]) == ("FAIL", "不平衡")
    assert total["row_type"] == "total" and total["occ_m2"] == pytest.approx(18_000)
    assert total["def_paddy_m2"] == pytest.approx(500) and total["verdict"] == "FAIL"

    flagged = sorted(
        (r["sup_fid"], r["reason"], round(r["excluded_m2"], 6)) for r in rows_of(result["FLAGGED"])
    )
    assert flagged == [
        (2, "eco_redline", 5000.0),
        (4, "overlap", 2000.0),
        (5, "slope", 5000.0),
        (6, "not_farmland", 5000.0),
    ]
    assert result["N_GROUPS"] == 2 and result["N_FAIL"] == 1 and result["N_FLAGGED"] == 4
    assert result["DEF_M2"] == 0 and result["DEF_PADDY_M2"] == pytest.approx(500)
    assert result["DEF_CAP_KG"] == 0
    overlap = next(f for f in result["FLAGGED"].getFeatures() if f["reason"] == "overlap")
    assert overlap.geometry().area() == pytest.approx(2000)
    assert overlap["reason_zh"] == "重叠" and overlap["overlaps"] == "3"

    html = report.read_text(encoding="utf-8")
    assert "grain_capacity_illustrative.csv" in html and "data:image/png;base64," in html
    assert "0.0500 (0.75)" in html  # the paddy deficit 500 m² = 0.05 ha = 0.75 亩
    assert "1.8000 (27.00)" in html  # occupied in total 18 000 m² = 1.8 ha = 27 亩


def test_area_from_geometry_and_kcxs_when_no_area_field(provider):
    # a DLTB-like layer without net_m2: area = geometry × (1 − KCXS) = 10 000 × 0.85 = 8500
    occupied = memory_layer(
        ("DLBM:string", "GDDB:double", "KCXS:double"),
        [(b(0, 0, 100, 100), ["0103", 7.0, 0.15]), (b(0, 200, 100, 300), ["0702", None, 0.0])],
    )  # 宅基地: skipped
    supplement = memory_layer(BCGD_FIELDS, [])
    result = run({"OCCUPIED": occupied, "SUPPLEMENT": supplement})
    (total,) = rows_of(result["BALANCE"])
    assert total["occ_m2"] == pytest.approx(8500) and total["sup_m2"] == 0
    # empty supplement: everything is a deficit; 8500 m² = 12.75 亩 × 700 kg (grade 7)
    assert total["def_m2"] == pytest.approx(8500)
    assert total["def_cap_kg"] == pytest.approx(8500 / MU * ILLUSTRATIVE[7])
    assert total["verdict"] == "FAIL" and is_null(total["sup_grade"])
    assert result["N_GROUPS"] == 1 and result["N_FAIL"] == 1 and result["N_FLAGGED"] == 0


def test_mixed_crs_planar_and_ellipsoidal(provider):
    to_wgs = Transformer.from_crs("EPSG:4549", "EPSG:4326", always_xy=True)
    # supplementary plots and the red line come in EPSG:4326, occupied in EPSG:4549
    plots = [b(0, 0, 120, 100), b(60, 50, 200, 130), b(300, 0, 400, 80)]
    plots_ll = [transform(to_wgs.transform, g) for g in plots]
    red = b(350, -10, 500, 100)
    supplement = memory_layer(
        BCGD_FIELDS, [(g, ["", "0101", "3", "1", None]) for g in plots_ll], crs="EPSG:4326"
    )
    red_line = memory_layer(
        ("n:string",), [(transform(to_wgs.transform, red), ["x"])], crs="EPSG:4326"
    )
    occupied = memory_layer(("DLBM:string", "GDDB:integer"), [(b(0, 500, 100, 600), ["0101", 4])])

    # oracle (planar): plot 3 is in the red line; plots 1 and 2 count their union once
    back = Transformer.from_crs("EPSG:4326", "EPSG:4549", always_xy=True)
    kept = [transform(back.transform, g) for g in plots_ll[:2]]
    expected = shapely.union_all(kept).area
    assert expected == pytest.approx(120 * 100 + 140 * 80 - 60 * 50, rel=1e-6)
    result = run({"OCCUPIED": occupied, "SUPPLEMENT": supplement, "ECO_REDLINE": red_line})
    (total,) = rows_of(result["BALANCE"])
    assert total["sup_m2"] == pytest.approx(expected, rel=1e-9)
    assert total["occ_m2"] == pytest.approx(10_000, rel=1e-9)
    assert result["N_FLAGGED"] == 2  # plot 3 (red line) and the overlap of plot 2

    # ellipsoidal: CGCS2000 ellipsoid areas of the same shapes (geodesic oracle)
    geod = Geod(a=6378137.0, rf=298.257222101)
    occ_ll = transform(to_wgs.transform, b(0, 500, 100, 600))
    union_ll = transform(to_wgs.transform, shapely.union_all(kept))
    result = run(
        {"OCCUPIED": occupied, "SUPPLEMENT": supplement, "ECO_REDLINE": red_line, "AREA_METHOD": 1}
    )
    (total,) = rows_of(result["BALANCE"])
    assert total["occ_m2"] == pytest.approx(abs(geod.geometry_area_perimeter(occ_ll)[0]), rel=1e-6)
    assert total["sup_m2"] == pytest.approx(
        abs(geod.geometry_area_perimeter(union_ll)[0]), rel=1e-6
    )
    assert total["occ_m2"] != pytest.approx(10_000, rel=1e-6)  # really ellipsoidal


def test_protected_areas_and_custom_capacity_table(provider, tmp_path):
    table = tmp_path / "jiangsu.csv"
    table.write_text(
        "grade,kg_per_mu\n" + "".join(f"{g},{2000 - 100 * g}\n" for g in range(1, 16)),
        encoding="utf-8",
    )
    occupied = memory_layer(("DLBM:string", "GDDB:integer"), [(b(0, 0, 100, 100), ["0101", 3])])
    supplement = memory_layer(
        BCGD_FIELDS,
        [
            (b(500, 0, 600, 100), ["", "0101", "3", "1", None]),  # in the protected area
            (b(700, 0, 800, 150), ["", "0101", "3", "1", None]),  # 15 000 m², kept
        ],
    )
    protected = memory_layer(("ZRBHDLX:string",), [(b(550, 50, 650, 150), ["湿地公园"])])
    result = run(
        {
            "OCCUPIED": occupied,
            "SUPPLEMENT": supplement,
            "PROTECTED_AREAS": protected,
            "CAPACITY_TABLE": str(table),
        }
    )
    (total,) = rows_of(result["BALANCE"])
    # grade 3 → 2000 − 300 = 1700 kg/亩: occupied 15 亩 → 25 500; supplement 22.5 亩 → 38 250
    assert total["occ_cap_kg"] == pytest.approx(15 * 1700)
    assert total["sup_cap_kg"] == pytest.approx(22.5 * 1700)
    (flag,) = rows_of(result["FLAGGED"])
    assert flag["reason"] == "protected_area" and flag["reason_zh"] == "自然保护地"
    assert "2,500.00" in flag["detail_zh"]  # 50 × 50 inside


@pytest.mark.parametrize(
    "change,needle",
    [
        ({"OCC_GRADE_FIELD": "NOPE"}, "NOPE"),
        ({"OCC_AREA_FIELD": "area_x"}, "area_x"),
        ({"OCC_GROUP_FIELD": "project_id"}, "group"),
    ],
)
def test_bad_parameters(farmland_case, change, needle):
    from qgis.core import QgsProcessingException

    occupied, supplement, _ = farmland_case
    with pytest.raises(QgsProcessingException, match=needle):
        run({"OCCUPIED": occupied, "SUPPLEMENT": supplement, **change})


def test_grade_outside_range_and_missing_capacity_grade(provider, tmp_path):
    from qgis.core import QgsProcessingException

    occupied = memory_layer(("DLBM:string", "GDDB:integer"), [(b(0, 0, 10, 10), ["0101", 16])])
    supplement = memory_layer(BCGD_FIELDS, [])
    with pytest.raises(QgsProcessingException, match="1 to 15"):
        run({"OCCUPIED": occupied, "SUPPLEMENT": supplement})
    occupied = memory_layer(("DLBM:string", "GDDB:integer"), [(b(0, 0, 10, 10), ["0101", 9])])
    table = tmp_path / "partial.csv"
    table.write_text("grade,kg_per_mu\n1,900\n2,850\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="grade\\(s\\) 9"):
        run({"OCCUPIED": occupied, "SUPPLEMENT": supplement, "CAPACITY_TABLE": str(table)})
    table.write_text("level,kg\n1,900\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="grade,kg_per_mu"):
        run({"OCCUPIED": occupied, "SUPPLEMENT": supplement, "CAPACITY_TABLE": str(table)})
    occupied = memory_layer(("DLBM:string", "GDDB:integer"), [(b(0, 0, 10, 10), ["0101", None])])
    with pytest.raises(QgsProcessingException, match="no quality grade"):
        run({"OCCUPIED": occupied, "SUPPLEMENT": supplement})


def test_inputs_are_not_modified(farmland_case):
    occupied, supplement, red_line = farmland_case
    before = [(f.id(), f.attributes(), f.geometry().asWkt()) for f in supplement.getFeatures()]
    run({"OCCUPIED": occupied, "SUPPLEMENT": supplement, "ECO_REDLINE": red_line})
    after = [(f.id(), f.attributes(), f.geometry().asWkt()) for f in supplement.getFeatures()]
    assert before == after


def write_gpkg(path, layer_name, fields, features, crs="EPSG:4549"):
    import geopandas as gpd

    columns = {f.split(":")[0]: [a[i] for _, a in features] for i, f in enumerate(fields)}
    frame = gpd.GeoDataFrame(columns, geometry=[g for g, _ in features], crs=crs)
    frame.to_file(path, layer=layer_name, driver="GPKG")
    return f"{path}|layername={layer_name}"


@pytest.mark.slow
def test_qgis_process_json(qgis_process, tmp_path):
    import geopandas as gpd
    import pyogrio

    gpkg = tmp_path / "input.gpkg"
    occ = write_gpkg(
        gpkg,
        "FARMLAND_PIECES",
        PIECES_FIELDS,
        [
            piece(b(0, 0, 100, 100), "P1", "0101", 5),  # net 9000, paddy
            piece(b(0, 200, 100, 300), "P2", "0103", 8),  # net 9000
        ],
    )
    sup = write_gpkg(
        gpkg,
        "BCGD",
        BCGD_FIELDS,
        [
            (b(1000, 0, 1100, 100), ["P1", "0101", "4", "2", 10_000.0]),
            (b(1000, 200, 1100, 260), ["P2", "0103", "8", "2", 6000.0]),
            # overlaps plot 1 by 100×20 = 2000 m²: P1 is credited 10 000 + 3000
            (b(1000, 80, 1100, 130), ["P1", "0101", "4", "2", 5000.0]),
        ],
    )
    out = tmp_path / "balance.gpkg"
    report = tmp_path / "report.html"
    result = qgis_process(
        "run",
        "lyg_nrp:farmland_balance",
        "--json",
        "--",
        f"OCCUPIED={occ}",
        f"SUPPLEMENT={sup}",
        "OCC_GROUP_FIELD=project_id",
        "SUP_GROUP_FIELD=XMBH",
        "SUP_AREA_FIELD=MJ",
        f"BALANCE={out}",
        f"FLAGGED={tmp_path / 'flagged.gpkg'}",
        f"REPORT={report}",
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    payload = json.loads(result.stdout)
    res = payload["results"]
    # P1: 9000 occupied vs 10 000 supplied → PASS. P2: 9000 vs 6000 → short by 3000 m²,
    # capacity short by (13.5 − 9) 亩 × 650 kg (grade 8) = 2925 kg
    assert res["N_GROUPS"] == 2 and res["N_FAIL"] == 1 and res["N_FLAGGED"] == 1
    assert res["DEF_M2"] == pytest.approx(3000)
    assert res["DEF_CAP_KG"] == pytest.approx((9000 - 6000) / MU * ILLUSTRATIVE[8])
    sheet = pyogrio.read_dataframe(out)
    verdicts = dict(zip(sheet["group"], sheet["verdict"]))
    assert dict(zip(sheet["group"], sheet["sup_m2"]))["P1"] == pytest.approx(10_000 + 3000)
    flagged = gpd.read_file(tmp_path / "flagged.gpkg")
    assert list(flagged["reason"]) == ["overlap"] and list(flagged["sup_fid"]) == [3]
    assert flagged.geometry.area.iloc[0] == pytest.approx(2000)
    assert verdicts == {"P1": "PASS", "P2": "FAIL", "TOTAL": "FAIL"}
    assert report.is_file() and "P2" in report.read_text(encoding="utf-8")


def test_results_bus_published(farmland_case):
    from lyg_nrp_plugin import results_bus

    occupied, supplement, red_line = farmland_case
    run(
        {
            "OCCUPIED": occupied,
            "OCC_GROUP_FIELD": "project_id",
            "SUPPLEMENT": supplement,
            "SUP_GROUP_FIELD": "XMBH",
            "ECO_REDLINE": red_line,
        }
    )
    published = results_bus.latest()["farmland_balance"]
    assert published.counts == {"PASS": 1, "FAIL": 1}
    assert [(r.item_id, r.verdict) for r in published.rows] == [("P1", "PASS"), ("P2", "FAIL")]
    assert np.isclose(published.rows[1].area_m2, 9000)


def test_cancel_mid_run_returns_no_outputs(farmland_case):
    from qgis.core import QgsProcessingFeedback

    class CancelLater(QgsProcessingFeedback):
        """Cancels once the inputs are read (the core starts at 45 %)."""

        def setProgress(self, progress):  # noqa: N802
            super().setProgress(progress)
            if progress >= 45:
                self.cancel()

    occupied, supplement, red_line = farmland_case
    feedback = CancelLater()
    result, _ = run_algorithm(
        "lyg_nrp:farmland_balance",
        {
            "OCCUPIED": occupied,
            "SUPPLEMENT": supplement,
            "BALANCE": "memory:",
            "FLAGGED": "memory:",
        },
        feedback,
    )
    assert feedback.isCanceled() and "N_GROUPS" not in result


# --- newness against the base-year land use (issue 15 §1), KCXS, text areas, GBK tables ------
# illustrative table: grade 4 → 850, 5 → 800, 6 → 750, 7 → 700, 8 → 650 kg/亩

BASE_FIELDS = ("DLBM:string", "GDDB:integer", "ZLDWDM:string")
BCGD_TEXT = (
    "XMBH:string",
    "DLBM:string",
    "GDDB:string",
    "GDPDJB:string",
    "KCXS:double",
    "MJ:string",
)


def base_case():
    base = memory_layer(
        BASE_FIELDS,
        [
            (b(0, 0, 100, 100), ["0404", None, "320722"]),  # 其他草地
            (b(100, 0, 200, 100), ["0103", 7, "320722"]),  # 旱地 grade 7
            (b(200, 0, 300, 100), ["0102", 8, "320722"]),  # 水浇地 grade 8
            (b(300, 0, 400, 100), ["0101", 5, "320722"]),  # 水田 grade 5
            (b(400, 0, 500, 100), ["1106", None, "320722"]),  # 内陆滩涂
            (b(600, 0, 700, 100), ["1104", None, "320722"]),  # 坑塘
            (b(700, 0, 800, 100), ["0103", 6, "320722"]),  # 旱地 grade 6
        ],
    )
    plots = memory_layer(
        BCGD_TEXT,
        [  # KCXS 5 makes the layer percent-coded: plot 1 loses 5 %
            (b(0, 0, 100, 100), ["P1", "0101", "4", "1", 5.0, "10000"]),  # new
            (b(100, 0, 200, 100), ["P1", "0101", "5", "1", 0.0, "10000"]),  # 旱改水
            (b(200, 0, 300, 100), ["P1", "0102", "6", "1", 0.0, "10000"]),  # 提质改造
            (b(300, 0, 400, 100), ["P1", "0101", "5", "1", 0.0, "10000"]),  # not new
            (b(400, 0, 500, 100), ["P1", "0101", "5", "1", 0.0, "10000"]),  # 滩涂: source
            (b(650, 0, 750, 100), ["P1", "0101", "6", "1", 0.0, "10000"]),  # half 1104, half 0103
            (b(900, 0, 1000, 100), ["P1", "0101", "5", "1", 0.0, "10000"]),  # no base
            (b(2000, 0, 2100, 100), ["P1", "0101", "5", "1", 0.0, "约1万"]),  # bad area
        ],
    )
    occupied = memory_layer(
        ("project_id:string", "DLBM:string", "GDDB:integer", "net_m2:string"),
        [(b(0, 500, 200, 600), ["P1", "0101", 5, "20000"])],  # area typed as text
    )
    return occupied, plots, base


def test_base_layer_classes_every_part(provider, tmp_path):
    occupied, plots, base = base_case()
    feedback = Recorder()
    report = tmp_path / "balance.html"
    result, _ = run_algorithm(
        "lyg_nrp:farmland_balance",
        {
            "OCCUPIED": occupied,
            "OCC_GROUP_FIELD": "project_id",
            "SUPPLEMENT": plots,
            "SUP_GROUP_FIELD": "XMBH",
            "SUP_AREA_FIELD": "MJ",
            "BASE_LANDUSE": base,
            "BALANCE": "memory:",
            "FLAGGED": "memory:",
            "PARTS": "memory:",
            "REPORT": str(report),
        },
        feedback,
    )
    (p1,) = [r for r in rows_of(result["BALANCE"]) if r["group"] == "P1"]
    # quantity: plot 1 net 10 000 × 0.95 = 9500, plot 6's half on 坑塘 5000 → 14 500
    assert p1["sup_m2"] == pytest.approx(14_500)
    # paddy: 9500 (new 0101) + 10 000 (旱改水, plot 2) + 5000 + 5000 (plot 6) = 29 500
    assert p1["sup_paddy_m2"] == pytest.approx(29_500)
    # upgrade only: plot 2 10 000 + plot 3 10 000 + plot 6's 旱改水 half 5000 = 25 000
    assert p1["sup_upg_m2"] == pytest.approx(25_000)
    # capacity: 14.25 亩 × 850 + 15 × (800 − 700) + 15 × (750 − 650) + 7.5 × 750 + 7.5 × 0
    assert p1["sup_cap_kg"] == pytest.approx(14.25 * 850 + 1500 + 1500 + 5625)
    # occupied 20 000 m² grade 5 = 30 亩 × 800 = 24 000 kg: quantity and capacity short
    assert p1["def_m2"] == pytest.approx(20_000 - 14_500)
    assert p1["def_cap_kg"] == pytest.approx(24_000 - (12_112.5 + 1500 + 1500 + 5625))
    assert p1["paddy_ok"] == 1 and p1["verdict"] == "FAIL"
    flagged = {(r["sup_fid"], r["reason"]): r for r in rows_of(result["FLAGGED"])}
    # plot 8: its area is unusable and it lies outside the base layer: both reasons
    assert set(flagged) == {(4, "not_new"), (5, "source"), (7, "no_base"), (8, "bad_value;no_base")}
    assert flagged[(5, "source")]["base_dlbm"] == "1106"
    assert flagged[(4, "not_new")]["excluded_m2"] == pytest.approx(10_000)
    assert "约1万" in flagged[(8, "bad_value;no_base")]["detail_zh"]
    parts = sorted(
        (r["sup_fid"], r["part_class"], round(r["net_m2"], 3)) for r in rows_of(result["PARTS"])
    )
    assert parts == [
        (1, "new", 9500.0),
        (2, "paddy_upgrade", 10_000.0),
        (3, "quality_upgrade", 10_000.0),
        (4, "not_new", 10_000.0),
        (6, "new", 5000.0),
        (6, "paddy_upgrade", 5000.0),
    ]
    assert any("percent" in line for line in feedback.infos)  # the KCXS unit is said
    assert any("(fids 8)" in w for w in feedback.warnings)  # the bad area, named
    html = report.read_text(encoding="utf-8")
    assert "旱改水" in html and "提质改造" in html and "1106" in html


def test_without_base_layer_the_report_says_newness_is_not_verified(provider, tmp_path):
    occupied, plots, _ = base_case()
    feedback = Recorder()
    report = tmp_path / "balance.html"
    run_algorithm(
        "lyg_nrp:farmland_balance",
        {
            "OCCUPIED": occupied,
            "SUPPLEMENT": plots,
            "BALANCE": "memory:",
            "FLAGGED": "memory:",
            "REPORT": str(report),
        },
        feedback,
    )
    assert any("NOT verified" in w for w in feedback.warnings)
    assert "NOT verified" in report.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["abc", "约5万", "-50000"])
def test_text_or_negative_occupied_area_is_a_clear_error(provider, value):
    from qgis.core import QgsProcessingException

    occupied = memory_layer(
        ("DLBM:string", "GDDB:integer", "net_m2:string"),
        [(b(0, 0, 10, 10), ["0101", 5, "100"]), (b(0, 20, 10, 30), ["0101", 5, value])],
    )
    with pytest.raises(QgsProcessingException, match="net_m2") as info:
        run({"OCCUPIED": occupied, "SUPPLEMENT": memory_layer(BCGD_FIELDS, [])})
    assert "2: " in str(info.value)  # the fid of the bad piece


def test_gbk_capacity_table(provider, tmp_path):
    table = tmp_path / "产能表.csv"
    rows = "".join(f"{g},{2000 - 100 * g},{g}等\n" for g in range(1, 16))
    table.write_bytes(("# 江苏省产能表（示例）\ngrade,kg_per_mu,说明\n" + rows).encode("gbk"))
    occupied = memory_layer(("DLBM:string", "GDDB:integer"), [(b(0, 0, 100, 100), ["0101", 3])])
    result = run(
        {
            "OCCUPIED": occupied,
            "SUPPLEMENT": memory_layer(BCGD_FIELDS, []),
            "CAPACITY_TABLE": str(table),
        }
    )
    (total,) = rows_of(result["BALANCE"])
    assert total["occ_cap_kg"] == pytest.approx(15 * 1700)  # 15 亩 × (2000 − 300)


@pytest.mark.slow
def test_qgis_process_base_layer_gbk_table_and_text_areas(qgis_process, tmp_path):
    from .helpers.layers import write_gpkg

    occupied, plots, base = base_case()
    gpkg = tmp_path / "input.gpkg"
    occupied.setName("FARMLAND_PIECES")
    plots.setName("BCGD")
    base.setName("DLTB_JQ")
    occ, sup, jq = (write_gpkg(gpkg, layer) for layer in (occupied, plots, base))
    table = tmp_path / "产能表.csv"
    rows = "".join(f"{g},{1050 - 50 * g}\n" for g in range(1, 16))
    table.write_bytes(("# 示例\ngrade,kg_per_mu\n" + rows).encode("gbk"))
    out = tmp_path / "balance.gpkg"
    result = qgis_process(
        "run",
        "lyg_nrp:farmland_balance",
        "--json",
        "--",
        f"OCCUPIED={occ}",
        "OCC_GROUP_FIELD=project_id",
        f"SUPPLEMENT={sup}",
        "SUP_GROUP_FIELD=XMBH",
        "SUP_AREA_FIELD=MJ",
        f"BASE_LANDUSE={jq}",
        f"CAPACITY_TABLE={table}",
        f"BALANCE={out}",
        f"FLAGGED={tmp_path / 'flagged.gpkg'}",
        f"PARTS={tmp_path / 'parts.gpkg'}",
        f"REPORT={tmp_path / 'report.html'}",
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    res = json.loads(result.stdout)["results"]
    assert res["DEF_M2"] == pytest.approx(5500) and res["N_FLAGGED"] == 4
    import pyogrio

    sheet = pyogrio.read_dataframe(out)
    p1 = sheet[sheet["group"] == "P1"].iloc[0]
    assert p1["sup_upg_m2"] == pytest.approx(25_000) and p1["sup_m2"] == pytest.approx(14_500)
    parts = pyogrio.read_dataframe(tmp_path / "parts.gpkg")
    assert sorted(parts["part_class"]) == sorted(
        ["new", "paddy_upgrade", "quality_upgrade", "not_new", "new", "paddy_upgrade"]
    )
    # a text area field holding '约5万' on the occupied side: a clear message, no traceback
    bad = memory_layer(
        ("DLBM:string", "GDDB:integer", "net_m2:string"), [(b(0, 0, 10, 10), ["0101", 5, "约5万"])]
    )
    bad.setName("BAD_PIECES")
    failed = qgis_process(
        "run",
        "lyg_nrp:farmland_balance",
        "--",
        f"OCCUPIED={write_gpkg(gpkg, bad)}",
        f"SUPPLEMENT={sup}",
        f"BALANCE={tmp_path / 'b2.gpkg'}",
        f"FLAGGED={tmp_path / 'f2.gpkg'}",
    )
    text = failed.stdout + failed.stderr
    assert failed.returncode != 0 and "net_m2" in text and "Traceback" not in text


@pytest.mark.parametrize(
    "style,field,values",
    [
        ("farmland_balance_parts", "part_class", ["new", "paddy_upgrade", "quality_upgrade"]),
        ("ledger_credit_credited", "county", ["320722", "320723"]),
    ],
)
def test_output_styles_cover_the_values(provider, style, field, values):
    from qgis.core import QgsVectorLayer

    from lyg_nrp_plugin.paths import resource_path

    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4549&field={field}:string", "x", "memory")
    message, ok = layer.loadNamedStyle(str(resource_path("styles", f"{style}.qml")))
    assert ok, message
    categories = {c.value() for c in layer.renderer().categories()}
    assert set(values) <= categories


@pytest.mark.parametrize(
    "reason,label",
    [
        ("source", "来源地类"),
        ("eco_redline;source", "来源地类"),  # the first matching rule wins
        ("no_base", "缺少基期"),
        ("not_new", "非新增"),
        ("overlap", "重叠"),
        ("protected_area", "自然保护地"),
        ("slope", "其他"),
        ("bad_value", "其他"),
    ],
)
def test_flagged_style_draws_each_reason(provider, reason, label):
    from qgis.core import QgsExpression, QgsFeature, QgsField, QgsFields, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    from lyg_nrp_plugin.paths import resource_path

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4549&field=reason:string", "x", "memory")
    assert layer.loadNamedStyle(str(resource_path("styles", "farmland_balance_flagged.qml")))[1]
    fields = QgsFields()
    fields.append(QgsField("reason", QVariant.String))
    feature = QgsFeature(fields)
    feature.setAttributes([reason])
    rules = layer.renderer().rootRule().children()
    matched = [
        r
        for r in rules
        if not r.isElse() and QgsExpression(r.filterExpression()).evaluate(_context(feature))
    ]
    first = matched[0] if matched else next(r for r in rules if r.isElse())
    assert label in first.label()


def _context(feature):
    from qgis.core import QgsExpressionContext

    context = QgsExpressionContext()
    context.setFeature(feature)
    return context


def test_review_sheet_pdf_has_a_page_per_group(farmland_case, tmp_path):
    """REPORT_PDF: the cover, then one page per balance group naming it, in Chinese."""
    import subprocess

    occupied, supplement, red_line = farmland_case
    pdf = tmp_path / "balance.pdf"
    result = run(
        {
            "OCCUPIED": occupied,
            "OCC_GROUP_FIELD": "project_id",
            "SUPPLEMENT": supplement,
            "SUP_GROUP_FIELD": "XMBH",
            "ECO_REDLINE": red_line,
            "REPORT_PDF": str(pdf),
        }
    )
    assert result["REPORT_PDF"] == str(pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    import re

    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == 3, info  # cover + P1 + P2
    pages = [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
        ).stdout
        for n in (2, 3)
    ]
    assert "P1" in pages[0] and "P2" in pages[1]
    assert "不合规" in pages[1] and "审查意见" in pages[1]
