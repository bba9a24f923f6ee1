"""``lyg_nrp:landuse_occupation`` — 占用地类分析: what each project occupies by 三调 land class.

Overlay of the projects with the 三调 DLTB parcels (``core.overlay.intersect_pairs``: STRtree
+ vectorised intersection), gross area of every piece measured planar or on the CGCS2000
ellipsoid, net area = gross × (1 − KCXS), grouped per (project, DLBM) and summarised per
project (``core.occupation``). The occupied 耕地 pieces are written in the form
``lyg_nrp:farmland_balance`` takes as its occupied input.

``inputs`` reads and checks the parameters, ``run`` reads the layers and computes the
occupation (:class:`~.run.OccupationRun`), ``outputs`` writes OUTPUT / SUMMARY /
FARMLAND_PIECES, ``report`` (with ``report_map``) the HTML report.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...translate import tr
from ..base import GROUP_REDLINE, LygAlgorithm
from ..params import add_analysis_crs, add_area_method, add_count_outputs, add_projects, add_report
from .inputs import read_inputs
from .outputs import number_results, publish, write_farmland_pieces, write_summary, write_table
from .report import write_report
from .report_map import CLASS_COLOURS
from .run import run_occupation

__all__ = ["CLASS_COLOURS", "LanduseOccupationAlgorithm"]


class LanduseOccupationAlgorithm(LygAlgorithm):
    ALG_ID = "landuse_occupation"
    GROUP_ID = GROUP_REDLINE
    ICON = "redline.svg"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    LANDUSE = "LANDUSE"
    DLBM_FIELD = "DLBM_FIELD"
    KCXS_FIELD = "KCXS_FIELD"
    GRADE_FIELD = "GRADE_FIELD"
    SLOPE_FIELD = "SLOPE_FIELD"
    SALTPAN_AS_WETLAND = "SALTPAN_AS_WETLAND"
    AREA_METHOD = "AREA_METHOD"
    ANALYSIS_CRS = "ANALYSIS_CRS"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    FARMLAND_PIECES = "FARMLAND_PIECES"
    REPORT = "REPORT"
    N_PROJECTS = "N_PROJECTS"
    FARM_M2 = "FARM_M2"

    def displayName(self) -> str:  # noqa: N802
        return tr("Land-use occupation analysis")

    def summary(self) -> str:
        return tr(
            "Intersects proposed projects with the land-use parcels of the third national land "
            "survey (DLTB) and reports, per project and land-use code, the gross area and the "
            "net area (gross × (1 − KCXS)), a summary per project by first-level class "
            "(cultivated land, paddy, garden, forest, grass, wetland, construction land, water, "
            "other) and the occupied cultivated-land pieces with grade and slope, ready for the "
            "farmland balance check."
        )

    def parameter_help(self) -> dict[str, str]:
        return {
            self.INPUT: tr("Proposed project polygons (any CRS)."),
            self.ID_FIELD: tr("Field that identifies a project (default: the feature id)."),
            self.LANDUSE: tr("Land-use parcels of the third national land survey (DLTB)."),
            self.DLBM_FIELD: tr("Land-use code field (DLBM)."),
            self.KCXS_FIELD: tr(
                "Deduction coefficient field (KCXS, a fraction); net area = "
                "gross × (1 − KCXS). Skipped when the layer has no such field."
            ),
            self.GRADE_FIELD: tr("Cultivated-land quality grade field (GDDB)."),
            self.SLOPE_FIELD: tr("Cultivated-land slope class field (GDPDJB)."),
            self.SALTPAN_AS_WETLAND: tr("Count salt pans (0603) as wetland."),
            self.AREA_METHOD: tr(
                "Planar areas in the analysis CRS, or ellipsoidal areas on the "
                "CGCS2000 ellipsoid (as official survey areas are)."
            ),
            self.ANALYSIS_CRS: tr("Projected CRS in which the overlay is computed."),
            self.OUTPUT: tr("Table: one row per project and land-use code."),
            self.SUMMARY: tr("One feature per project with the occupied area per class."),
            self.FARMLAND_PIECES: tr(
                "The occupied cultivated-land pieces (input of the farmland balance check)."
            ),
            self.REPORT: tr(
                "HTML report of the occupation: totals by class, a table per "
                "project, occupied cultivated land and a map."
            ),
            self.N_PROJECTS: tr("Number of projects analysed."),
            self.FARM_M2: tr("Total occupied cultivated land (net, m²)."),
        }

    def initAlgorithm(self, configuration=None):  # noqa: N802
        add_projects(self, self.INPUT, self.ID_FIELD)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LANDUSE, tr("Land-use parcels (DLTB)"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        for name, title, default in (
            (self.DLBM_FIELD, tr("Land-use code field"), "DLBM"),
            (self.KCXS_FIELD, tr("Deduction coefficient field"), "KCXS"),
            (self.GRADE_FIELD, tr("Farmland grade field"), "GDDB"),
            (self.SLOPE_FIELD, tr("Farmland slope class field"), "GDPDJB"),
        ):
            self.addParameter(
                QgsProcessingParameterField(name, title, default, self.LANDUSE, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SALTPAN_AS_WETLAND, tr("Count salt pans as wetland"), False
            )
        )
        add_area_method(self, self.AREA_METHOD)
        add_analysis_crs(self, self.ANALYSIS_CRS)
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
        add_report(self, self.REPORT, tr("Occupation report"))
        add_count_outputs(
            self,
            (
                (self.N_PROJECTS, tr("Number of projects")),
                (self.FARM_M2, tr("Occupied cultivated land (m²)")),
            ),
        )
        self.add_help_to_parameters()

    def process(self, parameters, context, feedback) -> dict:
        inputs = read_inputs(self, parameters, context, feedback)
        run = run_occupation(inputs, context, feedback)
        results = {self.OUTPUT: write_table(self, parameters, context, run, feedback)}
        summary_id = write_summary(self, parameters, context, run, feedback)
        pieces_id = write_farmland_pieces(self, parameters, context, run, feedback)
        for name, dest_id in ((self.SUMMARY, summary_id), (self.FARMLAND_PIECES, pieces_id)):
            if dest_id:
                results[name] = dest_id
        results.update(number_results(self, run, feedback))
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            write_report(report_path, run)
            results[self.REPORT] = report_path
        feedback.setProgress(100)
        self.style(context, summary_id, "landuse_occupation_summary")
        self.style(context, pieces_id, "landuse_occupation_farmland")
        publish(self, run, summary_id or results[self.OUTPUT], report_path)
        return results
