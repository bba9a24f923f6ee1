"""In a Chinese QGIS (zh-Hans, QGIS's own 简体中文 setting) the reports of redline_overlap and
landuse_occupation show no raw English code: verdicts read 不合规 / 需论证 / 合规, classes and
controls by their Chinese names."""

from __future__ import annotations

import html
import re

import pytest

from .helpers.redline_case import CLASS_NAMES, box, class_projects, polygons, row_box
from .helpers.runner import run_algorithm

CODES = ("FAIL", "REVIEW", "PASS", "NULL", *CLASS_NAMES, "eco_space", "udb_out", "pa_core")


@pytest.fixture()
def chinese(qgis_processing):
    from qgis.core import QgsSettings

    from lyg_nrp_plugin.translate import install_translator, remove_translator

    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh-Hans")
    try:
        assert install_translator()
        yield
    finally:
        remove_translator()
        settings.setValue("locale/overrideFlag", saved[0] if saved[0] is not None else False)
        settings.setValue("locale/userLocale", saved[1] or "")


def visible_text(path) -> str:
    """The report's text as a reader sees it, without the inputs table (it lists data-source
    URIs) and without the embedded map."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
    text = re.sub(r'src="data:image/png;base64,[^"]*"', "", text)
    text = text.split("</table>", 1)[1]  # the inputs and data sources table comes first
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def test_redline_report_in_chinese_has_no_codes(provider, chinese, tmp_path):
    names = list(CLASS_NAMES.values())
    eco = polygons([row_box(k, 0, 50) for k in range(len(names))], "STBHHX")
    space = polygons([row_box(k, 50, 100) for k in range(len(names))], "STKJGKQY")
    report = tmp_path / "r.html"
    run_algorithm(
        "lyg_nrp:redline_overlap",
        {
            "INPUT": class_projects([*names, "未知类别"]),
            "ECO_REDLINE": eco,
            "ECO_SPACE": space,
            "DEV_BOUNDARY": polygons([box(-500, -500, 5000, 500)], "CZKFBJ"),
            "OUTPUT": "memory:",
            "REPORT": str(report),
        },
    )
    text = visible_text(report)
    for code in CODES:
        assert not re.search(rf"\b{code}\b", text), code
    for word in ("不合规", "需论证", "国家重大项目", "生态空间管控区域", "适用的规则矩阵", "依据"):
        assert word in text, word


def test_landuse_report_in_chinese_has_no_codes(provider, chinese, tmp_path):
    from qgis.PyQt.QtCore import QVariant

    from .helpers.layers import make_layer

    parcels = make_layer(
        "Polygon",
        "EPSG:4549",
        [("DLBM", QVariant.String)],
        [(("0101",), box(0, 0, 50, 100)), ((None,), box(50, 0, 100, 100))],
        "DLTB",
    )
    report = tmp_path / "o.html"
    run_algorithm(
        "lyg_nrp:landuse_occupation",
        {
            "INPUT": class_projects(["x"]),
            "LANDUSE": parcels,
            "OUTPUT": "memory:",
            "REPORT": str(report),
        },
    )
    text = visible_text(report)
    for code in CODES:
        assert not re.search(rf"\b{code}\b", text), code
    for word in ("农用地", "建设用地", "未利用地", "地类编码", "（空）"):
        assert word in text, word
