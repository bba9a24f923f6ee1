"""The 审查意见书 (review sheet) of a red-line check, as data (``report.sheet``): a cover
summary, one item per project (strictest verdict first) with its geometry, class, verdict, the
table of what it occupies, the reasons with their basis and its conflict pieces, and the
control layers drawn under the items."""

from __future__ import annotations

import numpy as np

from ...core import labels
from ...core.units import format_area_zh, format_length_zh
from ...translate import tr
from ..report.sections import area_method_text
from ..report.sheet import ReviewSheet, SheetItem, SheetLayer, SheetRow
from .outputs import result_amounts
from .report_map import BACKDROP, BACKDROP_ORDER
from .run import RedlineRun

# sheet table rows: OUTPUT field -> (rule control naming it, label override)
ROWS = (
    ("eco_m2", "eco", ""),
    ("eco_space_m2", "eco_space", ""),
    ("farm_m2", "farm", ""),
    ("udb_out_m2", "udb_out", ""),
    ("pa_core_m2", "pa_core", ""),
    ("pa_m2", "pa", "自然保护地（全部分区）"),
    ("marine_m2", "marine", "海洋生态红线（全部分区）"),
    ("coast_m", "coast", ""),
    ("mineral_m2", "mineral", ""),
    ("geohazard_m2", "geohazard", ""),
    ("heritage_m2", "heritage", ""),
    ("forest_m2", "forest", ""),
)
# legend names of the zoned / boundary layers (the others as their rule names them)
LAYER_NAMES = {
    "udb": "城镇开发边界",
    "pa": "自然保护地",
    "marine": "海洋生态红线",
    "coast": "自然岸线",
}


def item_rows(run: RedlineRun, amounts: dict, j: int) -> list[SheetRow]:
    """The project's area, then each control it touches (the cover lists the controls
    checked), so that a page never drops an overlap for a zero."""
    rows = [SheetRow(tr("Project area"), float(run.proj_m2[j]))]
    for name, control, label in ROWS:
        values = amounts.get(name)
        if values is None:
            continue
        title = label or run.inputs.rules.rule(control).name_zh
        value = float(values[j])
        if value <= 0:
            continue
        if name == "coast_m":
            rows.append(SheetRow(title, None, format_length_zh(value)))
        else:
            rows.append(SheetRow(title, value))
    return rows


def sheet_items(run: RedlineRun) -> list[SheetItem]:
    amounts = result_amounts(run)
    pieces: dict[int, list] = {}
    for row, geom in zip(run.conflict_rows, run.conflict_geoms):
        pieces.setdefault(row[0], []).append(geom)
    order = sorted(
        range(run.n),
        key=lambda j: (labels.VERDICT_ORDER.index(run.verdicts[j].verdict), run.label(j)),
    )
    items = []
    for j in order:
        verdict = run.verdicts[j]
        name = run.names[j]
        items.append(
            SheetItem(
                str(run.projects.ids[j]),
                "" if name is None else str(name),
                run.classes[j].name_zh,
                verdict.verdict,
                verdict.verdict_zh,
                run.projects.geoms[j],
                float(run.proj_m2[j]),
                item_rows(run, amounts, j),
                list(verdict.parts) or [verdict.reasons],
                list(verdict.basis),
                pieces.get(j, []),
            )
        )
    return items


def sheet_layers(run: RedlineRun) -> list[SheetLayer]:
    """The control layers (bottom first), named as the rule matrix names them."""
    layers = []
    for key in reversed(BACKDROP_ORDER):
        geoms = run.backdrop.get(key)
        if geoms is None or not len(geoms):
            continue
        name = LAYER_NAMES.get(key) or run.inputs.rules.rule(key).name_zh
        layers.append(SheetLayer(name, list(geoms), dict(BACKDROP[key])))
    return layers


def summary(run: RedlineRun) -> list[tuple[str, str]]:
    inputs = run.inputs
    lines = [
        (tr("Construction projects"), str(run.n)),
        (labels.VERDICT_ZH[labels.FAIL], str(run.counts["FAIL"])),
        (labels.VERDICT_ZH[labels.REVIEW], str(run.counts["REVIEW"])),
        (labels.VERDICT_ZH[labels.PASS], str(run.counts["PASS"])),
        (tr("Total project area"), format_area_zh(float(np.sum(run.proj_m2)))),
        (tr("Controls checked"), "、".join(c.label for c in inputs.controls.values())),
        (tr("Area method"), area_method_text(inputs.method)),
        (tr("Analysis CRS"), inputs.crs.authid() or inputs.crs.description()),
        (tr("Rule file"), inputs.rules.source),
    ]
    if run.reserve is not None:
        lines.append((tr("Reserve shortfall"), format_area_zh(run.reserve.shortfall_m2)))
    return lines


def review_sheet(run: RedlineRun) -> ReviewSheet:
    """The review sheet of a red-line check (one item per project)."""
    crs = run.inputs.crs
    return ReviewSheet(
        tr("Red-line review sheet of construction projects"),
        "redline_overlap",
        crs.authid(),
        summary(run),
        sheet_items(run),
        sheet_layers(run),
        "" if crs.authid() else crs.toWkt(),
    )
