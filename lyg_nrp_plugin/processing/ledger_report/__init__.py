"""``lyg_nrp:ledger_report`` — 补充耕地指标台账 (the ledger's balances and history).

Reads the ledger (``LEDGER``) and writes ``OUTPUT`` (one row per county: ``county``,
``credited_m2``, ``debited_m2``, and what is available now — ``quantity_m2``, ``paddy_m2``,
``capacity_kg``), ``AUDIT`` (every entry: time, user, kind, project, counties, the three
amounts, the digest of the inputs) and ``REPORT`` (HTML in Chinese, 公顷/亩/吨), and checks
that no entry was changed outside the plugin (the hash chain).
"""

from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSink

from ...translate import tr
from ..base import GROUP_LEDGER, LygAlgorithm
from ..io import ledger as io_ledger
from ..params import add_count_outputs, add_report
from .outputs import AUDIT_COLUMNS, OUTPUT_COLUMNS, LedgerRun, output_fields, write_table
from .report import write_report


class LedgerReportAlgorithm(LygAlgorithm):
    ALG_ID = "ledger_report"
    GROUP_ID = GROUP_LEDGER
    ICON = "farmland.svg"

    LEDGER = io_ledger.LEDGER
    OUTPUT = "OUTPUT"
    AUDIT = "AUDIT"
    REPORT = "REPORT"
    N_COUNTIES = "N_COUNTIES"
    N_ENTRIES = "N_ENTRIES"
    N_BROKEN = "N_BROKEN"

    def displayName(self) -> str:  # noqa: N802
        return tr("Supplementary farmland quota ledger report")

    def summary(self) -> str:
        return tr(
            "The balances of the supplementary farmland quota ledger per county (credited, "
            "debited and available quantity, paddy and grain capacity), every entry with its "
            "operator, time and the digest of its inputs, and an integrity check of the history."
        )

    def parameter_help(self) -> dict[str, str]:
        return {
            self.LEDGER: tr("The quota ledger (.gpkg) written by ledger_credit and ledger_debit."),
            self.OUTPUT: tr(
                "One row per county: county, credited_m2, debited_m2, and the quantity_m2, "
                "paddy_m2 and capacity_kg available now (with the credited and debited paddy "
                "and capacity, transfers and entry counts)."
            ),
            self.AUDIT: tr(
                "Every entry: time, user, kind (credit, debit, transfer), project, counties, "
                "the three amounts and the digest of the inputs."
            ),
            self.REPORT: tr(
                "HTML report: balances in 公顷/亩/吨, transfers, every entry, integrity and a map "
                "(created by default)."
            ),
            self.N_COUNTIES: tr("Number of counties in the ledger."),
            self.N_ENTRIES: tr("Number of entries."),
            self.N_BROKEN: tr("Number of entries changed outside the plugin (0 when intact)."),
        }

    def initAlgorithm(self, configuration=None):  # noqa: N802
        io_ledger.add_ledger(self)
        for name, title in (
            (self.OUTPUT, tr("Quota balances per county")),
            (self.AUDIT, tr("Ledger entries")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSink(name, title, QgsProcessing.TypeVector)
            )
        add_report(self, self.REPORT, tr("Ledger report"), create_by_default=True)
        add_count_outputs(
            self,
            (
                (self.N_COUNTIES, tr("Number of counties")),
                (self.N_ENTRIES, tr("Number of entries")),
                (self.N_BROKEN, tr("Number of changed entries")),
            ),
        )
        self.add_help_to_parameters()

    def process(self, parameters, context, feedback) -> dict:
        path = io_ledger.ledger_path(self, parameters, context)
        with io_ledger.open_existing(path) as ledger:
            run = LedgerRun(
                path,
                ledger.meta,
                io_ledger.crs_of(ledger).authid(),
                ledger.entries(),
                ledger.balances(),
                ledger.broken_chain(),
                ledger.plots_near((-1e300, -1e300, 1e300, 1e300)),
            )
        if run.broken:
            feedback.pushWarning(
                tr("Entries {ids} of the ledger were changed outside the plugin.").format(
                    ids=", ".join(map(str, run.broken))
                )
            )
        for line in io_ledger.balance_lines(run.balances):
            feedback.pushInfo(line)
        results = {
            self.N_COUNTIES: len(run.balances),
            self.N_ENTRIES: len(run.entries),
            self.N_BROKEN: len(run.broken),
        }
        for name, columns, items in (
            (self.OUTPUT, OUTPUT_COLUMNS, run.balances),
            (self.AUDIT, AUDIT_COLUMNS, run.entries),
        ):
            sink, results[name] = self.sink(parameters, name, context, output_fields(columns))
            write_table(sink, columns, items, feedback)
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context) or ""
        if report_path:
            run.report_path = report_path
            write_report(report_path, run)
            results[self.REPORT] = report_path
        io_ledger.publish_balances(run.balances, str(results[self.OUTPUT] or ""), report_path)
        return results
