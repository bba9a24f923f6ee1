"""The plan indicator report (HTML) and the translated names of statuses, value sources and
categories.

Written by ``lyg_nrp:indicator_assessment`` and by the indicator dashboard's “Export HTML…”,
both from the same two things: the results and the ``meta`` of the JSON output (year, CRS,
TARGETS file and whether it is an example, wetland definition, inputs, counts, data warnings),
so that the dock and a headless run give the same report. Indicators measured under another
definition (NOT_COMPARABLE) have a section of their own. No shapely here: the dock imports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ...core import labels
from ...core.indicator_chart import bar_chart_svg
from ...core.indicators.catalogue import load_catalogue
from ...core.indicators.model import (
    CATEGORIES,
    Indicator,
    IndicatorResult,
    status_counts,
    target_display,
)
from ...core.indicators.units import format_value
from ...paths import resource_path
from ...translate import tr
from .html import HtmlReport, esc
from .sections import warnings_section

STATUS_COLUMN = 7
NUMBER_COLUMNS = (2, 4, 6)
BANNER_STYLE = (
    "background:#fff3cd;border:1px solid #e0a800;padding:8px 12px;margin:12px 0;font-weight:bold"
)


def catalogue_path() -> Path:
    return resource_path("indicators", "indicators_2025.csv")


@lru_cache(maxsize=1)
def catalogue_rows() -> dict[str, Indicator]:
    """The catalogue by code (plan source, plan definition, 2020 value as printed)."""
    return {i.code: i for i in load_catalogue(catalogue_path())}


def plan_sources() -> dict[str, str]:
    """Where in the plan each indicator comes from (catalogue code → text)."""
    return {code: i.plan_source for code, i in catalogue_rows().items()}


def status_text(status: str) -> str:
    return {
        labels.STATUS_MET: tr("Met"),
        labels.STATUS_NOT_MET: tr("Not met"),
        labels.STATUS_NO_TARGET: tr("No target"),
        labels.STATUS_NO_DATA: tr("No data"),
        labels.STATUS_NOT_COMPARABLE: tr("Not comparable (other definition)"),
    }[status]


def value_source_text(code: str) -> str:
    """计算 / 近似 / 填报 / 示例 (translated); — without a value."""
    return {
        labels.SOURCE_COMPUTED: tr("Computed"),
        labels.SOURCE_APPROXIMATE: tr("Approximate"),
        labels.SOURCE_MANUAL: tr("Entered"),
        labels.SOURCE_EXAMPLE: tr("Example"),
    }.get(code or "", "—")


def example_banner(meta: dict) -> str:
    """The banner text when an example TARGETS file is in use ("" otherwise)."""
    if not meta.get("illustrative"):
        return ""
    return tr(
        "Example targets file in use ({path}): its targets and values are illustrations, not "
        "official figures. Values marked “Example” and statuses rated on example targets must "
        "not be reported."
    ).format(path=meta.get("targets_file") or "")


def wetland_definition_text(definition) -> str:
    if int(definition or 0) == 1:
        return tr("Wetland resource survey (the plan's definition)")
    return tr("3rd land survey wetland class")


def category_text(category: str) -> str:
    return {
        "资源保护": tr("Resource protection"),
        "资源利用": tr("Resource use"),
        "空间布局": tr("Spatial layout"),
        "基础支撑": tr("Basic support"),
    }.get(category, category)


def write_report(path: str, results: Sequence[IndicatorResult], meta: dict, lang: str) -> str:
    """Write the report of ``results`` (with the JSON ``meta``) to ``path``; returns the path."""
    zh = lang == "zh"
    report = HtmlReport(tr("Plan indicator assessment report"))
    banner = example_banner(meta)
    if banner:
        report.raw(f'<p class="banner" style="{BANNER_STYLE}">{esc(banner)}</p>')
    counts = meta.get("counts") or status_counts(results)
    report.key_values(
        [
            (tr("Year assessed"), meta.get("year", "")),
            (tr("Analysis CRS"), meta.get("crs", "")),
            (tr("Targets file"), meta.get("targets_file") or tr("not given")),
            (tr("Wetland definition"), wetland_definition_text(meta.get("wetland_definition"))),
            (
                tr("Salt pans counted as wetland"),
                tr("yes") if meta.get("wetland_includes_saltpans") else tr("no"),
            ),
            *[(name, label) for name, label in (meta.get("inputs") or {}).items()],
            *[(status_text(s), counts.get(s, 0)) for s in labels.STATUS_ORDER],
        ]
    )
    warnings_section(report, meta.get("warnings") or [])
    svg = bar_chart_svg(results, lang, title=tr("Values against 2025 targets"))
    if svg:
        report.heading(tr("Values against 2025 targets"))
        report.raw(f"<figure>{svg}</figure>")
    rated = [r for r in results if r.status != labels.STATUS_NOT_COMPARABLE]
    for category in CATEGORIES:
        rows = [r for r in rated if r.category == category]
        if rows:
            report.heading(category_text(category))
            report.raw(_category_table(rows, zh))
    _not_comparable_section(report, results, zh)
    _method_section(report, results, zh)
    return report.save(path, "zh-CN" if zh else "en")


def _not_comparable_section(report: HtmlReport, results, zh: bool) -> None:
    rows = [r for r in results if r.status == labels.STATUS_NOT_COMPARABLE]
    if not rows:
        return
    report.heading(status_text(labels.STATUS_NOT_COMPARABLE))
    report.paragraph(
        tr(
            "These values are measured under another definition than the plan's figure; they "
            "are neither met nor not met. Enter the survey value in the TARGETS file, or choose "
            "the matching definition, to rate them."
        )
    )
    report.table(
        [tr("Indicator"), tr("Value"), tr("Value source"), tr("2025 target"), tr("Difference")],
        [
            (
                r.name_zh if zh else r.name_en,
                f"{format_value(r.value, r.unit)} {r.unit}",
                value_source_text(r.value_source),
                f"{target_display(r)} {r.unit}",
                r.difference,
            )
            for r in rows
        ],
    )


def _method_section(report: HtmlReport, results, zh: bool) -> None:
    report.heading(tr("How each indicator is computed"))
    catalogue = catalogue_rows()
    report.table(
        [
            tr("Indicator"),
            tr("The plan's definition"),
            tr("Method"),
            tr("Arithmetic"),
            tr("Inputs"),
            tr("2020 value in the plan"),
            tr("Source in the plan"),
        ],
        [
            (
                r.name_zh if zh else r.name_en,
                catalogue[r.code].plan_definition if r.code in catalogue else "",
                r.method_zh if zh else r.method_en,
                r.arithmetic,
                r.source or "—",
                r.baseline_text or "—",
                catalogue[r.code].plan_source if r.code in catalogue else "",
            )
            for r in results
        ],
    )


def _category_table(rows: Sequence[IndicatorResult], zh: bool) -> str:
    """The table of one category; the status cell has the status colour."""
    headers = [
        tr("Indicator"),
        tr("Unit"),
        tr("Value"),
        tr("Value source"),
        tr("2025 target"),
        tr("Attribute"),
        tr("2020 value"),
        tr("Status"),
        tr("Note"),
    ]
    body = []
    for r in rows:
        cells = [
            r.name_zh if zh else r.name_en,
            r.unit,
            format_value(r.value, r.unit),
            value_source_text(r.value_source),
            target_display(r),
            r.attribute or "—",
            format_value(r.baseline_2020, r.unit),
            r.status_zh if zh else status_text(r.status),
            r.note or "",
        ]
        tds = "".join(
            f'<td style="background:{labels.colour_of(r.status)}">{esc(c)}</td>'
            if i == STATUS_COLUMN
            else f'<td class="num">{esc(c)}</td>'
            if i in NUMBER_COLUMNS
            else f"<td>{esc(c)}</td>"
            for i, c in enumerate(cells)
        )
        body.append(f"<tr>{tds}</tr>")
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
