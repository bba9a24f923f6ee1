"""``lyg_nrp:farmland_balance`` — 耕地占补平衡核验 (farmland balance verification).

Takes the occupied farmland (e.g. ``FARMLAND_PIECES`` of ``landuse_occupation``) and the
supplementary farmland plots (补充耕地, e.g. the BCGD layer) and checks, per group, quantity,
paddy (占水田补水田), quality (占优补优) and grain capacity. The computation lives in
:mod:`lyg_nrp_plugin.core.farmland_balance`; this package reads (``inputs``), writes
(``outputs``) and reports (``report``).
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ...core import farmland_balance as fb
from ...core.progress import Progress
from ...translate import tr
from ..base import GROUP_FARMLAND, LygAlgorithm
from ..params import add_analysis_crs, add_area_method, add_count_outputs, add_report
from .help import parameter_help
from .inputs import read_inputs
from .messages import input_error_message
from .outputs import (
    BALANCE_COLUMNS,
    FLAGGED_COLUMNS,
    count_outputs,
    output_fields,
    publish,
    write_balance,
    write_flagged,
)
from .report import write_report
from .run import BalanceRun, log_verdict, log_warnings

POLYGON = [QgsProcessing.TypeVectorPolygon]
NUMERIC = QgsProcessingParameterField.Numeric
ANY = QgsProcessingParameterField.Any


def _advanced(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    return parameter


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
        return parameter_help(self)

    def _field(self, name, title, default, parent, kind=ANY, advanced=False) -> None:
        # declared optional so that a call may omit them (QGIS 3.22 does not fill a field
        # parameter's default before validating); the default names then apply
        parameter = QgsProcessingParameterField(name, title, default, parent, kind, optional=True)
        self.addParameter(_advanced(parameter) if advanced else parameter)

    def initAlgorithm(self, configuration=None):  # noqa: N802
        occ, sup = self.OCCUPIED, self.SUPPLEMENT
        self.addParameter(
            QgsProcessingParameterFeatureSource(occ, tr("Occupied farmland"), POLYGON)
        )
        self._field(
            self.OCC_AREA_FIELD, tr("Occupied area field (m²)"), self.DEFAULT_OCC_AREA, occ, NUMERIC
        )
        self._field(self.OCC_DLBM_FIELD, tr("Occupied land-use code field"), "DLBM", occ)
        self._field(self.OCC_GRADE_FIELD, tr("Occupied quality grade field"), "GDDB", occ)
        self._field(self.OCC_GROUP_FIELD, tr("Occupied group field"), None, occ)
        self._field(
            self.OCC_KCXS_FIELD,
            tr("Occupied deduction coefficient field (KCXS)"),
            self.DEFAULT_KCXS,
            occ,
            advanced=True,
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(sup, tr("Supplementary farmland"), POLYGON)
        )
        self._field(self.SUP_AREA_FIELD, tr("Supplementary area field (m²)"), None, sup, NUMERIC)
        self._field(self.SUP_DLBM_FIELD, tr("Supplementary land-use code field"), "DLBM", sup)
        self._field(self.SUP_GRADE_FIELD, tr("Supplementary quality grade field"), "GDDB", sup)
        self._field(
            self.SUP_SLOPE_FIELD, tr("Supplementary slope level field"), self.DEFAULT_SLOPE, sup
        )
        self._field(self.SUP_GROUP_FIELD, tr("Supplementary group field"), None, sup)
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
        for name, title in (
            (self.ECO_REDLINE, tr("Ecological protection red line")),
            (self.PROTECTED_AREAS, tr("Protected areas")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSource(name, title, POLYGON, optional=True)
            )
        integer, double = QgsProcessingParameterNumber.Integer, QgsProcessingParameterNumber.Double
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_SLOPE_LEVEL,
                tr("Maximum slope level"),
                integer,
                4,
                False,
                1,
                fb.SLOPE_LEVEL_MAX,
            )
        )
        self.addParameter(
            _advanced(
                QgsProcessingParameterNumber(
                    self.MIN_AREA, tr("Sliver tolerance (m²)"), double, 1.0, False, 0.0
                )
            )
        )
        add_area_method(self, self.AREA_METHOD)
        add_analysis_crs(self, self.ANALYSIS_CRS, advanced=True)
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
        add_report(self, self.REPORT, tr("Farmland balance report"))
        add_count_outputs(
            self,
            (
                (self.N_GROUPS, tr("Number of groups")),
                (self.N_FAIL, tr("Number of unbalanced groups")),
                (self.N_FLAGGED, tr("Number of flagged plots")),
                (self.DEF_M2, tr("Area deficit (m²)")),
                (self.DEF_PADDY_M2, tr("Paddy deficit (m²)")),
                (self.DEF_CAP_KG, tr("Grain capacity deficit (kg)")),
            ),
        )
        self.add_help_to_parameters()

    def process(self, parameters: dict, context: QgsProcessingContext, feedback) -> dict:
        try:
            inputs = read_inputs(self, parameters, context, feedback)
            feedback.setProgress(45)
            result = fb.farmland_balance(
                inputs.occupied,
                inputs.supplement,
                inputs.capacity,
                inputs.eco_geom,
                inputs.pa_geom,
                inputs.max_slope,
                inputs.min_area,
                inputs.area_fn,
                grouped=inputs.grouped,
                progress=Progress(feedback, 45, 80),
            )
        except fb.BalanceInputError as error:
            raise QgsProcessingException(input_error_message(error)) from None
        feedback.setProgress(80)
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context) or ""
        run = BalanceRun(inputs, result, report_path)
        log_warnings(run, feedback)
        balance, balance_id = self.sink(
            parameters, self.BALANCE, context, output_fields(BALANCE_COLUMNS)
        )
        write_balance(balance, run, feedback)
        flagged_fields = output_fields(FLAGGED_COLUMNS)
        flagged, flagged_id = self.sink(
            parameters, self.FLAGGED, context, flagged_fields, QgsWkbTypes.MultiPolygon, inputs.crs
        )
        write_flagged(flagged, run, feedback)
        outputs = {self.BALANCE: balance_id, self.FLAGGED: flagged_id, **count_outputs(self, run)}
        log_verdict(run, feedback)
        if report_path:
            write_report(report_path, run)
            outputs[self.REPORT] = report_path
        feedback.setProgress(100)
        publish(run, self.ALG_ID, self.displayName(), balance_id)
        return outputs
