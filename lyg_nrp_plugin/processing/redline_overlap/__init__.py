"""``lyg_nrp:redline_overlap`` — 红线冲突检测 (建设项目用地合规性审查 / 用地预审).

For each proposed project: how much of it lies in each control (生态保护红线, 生态空间管控区域,
永久基本农田, outside the 城镇开发边界, 自然保护地 by zone, 海洋生态红线 by zone, natural coastline
by class, 压覆矿产, 地质灾害易发区, 历史文化保护线, 生态公益林), and a verdict from the rule matrix
``resources/rules/redline_rules.csv``: control × project class → level, reason and basis. The
overlay is vectorised in ``core.overlay`` / ``core.redline`` (STRtree + shapely arrays); areas
are measured on the final (dissolved) pieces with ``measure.area_function``.

``parameters`` declares the parameters (``help`` their texts), ``inputs`` reads and checks
them, ``run`` reads the layers and computes the check (:class:`~.run.RedlineRun`),
``outputs`` writes OUTPUT / CONFLICTS, ``report`` (with ``report_map``) the HTML review
report, ``sheet`` the 审查意见书 content (:func:`~.sheet.review_sheet`).
"""

from __future__ import annotations

from qgis.core import QgsProcessing

from ...translate import tr
from ..base import GROUP_REDLINE, LygAlgorithm
from ..pushdown import choose
from ..report.pdf import write_report_outputs
from .help import parameter_help
from .inputs import read_inputs
from .outputs import count_results, publish, write_conflicts, write_output
from .parameters import declare
from .report import write_report
from .run import run_check
from .sheet import review_sheet

__all__ = ["RedlineOverlapAlgorithm", "review_sheet"]

POLYGONS = [QgsProcessing.TypeVectorPolygon]


class RedlineOverlapAlgorithm(LygAlgorithm):
    ALG_ID = "redline_overlap"
    GROUP_ID = GROUP_REDLINE
    ICON = "redline.svg"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    NAME_FIELD = "NAME_FIELD"
    PROJECT_CLASS_FIELD = "PROJECT_CLASS_FIELD"
    CLASS_TABLE = "CLASS_TABLE"
    SEA_USE_FIELD = "SEA_USE_FIELD"
    ECO_REDLINE = "ECO_REDLINE"
    ECO_SPACE = "ECO_SPACE"
    FARMLAND = "FARMLAND"
    FARMLAND_GRADE_FIELD = "FARMLAND_GRADE_FIELD"
    FARMLAND_RESERVE = "FARMLAND_RESERVE"
    RESERVE_GRADE_FIELD = "RESERVE_GRADE_FIELD"
    DEV_BOUNDARY = "DEV_BOUNDARY"
    LAND_BOUNDARY = "LAND_BOUNDARY"
    PROTECTED_AREAS = "PROTECTED_AREAS"
    PA_ZONE_FIELD = "PA_ZONE_FIELD"
    MARINE_REDLINE = "MARINE_REDLINE"
    MARINE_ZONE_FIELD = "MARINE_ZONE_FIELD"
    COASTLINE = "COASTLINE"
    COAST_TYPE_FIELD = "COAST_TYPE_FIELD"
    COAST_TYPE_VALUE = "COAST_TYPE_VALUE"
    COAST_CLASS_FIELD = "COAST_CLASS_FIELD"
    MINERAL = "MINERAL"
    GEOHAZARD = "GEOHAZARD"
    HERITAGE = "HERITAGE"
    PUBLIC_FOREST = "PUBLIC_FOREST"
    AREA_METHOD = "AREA_METHOD"
    ANALYSIS_CRS = "ANALYSIS_CRS"
    MIN_AREA = "MIN_AREA"
    RULES_FILE = "RULES_FILE"
    OUTPUT = "OUTPUT"
    CONFLICTS = "CONFLICTS"
    REPORT = "REPORT"
    REPORT_PDF = "REPORT_PDF"
    N_PROJECTS = "N_PROJECTS"
    N_FAIL = "N_FAIL"
    N_REVIEW = "N_REVIEW"
    N_PASS = "N_PASS"
    RESERVE_SHORTFALL_M2 = "RESERVE_SHORTFALL_M2"

    def displayName(self) -> str:  # noqa: N802
        return tr("Red-line conflict check")

    def summary(self) -> str:
        return tr(
            "Checks proposed construction projects against the control lines of the territorial "
            "spatial plan: for each project the area inside the ecological protection red line, "
            "Jiangsu's ecological space control areas, permanent basic farmland, protected areas "
            "by zone, the marine ecological red line by zone, the area outside the urban "
            "development boundary, natural coastline by class and the optional controls "
            "(mineral resources, geohazard zones, heritage lines, public-welfare forest). The "
            "verdict (PASS / REVIEW / FAIL) follows the rule matrix control × project class, "
            "with the reason and its basis; unknown classes and zones are read as the stricter "
            "case. Writes one feature per project, the conflict pieces and an HTML review report."
        )

    def parameter_help(self) -> dict[str, str]:
        return parameter_help(self)

    def layer_parameters(self) -> list[tuple[str, str, str, str, list]]:
        """(parameter, layer key, title, role, types) of the control and auxiliary layers, in
        the order of the dialog (``reserve`` and ``land`` are no controls of their own)."""
        return [
            (
                self.ECO_REDLINE,
                "eco",
                tr("Ecological protection red line"),
                "eco_redline",
                POLYGONS,
            ),
            (
                self.ECO_SPACE,
                "eco_space",
                tr("Ecological space control areas"),
                "eco_space",
                POLYGONS,
            ),
            (self.FARMLAND, "farm", tr("Permanent basic farmland"), "farmland", POLYGONS),
            (
                self.FARMLAND_RESERVE,
                "reserve",
                tr("Permanent basic farmland reserve"),
                "farmland_reserve",
                POLYGONS,
            ),
            (self.DEV_BOUNDARY, "udb", tr("Urban development boundary"), "dev_boundary", POLYGONS),
            (self.LAND_BOUNDARY, "land", tr("Land area"), "boundary", POLYGONS),
            (self.PROTECTED_AREAS, "pa", tr("Protected areas"), "protected_areas", POLYGONS),
            (
                self.MARINE_REDLINE,
                "marine",
                tr("Marine ecological red line"),
                "marine_redline",
                POLYGONS,
            ),
            (
                self.COASTLINE,
                "coast",
                tr("Natural coastline"),
                "coastline",
                [QgsProcessing.TypeVectorLine],
            ),
            (self.MINERAL, "mineral", tr("Important mineral resources"), "mineral", POLYGONS),
            (
                self.GEOHAZARD,
                "geohazard",
                tr("Geohazard susceptibility zones"),
                "geohazard",
                POLYGONS,
            ),
            (
                self.HERITAGE,
                "heritage",
                tr("Historic and cultural protection lines"),
                "heritage",
                POLYGONS,
            ),
            (self.PUBLIC_FOREST, "forest", tr("Public-welfare forest"), "public_forest", POLYGONS),
        ]

    def initAlgorithm(self, configuration=None):  # noqa: N802
        declare(self)
        self.add_help_to_parameters()

    def process(self, parameters, context, feedback) -> dict:
        inputs = read_inputs(self, parameters, context, feedback)
        layers = [self.INPUT, *(name for name, *_ in self.layer_parameters())]
        engine = choose(self, parameters, context, feedback, layers, inputs.crs, self.INPUT)
        run = run_check(inputs, context, feedback, engine)
        dest_id = write_output(self, parameters, context, run, feedback)
        conflicts_id = write_conflicts(self, parameters, context, run, feedback)
        results = {self.OUTPUT: dest_id}
        if conflicts_id:
            results[self.CONFLICTS] = conflicts_id
        results.update(count_results(self, run, feedback))
        request = (parameters, context, feedback)
        reports, report_path = write_report_outputs(self, request, run, write_report, review_sheet)
        results.update(reports)
        feedback.setProgress(100)
        self.style(context, dest_id, "redline_overlap_output")
        self.style(context, conflicts_id, "redline_overlap_conflicts")
        publish(self, run, dest_id, report_path)
        return results
