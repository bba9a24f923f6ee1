"""``lyg_nrp:ledger_debit`` — 占用耕地指标核销 (debit a project's occupied farmland).

The occupied farmland of one project (``OCCUPIED`` with the ``OCC_*`` fields of
``farmland_balance``) uses three 指标 — net area, its 0101 area and its grain capacity — which
are debited from ``SOURCE_COUNTY`` (default: the project's own ``COUNTY``). Another county
paying is a 跨区域调剂 (the plan's 七（二）), refused unless ``ALLOW_TRANSFER``, and recorded as a
transfer. Refused, with nothing written, when any balance is short or the project was already
debited.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterString,
)

from ...core import farmland_balance as fb
from ...core import ledger as lg
from ...core.progress import Progress
from ...translate import tr
from ..base import GROUP_LEDGER, LygAlgorithm
from ..io import farmland as shared
from ..io import ledger as io_ledger
from ..io.farmland_messages import input_error_message
from ..params import add_area_method, add_count_outputs
from .help import parameter_help
from .inputs import read_inputs
from .run import count_outputs, log_run, run_debit


class LedgerDebitAlgorithm(shared.OccupiedNames, LygAlgorithm):
    ALG_ID = "ledger_debit"
    GROUP_ID = GROUP_LEDGER
    ICON = "farmland.svg"

    LEDGER = io_ledger.LEDGER
    OPERATOR = io_ledger.OPERATOR
    PROJECT_ID = "PROJECT_ID"
    COUNTY = "COUNTY"
    SOURCE_COUNTY = "SOURCE_COUNTY"
    ALLOW_TRANSFER = "ALLOW_TRANSFER"
    NOTE = "NOTE"
    AREA_METHOD = "AREA_METHOD"
    KIND = "KIND"
    QUANTITY_M2 = "QUANTITY_M2"
    PADDY_M2 = "PADDY_M2"
    CAPACITY_KG = "CAPACITY_KG"
    AVAILABLE_M2 = "AVAILABLE_M2"
    AVAILABLE_PADDY_M2 = "AVAILABLE_PADDY_M2"
    AVAILABLE_CAP_KG = "AVAILABLE_CAP_KG"

    def displayName(self) -> str:  # noqa: N802
        return tr("Debit occupied farmland quota")

    def summary(self) -> str:
        return tr(
            "Debits the quota (指标) a construction project's occupied farmland uses — net "
            "area, paddy area and grain capacity — from its county, or from another county as a "
            "recorded cross-county transfer (跨区域调剂) when allowed. Refused, with nothing "
            "written, when any of the three balances is short or the project was debited before."
        )

    def parameter_help(self) -> dict[str, str]:
        return parameter_help(self)

    def initAlgorithm(self, configuration=None):  # noqa: N802
        io_ledger.add_ledger(self)
        shared.add_occupied(self)
        for name, title, optional in (
            (self.PROJECT_ID, tr("Occupying project id"), False),
            (self.COUNTY, tr("Occupying county"), False),
            (self.SOURCE_COUNTY, tr("Paying county (default: the occupying county)"), True),
        ):
            self.addParameter(QgsProcessingParameterString(name, title, optional=optional))
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ALLOW_TRANSFER, tr("Allow a cross-county transfer (跨区域调剂)"), False
            )
        )
        shared.add_capacity_table(self)
        add_area_method(self, self.AREA_METHOD)
        io_ledger.add_operator(self)
        self.addParameter(QgsProcessingParameterString(self.NOTE, tr("Note"), optional=True))
        self.addOutput(QgsProcessingOutputString(self.KIND, tr("Entry kind")))
        add_count_outputs(
            self,
            (
                (self.QUANTITY_M2, tr("Quantity debited (m²)")),
                (self.PADDY_M2, tr("Paddy debited (m²)")),
                (self.CAPACITY_KG, tr("Grain capacity debited (kg)")),
                (self.AVAILABLE_M2, tr("Quantity still available (m²)")),
                (self.AVAILABLE_PADDY_M2, tr("Paddy still available (m²)")),
                (self.AVAILABLE_CAP_KG, tr("Grain capacity still available (kg)")),
            ),
        )
        self.add_help_to_parameters()

    def process(self, parameters, context, feedback) -> dict:
        inputs = read_inputs(self, parameters, context, feedback)
        try:
            feedback.setProgress(60)
            run = run_debit(inputs, Progress(feedback, 60, 100))
        except fb.BalanceInputError as error:
            raise QgsProcessingException(input_error_message(error)) from None
        except lg.LedgerError as error:
            raise QgsProcessingException(io_ledger.ledger_error_message(error)) from None
        finally:
            inputs.ledger.close()
        log_run(run, feedback)
        feedback.setProgress(100)
        io_ledger.publish_balances(run.outcome.balances)
        return count_outputs(self, run)
