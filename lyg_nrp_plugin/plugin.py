"""The plugin object QGIS creates: provider always, menu/toolbar/docks only with a GUI.

``qgis_process`` calls ``classFactory(None)`` then ``initProcessing()``; QGIS Desktop calls
``initGui()``. The constructor touches neither ``iface`` nor any widget.
"""

from __future__ import annotations

import html

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu, QMessageBox, QPushButton

from .deps import dependency_message, install_command
from .log import log_warning
from .paths import icon_path
from .translate import install_translator, remove_translator, tr

MENU_OBJECT_NAME = "LygNrpMenu"
TOOLBAR_OBJECT_NAME = "LygNrpToolbar"
DOCK_WIDTH = 640  # px, for a dock that does not say (the indicator dashboard's toolbar fits)


class LygNrpPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.menu: QMenu | None = None
        self.toolbar = None
        self.actions: list[QAction] = []
        self.docks: list = []
        self._widened: set[str] = set()
        install_translator()

    # --- Processing (also headless) -----------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802
        if self.provider is not None:
            return
        from .processing.provider import LygNrpProvider

        provider = LygNrpProvider()
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider
        else:  # already registered (another instance): the registry deleted this one
            log_warning("lyg_nrp provider already registered; not added twice")
        message = dependency_message()
        if message:
            log_warning(message)

    # --- Desktop ---------------------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802
        self.initProcessing()
        from .gui.indicator_dock import IndicatorDock
        from .gui.results_dock import ResultsDock

        main_window = self.iface.mainWindow()
        self.menu = QMenu(tr("LYG Natural Resources"), main_window)
        self.menu.setObjectName(MENU_OBJECT_NAME)
        self.menu.setIcon(QIcon(icon_path("icon.svg")))
        self.iface.pluginMenu().addMenu(self.menu)
        self.toolbar = self.iface.addToolBar(tr("LYG Natural Resources"))
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)

        for dock_class in (IndicatorDock, ResultsDock):
            dock = dock_class(main_window, self.iface)
            self.iface.addDockWidget(Qt.RightDockWidgetArea, dock)
            dock.hide()
            dock.visibilityChanged.connect(lambda shown, d=dock: shown and self.widen(d))
            self.docks.append(dock)
            action = dock.toggleViewAction()
            action.setIcon(
                QIcon(icon_path("dashboard.svg" if dock_class is IndicatorDock else "results.svg"))
            )
            self._add_action(action, owned=False)

        self._add_action(
            self._new_action(tr("Load sample data"), "sample.svg", self.run_sample_data)
        )
        self._add_action(
            self._new_action(tr("Open sample project"), "data.svg", self.open_sample_project)
        )
        self._add_action(
            self._new_action(
                tr("Plan indicator assessment…"), "indicators.svg", self.run_indicator_assessment
            )
        )
        self._add_model_menu()
        message = dependency_message()
        if message:
            self.show_dependency_message(message)

    def _add_model_menu(self) -> None:
        """Plugins ▸ LYG ▸ Edit a review model ▸ one entry per bundled model."""
        from .processing.models import model_names

        models_menu = self.menu.addMenu(QIcon(icon_path("icon.svg")), tr("Edit a review model"))
        for model_id, name in model_names().items():
            action = QAction(name, self.iface.mainWindow())
            action.setObjectName(f"lyg_nrp_edit_{model_id}")
            action.triggered.connect(lambda _checked=False, m=model_id: self.edit_model(m))
            models_menu.addAction(action)
            self.actions.append(action)

    def edit_model(self, model_id: str):
        """Open a copy of the model in QGIS's Graphical Modeler."""
        from processing.modeler.ModelerDialog import ModelerDialog

        from .processing.models import editable_model

        dialog = ModelerDialog.create(editable_model(model_id))
        dialog.show()
        return dialog

    def widen(self, dock) -> None:
        """A docked dock opens at its usable width (QGIS gives new docks ≈ 300 px, which hides
        toolbar buttons behind »); once per session, later the user's width stays."""
        width = getattr(dock, "PREFERRED_WIDTH", DOCK_WIDTH)
        if dock.objectName() in self._widened or dock.isFloating() or dock.width() >= width:
            return
        self._widened.add(dock.objectName())
        self.iface.mainWindow().resizeDocks([dock], [width], Qt.Horizontal)

    def show_dependency_message(self, message: str) -> None:
        """One line in the message bar (escaped: requirements hold ``<``) and a 显示详情 button
        with the whole message and the install command as copyable plain text."""
        first_line = message.splitlines()[0]
        bar = self.iface.messageBar()
        item = bar.createMessage(tr("LYG Natural Resources"), html.escape(first_line))
        button = QPushButton(tr("Show details"), item)
        button.clicked.connect(lambda: self.dependency_details(message))
        item.layout().addWidget(button)
        bar.pushWidget(item, Qgis.Warning)

    def dependency_details(self, message: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Warning, tr("LYG Natural Resources"), "", parent=None)
        box.setTextFormat(Qt.PlainText)
        box.setText(message)
        box.setDetailedText(install_command())
        box.setTextInteractionFlags(Qt.TextSelectableByMouse)
        box.show()
        return box

    def _new_action(self, text: str, icon: str, slot) -> QAction:
        action = QAction(QIcon(icon_path(icon)), text, self.iface.mainWindow())
        action.triggered.connect(slot)
        return action

    def _add_action(self, action: QAction, owned: bool = True) -> None:
        self.menu.addAction(action)
        self.toolbar.addAction(action)
        if owned:
            self.actions.append(action)

    def run_sample_data(self) -> None:
        """Copy the sample to the persistent folder (reused when there) and add its layers in
        map order — points and lines over polygons, the parcels at the bottom."""
        import processing

        from .processing.sample_data import default_destination, sample_layers
        from .sample_project import add_sample_layers

        results = processing.run("lyg_nrp:sample_data", {"DESTINATION": default_destination()})
        add_sample_layers(results["DESTINATION"], sample_layers())
        self.iface.messageBar().pushInfo(
            tr("LYG Natural Resources"),
            tr("Sample data loaded from {path}").format(path=results["DESTINATION"]),
        )

    def open_sample_project(self) -> None:
        """Copy the styled sample project and its GeoPackage to a writable folder and open it."""
        from .sample_project import copy_sample_project

        if not self.iface.newProject(True):  # the user cancelled saving the current project
            return
        path = copy_sample_project()
        if not QgsProject.instance().read(str(path)):
            self.iface.messageBar().pushWarning(
                tr("LYG Natural Resources"),
                tr("Could not open the sample project {path}").format(path=path),
            )

    def run_indicator_assessment(self):
        """The algorithm dialog, opened with the dashboard's layers and options (the layers its
        settings matched or the user chose, the TARGETS file, the wetland definition)."""
        from processing import execAlgorithmDialog

        from .gui.indicator_settings import algorithm_parameters, load_settings

        parameters = algorithm_parameters(load_settings())
        return execAlgorithmDialog("lyg_nrp:indicator_assessment", parameters)

    def dock(self, object_name: str):
        return next((d for d in self.docks if d.objectName() == object_name), None)

    def unload(self) -> None:
        for dock in self.docks:
            if hasattr(dock, "teardown"):
                dock.teardown()
            self.iface.removeDockWidget(dock)
            dock.deleteLater()
        self.docks = []
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        if self.menu is not None:
            self.iface.pluginMenu().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.toolbar.hide()
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
