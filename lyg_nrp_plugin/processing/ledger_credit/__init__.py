"""``lyg_nrp:ledger_credit`` — 补充耕地指标入库 (credit supplementary farmland to the ledger).

Each supplementary plot is credited by the rules of ``farmland_balance`` (new land, 旱改水,
提质改造, refused sources; net of KCXS — one implementation, :func:`core.farmland_balance.
credit_plots`), the credits are summed per project (``PROJECT_FIELD``) and recorded for the
county that owns them (``COUNTY_FIELD``) in the ledger (``LEDGER``, created when it does not
exist) — one transaction, refused with nothing written when a project is already credited or
a plot overlaps land already in the ledger by more than ``MIN_AREA``.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...core import farmland_balance as fb
from ...core import ledger as lg
from ...core.progress import Progress
from ...translate import tr
from ..base import GROUP_LEDGER, LygAlgorithm
from ..io import farmland as shared
from ..io import ledger as io_ledger
from ..io.farmland_messages import input_error_message
from ..params import add_analysis_crs, add_area_method, add_count_outputs, field_parameter
from .help import parameter_help
from .inputs import read_inputs
from .outputs import CREDITED_FIELDS, count_outputs, log_run, write_credited
from .run import compute, write


class LedgerCreditAlgorithm(shared.PlotNames, LygAlgorithm):
    ALG_ID = "ledger_credit"
    GROUP_ID = GROUP_LEDGER
    ICON = "farmland.svg"

    LEDGER = io_ledger.LEDGER
    OPERATOR = io_ledger.OPERATOR
    COUNTY_FIELD = "COUNTY_FIELD"
    PROJECT_FIELD = "PROJECT_FIELD"
    NOTE = "NOTE"
    AREA_METHOD = "AREA_METHOD"
    ANALYSIS_CRS = "ANALYSIS_CRS"
    CREDITED = "CREDITED"
    N_PROJECTS = "N_PROJECTS"
    N_PLOTS = "N_PLOTS"
    QUANTITY_M2 = "QUANTITY_M2"
    PADDY_M2 = "PADDY_M2"
    CAPACITY_KG = "CAPACITY_KG"

    def displayName(self) -> str:  # noqa: N802
        return tr("Credit supplementary farmland quota")

    def summary(self) -> str:
        return tr(
            "Records the quota (补充耕地指标: quantity, paddy, grain capacity) that accepted "
            "supplementary farmland adds, per project and county, in the append-only ledger. "
            "Each plot is credited by the rules of the farmland balance (only new land counts "
            "as quantity; 旱改水 and 提质改造 add paddy and capacity; net of field ridges). A "
            "project credited before, or a plot on land already in the ledger, is refused and "
            "nothing is written."
        )

    def parameter_help(self) -> dict[str, str]:
        return parameter_help(self)

    def initAlgorithm(self, configuration=None):  # noqa: N802
        io_ledger.add_ledger(self)
        shared.add_supplement(self, group=False)
        for name, title, kind in (
            (self.COUNTY_FIELD, tr("County field (owner of the quota)"), "county"),
            (self.PROJECT_FIELD, tr("Supplementary project code field"), "project_id"),
        ):
            self.addParameter(field_parameter(name, title, self.SUPPLEMENT, kind))
        shared.add_base_landuse(self)
        shared.add_capacity_table(self)
        shared.add_plot_checks(self)
        add_area_method(self, self.AREA_METHOD)
        add_analysis_crs(self, self.ANALYSIS_CRS, advanced=True)
        io_ledger.add_operator(self)
        self.addParameter(
            QgsProcessingParameterString(
                self.NOTE, tr("Note (e.g. acceptance document)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.CREDITED,
                tr("Credited plots"),
                QgsProcessing.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        add_count_outputs(
            self,
            (
                (self.N_PROJECTS, tr("Number of projects credited")),
                (self.N_PLOTS, tr("Number of plots credited")),
                (self.QUANTITY_M2, tr("Quantity credited (m²)")),
                (self.PADDY_M2, tr("Paddy credited (m²)")),
                (self.CAPACITY_KG, tr("Grain capacity credited (kg)")),
            ),
        )
        self.add_help_to_parameters()

    def process(self, parameters, context, feedback) -> dict:
        inputs = read_inputs(self, parameters, context, feedback)
        try:
            run = compute(inputs, Progress(feedback, 40, 90))
            feedback.setProgress(90)
            outcome = write(run, Progress(feedback))
        except fb.BalanceInputError as error:
            raise QgsProcessingException(input_error_message(error)) from None
        except lg.LedgerError as error:
            raise QgsProcessingException(io_ledger.ledger_error_message(error)) from None
        finally:
            if inputs.existing is not None:
                inputs.existing.close()
        log_run(run, feedback)
        results = count_outputs(self, run)
        sink, dest_id = self.sink(
            parameters,
            self.CREDITED,
            context,
            CREDITED_FIELDS,
            QgsWkbTypes.MultiPolygon,
            inputs.crs,
        )
        if sink is not None:
            write_credited(sink, run, feedback)
            results[self.CREDITED] = dest_id
            self.style(context, dest_id, "ledger_credit_credited")
        feedback.setProgress(100)
        io_ledger.publish_balances(outcome.balances)
        return results
