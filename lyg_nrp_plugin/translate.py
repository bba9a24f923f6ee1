"""One translation function for the whole plugin.

``pylupdate5`` files every module-level ``tr("…")`` call under the ``@default`` context, so
the runtime looks strings up there too. Arguments must be string literals (no f-strings);
format after translating: ``tr("{n} projects").format(n=3)``.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .paths import i18n_path

CONTEXT = "@default"
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def current_locale() -> str:
    """The QGIS user interface locale, e.g. ``zh_CN`` or ``en_US``."""
    from qgis.core import QgsApplication, QgsSettings

    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str)
    else:
        locale = QgsApplication.locale()
    return locale or "en"


CHINESE = "zh_CN"  # the one translation shipped: i18n/lyg_nrp_zh_CN.qm


def plugin_language(locale: str | None) -> str:
    """``zh_CN`` for every spelling of Chinese QGIS may store, else ``en``.

    QGIS's own 简体中文 setting stores ``zh-Hans`` (it ships ``qgis_zh-Hans.qm``); systems and
    older profiles say ``zh_CN``, ``zh-CN``, ``zh_Hans`` or plain ``zh``. Traditional spellings
    (``zh-Hant``, ``zh_TW``) get the simplified translation too: closer than English.
    """
    norm = (locale or "").strip().replace("-", "_").lower()
    if norm == "zh" or norm.startswith("zh_"):
        return CHINESE
    return "en"


def install_translator(locale: str | None = None) -> bool:
    """Load the plugin's translation for ``locale`` (default: QGIS's); True when loaded."""
    remove_translator()
    if plugin_language(locale or current_locale()) != CHINESE:
        return False
    qm = i18n_path(f"lyg_nrp_{CHINESE}.qm")
    translator = QTranslator()
    if qm.is_file() and translator.load(str(qm)):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
        return True
    return False


def remove_translator() -> None:
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())


def is_chinese() -> bool:
    """Reports and labels follow the same decision as the translator."""
    return plugin_language(current_locale()) == CHINESE
