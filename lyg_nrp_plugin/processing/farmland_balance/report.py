"""The HTML report of a farmland balance run: inputs, conclusion, the balance sheet in 公顷
and 亩, what each part of the supplementary land was credited as, the flagged plots and a map.
Everything it says comes from the run."""

from __future__ import annotations

from ...core.units import m2_to_mu
from ...translate import is_chinese, tr
from ..report.html import HtmlReport
from ..report.sections import area_method_text
from .report_map import map_section
from .report_parts import parts_section
from .run import BalanceRun, ha_mu

OK, NO = "✓", "✗"


def _fmt_grade(value) -> str:
    return "—" if value is None else f"{value:.2f}"


def _check(text: str, ok: bool) -> str:
    return f"{text} {OK if ok else NO}"


def write_report(path: str, run: BalanceRun) -> None:
    report = HtmlReport(tr("Farmland balance verification report"))
    _inputs_section(report, run)
    report.heading(tr("Conclusion"))
    report.paragraph(run.verdict_text)
    report.paragraph(
        tr(
            "Each group must balance on its own: a surplus in one group does not offset a "
            "deficit in another. The deficits of the total row are the sums of the group "
            "deficits."
        )
    )
    _sheet_section(report, run)
    parts_section(report, run)
    _flagged_section(report, run)
    map_section(report, run)
    report.save(path, "zh-CN" if is_chinese() else "en")


def _inputs_section(report: HtmlReport, run: BalanceRun) -> None:
    inputs = run.inputs
    report.heading(tr("Inputs and parameters"))
    not_given = tr("not given")
    report.key_values(
        [
            (tr("Occupied farmland"), inputs.occ_label),
            (tr("Supplementary farmland"), inputs.sup_label),
            (tr("Base-year land use (DLTB)"), inputs.plots.base_label or not_given),
            (tr("Ecological protection red line"), inputs.plots.eco_label or not_given),
            (tr("Protected areas"), inputs.plots.pa_label or not_given),
            (tr("Grain capacity table"), inputs.capacity_input.path),
            (tr("Source land-use rules (CSV)"), inputs.plots.rules.source),
            (tr("Maximum slope level"), inputs.max_slope),
            (tr("Sliver tolerance (m²)"), inputs.min_area),
            (tr("Area method"), area_method_text(inputs.method)),
            (tr("Analysis CRS"), inputs.crs.authid()),
        ]
    )
    report.paragraph(run.newness_text)
    for line in run.kcxs_lines():
        report.paragraph(line)
    if inputs.capacity_input.illustrative:
        report.paragraph(
            tr(
                "Warning: the grain capacity figures come from the bundled ILLUSTRATIVE table, "
                "not from an official one. Replace it by the provincial table "
                "before relying on "
                "the capacity check."
            )
        )


def _sheet_section(report: HtmlReport, run: BalanceRun) -> None:
    report.heading(tr("Balance sheet"))
    report.paragraph(
        tr(
            "Areas in 公顷 (hectares) with 亩 in brackets, net of field ridges (KCXS); "
            "capacity in tonnes of standard grain. ✓ satisfied, ✗ not satisfied. Supplement: "
            "new quantity; paddy: new paddy and 旱改水; capacity: new land and the gains of "
            "旱改水 and 提质改造; upgrade only: land that was farmland already."
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
        tr("Upgrade only, ha (mu)"),
        tr("Occupied grade"),
        tr("Supplement grade"),
        tr("Occupied capacity (t)"),
        tr("Supplement capacity (t)"),
        tr("Capacity deficit (t)"),
        tr("Verdict"),
    ]
    rows = [
        [
            tr("Total") if r.row_type == "total" else (r.group or tr("(empty)")),
            ha_mu(r.occ_m2),
            _check(ha_mu(r.sup_m2), r.qty_ok),
            ha_mu(r.def_m2),
            ha_mu(r.occ_paddy_m2),
            _check(ha_mu(r.sup_paddy_m2), r.paddy_ok),
            ha_mu(r.def_paddy_m2),
            ha_mu(r.sup_upg_m2),
            _fmt_grade(r.occ_grade),
            _check(_fmt_grade(r.sup_grade), r.grade_ok),
            f"{r.occ_cap_kg / 1000:,.3f}",
            _check(f"{r.sup_cap_kg / 1000:,.3f}", r.cap_ok),
            f"{r.def_cap_kg / 1000:,.3f}",
            f"{r.verdict} {r.verdict_zh}",
        ]
        for r in run.result.rows
    ]
    report.table(headers, rows, verdict_column=len(headers) - 1)


def _flagged_section(report: HtmlReport, run: BalanceRun) -> None:
    result = run.result
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
                tr("Base land use"),
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
                    "、".join(f.base_codes),
                    round(f.excluded_m2, 2),
                    round(m2_to_mu(f.excluded_m2), 2),
                    run.detail_zh(f),
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
