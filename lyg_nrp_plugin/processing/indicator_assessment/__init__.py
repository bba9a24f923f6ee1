"""``lyg_nrp:indicator_assessment`` — 规划指标评估.

Computes the 14th Five-Year plan's main indicators (表2, with the 2020 values of 表1 and the
other 2025 targets of the text) from whatever layers are given — 三调 land use, land
boundary, sea area, red lines, permanent farmland, protected areas, coastline, mariculture
zones, coastal wetland, mines, the year's occupation summary — takes targets and manual values
from a TARGETS file, and rates each indicator 达标 / 未达标 / 无目标 / 无数据, or 口径不同
(NOT_COMPARABLE) where the value is measured under another definition than the plan's figure.
Warnings about the data (overlapping parcels, negative areas, unknown types: ``issues``) go to
the log and the report. The computation is in ``core.indicators``; this package reads
the layers (``inputs``, ``layers``), writes the table, the JSON for the dashboard and the
published result (``outputs``) and the HTML report (``processing.report.indicators``, shared
with the dashboard).
"""

from __future__ import annotations

from ...core.indicators.catalogue import evaluate
from ...core.indicators.compute import assess
from ...core.labels import STATUS_MET, STATUS_NOT_COMPARABLE, STATUS_NOT_MET, STATUS_ORDER
from ...core.progress import Progress
from ...translate import tr
from ..base import GROUP_INDICATORS, LygAlgorithm
from ..pushdown import EXECUTION, execution_help
from ..report.indicators import status_text, write_report
from .inputs import IndicatorRun, read_inputs
from .issues import warn_issues
from .outputs import publish, write_json, write_table
from .parameters import declare


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
    ECO_SPACE = "ECO_SPACE"
    FARMLAND = "FARMLAND"
    FARMLAND_AREA_FIELD = "FARMLAND_AREA_FIELD"
    PROTECTED_AREAS = "PROTECTED_AREAS"
    PA_TYPE_FIELD = "PA_TYPE_FIELD"
    MARINE_REDLINE = "MARINE_REDLINE"
    COASTLINE = "COASTLINE"
    COAST_TYPE_FIELD = "COAST_TYPE_FIELD"
    COAST_CLASS_FIELD = "COAST_CLASS_FIELD"
    COASTAL_WETLAND = "COASTAL_WETLAND"
    MARICULTURE = "MARICULTURE"
    MINES = "MINES"
    MINE_TYPE_FIELD = "MINE_TYPE_FIELD"
    MINE_SCALE_FIELD = "MINE_SCALE_FIELD"
    MINE_OUTPUT_FIELD = "MINE_OUTPUT_FIELD"
    MINE_OUTPUT_UNIT = "MINE_OUTPUT_UNIT"
    MINE_WATER_UNIT = "MINE_WATER_UNIT"
    OCCUPATION = "OCCUPATION"
    OCCUPATION_FOREST_FIELD = "OCCUPATION_FOREST_FIELD"
    TARGETS = "TARGETS"
    WETLAND_DEFINITION = "WETLAND_DEFINITION"
    WETLAND_INCLUDES_SALTPANS = "WETLAND_INCLUDES_SALTPANS"
    YEAR = "YEAR"
    ANALYSIS_CRS = "ANALYSIS_CRS"
    OUTPUT = "OUTPUT"
    JSON = "JSON"
    REPORT = "REPORT"
    N_MET = "N_MET"
    N_NOT_MET = "N_NOT_MET"
    N_NOT_COMPARABLE = "N_NOT_COMPARABLE"

    def displayName(self) -> str:  # noqa: N802
        return tr("Plan indicator assessment")

    def summary(self) -> str:
        return tr(
            "Computes the main indicators of the 14th Five-Year natural-resources plan (Table 2, "
            "with the 2020 values of Table 1 and the other 2025 targets of the text) from the "
            "layers given — 3rd land survey parcels, land boundary, sea area, red lines, "
            "permanent farmland, protected areas, coastline, coastal wetland, mariculture "
            "zones, mines, the year's occupation summary — and rates each against its 2025 "
            "target: met, not met, no target or no data. A value measured under another "
            "definition than the plan's figure (tree cover from 3rd-survey forest land, "
            "3rd-survey wetland) is shown as not comparable instead, with the difference. "
            "Every input is optional; indicators no layer can give (forest surveys, ledgers) "
            "and the targets set by the province come from the TARGETS file; each value says "
            "where it comes from (computed, approximate, entered, example)."
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
            self.FARMLAND_AREA_FIELD: tr(
                "Net area field of the permanent farmland parcels in m² (YJJBNTMJ), summed with "
                "overlaps counted once; when the layer has no such field the dissolved geometry "
                "area is used."
            ),
            self.PROTECTED_AREAS: tr(
                "Protected areas (ZRBHD); marine parks and scenic areas "
                "are told apart by the type field."
            ),
            self.PA_TYPE_FIELD: tr(
                "Protected-area type field (ZRBHDLX). The land share leaves out values "
                "containing 风景名胜区 and 海洋公园 (and empty ones); the 620 km² area leaves out "
                "风景名胜区. Without it both are shown as not comparable."
            ),
            self.MARINE_REDLINE: tr("Marine ecological red line (HYSTHX)."),
            self.COASTLINE: tr("Coastline (HAX) lines."),
            self.COAST_TYPE_FIELD: tr("Coastline type field: 自然岸线 / 人工岸线."),
            self.COAST_CLASS_FIELD: tr(
                "Coastline class field: 大陆岸线 / 海岛岸线 (without it "
                "every line counts as mainland)."
            ),
            self.ECO_SPACE: tr(
                "Jiangsu's provincial ecological space control areas (STKJGKQY, 生态空间管控区域, "
                "the 生态红线区域 of 2013). The plan's 21.96 % share of the land (表1) is measured "
                "on them; without this layer the share is computed from the national red line "
                "and shown as 口径不同."
            ),
            self.COASTAL_WETLAND: tr(
                "Coastal and near-shore wetland polygons at sea (HASD, 近海与海岸湿地). Used with "
                "the wetland resource survey definition: the part outside the land-use parcels "
                "is added to the wetland."
            ),
            self.MARICULTURE: tr("Mariculture functional zones (海水增养殖区)."),
            self.MINES: tr("Mines (points, polygons or a table), one feature per operating mine."),
            self.MINE_TYPE_FIELD: tr(
                "Mine type field (KCKZ, 开采矿种): values containing 地热, 矿泉水 or 温泉 are "
                "geothermal / mineral-water mines, reported apart in m³; the others are solid "
                "minerals (counts, share of large and medium mines, output in tonnes). Without "
                "it every mine counts as a solid mineral."
            ),
            self.MINE_SCALE_FIELD: tr("Mine scale field (大型/中型/小型)."),
            self.MINE_OUTPUT_FIELD: tr("Mine annual output field."),
            self.MINE_OUTPUT_UNIT: tr("Unit of the annual output field of solid-mineral mines."),
            self.MINE_WATER_UNIT: tr(
                "Unit of the annual output field of geothermal and mineral-water mines."
            ),
            self.OCCUPATION: tr(
                "The SUMMARY output of “Land-use occupation” run on the year's approved "
                "projects: its forest field gives the forest land occupied in the year "
                "(≤ 70 ha a year)."
            ),
            self.OCCUPATION_FOREST_FIELD: tr(
                "Field of the occupation summary with the occupied forest land in m² (forest_m2)."
            ),
            self.TARGETS: tr(
                "JSON or CSV file with targets for the indicators set by the "
                "province and manual values (e.g. tree cover from the forestry "
                "survey), in each indicator's unit. See "
                "resources/indicators/targets_example.json. A file marked illustrative (or "
                "named …example… / …illustrative…) is shown with a banner; its values are "
                "marked as examples."
            ),
            self.WETLAND_DEFINITION: tr(
                "0: the 3rd land survey wetland class (0303, 0304, 0306, 0402, 1105, 1106, "
                "1108; 0603 salt pans with the option below) — not the plan's definition, so the "
                "wetland indicators are shown as not comparable. 1: the wetland resource survey "
                "the plan uses: that class plus 0603, 1101, 1102, 1103, 1104, 1107 (0101 paddy "
                "excluded) plus the coastal wetland layer; rated normally."
            ),
            self.WETLAND_INCLUDES_SALTPANS: tr(
                "Count 0603 salt pans as wetland under the 3rd-survey definition (the survey "
                "keeps them in industrial and mining land; GB/T 21010 annex B lists them as "
                "wetland). The wetland resource survey definition always counts them."
            ),
            self.YEAR: tr("Year of the data assessed (shown in the results)."),
            EXECUTION: execution_help(near=False),
            self.ANALYSIS_CRS: tr(
                "Projected CRS in which areas and lengths are measured (default EPSG:4549)."
            ),
            self.OUTPUT: tr(
                "One row per indicator: value, its source, target, status and, when not "
                "comparable, the difference of definitions."
            ),
            self.JSON: tr("The same results as JSON (read by the indicator dashboard)."),
            self.REPORT: tr(
                "HTML report with a chart of values against targets, the indicators under "
                "another definition apart, the arithmetic and the data warnings."
            ),
            self.N_NOT_COMPARABLE: tr("Indicators measured under another definition."),
        }

    def initAlgorithm(self, configuration=None):  # noqa: N802
        declare(self)
        self.add_help_to_parameters()

    def process(self, parameters, context, feedback) -> dict:
        inputs = read_inputs(self, parameters, context, feedback)
        feedback.setProgress(60)
        feedback.pushInfo(tr("Computing indicators…"))
        assessment = assess(inputs.layers, Progress(feedback, 60, 90), lang=inputs.lang)
        warnings = warn_issues(assessment.issues, inputs.labels, feedback)
        results = evaluate(inputs.catalogue, assessment.measured, inputs.manual, lang=inputs.lang)
        run = IndicatorRun(inputs, results, f"lyg_nrp:{self.ALG_ID}", warnings)
        dest_id = write_table(self, parameters, context, run, feedback)
        outputs = {
            self.OUTPUT: dest_id,
            self.N_MET: run.counts[STATUS_MET],
            self.N_NOT_MET: run.counts[STATUS_NOT_MET],
            self.N_NOT_COMPARABLE: run.counts[STATUS_NOT_COMPARABLE],
        }
        if inputs.json_path:
            write_json(inputs.json_path, run)
            outputs[self.JSON] = inputs.json_path
        if inputs.report_path:
            write_report(inputs.report_path, run.results, run.meta(), inputs.lang)
            outputs[self.REPORT] = inputs.report_path
        for status in STATUS_ORDER:
            feedback.pushInfo(f"{status_text(status)}: {run.counts[status]}")
        feedback.setProgress(100)
        publish(run, self.ALG_ID, self.displayName(), dest_id, inputs.report_path)
        return outputs
