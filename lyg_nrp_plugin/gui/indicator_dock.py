"""指标看板 — the indicator dashboard dock (filled by the indicator work)."""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..translate import tr


class IndicatorDock(QgsDockWidget):
    OBJECT_NAME = "LygNrpIndicatorDock"

    def __init__(self, parent=None):
        super().__init__(tr("Plan indicator dashboard"), parent)
        self.setObjectName(self.OBJECT_NAME)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.placeholder = QLabel(
            tr("No indicators computed yet. Run \u201cPlan indicator assessment\u201d to fill "
               "this dashboard."),
            body,
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        layout.addWidget(self.placeholder)
        self.setWidget(body)
