"""The HTML review report of a red-line check; everything it says comes from the run."""

from __future__ import annotations

import numpy as np

from ...core import labels
from ...translate import is_chinese, tr
from ..report.html import HtmlReport
from ..report.sections import (
    area_method_text,
    area_text,
    crs_text,
    inputs_section,
    map_section,
    source_row,
    verdict_text,
)
from .report_map import render_map
from .run import RedlineRun


def column_name(key: str, run: RedlineRun) -> str:
    """Report column of a checked control (``pa`` is all of the protected areas), with unit."""
    name = tr("Protected areas (all zones)") if key == "pa" else run.inputs.rules[key].name_zh
    return name + (" (m)" if key == "coast" else tr(" (ha / mu)"))


def amount_text(key: str, value: float) -> str:
    return f"{value:,.1f}" if key == "coast" else area_text(value)


def write_inputs(report: HtmlReport, run: RedlineRun) -> None:
    inputs = run.inputs
    rows = [
        source_row(
            tr("Construction projects"),
            inputs.source,
            inputs.data_source,
            run.stats["projects"],
            len(run.projects.ids),
        )
    ]
    for key, control in inputs.controls.items():
        rows.append(source_row(control.label, control.source, control.data_source, run.stats[key]))
    inputs_section(report, rows)


def write_parameters(report: HtmlReport, run: RedlineRun) -> None:
    inputs = run.inputs
    coast = (
        f"{inputs.coast_field} = {inputs.coast_value}"
        if inputs.coast_field
        else tr("every line counts")
    )
    report.heading(tr("Parameters"))
    report.key_values(
        [
            (tr("Project id field"), inputs.id_field or tr("feature id")),
            (tr("Area method"), area_method_text(inputs.method)),
            (tr("Analysis CRS"), crs_text(inputs.crs)),
            (tr("Minimum overlap area (m²)"), f"{inputs.min_area:g}"),
            (tr("Protected area zone field"), inputs.zone_field or "—"),
            (tr("Coastline type field"), coast),
            (tr("Rule file"), inputs.rules.source),
        ]
    )
    report.table(
        [tr("Control"), tr("Level"), tr("Rule")],
        [[r.name_zh, r.level, r.rule_zh] for r in inputs.rules.rules.values()],
    )


def write_totals(report: HtmlReport, run: RedlineRun) -> None:
    report.heading(tr("Totals"))
    total = [
        [tr("Construction projects"), len(run.projects.ids)],
        [tr("Fail (不合规)"), run.counts["FAIL"]],
        [tr("Need review (需论证)"), run.counts["REVIEW"]],
        [tr("Pass (合规)"), run.counts["PASS"]],
        [tr("Total project area (ha / mu)"), area_text(float(np.sum(run.proj_m2)))],
    ]
    for key in run.checked():
        total.append([column_name(key, run), amount_text(key, float(np.sum(run.amounts[key])))])
    report.table([tr("Item"), tr("Amount")], total)


def write_projects(report: HtmlReport, run: RedlineRun) -> None:
    """One row per project, strictest verdict first."""
    report.heading(tr("Construction projects"))
    checked = run.checked()
    headers = [tr("Project"), tr("Verdict"), tr("Project area (ha / mu)")]
    headers += [column_name(k, run) for k in checked]
    headers.append(tr("Reasons"))
    order = sorted(
        range(len(run.projects.ids)),
        key=lambda j: (
            labels.VERDICT_ORDER.index(run.verdicts[j].verdict),
            str(run.projects.ids[j]),
        ),
    )
    rows = []
    for j in order:
        row = [str(run.projects.ids[j]), verdict_text(run.verdicts[j].verdict)]
        row.append(area_text(float(run.proj_m2[j])))
        row += [amount_text(k, float(run.amounts[k][j])) for k in checked]
        row.append(run.verdicts[j].reasons)
        rows.append(row)
    report.table(headers, rows, verdict_column=1)


def write_report(path: str, run: RedlineRun) -> HtmlReport:
    report = HtmlReport(tr("Red-line conflict check report"))
    write_inputs(report, run)
    write_parameters(report, run)
    write_totals(report, run)
    write_projects(report, run)
    map_section(
        report,
        lambda: render_map(run),
        tr(
            "Projects (labelled outlines) and conflicts (red = fail, "
            "amber = review) over the control layers: green = ecological "
            "red line and protected areas, blue = marine red line and "
            "natural coastline, yellow = permanent basic farmland, purple "
            "dashed = urban development boundary."
        ),
    )
    report.save(path, "zh-CN" if is_chinese() else "en")
    return report
