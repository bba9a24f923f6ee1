"""The two ways QGIS loads the plugin, and that unload() leaves no trace."""

from __future__ import annotations

import importlib

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QDockWidget, QToolBar

import lyg_nrp_plugin
from lyg_nrp_plugin.plugin import MENU_OBJECT_NAME, TOOLBAR_OBJECT_NAME
from lyg_nrp_plugin.processing.provider import PROVIDER_ID

from .fake_iface import FakeIface

RESERVED_IDS = {
    "redline_overlap",
    "landuse_occupation",
    "farmland_balance",
    "ledger_credit",
    "ledger_debit",
    "ledger_report",
    "build_corridors",
    "corridor_assessment",
    "ecological_network",
    "indicator_assessment",
}


def provider_ids() -> set[str]:
    return {p.id() for p in QgsApplication.processingRegistry().providers()}


def traces(iface: FakeIface) -> dict[str, int]:
    window = iface.mainWindow()
    menus = [
        a
        for a in iface.pluginMenu().actions()
        if a.menu() is not None and a.menu().objectName() == MENU_OBJECT_NAME
    ]
    toolbars = [
        t
        for t in window.findChildren(QToolBar)
        if t.objectName() == TOOLBAR_OBJECT_NAME and not t.isHidden()
    ]
    docks = [
        d
        for d in window.findChildren(QDockWidget)
        if d.objectName().startswith("LygNrp") and window.dockWidgetArea(d) != 0
    ]
    return {
        "menus": len(menus),
        "toolbars": len(toolbars),
        "docks": len(docks),
        "provider": int(PROVIDER_ID in provider_ids()),
    }


def test_headless_path_registers_provider(qgis_processing):
    """qgis_process: classFactory(None) then initProcessing(), never initGui()."""
    plugin = lyg_nrp_plugin.classFactory(None)
    plugin.initProcessing()
    try:
        provider = QgsApplication.processingRegistry().providerById(PROVIDER_ID)
        assert provider is not None and provider.isActive()
        ids = {a.name() for a in provider.algorithms()}
        assert "sample_data" in ids
        assert ids <= RESERVED_IDS | {"sample_data"} | {a for a in ids if a.startswith("model_")}
        assert provider.versionInfo() == lyg_nrp_plugin.paths.version()
    finally:
        plugin.unload()
    assert PROVIDER_ID not in provider_ids()


def test_desktop_path_adds_menu_toolbar_docks_and_unload_removes_them(qgis_processing):
    iface = FakeIface()
    for _round in range(2):  # load, unload, load again: reloading must work
        plugin = lyg_nrp_plugin.classFactory(iface)
        plugin.initGui()
        present = traces(iface)
        assert present == {"menus": 1, "toolbars": 1, "docks": 2, "provider": 1}
        menu = next(
            a.menu()
            for a in iface.pluginMenu().actions()
            if a.menu() is not None and a.menu().objectName() == MENU_OBJECT_NAME
        )
        assert menu.title() in ("LYG Natural Resources", "连云港自然资源规划")
        plugin.unload()
        QgsApplication.processEvents()
        assert traces(iface) == {"menus": 0, "toolbars": 0, "docks": 0, "provider": 0}


def test_missing_dependency_refuses_with_install_command(qgis_processing, monkeypatch):
    from lyg_nrp_plugin import deps
    from lyg_nrp_plugin.processing.base import LygAlgorithm

    monkeypatch.setattr(deps, "missing_dependencies", lambda: ("shapely>=2.0,<3",))

    class Needy(LygAlgorithm):
        ALG_ID = "needy"

    ok, message = Needy().canExecute()
    assert not ok
    assert "pip install" in message and "shapely>=2.0,<3" in message
    assert "缺少" in message and "missing" in message  # Chinese and English
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="shapely"):
        Needy().check_dependencies()


def test_without_shapely_every_algorithm_stays_listed_and_refuses():
    """QGIS's own Python on Debian 12 has shapely 1.8: the toolbox must say what to install."""
    import subprocess
    import sys

    from .conftest import ROOT

    code = (
        "import sys; sys.modules['shapely'] = None\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "from lyg_nrp_plugin import deps\n"
        "deps.REQUIRED['shapely'] = ((2, 0), 'shapely>=2.0,<3')\n"
        "from lyg_nrp_plugin.processing.provider import ALGORITHM_CLASSES\n"
        "for cls in ALGORITHM_CLASSES:\n"
        "    alg = cls(); alg.initAlgorithm()\n"
        "    ok, message = alg.canExecute()\n"
        "    print(alg.name(), ok, 'pip install' in message and 'shapely' in message)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.strip().splitlines())
    assert set(lines) == RESERVED_IDS | {"sample_data"}
    assert lines.pop("sample_data") == "True False"  # needs nothing beyond QGIS
    assert set(lines.values()) == {"False True"}


def test_first_start_message_is_escaped_with_copyable_details(qgis_processing, monkeypatch):
    """Requirements hold ``<``: the bar shows them as text, 显示详情 shows the command."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QTextDocument
    from qgis.PyQt.QtWidgets import QPushButton

    import lyg_nrp_plugin
    from lyg_nrp_plugin import deps

    monkeypatch.setattr(deps, "missing_dependencies", lambda: ("shapely>=2.0,<3",))
    iface = FakeIface()
    plugin = lyg_nrp_plugin.classFactory(iface)
    plugin.initGui()
    try:
        item = iface.messageBar().items[-1]
        shown = QTextDocument()
        shown.setHtml(item.text())
        assert "shapely>=2.0,<3" in shown.toPlainText()  # not swallowed as a tag
        buttons = item.findChildren(QPushButton)
        assert [b.text() for b in buttons if b.text() in ("Show details", "显示详情")]
        box = plugin.dependency_details(deps.dependency_message())
        assert box.textFormat() == Qt.PlainText
        assert "shapely>=2.0,<3" in box.text()
        assert "pip install" in box.detailedText() and "shapely>=2.0,<3" in box.detailedText()
        box.close()
    finally:
        plugin.unload()


def test_stand_ins_keep_their_chinese_names():
    """Without shapely the toolbox lists the stand-ins by their translated names, not raw ids."""
    import subprocess
    import sys

    from .conftest import ROOT

    code = (
        "import sys; sys.modules['shapely'] = None\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "from lyg_nrp_plugin.translate import install_translator\n"
        "assert install_translator('zh-Hans')\n"
        "from lyg_nrp_plugin.processing.provider import ALGORITHM_CLASSES\n"
        "for cls in ALGORITHM_CLASSES:\n"
        "    alg = cls(); print(alg.name(), alg.displayName())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = dict(line.split(" ", 1) for line in result.stdout.strip().splitlines())
    assert names["redline_overlap"].startswith("红线冲突检测")
    assert names["farmland_balance"].startswith("耕地占补平衡")
    for alg_id, name in names.items():
        assert alg_id not in name and any("\u4e00" <= ch <= "\u9fff" for ch in name), name


def test_load_sample_data_keeps_map_order_and_a_persistent_copy(
    qgis_processing, tmp_path, monkeypatch
):
    """加载示例数据: a copy in the profile (reused next time), lines over polygons, DLTB last."""
    from qgis.core import QgsProject

    import lyg_nrp_plugin
    from lyg_nrp_plugin import sample_project

    monkeypatch.setattr(sample_project, "sample_folder", lambda: tmp_path / "lyg_nrp_sample")
    iface = FakeIface()
    plugin = lyg_nrp_plugin.classFactory(iface)
    plugin.initGui()
    try:
        plugin.run_sample_data()
        copy = tmp_path / "lyg_nrp_sample" / "lyg_sample.gpkg"
        assert copy.is_file()
        group = QgsProject.instance().layerTreeRoot().children()[0]
        names = [child.layer().source().split("layername=")[1] for child in group.children()]
        assert names[:2] == ["HAX", "SX"]  # lines on top
        assert names[-1] == "DLTB"  # parcels at the bottom
        assert names.index("JSXM") < names.index("XZQ")
        stamp = copy.stat().st_mtime_ns
        plugin.run_sample_data()  # the existing copy (and the edits in it) is reused
        assert copy.stat().st_mtime_ns == stamp
    finally:
        QgsProject.instance().clear()
        plugin.unload()


def test_sample_project_opens_with_styled_layers(qgis_processing, tmp_path):
    """The bundled .qgz opens from a copy, every layer valid, styles applied, inputs untouched."""
    import pyogrio
    from qgis.core import QgsCategorizedSymbolRenderer, QgsProject

    from lyg_nrp_plugin.sample_project import copy_sample_project

    from .conftest import SAMPLE_GPKG

    path = copy_sample_project(tmp_path)
    project = QgsProject()
    assert project.read(str(path))
    layers = {
        layer.source().split("layername=")[-1]: layer for layer in project.mapLayers().values()
    }
    expected = {name for name, _ in pyogrio.list_layers(SAMPLE_GPKG)}
    assert set(layers) == expected
    for name, layer in layers.items():
        assert layer.isValid(), name
        assert str(tmp_path) in layer.source(), name  # the copy, not the plugin's file
        assert layer.featureCount() == pyogrio.read_info(SAMPLE_GPKG, layer=name)["features"]
    assert isinstance(layers["DLTB"].renderer(), QgsCategorizedSymbolRenderer)
    assert layers["JSXM"].labelsEnabled()
    assert project.crs().authid() == "EPSG:4549"


def test_menu_opens_each_bundled_model_in_the_modeler(qgis_processing, monkeypatch):
    """Plugins ▸ LYG ▸ Edit a review model: one entry per model, opening a copy that saving
    does not write over the plugin's own file."""
    modeler_module = importlib.import_module("processing.modeler.ModelerDialog")

    opened = []

    class FakeModeler:
        @staticmethod
        def create(model):
            opened.append(model)
            return type("Dialog", (), {"show": lambda self: None})()

    monkeypatch.setattr(modeler_module, "ModelerDialog", FakeModeler)
    iface = FakeIface()
    plugin = lyg_nrp_plugin.classFactory(iface)
    plugin.initGui()
    try:
        actions = [a for a in plugin.actions if a.objectName().startswith("lyg_nrp_edit_")]
        assert len(actions) == 3
        for action in actions:
            action.trigger()
        assert [m.childAlgorithms().keys() for m in opened][0] >= {"redline", "balance"}
        assert all(m.sourceFilePath() == "" and m.validate()[0] for m in opened)
    finally:
        plugin.unload()
