"""The 审查意见书 (review sheet) of an occupation analysis, as data (``report.sheet``): a cover
summary, one item per project with its table of occupied land (三大类, 耕地 and its split,
水田), what the occupation requires (耕地占补平衡, 农用地转用) with its basis, its occupied
耕地 as highlight, and the occupied parcels by class under the items."""

from __future__ import annotations

import numpy as np

from ...core import labels, landuse
from ...core.units import format_area_zh
from ...translate import tr
from ..report.sections import area_method_text
from ..report.sheet import ReviewSheet, SheetItem, SheetLayer, SheetRow
from .report_map import CLASS_COLOURS
from .run import OccupationRun

BALANCE_BASIS = "《土地管理法》第三十条（占用耕地补偿制度）；国土资规〔2017〕13号；《规划》四(一)"
CONVERSION_BASIS = "《土地管理法》第四十四条（农用地转用审批）"
FARMLAND_BASIS = "《土地管理法》第三十五条；自然资规〔2019〕1号"
# sheet table rows: (label, SUMMARY field)
ROWS = (
    ("农用地", "nyd_m2"),
    ("其中：耕地", "gd_m2"),
    ("其中：水田", "paddy_m2"),
    ("耕地中：永久基本农田", "gd_jbnt_m2"),
    ("耕地中：一般耕地", "gd_yb_m2"),
    ("建设用地", "jsyd_m2"),
    ("未利用地", "wlyd_m2"),
    ("地类未知", "unknown_m2"),
    ("合计（净面积）", "total_m2"),
)


def requirements(summary: dict) -> tuple[list[str], list[str]]:
    """What the occupation of one project requires, and on what basis."""
    reasons, basis = [], []
    if summary["gd_m2"] > 0:
        paddy = summary["paddy_m2"]
        extra = f"（其中水田 {format_area_zh(paddy)}）" if paddy > 0 else ""
        reasons.append(
            f"占用耕地 {format_area_zh(summary['gd_m2'])}{extra}，须落实耕地占补平衡，"
            "占优补优、占水田补水田"
        )
        basis.append(BALANCE_BASIS)
    if (summary.get("gd_jbnt_m2") or 0) > 0:
        reasons.append(
            f"其中占用永久基本农田 {format_area_zh(summary['gd_jbnt_m2'])}，"
            "须按红线审查结论论证并补划"
        )
        basis.append(FARMLAND_BASIS)
    if summary["nyd_m2"] > 0:
        reasons.append(f"占用农用地 {format_area_zh(summary['nyd_m2'])}，须办理农用地转用审批")
        basis.append(CONVERSION_BASIS)
    return reasons or ["未占用耕地和其他农用地"], basis


def sheet_items(run: OccupationRun) -> list[SheetItem]:
    farm_pieces: dict[int, list] = {}
    for k in np.flatnonzero(run.result.farmland):
        farm_pieces.setdefault(int(run.pieces.left[k]), []).append(run.pieces.geoms[k])
    items = []
    for j in sorted(range(run.n), key=run.label):
        summary = run.result.summary[j]
        verdict = labels.REVIEW if summary["gd_m2"] > 0 else labels.PASS
        rows = [
            SheetRow(label, float(summary[name]))
            for label, name in ROWS
            if summary.get(name) is not None
        ]
        grade = summary["farm_grade"]
        if grade is not None:
            rows.append(SheetRow("耕地平均等别", None, f"{grade:.2f}"))
        reasons, basis = requirements(summary)
        name = run.names[j]
        items.append(
            SheetItem(
                str(run.projects.ids[j]),
                "" if name is None else str(name),
                "",
                verdict,
                labels.VERDICT_ZH[verdict],
                run.projects.geoms[j],
                float(summary["gross_m2"]),
                rows,
                reasons,
                basis,
                farm_pieces.get(j, []),
            )
        )
    return items


def sheet_layers(run: OccupationRun) -> list[SheetLayer]:
    """The occupied parcels by first-level class, in the colours of the 三调 style."""
    layers = []
    classes = np.asarray(run.parcel_classes, dtype=object)
    for key in landuse.CLASS_KEYS:
        chosen = classes == key
        if chosen.any():
            style = {
                "color": f"{CLASS_COLOURS[key]},160",
                "outline_color": "120,120,120,255",
                "outline_width": "0.1",
            }
            geoms = list(run.hit_parcels[chosen])
            layers.append(SheetLayer(landuse.CLASS_NAMES_ZH[key], geoms, style))
    return layers


def review_sheet(run: OccupationRun) -> ReviewSheet:
    """The review sheet of an occupation analysis (one item per project)."""
    inputs, result = run.inputs, run.result
    occupying = sum(1 for s in result.summary.values() if s["gd_m2"] > 0)
    summary = [
        (tr("Construction projects"), str(run.n)),
        (tr("Projects occupying cultivated land"), str(occupying)),
        ("农用地", format_area_zh(result.total("nyd_m2") or 0.0)),
        ("耕地", format_area_zh(result.total("gd_m2") or 0.0)),
        ("建设用地", format_area_zh(result.total("jsyd_m2") or 0.0)),
        ("未利用地", format_area_zh(result.total("wlyd_m2") or 0.0)),
        (tr("Land-use parcels (DLTB)"), inputs.parcels_label),
        (tr("Area method"), area_method_text(inputs.method)),
        (tr("Analysis CRS"), inputs.crs.authid() or inputs.crs.description()),
    ]
    crs = inputs.crs
    return ReviewSheet(
        tr("Land-use occupation review sheet of construction projects"),
        "landuse_occupation",
        crs.authid(),
        summary,
        sheet_items(run),
        sheet_layers(run),
        "" if crs.authid() else crs.toWkt(),
    )
