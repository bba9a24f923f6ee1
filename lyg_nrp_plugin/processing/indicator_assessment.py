"""``lyg_nrp:indicator_assessment`` — 规划指标评估.

Computes the 14th Five-Year plan's main indicators (表2, with the 2020 values of 表1 and the
other 2025 targets of the text) from whatever layers are given — 三调 land use, land
boundary, sea area, red lines, permanent farmland, protected areas, coastline, mariculture
zones, mines — takes targets and manual values from a TARGETS file, and rates each indicator
达标 / 未达标 / 无目标 / 无数据. The computation is in ``core.indicators``; this module reads
the layers, writes the table, the JSON for the dashboard and the HTML report.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
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
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import results_bus
from ..core import indicators as ind
from ..core.indicator_chart import bar_chart_svg
from ..paths import resource_path
from ..translate import is_chinese, tr
from .base import GROUP_INDICATORS, LygAlgorithm
from .io.layers import layer_label, require_geometry
from .io.read import python_value, read_source
from .io.write import write_features
from .params import DEFAULT_ANALYSIS_CRS
from .report.html import HtmlReport, esc

OUTPUT_FIELDS = (
    ("code", QVariant.String),
    ("name_zh", QVariant.String),
    ("name_en", QVariant.String),
    ("category", QVariant.String),
    ("unit", QVariant.String),
    ("value", QVariant.Double),
    ("target", QVariant.Double),
    ("comparator", QVariant.String),
    ("attribute", QVariant.String),
    ("baseline_2020", QVariant.Double),
    ("status", QVariant.String),
    ("status_zh", QVariant.String),
    ("source", QVariant.String),
    ("note", QVariant.String),
    ("target_text", QVariant.String),
)
OUTPUT_UNITS = ("t", "万吨", "亿吨")
STATUS_CSS = {
    ind.STATUS_MET: "#dff0d8",
    ind.STATUS_NOT_MET: "#f2dede",
    ind.STATUS_NO_TARGET: "#f5f5f5",
    ind.STATUS_NO_DATA: "#ffffff",
}

_last: tuple[dict, list] | None = None


def last_result() -> tuple[dict, list] | None:
    """(meta, [IndicatorResult]) of the last run in this session (read by the dashboard)."""
    return _last


def catalogue_path() -> Path:
    return resource_path("indicators", "indicators_2025.csv")


def status_text(status: str) -> str:
    return {
        ind.STATUS_MET: tr("Met"),
        ind.STATUS_NOT_MET: tr("Not met"),
        ind.STATUS_NO_TARGET: tr("No target"),
        ind.STATUS_NO_DATA: tr("No data"),
    }[status]


def category_text(category: str) -> str:
    return {
        "资源保护": tr("Resource protection"),
        "资源利用": tr("Resource use"),
        "空间布局": tr("Spatial layout"),
        "基础支撑": tr("Basic support"),
    }.get(category, category)


class IndicatorAssessmentAlgorithm(LygAlgorithm):
    ALG_ID = "indicator_assessment"
    GROUP_ID = GROUP_INDICATORS
    ICON = "indicators.svg"

    LANDUSE = "LANDUSE"
    DLBM_FIELD = "DLBM_FIELD"
    AREA_FIELD = "AREA_FIELD"
    BOUNDARY = "BOUNDARY"
    SEA_AREA = "SEA_AREA"
    SEA_ZONE_FIELD = "SEA_ZONE_FIELD"
    MARICULTURE_ZONES = "MARICULTURE_ZONES"
    ECO_REDLINE = "ECO_REDLINE"
    FARMLAND = "FARMLAND"
    PROTECTED_AREAS = "PROTECTED_AREAS"
    PA_TYPE_FIELD = "PA_TYPE_FIELD"
    MARINE_REDLINE = "MARINE_REDLINE"
    COASTLINE = "COASTLINE"
    COAST_TYPE_FIELD = "COAST_TYPE_FIELD"
    COAST_CLASS_FIELD = "COAST_CLASS_FIELD"
    MARICULTURE = "MARICULTURE"
    MINES = "MINES"
    MINE_SCALE_FIELD = "MINE_SCALE_FIELD"
    MINE_OUTPUT_FIELD = "MINE_OUTPUT_FIELD"
    MINE_OUTPUT_UNIT = "MINE_OUTPUT_UNIT"
    TARGETS = "TARGETS"
    WETLAND_INCLUDES_SALTPANS = "WETLAND_INCLUDES_SALTPANS"
    YEAR = "YEAR"
    ANALYSIS_CRS = "ANALYSIS_CRS"
    OUTPUT = "OUTPUT"
    JSON = "JSON"
    REPORT = "REPORT"
    N_MET = "N_MET"
    N_NOT_MET = "N_NOT_MET"

    def displayName(self) -> str:  # noqa: N802
        return tr("Plan indicator assessment")

    def summary(self) -> str:
        return tr(
            "Computes the main indicators of the 14th Five-Year natural-resources plan (Table 2, "
            "with the 2020 values of Table 1 and the other 2025 targets of the text) from the "
            "layers given — 3rd land survey parcels, land boundary, sea area, red lines, "
            "permanent farmland, protected areas, coastline, mariculture zones, mines — and "
            "rates each against its 2025 target: met, not met, no target or no data. Every "
            "input is optional; indicators no layer can give (forest surveys, ledgers) and the "
            "targets set by the province come from the TARGETS file."
        )

    def parameter_help(self) -> dict[str, str]:
        return {
            self.LANDUSE: tr(
                "3rd land survey parcels (DLTB): cultivated land, wetland, built "
                "land, forest land, natural wetland."
            ),
            self.DLBM_FIELD: tr("Land-use code field (DLBM, GB/T 21010 / 3rd survey codes)."),
            self.AREA_FIELD: tr(
                "Parcel land area field in m² (TBDLMJ). When the layer has no "
                "such field the geometry area is used."
            ),
            self.BOUNDARY: tr(
                "Land boundary (e.g. XZQ). Its area is the land area of the "
                "ratios; without it the land-use parcels' area is used."
            ),
            self.SEA_AREA: tr("Jurisdictional sea area (HYGNQ)."),
            self.SEA_ZONE_FIELD: tr(
                "Marine function-zone type field of the sea area (GNQLX). "
                "Without a mariculture layer, the zones whose type "
                "contains one of the mariculture words give the "
                "mariculture zone area."
            ),
            self.MARICULTURE_ZONES: tr(
                "Comma-separated words that mark a sea zone as "
                "mariculture (增养殖区 belong to 农渔业区)."
            ),
            self.ECO_REDLINE: tr("Ecological protection red line (STBHHX)."),
            self.FARMLAND: tr("Permanent basic farmland (YJJBNTBHTB)."),
            self.PROTECTED_AREAS: tr(
                "Protected areas (ZRBHD); marine parks and scenic areas "
                "are told apart by the type field."
            ),
            self.PA_TYPE_FIELD: tr(
                "Protected-area type field (values containing 海洋公园 or "
                "风景名胜区 are excluded where the indicator says so)."
            ),
            self.MARINE_REDLINE: tr("Marine ecological red line (HYSTHX)."),
            self.COASTLINE: tr("Coastline (HAX) lines."),
            self.COAST_TYPE_FIELD: tr("Coastline type field: 自然岸线 / 人工岸线."),
            self.COAST_CLASS_FIELD: tr(
                "Coastline class field: 大陆岸线 / 海岛岸线 (without it "
                "every line counts as mainland)."
            ),
            self.MARICULTURE: tr("Mariculture functional zones (海水增养殖区)."),
            self.MINES: tr("Mines (points, polygons or a table), one feature per operating mine."),
            self.MINE_SCALE_FIELD: tr("Mine scale field (大型/中型/小型)."),
            self.MINE_OUTPUT_FIELD: tr("Mine annual output field."),
            self.MINE_OUTPUT_UNIT: tr("Unit of the annual output field."),
            self.TARGETS: tr(
                "JSON or CSV file with targets for the indicators set by the "
                "province and manual values (e.g. tree cover from the forestry "
                "survey), in each indicator's unit. See "
                "resources/indicators/targets_example.json."
            ),
            self.WETLAND_INCLUDES_SALTPANS: tr("Count 0603 salt pans as wetland."),
            self.YEAR: tr("Year of the data assessed (shown in the results)."),
            self.ANALYSIS_CRS: tr(
                "Projected CRS in which areas and lengths are measured (default EPSG:4549)."
            ),
            self.OUTPUT: tr("One row per indicator: value, target, status."),
            self.JSON: tr("The same results as JSON (read by the indicator dashboard)."),
            self.REPORT: tr("HTML report with a chart of values against targets."),
        }

    def initAlgorithm(self, configuration=None):  # noqa: N802
        polygon = [QgsProcessing.TypeVectorPolygon]

        def layer(name, text, types=polygon):
            self.addParameter(QgsProcessingParameterFeatureSource(name, text, types, optional=True))

        def field(name, text, parent, default, field_type=QgsProcessingParameterField.Any):
            self.addParameter(
                QgsProcessingParameterField(name, text, default, parent, field_type, optional=True)
            )

        layer(self.LANDUSE, tr("Land-use parcels (DLTB)"))
        field(self.DLBM_FIELD, tr("Land-use code field"), self.LANDUSE, "DLBM")
        field(
            self.AREA_FIELD,
            tr("Parcel area field (m²)"),
            self.LANDUSE,
            "TBDLMJ",
            QgsProcessingParameterField.Numeric,
        )
        layer(self.BOUNDARY, tr("Land boundary"))
        layer(self.SEA_AREA, tr("Jurisdictional sea area"))
        field(self.SEA_ZONE_FIELD, tr("Sea function-zone type field"), self.SEA_AREA, "GNQLX")
        zones = QgsProcessingParameterString(
            self.MARICULTURE_ZONES,
            tr("Mariculture zone types"),
            ",".join(ind.MARICULTURE_ZONE_WORDS),
            optional=True,
        )
        zones.setFlags(zones.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(zones)
        layer(self.ECO_REDLINE, tr("Ecological protection red line"))
        layer(self.FARMLAND, tr("Permanent basic farmland"))
        layer(self.PROTECTED_AREAS, tr("Protected areas"))
        field(self.PA_TYPE_FIELD, tr("Protected-area type field"), self.PROTECTED_AREAS, "ZRBHDLX")
        layer(self.MARINE_REDLINE, tr("Marine ecological red line"))
        layer(self.COASTLINE, tr("Coastline"), [QgsProcessing.TypeVectorLine])
        field(self.COAST_TYPE_FIELD, tr("Coastline type field"), self.COASTLINE, "AXLX")
        field(self.COAST_CLASS_FIELD, tr("Coastline class field"), self.COASTLINE, "AXLB")
        layer(self.MARICULTURE, tr("Mariculture functional zones"))
        layer(self.MINES, tr("Mines"), [QgsProcessing.TypeVector])
        field(self.MINE_SCALE_FIELD, tr("Mine scale field"), self.MINES, None)
        field(
            self.MINE_OUTPUT_FIELD,
            tr("Mine annual output field"),
            self.MINES,
            None,
            QgsProcessingParameterField.Numeric,
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MINE_OUTPUT_UNIT,
                tr("Mine output unit"),
                [tr("tonnes per year"), tr("10⁴ tonnes per year"), tr("10⁸ tonnes per year")],
                defaultValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.TARGETS,
                tr("Targets and manual values (JSON/CSV)"),
                QgsProcessingParameterFile.File,
                "",
                None,
                optional=True,
                fileFilter=tr("Targets files (*.json *.csv)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.WETLAND_INCLUDES_SALTPANS, tr("Count salt pans (0603) as wetland"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                tr("Year assessed"),
                QgsProcessingParameterNumber.Integer,
                2025,
                minValue=2000,
                maxValue=2100,
            )
        )
        crs = QgsProcessingParameterCrs(
            self.ANALYSIS_CRS, tr("Analysis CRS"), DEFAULT_ANALYSIS_CRS, optional=True
        )
        crs.setFlags(crs.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(crs)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Indicator results"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.JSON,
                tr("Indicator results (JSON)"),
                tr("JSON files (*.json)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT,
                tr("Indicator report"),
                tr("HTML files (*.html)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.N_MET, tr("Indicators met")))
        self.addOutput(QgsProcessingOutputNumber(self.N_NOT_MET, tr("Indicators not met")))
        self.add_help_to_parameters()

    # --- reading --------------------------------------------------------------------------------
    def _source(self, parameters, name, context, geometry_type=QgsWkbTypes.PolygonGeometry):
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            return None, ""
        label = layer_label(source, self.parameterDefinition(name).description())
        if geometry_type is not None:
            require_geometry(source, geometry_type, label)
        return source, label

    def _optional_field(self, parameters, name, source, label, context, feedback) -> str:
        """The field name when the layer has it; '' (warned when explicitly asked) if not."""
        value = self.parameterAsString(parameters, name, context)
        if not value:
            return ""
        if source.fields().lookupField(value) < 0:
            if name in parameters and parameters[name] not in (None, ""):
                feedback.pushWarning(
                    tr("{layer} has no field “{field}”; it is ignored.").format(
                        layer=label, field=value
                    )
                )
            return ""
        return value

    def _geoms(
        self,
        parameters,
        name,
        context,
        crs,
        feedback,
        progress,
        fields=(),
        geometry_type=QgsWkbTypes.PolygonGeometry,
    ):
        source, label = self._source(parameters, name, context, geometry_type)
        if source is None:
            return None, None, ""
        dimension = 1 if geometry_type == QgsWkbTypes.LineGeometry else 2
        table = read_source(
            source,
            label,
            crs,
            context,
            feedback,
            fields=[f for f in fields if f],
            dimension=dimension,
            progress=progress,
        )
        keep = [i for i, g in enumerate(table.geoms) if g is not None]
        geoms = table.geoms[keep] if len(keep) != len(table.geoms) else table.geoms
        columns = {f: [table.attributes[f][i] for i in keep] for f in fields if f}
        return geoms, columns, label

    def _read_mines(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.MINES, context)
        if source is None:
            return None, None, None, ""
        label = layer_label(source, self.parameterDefinition(self.MINES).description())
        scale = self._optional_field(
            parameters, self.MINE_SCALE_FIELD, source, label, context, feedback
        )
        output = self._optional_field(
            parameters, self.MINE_OUTPUT_FIELD, source, label, context, feedback
        )
        request = QgsFeatureRequest()
        request.setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes([f for f in (scale, output) if f], source.fields())
        scales, outputs, count = [], [], 0
        factor = ind.TONNES_PER[
            OUTPUT_UNITS[self.parameterAsEnum(parameters, self.MINE_OUTPUT_UNIT, context)]
        ]
        for feature in source.getFeatures(request):
            if feedback.isCanceled():
                break
            count += 1
            if scale:
                scales.append(python_value(feature[scale]))
            if output:
                value = python_value(feature[output])
                try:
                    outputs.append(None if value is None else float(value) * factor)
                except (TypeError, ValueError):
                    outputs.append(None)
        return count, (scales if scale else None), (outputs if output else None), label

    # --- run ------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        global _last
        self.check_dependencies()
        lang = "zh" if is_chinese() else "en"
        crs = self.parameterAsCrs(parameters, self.ANALYSIS_CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem(DEFAULT_ANALYSIS_CRS)
        if crs.isGeographic():
            raise QgsProcessingException(
                tr(
                    "The analysis CRS {crs} is geographic; choose a projected CRS such as "
                    "EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E)."
                ).format(crs=crs.authid())
            )
        year = self.parameterAsInt(parameters, self.YEAR, context)
        try:
            catalogue = ind.load_catalogue(catalogue_path())
        except (OSError, ValueError, KeyError) as error:
            raise QgsProcessingException(
                tr("The indicator catalogue {path} cannot be read: {error}").format(
                    path=catalogue_path(), error=error
                )
            ) from error
        targets_path = self.parameterAsFile(parameters, self.TARGETS, context)
        manual = ind.ManualInputs()
        if targets_path:
            try:
                manual = ind.load_manual(targets_path, [i.code for i in catalogue])
            except (OSError, ValueError, KeyError) as error:
                raise QgsProcessingException(
                    tr("The TARGETS file {path} cannot be used: {error}").format(
                        path=targets_path, error=error
                    )
                ) from error

        inputs = ind.IndicatorInputs(
            include_saltpans=self.parameterAsBoolean(
                parameters, self.WETLAND_INCLUDES_SALTPANS, context
            )
        )
        used: list[tuple[str, str]] = []

        # land use
        source, label = self._source(parameters, self.LANDUSE, context)
        if source is not None:
            dlbm = self.parameterAsString(parameters, self.DLBM_FIELD, context) or "DLBM"
            area_field = self._optional_field(
                parameters, self.AREA_FIELD, source, label, context, feedback
            )
            if not area_field:
                feedback.pushInfo(
                    tr("{layer}: no parcel area field; geometry areas are used.").format(
                        layer=label
                    )
                )
            table = read_source(
                source,
                label,
                crs,
                context,
                feedback,
                fields=[f for f in (dlbm, area_field) if f],
                progress=(0, 35),
            )
            keep = [i for i, g in enumerate(table.geoms) if g is not None]
            inputs.landuse_geoms = table.geoms[keep]
            inputs.landuse_codes = [table.attributes[dlbm][i] for i in keep]
            if area_field:
                inputs.landuse_areas = [table.attributes[area_field][i] for i in keep]
            used.append((tr("Land-use parcels (DLTB)"), label))
        if feedback.isCanceled():
            return {}

        source, label = self._source(parameters, self.SEA_AREA, context)
        if source is not None:
            zone_field = self._optional_field(
                parameters, self.SEA_ZONE_FIELD, source, label, context, feedback
            )
            geoms, columns, label = self._geoms(
                parameters, self.SEA_AREA, context, crs, feedback, (35, 38), fields=(zone_field,)
            )
            inputs.sea_geoms = geoms
            inputs.sea_zone_types = columns[zone_field] if zone_field else None
            words = self.parameterAsString(parameters, self.MARICULTURE_ZONES, context)
            inputs.mariculture_words = tuple(
                w.strip() for w in words.replace("，", ",").split(",") if w.strip()
            )
            used.append((tr("Jurisdictional sea area"), label))

        specs = (
            (self.BOUNDARY, "boundary_geoms", tr("Land boundary")),
            (self.ECO_REDLINE, "eco_redline_geoms", tr("Ecological protection red line")),
            (self.FARMLAND, "farmland_geoms", tr("Permanent basic farmland")),
            (self.MARINE_REDLINE, "marine_redline_geoms", tr("Marine ecological red line")),
            (self.MARICULTURE, "mariculture_geoms", tr("Mariculture functional zones")),
        )
        for i, (name, attr, text) in enumerate(specs):
            geoms, _, label = self._geoms(
                parameters, name, context, crs, feedback, (35 + i * 3, 38 + i * 3)
            )
            if geoms is not None:
                setattr(inputs, attr, geoms)
                used.append((text, label))
            if feedback.isCanceled():
                return {}

        source, label = self._source(parameters, self.PROTECTED_AREAS, context)
        if source is not None:
            type_field = self._optional_field(
                parameters, self.PA_TYPE_FIELD, source, label, context, feedback
            )
            geoms, columns, label = self._geoms(
                parameters,
                self.PROTECTED_AREAS,
                context,
                crs,
                feedback,
                (53, 56),
                fields=(type_field,),
            )
            inputs.protected_geoms = geoms
            inputs.protected_types = columns[type_field] if type_field else None
            if not type_field:
                feedback.pushWarning(
                    tr(
                        "{layer}: no type field, so marine parks and scenic "
                        "areas cannot be excluded."
                    ).format(layer=label)
                )
            used.append((tr("Protected areas"), label))

        source, label = self._source(parameters, self.COASTLINE, context, QgsWkbTypes.LineGeometry)
        if source is not None:
            type_field = self._optional_field(
                parameters, self.COAST_TYPE_FIELD, source, label, context, feedback
            )
            class_field = self._optional_field(
                parameters, self.COAST_CLASS_FIELD, source, label, context, feedback
            )
            geoms, columns, label = self._geoms(
                parameters,
                self.COASTLINE,
                context,
                crs,
                feedback,
                (56, 58),
                fields=(type_field, class_field),
                geometry_type=QgsWkbTypes.LineGeometry,
            )
            inputs.coast_geoms = geoms
            inputs.coast_types = columns[type_field] if type_field else None
            inputs.coast_classes = columns[class_field] if class_field else None
            if not type_field:
                feedback.pushWarning(
                    tr("{layer}: no coastline type field; no line counts as natural.").format(
                        layer=label
                    )
                )
            used.append((tr("Coastline"), label))

        count, scales, outputs, label = self._read_mines(parameters, context, feedback)
        if count is not None:
            inputs.mine_count, inputs.mine_scales, inputs.mine_outputs_t = count, scales, outputs
            used.append((tr("Mines"), label))
        feedback.setProgress(60)

        feedback.pushInfo(tr("Computing indicators…"))
        measured = ind.compute(
            inputs,
            progress=lambda p: feedback.setProgress(60 + 0.3 * p),
            is_canceled=feedback.isCanceled,
            lang=lang,
        )
        if feedback.isCanceled():
            return {}
        results = ind.evaluate(catalogue, measured, manual, lang=lang)
        counts = ind.status_counts(results)
        meta = {
            "algorithm": f"lyg_nrp:{self.ALG_ID}",
            "year": year,
            "generated": _dt.datetime.now().isoformat(timespec="seconds"),
            "crs": crs.authid(),
            "targets_file": targets_path or "",
            "wetland_includes_saltpans": inputs.include_saltpans,
            "inputs": {k: v for k, v in used},
            "counts": counts,
        }

        fields = QgsFields()
        for name, kind in OUTPUT_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows = [
            [
                r.code,
                r.name_zh,
                r.name_en,
                r.category,
                r.unit,
                r.value,
                r.target,
                r.comparator,
                r.attribute,
                r.baseline_2020,
                r.status,
                r.status_zh,
                r.source,
                r.note,
                r.target_text,
            ]
            for r in results
        ]
        write_features(sink, fields, None, rows, feedback)
        outputs = {
            self.OUTPUT: dest_id,
            self.N_MET: counts[ind.STATUS_MET],
            self.N_NOT_MET: counts[ind.STATUS_NOT_MET],
        }

        json_path = self.parameterAsFileOutput(parameters, self.JSON, context)
        if json_path:
            Path(json_path).parent.mkdir(parents=True, exist_ok=True)
            Path(json_path).write_text(ind.to_json(results, meta), encoding="utf-8")
            outputs[self.JSON] = json_path
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            write_report(report_path, results, meta, lang)
            outputs[self.REPORT] = report_path
        for status, n in counts.items():
            feedback.pushInfo(f"{status_text(status)}: {n}")
        feedback.setProgress(100)

        _last = (meta, results)
        results_bus.publish(
            results_bus.CheckResult(
                algorithm=self.ALG_ID,
                title=self.displayName(),
                counts=dict(counts),
                rows=[
                    results_bus.ResultRow(
                        item_id=r.code,
                        label=r.name_zh if lang == "zh" else r.name_en,
                        verdict=r.status,
                        verdict_zh=r.status_zh,
                        details=value_target_text(r),
                    )
                    for r in results
                ],
                output_ref=str(dest_id or ""),
                report_path=report_path or "",
            )
        )
        return outputs


def value_target_text(r: ind.IndicatorResult) -> str:
    value = ind.format_value(r.value, r.unit)
    cmp = {">=": "≥", "<=": "≤", "=": "="}.get(r.comparator, "")
    if r.target is not None:
        target = cmp + ind.format_value(r.target, r.unit)
    else:
        target = r.target_text or "—"
    return f"{value} / {target} {r.unit}"


def write_report(path: str, results, meta: dict, lang: str) -> str:
    zh = lang == "zh"
    report = HtmlReport(tr("Plan indicator assessment report"))
    counts = meta.get("counts", ind.status_counts(results))
    report.key_values(
        [
            (tr("Year assessed"), meta.get("year", "")),
            (tr("Analysis CRS"), meta.get("crs", "")),
            (tr("Targets file"), meta.get("targets_file") or tr("not given")),
            (
                tr("Salt pans counted as wetland"),
                tr("yes") if meta.get("wetland_includes_saltpans") else tr("no"),
            ),
            *[(name, label) for name, label in (meta.get("inputs") or {}).items()],
            (tr("Met"), counts.get(ind.STATUS_MET, 0)),
            (tr("Not met"), counts.get(ind.STATUS_NOT_MET, 0)),
            (tr("No target"), counts.get(ind.STATUS_NO_TARGET, 0)),
            (tr("No data"), counts.get(ind.STATUS_NO_DATA, 0)),
        ]
    )
    svg = bar_chart_svg(results, lang, title=tr("Values against 2025 targets"))
    if svg:
        report.heading(tr("Values against 2025 targets"))
        report.raw(f"<figure>{svg}</figure>")
    headers = [
        tr("Indicator"),
        tr("Unit"),
        tr("Value"),
        tr("2025 target"),
        tr("Attribute"),
        tr("2020 value"),
        tr("Status"),
        tr("Source"),
        tr("Note"),
    ]
    for category in ind.CATEGORIES:
        rows = [r for r in results if r.category == category]
        if not rows:
            continue
        report.heading(category_text(category))
        body = []
        for r in rows:
            cmp = {">=": "≥", "<=": "≤", "=": "="}.get(r.comparator, "")
            target = (
                (cmp + ind.format_value(r.target, r.unit))
                if r.target is not None
                else (r.target_text or "—")
            )
            cells = [
                r.name_zh if zh else r.name_en,
                r.unit,
                ind.format_value(r.value, r.unit),
                target,
                r.attribute or "—",
                ind.format_value(r.baseline_2020, r.unit),
                r.status_zh if zh else status_text(r.status),
                r.source or "—",
                r.note or "",
            ]
            tds = "".join(
                f'<td style="background:{STATUS_CSS[r.status]}">{esc(c)}</td>'
                if i == 6
                else f'<td class="num">{esc(c)}</td>'
                if i in (2, 3, 5)
                else f"<td>{esc(c)}</td>"
                for i, c in enumerate(cells)
            )
            body.append(f"<tr>{tds}</tr>")
        head = "".join(f"<th>{esc(h)}</th>" for h in headers)
        report.raw(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
    report.heading(tr("How each indicator is computed"))
    report.table(
        [tr("Indicator"), tr("Method"), tr("Source in the plan")],
        [
            (
                r.name_zh if zh else r.name_en,
                r.method_zh if zh else r.method_en,
                _plan_source(r.code),
            )
            for r in results
        ],
    )
    report.paragraph(
        tr(
            "The wetland target of the plan (23.31×10⁴ ha) follows the wetland survey, which also "
            "counts shallow sea, rivers, lakes, reservoirs, aquaculture ponds and salt pans; the "
            "3rd land survey wetland class is narrower, so its area is smaller by definition. Tree "
            "and forest cover computed from land-use parcels are approximations that leave out "
            "roadside trees and shelterbelts; the forestry survey value entered in the TARGETS "
            "file replaces them."
        )
    )
    return report.save(path, "zh-CN" if zh else "en")


_PLAN_SOURCES: dict[str, str] | None = None


def _plan_source(code: str) -> str:
    global _PLAN_SOURCES
    if _PLAN_SOURCES is None:
        import csv

        with open(catalogue_path(), encoding="utf-8", newline="") as handle:
            _PLAN_SOURCES = {row["code"]: row["plan_source"] for row in csv.DictReader(handle)}
    return _PLAN_SOURCES.get(code, "")
