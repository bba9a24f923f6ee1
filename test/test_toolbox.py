"""The toolbox: groups in the planner's workflow order (as QGIS 3.22's own toolbox model sorts
them) and a help page behind every algorithm dialog's Help button."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QModelIndex, Qt, QUrl

from lyg_nrp_plugin.processing import toolbox
from lyg_nrp_plugin.processing.provider import ALGORITHMS


def toolbox_groups() -> list[str]:
    """The group names under the lyg_nrp provider, in the order QGIS's toolbox shows them."""
    from qgis.gui import QgsProcessingToolboxProxyModel

    model = QgsProcessingToolboxProxyModel(None, QgsApplication.processingRegistry())
    model.sort(0)
    provider_name = QgsApplication.processingRegistry().providerById("lyg_nrp").name()
    for row in range(model.rowCount(QModelIndex())):
        node = model.index(row, 0, QModelIndex())
        if node.data(Qt.DisplayRole) == provider_name:
            children = [model.index(r, 0, node) for r in range(model.rowCount(node))]
            return [c.data(Qt.DisplayRole) for c in children if model.rowCount(c)]
    raise AssertionError("lyg_nrp is not in the toolbox")


def test_groups_follow_the_workflow(provider):
    shown = toolbox_groups()
    present = {group for _, _, group in ALGORITHMS} | {toolbox.GROUP_MODELS}
    expected = [toolbox.group_title(g) for g in toolbox.WORKFLOW if g in present]
    titles = [name.split(" ", 1)[1] if name[0].isdigit() else name for name in shown]
    assert titles == expected  # red line, farmland, (ledger), ecology, indicators, data, models
    assert shown[0] == "1 " + toolbox.group_title(toolbox.GROUP_REDLINE)


def test_every_algorithm_has_a_help_page(provider):
    for algorithm in provider.algorithms():
        if algorithm.name().startswith("model_"):
            continue
        url = QUrl(algorithm.helpUrl())
        assert url.isValid() and url.toString(), algorithm.name()
        if url.isLocalFile():  # the repository checkout (and a package with docs/)
            page = Path(url.toLocalFile())
            assert page.is_file() and page.stem == algorithm.name()
