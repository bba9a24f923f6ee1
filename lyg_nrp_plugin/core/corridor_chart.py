"""An inline SVG line chart of ecological width along a corridor (pure string building).

x = distance along the axis (km), y = ecological width of each transect (m). Break stretches are
shaded red, the minimum-width threshold is a dashed line, break transects are red dots. Every
text is XML-escaped; numbers are formatted by the code. No qgis import.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence


def _esc(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _nice_step(span: float, target: int = 6) -> float:
    if span <= 0:
        return 1.0
    raw = span / target
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.2f}"


def width_chart_svg(
    distances_m: Sequence[float],
    widths_m: Sequence[float],
    is_break: Sequence[bool],
    breaks: Sequence[tuple[float, float]] = (),
    threshold_m: float | None = None,
    title: str = "",
    x_label: str = "km",
    y_label: str = "m",
    threshold_label: str = "",
    width: int = 760,
    height: int = 260,
) -> str:
    """The SVG markup (an ``<svg>`` element); empty text when there is nothing to draw."""
    n = len(distances_m)
    if n == 0:
        return ""
    xs = [float(d) / 1000.0 for d in distances_m]
    ys = [float(w) for w in widths_m]
    left, right, top, bottom = 64, 16, 30, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    x_min = min([0.0, *xs] + [s / 1000.0 for s, _ in breaks])
    x_max = max(xs + [e / 1000.0 for _, e in breaks])
    if x_max <= x_min:
        x_max = x_min + 1.0
    y_max = max(ys + [threshold_m or 0.0, 1.0]) * 1.08

    def px(x: float) -> float:
        return left + (x - x_min) / (x_max - x_min) * plot_w

    def py(y: float) -> float:
        return top + plot_h - y / y_max * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{_esc(title)}" '
        'style="font-family:sans-serif;font-size:11px;background:#fff">'
    ]
    if title:
        out.append(
            f'<text x="{left}" y="18" font-size="13" font-weight="bold">{_esc(title)}</text>'
        )
    for start, end in breaks:
        x0, x1 = px(start / 1000.0), px(end / 1000.0)
        out.append(
            f'<rect class="break" x="{x0:.2f}" y="{top}" width="{max(x1 - x0, 1):.2f}" '
            f'height="{plot_h}" fill="#d7191c" fill-opacity="0.18"/>'
        )
    # axes and grid
    step = _nice_step(x_max - x_min)
    tick = math.ceil(x_min / step) * step
    while tick <= x_max + 1e-9:
        x = px(tick)
        out.append(
            f'<line x1="{x:.2f}" y1="{top}" x2="{x:.2f}" y2="{top + plot_h}" stroke="#eee"/>'
        )
        out.append(
            f'<text x="{x:.2f}" y="{top + plot_h + 14}" text-anchor="middle">'
            f"{_esc(_fmt(tick))}</text>"
        )
        tick += step
    ystep = _nice_step(y_max, 5)
    tick = 0.0
    while tick <= y_max + 1e-9:
        y = py(tick)
        out.append(
            f'<line x1="{left}" y1="{y:.2f}" x2="{left + plot_w}" y2="{y:.2f}" stroke="#eee"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.2f}" text-anchor="end">{_esc(_fmt(tick))}</text>'
        )
        tick += ystep
    out.append(
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#888"/>'
    )
    out.append(
        f'<text x="{left + plot_w / 2:.2f}" y="{height - 8}" text-anchor="middle">'
        f"{_esc(x_label)}</text>"
    )
    out.append(
        f'<text x="14" y="{top + plot_h / 2:.2f}" text-anchor="middle" '
        f'transform="rotate(-90 14 {top + plot_h / 2:.2f})">{_esc(y_label)}</text>'
    )
    if threshold_m is not None:
        y = py(threshold_m)
        out.append(
            f'<line class="threshold" x1="{left}" y1="{y:.2f}" x2="{left + plot_w}" '
            f'y2="{y:.2f}" stroke="#d7191c" stroke-dasharray="5,4"/>'
        )
        if threshold_label:
            out.append(
                f'<text x="{left + plot_w - 4}" y="{y - 4:.2f}" text-anchor="end" '
                f'fill="#d7191c">{_esc(threshold_label)}</text>'
            )
    points = " ".join(f"{px(x):.2f},{py(y):.2f}" for x, y in zip(xs, ys))
    out.append(
        f'<polyline class="width" points="{points}" fill="none" stroke="#1a9641" '
        'stroke-width="1.5"/>'
    )
    for x, y, brk in zip(xs, ys, is_break):
        if brk:
            out.append(
                f'<circle class="break-point" cx="{px(x):.2f}" cy="{py(y):.2f}" r="2.5" '
                'fill="#d7191c"/>'
            )
    out.append("</svg>")
    return "".join(out)
