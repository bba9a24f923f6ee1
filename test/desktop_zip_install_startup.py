"""Run inside QGIS Desktop (--code): install the plugin zip as a user would, record the state."""

import json
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QToolBar
from qgis.utils import iface, plugins

STATE = os.environ["LYG_TEST_STATE"]
ZIP = os.environ["LYG_TEST_ZIP"]


def install():
    state = {}
    try:
        import pyplugin_installer

        pyplugin_installer.instance().installFromZipFile(ZIP)
        window = iface.mainWindow()
        state["loaded"] = "lyg_nrp_plugin" in plugins
        provider = QgsApplication.processingRegistry().providerById("lyg_nrp")
        state["provider"] = provider is not None
        state["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else []
        state["menus"] = [a.text() for a in iface.pluginMenu().actions() if a.menu()]
        state["toolbars"] = [t.objectName() for t in window.findChildren(QToolBar)]
        state["docks"] = [d.objectName() for d in window.findChildren(QDockWidget)]
        from lyg_nrp_plugin.deps import dependency_message

        state["dependency_message"] = dependency_message()
        # reload as the plugin manager does: unload must leave no duplicate behind
        from qgis.utils import reloadPlugin

        reloadPlugin("lyg_nrp_plugin")
        state["menus_after_reload"] = [a.text() for a in iface.pluginMenu().actions() if a.menu()]
        state["docks_after_reload"] = [
            d.objectName()
            for d in window.findChildren(QDockWidget)
            if d.objectName().startswith("LygNrp") and window.dockWidgetArea(d) != 0
        ]
    except Exception as error:  # recorded for the test to show
        state["error"] = repr(error)
    with open(STATE, "w", encoding="utf-8") as handle:
        json.dump(state, handle, ensure_ascii=False)
    QApplication.instance().quit()


QTimer.singleShot(3000, install)
