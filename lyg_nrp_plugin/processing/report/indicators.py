"""The plan indicator report (HTML) and the translated names of statuses and categories.

Written by ``lyg_nrp:indicator_assessment`` and by the indicator dashboard's “Export HTML…”,
both from the same two things: the results and the ``meta`` of the JSON output (year, CRS,
TARGETS file, salt-pan option, inputs, counts). No shapely here: the dock imports this module.
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
    IndicatorResult,
    status_counts,
    target_display,
)
from ...core.indicators.units import format_value
from ...paths import resource_path
from ...translate import tr
from .html import HtmlReport, esc

STATUS_COLUMN = 6
NUMBER_COLUMNS = (2, 3, 5)


def catalogue_path() -> Path:
    return resource_path("indicators", "indicators_2025.csv")


@lru_cache(maxsize=1)
def plan_sources() -> dict[str, str]:
    """Where in the plan each indicator comes from (catalogue code → text)."""
    return {i.code: i.plan_source for i in load_catalogue(catalogue_path())}


def status_text(status: str) -> str:
    return {
        labels.STATUS_MET: tr("Met"),
        labels.STATUS_NOT_MET: tr("Not met"),
        labels.STATUS_NO_TARGET: tr("No target"),
        labels.STATUS_NO_DATA: tr("No data"),
    }[status]


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
    counts = meta.get("counts", status_counts(results))
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
            *[(status_text(s), counts.get(s, 0)) for s in labels.STATUS_ZH],
        ]
    )
    svg = bar_chart_svg(results, lang, title=tr("Values against 2025 targets"))
    if svg:
        report.heading(tr("Values against 2025 targets"))
        report.raw(f"<figure>{svg}</figure>")
    for category in CATEGORIES:
        rows = [r for r in results if r.category == category]
        if rows:
            report.heading(category_text(category))
            report.raw(_category_table(rows, zh))
    report.heading(tr("How each indicator is computed"))
    sources = plan_sources()
    report.table(
        [tr("Indicator"), tr("Method"), tr("Source in the plan")],
        [
            (
                r.name_zh if zh else r.name_en,
                r.method_zh if zh else r.method_en,
                sources.get(r.code, ""),
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


def _category_table(rows: Sequence[IndicatorResult], zh: bool) -> str:
    """The table of one category; the status cell has the status colour."""
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
    body = []
    for r in rows:
        cells = [
            r.name_zh if zh else r.name_en,
            r.unit,
            format_value(r.value, r.unit),
            target_display(r),
            r.attribute or "—",
            format_value(r.baseline_2020, r.unit),
            r.status_zh if zh else status_text(r.status),
            r.source or "—",
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
