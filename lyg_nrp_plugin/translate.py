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


def install_translator(locale: str | None = None) -> bool:
    """Load ``i18n/lyg_nrp_<locale>.qm`` (``zh_CN``, then ``zh``); True when one was loaded."""
    remove_translator()
    locale = locale or current_locale()
    for name in (locale[:5], locale[:2]):
        qm = i18n_path(f"lyg_nrp_{name}.qm")
        if not qm.is_file():
            continue
        translator = QTranslator()
        if translator.load(str(qm)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            return True
    return False


def remove_translator() -> None:
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())


def is_chinese() -> bool:
    return current_locale().lower().startswith("zh")
