"""``lyg_nrp:build_corridors`` — build the corridors of 一带一脉七廊 as managed zones.

:mod:`.inputs` reads the parameters, :mod:`.build` builds the belt, the vein and the rivers
(with :mod:`...core.corridors`), :mod:`.outputs` writes the corridors and their axes.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core import corridors as cc
from ...translate import tr
from ..base import GROUP_ECOLOGY, LygAlgorithm
from ..params import add_name_aliases
from .build import build_all
from .inputs import read_inputs
from .outputs import log_summary, publish, write_outputs


class BuildCorridorsAlgorithm(LygAlgorithm):
    ALG_ID = "build_corridors"
    GROUP_ID = GROUP_ECOLOGY
    ICON = "ecology.svg"

    RIVERS = "RIVERS"
    NAME_FIELD = "NAME_FIELD"
    CORRIDOR_NAMES = "CORRIDOR_NAMES"
    NAME_ALIASES = "NAME_ALIASES"
    WIDTH_FIELD = "WIDTH_FIELD"
    HALF_WIDTH = "HALF_WIDTH"
    COASTLINE = "COASTLINE"
    COAST_WIDTH = "COAST_WIDTH"
    SEA_WIDTH = "SEA_WIDTH"
    GREEN_VEIN = "GREEN_VEIN"
    BOUNDARY = "BOUNDARY"
    OUTPUT = "OUTPUT"
    AXES = "AXES"
    N_CORRIDORS = "N_CORRIDORS"
    MISSING = "MISSING"
    N_MISSING = "N_MISSING"

    def displayName(self) -> str:  # noqa: N802
        return tr("Build corridors (一带一脉七廊)")

    def summary(self) -> str:
        return tr(
            "Builds the ecological security pattern of the plan as managed zones: the seven "
            "river corridors (named river lines merged per name and buffered on both sides), "
            "the coastal barrier belt (landward buffer of the coastline clipped to the land "
            "boundary) and the Yuntai green vein (the green-vein polygons with their longest "
            "internal axis). The axes go to a second output so that the corridor assessment "
            "can cut transects. Corridor names missing from the rivers are reported."
        )

    def parameter_help(self) -> dict[str, str]:
        return {
            self.RIVERS: tr("River centre lines (e.g. the sample layer SX)."),
            self.NAME_FIELD: tr("Field holding the river name (the sample uses HLMC)."),
            self.CORRIDOR_NAMES: tr(
                "Comma-separated corridor names, in order (ids R1, R2, …). A name written "
                "A-B (蔷薇河-临洪河) matches lines named A-B or, if there are none, the lines "
                "named A and B. Aliases (善后河, 蔷薇河, 临洪河 …) are read as the corridor "
                "they name."
            ),
            self.NAME_ALIASES: tr(
                "CSV table of corridor name aliases (columns alias, canonical, basis; default: "
                "resources/rules/corridor_aliases.csv). A requested name or a river line's name "
                "that is an alias counts as its canonical corridor name (善后河 → 古泊善后河)."
            ),
            self.WIDTH_FIELD: tr(
                "Optional numeric field with a half-width (m per side) per river feature; "
                "empty values fall back to the half-width below; zero, negative or absurd "
                "values (over 5000 m) are not used either, with a warning naming the features."
            ),
            self.HALF_WIDTH: tr(
                "Corridor half-width in metres on each side of the river (1 to 5000 m)."
            ),
            self.COASTLINE: tr(
                "Coastline lines for the coastal belt (e.g. HAX; filter to the mainland "
                "coastline if islands should not get a belt)."
            ),
            self.COAST_WIDTH: tr("Landward width of the coastal belt (m, 1 to 20000)."),
            self.SEA_WIDTH: tr(
                "Seaward width of the coastal belt (m, 0 = land only; at most 20000)."
            ),
            self.GREEN_VEIN: tr("Polygon(s) of the Yuntai green vein (e.g. YTS)."),
            self.BOUNDARY: tr(
                "Land area (e.g. XZQ districts) that tells land from sea; required with a "
                "coastline. When given, every corridor (rivers and green vein too) is clipped "
                "to it, and outside_m2 says how much of its band was cut away (a boundary "
                "river such as 灌河 loses about half)."
            ),
            self.OUTPUT: tr(
                "One polygon per corridor, clipped to the land boundary when one is given; "
                "outside_m2 = area of the unclipped band outside it (0 without a boundary)."
            ),
            self.AXES: tr("The axis of each corridor: river centre line, coastline, vein axis."),
            self.N_CORRIDORS: tr("Number of corridors built."),
            self.MISSING: tr("Corridor names not found in the rivers (comma-separated)."),
            self.N_MISSING: tr("Number of corridor names not found."),
        }

    def initAlgorithm(self, configuration=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.RIVERS, tr("Rivers"), [QgsProcessing.TypeVectorLine], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME_FIELD,
                tr("River name field"),
                "HLMC",
                self.RIVERS,
                QgsProcessingParameterField.String,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CORRIDOR_NAMES, tr("Corridor names"), ",".join(cc.DEFAULT_CORRIDOR_NAMES)
            )
        )
        add_name_aliases(self, self.NAME_ALIASES)
        self.addParameter(
            QgsProcessingParameterField(
                self.WIDTH_FIELD,
                tr("Half-width field"),
                None,
                self.RIVERS,
                QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.HALF_WIDTH,
                tr("Half-width of river corridors (m)"),
                QgsProcessingParameterNumber.Double,
                200.0,
                minValue=cc.MIN_WIDTH_M,
                maxValue=cc.MAX_HALF_WIDTH_M,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.COASTLINE, tr("Coastline"), [QgsProcessing.TypeVectorLine], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.COAST_WIDTH,
                tr("Landward width of the coastal belt (m)"),
                QgsProcessingParameterNumber.Double,
                1000.0,
                minValue=cc.MIN_WIDTH_M,
                maxValue=cc.MAX_BELT_WIDTH_M,
            )
        )
        sea = QgsProcessingParameterNumber(
            self.SEA_WIDTH,
            tr("Seaward width of the coastal belt (m)"),
            QgsProcessingParameterNumber.Double,
            0.0,
            minValue=0.0,
            maxValue=cc.MAX_BELT_WIDTH_M,
        )
        sea.setFlags(sea.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(sea)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.GREEN_VEIN,
                tr("Green vein polygons"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BOUNDARY, tr("Land boundary"), [QgsProcessing.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Corridors"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.AXES, tr("Corridor axes"), QgsProcessing.TypeVectorLine
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.N_CORRIDORS, tr("Number of corridors")))
        self.addOutput(QgsProcessingOutputString(self.MISSING, tr("Missing corridor names")))
        self.addOutput(QgsProcessingOutputNumber(self.N_MISSING, tr("Number of missing names")))
        self.add_help_to_parameters()

    def process(self, parameters, context, feedback):
        inputs = read_inputs(self, parameters, context, feedback)
        built = build_all(inputs, context, feedback)
        dest_id, axes_id = write_outputs(self, parameters, context, inputs.crs, built, feedback)
        log_summary(built, feedback)
        feedback.setProgress(100)
        publish(self.ALG_ID, self.displayName(), built, dest_id)
        return {
            self.OUTPUT: dest_id,
            self.AXES: axes_id,
            self.N_CORRIDORS: len(built.corridors),
            self.MISSING: ",".join(built.missing),
            self.N_MISSING: len(built.missing),
        }
