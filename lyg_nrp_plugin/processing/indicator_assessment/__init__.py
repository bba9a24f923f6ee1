"""``lyg_nrp:indicator_assessment`` — 规划指标评估.

Computes the 14th Five-Year plan's main indicators (表2, with the 2020 values of 表1 and the
other 2025 targets of the text) from whatever layers are given — 三调 land use, land
boundary, sea area, red lines, permanent farmland, protected areas, coastline, mariculture
zones, mines — takes targets and manual values from a TARGETS file, and rates each indicator
达标 / 未达标 / 无目标 / 无数据. The computation is in ``core.indicators``; this package reads
the layers (``inputs``, ``layers``), writes the table, the JSON for the dashboard and the
published result (``outputs``) and the HTML report (``processing.report.indicators``, shared
with the dashboard).
"""

from __future__ import annotations

from functools import partial

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.indicators.catalogue import evaluate
from ...core.indicators.classify import MARICULTURE_ZONE_WORDS
from ...core.indicators.compute import compute
from ...core.labels import STATUS_MET, STATUS_NOT_MET
from ...core.progress import Progress
from ...translate import tr
from ..base import GROUP_INDICATORS, LygAlgorithm
from ..params import add_analysis_crs, add_count_outputs, add_report
from ..report.indicators import status_text, write_report
from .inputs import IndicatorRun, read_inputs
from .outputs import publish, write_json, write_table
from .parameters import NUMERIC, add_field, add_layer


class IndicatorAssessmentAlgorithm(LygAlgorithm):
    ALG_ID = "indicator_assessment"
    GROUP_ID = GROUP_INDICATORS
    ICON = "indicators.svg"

    LANDUSE = "LANDUSE"
    DLBM_FIELD = "DLBM_FIELD"
    AREA_FIELD = "AREA_FIELD"
    BOUNDARY = "BOUNDARY"
    SEA_AREA = "SEA_AREA"
    SEA_ZONE_FIELD = "SEA_ZONE_FIELD"
    MARICULTURE_ZONES = "MARICULTURE_ZONES"
    ECO_REDLINE = "ECO_REDLINE"
    FARMLAND = "FARMLAND"
    PROTECTED_AREAS = "PROTECTED_AREAS"
    PA_TYPE_FIELD = "PA_TYPE_FIELD"
    MARINE_REDLINE = "MARINE_REDLINE"
    COASTLINE = "COASTLINE"
    COAST_TYPE_FIELD = "COAST_TYPE_FIELD"
    COAST_CLASS_FIELD = "COAST_CLASS_FIELD"
    MARICULTURE = "MARICULTURE"
    MINES = "MINES"
    MINE_SCALE_FIELD = "MINE_SCALE_FIELD"
    MINE_OUTPUT_FIELD = "MINE_OUTPUT_FIELD"
    MINE_OUTPUT_UNIT = "MINE_OUTPUT_UNIT"
    TARGETS = "TARGETS"
    WETLAND_INCLUDES_SALTPANS = "WETLAND_INCLUDES_SALTPANS"
    YEAR = "YEAR"
    ANALYSIS_CRS = "ANALYSIS_CRS"
    OUTPUT = "OUTPUT"
    JSON = "JSON"
    REPORT = "REPORT"
    N_MET = "N_MET"
    N_NOT_MET = "N_NOT_MET"

    def displayName(self) -> str:  # noqa: N802
        return tr("Plan indicator assessment")

    def summary(self) -> str:
        return tr(
            "Computes the main indicators of the 14th Five-Year natural-resources plan (Table 2, "
            "with the 2020 values of Table 1 and the other 2025 targets of the text) from the "
            "layers given — 3rd land survey parcels, land boundary, sea area, red lines, "
            "permanent farmland, protected areas, coastline, mariculture zones, mines — and "
            "rates each against its 2025 target: met, not met, no target or no data. Every "
            "input is optional; indicators no layer can give (forest surveys, ledgers) and the "
            "targets set by the province come from the TARGETS file."
        )

    def parameter_help(self) -> dict[str, str]:
        return {
            self.LANDUSE: tr(
                "3rd land survey parcels (DLTB): cultivated land, wetland, built "
                "land, forest land, natural wetland."
            ),
            self.DLBM_FIELD: tr("Land-use code field (DLBM, GB/T 21010 / 3rd survey codes)."),
            self.AREA_FIELD: tr(
                "Parcel land area field in m² (TBDLMJ). When the layer has no "
                "such field the geometry area is used."
            ),
            self.BOUNDARY: tr(
                "Land boundary (e.g. XZQ). Its area is the land area of the "
                "ratios; without it the land-use parcels' area is used."
            ),
            self.SEA_AREA: tr("Jurisdictional sea area (HYGNQ)."),
            self.SEA_ZONE_FIELD: tr(
                "Marine function-zone type field of the sea area (GNQLX). "
                "Without a mariculture layer, the zones whose type "
                "contains one of the mariculture words give the "
                "mariculture zone area."
            ),
            self.MARICULTURE_ZONES: tr(
                "Comma-separated words that mark a sea zone as "
                "mariculture (增养殖区 belong to 农渔业区)."
            ),
            self.ECO_REDLINE: tr("Ecological protection red line (STBHHX)."),
            self.FARMLAND: tr("Permanent basic farmland (YJJBNTBHTB)."),
            self.PROTECTED_AREAS: tr(
                "Protected areas (ZRBHD); marine parks and scenic areas "
                "are told apart by the type field."
            ),
            self.PA_TYPE_FIELD: tr(
                "Protected-area type field (values containing 海洋公园 or "
                "风景名胜区 are excluded where the indicator says so)."
            ),
            self.MARINE_REDLINE: tr("Marine ecological red line (HYSTHX)."),
            self.COASTLINE: tr("Coastline (HAX) lines."),
            self.COAST_TYPE_FIELD: tr("Coastline type field: 自然岸线 / 人工岸线."),
            self.COAST_CLASS_FIELD: tr(
                "Coastline class field: 大陆岸线 / 海岛岸线 (without it "
                "every line counts as mainland)."
            ),
            self.MARICULTURE: tr("Mariculture functional zones (海水增养殖区)."),
            self.MINES: tr("Mines (points, polygons or a table), one feature per operating mine."),
            self.MINE_SCALE_FIELD: tr("Mine scale field (大型/中型/小型)."),
            self.MINE_OUTPUT_FIELD: tr("Mine annual output field."),
            self.MINE_OUTPUT_UNIT: tr("Unit of the annual output field."),
            self.TARGETS: tr(
                "JSON or CSV file with targets for the indicators set by the "
                "province and manual values (e.g. tree cover from the forestry "
                "survey), in each indicator's unit. See "
                "resources/indicators/targets_example.json."
            ),
            self.WETLAND_INCLUDES_SALTPANS: tr("Count 0603 salt pans as wetland."),
            self.YEAR: tr("Year of the data assessed (shown in the results)."),
            self.ANALYSIS_CRS: tr(
                "Projected CRS in which areas and lengths are measured (default EPSG:4549)."
            ),
            self.OUTPUT: tr("One row per indicator: value, target, status."),
            self.JSON: tr("The same results as JSON (read by the indicator dashboard)."),
            self.REPORT: tr("HTML report with a chart of values against targets."),
        }

    def initAlgorithm(self, configuration=None):  # noqa: N802
        layer = partial(add_layer, self)
        field = partial(add_field, self)
        layer(self.LANDUSE, tr("Land-use parcels (DLTB)"))
        field(self.DLBM_FIELD, tr("Land-use code field"), self.LANDUSE, "DLBM")
        field(
            self.AREA_FIELD,
            tr("Parcel area field (m²)"),
            self.LANDUSE,
            "TBDLMJ",
            NUMERIC,
        )
        layer(self.BOUNDARY, tr("Land boundary"))
        layer(self.SEA_AREA, tr("Jurisdictional sea area"))
        field(self.SEA_ZONE_FIELD, tr("Sea function-zone type field"), self.SEA_AREA, "GNQLX")
        zones = QgsProcessingParameterString(
            self.MARICULTURE_ZONES,
            tr("Mariculture zone types"),
            ",".join(MARICULTURE_ZONE_WORDS),
            optional=True,
        )
        zones.setFlags(zones.flags() | zones.FlagAdvanced)
        self.addParameter(zones)
        layer(self.ECO_REDLINE, tr("Ecological protection red line"))
        layer(self.FARMLAND, tr("Permanent basic farmland"))
        layer(self.PROTECTED_AREAS, tr("Protected areas"))
        field(self.PA_TYPE_FIELD, tr("Protected-area type field"), self.PROTECTED_AREAS, "ZRBHDLX")
        layer(self.MARINE_REDLINE, tr("Marine ecological red line"))
        layer(self.COASTLINE, tr("Coastline"), [QgsProcessing.TypeVectorLine])
        field(self.COAST_TYPE_FIELD, tr("Coastline type field"), self.COASTLINE, "AXLX")
        field(self.COAST_CLASS_FIELD, tr("Coastline class field"), self.COASTLINE, "AXLB")
        layer(self.MARICULTURE, tr("Mariculture functional zones"))
        layer(self.MINES, tr("Mines"), [QgsProcessing.TypeVector])
        field(self.MINE_SCALE_FIELD, tr("Mine scale field"), self.MINES, None)
        field(
            self.MINE_OUTPUT_FIELD,
            tr("Mine annual output field"),
            self.MINES,
            None,
            NUMERIC,
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MINE_OUTPUT_UNIT,
                tr("Mine output unit"),
                [tr("tonnes per year"), tr("10⁴ tonnes per year"), tr("10⁸ tonnes per year")],
                defaultValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.TARGETS,
                tr("Targets and manual values (JSON/CSV)"),
                QgsProcessingParameterFile.File,
                "",
                None,
                optional=True,
                fileFilter=tr("Targets files (*.json *.csv)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.WETLAND_INCLUDES_SALTPANS, tr("Count salt pans (0603) as wetland"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                tr("Year assessed"),
                QgsProcessingParameterNumber.Integer,
                2025,
                minValue=2000,
                maxValue=2100,
            )
        )
        add_analysis_crs(self, self.ANALYSIS_CRS, advanced=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Indicator results"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.JSON,
                tr("Indicator results (JSON)"),
                tr("JSON files (*.json)"),
                optional=True,
                createByDefault=False,
            )
        )
        add_report(self, self.REPORT, tr("Indicator report"))
        add_count_outputs(
            self, [(self.N_MET, tr("Indicators met")), (self.N_NOT_MET, tr("Indicators not met"))]
        )
        self.add_help_to_parameters()

    def process(self, parameters, context, feedback) -> dict:
        inputs = read_inputs(self, parameters, context, feedback)
        feedback.setProgress(60)
        feedback.pushInfo(tr("Computing indicators…"))
        measured = compute(inputs.layers, Progress(feedback, 60, 90), lang=inputs.lang)
        results = evaluate(inputs.catalogue, measured, inputs.manual, lang=inputs.lang)
        run = IndicatorRun(inputs, results, algorithm=f"lyg_nrp:{self.ALG_ID}")
        dest_id = write_table(self, parameters, context, run, feedback)
        outputs = {
            self.OUTPUT: dest_id,
            self.N_MET: run.counts[STATUS_MET],
            self.N_NOT_MET: run.counts[STATUS_NOT_MET],
        }
        if inputs.json_path:
            write_json(inputs.json_path, run)
            outputs[self.JSON] = inputs.json_path
        if inputs.report_path:
            write_report(inputs.report_path, run.results, run.meta(), inputs.lang)
            outputs[self.REPORT] = inputs.report_path
        for status, n in run.counts.items():
            feedback.pushInfo(f"{status_text(status)}: {n}")
        feedback.setProgress(100)
        publish(run, self.ALG_ID, self.displayName(), dest_id, inputs.report_path)
        return outputs
