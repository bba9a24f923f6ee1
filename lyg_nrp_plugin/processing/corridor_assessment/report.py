"""The HTML report of ``corridor_assessment``: settings, corridors, width charts, breaks, map.

Everything it says comes from the :class:`~.run.AssessmentRun`.
"""

from __future__ import annotations

from ...core import corridors as cc
from ...core import landuse
from ...core.corridor_chart import width_chart_svg
from ...core.units import format_area_en, format_area_zh
from ...translate import is_chinese, tr
from ..report.html import HtmlReport
from ..report.maps import memory_layer, render_map_png
from .outputs import breaks_of, not_graded_text
from .run import AssessmentRun


def write_report(path: str, run: AssessmentRun) -> str:
    """Write the report to ``path`` (in Chinese in a Chinese QGIS); returns the path."""
    zh = is_chinese()
    area_text = format_area_zh if zh else format_area_en
    inputs = run.inputs
    report = HtmlReport(tr("Ecological corridor assessment (一带一脉七廊)"))
    report.key_values(
        [
            (tr("Transect spacing (m)"), f"{inputs.spacing:g}"),
            (tr("Minimum ecological width (m)"), f"{inputs.min_eco_width:g}"),
            (tr("Built-up share that breaks a transect"), f"{inputs.break_built_share:g}"),
            (tr("Ecological land classes"), inputs.eco.text),
            (tr("Repaired geometries"), run.n_repaired),
        ]
    )
    corridors_section(report, run, zh, area_text)
    charts_section(report, run)
    breaks_section(report, run, area_text)
    map_section(report, run)
    return report.save(path, "zh-CN" if zh else "en")


def corridors_section(report: HtmlReport, run: AssessmentRun, zh: bool, area_text) -> None:
    report.heading(tr("Corridors"))
    headers = [
        tr("Corridor"),
        tr("Name"),
        tr("Kind"),
        tr("Area"),
        tr("Water surface"),
        tr("Ecological land % (of the land beside the water)"),
        tr("Built land % (of the land beside the water)"),
        tr("Projects inside"),
        tr("Transects"),
        tr("Mean ecological width (m)"),
        tr("Continuity %"),
        tr("Breaks"),
        tr("Patches"),
        tr("Largest patch %"),
        tr("Grade"),
    ]
    rows, notes = [], []
    for r in run.results:
        a, s, kind = r.assessment, r.assessment.stats, r.corridor.kind
        if r.not_graded:
            notes.append(f"{r.corridor.corridor_id} {r.corridor.name}: {not_graded_text(r)}")
        rows.append(
            [
                r.corridor.corridor_id,
                r.corridor.name,
                cc.KIND_ZH.get(kind, kind) if zh else kind,
                area_text(s.area_m2),
                area_text(s.water_m2),
                percent(s.eco_ratio),
                percent(s.built_ratio),
                area_text(a.project_m2),
                a.n_transects,
                a.mean_eco_width,
                None if a.continuity is None else 100 * a.continuity,
                len(a.breaks),
                s.n_patches,
                percent(s.largest_patch_ratio),
                (r.grade_zh if zh else r.grade) or tr("not graded"),
            ]
        )
    report.table(headers, rows)
    report.paragraph(
        tr(
            "The corridor is measured on the land beside the river: the water surface (1101 "
            "河流水面, 1102 湖泊水面, 1103 水库水面) is shown apart and never counts as ecological "
            "land or width; the shares are of the corridor area minus the water surface."
        )
    )
    for note in notes:
        report.paragraph(note)


def percent(ratio: float | None) -> float | None:
    return None if ratio is None else 100 * ratio


def charts_section(report: HtmlReport, run: AssessmentRun) -> None:
    """Ecological width along each corridor with transects (SVG charts)."""
    report.heading(tr("Ecological width along the corridors"))
    min_width = run.inputs.min_eco_width
    for r in run.results:
        t = r.assessment.transects
        if not len(t):
            continue
        svg = width_chart_svg(
            t.chainage,
            t.eco_width,
            t.is_break,
            [(b.start_m, b.end_m) for b in r.breaks],
            min_width,
            title=f"{r.corridor.corridor_id} {r.corridor.name}",
            x_label=tr("Distance along the axis (km)"),
            y_label=tr("Ecological width (m)"),
            threshold_label=tr("minimum {width:g} m").format(width=min_width),
        )
        report.raw(f"<figure>{svg}</figure>")


def breaks_section(report: HtmlReport, run: AssessmentRun, area_text) -> None:
    report.heading(tr("Breaks"))
    breaks = breaks_of(run)
    if not breaks:
        report.paragraph(tr("No breaks found."))
        return
    report.table(
        [
            tr("Corridor"),
            tr("No."),
            tr("From (m)"),
            tr("To (m)"),
            tr("Length (m)"),
            tr("Built land"),
            tr("Main built class"),
            tr("Cause"),
            tr("Projects"),
        ],
        [
            [
                f"{r.corridor.corridor_id} {r.corridor.name}",
                b.number,
                b.start_m,
                b.end_m,
                b.length_m,
                area_text(b.built_m2),
                f"{b.built_dlbm} {landuse.name_of(b.built_dlbm)}" if b.built_dlbm else None,
                tr("built up") if b.cause == "built" else tr("too narrow"),
                ", ".join(ids),
            ]
            for r, b, ids in breaks
        ],
    )


def map_section(report: HtmlReport, run: AssessmentRun) -> None:
    """Corridors, axes and breaks on one map; a failure is said, never loses the report."""
    crs, results = run.inputs.crs, run.results
    try:
        layers = [
            memory_layer(
                "breaks",
                [b.polygon for _, b, _ in breaks_of(run)],
                crs,
                {"color": "215,25,28,200", "outline_color": "150,0,0"},
            ),
            memory_layer(
                "axes",
                [r.axis for r in results if r.axis is not None],
                crs,
                {"line_color": "31,120,180", "line_width": "0.5"},
            ),
            memory_layer(
                "corridors",
                [r.corridor.polygon for r in results],
                crs,
                {"color": "26,150,65,90", "outline_color": "26,120,50"},
            ),
        ]
        report.heading(tr("Map"))
        report.image(
            render_map_png(layers, crs), tr("Corridors (green), axes (blue) and breaks (red)")
        )
    except Exception as error:  # noqa: BLE001 - a map failure must not lose the report
        report.paragraph(tr("The map could not be drawn: {error}").format(error=error))
