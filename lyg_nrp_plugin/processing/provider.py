"""The ``lyg_nrp`` Processing provider.

Algorithm modules import numpy/scipy/shapely. When one of those is missing (QGIS's Python on
Debian 12 ships shapely 1.8) the module cannot load; the provider then registers a stand-in
under the same id that refuses to run with the bilingual install message, so the toolbox,
models and ``qgis_process`` all say what to install instead of losing the algorithm silently.
"""

from __future__ import annotations

import importlib

from qgis.core import QgsProcessingException, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..deps import dependency_message
from ..log import log_warning
from ..paths import icon_path, version
from ..translate import tr
from .base import (
    GROUP_DATA,
    GROUP_ECOLOGY,
    GROUP_FARMLAND,
    GROUP_INDICATORS,
    GROUP_LEDGER,
    GROUP_REDLINE,
    LygAlgorithm,
)
from .names import display_name

PROVIDER_ID = "lyg_nrp"

# (module under processing/, class name, group) — one entry per algorithm, toolbox order.
ALGORITHMS = (
    ("redline_overlap", "RedlineOverlapAlgorithm", GROUP_REDLINE),
    ("landuse_occupation", "LanduseOccupationAlgorithm", GROUP_REDLINE),
    ("farmland_balance", "FarmlandBalanceAlgorithm", GROUP_FARMLAND),
    ("ledger_credit", "LedgerCreditAlgorithm", GROUP_LEDGER),
    ("ledger_debit", "LedgerDebitAlgorithm", GROUP_LEDGER),
    ("ledger_report", "LedgerReportAlgorithm", GROUP_LEDGER),
    ("build_corridors", "BuildCorridorsAlgorithm", GROUP_ECOLOGY),
    ("corridor_assessment", "CorridorAssessmentAlgorithm", GROUP_ECOLOGY),
    ("ecological_network", "EcologicalNetworkAlgorithm", GROUP_ECOLOGY),
    ("indicator_assessment", "IndicatorAssessmentAlgorithm", GROUP_INDICATORS),
    ("sample_data", "SampleDataAlgorithm", GROUP_DATA),
)


def unavailable_algorithm(alg_id: str, group_id: str, error: Exception) -> type[LygAlgorithm]:
    """A stand-in for an algorithm whose module could not be imported."""

    def reason() -> str:
        return dependency_message() or f"{alg_id}: {error!r}"

    class Unavailable(LygAlgorithm):
        ALG_ID = alg_id
        GROUP_ID = group_id

        def displayName(self) -> str:  # noqa: N802
            return tr("{name} (missing dependencies)").format(name=display_name(alg_id))

        def summary(self) -> str:
            return reason()

        def initAlgorithm(self, configuration=None):  # noqa: N802
            pass

        def canExecute(self):  # noqa: N802
            return False, reason()

        def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
            raise QgsProcessingException(reason())

    return Unavailable


def load_algorithm_classes() -> tuple[type, ...]:
    classes = []
    for module_name, class_name, group_id in ALGORITHMS:
        try:
            module = importlib.import_module(f"{__package__}.{module_name}")
            classes.append(getattr(module, class_name))
        except ImportError as error:
            log_warning(f"{module_name}: {error}")
            classes.append(unavailable_algorithm(module_name, group_id, error))
    return tuple(classes)


ALGORITHM_CLASSES = load_algorithm_classes()


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
        from .models import bundled_models

        for model in bundled_models():
            self.addAlgorithm(model)
