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
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import results_bus
from ..core import overlay
from ..core.occupation import SUMMARY_FIELDS, occupation
from ..core.units import format_area_zh
from ..translate import tr
from .base import GROUP_REDLINE, LygAlgorithm
from .layer_io import layer_label, read_source, require_fields, require_geometry
from .measure import DEFAULT_ANALYSIS_CRS
from .redline_overlap import (
    analysis_crs,
    input_fields_without,
    measure_function,
    near_subset,
    project_id_field,
    project_ids,
    read_attributes,
    read_geometries,
    warn_degenerate,
    write_rows,
)
from .styles import ApplyStyle, attach_style


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
    N_PROJECTS = "N_PROJECTS"
    FARM_M2 = "FARM_M2"

    def __init__(self):
        super().__init__()
        self._post_processors: list[ApplyStyle] = []  # must outlive the run

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
            self.KCXS_FIELD: tr("Deduction coefficient field (KCXS, a fraction); net area = "
                                "gross × (1 − KCXS). Skipped when the layer has no such field."),
            self.GRADE_FIELD: tr("Cultivated-land quality grade field (GDDB)."),
            self.SLOPE_FIELD: tr("Cultivated-land slope class field (GDPDJB)."),
            self.SALTPAN_AS_WETLAND: tr("Count salt pans (0603) as wetland."),
            self.AREA_METHOD: tr("Planar areas in the analysis CRS, or ellipsoidal areas on the "
                                 "CGCS2000 ellipsoid (as official survey areas are)."),
            self.ANALYSIS_CRS: tr("Projected CRS in which the overlay is computed."),
            self.OUTPUT: tr("Table: one row per project and land-use code."),
            self.SUMMARY: tr("One feature per project with the occupied area per class."),
            self.FARMLAND_PIECES: tr("The occupied cultivated-land pieces (input of the "
                                     "farmland balance check)."),
            self.N_PROJECTS: tr("Number of projects analysed."),
            self.FARM_M2: tr("Total occupied cultivated land (net, m²)."),
        }

    def initAlgorithm(self, configuration=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Construction projects"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ID_FIELD, tr("Project id field"), None, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LANDUSE, tr("Land-use parcels (DLTB)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.DLBM_FIELD, tr("Land-use code field"), "DLBM", self.LANDUSE, optional=True))
        for name, title, default in ((self.KCXS_FIELD, tr("Deduction coefficient field"),
                                      "KCXS"),
                                     (self.GRADE_FIELD, tr("Farmland grade field"), "GDDB"),
                                     (self.SLOPE_FIELD, tr("Farmland slope class field"),
                                      "GDPDJB")):
            self.addParameter(QgsProcessingParameterField(
                name, title, default, self.LANDUSE, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SALTPAN_AS_WETLAND, tr("Count salt pans as wetland"), False))
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_METHOD, tr("Area method"),
            [tr("Planar (analysis CRS)"), tr("Ellipsoidal (CGCS2000)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterCrs(
            self.ANALYSIS_CRS, tr("Analysis CRS"), DEFAULT_ANALYSIS_CRS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Occupation by land-use code"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SUMMARY, tr("Occupation summary per project"), QgsProcessing.TypeVectorPolygon,
            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.FARMLAND_PIECES, tr("Occupied cultivated land"),
            QgsProcessing.TypeVectorPolygon, optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.N_PROJECTS, tr("Number of projects")))
        self.addOutput(QgsProcessingOutputNumber(self.FARM_M2,
                                                 tr("Occupied cultivated land (m²)")))
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
            feedback.pushInfo(tr("{layer}: no field “{field}”; not used.").format(
                layer=label, field=field))
            return ""
        return field

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):  # noqa: N802
        self.check_dependencies()
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        input_label = layer_label(source, tr("Construction projects"))
        require_geometry(source, QgsWkbTypes.PolygonGeometry, input_label)
        id_fields = self.parameterAsFields(parameters, self.ID_FIELD, context)
        id_field = id_fields[0] if id_fields else ""
        require_fields(source, [id_field], input_label)
        parcels_source = self.parameterAsSource(parameters, self.LANDUSE, context)
        if parcels_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.LANDUSE))
        parcels_label = layer_label(parcels_source, tr("Land-use parcels (DLTB)"))
        require_geometry(parcels_source, QgsWkbTypes.PolygonGeometry, parcels_label)
        dlbm_fields = self.parameterAsFields(parameters, self.DLBM_FIELD, context)
        dlbm_field = dlbm_fields[0] if dlbm_fields else "DLBM"
        require_fields(parcels_source, [dlbm_field], parcels_label)
        kcxs_field = self.optional_field(parameters, self.KCXS_FIELD, context, parcels_source,
                                         parcels_label, feedback)
        grade_field = self.optional_field(parameters, self.GRADE_FIELD, context,
                                          parcels_source, parcels_label, feedback)
        slope_field = self.optional_field(parameters, self.SLOPE_FIELD, context,
                                          parcels_source, parcels_label, feedback)
        saltpans = self.parameterAsBoolean(parameters, self.SALTPAN_AS_WETLAND, context)
        crs = analysis_crs(self, parameters, self.ANALYSIS_CRS, context)
        method = self.parameterAsEnum(parameters, self.AREA_METHOD, context)

        projects = read_source(source, input_label, crs, context, feedback,
                               [id_field] if id_field else [], 2, (0, 10))
        keep = ~(shapely.is_missing(projects.geoms) | shapely.is_empty(projects.geoms))
        warn_degenerate(projects, keep, input_label, feedback)
        geoms, fids = projects.geoms[keep], projects.fids[keep]
        ids = [v for v, k in zip(project_ids(projects, id_field), keep) if k]
        if feedback.isCanceled():
            return {}
        parcel_fields = [f for f in (dlbm_field, kcxs_field, grade_field, slope_field) if f]
        near = near_subset(parcels_source, geoms, crs, context, feedback, parcel_fields)
        if near is not parcels_source:
            feedback.pushInfo(tr("{layer}: {n} of {total} parcels lie near a project and are "
                                 "read.").format(layer=parcels_label, n=near.featureCount(),
                                                 total=parcels_source.featureCount()))
        parcels = read_geometries(near, parcels_label, crs, context, feedback, 2, (10, 40))
        if feedback.isCanceled():
            return {}
        present = np.nonzero(~(shapely.is_missing(parcels.geoms)
                               | shapely.is_empty(parcels.geoms)))[0]
        pieces = overlay.intersect_pairs(geoms, parcels.geoms[present], 2,
                                         cancelled=feedback.isCanceled)
        if feedback.isCanceled():
            return {}
        feedback.setProgress(70)
        parcel_index = present[pieces.right]
        gross = (measure_function(method, crs, context)(pieces.geoms) if len(pieces)
                 else np.zeros(0))
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
        result = occupation(pieces.left, dlbm, gross, len(geoms), column(kcxs_field), grades,
                            saltpans)
        if result.unknown_codes:
            listed = ", ".join(f"{code or 'NULL'} ({n})"
                               for code, n in sorted(result.unknown_codes.items()))
            feedback.pushWarning(tr("Unknown land-use codes counted under 未知: {codes}")
                                 .format(codes=listed))
        if result.kcxs_fixed:
            feedback.pushWarning(tr("{n} KCXS values above 1 were read as percentages.")
                                 .format(n=result.kcxs_fixed))
        if result.kcxs_invalid:
            feedback.pushWarning(tr("{n} KCXS values outside 0–100 were ignored (net = gross).")
                                 .format(n=result.kcxs_invalid))

        # OUTPUT table
        id_qfield = project_id_field(source, id_field)
        table_fields = QgsFields()
        table_fields.append(QgsField(id_qfield))
        for name, kind in (("DLBM", QVariant.String), ("DLMC", QVariant.String),
                           ("class_zh", QVariant.String), ("gross_m2", QVariant.Double),
                           ("net_m2", QVariant.Double)):
            table_fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, table_fields,
                                             QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_rows(sink, table_fields, None,
                       [[ids[r.project], r.dlbm or None, r.dlmc or None, r.class_zh, r.gross_m2,
                         r.net_m2] for r in result.rows], feedback)
        results = {self.OUTPUT: dest_id}

        # SUMMARY: project features with the class areas
        summary_fields, keep_idx = input_fields_without(
            source, {"project_id", *SUMMARY_FIELDS}, feedback, input_label)
        summary_fields = QgsFields(summary_fields)
        summary_fields.append(QgsField(id_qfield))
        for name in SUMMARY_FIELDS:
            summary_fields.append(QgsField(name, QVariant.Double, len=20, prec=2))
        summary_sink, summary_id = self.parameterAsSink(
            parameters, self.SUMMARY, context, summary_fields,
            QgsWkbTypes.multiType(source.wkbType()), source.sourceCrs())
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
                out.setAttributes([attributes[i] for i in keep_idx] + [ids[j]]
                                  + [values[name] for name in SUMMARY_FIELDS])
                if not summary_sink.addFeature(out, QgsFeatureSink.FastInsert):
                    raise QgsProcessingException(tr("Could not write a feature to the output."))
            results[self.SUMMARY] = summary_id

        # FARMLAND_PIECES
        piece_fields = QgsFields()
        piece_fields.append(QgsField(id_qfield))
        for name, kind in (("DLBM", QVariant.String), ("GDDB", QVariant.String),
                           ("GDPDJB", QVariant.String), ("gross_m2", QVariant.Double),
                           ("net_m2", QVariant.Double), ("paddy", QVariant.Int)):
            piece_fields.append(QgsField(name, kind))
        pieces_sink, pieces_id = self.parameterAsSink(
            parameters, self.FARMLAND_PIECES, context, piece_fields, QgsWkbTypes.MultiPolygon,
            crs)
        if pieces_sink is not None:
            farm = np.nonzero(result.farmland)[0]
            rows = [[ids[int(pieces.left[k])], result.codes[k],
                     None if grades is None or grades[k] is None else str(grades[k]),
                     None if slopes is None or slopes[k] is None else str(slopes[k]),
                     float(gross[k]), float(result.net[k]),
                     int(result.paddy[k])] for k in farm]
            write_rows(pieces_sink, piece_fields, pieces.geoms[farm], rows, feedback)
            results[self.FARMLAND_PIECES] = pieces_id

        farm_total = float(sum(v["farm_m2"] for v in result.summary.values()))
        results[self.N_PROJECTS] = len(geoms)
        results[self.FARM_M2] = farm_total
        feedback.pushInfo(tr("{n} projects occupy {pieces} parcel pieces; cultivated land "
                             "(net): {farm}.").format(n=len(geoms), pieces=len(pieces),
                                                      farm=format_area_zh(farm_total)))
        feedback.setProgress(100)
        if summary_sink is not None:
            attach_style(self, context, summary_id, "landuse_occupation_summary")
        if pieces_sink is not None:
            attach_style(self, context, pieces_id, "landuse_occupation_farmland")
        results_bus.publish(results_bus.CheckResult(
            algorithm=self.ALG_ID, title=self.displayName(),
            counts={"REVIEW": sum(1 for v in result.summary.values() if v["farm_m2"] > 0),
                    "PASS": sum(1 for v in result.summary.values() if v["farm_m2"] <= 0)},
            rows=[results_bus.ResultRow(
                str(ids[j]), str(ids[j]),
                "REVIEW" if result.summary[j]["farm_m2"] > 0 else "PASS",
                "占用耕地" if result.summary[j]["farm_m2"] > 0 else "未占用耕地",
                result.summary[j]["total_m2"],
                "耕地 " + format_area_zh(result.summary[j]["farm_m2"]), int(fids[j]))
                for j in range(len(geoms))],
            output_ref=summary_id or dest_id or ""))
        return results
