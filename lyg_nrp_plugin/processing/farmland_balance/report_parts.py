"""The report section that explains what each part of the supplementary land was credited as:
a summary by class, then one line per plot with the base land uses under it."""

from __future__ import annotations

from collections import defaultdict

from ...core import farmland_balance as fb
from ...core.landuse import name_of
from ...translate import tr
from ..report.html import HtmlReport
from .run import BalanceRun, ha_mu

MAX_PLOT_ROWS = 300  # the PARTS output holds every part; the report lists this many plots


def parts_section(report: HtmlReport, run: BalanceRun) -> None:
    parts = run.result.parts
    report.heading(tr("What the supplementary land adds"))
    report.paragraph(run.newness_text)
    if not parts:
        report.paragraph(tr("No supplementary land is credited."))
        return
    report.paragraph(
        tr(
            "New: land that was not farmland in the base year (quantity, paddy when the plot "
            "is 0101, capacity at the plot's grade). 旱改水: 0102/0103 now 0101 (paddy and "
            "capacity gain, no quantity). 提质改造: farmland with a better grade now (capacity "
            "gain only). Not new: farmland already, no upgrade (nothing)."
        )
    )
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0])
    for p in parts:
        row = totals[p.klass]
        for k, value in enumerate((1, p.gross_m2, p.net_m2, p.qty_m2, p.paddy_m2, p.upg_m2)):
            row[k] += value
        row[6] += p.cap_kg
    report.table(
        [
            tr("Class"),
            tr("Parts"),
            tr("Gross, ha (mu)"),
            tr("Net, ha (mu)"),
            tr("Quantity, ha (mu)"),
            tr("Paddy, ha (mu)"),
            tr("Upgrade only, ha (mu)"),
            tr("Capacity (t)"),
        ],
        [
            [fb.PART_ZH[k], int(v[0]), *(ha_mu(a) for a in v[1:6]), f"{v[6] / 1000:,.3f}"]
            for k, v in sorted(totals.items(), key=lambda kv: list(fb.PART_ZH).index(kv[0]))
        ],
    )
    _plot_table(report, parts)


def _plot_table(report: HtmlReport, parts: list[fb.Part]) -> None:
    by_plot: dict[int, list[fb.Part]] = defaultdict(list)
    for p in parts:
        by_plot[p.fid].append(p)
    rows = []
    for fid, items in sorted(by_plot.items())[:MAX_PLOT_ROWS]:
        first = items[0]
        classes = "；".join(f"{_base_text(p)} → {p.klass_zh} {p.net_m2:,.2f} m²" for p in items)
        rows.append(
            [
                fid,
                first.group,
                first.plot_code,
                first.plot_grade,
                classes,
                round(sum(p.qty_m2 for p in items), 2),
                round(sum(p.paddy_m2 for p in items), 2),
                round(sum(p.upg_m2 for p in items), 2),
                round(sum(p.cap_kg for p in items), 1),
            ]
        )
    report.table(
        [
            tr("Plot fid"),
            tr("Group"),
            "DLBM",
            "GDDB",
            tr("Base land use → class"),
            tr("Quantity (m²)"),
            tr("Paddy (m²)"),
            tr("Upgrade only (m²)"),
            tr("Capacity (kg)"),
        ],
        rows,
    )
    if len(by_plot) > MAX_PLOT_ROWS:
        report.paragraph(
            tr("{n} more plots are listed in the PARTS output.").format(
                n=len(by_plot) - MAX_PLOT_ROWS
            )
        )


def _base_text(part: fb.Part) -> str:
    if part.base_code is None:
        return tr("no base") if part.klass == "no_base" else tr("not verified")
    grade = "" if part.base_grade is None else f" {part.base_grade:g}等"
    return f"{part.base_code} {name_of(part.base_code)}{grade}"
