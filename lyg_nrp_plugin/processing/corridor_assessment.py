"""``lyg_nrp:corridor_assessment`` — 廊道管控评估: where each corridor is healthy or broken."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import results_bus
from ..core import corridors as cc
from ..core import landuse
from ..core import transects as tx
from ..core.corridor_chart import width_chart_svg
from ..core.geometry import dissolve, non_empty_mask
from ..core.units import format_area_en, format_area_zh
from ..paths import resource_path
from ..translate import is_chinese, tr
from .base import GROUP_ECOLOGY, LygAlgorithm
from .crs import analysis_crs
from .io.layers import layer_label, require_fields, require_geometry
from .io.read import read_source
from .io.write import write_features
from .report.html import HtmlReport
from .report.maps import memory_layer, render_map_png
from .styles import attach_style

KINDS = (cc.KIND_RIVER, cc.KIND_BELT, cc.KIND_VEIN)


def default_grade_file() -> str:
    return str(resource_path("rules", "corridor_grades.csv"))


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
                "or code prefixes; a leading minus excludes (-1109 水工建筑用地, -1107 沟渠)."
            ),
            self.TRANSECT_SPACING: tr("Distance between transects along the axis (m)."),
            self.MIN_ECO_WIDTH: tr(
                "A transect with less ecological width than this (m) is a break."
            ),
            self.BREAK_BUILT_SHARE: tr(
                "A transect whose built-up share (of its length) reaches this value is a break."
            ),
            self.GRADE_RULES: tr(
                "CSV table of grade thresholds (default: resources/rules/corridor_grades.csv)."
            ),
            self.OUTPUT: tr("One row per corridor with its indicators and grade."),
            self.TRANSECTS: tr("Transect lines with ecological width, built share, break flag."),
            self.BREAKS: tr("Breaks: runs of consecutive break transects, one polygon each."),
            self.REPORT: tr("HTML report with tables, width charts and a map."),
            self.N_CORRIDORS: tr("Number of corridors assessed."),
            self.N_BREAKS: tr("Number of breaks found."),
            self.N_REPAIRED: tr("Number of invalid input geometries repaired."),
        }

    def initAlgorithm(self, configuration=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CORRIDORS, tr("Corridors"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AXES, tr("Corridor axes"), [QgsProcessing.TypeVectorLine], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LANDUSE, tr("Land-use parcels (DLTB)"), [QgsProcessing.TypeVectorPolygon]
            )
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
                self.ECO_CLASSES, tr("Ecological land classes"), tx.DEFAULT_ECO_CLASSES
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TRANSECT_SPACING,
                tr("Transect spacing (m)"),
                QgsProcessingParameterNumber.Double,
                100.0,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_ECO_WIDTH,
                tr("Minimum ecological width (m)"),
                QgsProcessingParameterNumber.Double,
                30.0,
                minValue=0.0,
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
                self.BREAKS, tr("Breaks"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT,
                tr("Report"),
                tr("HTML files (*.html)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.N_CORRIDORS, tr("Number of corridors")))
        self.addOutput(QgsProcessingOutputNumber(self.N_BREAKS, tr("Number of breaks")))
        self.addOutput(QgsProcessingOutputNumber(self.N_REPAIRED, tr("Repaired geometries")))
        self.add_help_to_parameters()

    # --- fields ---------------------------------------------------------------------------
    OUTPUT_FIELDS = (
        ("corridor_id", QVariant.String),
        ("name", QVariant.String),
        ("kind", QVariant.String),
        ("area_m2", QVariant.Double),
        ("eco_m2", QVariant.Double),
        ("eco_ratio", QVariant.Double),
        ("built_m2", QVariant.Double),
        ("built_ratio", QVariant.Double),
        ("farm_m2", QVariant.Double),
        ("project_m2", QVariant.Double),
        ("n_transects", QVariant.Int),
        ("mean_eco_width_m", QVariant.Double),
        ("min_eco_width_m", QVariant.Double),
        ("continuity", QVariant.Double),
        ("n_breaks", QVariant.Int),
        ("n_patches", QVariant.Int),
        ("largest_patch_ratio", QVariant.Double),
        ("grade", QVariant.String),
        ("grade_zh", QVariant.String),
        ("axis_source", QVariant.String),
    )
    TRANSECT_FIELDS = (
        ("corridor_id", QVariant.String),
        ("name", QVariant.String),
        ("transect_no", QVariant.Int),
        ("distance_m", QVariant.Double),
        ("length_m", QVariant.Double),
        ("eco_width_m", QVariant.Double),
        ("built_share", QVariant.Double),
        ("is_break", QVariant.Int),
    )
    BREAK_FIELDS = (
        ("corridor_id", QVariant.String),
        ("corridor", QVariant.String),
        ("break_no", QVariant.Int),
        ("start_m", QVariant.Double),
        ("end_m", QVariant.Double),
        ("length_m", QVariant.Double),
        ("n_transects", QVariant.Int),
        ("built_m2", QVariant.Double),
        ("built_dlbm", QVariant.String),
        ("built_dlmc", QVariant.String),
        ("cause", QVariant.String),
        ("projects", QVariant.String),
        ("n_projects", QVariant.Int),
    )

    @staticmethod
    def fields_of(spec) -> QgsFields:
        fields = QgsFields()
        for name, kind in spec:
            fields.append(QgsField(name, kind))
        return fields

    # --- run ------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self.check_dependencies()
        corridors = self.parameterAsSource(parameters, self.CORRIDORS, context)
        if corridors is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.CORRIDORS))
        axes = self.parameterAsSource(parameters, self.AXES, context)
        parcels = self.parameterAsSource(parameters, self.LANDUSE, context)
        if parcels is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.LANDUSE))
        projects = self.parameterAsSource(parameters, self.PROJECTS, context)
        labels = {
            "corridors": layer_label(corridors, tr("Corridors")),
            "axes": layer_label(axes, tr("Corridor axes")),
            "landuse": layer_label(parcels, tr("Land-use parcels (DLTB)")),
            "projects": layer_label(projects, tr("Proposed projects")),
        }
        require_geometry(corridors, QgsWkbTypes.PolygonGeometry, labels["corridors"])
        require_geometry(parcels, QgsWkbTypes.PolygonGeometry, labels["landuse"])
        if axes is not None:
            require_geometry(axes, QgsWkbTypes.LineGeometry, labels["axes"])
        if projects is not None:
            require_geometry(projects, QgsWkbTypes.PolygonGeometry, labels["projects"])
        dlbm_field = self.parameterAsString(parameters, self.DLBM_FIELD, context) or "DLBM"
        require_fields(parcels, [dlbm_field], labels["landuse"])
        try:
            eco = tx.parse_eco_classes(
                self.parameterAsString(parameters, self.ECO_CLASSES, context)
            )
        except ValueError as error:
            raise QgsProcessingException(
                tr(
                    "Ecological land classes: “{token}” is neither a class (forest, grass, "
                    "wetland, water, farmland, garden, other, …; 林地, 草地, 湿地, 水域 …) nor a "
                    "DLBM code."
                ).format(token=str(error))
            ) from error
        rules_path = (
            self.parameterAsFile(parameters, self.GRADE_RULES, context) or default_grade_file()
        )
        try:
            rules = tx.load_grade_rules(rules_path)
        except (OSError, ValueError, KeyError) as error:
            raise QgsProcessingException(
                tr("Cannot read the grade table {path}: {error}").format(
                    path=rules_path, error=error
                )
            ) from error
        spacing = self.parameterAsDouble(parameters, self.TRANSECT_SPACING, context)
        min_width = self.parameterAsDouble(parameters, self.MIN_ECO_WIDTH, context)
        built_share = self.parameterAsDouble(parameters, self.BREAK_BUILT_SHARE, context)
        crs = analysis_crs(
            None, [s.sourceCrs() for s in (corridors, parcels, axes, projects) if s is not None]
        )

        # corridors
        names = corridors.fields().names()
        wanted = [f for f in ("corridor_id", "name", "kind") if f in names]
        table = read_source(
            corridors, labels["corridors"], crs, context, feedback, fields=wanted, progress=(0, 5)
        )
        n_repaired = table.stats.n_repaired
        items = []
        unknown_kind = 0
        for i in range(len(table)):
            geom = table.geoms[i]
            if geom is None or geom.is_empty:
                continue
            cid = table.column("corridor_id")[i] if "corridor_id" in wanted else None
            name = table.column("name")[i] if "name" in wanted else None
            kind = table.column("kind")[i] if "kind" in wanted else None
            kind = str(kind).strip().lower() if kind is not None else ""
            if kind not in KINDS:
                unknown_kind += 1
                kind = cc.KIND_RIVER
            items.append(
                {
                    "id": str(cid) if cid not in (None, "") else str(table.fids[i]),
                    "name": "" if name is None else str(name),
                    "kind": kind,
                    "polygon": geom,
                }
            )
        if unknown_kind:
            feedback.pushWarning(
                tr(
                    "{layer}: {n} corridors have no kind river/belt/vein; they "
                    "are assessed as rivers."
                ).format(layer=labels["corridors"], n=unknown_kind)
            )
        # axes
        axis_of: dict[str, shapely.Geometry] = {}
        if axes is not None:
            axis_names = axes.fields().names()
            key = (
                "corridor_id"
                if "corridor_id" in axis_names and "corridor_id" in wanted
                else "name"
                if "name" in axis_names
                else None
            )
            if key is None:
                raise QgsProcessingException(
                    tr(
                        "Layer {layer} needs a field corridor_id or name to match the axes to the "
                        "corridors."
                    ).format(layer=labels["axes"])
                )
            axis_table = read_source(
                axes,
                labels["axes"],
                crs,
                context,
                feedback,
                fields=[key],
                dimension=1,
                progress=(5, 8),
            )
            n_repaired += axis_table.stats.n_repaired
            groups: dict[str, list] = {}
            for value, geom in zip(axis_table.column(key), axis_table.geoms):
                if geom is not None and not geom.is_empty and value is not None:
                    groups.setdefault(str(value), []).append(geom)
            axis_of = {k: cc.merge_lines(v) for k, v in groups.items()}
            for item in items:
                item["axis"] = axis_of.get(item["id"] if key == "corridor_id" else item["name"])

        # land use and projects
        feedback.pushInfo(tr("Reading land-use parcels…"))
        land_table = read_source(
            parcels,
            labels["landuse"],
            crs,
            context,
            feedback,
            fields=[dlbm_field],
            progress=(8, 30),
        )
        n_repaired += land_table.stats.n_repaired
        land = tx.LandUse.build(land_table.geoms, land_table.column(dlbm_field), eco)
        unknown = sum(1 for c in set(land.codes) if not landuse.is_known(c))
        if unknown:
            feedback.pushWarning(
                tr(
                    "{layer}: {n} distinct DLBM values are not 三调 codes; "
                    "those parcels count as neither ecological nor built."
                ).format(layer=labels["landuse"], n=unknown)
            )
        project_union = None
        project_tree = None
        project_ids: list[str] = []
        project_geoms = np.array([], dtype=object)
        if projects is not None:
            id_field = self.parameterAsString(parameters, self.PROJECT_ID_FIELD, context)
            ptable = read_source(
                projects,
                labels["projects"],
                crs,
                context,
                feedback,
                fields=[id_field] if id_field else [],
                progress=(30, 32),
            )
            n_repaired += ptable.stats.n_repaired
            keep = non_empty_mask(ptable.geoms)
            project_geoms = ptable.geoms[keep]
            raw_ids = ptable.column(id_field) if id_field else list(ptable.fids)
            project_ids = [
                str(v) if v is not None else str(f)
                for v, f, k in zip(raw_ids, ptable.fids, keep)
                if k
            ]
            project_union = dissolve(project_geoms)
            project_tree = shapely.STRtree(project_geoms)

        # assess
        results = []
        for n, item in enumerate(items):
            if feedback.isCanceled():
                break
            axis = item.get("axis")
            source = "input" if axis is not None and not axis.is_empty else "none"
            with_transects = item["kind"] != cc.KIND_VEIN
            if with_transects and source == "none":
                axis = cc.longest_internal_axis(item["polygon"])
                source = "derived" if not axis.is_empty else "none"
                feedback.pushWarning(
                    tr(
                        "Corridor {id} {name}: no axis given; using the "
                        "longest internal axis of its polygon."
                    ).format(id=item["id"], name=item["name"])
                )
            result = tx.assess(
                item["polygon"],
                axis,
                land,
                spacing,
                min_width,
                built_share,
                project_union,
                with_transects=with_transects,
                is_canceled=feedback.isCanceled,
            )
            metrics = {
                "continuity": result.continuity,
                "eco_ratio": result.stats.eco_ratio,
                "built_ratio": result.stats.built_ratio,
                "mean_eco_width_m": result.mean_eco_width,
                "largest_patch_ratio": result.stats.largest_patch_ratio,
            }
            grade, grade_zh = tx.grade(item["kind"], metrics, rules)
            touching = []
            for brk in result.breaks:
                ids: list[str] = []
                if project_tree is not None and not brk.polygon.is_empty:
                    hits = project_tree.query(brk.polygon, predicate="intersects")
                    ids = [project_ids[h] for h in sorted(hits)]
                touching.append(ids)
            results.append(
                {
                    **item,
                    "axis": axis,
                    "axis_source": source,
                    "result": result,
                    "grade": grade,
                    "grade_zh": grade_zh,
                    "touching": touching,
                }
            )
            feedback.pushInfo(
                tr("{id} {name}: {n} transects, {b} breaks, grade {grade}").format(
                    id=item["id"],
                    name=item["name"],
                    n=result.n_transects,
                    b=len(result.breaks),
                    grade=grade_zh or grade,
                )
            )
            feedback.setProgress(32 + 58 * (n + 1) / max(len(items), 1))

        dest = self._write(parameters, context, feedback, crs, results)
        n_breaks = sum(len(r["result"].breaks) for r in results)
        outputs = {
            self.OUTPUT: dest[self.OUTPUT],
            self.BREAKS: dest[self.BREAKS],
            self.N_CORRIDORS: len(results),
            self.N_BREAKS: n_breaks,
            self.N_REPAIRED: n_repaired,
        }
        if dest.get(self.TRANSECTS):
            outputs[self.TRANSECTS] = dest[self.TRANSECTS]
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path and not feedback.isCanceled():
            outputs[self.REPORT] = self._report(
                report_path, crs, results, spacing, min_width, built_share, eco, n_repaired
            )
        feedback.setProgress(100)
        self._publish(results, dest[self.OUTPUT], outputs.get(self.REPORT, ""))
        return outputs

    def _write(self, parameters, context, feedback, crs, results) -> dict:
        out_fields = self.fields_of(self.OUTPUT_FIELDS)
        sink, out_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, out_fields, QgsWkbTypes.MultiPolygon, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows = []
        for r in results:
            a: tx.Assessment = r["result"]
            s = a.stats
            rows.append(
                [
                    r["id"],
                    r["name"],
                    r["kind"],
                    s.area_m2,
                    s.eco_m2,
                    s.eco_ratio,
                    s.built_m2,
                    s.built_ratio,
                    s.farm_m2,
                    a.project_m2,
                    a.n_transects,
                    a.mean_eco_width,
                    a.min_eco_width,
                    a.continuity,
                    len(a.breaks),
                    s.n_patches,
                    s.largest_patch_ratio,
                    r["grade"],
                    r["grade_zh"],
                    r["axis_source"],
                ]
            )
        write_features(sink, out_fields, [r["polygon"] for r in results], rows, feedback)
        attach_style(self, context, out_id, "corridor_assessment_OUTPUT")

        br_fields = self.fields_of(self.BREAK_FIELDS)
        bsink, br_id = self.parameterAsSink(
            parameters, self.BREAKS, context, br_fields, QgsWkbTypes.MultiPolygon, crs
        )
        if bsink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.BREAKS))
        geoms, rows = [], []
        for r in results:
            for brk, ids in zip(r["result"].breaks, r["touching"]):
                geoms.append(brk.polygon)
                rows.append(
                    [
                        r["id"],
                        r["name"],
                        brk.number,
                        brk.start_m,
                        brk.end_m,
                        brk.length_m,
                        brk.n_transects,
                        brk.built_m2,
                        brk.built_dlbm,
                        landuse.name_of(brk.built_dlbm) or None,
                        brk.cause,
                        ",".join(ids),
                        len(ids),
                    ]
                )
        write_features(bsink, br_fields, geoms, rows, feedback)
        attach_style(self, context, br_id, "corridor_assessment_BREAKS")

        tr_id = None
        tr_fields = self.fields_of(self.TRANSECT_FIELDS)
        tsink, tr_id = self.parameterAsSink(
            parameters, self.TRANSECTS, context, tr_fields, QgsWkbTypes.MultiLineString, crs
        )
        if tsink is not None:
            geoms, rows = [], []
            for r in results:
                t = r["result"].transects
                share = t.built_share
                for k in range(len(t)):
                    geoms.append(t.geoms[k])
                    rows.append(
                        [
                            r["id"],
                            r["name"],
                            k + 1,
                            float(t.chainage[k]),
                            float(t.length[k]),
                            float(t.eco_width[k]),
                            float(share[k]),
                            int(bool(t.is_break[k])),
                        ]
                    )
            write_features(tsink, tr_fields, geoms, rows, feedback)
            attach_style(self, context, tr_id, "corridor_assessment_TRANSECTS")
        return {self.OUTPUT: out_id, self.BREAKS: br_id, self.TRANSECTS: tr_id}

    # --- report ---------------------------------------------------------------------------
    def _report(
        self,
        path,
        crs: QgsCoordinateReferenceSystem,
        results,
        spacing,
        min_width,
        built_share,
        eco,
        n_repaired,
    ) -> str:
        zh = is_chinese()
        area_text = format_area_zh if zh else format_area_en
        report = HtmlReport(tr("Ecological corridor assessment (一带一脉七廊)"))
        report.key_values(
            [
                (tr("Transect spacing (m)"), f"{spacing:g}"),
                (tr("Minimum ecological width (m)"), f"{min_width:g}"),
                (tr("Built-up share that breaks a transect"), f"{built_share:g}"),
                (tr("Ecological land classes"), eco.text),
                (tr("Repaired geometries"), n_repaired),
            ]
        )
        report.heading(tr("Corridors"))
        headers = [
            tr("Corridor"),
            tr("Name"),
            tr("Kind"),
            tr("Area"),
            tr("Ecological land %"),
            tr("Built land %"),
            tr("Projects inside"),
            tr("Transects"),
            tr("Mean ecological width (m)"),
            tr("Continuity %"),
            tr("Breaks"),
            tr("Patches"),
            tr("Largest patch %"),
            tr("Grade"),
        ]
        rows = []
        for r in results:
            a = r["result"]
            s = a.stats
            rows.append(
                [
                    r["id"],
                    r["name"],
                    cc.KIND_ZH.get(r["kind"], r["kind"]) if zh else r["kind"],
                    area_text(s.area_m2),
                    100 * s.eco_ratio,
                    100 * s.built_ratio,
                    area_text(a.project_m2),
                    a.n_transects,
                    a.mean_eco_width,
                    None if a.continuity is None else 100 * a.continuity,
                    len(a.breaks),
                    s.n_patches,
                    100 * s.largest_patch_ratio,
                    r["grade_zh"] if zh else r["grade"],
                ]
            )
        report.table(headers, rows)
        report.heading(tr("Ecological width along the corridors"))
        for r in results:
            t = r["result"].transects
            if not len(t):
                continue
            svg = width_chart_svg(
                t.chainage,
                t.eco_width,
                t.is_break,
                [(b.start_m, b.end_m) for b in r["result"].breaks],
                min_width,
                title=f"{r['id']} {r['name']}",
                x_label=tr("Distance along the axis (km)"),
                y_label=tr("Ecological width (m)"),
                threshold_label=tr("minimum {width:g} m").format(width=min_width),
            )
            report.raw(f"<figure>{svg}</figure>")
        breaks = [(r, b, ids) for r in results for b, ids in zip(r["result"].breaks, r["touching"])]
        report.heading(tr("Breaks"))
        if breaks:
            report.table(
                [
                    tr("Corridor"),
                    tr("No."),
                    tr("From (m)"),
                    tr("To (m)"),
                    tr("Length (m)"),
                    tr("Built land"),
                    tr("Main built class"),
                    tr("Cause"),
                    tr("Projects"),
                ],
                [
                    [
                        f"{r['id']} {r['name']}",
                        b.number,
                        b.start_m,
                        b.end_m,
                        b.length_m,
                        area_text(b.built_m2),
                        f"{b.built_dlbm} {landuse.name_of(b.built_dlbm)}" if b.built_dlbm else None,
                        tr("built up") if b.cause == "built" else tr("too narrow"),
                        ", ".join(ids),
                    ]
                    for r, b, ids in breaks
                ],
            )
        else:
            report.paragraph(tr("No breaks found."))
        try:
            layers = [
                memory_layer(
                    "breaks",
                    [b.polygon for _, b, _ in breaks],
                    crs,
                    {"color": "215,25,28,200", "outline_color": "150,0,0"},
                ),
                memory_layer(
                    "axes",
                    [r["axis"] for r in results if r["axis"] is not None],
                    crs,
                    {"line_color": "31,120,180", "line_width": "0.5"},
                ),
                memory_layer(
                    "corridors",
                    [r["polygon"] for r in results],
                    crs,
                    {"color": "26,150,65,90", "outline_color": "26,120,50"},
                ),
            ]
            report.heading(tr("Map"))
            report.image(
                render_map_png(layers, crs), tr("Corridors (green), axes (blue) and breaks (red)")
            )
        except Exception as error:  # noqa: BLE001 - a map failure must not lose the report
            report.paragraph(tr("The map could not be drawn: {error}").format(error=error))
        return report.save(path, "zh-CN" if zh else "en")

    def _publish(self, results, output_ref, report_path) -> None:
        rows, counts = [], {}
        for r in results:
            a = r["result"]
            counts[r["grade"]] = counts.get(r["grade"], 0) + 1
            details = tr("{b} breaks, continuity {c}").format(
                b=len(a.breaks), c="—" if a.continuity is None else f"{100 * a.continuity:.1f}%"
            )
            rows.append(
                results_bus.ResultRow(
                    r["id"], r["name"], r["grade"], r["grade_zh"], a.stats.area_m2, details
                )
            )
        results_bus.publish(
            results_bus.CheckResult(
                self.ALG_ID, self.displayName(), counts, rows, output_ref or "", report_path or ""
            )
        )
