"""``lyg_nrp:farmland_balance`` — 耕地占补平衡核验 (farmland balance verification).

Takes the occupied farmland (e.g. ``FARMLAND_PIECES`` of ``landuse_occupation``) and the
supplementary farmland plots (补充耕地, e.g. the BCGD layer) and checks, per group, quantity,
paddy (占水田补水田), quality (占优补优) and grain capacity. The computation lives in
:mod:`lyg_nrp_plugin.core.farmland_balance`; this module reads, validates, writes and reports.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
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
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import results_bus
from ..core import farmland_balance as fb
from ..core.geometry import dissolve, non_empty_mask
from ..core.progress import Canceled, Progress
from ..core.units import format_area_en, format_area_zh, m2_to_ha, m2_to_mu
from ..paths import resource_path
from ..translate import is_chinese, tr
from .base import GROUP_FARMLAND, LygAlgorithm
from .io.layers import layer_label, require_fields, require_geometry
from .io.read import read_source
from .io.write import to_qgs_geometry, write_features
from .measure import area_function
from .params import AREA_ELLIPSOIDAL, AREA_PLANAR, DEFAULT_ANALYSIS_CRS
from .report.html import HtmlReport
from .report.maps import memory_layer, render_map_png

DEFAULT_CAPACITY_TABLE = ("rules", "grain_capacity_illustrative.csv")


def default_capacity_table() -> Path:
    return resource_path(*DEFAULT_CAPACITY_TABLE)


def input_error_message(error: fb.BalanceInputError) -> str:
    """The translated message of a core input error."""
    d = {k: "" if v is None else v for k, v in error.details.items()}
    messages = {
        "capacity_not_found": tr("Capacity table {table} not found."),
        "capacity_empty": tr(
            "Capacity table {table} has no rows (expected the header grade,kg_per_mu and one "
            "row per grade)."
        ),
        "capacity_header": tr(
            "Capacity table {table} must have the header grade,kg_per_mu (found: {header})."
        ),
        "capacity_value": tr(
            "Capacity table {table}, data row {row}: grade and kg_per_mu must be numbers and "
            "kg_per_mu positive ({text})."
        ),
        "capacity_grade_range": tr(
            "Capacity table {table}, data row {row}: grade {grade} is not an integer from 1 to 15."
        ),
        "capacity_duplicate": tr("Capacity table {table}: grade {grade} appears more than once."),
        "capacity_missing_grade": tr(
            "Capacity table {table} has no capacity for grade(s) {grades}, which the data uses."
        ),
        "grade_range": tr(
            "Layer {layer}: field “{field}” must hold quality grades from 1 to 15; "
            "{n} bad value(s) (fid: value): {values}."
        ),
        "occ_grade_missing": tr(
            "Layer {layer}: {n} occupied farmland piece(s) have no quality grade in field "
            "“{field}” (fids {fids}); the balance cannot be verified without it."
        ),
        "occ_dlbm_missing": tr("Layer {layer}: {n} piece(s) have no land-use code (fids {fids})."),
        "kcxs_range": tr("Layer {layer}: KCXS {value} is not a fraction between 0 and 1."),
    }
    template = messages.get(error.kind)
    return template.format(**d) if template else str(error)


def _ha_mu(area_m2: float) -> str:
    """公顷 with four decimals (as planning documents quote them) and 亩 in brackets."""
    return f"{m2_to_ha(area_m2):,.4f} ({m2_to_mu(area_m2):,.2f})"


def _fmt_grade(value) -> str:
    return "—" if value is None else f"{value:.2f}"


class FarmlandBalanceAlgorithm(LygAlgorithm):
    ALG_ID = "farmland_balance"
    GROUP_ID = GROUP_FARMLAND
    ICON = "farmland.svg"

    OCCUPIED = "OCCUPIED"
    OCC_AREA_FIELD = "OCC_AREA_FIELD"
    OCC_DLBM_FIELD = "OCC_DLBM_FIELD"
    OCC_GRADE_FIELD = "OCC_GRADE_FIELD"
    OCC_GROUP_FIELD = "OCC_GROUP_FIELD"
    OCC_KCXS_FIELD = "OCC_KCXS_FIELD"
    SUPPLEMENT = "SUPPLEMENT"
    SUP_AREA_FIELD = "SUP_AREA_FIELD"
    SUP_DLBM_FIELD = "SUP_DLBM_FIELD"
    SUP_GRADE_FIELD = "SUP_GRADE_FIELD"
    SUP_SLOPE_FIELD = "SUP_SLOPE_FIELD"
    SUP_GROUP_FIELD = "SUP_GROUP_FIELD"
    CAPACITY_TABLE = "CAPACITY_TABLE"
    ECO_REDLINE = "ECO_REDLINE"
    PROTECTED_AREAS = "PROTECTED_AREAS"
    MAX_SLOPE_LEVEL = "MAX_SLOPE_LEVEL"
    MIN_AREA = "MIN_AREA"
    AREA_METHOD = "AREA_METHOD"
    ANALYSIS_CRS = "ANALYSIS_CRS"
    BALANCE = "BALANCE"
    FLAGGED = "FLAGGED"
    REPORT = "REPORT"
    N_GROUPS = "N_GROUPS"
    N_FAIL = "N_FAIL"
    N_FLAGGED = "N_FLAGGED"
    DEF_M2 = "DEF_M2"
    DEF_PADDY_M2 = "DEF_PADDY_M2"
    DEF_CAP_KG = "DEF_CAP_KG"

    DEFAULT_OCC_AREA = "net_m2"
    DEFAULT_KCXS = "KCXS"
    DEFAULT_SLOPE = "GDPDJB"

    def displayName(self) -> str:  # noqa: N802
        return tr("Farmland balance verification")

    def summary(self) -> str:
        return tr(
            "Verifies the balance of occupied and supplementary farmland (耕地占补平衡) per "
            "project or county: quantity, paddy (占水田补水田), quality grade (占优补优) and "
            "standard grain capacity. Supplementary plots that are not cultivated land, have no "
            "grade, are too steep, or lie in the ecological red line or a protected area are "
            "flagged and excluded; overlapping plots count their overlap once. The balance "
            "sheet gives what is still missing."
        )

    def parameter_help(self) -> dict[str, str]:
        return {
            self.OCCUPIED: tr(
                "Occupied farmland polygons, e.g. FARMLAND_PIECES of landuse_occupation. "
                "Pieces not coded as cultivated land (01xx) are skipped with a warning."
            ),
            self.OCC_AREA_FIELD: tr(
                "Net occupied area in m² (default net_m2). When the layer has no such field, "
                "the geometry area × (1 − KCXS) is used."
            ),
            self.OCC_DLBM_FIELD: tr("Land-use code (DLBM) of the occupied pieces."),
            self.OCC_GRADE_FIELD: tr(
                "Quality grade (GDDB, 1–15, 1 best) of the occupied pieces; required on every "
                "occupied farmland piece."
            ),
            self.OCC_GROUP_FIELD: tr(
                "Optional: balance per value of this field (project id or county code). Give "
                "the matching supplementary field too."
            ),
            self.OCC_KCXS_FIELD: tr(
                "Deduction coefficient for field ridges (KCXS, a fraction) used when the area "
                "comes from the geometry."
            ),
            self.SUPPLEMENT: tr("Supplementary farmland plots (补充耕地), e.g. the BCGD layer."),
            self.SUP_AREA_FIELD: tr(
                "Optional: area of the plots in m²; default the geometry area. A plot trimmed "
                "for overlap keeps the same share of this area as of its geometry."
            ),
            self.SUP_DLBM_FIELD: tr(
                "Land-use code of the plots; plots not coded as cultivated land are excluded."
            ),
            self.SUP_GRADE_FIELD: tr(
                "Quality grade (1–15) of the plots; plots without a grade are excluded."
            ),
            self.SUP_SLOPE_FIELD: tr(
                "Slope level (GDPDJB, 1–5); plots above the maximum level are excluded. Empty "
                "values are not checked."
            ),
            self.SUP_GROUP_FIELD: tr(
                "Optional: group of each plot; its values must match the occupied groups."
            ),
            self.CAPACITY_TABLE: tr(
                "CSV with the header grade,kg_per_mu: standard grain capacity per 亩 of each "
                "quality grade. Default: the bundled ILLUSTRATIVE table — replace it by the "
                "provincial one for a real verification."
            ),
            self.ECO_REDLINE: tr(
                "Optional ecological protection red line; plots in it are excluded."
            ),
            self.PROTECTED_AREAS: tr("Optional protected areas; plots in them are excluded."),
            self.MAX_SLOPE_LEVEL: tr(
                "Highest admissible slope level of a supplementary plot (default 4; level 5 is "
                "steeper than 25°)."
            ),
            self.MIN_AREA: tr(
                "Overlaps smaller than this (m²) are slivers and ignored, both with the red "
                "line / protected areas and between plots."
            ),
            self.AREA_METHOD: tr(
                "Planar areas in the analysis CRS, or ellipsoidal areas on the CGCS2000 ellipsoid."
            ),
            self.ANALYSIS_CRS: tr("CRS in which geometries are compared and measured."),
            self.BALANCE: tr(
                "Balance sheet: one row per group and a total row, with the checks, the verdict "
                "and the deficits (0 when satisfied)."
            ),
            self.FLAGGED: tr(
                "Excluded supplementary plots and trimmed overlapping parts, with the reason and "
                "the excluded area."
            ),
            self.REPORT: tr(
                "Optional HTML report with the balance sheet in 公顷 and 亩, the "
                "flagged plots and a map."
            ),
            self.N_GROUPS: tr("Number of balance groups."),
            self.N_FAIL: tr("Number of groups that do not balance."),
            self.N_FLAGGED: tr("Number of flagged supplementary plots or parts."),
            self.DEF_M2: tr("Total area deficit (m²), the sum of the group deficits."),
            self.DEF_PADDY_M2: tr("Total paddy deficit (m²), the sum of the group deficits."),
            self.DEF_CAP_KG: tr(
                "Total grain capacity deficit (kg), the sum of the group deficits."
            ),
        }

    def initAlgorithm(self, configuration=None):  # noqa: N802
        polygon = [QgsProcessing.TypeVectorPolygon]
        numeric = QgsProcessingParameterField.Numeric
        any_type = QgsProcessingParameterField.Any
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.OCCUPIED, tr("Occupied farmland"), polygon)
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.OCC_AREA_FIELD,
                tr("Occupied area field (m²)"),
                self.DEFAULT_OCC_AREA,
                self.OCCUPIED,
                numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.OCC_DLBM_FIELD,
                tr("Occupied land-use code field"),
                "DLBM",
                self.OCCUPIED,
                any_type,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.OCC_GRADE_FIELD,
                tr("Occupied quality grade field"),
                "GDDB",
                self.OCCUPIED,
                any_type,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.OCC_GROUP_FIELD,
                tr("Occupied group field"),
                None,
                self.OCCUPIED,
                any_type,
                optional=True,
            )
        )
        kcxs = QgsProcessingParameterField(
            self.OCC_KCXS_FIELD,
            tr("Occupied deduction coefficient field (KCXS)"),
            self.DEFAULT_KCXS,
            self.OCCUPIED,
            any_type,
            optional=True,
        )
        kcxs.setFlags(kcxs.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(kcxs)

        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SUPPLEMENT, tr("Supplementary farmland"), polygon
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SUP_AREA_FIELD,
                tr("Supplementary area field (m²)"),
                None,
                self.SUPPLEMENT,
                numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SUP_DLBM_FIELD,
                tr("Supplementary land-use code field"),
                "DLBM",
                self.SUPPLEMENT,
                any_type,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SUP_GRADE_FIELD,
                tr("Supplementary quality grade field"),
                "GDDB",
                self.SUPPLEMENT,
                any_type,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SUP_SLOPE_FIELD,
                tr("Supplementary slope level field"),
                self.DEFAULT_SLOPE,
                self.SUPPLEMENT,
                any_type,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SUP_GROUP_FIELD,
                tr("Supplementary group field"),
                None,
                self.SUPPLEMENT,
                any_type,
                optional=True,
            )
        )

        self.addParameter(
            QgsProcessingParameterFile(
                self.CAPACITY_TABLE,
                tr("Grain capacity table (CSV)"),
                QgsProcessingParameterFile.File,
                "csv",
                None,
                True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ECO_REDLINE, tr("Ecological protection red line"), polygon, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PROTECTED_AREAS, tr("Protected areas"), polygon, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_SLOPE_LEVEL,
                tr("Maximum slope level"),
                QgsProcessingParameterNumber.Integer,
                4,
                False,
                1,
                fb.SLOPE_LEVEL_MAX,
            )
        )
        min_area = QgsProcessingParameterNumber(
            self.MIN_AREA,
            tr("Sliver tolerance (m²)"),
            QgsProcessingParameterNumber.Double,
            1.0,
            False,
            0.0,
        )
        min_area.setFlags(min_area.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(min_area)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.AREA_METHOD,
                tr("Area method"),
                [tr("Planar (analysis CRS)"), tr("Ellipsoidal (CGCS2000)")],
                False,
                AREA_PLANAR,
            )
        )
        crs = QgsProcessingParameterCrs(
            self.ANALYSIS_CRS, tr("Analysis CRS"), DEFAULT_ANALYSIS_CRS, optional=True
        )
        crs.setFlags(crs.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(crs)

        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.BALANCE, tr("Farmland balance sheet"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.FLAGGED, tr("Flagged supplementary plots"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT,
                tr("Farmland balance report"),
                tr("HTML files (*.html)"),
                None,
                True,
                False,
            )
        )
        for name, title in (
            (self.N_GROUPS, tr("Number of groups")),
            (self.N_FAIL, tr("Number of unbalanced groups")),
            (self.N_FLAGGED, tr("Number of flagged plots")),
            (self.DEF_M2, tr("Area deficit (m²)")),
            (self.DEF_PADDY_M2, tr("Paddy deficit (m²)")),
            (self.DEF_CAP_KG, tr("Grain capacity deficit (kg)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, title))
        self.add_help_to_parameters()

    # --- helpers -----------------------------------------------------------------------------
    def _optional_field(self, parameters, name, default, source, label, context, feedback) -> str:
        """A field parameter that may be absent: the default silently falls back when the
        layer lacks it; an explicitly chosen missing field is an error."""
        value = self.parameterAsString(parameters, name, context) or ""
        if not value:
            return ""
        if source.fields().lookupField(value) >= 0:
            return value
        if value == default:
            feedback.pushInfo(
                tr("{layer} has no field “{field}”; it is not used.").format(
                    layer=label, field=value
                )
            )
            return ""
        require_fields(source, [value], label)  # raises
        return ""

    @staticmethod
    def _balance_fields() -> QgsFields:
        fields = QgsFields()
        fields.append(QgsField("group", QVariant.String))
        fields.append(QgsField("row_type", QVariant.String))
        for name in (
            "occ_m2",
            "sup_m2",
            "occ_paddy_m2",
            "sup_paddy_m2",
            "occ_grade",
            "sup_grade",
            "occ_cap_kg",
            "sup_cap_kg",
        ):
            fields.append(QgsField(name, QVariant.Double))
        for name in ("qty_ok", "paddy_ok", "grade_ok", "cap_ok"):
            fields.append(QgsField(name, QVariant.Int))
        fields.append(QgsField("verdict", QVariant.String))
        fields.append(QgsField("verdict_zh", QVariant.String))
        for name in ("def_m2", "def_paddy_m2", "def_cap_kg"):
            fields.append(QgsField(name, QVariant.Double))
        fields.append(QgsField("occ_n", QVariant.Int))
        fields.append(QgsField("sup_n", QVariant.Int))
        return fields

    @staticmethod
    def _flagged_fields() -> QgsFields:
        fields = QgsFields()
        fields.append(QgsField("sup_fid", QVariant.LongLong))
        fields.append(QgsField("group", QVariant.String))
        fields.append(QgsField("DLBM", QVariant.String))
        fields.append(QgsField("GDDB", QVariant.Double))
        fields.append(QgsField("GDPDJB", QVariant.Int))
        fields.append(QgsField("reason", QVariant.String))
        fields.append(QgsField("reason_zh", QVariant.String))
        for name in ("plot_m2", "excluded_m2", "credited_m2"):
            fields.append(QgsField(name, QVariant.Double))
        fields.append(QgsField("overlaps", QVariant.String))
        fields.append(QgsField("detail_zh", QVariant.String))
        return fields

    @staticmethod
    def _detail_zh(plot: fb.FlaggedPlot, max_slope: int) -> str:
        parts = []
        for reason in plot.reasons:
            if reason == "not_farmland":
                parts.append(f"地类 {plot.dlbm or '空'} 不是耕地（01）")
            elif reason == "no_grade":
                parts.append("未评定耕地质量等别")
            elif reason == "slope":
                parts.append(f"坡度级别 {plot.slope} 级，超过 {max_slope} 级")
            elif reason in ("eco_redline", "protected_area"):
                inside = plot.inside_m2.get(reason, 0.0)
                parts.append(f"{fb.REASON_ZH[reason]}内 {inside:,.2f} 平方米")
            elif reason == "overlap":
                fids = "、".join(str(f) for f in plot.overlaps)
                parts.append(
                    f"与补充地块 {fids} 重叠，重叠部分 {plot.excluded_m2:,.2f} 平方米只计一次"
                )
        return "；".join(parts)

    # --- run ---------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):  # noqa: N802
        self.check_dependencies()
        occ_source = self.parameterAsSource(parameters, self.OCCUPIED, context)
        sup_source = self.parameterAsSource(parameters, self.SUPPLEMENT, context)
        if occ_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.OCCUPIED))
        if sup_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SUPPLEMENT))
        occ_label = layer_label(occ_source, tr("Occupied farmland"))
        sup_label = layer_label(sup_source, tr("Supplementary farmland"))
        polygon = QgsWkbTypes.PolygonGeometry
        require_geometry(occ_source, polygon, occ_label)
        require_geometry(sup_source, polygon, sup_label)
        eco_source = self.parameterAsSource(parameters, self.ECO_REDLINE, context)
        pa_source = self.parameterAsSource(parameters, self.PROTECTED_AREAS, context)
        eco_label = layer_label(eco_source, tr("Ecological protection red line"))
        pa_label = layer_label(pa_source, tr("Protected areas"))
        for source, label in ((eco_source, eco_label), (pa_source, pa_label)):
            if source is not None:
                require_geometry(source, polygon, label)

        # declared optional so that a call may omit them (QGIS 3.22 does not fill a field
        # parameter's default before validating); the default names then apply
        occ_dlbm = self.parameterAsString(parameters, self.OCC_DLBM_FIELD, context) or "DLBM"
        occ_grade = self.parameterAsString(parameters, self.OCC_GRADE_FIELD, context) or "GDDB"
        occ_group = self.parameterAsString(parameters, self.OCC_GROUP_FIELD, context) or ""
        sup_dlbm = self.parameterAsString(parameters, self.SUP_DLBM_FIELD, context) or "DLBM"
        sup_grade = self.parameterAsString(parameters, self.SUP_GRADE_FIELD, context) or "GDDB"
        sup_group = self.parameterAsString(parameters, self.SUP_GROUP_FIELD, context) or ""
        sup_area = self.parameterAsString(parameters, self.SUP_AREA_FIELD, context) or ""
        require_fields(occ_source, [occ_dlbm, occ_grade, occ_group], occ_label)
        require_fields(sup_source, [sup_dlbm, sup_grade, sup_group, sup_area], sup_label)
        if bool(occ_group) != bool(sup_group):
            raise QgsProcessingException(
                tr(
                    "Give both group fields (occupied and supplementary) or neither: a balance per "
                    "group needs the group of every occupied piece and every supplementary plot."
                )
            )
        occ_area = self._optional_field(
            parameters,
            self.OCC_AREA_FIELD,
            self.DEFAULT_OCC_AREA,
            occ_source,
            occ_label,
            context,
            feedback,
        )
        occ_kcxs = (
            ""
            if occ_area
            else self._optional_field(
                parameters,
                self.OCC_KCXS_FIELD,
                self.DEFAULT_KCXS,
                occ_source,
                occ_label,
                context,
                feedback,
            )
        )
        sup_slope = self._optional_field(
            parameters,
            self.SUP_SLOPE_FIELD,
            self.DEFAULT_SLOPE,
            sup_source,
            sup_label,
            context,
            feedback,
        )
        if not sup_slope:
            feedback.pushWarning(tr("No slope level field: the slope limit is not checked."))

        table_path = self.parameterAsFile(parameters, self.CAPACITY_TABLE, context) or ""
        illustrative = not table_path
        table_path = table_path or str(default_capacity_table())
        try:
            capacity = fb.load_capacity_csv(table_path)
        except fb.BalanceInputError as error:
            raise QgsProcessingException(input_error_message(error)) from None
        if illustrative:
            feedback.pushWarning(
                tr(
                    "Using the bundled ILLUSTRATIVE grain capacity table {path}; replace it by the "
                    "provincial table for a real verification."
                ).format(path=table_path)
            )
        if not capacity.is_monotonic():
            feedback.pushWarning(
                tr(
                    "The capacity table gives a better grade (lower number) a lower capacity "
                    "somewhere; check {path}."
                ).format(path=table_path)
            )

        max_slope = self.parameterAsInt(parameters, self.MAX_SLOPE_LEVEL, context)
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        method = self.parameterAsEnum(parameters, self.AREA_METHOD, context)
        crs = self.parameterAsCrs(parameters, self.ANALYSIS_CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem(DEFAULT_ANALYSIS_CRS)
        if crs.isGeographic():
            raise QgsProcessingException(
                tr(
                    "The analysis CRS {crs} is geographic; choose a projected CRS in "
                    "metres such as "
                    "EPSG:4549."
                ).format(crs=crs.authid())
            )
        area_fn = area_function(method, crs, context)

        occ_fields = [f for f in (occ_dlbm, occ_grade, occ_group, occ_area, occ_kcxs) if f]
        sup_fields = [f for f in (sup_dlbm, sup_grade, sup_group, sup_area, sup_slope) if f]
        occ = read_source(occ_source, occ_label, crs, context, feedback, occ_fields, 2, (0, 15))
        sup = read_source(sup_source, sup_label, crs, context, feedback, sup_fields, 2, (15, 30))
        eco_geom = pa_geom = None
        if eco_source is not None:
            eco = read_source(eco_source, eco_label, crs, context, feedback, (), 2, (30, 35))
            eco_geom = dissolve(eco.geoms)
        if pa_source is not None:
            pa = read_source(pa_source, pa_label, crs, context, feedback, (), 2, (35, 40))
            pa_geom = dissolve(pa.geoms)
        if feedback.isCanceled():
            return {}

        def subset(table, names_map):
            keep = non_empty_mask(table.geoms) if len(table) else np.zeros(0, dtype=bool)
            cols = {
                key: (None if not name else [v for v, k in zip(table.column(name), keep) if k])
                for key, name in names_map.items()
            }
            return table.fids[keep], table.geoms[keep], cols

        o_fids, o_geoms, o_cols = subset(
            occ,
            {
                "dlbm": occ_dlbm,
                "grade": occ_grade,
                "group": occ_group,
                "area": occ_area,
                "kcxs": occ_kcxs,
            },
        )
        s_fids, s_geoms, s_cols = subset(
            sup,
            {
                "dlbm": sup_dlbm,
                "grade": sup_grade,
                "group": sup_group,
                "area": sup_area,
                "slope": sup_slope,
            },
        )
        occupied = fb.Occupied(
            o_fids,
            o_geoms,
            o_cols["dlbm"],
            o_cols["grade"],
            o_cols["group"],
            o_cols["area"],
            o_cols["kcxs"],
            occ_label,
            occ_grade,
        )
        supplement = fb.Supplement(
            s_fids,
            s_geoms,
            s_cols["dlbm"],
            s_cols["grade"],
            s_cols["slope"],
            s_cols["group"],
            s_cols["area"],
            sup_label,
            sup_grade,
        )
        feedback.setProgress(45)
        try:
            result = fb.farmland_balance(
                occupied,
                supplement,
                capacity,
                eco_geom,
                pa_geom,
                max_slope,
                min_area,
                area_fn,
                grouped=bool(occ_group),
                progress=Progress(feedback, 45, 80),
            )
        except fb.BalanceInputError as error:
            raise QgsProcessingException(input_error_message(error)) from None
        except Canceled:
            return {}
        feedback.setProgress(80)

        if result.occ_skipped_fids:
            feedback.pushWarning(
                tr(
                    "{layer}: {n} piece(s) are not coded as cultivated land (01xx) "
                    "and are not part "
                    "of the balance (fids {fids})."
                ).format(
                    layer=occ_label,
                    n=len(result.occ_skipped_fids),
                    fids=", ".join(map(str, result.occ_skipped_fids[:20])),
                )
            )
        if result.sup_slope_unknown:
            feedback.pushWarning(
                tr(
                    "{layer}: {n} plot(s) have no readable slope level; their slope is not checked."
                ).format(layer=sup_label, n=result.sup_slope_unknown)
            )

        # outputs ---------------------------------------------------------------------------
        balance_fields = self._balance_fields()
        sink, balance_id = self.parameterAsSink(
            parameters,
            self.BALANCE,
            context,
            balance_fields,
            QgsWkbTypes.NoGeometry,
            QgsCoordinateReferenceSystem(),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.BALANCE))
        rows = [
            [
                r.group,
                r.row_type,
                r.occ_m2,
                r.sup_m2,
                r.occ_paddy_m2,
                r.sup_paddy_m2,
                r.occ_grade,
                r.sup_grade,
                r.occ_cap_kg,
                r.sup_cap_kg,
                int(r.qty_ok),
                int(r.paddy_ok),
                int(r.grade_ok),
                int(r.cap_ok),
                r.verdict,
                r.verdict_zh,
                r.def_m2,
                r.def_paddy_m2,
                r.def_cap_kg,
                r.occ_n,
                r.sup_n,
            ]
            for r in result.rows
        ]
        write_features(sink, balance_fields, None, rows, feedback)

        flagged_fields = self._flagged_fields()
        flag_sink, flagged_id = self.parameterAsSink(
            parameters, self.FLAGGED, context, flagged_fields, QgsWkbTypes.MultiPolygon, crs
        )
        if flag_sink is not None:
            flag_rows = [
                [
                    f.fid,
                    f.group,
                    f.dlbm,
                    f.grade,
                    f.slope,
                    f.reason,
                    f.reason_zh,
                    f.plot_m2,
                    f.excluded_m2,
                    f.credited_m2,
                    ",".join(map(str, f.overlaps)),
                    self._detail_zh(f, max_slope),
                ]
                for f in result.flagged
            ]
            for plot, row in zip(result.flagged, flag_rows):
                if feedback.isCanceled():
                    break
                feature = QgsFeature(flagged_fields)
                feature.setGeometry(to_qgs_geometry(plot.geometry))
                feature.setAttributes(row)
                if not flag_sink.addFeature(feature, QgsFeatureSink.FastInsert):
                    raise QgsProcessingException(tr("Could not write a feature to the output."))

        group_rows = result.group_rows if result.grouped else [result.total]
        n_fail = sum(1 for r in group_rows if not r.passed)
        total = result.total
        outputs = {
            self.BALANCE: balance_id,
            self.FLAGGED: flagged_id,
            self.N_GROUPS: len(group_rows),
            self.N_FAIL: n_fail,
            self.N_FLAGGED: len(result.flagged),
            self.DEF_M2: total.def_m2,
            self.DEF_PADDY_M2: total.def_paddy_m2,
            self.DEF_CAP_KG: total.def_cap_kg,
        }
        verdict_text = (
            tr("Balanced")
            if total.passed
            else tr("Not balanced: {n} of {m} group(s) fail.").format(n=n_fail, m=len(group_rows))
        )
        feedback.pushInfo(verdict_text)
        fmt = format_area_zh if is_chinese() else format_area_en
        if not total.passed:
            feedback.pushInfo(
                tr(
                    "Still to find: {area} of farmland, {paddy} of paddy, {kg} kg of grain "
                    "capacity."
                ).format(
                    area=fmt(total.def_m2),
                    paddy=fmt(total.def_paddy_m2),
                    kg=f"{total.def_cap_kg:,.1f}",
                )
            )

        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            self._write_report(
                report_path,
                result,
                group_rows,
                crs,
                occ_label,
                sup_label,
                eco_label if eco_source else "",
                pa_label if pa_source else "",
                table_path,
                illustrative,
                capacity,
                method,
                max_slope,
                min_area,
                o_geoms,
                s_geoms,
                eco_geom,
                pa_geom,
                verdict_text,
            )
            outputs[self.REPORT] = report_path
        feedback.setProgress(100)

        results_bus.publish(
            results_bus.CheckResult(
                algorithm=self.ALG_ID,
                title=self.displayName(),
                counts={"PASS": len(group_rows) - n_fail, "FAIL": n_fail},
                rows=[
                    results_bus.ResultRow(
                        item_id=r.group,
                        label=r.group or tr("(all)"),
                        verdict=r.verdict,
                        verdict_zh=r.verdict_zh,
                        area_m2=r.occ_m2,
                        details=tr("deficit {area}, paddy {paddy}, capacity {kg} kg").format(
                            area=fmt(r.def_m2), paddy=fmt(r.def_paddy_m2), kg=f"{r.def_cap_kg:,.1f}"
                        ),
                    )
                    for r in group_rows
                ],
                output_ref=str(balance_id or ""),
                report_path=report_path or "",
            )
        )
        return outputs

    # --- report ------------------------------------------------------------------------------
    def _write_report(
        self,
        path,
        result,
        group_rows,
        crs,
        occ_label,
        sup_label,
        eco_label,
        pa_label,
        table_path,
        illustrative,
        capacity,
        method,
        max_slope,
        min_area,
        o_geoms,
        s_geoms,
        eco_geom,
        pa_geom,
        verdict_text,
    ) -> None:
        report = HtmlReport(tr("Farmland balance verification report"))
        report.heading(tr("Inputs and parameters"))
        not_given = tr("not given")
        report.key_values(
            [
                (tr("Occupied farmland"), occ_label),
                (tr("Supplementary farmland"), sup_label),
                (tr("Ecological protection red line"), eco_label or not_given),
                (tr("Protected areas"), pa_label or not_given),
                (tr("Grain capacity table"), table_path),
                (tr("Maximum slope level"), max_slope),
                (tr("Sliver tolerance (m²)"), min_area),
                (
                    tr("Area method"),
                    tr("Ellipsoidal (CGCS2000)")
                    if method == AREA_ELLIPSOIDAL
                    else tr("Planar (analysis CRS)"),
                ),
                (tr("Analysis CRS"), crs.authid()),
            ]
        )
        if illustrative:
            report.paragraph(
                tr(
                    "Warning: the grain capacity figures come from the bundled ILLUSTRATIVE table, "
                    "not from an official one. Replace it by the provincial table "
                    "before relying on "
                    "the capacity check."
                )
            )
        report.heading(tr("Conclusion"))
        report.paragraph(verdict_text)
        report.paragraph(
            tr(
                "Each group must balance on its own: a surplus in one group does not offset a "
                "deficit in another. The deficits of the total row are the sums of the group "
                "deficits."
            )
        )

        report.heading(tr("Balance sheet"))
        report.paragraph(
            tr(
                "Areas in 公顷 (hectares) with 亩 in brackets; capacity in tonnes "
                "of standard grain. ✓ satisfied, ✗ not satisfied."
            )
        )
        headers = [
            tr("Group"),
            tr("Occupied, ha (mu)"),
            tr("Supplement, ha (mu)"),
            tr("Area deficit, ha (mu)"),
            tr("Occupied paddy, ha (mu)"),
            tr("Supplement paddy, ha (mu)"),
            tr("Paddy deficit, ha (mu)"),
            tr("Occupied grade"),
            tr("Supplement grade"),
            tr("Occupied capacity (t)"),
            tr("Supplement capacity (t)"),
            tr("Capacity deficit (t)"),
            tr("Verdict"),
        ]
        ok, no = "✓", "✗"
        table_rows = []
        for r in result.rows:
            label = tr("Total") if r.row_type == "total" else (r.group or tr("(empty)"))
            table_rows.append(
                [
                    label,
                    _ha_mu(r.occ_m2),
                    f"{_ha_mu(r.sup_m2)} {ok if r.qty_ok else no}",
                    _ha_mu(r.def_m2),
                    _ha_mu(r.occ_paddy_m2),
                    f"{_ha_mu(r.sup_paddy_m2)} {ok if r.paddy_ok else no}",
                    _ha_mu(r.def_paddy_m2),
                    _fmt_grade(r.occ_grade),
                    f"{_fmt_grade(r.sup_grade)} {ok if r.grade_ok else no}",
                    f"{r.occ_cap_kg / 1000:,.3f}",
                    f"{r.sup_cap_kg / 1000:,.3f} {ok if r.cap_ok else no}",
                    f"{r.def_cap_kg / 1000:,.3f}",
                    f"{r.verdict} {r.verdict_zh}",
                ]
            )
        report.table(headers, table_rows, verdict_column=len(headers) - 1)

        report.heading(tr("Flagged supplementary plots"))
        if result.flagged:
            report.table(
                [
                    tr("Plot fid"),
                    tr("Group"),
                    "DLBM",
                    "GDDB",
                    "GDPDJB",
                    tr("Reason"),
                    tr("Excluded (m²)"),
                    tr("Excluded (mu)"),
                    tr("Details"),
                ],
                [
                    [
                        f.fid,
                        f.group,
                        f.dlbm,
                        f.grade,
                        f.slope,
                        f.reason_zh,
                        round(f.excluded_m2, 2),
                        round(m2_to_mu(f.excluded_m2), 2),
                        self._detail_zh(f, max_slope),
                    ]
                    for f in result.flagged
                ],
            )
        else:
            report.paragraph(tr("No supplementary plot was excluded or trimmed."))
        if result.occ_skipped_fids:
            report.paragraph(
                tr(
                    "{n} occupied piece(s) are not coded as cultivated land and are "
                    "not part of the "
                    "balance: fids {fids}."
                ).format(
                    n=len(result.occ_skipped_fids),
                    fids=", ".join(map(str, result.occ_skipped_fids[:50])),
                )
            )

        report.heading(tr("Map"))
        layers = []
        flagged = [f.geometry for f in result.flagged]
        if flagged:
            layers.append(
                memory_layer(
                    tr("Flagged plots"),
                    flagged,
                    crs,
                    {"color": "255,140,0,170", "outline_color": "120,60,0", "outline_width": "0.4"},
                )
            )
        credited = [g for g in result.credited_geoms if g is not None]
        if credited:
            layers.append(
                memory_layer(
                    tr("Credited supplementary farmland"),
                    credited,
                    crs,
                    {"color": "60,170,60,170", "outline_color": "0,90,0", "outline_width": "0.3"},
                )
            )
        if len(o_geoms):
            layers.append(
                memory_layer(
                    tr("Occupied farmland"),
                    list(o_geoms),
                    crs,
                    {"color": "220,40,40,170", "outline_color": "120,0,0", "outline_width": "0.3"},
                )
            )
        for geom, name, color in (
            (eco_geom, tr("Ecological protection red line"), "0,120,0,60"),
            (pa_geom, tr("Protected areas"), "0,90,160,60"),
        ):
            if geom is not None and not geom.is_empty:
                layers.append(
                    memory_layer(
                        name,
                        [geom],
                        crs,
                        {
                            "color": color,
                            "outline_color": "0,80,0",
                            "outline_width": "0.5",
                            "outline_style": "dash",
                        },
                    )
                )
        if layers:
            png = render_map_png(layers, crs, extent=_extent(o_geoms, s_geoms))
            report.image(
                png,
                tr(
                    "Red: occupied farmland; green: credited supplementary "
                    "farmland; orange: flagged plots or parts; shaded: red line "
                    "and protected areas."
                ),
            )
        report.save(path, "zh-CN" if is_chinese() else "en")


def _extent(o_geoms, s_geoms):
    geoms = [g for g in list(o_geoms) + list(s_geoms) if g is not None and not g.is_empty]
    if not geoms:
        return None
    xmin, ymin, xmax, ymax = shapely.total_bounds(np.array(geoms, dtype=object))
    return QgsRectangle(xmin, ymin, xmax, ymax)
