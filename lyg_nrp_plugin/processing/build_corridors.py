"""``lyg_nrp:build_corridors`` — build the corridors of 一带一脉七廊 as managed zones."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import results_bus
from ..core import corridors as cc
from ..core.geometry import dissolve, non_empty_mask
from ..translate import tr
from .base import GROUP_ECOLOGY, LygAlgorithm
from .crs import analysis_crs
from .io.layers import layer_label, require_geometry
from .io.read import read_source
from .io.write import write_features
from .styles import attach_style


class BuildCorridorsAlgorithm(LygAlgorithm):
    ALG_ID = "build_corridors"
    GROUP_ID = GROUP_ECOLOGY
    ICON = "ecology.svg"

    RIVERS = "RIVERS"
    NAME_FIELD = "NAME_FIELD"
    CORRIDOR_NAMES = "CORRIDOR_NAMES"
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
                "named A and B."
            ),
            self.WIDTH_FIELD: tr(
                "Optional numeric field with a half-width (m per side) per river feature; "
                "empty or non-positive values fall back to the half-width below."
            ),
            self.HALF_WIDTH: tr("Corridor half-width in metres on each side of the river."),
            self.COASTLINE: tr(
                "Coastline lines for the coastal belt (e.g. HAX; filter to the mainland "
                "coastline if islands should not get a belt)."
            ),
            self.COAST_WIDTH: tr("Landward width of the coastal belt (m)."),
            self.SEA_WIDTH: tr("Seaward width of the coastal belt (m, 0 = land only)."),
            self.GREEN_VEIN: tr("Polygon(s) of the Yuntai green vein (e.g. YTS)."),
            self.BOUNDARY: tr(
                "Land area (e.g. XZQ districts) that tells land from sea; required with a "
                "coastline."
            ),
            self.OUTPUT: tr("One polygon per corridor."),
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
                minValue=0.01,
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
                minValue=0.01,
            )
        )
        sea = QgsProcessingParameterNumber(
            self.SEA_WIDTH,
            tr("Seaward width of the coastal belt (m)"),
            QgsProcessingParameterNumber.Double,
            0.0,
            minValue=0.0,
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

    @staticmethod
    def output_fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in (
            ("corridor_id", QVariant.String),
            ("name", QVariant.String),
            ("kind", QVariant.String),
            ("kind_zh", QVariant.String),
            ("half_width_m", QVariant.Double),
            ("area_m2", QVariant.Double),
            ("length_m", QVariant.Double),
            ("source", QVariant.String),
        ):
            fields.append(QgsField(name, kind))
        return fields

    @staticmethod
    def axis_fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in (
            ("corridor_id", QVariant.String),
            ("name", QVariant.String),
            ("kind", QVariant.String),
            ("length_m", QVariant.Double),
        ):
            fields.append(QgsField(name, kind))
        return fields

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self.check_dependencies()
        rivers = self.parameterAsSource(parameters, self.RIVERS, context)
        coast = self.parameterAsSource(parameters, self.COASTLINE, context)
        vein = self.parameterAsSource(parameters, self.GREEN_VEIN, context)
        boundary = self.parameterAsSource(parameters, self.BOUNDARY, context)
        if rivers is None and coast is None and vein is None:
            raise QgsProcessingException(
                tr("Give at least one of: rivers, coastline, green vein polygons.")
            )
        if coast is not None and boundary is None:
            raise QgsProcessingException(
                tr(
                    "A land boundary is needed with the coastline: it tells which side of the "
                    "coastline is land."
                )
            )
        labels = {
            "rivers": layer_label(rivers, tr("Rivers")),
            "coast": layer_label(coast, tr("Coastline")),
            "vein": layer_label(vein, tr("Green vein polygons")),
            "boundary": layer_label(boundary, tr("Land boundary")),
        }
        for source, geometry, key in (
            (rivers, QgsWkbTypes.LineGeometry, "rivers"),
            (coast, QgsWkbTypes.LineGeometry, "coast"),
            (vein, QgsWkbTypes.PolygonGeometry, "vein"),
            (boundary, QgsWkbTypes.PolygonGeometry, "boundary"),
        ):
            if source is not None:
                require_geometry(source, geometry, labels[key])
        crs = analysis_crs(
            None, [s.sourceCrs() for s in (rivers, coast, vein, boundary) if s is not None]
        )
        half_width = self.parameterAsDouble(parameters, self.HALF_WIDTH, context)
        coast_width = self.parameterAsDouble(parameters, self.COAST_WIDTH, context)
        sea_width = self.parameterAsDouble(parameters, self.SEA_WIDTH, context)
        names = cc.parse_names(self.parameterAsString(parameters, self.CORRIDOR_NAMES, context))

        built: list[cc.Corridor] = []
        missing: list[str] = []
        if coast is not None:
            feedback.pushInfo(tr("Building the coastal belt…"))
            land_table = read_source(boundary, labels["boundary"], crs, context, feedback)
            coast_table = read_source(
                coast, labels["coast"], crs, context, feedback, dimension=1, progress=(0, 10)
            )
            land = dissolve(land_table.geoms)
            lines = coast_table.geoms[non_empty_mask(coast_table.geoms)]
            polygon, axis = cc.coastal_belt(lines, land, coast_width, sea_width)
            if polygon.is_empty:
                feedback.pushWarning(
                    tr("The coastal belt is empty: the coastline does not reach the land boundary.")
                )
            else:
                built.append(
                    cc.Corridor("BELT", cc.BELT_NAME, cc.KIND_BELT, coast_width, polygon, axis)
                )
        feedback.setProgress(20)
        if vein is not None and not feedback.isCanceled():
            feedback.pushInfo(tr("Building the green vein and its axis…"))
            vein_table = read_source(vein, labels["vein"], crs, context, feedback)
            polygon = dissolve(vein_table.geoms)
            if polygon.is_empty:
                feedback.pushWarning(tr("The green vein layer has no polygon."))
            else:
                axis = cc.longest_internal_axis(polygon)
                built.append(cc.Corridor("VEIN", cc.VEIN_NAME, cc.KIND_VEIN, None, polygon, axis))
        feedback.setProgress(35)
        if rivers is not None and not feedback.isCanceled():
            built_rivers, missing = self._rivers(
                parameters, context, feedback, rivers, labels["rivers"], crs, names, half_width
            )
            built.extend(built_rivers)
        elif names:
            missing = list(names)
            feedback.pushWarning(
                tr("No river layer given: the river corridors {names} are not built.").format(
                    names=", ".join(names)
                )
            )

        fields = self.output_fields()
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        axis_sink, axes_id = self.parameterAsSink(
            parameters, self.AXES, context, self.axis_fields(), QgsWkbTypes.MultiLineString, crs
        )
        if axis_sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.AXES))
        rows = [
            [
                c.corridor_id,
                c.name,
                c.kind,
                c.kind_zh,
                c.half_width_m,
                c.area_m2,
                c.length_m,
                "+".join(c.source_names),
            ]
            for c in built
        ]
        write_features(sink, fields, [c.polygon for c in built], rows, feedback)
        with_axis = [c for c in built if not c.axis.is_empty]
        write_features(
            axis_sink,
            self.axis_fields(),
            [c.axis for c in with_axis],
            [[c.corridor_id, c.name, c.kind, c.length_m] for c in with_axis],
            feedback,
        )
        attach_style(self, context, dest_id, "build_corridors_OUTPUT")
        attach_style(self, context, axes_id, "build_corridors_AXES")
        for c in built:
            feedback.pushInfo(
                tr("{id} {name}: {area:,.2f} ha, axis {length:,.0f} m").format(
                    id=c.corridor_id, name=c.name, area=c.area_m2 / 10000, length=c.length_m
                )
            )
        if missing:
            feedback.pushWarning(
                tr("Corridors not found in the rivers: {names}").format(names=", ".join(missing))
            )
        feedback.setProgress(100)
        self._publish(built, missing, dest_id)
        return {
            self.OUTPUT: dest_id,
            self.AXES: axes_id,
            self.N_CORRIDORS: len(built),
            self.MISSING: ",".join(missing),
            self.N_MISSING: len(missing),
        }

    def _rivers(self, parameters, context, feedback, rivers, label, crs, names, half_width):
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        width_field = self.parameterAsString(parameters, self.WIDTH_FIELD, context)
        if not name_field:
            raise QgsProcessingException(
                tr("Choose the river name field of {layer}.").format(layer=label)
            )
        fields = [name_field] + ([width_field] if width_field else [])
        table = read_source(
            rivers, label, crs, context, feedback, fields=fields, dimension=1, progress=(35, 60)
        )
        ok = non_empty_mask(table.geoms)
        widths = np.full(len(table), half_width)
        if width_field:
            raw = table.column(width_field)
            bad = 0
            for i, value in enumerate(raw):
                try:
                    number = float(value)
                except (TypeError, ValueError):
                    number = float("nan")
                if np.isfinite(number) and number > 0:
                    widths[i] = number
                else:
                    bad += 1
            if bad:
                feedback.pushWarning(
                    tr(
                        "{layer}: {n} features have no positive value in {field}; they use the "
                        "half-width {width} m."
                    ).format(layer=label, n=bad, field=width_field, width=half_width)
                )
        feature_names = [n if ok[i] else None for i, n in enumerate(table.column(name_field))]
        built, missing = [], []
        for number, match in enumerate(cc.match_names(names, feature_names), start=1):
            if feedback.isCanceled():
                break
            if not match.found:
                missing.append(match.name)
                feedback.pushWarning(
                    tr(
                        "Corridor {name}: no river line named so in {layer} (field {field})."
                    ).format(name=match.name, layer=label, field=name_field)
                )
                continue
            if match.missing_parts:
                feedback.pushWarning(
                    tr("Corridor {name}: built from {found} only; {missing} not found.").format(
                        name=match.name,
                        found="+".join(match.matched_names),
                        missing="+".join(match.missing_parts),
                    )
                )
            lines = table.geoms[match.indices]
            w = widths[match.indices]
            polygon, axis = cc.river_corridor(lines, w)
            lengths = shapely.length(lines)
            mean_w = float(np.average(w, weights=lengths)) if lengths.sum() > 0 else float(w[0])
            if axis.geom_type == "MultiLineString":
                feedback.pushInfo(
                    tr(
                        "Corridor {name}: the river lines do not join into one line ({n} pieces)."
                    ).format(name=match.name, n=len(shapely.get_parts(axis)))
                )
            built.append(
                cc.Corridor(
                    cc.corridor_id(cc.KIND_RIVER, number),
                    match.name,
                    cc.KIND_RIVER,
                    mean_w,
                    polygon,
                    axis,
                    list(match.matched_names),
                )
            )
            feedback.setProgress(60 + 35 * number / max(len(names), 1))
        return built, missing

    def _publish(self, built, missing, dest_id) -> None:
        rows = [
            results_bus.ResultRow(
                c.corridor_id,
                c.name,
                "PASS",
                "已构建",
                c.area_m2,
                f"{c.kind_zh} {c.length_m:,.0f} m",
            )
            for c in built
        ]
        rows += [
            results_bus.ResultRow("", name, "FAIL", "缺失", None, tr("not found in the rivers"))
            for name in missing
        ]
        results_bus.publish(
            results_bus.CheckResult(
                self.ALG_ID,
                self.displayName(),
                {"PASS": len(built), "FAIL": len(missing)},
                rows,
                dest_id,
            )
        )
