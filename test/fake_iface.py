"""A small QgisInterface stand-in built on a real QMainWindow.

pytest-qgis's mock iface lacks pluginMenu()/removeDockWidget(), and its stubs cannot show
whether unload() left anything behind; this one puts menus, toolbars and docks into a real
main window so tests can look for traces.
"""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QMainWindow, QMenu


class RecordingMessageBar:
    """Records what is pushed; message widgets are real ``QgsMessageBarItem``s."""

    def __init__(self):
        self.messages: list[tuple[str, str, str]] = []
        self.items: list = []

    @staticmethod
    def createMessage(title: str, text: str, parent=None):  # noqa: N802
        from qgis.gui import QgsMessageBar

        return QgsMessageBar.createMessage(title, text, parent)

    def pushWidget(self, item, level=None, duration: int = 0):  # noqa: N802
        self.items.append(item)
        self.messages.append(("widget", item.title(), item.text()))
        return item

    def pushWarning(self, title: str, text: str) -> None:
        self.messages.append(("warning", title, text))

    def pushInfo(self, title: str, text: str) -> None:
        self.messages.append(("info", title, text))

    def pushSuccess(self, title: str, text: str) -> None:
        self.messages.append(("success", title, text))

    def pushCritical(self, title: str, text: str) -> None:
        self.messages.append(("critical", title, text))


class FakeIface:
    def __init__(self):
        self._main_window = QMainWindow()
        self._plugin_menu = QMenu("&Plugins", self._main_window)
        self._main_window.menuBar().addMenu(self._plugin_menu)
        self._message_bar = RecordingMessageBar()

    def mainWindow(self) -> QMainWindow:
        return self._main_window

    def pluginMenu(self) -> QMenu:
        return self._plugin_menu

    def messageBar(self) -> RecordingMessageBar:
        return self._message_bar

    def addToolBar(self, name: str):
        return self._main_window.addToolBar(name)

    def addDockWidget(self, area, dock) -> None:
        self._main_window.addDockWidget(area, dock)

    def removeDockWidget(self, dock) -> None:
        self._main_window.removeDockWidget(dock)
