"""One farmland balance run: the inputs and the core's result, carried to the writers, the log
and the report, with the sentences they share."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsProcessingException

from ...core import farmland_balance as fb
from ...core.progress import Progress
from ...core.units import format_area_en, format_area_zh, m2_to_ha, m2_to_mu
from ...translate import is_chinese, tr
from ..io.farmland_messages import input_error_message
from ..io.farmland_read import kcxs_unit_text, not_verified_text
from .inputs import FarmlandInputs, read_inputs


def format_area(area_m2: float) -> str:
    """An area in 公顷 and 亩, in the interface language."""
    return format_area_zh(area_m2) if is_chinese() else format_area_en(area_m2)


def ha_mu(area_m2: float) -> str:
    """公顷 with four decimals (as planning documents quote them) and 亩 in brackets."""
    return f"{m2_to_ha(area_m2):,.4f} ({m2_to_mu(area_m2):,.2f})"


@dataclass
class BalanceRun:
    inputs: FarmlandInputs
    result: fb.BalanceResult
    report_path: str = ""

    @property
    def group_rows(self) -> list[fb.BalanceRow]:
        """The rows that count as groups: the group rows, or the total row when ungrouped."""
        return self.result.group_rows if self.result.grouped else [self.result.total]

    @property
    def n_fail(self) -> int:
        return sum(1 for r in self.group_rows if not r.passed)

    @property
    def verdict_text(self) -> str:
        if self.result.total.passed:
            return tr("Balanced")
        return tr("Not balanced: {n} of {m} group(s) fail.").format(
            n=self.n_fail, m=len(self.group_rows)
        )

    def detail_zh(self, plot: fb.FlaggedPlot) -> str:
        return plot.detail_zh(self.inputs.max_slope)

    @property
    def newness_text(self) -> str:
        """Whether (and against what) the newness of the supplementary land was verified."""
        if self.result.verified:
            return tr(
                "Newness verified against the base-year land use {layer}: only land that was "
                "not farmland counts as new quantity."
            ).format(layer=self.inputs.plots.base_label)
        return not_verified_text()

    def kcxs_lines(self) -> list[str]:
        """How each layer's KCXS were read (issue 12 item 3)."""
        lines = [
            tr("{layer}: KCXS read as {unit}.").format(
                layer=self.inputs.sup_label, unit=kcxs_unit_text(self.result.sup_kcxs_unit)
            )
        ]
        if not self.inputs.occ.fields.get("area_m2"):
            lines.append(
                tr("{layer}: KCXS read as {unit}.").format(
                    layer=self.inputs.occ_label, unit=kcxs_unit_text(self.result.occ_kcxs_unit)
                )
            )
        return lines


def compute(alg, parameters: dict, context, feedback) -> BalanceRun:
    """Read the inputs and compute the balance (nothing is written): the run that the
    outputs, the report and the review sheet (:func:`.sheet.review_sheet`) are made from."""
    try:
        inputs = read_inputs(alg, parameters, context, feedback)
        feedback.setProgress(45)
        plots = inputs.plots
        result = fb.farmland_balance(
            inputs.occupied,
            inputs.supplement,
            inputs.capacity,
            plots.eco_geom,
            plots.pa_geom,
            plots.max_slope,
            plots.min_area,
            inputs.area_fn,
            grouped=inputs.grouped,
            progress=Progress(feedback, 45, 80),
            base=plots.base,
            rules=plots.rules,
        )
    except fb.BalanceInputError as error:
        raise QgsProcessingException(input_error_message(error)) from None
    report_path = alg.parameterAsFileOutput(parameters, alg.REPORT, context) or ""
    return BalanceRun(inputs, result, report_path)


def log_warnings(run: BalanceRun, feedback) -> None:
    """What the core left out or assumed: non-farmland pieces, unreadable slopes and KCXS,
    missing base grades, unverified newness, unusable values."""
    result, inputs = run.result, run.inputs
    if result.occ_skipped_fids:
        feedback.pushWarning(
            tr(
                "{layer}: {n} piece(s) are not coded as cultivated land (01xx) "
                "and are not part "
                "of the balance (fids {fids})."
            ).format(
                layer=inputs.occ_label,
                n=len(result.occ_skipped_fids),
                fids=", ".join(map(str, result.occ_skipped_fids[:20])),
            )
        )
    if result.sup_slope_unknown:
        feedback.pushWarning(
            tr(
                "{layer}: {n} plot(s) have no readable slope level; their slope is not checked."
            ).format(layer=inputs.sup_label, n=result.sup_slope_unknown)
        )
    for line in run.kcxs_lines():
        feedback.pushInfo(line)
    if result.occ_kcxs_invalid:
        feedback.pushWarning(
            tr("{layer}: {n} unreadable KCXS value(s) counted as 0 (fids {fids}).").format(
                layer=inputs.occ_label,
                n=len(result.occ_kcxs_invalid),
                fids=", ".join(map(str, result.occ_kcxs_invalid[:20])),
            )
        )
    bad = [f.fid for f in result.flagged if "bad_value" in f.reasons]
    if bad:
        feedback.pushWarning(
            tr(
                "{layer}: {n} plot(s) excluded for a non-numeric or negative area or KCXS "
                "(fids {fids})."
            ).format(layer=inputs.sup_label, n=len(bad), fids=", ".join(map(str, bad[:20])))
        )
    if result.base_grade_missing:
        feedback.pushWarning(
            tr(
                "{n} part(s) on base-year farmland have no base grade: their capacity gain is 0."
            ).format(n=result.base_grade_missing)
        )
    if not result.verified:
        feedback.pushWarning(run.newness_text)


def log_verdict(run: BalanceRun, feedback) -> None:
    """The verdict and, when it fails, what is still to find."""
    feedback.pushInfo(run.verdict_text)
    total = run.result.total
    if not total.passed:
        feedback.pushInfo(
            tr(
                "Still to find: {area} of farmland, {paddy} of paddy, {kg} kg of grain capacity."
            ).format(
                area=format_area(total.def_m2),
                paddy=format_area(total.def_paddy_m2),
                kg=f"{total.def_cap_kg:,.1f}",
            )
        )
