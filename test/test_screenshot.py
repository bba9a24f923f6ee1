"""make screenshot's path: QGIS Desktop under Xvfb with the plugin, the sample data, both docks.

Runs scripts/screenshot.py (the same code ``make screenshot`` runs) into a temporary folder and
checks the state the startup script wrote from inside QGIS: QGIS's own interface in Chinese
(``zh-Hans``, what its 简体中文 setting stores) with the plugin in Chinese, the dashboard's rows
and statuses, the red-line check in the results dock (failures first), the 审查意见书 printed
from the dock (one page per project plus the cover), and that the PNGs exist.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import SAMPLE_GPKG

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not shutil.which("xvfb-run") or not shutil.which("qgis"),
        reason="needs xvfb-run and QGIS Desktop",
    ),
]


def test_screenshot_path_fills_both_docks(tmp_path):
    sample = Path(os.environ.get("LYG_SAMPLE_GPKG", SAMPLE_GPKG))  # override: another build
    if not sample.is_file():
        pytest.skip("the sample GeoPackage is not generated yet")
    import screenshot

    state = screenshot.run(
        tmp_path / "shots", tmp_path / "state.json", "zh-Hans", wait=0, timeout=300, sample=sample
    )
    assert state["errors"] == [], state["errors"]
    assert state["plugin_loaded"] and state["locale"] == "zh-Hans"

    def chinese(text):
        return any("\u4e00" <= ch <= "\u9fff" for ch in text)

    assert sum(chinese(title) for title in state["qgis_menus"]) >= 3, state["qgis_menus"]
    assert all(chinese(title) for title in state["dock_titles"])
    assert {"DLTB", "XZQ", "STBHHX", "HAX"} <= set(state["layers"])
    assert state["roles"]["LANDUSE"] == "DLTB" and state["roles"]["COASTLINE"] == "HAX"
    assert not state["dashboard_running"] and state["dashboard_error"] == ""
    rows = {r["code"]: r for r in state["dashboard_rows"]}
    from lyg_nrp_plugin.core.indicators import load_catalogue
    from lyg_nrp_plugin.paths import resource_path

    assert len(rows) == len(load_catalogue(resource_path("indicators", "indicators_2025.csv")))
    assert rows["wetland_area"]["col0"] == "湿地保有量"  # Chinese dashboard
    assert {r["col5"] for r in rows.values()} <= {"达标", "未达标", "无目标", "无数据", "口径不同"}

    def value(code):
        return float(rows[code]["col1"].split()[0].replace(",", ""))

    # plausible against the plan's 2020 figures (the sample is schematic, so wide bounds):
    # 土地开发强度 23.86 %, 生态红线区域占比 21.96 %, 耕地 570.20 万亩 = 38.0 万公顷,
    # 建设用地总量 272.6 万亩, 大陆自然岸线 112.44 km of 211.6 km (53 %)
    assert 15 < value("development_intensity") < 35
    assert 15 < value("eco_redline_land_ratio") < 30
    assert 30 < value("cultivated_land") < 45
    assert 180 < value("built_land_total") < 360
    assert 30 < value("mainland_natural_coast_ratio") < 75
    assert 60 < value("mainland_natural_coast_length") < 170
    # 三调 wetland is narrower than the plan's 23.31 万公顷 (wetland-survey definition)
    assert 0 < value("wetland_area") < 23.31
    if state.get("redline_available") and "JSXM" in state["layers"]:
        results = state["results"]
        assert results["algorithm"] == "redline_overlap"
        assert sum(results["counts"].values()) == len(results["rows"]) > 0
        assert state["selected"] is True
        verdicts = [row[2] for row in results["rows"]]
        ranks = {"不合规": 0, "需论证": 1, "合规": 2}
        assert [ranks[v] for v in verdicts] == sorted(ranks[v] for v in verdicts)  # FAIL first
        assert state["dock_pdf_pages"] == state["pdf_rows"] + 1  # cover + one page a project
        if state.get("algorithm_pdf"):
            assert state["algorithm_pdf_pages"] == len(results["rows"]) + 1
        assert "review_sheet" in state["screenshots"]
    for path in state["screenshots"].values():
        assert path and (tmp_path / "shots").joinpath(path.split("/")[-1]).stat().st_size > 10_000
