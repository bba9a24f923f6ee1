"""lyg_nrp:indicator_assessment through Processing and qgis_process, in English and Chinese.

The layers are the hand-worked dataset of test_indicators_core (shifted into EPSG:4549
coordinates), written to a temporary GeoPackage; the expected numbers are the hand-computed
ones written out there and repeated here in the indicator's unit.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from shapely import affinity

from .helpers import indicator_case as data
from .helpers.runner import Recorder, run_algorithm

DX, DY = 500_000.0, 3_800_000.0  # into the EPSG:4549 coordinate range


def _shift(g):
    return affinity.translate(g, DX, DY)


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory) -> Path:
    import geopandas as gpd

    path = tmp_path_factory.mktemp("ind") / "ind.gpkg"
    crs = "EPSG:4549"

    def write(name, geoms, **columns):
        gpd.GeoDataFrame(columns, geometry=[_shift(g) for g in geoms], crs=crs).to_file(
            path, layer=name, driver="GPKG"
        )

    write(
        "DLTB",
        [p[0] for p in data.PARCELS],
        DLBM=[p[1] for p in data.PARCELS],
        TBDLMJ=[p[2] for p in data.PARCELS],
    )
    write("DLTB_GEOM", [p[0] for p in data.PARCELS], DLBM=[p[1] for p in data.PARCELS])
    write("XZQ", [data.LAND], XZQMC=["示例区"])
    write("HYGNQ", [data.SEA], MC=["管辖海域"])
    write("STBHHX", data.ECO_REDLINE, HXMC=["a", "b", "c"])
    write("YJJBNTBHTB", data.FARMLAND, BH=[1, 2])
    write("ZRBHD", [p[0] for p in data.PROTECTED], ZRBHDLX=[p[1] for p in data.PROTECTED])
    write("HYSTHX", data.MARINE_REDLINE, MC=["a", "b"])
    write(
        "HAX",
        [c[0] for c in data.COAST],
        AXLX=[c[1] for c in data.COAST],
        AXLB=[c[2] for c in data.COAST],
    )
    write("ZYQ", data.MARICULTURE, MC=["增养殖区"])
    # mines as points; output in 万吨/年 (10e6 t = 1000 万吨)
    from shapely.geometry import Point

    write(
        "KS",
        [Point(i * 10, 0) for i in range(len(data.MINES))],
        GM=[m[0] for m in data.MINES],
        NKCL=[None if m[1] is None else m[1] / 1e4 for m in data.MINES],
    )
    return path


def params(gpkg: Path, tmp_path: Path, **extra) -> dict:
    def layer(name):
        return f"{gpkg}|layername={name}"

    base = {
        "LANDUSE": layer("DLTB"),
        "BOUNDARY": layer("XZQ"),
        "SEA_AREA": layer("HYGNQ"),
        "ECO_REDLINE": layer("STBHHX"),
        "FARMLAND": layer("YJJBNTBHTB"),
        "PROTECTED_AREAS": layer("ZRBHD"),
        "MARINE_REDLINE": layer("HYSTHX"),
        "COASTLINE": layer("HAX"),
        "MARICULTURE": layer("ZYQ"),
        "MINES": layer("KS"),
        "MINE_SCALE_FIELD": "GM",
        "MINE_OUTPUT_FIELD": "NKCL",
        "MINE_OUTPUT_UNIT": 1,
        "OUTPUT": "TEMPORARY_OUTPUT",
        "JSON": str(tmp_path / "ind.json"),
        "REPORT": str(tmp_path / "ind.html"),
    }
    base.update(extra)
    return base


# value in the catalogue unit, status — from the hand-worked m² / m / t values
EXPECTED = {
    "cultivated_land": (390_000 / 1e8, "NO_TARGET"),  # 万公顷
    "wetland_area": (100_000 / 1e8, "NOT_MET"),
    "built_land_total": (180_000 / (1e4 * 1e4 / 15), "NO_TARGET"),  # 万亩 = 0.027
    "development_intensity": (18.0, "NO_TARGET"),
    "tree_cover": (10.0, "NOT_MET"),
    "forest_cover": (5.0, "NOT_MET"),
    "natural_wetland_protection": (75.0, "MET"),
    "wetland_protection": (100.0, "MET"),
    "eco_redline_area": (160_000 / 1e10, "NO_TARGET"),  # 万平方千米
    "eco_redline_land_ratio": (15.0, "NO_TARGET"),
    "permanent_farmland": (150_000 / 1e8, "NO_TARGET"),
    "protected_area": (0.35, "NOT_MET"),  # km² < 620
    "protected_area_land_ratio": (20.0, "MET"),
    "marine_redline_ratio": (30.0, "MET"),
    "mariculture_area": (0.5, "NOT_MET"),
    "mainland_natural_coast_length": (1.0, "NO_TARGET"),  # 公里
    "mainland_natural_coast_ratio": (100 / 3, "NOT_MET"),
    "active_mines": (5, "MET"),
    "large_medium_mine_ratio": (40.0, "NOT_MET"),
    "mineral_output": (0.165, "MET"),  # 亿吨/年
    "key_mineral_areas": (None, "NO_DATA"),
}


def run(parameters, feedback=None):
    result, context = run_algorithm("lyg_nrp:indicator_assessment", parameters, feedback)
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        layer = context.getMapLayer(layer)
    rows = {
        f["code"]: {
            k: (None if f[k] is None or f[k] != f[k] else f[k]) for k in layer.fields().names()
        }
        for f in layer.getFeatures()
    }
    return result, rows


def _null(value):
    from qgis.PyQt.QtCore import QVariant

    return None if isinstance(value, QVariant) and value.isNull() else value


def test_all_indicators_from_layers(provider, gpkg, tmp_path):
    result, rows = run(params(gpkg, tmp_path))
    for code, (value, status) in EXPECTED.items():
        row = rows[code]
        assert row["status"] == status, code
        if value is None:
            assert _null(row["value"]) is None
        else:
            assert row["value"] == pytest.approx(value, rel=1e-6), code
    assert rows["wetland_area"]["unit"] == "万公顷"
    assert rows["mineral_output"]["unit"] == "亿吨/年"
    assert rows["protected_area"]["unit"] == "平方千米"
    assert rows["tree_cover"]["baseline_2020"] == pytest.approx(27.13)
    assert rows["wetland_area"]["target"] == pytest.approx(23.31)
    assert rows["cultivated_land"]["target_text"] == "按上级下达目标执行"
    assert rows["development_intensity"]["comparator"] == "<="
    assert result["N_MET"] == sum(1 for r in rows.values() if r["status"] == "MET")
    # the JSON carries the same rows for the dashboard
    doc = json.loads(Path(result["JSON"]).read_text(encoding="utf-8"))
    by_code = {r["code"]: r for r in doc["indicators"]}
    assert by_code["marine_redline_ratio"]["value"] == pytest.approx(30.0)
    assert doc["meta"]["counts"]["MET"] == result["N_MET"]
    html = Path(result["REPORT"]).read_text(encoding="utf-8")
    assert "<svg" in html and "<table" in html


def test_targets_file_and_saltpans(provider, gpkg, tmp_path):
    targets = tmp_path / "targets.json"
    targets.write_text(
        json.dumps(
            {
                "targets": {"development_intensity": 17.5, "cultivated_land": 0.0039},
                "values": {"tree_cover": 27.0},
            }
        ),
        encoding="utf-8",
    )
    _, rows = run(params(gpkg, tmp_path, TARGETS=str(targets), WETLAND_INCLUDES_SALTPANS=True))
    assert rows["development_intensity"]["status"] == "NOT_MET"  # 18 > 17.5
    assert rows["cultivated_land"]["status"] == "MET"  # 0.0039 >= 0.0039
    assert (rows["tree_cover"]["value"], rows["tree_cover"]["source"]) == (27.0, "manual")
    assert rows["wetland_area"]["value"] == pytest.approx(200_000 / 1e8)  # + 0603 盐田
    assert rows["wetland_protection"]["value"] == pytest.approx(50.0)


def test_only_some_layers_and_no_area_field(provider, gpkg, tmp_path):
    feedback = Recorder()
    _, rows = run(
        {"LANDUSE": f"{gpkg}|layername=DLTB_GEOM", "OUTPUT": "TEMPORARY_OUTPUT"}, feedback
    )
    # the layer lacks the default area field TBDLMJ: geometry areas, said in the log;
    # 0101 is 200 000 m² now; land area = parcels' 1e6 m²
    assert any("geometry areas are used" in text for text in feedback.infos)
    assert rows["cultivated_land"]["value"] == pytest.approx(400_000 / 1e8)
    assert rows["development_intensity"]["value"] == pytest.approx(18.0)
    assert rows["marine_redline_ratio"]["status"] == "NO_DATA"
    assert rows["mineral_output"]["status"] == "NO_DATA"


def test_a_chosen_field_the_layer_lacks_is_an_error(provider, gpkg):
    """One policy for optional fields (LygAlgorithm.optional_field): a field the user chose
    that the layer does not have is an error (it used to be a warning and geometry areas)."""
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="NO_SUCH"):
        run(
            {
                "LANDUSE": f"{gpkg}|layername=DLTB",
                "AREA_FIELD": "NO_SUCH",
                "OUTPUT": "TEMPORARY_OUTPUT",
            }
        )


def test_bad_targets_file_is_a_clear_error(provider, gpkg, tmp_path):
    from qgis.core import QgsProcessingException

    bad = tmp_path / "bad.json"
    bad.write_text('{"values": {"tree_cover": "many"}}', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="TARGETS"):
        run({"TARGETS": str(bad), "OUTPUT": "TEMPORARY_OUTPUT"})


def test_publishes_check_result(provider, gpkg, tmp_path):
    from lyg_nrp_plugin import results_bus

    run(params(gpkg, tmp_path))
    published = results_bus.latest()["indicator_assessment"]
    # every NOT_MET is in EXPECTED; the catalogue rows left out of it have no data
    assert published.counts["NOT_MET"] == sum(1 for v in EXPECTED.values() if v[1] == "NOT_MET")
    assert published.counts["NO_DATA"] == 28 - len(EXPECTED) + 1  # + key_mineral_areas
    assert {r.item_id for r in published.rows} >= set(EXPECTED)


def _compiled_translator(tmp_path):
    """The .qm built from the sources and i18n/zh_CN/*.json now (not a stale committed one)."""
    from update_translations import build

    ts = tmp_path / "lyg.ts"
    build(ts)
    qm = tmp_path / "lyg.qm"
    lrelease = (
        "lrelease"
        if subprocess.run(["which", "lrelease"], capture_output=True).returncode == 0
        else "/usr/lib/qt5/bin/lrelease"
    )
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def test_chinese_labels_and_report(provider, gpkg, tmp_path):
    from qgis.core import QgsApplication, QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    qm = _compiled_translator(tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    settings = QgsSettings()
    old = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    QCoreApplication.installTranslator(translator)
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    try:
        alg = QgsApplication.processingRegistry().createAlgorithmById(
            "lyg_nrp:indicator_assessment"
        )
        assert alg.displayName() == "规划指标评估"
        assert alg.group().endswith("规划指标")  # "5 规划指标": numbered in workflow order
        assert alg.parameterDefinition("LANDUSE").description() == "地类图斑（DLTB）"
        assert alg.parameterDefinition("TARGETS").description() == "目标值与填报值（JSON/CSV）"
        assert "指标" in alg.shortHelpString()
        result, rows = run(params(gpkg, tmp_path))
        assert rows["tree_cover"]["note"].startswith("近似值")
        html = Path(result["REPORT"]).read_text(encoding="utf-8")
        assert "规划指标评估报告" in html and "资源保护" in html and "未达标" in html
    finally:
        QCoreApplication.removeTranslator(translator)
        settings.setValue("locale/overrideFlag", old[0] if old[0] is not None else False)
        settings.setValue("locale/userLocale", old[1] or "")
    alg = QgsApplication.processingRegistry().createAlgorithmById("lyg_nrp:indicator_assessment")
    assert alg.displayName() == "Plan indicator assessment"
    assert alg.parameterDefinition("LANDUSE").description() == "Land-use parcels (DLTB)"


@pytest.mark.slow
def test_qgis_process_json(qgis_process, gpkg, tmp_path):
    p = params(gpkg, tmp_path, OUTPUT=str(tmp_path / "out.gpkg"))
    args = [f"{k}={v}" for k, v in p.items()]
    completed = qgis_process("run", "lyg_nrp:indicator_assessment", "--json", "--", *args)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    out = json.loads(completed.stdout[completed.stdout.index("{") :])
    results = out["results"]
    assert results["N_MET"] == sum(1 for v in EXPECTED.values() if v[1] == "MET")
    doc = json.loads(Path(results["JSON"]).read_text(encoding="utf-8"))
    by_code = {r["code"]: r for r in doc["indicators"]}
    assert by_code["mainland_natural_coast_ratio"]["value"] == pytest.approx(100 / 3)
    assert by_code["mineral_output"]["value"] == pytest.approx(0.165)


def test_sample_data_is_plausible_against_the_plan(provider, tmp_path):
    """The schematic sample, sized to the plan's 2020 figures, gives values near them."""
    from .conftest import SAMPLE_GPKG

    if not SAMPLE_GPKG.is_file():
        pytest.skip("the sample GeoPackage is not generated yet")

    def layer(name):
        return f"{SAMPLE_GPKG}|layername={name}"

    _, rows = run(
        {
            "LANDUSE": layer("DLTB"),
            "BOUNDARY": layer("XZQ"),
            "SEA_AREA": layer("HYGNQ"),
            "ECO_REDLINE": layer("STBHHX"),
            "MARINE_REDLINE": layer("HYSTHX"),
            "COASTLINE": layer("HAX"),
            "OUTPUT": "TEMPORARY_OUTPUT",
        }
    )

    def value(code):
        return rows[code]["value"]

    # 表1: 耕地 570.20 万亩 = 38.01 万公顷; 建设用地 272.6 万亩; 开发强度 23.86 %;
    # 生态红线区域 21.96 %; 大陆自然岸线 112.44 km of 211.6 km (53.1 %)
    assert value("cultivated_land") == pytest.approx(38.01, rel=0.05)
    assert value("built_land_total") == pytest.approx(272.6, rel=0.10)
    assert value("development_intensity") == pytest.approx(23.86, rel=0.10)
    assert value("eco_redline_land_ratio") == pytest.approx(21.96, rel=0.05)
    assert value("mainland_natural_coast_length") == pytest.approx(112.44, rel=0.10)
    assert value("mainland_natural_coast_ratio") == pytest.approx(53.1, rel=0.10)
    # 2025 target 26.41 % of the sea (no 2020 value in the plan)
    assert 15 < value("marine_redline_ratio") < 40
    # 三调 wetland (7 codes) is a part of the plan's 23.3 万公顷 survey-definition wetland
    assert 1 < value("wetland_area") < 23.3
    assert rows["eco_redline_area"]["unit"] == "万平方千米"
    assert value("eco_redline_area") == pytest.approx(
        value("eco_redline_land_ratio") / 100 * 7615.71 / 1e4, rel=0.15
    )  # sea part small
