"""``lyg_nrp:landuse_occupation`` — 占用地类分析: what each project occupies by 三调 land class.

Overlay of the projects with the 三调 DLTB parcels (``core.overlay.intersect_pairs``: STRtree
+ vectorised intersection), overlapping parcels counted once per project (``core.overlaps``:
the lower fid keeps the overlap), gross area of every piece measured planar or on the CGCS2000
ellipsoid, net area = gross × (1 − KCXS) (KCXS unit decided per layer, ``core.values``) or the
parcel's TBDLMJ pro rata, grouped per (project, DLBM) and summarised per project
(``core.occupation``): first-level classes, 农用地 / 建设用地 / 未利用地 (GB/T 21010-2017 附录A)
and 耕地 inside / outside 永久基本农田. The occupied 耕地 pieces are written in the form
``lyg_nrp:farmland_balance`` takes as its occupied input.

``inputs`` reads and checks the parameters (``help`` their texts), ``run`` reads the layers and
computes the occupation (:class:`~.run.OccupationRun`), ``outputs`` writes OUTPUT / SUMMARY /
FARMLAND_PIECES, ``report`` (with ``report_map``) the HTML report, ``sheet`` the review sheet.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
)

from ...translate import tr
from ..base import GROUP_REDLINE, LygAlgorithm
from ..params import (
    add_analysis_crs,
    add_area_method,
    add_count_outputs,
    add_report,
    add_report_pdf,
    field_parameter,
    layer_parameter,
)
from ..pushdown import add_execution, choose
from ..report.pdf import write_report_outputs
from .help import parameter_help
from .inputs import read_inputs
from .outputs import number_results, publish, write_farmland_pieces, write_summary, write_table
from .report import write_report
from .report_map import CLASS_COLOURS
from .run import run_occupation
from .sheet import review_sheet

__all__ = ["CLASS_COLOURS", "LanduseOccupationAlgorithm", "review_sheet"]

POLYGONS = [QgsProcessing.TypeVectorPolygon]


class LanduseOccupationAlgorithm(LygAlgorithm):
    ALG_ID = "landuse_occupation"
    GROUP_ID = GROUP_REDLINE
    ICON = "redline.svg"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    NAME_FIELD = "NAME_FIELD"
    LANDUSE = "LANDUSE"
    DLBM_FIELD = "DLBM_FIELD"
    KCXS_FIELD = "KCXS_FIELD"
    AREA_FIELD = "AREA_FIELD"
    GRADE_FIELD = "GRADE_FIELD"
    SLOPE_FIELD = "SLOPE_FIELD"
    FARMLAND = "FARMLAND"
    SALTPAN_AS_WETLAND = "SALTPAN_AS_WETLAND"
    AREA_METHOD = "AREA_METHOD"
    ANALYSIS_CRS = "ANALYSIS_CRS"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    FARMLAND_PIECES = "FARMLAND_PIECES"
    REPORT = "REPORT"
    REPORT_PDF = "REPORT_PDF"
    N_PROJECTS = "N_PROJECTS"
    FARM_M2 = "FARM_M2"

    def displayName(self) -> str:  # noqa: N802
        return tr("Land-use occupation analysis")

    def summary(self) -> str:
        return tr(
            "Intersects proposed projects with the land-use parcels of the third national land "
            "survey (DLTB) and reports, per project and land-use code, the gross area and the "
            "net area (gross × (1 − KCXS)), a summary per project by first-level class and by "
            "the three classes of the Land Administration Law (agricultural, construction, "
            "unused land), the cultivated land inside and outside permanent basic farmland, and "
            "the occupied cultivated-land pieces with grade and slope, ready for the farmland "
            "balance check. Overlapping parcels are counted once."
        )

    def parameter_help(self) -> dict[str, str]:
        return parameter_help(self)

    def initAlgorithm(self, configuration=None):  # noqa: N802
        self.addParameter(
            layer_parameter(self.INPUT, tr("Construction projects"), "projects", POLYGONS)
        )
        self.addParameter(
            field_parameter(self.ID_FIELD, tr("Project id field"), self.INPUT, "project_id")
        )
        self.addParameter(
            field_parameter(self.NAME_FIELD, tr("Project name field"), self.INPUT, "project_name")
        )
        self.addParameter(
            layer_parameter(self.LANDUSE, tr("Land-use parcels (DLTB)"), "landuse", POLYGONS)
        )
        self.addParameter(
            field_parameter(self.DLBM_FIELD, tr("Land-use code field"), self.LANDUSE, "dlbm")
        )
        for name, title, kind in (
            (self.KCXS_FIELD, tr("Deduction coefficient field"), "kcxs"),
            (self.GRADE_FIELD, tr("Farmland grade field"), "grade"),
            (self.SLOPE_FIELD, tr("Farmland slope class field"), "slope"),
        ):
            self.addParameter(field_parameter(name, title, self.LANDUSE, kind))
        self.addParameter(
            QgsProcessingParameterField(
                self.AREA_FIELD, tr("Official net area field"), None, self.LANDUSE, optional=True
            )
        )
        self.addParameter(
            layer_parameter(
                self.FARMLAND, tr("Permanent basic farmland"), "farmland", POLYGONS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SALTPAN_AS_WETLAND, tr("Count salt pans as wetland"), False
            )
        )
        add_area_method(self, self.AREA_METHOD)
        add_analysis_crs(self, self.ANALYSIS_CRS)
        add_execution(self)
        self.add_outputs()
        self.add_help_to_parameters()

    def add_outputs(self) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Occupation by land-use code"), QgsProcessing.TypeVector
            )
        )
        for name, title in (
            (self.SUMMARY, tr("Occupation summary per project")),
            (self.FARMLAND_PIECES, tr("Occupied cultivated land")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    name,
                    title,
                    QgsProcessing.TypeVectorPolygon,
                    optional=True,
                    createByDefault=True,
                )
            )
        add_report(self, self.REPORT, tr("Occupation report"), create_by_default=True)
        add_report_pdf(self, self.REPORT_PDF)
        add_count_outputs(
            self,
            (
                (self.N_PROJECTS, tr("Number of projects")),
                (self.FARM_M2, tr("Occupied cultivated land (m²)")),
            ),
        )

    def process(self, parameters, context, feedback) -> dict:
        inputs = read_inputs(self, parameters, context, feedback)
        layers = (self.INPUT, self.LANDUSE, self.FARMLAND)
        engine = choose(self, parameters, context, feedback, layers, inputs.crs, self.INPUT)
        run = run_occupation(inputs, context, feedback, engine)
        results = {self.OUTPUT: write_table(self, parameters, context, run, feedback)}
        summary_id = write_summary(self, parameters, context, run, feedback)
        pieces_id = write_farmland_pieces(self, parameters, context, run, feedback)
        for name, dest_id in ((self.SUMMARY, summary_id), (self.FARMLAND_PIECES, pieces_id)):
            if dest_id:
                results[name] = dest_id
        results.update(number_results(self, run, feedback))
        request = (parameters, context, feedback)
        reports, report_path = write_report_outputs(self, request, run, write_report, review_sheet)
        results.update(reports)
        feedback.setProgress(100)
        self.style(context, summary_id, "landuse_occupation_summary")
        self.style(context, pieces_id, "landuse_occupation_farmland")
        publish(self, run, summary_id or results[self.OUTPUT], report_path)
        return results
