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
    kcxs = " ".join(run.notes) if inputs.kcxs_field else tr("no KCXS field: net area = gross area")
    report.heading(tr("Parameters"))
    report.key_values(
        [
            (tr("Project id field"), inputs.id_field or tr("feature id")),
            (tr("Project name field"), inputs.name_field or tr("not used")),
            (tr("Land-use code field"), inputs.dlbm_field),
            (tr("Deduction coefficient field"), inputs.kcxs_field or tr("not used")),
            (tr("Official net area field"), inputs.area_field or tr("not used")),
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
    split = run.inputs.farmland is not None
    for j, row in enumerate(rows):
        row.insert(1, run.names[j])
        if split:
            row[3:3] = [area(summary[j]["gd_jbnt_m2"]), area(summary[j]["gd_yb_m2"])]
    total = [tr("Total"), "", area(run.result.total("farm_m2"))]
    if split:
        total += [area(run.result.total("gd_jbnt_m2")), area(run.result.total("gd_yb_m2"))]
    total += [area(run.result.total("paddy_m2")), grade_text(run.result.farm_grade)]
    rows.append(total)
    headers = [tr("Project"), tr("Project name"), tr("Cultivated land (net)")]
    if split:
        headers += [tr("In permanent basic farmland"), tr("Ordinary cultivated land")]
    headers += [tr("Of which paddy (net)"), tr("Area-weighted grade")]
    report.table(headers, rows)


def write_three_classes(report: HtmlReport, run: OccupationRun, area) -> None:
    """The table 用地报批 needs, one row per project: 农用地 / 建设用地 / 未利用地 (GB/T
    21010-2017 附录A), 耕地 and its split by 永久基本农田 (net of KCXS), and the deduction."""
    report.heading(tr("Agricultural, construction and unused land"))
    names = landuse.THREE_CLASS_NAMES_ZH if is_chinese() else landuse.THREE_CLASS_NAMES_EN
    result = run.result
    columns = [
        (names[landuse.NYD], "nyd_m2"),
        (tr("of which cultivated land"), "gd_m2"),
        (tr("of which in permanent basic farmland"), "gd_jbnt_m2"),
        (tr("of which ordinary cultivated land"), "gd_yb_m2"),
        (names[landuse.JSYD], "jsyd_m2"),
        (names[landuse.WLYD], "wlyd_m2"),
        (tr("Unknown code"), "unknown_m2"),
        (tr("Total (net)"), "total_m2"),
        (tr("Deducted (KCXS)"), "kc"),
        (tr("Total (gross)"), "gross_m2"),
    ]
    columns = [(t, n) for t, n in columns if n == "kc" or result.total(n) is not None]

    def value(summary: dict, name: str) -> float:
        return summary["gross_m2"] - summary["total_m2"] if name == "kc" else summary[name]

    rows = [
        [
            str(run.projects.ids[j]),
            run.names[j],
            *(area(value(result.summary[j], n)) for _, n in columns),
        ]
        for j in range(run.n)
    ]
    totals = {n: sum(value(s, n) for s in result.summary.values()) for _, n in columns}
    rows.append([tr("Total"), "", *(area(totals[n]) for _, n in columns)])
    report.table([tr("Project"), tr("Project name"), *(t for t, _ in columns)], rows)
    report.paragraph(
        tr(
            "Net areas as in the other tables; the deducted area (KCXS: field ridges 1203 and "
            "the like) belongs to 农用地 in GB/T 21010-2017 附录A."
        )
    )


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
                project=f"{run.projects.ids[j]} {run.names[j] or ''}".strip(),
                gross=area(gross),
                net=area(net),
            )
        )
        if not project_rows:
            continue
        report.table(
            [
                tr("Class"),
                tr("Land-use code"),
                tr("Land-use name"),
                tr("Gross area"),
                tr("Net area"),
            ],
            [
                [
                    class_names[r.class_key],
                    r.dlbm or tr("(none)"),
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
            *(
                [
                    source_row(
                        inputs.farmland_label,
                        inputs.farmland,
                        inputs.farmland_data_source,
                        run.farmland_stats,
                    )
                ]
                if inputs.farmland is not None
                else []
            ),
        ],
    )
    write_parameters(report, run)
    warnings_section(report, run.warnings)
    write_class_totals(report, run, area, class_names)
    write_three_classes(report, run, area)
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
