"""``lyg_nrp:redline_overlap`` — 红线冲突检测 (建设项目用地合规性审查 / 用地预审).

For each proposed project: how much of it lies in each control zone (生态保护红线, 永久基本农田,
outside the 城镇开发边界, 自然保护地 and its core zone, 海洋生态红线) and how much natural
coastline it takes; a verdict from the rule file ``resources/rules/redline_rules.csv``.
The overlay is vectorised in ``core.overlay`` / ``core.redline`` (STRtree + shapely arrays);
areas are measured on the final (dissolved) pieces with ``measure.area_function`` (planar or
CGCS2000 ellipsoid).

``inputs`` reads and checks the parameters, ``run`` reads the layers and computes the check
(:class:`~.run.RedlineRun`), ``outputs`` writes OUTPUT / CONFLICTS, ``report`` (with
``report_map``) the HTML review report.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...translate import tr
from ..base import GROUP_REDLINE, LygAlgorithm
from ..params import add_analysis_crs, add_area_method, add_count_outputs, add_projects, add_report
from .inputs import read_inputs
from .outputs import count_results, publish, write_conflicts, write_output
from .report import write_report
from .run import run_check


class RedlineOverlapAlgorithm(LygAlgorithm):
    ALG_ID = "redline_overlap"
    GROUP_ID = GROUP_REDLINE
    ICON = "redline.svg"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    ECO_REDLINE = "ECO_REDLINE"
    FARMLAND = "FARMLAND"
    DEV_BOUNDARY = "DEV_BOUNDARY"
    PROTECTED_AREAS = "PROTECTED_AREAS"
    PA_ZONE_FIELD = "PA_ZONE_FIELD"
    MARINE_REDLINE = "MARINE_REDLINE"
    COASTLINE = "COASTLINE"
    COAST_TYPE_FIELD = "COAST_TYPE_FIELD"
    COAST_TYPE_VALUE = "COAST_TYPE_VALUE"
    AREA_METHOD = "AREA_METHOD"
    ANALYSIS_CRS = "ANALYSIS_CRS"
    MIN_AREA = "MIN_AREA"
    RULES_FILE = "RULES_FILE"
    OUTPUT = "OUTPUT"
    CONFLICTS = "CONFLICTS"
    REPORT = "REPORT"
    N_PROJECTS = "N_PROJECTS"
    N_FAIL = "N_FAIL"
    N_REVIEW = "N_REVIEW"
    N_PASS = "N_PASS"

    def displayName(self) -> str:  # noqa: N802
        return tr("Red-line conflict check")

    def summary(self) -> str:
        return tr(
            "Checks proposed construction projects against the control lines of the territorial "
            "spatial plan: for each project the area inside the ecological protection red line, "
            "permanent basic farmland, protected areas (and their core zones), the marine "
            "ecological red line, the area outside the urban development boundary and the "
            "length of natural coastline it takes. A verdict (PASS / REVIEW / FAIL) follows the "
            "editable rule file; overlapping control features are dissolved so that no area "
            "counts twice. Writes one feature per project, the conflict pieces and an HTML "
            "review report."
        )

    def parameter_help(self) -> dict[str, str]:
        return {
            self.INPUT: tr("Proposed project polygons (any CRS)."),
            self.ID_FIELD: tr("Field that identifies a project (default: the feature id)."),
            self.ECO_REDLINE: tr("Ecological protection red line polygons."),
            self.FARMLAND: tr("Permanent basic farmland polygons."),
            self.DEV_BOUNDARY: tr(
                "Urban development boundary polygons; the conflict is the "
                "part of a project outside them."
            ),
            self.PROTECTED_AREAS: tr("Protected area polygons (nature reserves, parks …)."),
            self.PA_ZONE_FIELD: tr(
                "Zone field of the protected areas; a value containing 核心 marks a core zone."
            ),
            self.MARINE_REDLINE: tr("Marine ecological red line polygons."),
            self.COASTLINE: tr(
                "Coastline lines; the length of natural coastline inside a project is measured."
            ),
            self.COAST_TYPE_FIELD: tr("Field of the coastline type (default: every line counts)."),
            self.COAST_TYPE_VALUE: tr(
                "Value of the coastline type field that marks natural coastline."
            ),
            self.AREA_METHOD: tr(
                "Planar areas in the analysis CRS, or ellipsoidal areas on the "
                "CGCS2000 ellipsoid (as official survey areas are)."
            ),
            self.ANALYSIS_CRS: tr("Projected CRS in which the overlay is computed."),
            self.MIN_AREA: tr(
                "Overlaps smaller than this (m²) are slivers: reported, but not a conflict."
            ),
            self.RULES_FILE: tr(
                "Rule file (CSV) that gives each control its verdict level; "
                "default: the plugin's resources/rules/redline_rules.csv."
            ),
            self.OUTPUT: tr("One feature per project with the overlap areas, verdict and reasons."),
            self.CONFLICTS: tr("One feature per project and control with the overlap geometry."),
            self.REPORT: tr("HTML review report with tables and a map."),
            self.N_PROJECTS: tr("Number of projects checked."),
            self.N_FAIL: tr("Number of projects that fail."),
            self.N_REVIEW: tr("Number of projects that need a review."),
            self.N_PASS: tr("Number of projects that pass."),
        }

    def control_layers(self) -> list[tuple[str, str, str]]:
        """(parameter, control key, description) of the polygon control layers."""
        return [
            (self.ECO_REDLINE, "eco", tr("Ecological protection red line")),
            (self.FARMLAND, "farm", tr("Permanent basic farmland")),
            (self.DEV_BOUNDARY, "udb_out", tr("Urban development boundary")),
            (self.PROTECTED_AREAS, "pa", tr("Protected areas")),
            (self.MARINE_REDLINE, "marine", tr("Marine ecological red line")),
        ]

    def initAlgorithm(self, configuration=None):  # noqa: N802
        add_projects(self, self.INPUT, self.ID_FIELD)
        for name, key, description in self.control_layers():
            self.addParameter(
                QgsProcessingParameterFeatureSource(
                    name, description, [QgsProcessing.TypeVectorPolygon], optional=True
                )
            )
            if key == "pa":
                self.addParameter(
                    QgsProcessingParameterField(
                        self.PA_ZONE_FIELD,
                        tr("Protected area zone field"),
                        None,
                        self.PROTECTED_AREAS,
                        optional=True,
                    )
                )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.COASTLINE,
                tr("Natural coastline"),
                [QgsProcessing.TypeVectorLine],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.COAST_TYPE_FIELD,
                tr("Coastline type field"),
                None,
                self.COASTLINE,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.COAST_TYPE_VALUE, tr("Natural coastline value"), "自然岸线", optional=True
            )
        )
        add_area_method(self, self.AREA_METHOD)
        add_analysis_crs(self, self.ANALYSIS_CRS)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_AREA,
                tr("Minimum overlap area (m²)"),
                QgsProcessingParameterNumber.Double,
                1.0,
                minValue=0.0,
            )
        )
        rules = QgsProcessingParameterFile(
            self.RULES_FILE, tr("Rule file"), extension="csv", optional=True
        )
        rules.setFlags(rules.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(rules)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Red-line check"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.CONFLICTS,
                tr("Conflicts"),
                QgsProcessing.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        add_report(self, self.REPORT, tr("Review report"))
        add_count_outputs(
            self,
            (
                (self.N_PROJECTS, tr("Number of projects")),
                (self.N_FAIL, tr("Number failing")),
                (self.N_REVIEW, tr("Number needing review")),
                (self.N_PASS, tr("Number passing")),
            ),
        )
        self.add_help_to_parameters()

    def process(self, parameters, context, feedback) -> dict:
        inputs = read_inputs(self, parameters, context, feedback)
        run = run_check(inputs, context, feedback)
        dest_id = write_output(self, parameters, context, run, feedback)
        conflicts_id = write_conflicts(self, parameters, context, run, feedback)
        results = {self.OUTPUT: dest_id}
        if conflicts_id:
            results[self.CONFLICTS] = conflicts_id
        results.update(count_results(self, run, feedback))
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            write_report(report_path, run)
            results[self.REPORT] = report_path
        feedback.setProgress(100)
        self.style(context, dest_id, "redline_overlap_output")
        self.style(context, conflicts_id, "redline_overlap_conflicts")
        publish(self, run, dest_id, report_path)
        return results
