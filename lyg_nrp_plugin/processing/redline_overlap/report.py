"""The HTML review report of a red-line check; everything it says comes from the run."""

from __future__ import annotations

import numpy as np

from ...core import labels
from ...core.project_classes import CLASS_EN, CLASS_ZH
from ...core.redline_rules import ANY_CLASS
from ...core.units import format_area_en, format_area_zh
from ...translate import is_chinese, tr
from ..report.html import HtmlReport
from ..report.sections import (
    area_method_text,
    area_text,
    crs_text,
    inputs_section,
    map_section,
    source_row,
    verdict_label,
)
from .outputs import result_amounts
from .report_map import render_map
from .run import RedlineRun

# report columns: OUTPUT field -> the rule control that names it
COLUMNS = {
    "eco_m2": "eco",
    "eco_space_m2": "eco_space",
    "farm_m2": "farm",
    "udb_out_m2": "udb_out",
    "pa_core_m2": "pa_core",
    "marine_m2": "marine",
    "coast_m": "coast",
    "mineral_m2": "mineral",
    "geohazard_m2": "geohazard",
    "heritage_m2": "heritage",
    "forest_m2": "forest",
}


def column_name(name: str, run: RedlineRun) -> str:
    """Report column of an OUTPUT amount field, with its unit."""
    special = {
        "pa_core_m2": tr("Protected areas, core zone"),
        "marine_m2": tr("Marine ecological red line (all zones)"),
        "coast_m": tr("Natural coastline"),
    }
    rule = run.inputs.rules.rule(COLUMNS[name])
    text = special.get(name) or (rule.name_zh if is_chinese() else rule.name_en)
    return text + (tr(" (m)") if name == "coast_m" else tr(" (ha / mu)"))


def amount_text(name: str, value: float) -> str:
    return f"{value:,.1f}" if name == "coast_m" else area_text(value)


def class_name(code: str) -> str:
    if code == ANY_CLASS:
        return tr("all other classes")
    return CLASS_ZH[code] if is_chinese() else CLASS_EN[code]


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
    for key, control in {**inputs.controls, **inputs.auxiliary}.items():
        rows.append(source_row(control.label, control.source, control.data_source, run.stats[key]))
    inputs_section(report, rows)


def field_text(name: str) -> str:
    return name or tr("not used")


def write_parameters(report: HtmlReport, run: RedlineRun) -> None:
    inputs = run.inputs
    coast_type = inputs.control_field("coast", "type")
    coast = f"{coast_type} = {inputs.coast_value}" if coast_type else tr("every line counts")
    report.heading(tr("Parameters"))
    report.key_values(
        [
            (tr("Project id field"), inputs.id_field or tr("feature id")),
            (tr("Project name field"), field_text(inputs.name_field)),
            (tr("Project class field"), field_text(inputs.class_field)),
            (tr("Project class table"), inputs.class_table.source),
            (tr("Sea-use type field"), field_text(inputs.sea_use_field)),
            (tr("Area method"), area_method_text(inputs.method)),
            (tr("Analysis CRS"), crs_text(inputs.crs)),
            (tr("Minimum overlap area (m²)"), f"{inputs.min_area:g}"),
            (tr("Protected area zone field"), field_text(inputs.control_field("pa"))),
            (tr("Marine red line zone field"), field_text(inputs.control_field("marine"))),
            (tr("Coastline type field"), coast),
            (tr("Coastline class field"), field_text(inputs.control_field("coast"))),
            (tr("Rule file"), inputs.rules.source),
        ]
    )


def write_rules(report: HtmlReport, run: RedlineRun) -> None:
    """The rows of the rule matrix for the controls this run checked."""
    checked = set(run.checked())
    if "marine_limit" in checked:
        checked.add("marine_reclaim")
    report.heading(tr("Rule matrix applied"))
    chinese = is_chinese()
    rows = [
        [
            rule.name_zh if chinese else rule.name_en,
            class_name(rule.project_class),
            verdict_label(rule.level),
            rule.rule_zh if chinese else rule.rule_en,
            rule.basis,
        ]
        for rule in run.inputs.rules.rows()
        if rule.control in checked
    ]
    headers = [tr("Control"), tr("Project class"), tr("Level"), tr("Rule"), tr("Basis")]
    report.table(headers, rows, verdict_column=2)


def write_totals(report: HtmlReport, run: RedlineRun) -> None:
    report.heading(tr("Totals"))
    total = [
        [tr("Construction projects"), len(run.projects.ids)],
        [verdict_label(labels.FAIL), run.counts["FAIL"]],
        [verdict_label(labels.REVIEW), run.counts["REVIEW"]],
        [verdict_label(labels.PASS), run.counts["PASS"]],
        [tr("Total project area (ha / mu)"), area_text(float(np.sum(run.proj_m2)))],
    ]
    for name, values in result_amounts(run).items():
        if name in COLUMNS and values is not None:
            total.append([column_name(name, run), amount_text(name, float(np.sum(values)))])
    report.table([tr("Item"), tr("Amount")], total)


def write_projects(report: HtmlReport, run: RedlineRun) -> None:
    """One row per project, strictest verdict first."""
    report.heading(tr("Construction projects"))
    amounts = {k: v for k, v in result_amounts(run).items() if k in COLUMNS and v is not None}
    headers = [tr("Project id"), tr("Project name"), tr("Project class"), tr("Verdict")]
    headers += [tr("Project area (ha / mu)"), *(column_name(k, run) for k in amounts)]
    headers += [tr("Reasons"), tr("Basis")]
    order = sorted(
        range(run.n),
        key=lambda j: (labels.VERDICT_ORDER.index(run.verdicts[j].verdict), run.label(j)),
    )
    rows = []
    for j in order:
        verdict = run.verdicts[j]
        row = [str(run.projects.ids[j]), run.names[j], class_name(run.classes[j].code)]
        row += [verdict_label(verdict.verdict), area_text(float(run.proj_m2[j]))]
        row += [amount_text(k, float(v[j])) for k, v in amounts.items()]
        rows.append([*row, verdict.reasons, "；".join(verdict.basis)])
    report.table(headers, rows, verdict_column=3)


def write_reserve(report: HtmlReport, run: RedlineRun) -> None:
    """Whether the 永久基本农田储备区 can take the 补划 (quantity, and quality with grades)."""
    check = run.reserve
    if check is None:
        return
    area = format_area_zh if is_chinese() else format_area_en
    names = "、".join(run.label(j) for j in check.projects) or "—"

    def grade(value) -> str:
        return "—" if value is None else f"{value:.2f}"

    quality = {None: tr("not known"), True: tr("yes"), False: tr("no")}[check.quality_ok]
    report.heading(tr("Permanent basic farmland reserve"))
    report.key_values(
        [
            (tr("Projects allowed to occupy it after supplementary designation"), names),
            (tr("Permanent basic farmland to be supplemented"), area(check.need_m2)),
            (tr("Reserve not covered by a project"), area(check.available_m2)),
            (tr("Shortfall"), area(check.shortfall_m2)),
            (tr("Area-weighted grade of the reserve"), grade(check.reserve_grade)),
            (tr("Area-weighted grade of the occupied farmland"), grade(check.occupied_grade)),
            (tr("Quality not lower (grade of the reserve ≤ occupied)"), quality),
        ]
    )
    key = "enough" if check.enough else "short"
    texts = {
        "enough": tr("The reserve can take the supplementary designation."),
        "short": tr(
            "The reserve cannot take the supplementary designation: {area} are missing."
        ).format(area=area(check.shortfall_m2)),
    }
    report.paragraph(texts[key])


def write_report(path: str, run: RedlineRun) -> HtmlReport:
    report = HtmlReport(tr("Red-line conflict check report"))
    write_inputs(report, run)
    write_parameters(report, run)
    write_rules(report, run)
    write_totals(report, run)
    write_projects(report, run)
    write_reserve(report, run)
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
