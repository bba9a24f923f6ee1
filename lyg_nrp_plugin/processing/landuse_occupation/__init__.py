"""``lyg_nrp:landuse_occupation`` — 占用地类分析: what each project occupies by 三调 land class.

Overlay of the projects with the 三调 DLTB parcels (``core.overlay.intersect_pairs``: STRtree
+ vectorised intersection), gross area of every piece measured planar or on the CGCS2000
ellipsoid, net area = gross × (1 − KCXS), grouped per (project, DLBM) and summarised per
project (``core.occupation``). The occupied 耕地 pieces are written in the form
``lyg_nrp:farmland_balance`` takes as its occupied input.
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
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import results_bus
from ..core import landuse, overlay
from ..core.occupation import SUMMARY_FIELDS, occupation
from ..core.units import format_area_en, format_area_zh
from ..translate import is_chinese, tr
from .base import GROUP_REDLINE, LygAlgorithm
from .crs import parameter_analysis_crs
from .io.layers import require_fields, source_description
from .io.near import near_subset
from .io.projects import project_id_field, read_projects
from .io.read import read_attributes, read_geometries
from .io.write import input_fields_without, write_features
from .measure import area_function
from .params import AREA_ELLIPSOIDAL, DEFAULT_ANALYSIS_CRS
from .report.html import HtmlReport, esc
from .report.maps import memory_layer, render_map_png
from .styles import attach_style

# first-level class -> fill colour of the report map: the 三调 colours of
# resources/styles/sample_DLTB.qml (by the first two digits of DLBM); 湿地, a class of its own
# in 三调 工作分类, and unknown codes have no category there
CLASS_COLOURS = {
    "farmland": "255,255,100",
    "garden": "230,190,120",
    "forest": "0,150,0",
    "grass": "160,220,110",
    "commercial": "255,120,120",
    "industrial": "200,100,100",
    "residential": "255,160,160",
    "public": "255,100,170",
    "special": "180,90,120",
    "transport": "170,170,170",
    "water": "90,160,255",
    "other": "215,215,215",
    "wetland": "0,190,170",
    "unknown": "230,0,230",
}
MAX_LABELLED_PROJECTS = 300


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
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LANDUSE, tr("Land-use parcels (DLTB)"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.DLBM_FIELD, tr("Land-use code field"), "DLBM", self.LANDUSE, optional=True
            )
        )
        for name, title, default in (
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
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Occupation by land-use code"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY,
                tr("Occupation summary per project"),
                QgsProcessing.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.FARMLAND_PIECES,
                tr("Occupied cultivated land"),
                QgsProcessing.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT,
                tr("Occupation report"),
                tr("HTML files (*.html)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.N_PROJECTS, tr("Number of projects")))
        self.addOutput(QgsProcessingOutputNumber(self.FARM_M2, tr("Occupied cultivated land (m²)")))
        self.add_help_to_parameters()

    def optional_field(self, parameters, name, context, layer, label, feedback) -> str:
        """A field given by the user must exist; the default is used only when present."""
        fields = self.parameterAsFields(parameters, name, context)
        field = fields[0] if fields else ""
        if not field:
            return ""
        explicit = parameters.get(name) not in (None, "")
        if layer.fields().lookupField(field) < 0:
            if explicit:
                require_fields(layer, [field], label)
            feedback.pushInfo(
                tr("{layer}: no field “{field}”; not used.").format(layer=label, field=field)
            )
            return ""
        return field

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):  # noqa: N802
        self.check_dependencies()
        source, input_label = self.source(parameters, self.INPUT, context)
        id_field = self.required_field(parameters, self.ID_FIELD, context, source, input_label)
        parcels_source, parcels_label = self.source(parameters, self.LANDUSE, context)
        dlbm_field = self.required_field(
            parameters, self.DLBM_FIELD, context, parcels_source, parcels_label, "DLBM"
        )
        kcxs_field = self.optional_field(
            parameters, self.KCXS_FIELD, context, parcels_source, parcels_label, feedback
        )
        grade_field = self.optional_field(
            parameters, self.GRADE_FIELD, context, parcels_source, parcels_label, feedback
        )
        slope_field = self.optional_field(
            parameters, self.SLOPE_FIELD, context, parcels_source, parcels_label, feedback
        )
        saltpans = self.parameterAsBoolean(parameters, self.SALTPAN_AS_WETLAND, context)
        crs = parameter_analysis_crs(self, parameters, context, self.ANALYSIS_CRS)
        method = self.parameterAsEnum(parameters, self.AREA_METHOD, context)

        projects = read_projects(source, input_label, id_field, crs, context, feedback, (0, 10))
        geoms, fids, ids = projects.geoms, projects.fids, projects.ids
        if feedback.isCanceled():
            return {}
        parcel_fields = [f for f in (dlbm_field, kcxs_field, grade_field, slope_field) if f]
        near = near_subset(parcels_source, geoms, crs, context, feedback, parcel_fields)
        if near is not parcels_source:
            feedback.pushInfo(
                tr("{layer}: {n} of {total} parcels lie near a project and are read.").format(
                    layer=parcels_label, n=near.featureCount(), total=parcels_source.featureCount()
                )
            )
        parcels = read_geometries(near, parcels_label, crs, context, feedback, 2, (10, 40))
        if feedback.isCanceled():
            return {}
        present = np.nonzero(
            ~(shapely.is_missing(parcels.geoms) | shapely.is_empty(parcels.geoms))
        )[0]
        pieces = overlay.intersect_pairs(
            geoms, parcels.geoms[present], 2, cancelled=feedback.isCanceled
        )
        if feedback.isCanceled():
            return {}
        feedback.setProgress(70)
        parcel_index = present[pieces.right]
        gross = area_function(method, crs, context)(pieces.geoms) if len(pieces) else np.zeros(0)
        feedback.setProgress(80)

        # attributes only of the parcels that a project overlaps
        hit, inverse = np.unique(parcel_index, return_inverse=True)
        hit_columns = read_attributes(near, parcels.fids[hit], parcel_fields, feedback)
        if feedback.isCanceled():
            return {}

        def column(name):
            if not name:
                return None
            values = hit_columns[name]
            return [values[i] for i in inverse.tolist()]

        dlbm = column(dlbm_field)
        grades = column(grade_field)
        slopes = column(slope_field)
        result = occupation(
            pieces.left, dlbm, gross, len(geoms), column(kcxs_field), grades, saltpans
        )
        warnings = self.warnings(result)
        for text in warnings:
            feedback.pushWarning(text)

        # OUTPUT table
        id_qfield = project_id_field(source, id_field)
        table_fields = QgsFields()
        table_fields.append(QgsField(id_qfield))
        for name, kind in (
            ("DLBM", QVariant.String),
            ("DLMC", QVariant.String),
            ("class_zh", QVariant.String),
            ("gross_m2", QVariant.Double),
            ("net_m2", QVariant.Double),
        ):
            table_fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, table_fields, QgsWkbTypes.NoGeometry
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_features(
            sink,
            table_fields,
            None,
            [
                [ids[r.project], r.dlbm or None, r.dlmc or None, r.class_zh, r.gross_m2, r.net_m2]
                for r in result.rows
            ],
            feedback,
        )
        results = {self.OUTPUT: dest_id}

        # SUMMARY: project features with the class areas
        summary_fields, keep_idx = input_fields_without(
            source, {"project_id", *SUMMARY_FIELDS}, feedback, input_label
        )
        summary_fields = QgsFields(summary_fields)
        summary_fields.append(QgsField(id_qfield))
        for name in SUMMARY_FIELDS:
            summary_fields.append(QgsField(name, QVariant.Double, len=20, prec=2))
        summary_sink, summary_id = self.parameterAsSink(
            parameters,
            self.SUMMARY,
            context,
            summary_fields,
            QgsWkbTypes.multiType(source.wkbType()),
            source.sourceCrs(),
        )
        if summary_sink is not None:
            row_of = {int(fid): j for j, fid in enumerate(fids)}
            request = QgsFeatureRequest()
            request.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
            for feature in source.getFeatures(request):
                if feedback.isCanceled():
                    return {}
                j = row_of.get(feature.id())
                if j is None:
                    continue
                attributes = feature.attributes()
                values = result.summary[j]
                out = QgsFeature(summary_fields)
                geometry = feature.geometry()
                if not geometry.isMultipart():
                    geometry.convertToMultiType()
                out.setGeometry(geometry)
                out.setAttributes(
                    [attributes[i] for i in keep_idx]
                    + [ids[j]]
                    + [values[name] for name in SUMMARY_FIELDS]
                )
                if not summary_sink.addFeature(out, QgsFeatureSink.FastInsert):
                    raise QgsProcessingException(tr("Could not write a feature to the output."))
            results[self.SUMMARY] = summary_id

        # FARMLAND_PIECES
        piece_fields = QgsFields()
        piece_fields.append(QgsField(id_qfield))
        for name, kind in (
            ("DLBM", QVariant.String),
            ("GDDB", QVariant.String),
            ("GDPDJB", QVariant.String),
            ("gross_m2", QVariant.Double),
            ("net_m2", QVariant.Double),
            ("paddy", QVariant.Int),
        ):
            piece_fields.append(QgsField(name, kind))
        pieces_sink, pieces_id = self.parameterAsSink(
            parameters, self.FARMLAND_PIECES, context, piece_fields, QgsWkbTypes.MultiPolygon, crs
        )
        if pieces_sink is not None:
            farm = np.nonzero(result.farmland)[0]
            rows = [
                [
                    ids[int(pieces.left[k])],
                    result.codes[k],
                    None if grades is None or grades[k] is None else str(grades[k]),
                    None if slopes is None or slopes[k] is None else str(slopes[k]),
                    float(gross[k]),
                    float(result.net[k]),
                    int(result.paddy[k]),
                ]
                for k in farm
            ]
            write_features(pieces_sink, piece_fields, pieces.geoms[farm], rows, feedback)
            results[self.FARMLAND_PIECES] = pieces_id

        farm_total = float(sum(v["farm_m2"] for v in result.summary.values()))
        results[self.N_PROJECTS] = len(geoms)
        results[self.FARM_M2] = farm_total
        feedback.pushInfo(
            tr("{n} projects occupy {pieces} parcel pieces; cultivated land (net): {farm}.").format(
                n=len(geoms), pieces=len(pieces), farm=format_area_zh(farm_total)
            )
        )

        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            first_piece = np.unique(inverse, return_index=True)[1]  # a piece of each hit parcel
            self.write_report(
                report_path,
                parameters,
                context,
                inputs=[
                    (tr("Construction projects"), self.INPUT, source, projects.table.stats),
                    (tr("Land-use parcels (DLTB)"), self.LANDUSE, parcels_source, parcels.stats),
                ],
                settings=[
                    (tr("Project id field"), id_field or tr("feature id")),
                    (tr("Land-use code field"), dlbm_field),
                    (tr("Deduction coefficient field"), kcxs_field or tr("not used")),
                    (tr("Farmland grade field"), grade_field or tr("not used")),
                    (tr("Farmland slope class field"), slope_field or tr("not used")),
                ],
                method=method,
                crs=crs,
                saltpans=saltpans,
                ids=ids,
                geoms=geoms,
                result=result,
                pieces=pieces.geoms,
                parcels=parcels.geoms[hit],
                parcel_classes=result.classes[first_piece],
                kcxs_used=bool(kcxs_field),
                warnings=warnings,
            )
            results[self.REPORT] = report_path
        feedback.setProgress(100)
        if summary_sink is not None:
            attach_style(self, context, summary_id, "landuse_occupation_summary")
        if pieces_sink is not None:
            attach_style(self, context, pieces_id, "landuse_occupation_farmland")
        results_bus.publish(
            results_bus.CheckResult(
                algorithm=self.ALG_ID,
                title=self.displayName(),
                counts={
                    "REVIEW": sum(1 for v in result.summary.values() if v["farm_m2"] > 0),
                    "PASS": sum(1 for v in result.summary.values() if v["farm_m2"] <= 0),
                },
                rows=[
                    results_bus.ResultRow(
                        str(ids[j]),
                        str(ids[j]),
                        "REVIEW" if result.summary[j]["farm_m2"] > 0 else "PASS",
                        "占用耕地" if result.summary[j]["farm_m2"] > 0 else "未占用耕地",
                        result.summary[j]["total_m2"],
                        "耕地 " + format_area_zh(result.summary[j]["farm_m2"]),
                        int(fids[j]),
                    )
                    for j in range(len(geoms))
                ],
                output_ref=summary_id or dest_id or "",
                report_path=report_path or "",
            )
        )
        return results

    @staticmethod
    def warnings(result) -> list[str]:
        """Unknown DLBM codes and KCXS values read as percent or ignored (log and report)."""
        texts = []
        if result.unknown_codes:
            listed = ", ".join(
                f"{code or 'NULL'} ({n})" for code, n in sorted(result.unknown_codes.items())
            )
            texts.append(
                tr("Unknown land-use codes counted under 未知: {codes}").format(codes=listed)
            )
        if result.kcxs_fixed:
            texts.append(
                tr("{n} KCXS values above 1 were read as percentages.").format(n=result.kcxs_fixed)
            )
        if result.kcxs_invalid:
            texts.append(
                tr("{n} KCXS values outside 0–100 were ignored (net = gross).").format(
                    n=result.kcxs_invalid
                )
            )
        return texts

    # --- report ------------------------------------------------------------------------------
    def write_report(
        self,
        path,
        parameters,
        context,
        *,
        inputs,
        settings,
        method,
        crs,
        saltpans,
        ids,
        geoms,
        result,
        pieces,
        parcels,
        parcel_classes,
        kcxs_used,
        warnings,
    ) -> None:
        chinese = is_chinese()
        area = format_area_zh if chinese else format_area_en
        class_names = landuse.CLASS_NAMES_ZH if chinese else landuse.CLASS_NAMES_EN
        report = HtmlReport(tr("Land-use occupation report"))

        report.heading(tr("Inputs and data sources"))
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
            [
                [
                    label,
                    layer.sourceName(),
                    source_description(self, parameters, name, context),
                    layer.sourceCrs().authid(),
                    layer.featureCount(),
                    stats.n_repaired,
                    stats.n_empty,
                ]
                for label, name, layer, stats in inputs
            ],
        )

        report.heading(tr("Parameters"))
        report.key_values(
            [
                *settings,
                (
                    tr("Area method"),
                    tr("Ellipsoidal (CGCS2000)")
                    if method == AREA_ELLIPSOIDAL
                    else tr("Planar (analysis CRS)"),
                ),
                (tr("Analysis CRS"), f"{crs.authid()} {crs.description()}"),
                (
                    tr("KCXS handling"),
                    tr("net area = gross area × (1 − KCXS); KCXS above 1 is read as a percentage")
                    if kcxs_used
                    else tr("no KCXS field: net area = gross area"),
                ),
                (tr("Salt pans (0603) counted as wetland"), tr("yes") if saltpans else tr("no")),
            ]
        )

        if warnings:
            report.heading(tr("Warnings"))
            for text in warnings:
                report.paragraph(text)

        report.heading(tr("Totals by first-level class"))
        totals = result.class_totals()
        gross_all = sum(g for g, _ in totals.values())
        net_all = sum(n for _, n in totals.values())
        rows = [
            [
                class_names[key],
                area(totals[key][0]),
                area(totals[key][1]),
                f"{100.0 * totals[key][1] / net_all:.2f} %" if net_all > 0 else "—",
            ]
            for key in landuse.CLASS_KEYS
            if key in totals
        ]
        rows.append(
            [tr("Total"), area(gross_all), area(net_all), "100.00 %" if net_all > 0 else "—"]
        )
        report.paragraph(
            tr("{n} projects occupy {pieces} parcel pieces.").format(n=len(ids), pieces=len(pieces))
        )
        report.table([tr("Class"), tr("Gross area"), tr("Net area"), tr("Share of net area")], rows)

        report.heading(tr("Occupied cultivated land"))
        farm_rows = []
        for j, project in enumerate(ids):
            values = result.summary[j]
            grade = values["farm_grade"]
            farm_rows.append(
                [
                    str(project),
                    area(values["farm_m2"]),
                    area(values["paddy_m2"]),
                    "—" if grade is None else f"{grade:.2f}",
                ]
            )
        farm_all = sum(v["farm_m2"] for v in result.summary.values())
        paddy_all = sum(v["paddy_m2"] for v in result.summary.values())
        farm_rows.append(
            [
                tr("Total"),
                area(farm_all),
                area(paddy_all),
                "—" if result.farm_grade is None else f"{result.farm_grade:.2f}",
            ]
        )
        report.table(
            [
                tr("Project"),
                tr("Cultivated land (net)"),
                tr("Of which paddy (net)"),
                tr("Area-weighted grade"),
            ],
            farm_rows,
        )

        report.heading(tr("Occupation per project"))
        by_project: dict[int, list] = {}
        for row in result.rows:
            by_project.setdefault(row.project, []).append(row)
        order = sorted(range(len(ids)), key=lambda j: str(ids[j]))
        for j in order:
            project_rows = sorted(
                by_project.get(j, []), key=lambda r: (landuse.CLASS_KEYS.index(r.class_key), r.dlbm)
            )
            gross = sum(r.gross_m2 for r in project_rows)
            net = sum(r.net_m2 for r in project_rows)
            report.paragraph(
                tr("Project {project}: gross {gross}, net {net}").format(
                    project=ids[j], gross=area(gross), net=area(net)
                )
            )
            if not project_rows:
                continue
            report.table(
                [tr("Class"), "DLBM", "DLMC", tr("Gross area"), tr("Net area")],
                [
                    [
                        class_names[r.class_key],
                        r.dlbm or "NULL",
                        r.dlmc or "—",
                        area(r.gross_m2),
                        area(r.net_m2),
                    ]
                    for r in project_rows
                ],
            )

        report.heading(tr("Map"))
        present = [
            key
            for key in landuse.CLASS_KEYS
            if key in set(parcel_classes) or key in set(result.classes)
        ]
        try:
            png = self.render_map(geoms, ids, pieces, result.classes, parcels, parcel_classes, crs)
            report.image(
                png,
                tr(
                    "Projects (labelled outlines) over the occupied parcels "
                    "(pale) and the occupied pieces, coloured by first-level "
                    "class in the colours of the third national land survey."
                ),
            )
            report.raw(
                "<p>"
                + " ".join(
                    f'<span style="display:inline-block;width:14px;height:10px;'
                    f'border:1px solid #555;background:rgb({CLASS_COLOURS[key]})"></span> '
                    f"{esc(class_names[key])}&nbsp;&nbsp;"
                    for key in present
                )
                + "</p>"
            )
        except Exception as error:  # noqa: BLE001 - a map failure must not lose the report
            report.paragraph(tr("The map could not be rendered: {error}").format(error=error))
        report.save(path, "zh-CN" if chinese else "en")

    @staticmethod
    def render_map(geoms, ids, pieces, piece_classes, parcels, parcel_classes, crs) -> bytes:
        """Projects (labelled) over the occupied pieces over the occupied parcels (pale)."""
        layers = [
            memory_layer(
                tr("Construction projects"),
                list(geoms),
                crs,
                {"color": "0,0,0,0", "outline_color": "20,20,20,255", "outline_width": "0.6"},
                labels=ids if len(ids) <= MAX_LABELLED_PROJECTS else None,
            )
        ]
        # the pieces (opaque) over the whole occupied parcels (pale)
        for shapes, classes, alpha, outline in (
            (pieces, piece_classes, "255", ("60,60,60,255", "0.15")),
            (parcels, parcel_classes, "90", ("150,150,150,255", "0.1")),
        ):
            classes = np.asarray(classes, dtype=object)
            for key in landuse.CLASS_KEYS:
                selected = [g for g, k in zip(shapes, classes) if k == key]
                if selected:
                    layers.append(
                        memory_layer(
                            key,
                            selected,
                            crs,
                            {
                                "color": f"{CLASS_COLOURS[key]},{alpha}",
                                "outline_color": outline[0],
                                "outline_width": outline[1],
                            },
                        )
                    )
        extent = None
        present = [g for g in geoms if g is not None and not g.is_empty]
        if present:
            xmin, ymin, xmax, ymax = shapely.total_bounds(np.array(present, dtype=object))
            pad = max(xmax - xmin, ymax - ymin, 200.0) * 0.08
            extent = QgsRectangle(xmin - pad, ymin - pad, xmax + pad, ymax + pad)
        return render_map_png(layers, crs, extent)  # first = top
