"""``lyg_nrp:farmland_balance`` — 耕地占补平衡核验 (farmland balance verification).

Takes the occupied farmland (e.g. ``FARMLAND_PIECES`` of ``landuse_occupation``) and the
supplementary farmland plots (补充耕地, e.g. the BCGD layer) and checks, per group, quantity,
paddy (占水田补水田), quality (占优补优) and grain capacity. The computation lives in
:mod:`lyg_nrp_plugin.core.farmland_balance`; this package reads (``inputs``), writes
(``outputs``) and reports (``report``).
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from ...translate import tr
from ..base import GROUP_FARMLAND, LygAlgorithm
from ..io import farmland as shared
from ..params import (
    add_analysis_crs,
    add_area_method,
    add_count_outputs,
    add_report,
    add_report_pdf,
)
from ..report.pdf import write_pdf_output
from .help import parameter_help
from .outputs import (
    BALANCE_COLUMNS,
    FLAGGED_COLUMNS,
    PARTS_COLUMNS,
    count_outputs,
    output_fields,
    publish,
    write_balance,
    write_flagged,
    write_parts,
)
from .report import write_report
from .run import compute, log_verdict, log_warnings
from .sheet import review_sheet


class FarmlandBalanceAlgorithm(shared.PlotNames, shared.OccupiedNames, LygAlgorithm):
    ALG_ID = "farmland_balance"
    GROUP_ID = GROUP_FARMLAND
    ICON = "farmland.svg"

    AREA_METHOD = "AREA_METHOD"
    ANALYSIS_CRS = "ANALYSIS_CRS"
    BALANCE = "BALANCE"
    FLAGGED = "FLAGGED"
    REPORT = "REPORT"
    REPORT_PDF = "REPORT_PDF"
    N_GROUPS = "N_GROUPS"
    N_FAIL = "N_FAIL"
    N_FLAGGED = "N_FLAGGED"
    DEF_M2 = "DEF_M2"
    DEF_PADDY_M2 = "DEF_PADDY_M2"
    DEF_CAP_KG = "DEF_CAP_KG"
    PARTS = "PARTS"

    def displayName(self) -> str:  # noqa: N802
        return tr("Farmland balance verification")

    def summary(self) -> str:
        return tr(
            "Verifies the balance of occupied and supplementary farmland (耕地占补平衡) per "
            "project or county: quantity, paddy (占水田补水田), quality grade (占优补优) and "
            "standard grain capacity, all net of field ridges (KCXS). With the base-year land "
            "use only land that was not farmland counts as new quantity; 旱改水 adds paddy and "
            "capacity, 提质改造 capacity; plots on forest, wetland or water, or outside the "
            "base layer, are refused. Plots that are not cultivated land, have no grade, are "
            "too steep, or lie in the ecological red line or a protected area are flagged and "
            "excluded; overlapping plots count their overlap once. The balance sheet gives "
            "what is still missing."
        )

    def parameter_help(self) -> dict[str, str]:
        return parameter_help(self)

    def initAlgorithm(self, configuration=None):  # noqa: N802
        shared.add_occupied(self)
        shared.add_supplement(self)
        shared.add_base_landuse(self)
        shared.add_capacity_table(self)
        shared.add_plot_checks(self)
        add_area_method(self, self.AREA_METHOD)
        add_analysis_crs(self, self.ANALYSIS_CRS, advanced=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.BALANCE, tr("Farmland balance sheet"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.FLAGGED, tr("Flagged supplementary plots"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.PARTS,
                tr("Supplementary land by base land use"),
                QgsProcessing.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        add_report(self, self.REPORT, tr("Farmland balance report"), create_by_default=True)
        add_report_pdf(self, self.REPORT_PDF)
        add_count_outputs(
            self,
            (
                (self.N_GROUPS, tr("Number of groups")),
                (self.N_FAIL, tr("Number of unbalanced groups")),
                (self.N_FLAGGED, tr("Number of flagged plots")),
                (self.DEF_M2, tr("Area deficit (m²)")),
                (self.DEF_PADDY_M2, tr("Paddy deficit (m²)")),
                (self.DEF_CAP_KG, tr("Grain capacity deficit (kg)")),
            ),
        )
        self.add_help_to_parameters()

    def process(self, parameters: dict, context: QgsProcessingContext, feedback) -> dict:
        run = compute(self, parameters, context, feedback)
        feedback.setProgress(80)
        log_warnings(run, feedback)
        outputs = count_outputs(self, run)
        balance, outputs[self.BALANCE] = self.sink(
            parameters, self.BALANCE, context, output_fields(BALANCE_COLUMNS)
        )
        write_balance(balance, run, feedback)
        polygons = (QgsWkbTypes.MultiPolygon, run.inputs.crs)
        for name, columns, writer in (
            (self.FLAGGED, FLAGGED_COLUMNS, write_flagged),
            (self.PARTS, PARTS_COLUMNS, write_parts),
        ):
            sink, dest_id = self.sink(parameters, name, context, output_fields(columns), *polygons)
            if sink is not None:
                writer(sink, run, feedback)
                outputs[name] = dest_id
                self.style(context, dest_id, f"farmland_balance_{name.lower()}")
        log_verdict(run, feedback)
        if run.report_path:
            write_report(run.report_path, run)
            outputs[self.REPORT] = run.report_path
        outputs.update(
            write_pdf_output(self, parameters, context, feedback, lambda: review_sheet(run))
        )
        feedback.setProgress(100)
        publish(run, self.ALG_ID, self.displayName(), outputs[self.BALANCE])
        return outputs
