"""One farmland balance run: the inputs and the core's result, carried to the writers, the log
and the report, with the sentences they share."""

from __future__ import annotations

from dataclasses import dataclass

from ...core import farmland_balance as fb
from ...core.units import format_area_en, format_area_zh
from ...translate import is_chinese, tr
from .inputs import FarmlandInputs


def format_area(area_m2: float) -> str:
    """An area in 公顷 and 亩, in the interface language."""
    return format_area_zh(area_m2) if is_chinese() else format_area_en(area_m2)


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


def log_warnings(run: BalanceRun, feedback) -> None:
    """What the core left out: occupied pieces that are not farmland, unreadable slopes."""
    result = run.result
    if result.occ_skipped_fids:
        feedback.pushWarning(
            tr(
                "{layer}: {n} piece(s) are not coded as cultivated land (01xx) "
                "and are not part "
                "of the balance (fids {fids})."
            ).format(
                layer=run.inputs.occ_label,
                n=len(result.occ_skipped_fids),
                fids=", ".join(map(str, result.occ_skipped_fids[:20])),
            )
        )
    if result.sup_slope_unknown:
        feedback.pushWarning(
            tr(
                "{layer}: {n} plot(s) have no readable slope level; their slope is not checked."
            ).format(layer=run.inputs.sup_label, n=result.sup_slope_unknown)
        )


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
