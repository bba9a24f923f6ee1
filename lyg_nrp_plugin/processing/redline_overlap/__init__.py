"""``lyg_nrp:redline_overlap`` — 红线冲突检测 (建设项目用地合规性审查 / 用地预审).

For each proposed project: how much of it lies in each control zone (生态保护红线, 永久基本农田,
outside the 城镇开发边界, 自然保护地 and its core zone, 海洋生态红线) and how much natural
coastline it takes; a verdict from the rule file ``resources/rules/redline_rules.csv``.
The overlay is vectorised in ``core.overlay`` (STRtree + shapely arrays); areas are measured on
the final (dissolved) pieces with ``measure.area_function`` (planar or CGCS2000 ellipsoid).
"""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import results_bus
from ..core import overlay
from ..core.redline_rules import (
    CONTROLS,
    MIN_LENGTH_M,
    RuleFileError,
    default_rules_path,
    evaluate,
    load_rules,
)
from ..core.units import m2_to_ha, m2_to_mu
from ..translate import is_chinese, tr
from .base import GROUP_REDLINE, LygAlgorithm
from .crs import parameter_analysis_crs
from .io.layers import layer_label, require_geometry, source_description
from .io.near import near_subset
from .io.projects import project_id_field, read_projects
from .io.read import read_geometries, read_source
from .io.write import input_fields_without, write_features
from .measure import area_function, length_function
from .params import AREA_ELLIPSOIDAL, DEFAULT_ANALYSIS_CRS
from .report.html import HtmlReport
from .report.maps import memory_layer, render_map_png
from .styles import attach_style

# control key -> OUTPUT field
CONTROL_FIELDS = {
    "eco": "eco_m2",
    "farm": "farm_m2",
    "udb_out": "udb_out_m2",
    "pa": "pa_m2",
    "pa_core": "pa_core_m2",
    "marine": "marine_m2",
    "coast": "coast_m",
}
RESULT_FIELDS = (
    "proj_m2",
    "eco_m2",
    "farm_m2",
    "udb_out_m2",
    "pa_m2",
    "pa_core_m2",
    "marine_m2",
    "coast_m",
)
CORE_ZONE_MARK = "核心"


def area_text(area_m2: float | None) -> str:
    if area_m2 is None:
        return "—"
    return f"{m2_to_ha(area_m2):,.4f} / {m2_to_mu(area_m2):,.2f}"


# backdrop of the report map: control key -> symbol properties (coast: a line layer)
BACKDROP = {
    "eco": {"color": "90,170,90,90", "outline_color": "40,120,40,200", "outline_width": "0.2"},
    "marine": {"color": "90,150,220,80", "outline_color": "40,90,170,200", "outline_width": "0.2"},
    "pa": {
        "color": "150,200,120,60",
        "outline_color": "60,130,60,200",
        "outline_width": "0.3",
        "outline_style": "dash",
    },
    "farm": {"color": "250,230,140,90", "outline_color": "0,0,0,0"},
    "udb_out": {
        "color": "0,0,0,0",
        "outline_color": "160,60,160,255",
        "outline_width": "0.5",
        "outline_style": "dash",
    },
    "coast": {"line_color": "20,90,200,255", "line_width": "0.6"},
}


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
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Construction projects"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ID_FIELD, tr("Project id field"), None, self.INPUT, optional=True
            )
        )
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
        self.addParameter(
            QgsProcessingParameterEnum(
                self.AREA_METHOD,
                tr("Area method"),
                [tr("Planar (analysis CRS)"), tr("Ellipsoidal (CGCS2000)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                self.ANALYSIS_CRS, tr("Analysis CRS"), DEFAULT_ANALYSIS_CRS, optional=True
            )
        )
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
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT,
                tr("Review report"),
                tr("HTML files (*.html)"),
                optional=True,
                createByDefault=False,
            )
        )
        for name, title in (
            (self.N_PROJECTS, tr("Number of projects")),
            (self.N_FAIL, tr("Number failing")),
            (self.N_REVIEW, tr("Number needing review")),
            (self.N_PASS, tr("Number passing")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, title))
        self.add_help_to_parameters()

    # --- run ---------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):  # noqa: N802
        self.check_dependencies()
        source, input_label = self.source(parameters, self.INPUT, context)
        id_field = self.required_field(parameters, self.ID_FIELD, context, source, input_label)
        crs = parameter_analysis_crs(self, parameters, context, self.ANALYSIS_CRS)
        method = self.parameterAsEnum(parameters, self.AREA_METHOD, context)
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        rules_path = self.parameterAsFile(parameters, self.RULES_FILE, context)
        try:
            rules = load_rules(rules_path or default_rules_path())
        except RuleFileError as error:
            raise QgsProcessingException(
                tr("The rule file cannot be used: {error}").format(error=str(error))
            ) from error

        # control layers: validate all before reading anything
        controls: dict[str, tuple] = {}
        for name, key, description in self.control_layers():
            layer = self.parameterAsSource(parameters, name, context)
            if layer is None:
                continue
            label = layer_label(layer, description)
            require_geometry(layer, QgsWkbTypes.PolygonGeometry, label)
            controls[key] = (name, layer, label)
        zone_field = ""
        if "pa" in controls:
            zone_field = self.required_field(
                parameters, self.PA_ZONE_FIELD, context, controls["pa"][1], controls["pa"][2]
            )
        coast_layer = self.parameterAsSource(parameters, self.COASTLINE, context)
        coast_field = coast_value = ""
        if coast_layer is not None:
            label = layer_label(coast_layer, tr("Natural coastline"))
            require_geometry(coast_layer, QgsWkbTypes.LineGeometry, label)
            coast_field = self.required_field(
                parameters, self.COAST_TYPE_FIELD, context, coast_layer, label
            )
            coast_value = (
                self.parameterAsString(parameters, self.COAST_TYPE_VALUE, context) or ""
            ).strip()
            controls["coast"] = (self.COASTLINE, coast_layer, label)
        if not controls:
            raise QgsProcessingException(
                tr(
                    "Give at least one control layer (ecological red line, farmland, urban "
                    "development boundary, protected areas, marine red line or coastline)."
                )
            )

        # read
        n_layers = 1 + len(controls)
        span = 40.0 / n_layers
        projects = read_projects(source, input_label, id_field, crs, context, feedback, (0, span))
        geoms, fids, ids = projects.geoms, projects.fids, projects.ids
        n = len(geoms)
        stats = {"projects": projects.table.stats}
        tables = {}
        for i, (key, (_name, layer, label)) in enumerate(controls.items(), start=1):
            if feedback.isCanceled():
                return {}
            fields = []
            if key == "pa" and zone_field:
                fields = [zone_field]
            if key == "coast" and coast_field:
                fields = [coast_field]
            near = near_subset(layer, geoms, crs, context, feedback, fields)
            if fields:
                table = read_source(
                    near,
                    label,
                    crs,
                    context,
                    feedback,
                    fields,
                    1 if key == "coast" else 2,
                    (i * span, (i + 1) * span),
                )
            else:
                table = read_geometries(
                    near,
                    label,
                    crs,
                    context,
                    feedback,
                    1 if key == "coast" else 2,
                    (i * span, (i + 1) * span),
                )
            ok = ~(shapely.is_missing(table.geoms) | shapely.is_empty(table.geoms))
            tables[key] = (table, ok)
            stats[key] = table.stats
        feedback.pushInfo(
            tr("{n} projects read; overlaying with {k} control layers.").format(
                n=n, k=len(controls)
            )
        )

        # overlay
        cancelled = feedback.isCanceled
        overlaps: dict[str, np.ndarray] = {}
        backdrop: dict[str, np.ndarray] = {}  # control geometries, for the report map
        step = 40.0 / max(len(controls), 1)
        for i, key in enumerate(controls):
            if feedback.isCanceled():
                return {}
            table, ok = tables[key]
            control_geoms = table.geoms[ok]
            if key == "udb_out":
                overlaps[key] = overlay.outside_per_project(
                    geoms, control_geoms, cancelled=cancelled
                )
            elif key == "coast":
                if coast_field:
                    values = np.array(
                        [
                            str(v).strip() if v is not None else ""
                            for v in table.column(coast_field)
                        ],
                        dtype=object,
                    )[ok]
                    control_geoms = control_geoms[values == coast_value]
                overlaps[key] = overlay.lines_inside_per_project(
                    geoms, control_geoms, cancelled=cancelled
                )
            elif key == "pa":
                overlaps["pa"] = overlay.overlap_per_project(
                    geoms, control_geoms, cancelled=cancelled
                )
                if zone_field:
                    zones = [str(v) if v is not None else "" for v in table.column(zone_field)]
                    core = np.array([CORE_ZONE_MARK in z for z in zones], dtype=bool)[ok]
                    overlaps["pa_core"] = overlay.overlap_per_project(
                        geoms, control_geoms[core], cancelled=cancelled
                    )
            else:
                overlaps[key] = overlay.overlap_per_project(
                    geoms, control_geoms, cancelled=cancelled
                )
            backdrop[key] = control_geoms
            feedback.setProgress(40 + step * (i + 1))
        if feedback.isCanceled():
            return {}

        # measure the final pieces
        measure_area = area_function(method, crs, context)
        measure_length = length_function(method, crs, context)

        def measured(pieces: np.ndarray, linear: bool = False) -> np.ndarray:
            values = np.zeros(len(pieces))
            present = ~shapely.is_empty(pieces) if len(pieces) else np.zeros(0, bool)
            if present.any():
                values[present] = (measure_length if linear else measure_area)(pieces[present])
            return values

        proj_m2 = measured(geoms)
        amounts: dict[str, np.ndarray | None] = {k: None for k in CONTROLS}
        for key, pieces in overlaps.items():
            amounts[key] = measured(pieces, key == "coast")
        feedback.setProgress(85)

        verdicts = []
        for j in range(n):
            values = {k: (None if v is None else float(v[j])) for k, v in amounts.items()}
            if values["pa"] is not None and values["pa_core"] is not None:
                values["pa"] = max(values["pa"] - values["pa_core"], 0.0)
            verdicts.append(evaluate(values, rules, min_area, chinese=True))

        # OUTPUT: the project features as they are, plus the results
        reserved = {"project_id", *RESULT_FIELDS, "verdict", "verdict_zh", "reasons"}
        base_fields, keep_idx = input_fields_without(source, reserved, feedback, input_label)
        out_fields = QgsFields(base_fields)
        out_fields.append(project_id_field(source, id_field))
        for name in RESULT_FIELDS:
            out_fields.append(QgsField(name, QVariant.Double, len=20, prec=2))
        out_fields.append(QgsField("verdict", QVariant.String, len=10))
        out_fields.append(QgsField("verdict_zh", QVariant.String, len=10))
        out_fields.append(QgsField("reasons", QVariant.String, len=1000))
        sink, dest_id = self.parameterAsSink(
            parameters,
            self.OUTPUT,
            context,
            out_fields,
            QgsWkbTypes.multiType(source.wkbType()),
            source.sourceCrs(),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        row_of = {int(fid): j for j, fid in enumerate(fids)}
        result_columns = [proj_m2] + [
            amounts[k] for k in ("eco", "farm", "udb_out", "pa", "pa_core", "marine", "coast")
        ]
        request = QgsFeatureRequest()
        request.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        for feature in source.getFeatures(request):
            if feedback.isCanceled():
                return {}
            j = row_of.get(feature.id())
            if j is None:
                continue
            attributes = feature.attributes()
            row = [attributes[i] for i in keep_idx] + [ids[j]]
            row += [None if col is None else float(col[j]) for col in result_columns]
            row += [verdicts[j].verdict, verdicts[j].verdict_zh, verdicts[j].reasons]
            out = QgsFeature(out_fields)
            geometry = feature.geometry()
            if not geometry.isMultipart():
                geometry.convertToMultiType()
            out.setGeometry(geometry)
            out.setAttributes(row)
            if not sink.addFeature(out, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(tr("Could not write a feature to the output."))
        feedback.setProgress(90)

        # CONFLICTS
        conflict_rows, conflict_geoms = self.conflict_rows(overlaps, amounts, ids, rules, min_area)
        results = {self.OUTPUT: dest_id}
        conflicts_id = None
        conflict_fields = QgsFields()
        conflict_fields.append(project_id_field(source, id_field))
        for name, kind in (
            ("control", QVariant.String),
            ("control_zh", QVariant.String),
            ("level", QVariant.String),
            ("area_m2", QVariant.Double),
            ("area_ha", QVariant.Double),
            ("area_mu", QVariant.Double),
            ("length_m", QVariant.Double),
        ):
            conflict_fields.append(QgsField(name, kind))
        conflict_sink, conflicts_id = self.parameterAsSink(
            parameters, self.CONFLICTS, context, conflict_fields, QgsWkbTypes.MultiPolygon, crs
        )
        if conflict_sink is not None:
            write_features(conflict_sink, conflict_fields, conflict_geoms, conflict_rows, feedback)
            results[self.CONFLICTS] = conflicts_id

        counts = {
            level: sum(1 for v in verdicts if v.verdict == level)
            for level in ("FAIL", "REVIEW", "PASS")
        }
        results.update(
            {
                self.N_PROJECTS: n,
                self.N_FAIL: counts["FAIL"],
                self.N_REVIEW: counts["REVIEW"],
                self.N_PASS: counts["PASS"],
            }
        )
        feedback.pushInfo(
            tr("{n} projects: {fail} fail, {review} need review, {ok} pass.").format(
                n=n, fail=counts["FAIL"], review=counts["REVIEW"], ok=counts["PASS"]
            )
        )

        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            self.write_report(
                report_path,
                parameters,
                context,
                source,
                controls,
                stats,
                geoms,
                ids,
                proj_m2,
                amounts,
                verdicts,
                counts,
                conflict_geoms,
                conflict_rows,
                crs,
                method,
                min_area,
                rules,
                id_field,
                zone_field,
                coast_field,
                coast_value,
                backdrop,
            )
            results[self.REPORT] = report_path
        feedback.setProgress(100)

        attach_style(self, context, dest_id, "redline_overlap_output")
        if conflicts_id:
            attach_style(self, context, conflicts_id, "redline_overlap_conflicts")
        results_bus.publish(
            results_bus.CheckResult(
                algorithm=self.ALG_ID,
                title=self.displayName(),
                counts=counts,
                rows=[
                    results_bus.ResultRow(
                        str(ids[j]),
                        str(ids[j]),
                        verdicts[j].verdict,
                        verdicts[j].verdict_zh,
                        float(proj_m2[j]),
                        verdicts[j].reasons,
                        int(fids[j]),
                    )
                    for j in range(n)
                ],
                output_ref=dest_id or "",
                report_path=report_path or "",
            )
        )
        return results

    # --- pieces ------------------------------------------------------------------------------
    @staticmethod
    def conflict_rows(overlaps, amounts, ids, rules, min_area):
        rows, geoms = [], []
        for key in CONTROLS:
            if key not in overlaps:
                continue
            values = amounts[key]
            rule = rules[key]
            for j, piece in enumerate(overlaps[key]):
                amount = float(values[j])
                if key == "coast":
                    if amount < MIN_LENGTH_M:
                        continue
                    geoms.append(shapely.buffer(piece, 1.0, cap_style="flat"))
                    rows.append([ids[j], key, rule.name_zh, rule.level, None, None, None, amount])
                else:
                    if amount < min_area or amount <= 0:
                        continue
                    geoms.append(piece)
                    rows.append(
                        [
                            ids[j],
                            key,
                            rule.name_zh,
                            rule.level,
                            amount,
                            m2_to_ha(amount),
                            m2_to_mu(amount),
                            None,
                        ]
                    )
        return rows, geoms

    # --- report ------------------------------------------------------------------------------
    def write_report(
        self,
        path,
        parameters,
        context,
        source,
        controls,
        stats,
        geoms,
        ids,
        proj_m2,
        amounts,
        verdicts,
        counts,
        conflict_geoms,
        conflict_rows,
        crs,
        method,
        min_area,
        rules,
        id_field,
        zone_field,
        coast_field,
        coast_value,
        backdrop,
    ):
        report = HtmlReport(tr("Red-line conflict check report"))
        report.heading(tr("Inputs and data sources"))
        rows = [
            [
                tr("Construction projects"),
                source.sourceName(),
                source_description(self, parameters, self.INPUT, context),
                source.sourceCrs().authid(),
                len(ids),
                stats["projects"].n_repaired,
                stats["projects"].n_empty,
            ]
        ]
        for key, (name, layer, label) in controls.items():
            rows.append(
                [
                    label,
                    layer.sourceName(),
                    source_description(self, parameters, name, context),
                    layer.sourceCrs().authid(),
                    layer.featureCount(),
                    stats[key].n_repaired,
                    stats[key].n_empty,
                ]
            )
        report.table(
            [
                tr("Input"),
                tr("Layer"),
                tr("Data source"),
                tr("CRS"),
                tr("Features"),
                tr("Repaired geometries"),
                tr("Skipped empty geometries"),
            ],
            rows,
        )
        report.heading(tr("Parameters"))
        report.key_values(
            [
                (tr("Project id field"), id_field or tr("feature id")),
                (
                    tr("Area method"),
                    tr("Ellipsoidal (CGCS2000)")
                    if method == AREA_ELLIPSOIDAL
                    else tr("Planar (analysis CRS)"),
                ),
                (tr("Analysis CRS"), f"{crs.authid()} {crs.description()}"),
                (tr("Minimum overlap area (m²)"), f"{min_area:g}"),
                (tr("Protected area zone field"), zone_field or "—"),
                (
                    tr("Coastline type field"),
                    f"{coast_field} = {coast_value}" if coast_field else tr("every line counts"),
                ),
                (tr("Rule file"), rules.source),
            ]
        )
        report.table(
            [tr("Control"), tr("Level"), tr("Rule")],
            [[r.name_zh, r.level, r.rule_zh] for r in rules.rules.values()],
        )
        report.heading(tr("Totals"))
        total = [
            [tr("Construction projects"), len(ids)],
            [tr("Fail (不合规)"), counts["FAIL"]],
            [tr("Need review (需论证)"), counts["REVIEW"]],
            [tr("Pass (合规)"), counts["PASS"]],
            [tr("Total project area (ha / mu)"), area_text(float(np.sum(proj_m2)))],
        ]
        for key in CONTROLS:
            if amounts[key] is not None:
                value = float(np.sum(amounts[key]))
                total.append(
                    [
                        self.column_name(key, rules)
                        + (" (m)" if key == "coast" else tr(" (ha / mu)")),
                        f"{value:,.1f}" if key == "coast" else area_text(value),
                    ]
                )
        report.table([tr("Item"), tr("Amount")], total)
        report.heading(tr("Construction projects"))
        checked = [k for k in CONTROLS if amounts[k] is not None]
        headers = [tr("Project"), tr("Verdict"), tr("Project area (ha / mu)")]
        headers += [
            self.column_name(k, rules) + (" (m)" if k == "coast" else tr(" (ha / mu)"))
            for k in checked
        ]
        headers.append(tr("Reasons"))
        table_rows = []
        order = sorted(
            range(len(ids)),
            key=lambda j: ({"FAIL": 0, "REVIEW": 1}.get(verdicts[j].verdict, 2), str(ids[j])),
        )
        for j in order:
            row = [
                str(ids[j]),
                f"{verdicts[j].verdict} {verdicts[j].verdict_zh}",
                area_text(float(proj_m2[j])),
            ]
            for k in checked:
                value = float(amounts[k][j])
                row.append(f"{value:,.1f}" if k == "coast" else area_text(value))
            row.append(verdicts[j].reasons)
            table_rows.append(row)
        report.table(headers, table_rows, verdict_column=1)
        report.heading(tr("Map"))
        try:
            png = self.render_map(geoms, ids, conflict_geoms, conflict_rows, crs, backdrop)
            report.image(
                png,
                tr(
                    "Projects (labelled outlines) and conflicts (red = fail, "
                    "amber = review) over the control layers: green = ecological "
                    "red line and protected areas, blue = marine red line and "
                    "natural coastline, yellow = permanent basic farmland, purple "
                    "dashed = urban development boundary."
                ),
            )
        except Exception as error:  # noqa: BLE001 - a map failure must not lose the report
            report.paragraph(tr("The map could not be rendered: {error}").format(error=error))
        report.save(path, "zh-CN" if is_chinese() else "en")
        return report

    @staticmethod
    def column_name(key: str, rules) -> str:
        """Report column of an OUTPUT field: ``pa_m2`` is all of the protected areas."""
        if key == "pa":
            return tr("Protected areas (all zones)")
        return rules[key].name_zh

    @staticmethod
    def render_map(geoms, ids, conflict_geoms, conflict_rows, crs, backdrop) -> bytes:
        """Projects (labelled outlines) over their conflicts over the control layers."""
        present = [g for g in geoms if g is not None and not g.is_empty]
        if present:
            xmin, ymin, xmax, ymax = shapely.total_bounds(np.array(present, dtype=object))
            pad = max(xmax - xmin, ymax - ymin, 200.0) * 0.08
            window = shapely.box(xmin - pad, ymin - pad, xmax + pad, ymax + pad)
            extent = QgsRectangle(xmin - pad, ymin - pad, xmax + pad, ymax + pad)
        else:
            window, extent = None, None
        levels = [row[3] for row in conflict_rows]
        layers = []
        for level, colour in (
            ("FAIL", "227,26,28,190"),
            ("REVIEW", "255,170,0,190"),
            ("PASS", "120,120,120,150"),
        ):
            selected = [g for g, lv in zip(conflict_geoms, levels) if lv == level]
            if selected:
                layers.append(
                    memory_layer(
                        level,
                        selected,
                        crs,
                        {
                            "color": colour,
                            "outline_color": colour.rsplit(",", 1)[0] + ",255",
                            "outline_width": "0.3",
                        },
                    )
                )
        context_layers = []
        for key in ("udb_out", "coast", "pa", "eco", "marine", "farm"):
            if key not in backdrop or window is None:
                continue
            control = backdrop[key]
            near = control[shapely.intersects(control, window)] if len(control) else control
            if len(near):
                context_layers.append(memory_layer(key, list(near), crs, BACKDROP[key]))
        outlines = memory_layer(
            tr("Construction projects"),
            list(geoms),
            crs,
            {"color": "0,0,0,0", "outline_color": "30,30,30,255", "outline_width": "0.5"},
            labels=ids if len(ids) <= 300 else None,
        )
        return render_map_png([outlines, *layers, *context_layers], crs, extent)  # first = top
