"""The HTML report of an occupation analysis; everything it says comes from the run."""

from __future__ import annotations

from ...core import landuse
from ...core.units import format_area_en, format_area_zh
from ...translate import is_chinese, tr
from ..report.html import HtmlReport
from ..report.sections import (
    area_method_text,
    crs_text,
    inputs_section,
    map_section,
    source_row,
    warnings_section,
)
from .report_map import legend, render_map
from .run import OccupationRun


def write_parameters(report: HtmlReport, run: OccupationRun) -> None:
    inputs = run.inputs
    kcxs = (
        tr("net area = gross area × (1 − KCXS); KCXS above 1 is read as a percentage")
        if inputs.kcxs_field
        else tr("no KCXS field: net area = gross area")
    )
    report.heading(tr("Parameters"))
    report.key_values(
        [
            (tr("Project id field"), inputs.id_field or tr("feature id")),
            (tr("Land-use code field"), inputs.dlbm_field),
            (tr("Deduction coefficient field"), inputs.kcxs_field or tr("not used")),
            (tr("Farmland grade field"), inputs.grade_field or tr("not used")),
            (tr("Farmland slope class field"), inputs.slope_field or tr("not used")),
            (tr("Area method"), area_method_text(inputs.method)),
            (tr("Analysis CRS"), crs_text(inputs.crs)),
            (tr("KCXS handling"), kcxs),
            (
                tr("Salt pans (0603) counted as wetland"),
                tr("yes") if inputs.saltpans else tr("no"),
            ),
        ]
    )


def write_class_totals(report: HtmlReport, run: OccupationRun, area, class_names) -> None:
    report.heading(tr("Totals by first-level class"))
    totals = run.result.class_totals()
    gross_all = sum(g for g, _ in totals.values())
    net_all = sum(n for _, n in totals.values())
    rows = [
        [
            class_names[key],
            area(totals[key][0]),
            area(totals[key][1]),
            f"{100.0 * totals[key][1] / net_all:.2f} %" if net_all > 0 else "—",
        ]
        for key in landuse.CLASS_KEYS
        if key in totals
    ]
    rows.append([tr("Total"), area(gross_all), area(net_all), "100.00 %" if net_all > 0 else "—"])
    report.paragraph(
        tr("{n} projects occupy {pieces} parcel pieces.").format(
            n=len(run.projects.ids), pieces=len(run.pieces)
        )
    )
    report.table([tr("Class"), tr("Gross area"), tr("Net area"), tr("Share of net area")], rows)


def grade_text(grade: float | None) -> str:
    return "—" if grade is None else f"{grade:.2f}"


def write_farmland(report: HtmlReport, run: OccupationRun, area) -> None:
    report.heading(tr("Occupied cultivated land"))
    summary = run.result.summary
    rows = [
        [
            str(project),
            area(summary[j]["farm_m2"]),
            area(summary[j]["paddy_m2"]),
            grade_text(summary[j]["farm_grade"]),
        ]
        for j, project in enumerate(run.projects.ids)
    ]
    farm_all = sum(v["farm_m2"] for v in summary.values())
    paddy_all = sum(v["paddy_m2"] for v in summary.values())
    rows.append([tr("Total"), area(farm_all), area(paddy_all), grade_text(run.result.farm_grade)])
    headers = [
        tr("Project"),
        tr("Cultivated land (net)"),
        tr("Of which paddy (net)"),
        tr("Area-weighted grade"),
    ]
    report.table(headers, rows)


def write_per_project(report: HtmlReport, run: OccupationRun, area, class_names) -> None:
    """A paragraph per project (by id) and its table by class and DLBM."""
    report.heading(tr("Occupation per project"))
    by_project: dict[int, list] = {}
    for row in run.result.rows:
        by_project.setdefault(row.project, []).append(row)
    for j in sorted(range(len(run.projects.ids)), key=lambda j: str(run.projects.ids[j])):
        project_rows = sorted(
            by_project.get(j, []), key=lambda r: (landuse.CLASS_KEYS.index(r.class_key), r.dlbm)
        )
        gross = sum(r.gross_m2 for r in project_rows)
        net = sum(r.net_m2 for r in project_rows)
        report.paragraph(
            tr("Project {project}: gross {gross}, net {net}").format(
                project=run.projects.ids[j], gross=area(gross), net=area(net)
            )
        )
        if not project_rows:
            continue
        report.table(
            [tr("Class"), "DLBM", "DLMC", tr("Gross area"), tr("Net area")],
            [
                [
                    class_names[r.class_key],
                    r.dlbm or "NULL",
                    r.dlmc or "—",
                    area(r.gross_m2),
                    area(r.net_m2),
                ]
                for r in project_rows
            ],
        )


def write_report(path: str, run: OccupationRun) -> None:
    chinese = is_chinese()
    area = format_area_zh if chinese else format_area_en
    class_names = landuse.CLASS_NAMES_ZH if chinese else landuse.CLASS_NAMES_EN
    inputs = run.inputs
    report = HtmlReport(tr("Land-use occupation report"))
    inputs_section(
        report,
        [
            source_row(
                tr("Construction projects"),
                inputs.source,
                inputs.data_source,
                run.projects.table.stats,
            ),
            source_row(
                tr("Land-use parcels (DLTB)"),
                inputs.parcels,
                inputs.parcels_data_source,
                run.parcels.stats,
            ),
        ],
    )
    write_parameters(report, run)
    warnings_section(report, run.warnings)
    write_class_totals(report, run, area, class_names)
    write_farmland(report, run, area)
    write_per_project(report, run, area, class_names)
    caption = tr(
        "Projects (labelled outlines) over the occupied parcels "
        "(pale) and the occupied pieces, coloured by first-level "
        "class in the colours of the third national land survey."
    )
    if map_section(report, lambda: render_map(run), caption):
        report.raw(legend(run, class_names))
    report.save(path, "zh-CN" if chinese else "en")
