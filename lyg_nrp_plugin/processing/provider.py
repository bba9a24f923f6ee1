"""The ``lyg_nrp`` Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..paths import icon_path, version
from ..translate import tr
from .build_corridors import BuildCorridorsAlgorithm
from .corridor_assessment import CorridorAssessmentAlgorithm
from .ecological_network import EcologicalNetworkAlgorithm
from .farmland_balance import FarmlandBalanceAlgorithm
from .indicator_assessment import IndicatorAssessmentAlgorithm
from .landuse_occupation import LanduseOccupationAlgorithm
from .redline_overlap import RedlineOverlapAlgorithm
from .sample_data import SampleDataAlgorithm

PROVIDER_ID = "lyg_nrp"

# One entry per algorithm module. Ids reserved for later work: redline_overlap,
# landuse_occupation, farmland_balance, build_corridors, corridor_assessment,
# ecological_network, indicator_assessment.
ALGORITHM_CLASSES = (SampleDataAlgorithm, FarmlandBalanceAlgorithm, RedlineOverlapAlgorithm,
                     LanduseOccupationAlgorithm,
                     BuildCorridorsAlgorithm, CorridorAssessmentAlgorithm,
                     IndicatorAssessmentAlgorithm, EcologicalNetworkAlgorithm,)


class LygNrpProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("LYG Natural Resources Plan")

    def longName(self) -> str:  # noqa: N802
        return tr("Lianyungang 14th Five-Year natural-resources plan checks") + f" {version()}"

    def icon(self) -> QIcon:
        return QIcon(icon_path("icon.svg"))

    def versionInfo(self) -> str:  # noqa: N802
        return version()

    def loadAlgorithms(self) -> None:  # noqa: N802
        for algorithm_class in ALGORITHM_CLASSES:
            self.addAlgorithm(algorithm_class())
