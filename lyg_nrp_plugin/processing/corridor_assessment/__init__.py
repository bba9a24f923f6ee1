"""``lyg_nrp:corridor_assessment`` — 廊道管控评估: where each corridor is healthy or broken.

:mod:`.inputs` reads the parameters, :mod:`.layers` the layers, :mod:`.run` assesses each
corridor (with :mod:`...core.transects`), :mod:`.outputs` writes the layers and
:mod:`.report` the HTML report.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.progress import Progress
from ...core.transects import DEFAULT_ECO_CLASSES
from ...translate import tr
from ..base import GROUP_ECOLOGY, LygAlgorithm
from ..params import add_name_aliases, add_report
from .inputs import read_inputs
from .layers import read_layers
from .outputs import publish, write_outputs
from .report import write_report
from .run import AssessmentRun, assess_all

# sane bounds (m): a transect every 1 m to 10 km; an ecological width up to 5 km (the widest
# corridor build_corridors makes is 2 x 5000 m)
MIN_SPACING_M, MAX_SPACING_M, MAX_ECO_WIDTH_M = 1.0, 10000.0, 5000.0

__all__ = ["AssessmentRun", "CorridorAssessmentAlgorithm", "write_report"]


class CorridorAssessmentAlgorithm(LygAlgorithm):
    ALG_ID = "corridor_assessment"
    GROUP_ID = GROUP_ECOLOGY
    ICON = "ecology.svg"

    CORRIDORS = "CORRIDORS"
    AXES = "AXES"
    LANDUSE = "LANDUSE"
    DLBM_FIELD = "DLBM_FIELD"
    PROJECTS = "PROJECTS"
    PROJECT_ID_FIELD = "PROJECT_ID_FIELD"
    ECO_CLASSES = "ECO_CLASSES"
    TRANSECT_SPACING = "TRANSECT_SPACING"
    MIN_ECO_WIDTH = "MIN_ECO_WIDTH"
    BREAK_BUILT_SHARE = "BREAK_BUILT_SHARE"
    GRADE_RULES = "GRADE_RULES"
    NAME_ALIASES = "NAME_ALIASES"
    OUTPUT = "OUTPUT"
    TRANSECTS = "TRANSECTS"
    BREAKS = "BREAKS"
    REPORT = "REPORT"
    N_CORRIDORS = "N_CORRIDORS"
    N_BREAKS = "N_BREAKS"
    N_REPAIRED = "N_REPAIRED"

    def displayName(self) -> str:  # noqa: N802
        return tr("Corridor assessment (廊道管控评估)")

    def summary(self) -> str:
        return tr(
            "Assesses each ecological corridor on its own: its land-use composition "
            "(ecological, built and farm land, proposed projects), transects perpendicular to "
            "its axis with the ecological width and built-up share of each, the breaks where "
            "consecutive transects are too narrow or built up, the fragmentation of its "
            "ecological land, and a grade from an editable threshold table."
        )

    def parameter_help(self) -> dict[str, str]:
        return {
            self.CORRIDORS: tr(
                "Corridor polygons (output of Build corridors, or any polygons with the fields "
                "corridor_id, name and kind = river/belt/vein)."
            ),
            self.AXES: tr(
                "Corridor axes (second output of Build corridors), matched by corridor_id or "
                "name. A river or belt corridor without an axis gets one derived from its "
                "polygon (longest internal axis), with a warning."
            ),
            self.LANDUSE: tr("Land-use parcels of the third national land survey (DLTB)."),
            self.DLBM_FIELD: tr("Field holding the land-use code DLBM."),
            self.PROJECTS: tr("Proposed construction projects (optional)."),
            self.PROJECT_ID_FIELD: tr(
                "Field naming the projects in the breaks output (e.g. XMBH; default: feature id)."
            ),
            self.ECO_CLASSES: tr(
                "What counts as ecological land: comma-separated class keys (forest, grass, "
                "wetland, water, …), Chinese class names (林地, 草地, 湿地, 水域) or DLBM codes "
                "or code prefixes; a leading minus excludes (-1109 水工建筑用地, -1107 沟渠, "
                "-1104A 养殖坑塘: not ecological by default, the plan asks for 退养还湿). The "
                "water surface 1101-1103 is measured apart and never counts."
            ),
            self.TRANSECT_SPACING: tr("Distance between transects along the axis (m, 1 to 10000)."),
            self.MIN_ECO_WIDTH: tr(
                "A transect with less ecological width than this (m, 0 to 5000) is a break. "
                "The width is measured from the banks: the water surface (1101-1103) never "
                "counts, and a transect all on water is no break."
            ),
            self.BREAK_BUILT_SHARE: tr(
                "A transect whose built-up share (of its length) reaches this value is a break."
            ),
            self.GRADE_RULES: tr(
                "CSV table of grade thresholds (default: resources/rules/corridor_grades.csv)."
            ),
            self.NAME_ALIASES: tr(
                "CSV table of corridor name aliases, as in build_corridors (default: "
                "resources/rules/corridor_aliases.csv). When the axes are matched to the "
                "corridors by name, an alias counts as its canonical name (an axis named "
                "善后河 is the axis of the corridor 古泊善后河)."
            ),
            self.OUTPUT: tr(
                "One row per corridor with its indicators and grade. water_m2 is the water "
                "surface (1101, 1102, 1103) inside the corridor; eco_m2 excludes it and "
                "eco_ratio = eco_m2 / (area_m2 − water_m2), the share of the land beside the "
                "water (likewise built_ratio and largest_patch_ratio). A corridor that is all "
                "water has no ratio and no grade (grade_note says why)."
            ),
            self.TRANSECTS: tr("Transect lines with ecological width, built share, break flag."),
            self.BREAKS: tr(
                "Breaks: runs of consecutive break transects, one polygon each (optional; "
                "created by default in QGIS Desktop)."
            ),
            self.REPORT: tr("HTML report with tables, width charts and a map."),
            self.N_CORRIDORS: tr("Number of corridors assessed."),
            self.N_BREAKS: tr("Number of breaks found."),
            self.N_REPAIRED: tr("Number of invalid input geometries repaired."),
        }

    def initAlgorithm(self, configuration=None):  # noqa: N802
        polygons, lines = QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorLine
        for name, title, kind, optional in (
            (self.CORRIDORS, tr("Corridors"), polygons, False),
            (self.AXES, tr("Corridor axes"), lines, True),
            (self.LANDUSE, tr("Land-use parcels (DLTB)"), polygons, False),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSource(name, title, [kind], optional=optional)
            )
        self.addParameter(
            QgsProcessingParameterField(
                self.DLBM_FIELD, tr("Land-use code field"), "DLBM", self.LANDUSE, optional=True
            )
        )  # optional so that the default DLBM applies (QGIS 3.22 checks)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PROJECTS,
                tr("Proposed projects"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.PROJECT_ID_FIELD, tr("Project id field"), None, self.PROJECTS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ECO_CLASSES, tr("Ecological land classes"), DEFAULT_ECO_CLASSES
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TRANSECT_SPACING,
                tr("Transect spacing (m)"),
                QgsProcessingParameterNumber.Double,
                100.0,
                minValue=MIN_SPACING_M,
                maxValue=MAX_SPACING_M,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_ECO_WIDTH,
                tr("Minimum ecological width (m)"),
                QgsProcessingParameterNumber.Double,
                30.0,
                minValue=0.0,
                maxValue=MAX_ECO_WIDTH_M,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BREAK_BUILT_SHARE,
                tr("Built-up share that breaks a transect"),
                QgsProcessingParameterNumber.Double,
                0.5,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        rules = QgsProcessingParameterFile(
            self.GRADE_RULES, tr("Grade thresholds (CSV)"), extension="csv", optional=True
        )
        rules.setFlags(rules.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(rules)
        add_name_aliases(self, self.NAME_ALIASES)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Corridor assessment"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.TRANSECTS,
                tr("Transects"),
                QgsProcessing.TypeVectorLine,
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.BREAKS,
                tr("Breaks"),
                QgsProcessing.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )  # optional so that qgis_process runs with OUTPUT alone (created by default in Desktop)
        add_report(self, self.REPORT, tr("Report"))
        self.addOutput(QgsProcessingOutputNumber(self.N_CORRIDORS, tr("Number of corridors")))
        self.addOutput(QgsProcessingOutputNumber(self.N_BREAKS, tr("Number of breaks")))
        self.addOutput(QgsProcessingOutputNumber(self.N_REPAIRED, tr("Repaired geometries")))
        self.add_help_to_parameters()

    def process(self, parameters, context, feedback):
        inputs = read_inputs(self, parameters, context, feedback)
        layers = read_layers(inputs, context, feedback)
        run = assess_all(inputs, layers, feedback, Progress(feedback, 32, 90))
        dest = write_outputs(self, parameters, context, run, feedback)
        outputs = {
            self.OUTPUT: dest[self.OUTPUT],
            self.N_CORRIDORS: len(run.results),
            self.N_BREAKS: run.n_breaks,
            self.N_REPAIRED: run.n_repaired,
        }
        for name in (self.BREAKS, self.TRANSECTS):
            if dest.get(name):
                outputs[name] = dest[name]
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            Progress(feedback).check()
            outputs[self.REPORT] = write_report(report_path, run)
        feedback.setProgress(100)
        publish(self.ALG_ID, self.displayName(), run, dest[self.OUTPUT], outputs.get(self.REPORT))
        return outputs
