"""Chinese first: every tr() literal is extracted, translated, compiled and used at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from .conftest import ROOT

TS = ROOT / "i18n" / "lyg_nrp_zh_CN.ts"


def tr_literals() -> dict[str, str]:
    """Every string literal passed to tr(...) in the package, found by AST (literal -> file)."""
    found = {}
    for path in sorted((ROOT / "lyg_nrp_plugin").rglob("*.py")):
        if "ext_libs" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
            ):
                arg = node.args[0]
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (
                    f"{path.name}:{node.lineno}: tr() needs a string literal"
                )
                found[arg.value] = f"{path.name}:{node.lineno}"
    return found


def ts_messages() -> dict[str, str | None]:
    root = ET.parse(TS).getroot()
    messages = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        unfinished = translation is None or translation.get("type") == "unfinished"
        messages[message.findtext("source")] = None if unfinished else translation.text
    return messages


def test_ts_is_complete_and_up_to_date():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_every_tr_literal_is_in_the_ts_and_translated():
    """Catches what pylupdate5 cannot see: tr() inside f-strings, \\u escapes in literals."""
    messages = ts_messages()
    missing = {text: where for text, where in tr_literals().items() if not messages.get(text)}
    assert not missing


def test_chinese_under_zh_cn(provider):
    from lyg_nrp_plugin.translate import install_translator, remove_translator, tr

    assert install_translator("zh_CN")
    try:
        assert tr("LYG Natural Resources") == "连云港自然资源规划"
        assert tr("Load sample data") == "加载示例数据"
        from lyg_nrp_plugin.processing.provider import ALGORITHM_CLASSES, LygNrpProvider

        assert LygNrpProvider().name() == "连云港自然资源规划"
        for algorithm_class in ALGORITHM_CLASSES:
            algorithm = algorithm_class()
            algorithm.initAlgorithm()
            assert any("\u4e00" <= ch <= "\u9fff" for ch in algorithm.displayName()), (
                algorithm.name()
            )
            assert any("\u4e00" <= ch <= "\u9fff" for ch in algorithm.group())
    finally:
        remove_translator()
    assert tr("LYG Natural Resources") == "LYG Natural Resources"


@pytest.mark.parametrize(
    "group", ["Red-line control", "Farmland protection", "Ecological corridors", "Plan indicators"]
)
def test_group_names_translated(group):
    assert ts_messages()[group] in {"红线管控", "耕地保护", "生态廊道", "规划指标"}


@pytest.mark.parametrize("spelling", ["zh-Hans", "zh_Hans", "zh-CN", "zh_CN", "zh"])
def test_every_chinese_spelling_loads_the_translation(qgis_processing, spelling):
    """QGIS's own 简体中文 setting stores zh-Hans; older profiles and systems say zh_CN …"""
    from qgis.core import QgsSettings

    from lyg_nrp_plugin.translate import install_translator, is_chinese, remove_translator, tr

    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", spelling)
    try:
        assert install_translator()  # no argument: what QGIS's setting says
        assert tr("Load sample data") == "加载示例数据"
        assert is_chinese()  # reports follow the same decision
    finally:
        remove_translator()
        settings.setValue("locale/overrideFlag", saved[0] if saved[0] is not None else False)
        settings.setValue("locale/userLocale", saved[1] or "")


@pytest.mark.parametrize("spelling", ["en_US", "en", "de_DE", ""])
def test_other_locales_stay_english(qgis_processing, spelling):
    from lyg_nrp_plugin.translate import install_translator, plugin_language, tr

    assert plugin_language(spelling) == "en"
    assert not install_translator(spelling or "en")
    assert tr("Load sample data") == "Load sample data"
