"""审查结果 — the check-results dock (filled as the check algorithms land)."""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..translate import tr


class ResultsDock(QgsDockWidget):
    OBJECT_NAME = "LygNrpResultsDock"

    def __init__(self, parent=None):
        super().__init__(tr("Check results"), parent)
        self.setObjectName(self.OBJECT_NAME)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.placeholder = QLabel(
            tr("No check has run yet. Results of the red-line, farmland-balance, corridor and "
               "network checks will be listed here."),
            body,
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        layout.addWidget(self.placeholder)
        self.setWidget(body)
