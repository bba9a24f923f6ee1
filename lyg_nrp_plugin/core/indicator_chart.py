"""An inline SVG bar chart of indicator values against their targets (no qgis, no JS).

Each rated indicator (达标 / 未达标; not those measured under another definition) with a value
and a numeric target gets one bar: its length is value ÷ target
(the target is the dashed line at 100 %), green when met and red when not. For “≤”
indicators (土地开发强度, 矿产年开采总量) a bar beyond the line is the bad case. All text is
escaped, so the SVG may be embedded in HTML (``HtmlReport.raw``) or shown by ``QSvgWidget``.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .indicators.model import IndicatorResult, value_target_text
from .labels import STATUS_MET, STATUS_NOT_MET

# bar fills: darker than the cell backgrounds of core.labels.COLOURS
BAR_COLOURS = {STATUS_MET: "#2e7d32", STATUS_NOT_MET: "#c62828"}
FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"


def chartable(results: Sequence[IndicatorResult]) -> list[IndicatorResult]:
    return [
        r
        for r in results
        if r.value is not None
        and r.target not in (None, 0)
        and r.comparator
        and r.status in BAR_COLOURS
    ]


def bar_chart_svg(
    results: Sequence[IndicatorResult],
    lang: str = "zh",
    width: int = 640,
    row_height: int = 34,
    label_width: int | None = None,
    max_ratio: float = 2.0,
    title: str = "",
) -> str:
    """SVG markup; an empty string when no indicator has both a value and a target.

    ``label_width`` (px for the names) defaults to 38 % of ``width``, at most 230, so that the
    chart keeps its proportions when a dock redraws it at its own width."""
    rows = chartable(results)
    if not rows:
        return ""
    if label_width is None:
        label_width = min(230, int(width * 0.38))
    zh = lang.lower().startswith("zh")
    top = 28 if title else 8
    bar_area = width - label_width - 20
    height = top + row_height * len(rows) + 24
    scale = bar_area / max_ratio  # px per 100 %
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}" font-size="12">',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    if title:
        parts.append(f'<text x="8" y="18" font-size="14" font-weight="bold">{escape(title)}</text>')
    for i, r in enumerate(rows):
        y = top + i * row_height
        ratio = r.value / r.target if r.target else 0.0
        length = max(0.0, min(ratio, max_ratio)) * scale
        colour = BAR_COLOURS[r.status]
        name = r.name_zh if zh else r.name_en
        fits = (label_width - 10) // (13 if zh else 7)  # characters of 12 px text that fit
        if len(name) > fits:
            name = name[: fits - 1] + "…"
        value_text = value_target_text(r)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">{escape(name)}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{bar_area}" height="14" fill="#eeeeee"/>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="14" '
            f'fill="{colour}"><title>{escape(name)}: {escape(value_text)}</title></rect>'
        )
        if ratio > max_ratio:
            parts.append(
                f'<text x="{label_width + bar_area - 4}" y="{y + 14}" '
                f'text-anchor="end" fill="#ffffff">»</text>'
            )
        parts.append(
            f'<text x="{label_width}" y="{y + 29}" font-size="10" fill="#555555">'
            f"{escape(value_text)} ({ratio * 100:.0f}%)</text>"
        )
    target_x = label_width + scale
    bottom = top + row_height * len(rows)
    parts.append(
        f'<line x1="{target_x:.1f}" y1="{top}" x2="{target_x:.1f}" y2="{bottom}" '
        f'stroke="#333333" stroke-dasharray="4,3"/>'
    )
    caption = "目标 = 100%" if zh else "target = 100%"
    parts.append(
        f'<text x="{target_x:.1f}" y="{bottom + 14}" text-anchor="middle" '
        f'font-size="10">{escape(caption)}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
