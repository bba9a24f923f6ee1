"""The 审查意见书 of a farmland balance run as data (:mod:`..report.sheet`): a cover with the
summary, then one item per balance group with its occupied pieces (the item's geometry), its
supplementary plots (highlighted), the table of quantity / paddy / grade / capacity, the
verdict, the reasons and their basis. The PDF renderer lays it out (``REPORT_PDF``)."""

from __future__ import annotations

import shapely

from ...core import farmland_balance as fb
from ...core import labels
from ...core.units import format_area_zh
from ..report.sheet import ReviewSheet, SheetItem, SheetLayer, SheetRow
from .run import BalanceRun

TITLE = "耕地占补平衡审查意见书"
BASIS = (
    "《土地管理法》第三十条：国家实行占用耕地补偿制度，“占多少，垦多少”，开垦数量和质量相当的耕地",
    "国土资规〔2017〕13号：耕地数量、粮食产能和水田面积三类指标核销",
    "《连云港市“十四五”自然资源保护和利用规划》四（一）：“占优补优、占水田补水田”，"
    "确保补充耕地数量、质量与生态不下降",
)
CONTROL_STYLES = {
    "eco": {"color": "0,120,0,60", "outline_color": "0,80,0", "outline_style": "dash"},
    "pa": {"color": "0,90,160,60", "outline_color": "0,60,120", "outline_style": "dash"},
}


def _grade(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} 等"


def _t(kg: float) -> str:
    return f"{kg / 1000:,.3f} 吨"


def _rows(r: fb.BalanceRow) -> list[SheetRow]:
    return [
        SheetRow("占用耕地面积", r.occ_m2),
        SheetRow("补充耕地（新增数量）", r.sup_m2),
        SheetRow("数量缺口", r.def_m2),
        SheetRow("占用水田面积", r.occ_paddy_m2),
        SheetRow("补充水田（新增水田与旱改水）", r.sup_paddy_m2),
        SheetRow("水田缺口", r.def_paddy_m2),
        SheetRow("仅提质改造、旱改水面积（不计数量）", r.sup_upg_m2),
        SheetRow("占用耕地平均等别", text=_grade(r.occ_grade)),
        SheetRow("补充耕地平均等别", text=_grade(r.sup_grade)),
        SheetRow("占用耕地粮食产能", text=_t(r.occ_cap_kg)),
        SheetRow("补充耕地粮食产能（含提质增产）", text=_t(r.sup_cap_kg)),
        SheetRow("粮食产能缺口", text=_t(r.def_cap_kg)),
    ]


def _reasons(r: fb.BalanceRow, flagged: list[fb.FlaggedPlot], run: BalanceRun) -> list[str]:
    reasons = []
    if not r.qty_ok:
        reasons.append(f"耕地数量不足：尚缺 {format_area_zh(r.def_m2, 4)}")
    if not r.paddy_ok:
        reasons.append(f"水田面积不足（占水田补水田）：尚缺 {format_area_zh(r.def_paddy_m2, 4)}")
    if not r.grade_ok and r.sup_grade is None:
        reasons.append(f"没有新增补充耕地，质量等别无法与占用耕地（{_grade(r.occ_grade)}）相当")
    elif not r.grade_ok:
        reasons.append(
            f"补充耕地平均等别 {_grade(r.sup_grade)} 劣于占用耕地 {_grade(r.occ_grade)}（占优补优）"
        )
    if not r.cap_ok:
        reasons.append(f"粮食产能不足：尚缺 {_t(r.def_cap_kg)}")
    if r.passed:
        reasons.append("数量、水田、质量等别和粮食产能均达到占补平衡要求")
    for f in flagged:
        reasons.append(f"补充地块 {f.fid}（{f.reason_zh}）：{run.detail_zh(f)}")
    if not run.result.verified:
        reasons.append("未提供基期地类图斑，未核验补充耕地是否为新增耕地")
    return reasons


def _basis(flagged: list[fb.FlaggedPlot], rules: fb.SourceRules) -> list[str]:
    basis = list(BASIS)
    for code in sorted({c for f in flagged if "source" in f.reasons for c in f.base_codes}):
        rule = rules.rule(code)
        note = "（本插件判断）" if rule.judgement else ""
        line = f"基期地类 {code} {rule.name_zh} 不宜开垦：{rule.basis}{note}"
        if line not in basis:
            basis.append(line)
    return basis


def _item(run: BalanceRun, r: fb.BalanceRow, grouped: bool) -> SheetItem:
    result, inputs = run.result, run.inputs

    def mine(group: str) -> bool:
        return not grouped or group == r.group

    occupied = [
        g
        for g, group, area in zip(inputs.occupied.geoms, result.occ_group, result.occ_area_m2)
        if mine(group) and area > 0
    ]
    credited = [
        g
        for g, group in zip(result.credited_geoms, result.sup_group)
        if g is not None and mine(group)
    ]
    flagged = [f for f in result.flagged if mine(f.group)]
    code = r.group if grouped else "全部"
    return SheetItem(
        code=code,
        name=f"占补平衡分组 {code}" if grouped else "全部占用与补充耕地",
        category="耕地占补平衡",
        verdict=r.verdict,
        verdict_zh=labels.verdict_zh(r.verdict),
        geometry=shapely.union_all(occupied) if occupied else None,
        area_m2=r.occ_m2,
        rows=_rows(r),
        reasons=_reasons(r, flagged, run),
        basis=_basis(flagged, inputs.plots.rules),
        highlight=credited + [f.geometry for f in flagged],
    )


def review_sheet(run: BalanceRun) -> ReviewSheet:
    """The review sheet of ``run``: one item per group (or one for everything)."""
    result, inputs = run.result, run.inputs
    grouped = result.grouped
    rows = result.group_rows if grouped else [result.total]
    total = result.total
    summary = [
        ("占用耕地图层", inputs.occ_label),
        ("补充耕地图层", inputs.sup_label),
        ("基期地类图层", inputs.plots.base_label or "未提供（未核验新增耕地）"),
        (
            "粮食产能表",
            inputs.capacity_input.path
            + ("（示意数据）" if inputs.capacity_input.illustrative else ""),
        ),
        ("平衡分组数", str(len(rows))),
        ("不平衡分组数", str(sum(not r.passed for r in rows))),
        ("数量缺口合计", format_area_zh(total.def_m2, 4)),
        ("水田缺口合计", format_area_zh(total.def_paddy_m2, 4)),
        ("粮食产能缺口合计", _t(total.def_cap_kg)),
        ("结论", "平衡" if total.passed else "不平衡"),
    ]
    layers = [
        SheetLayer(name, [geom], CONTROL_STYLES[key])
        for key, name, geom in (
            ("eco", "生态保护红线", inputs.eco_geom),
            ("pa", "自然保护地", inputs.pa_geom),
        )
        if geom is not None and not geom.is_empty
    ]
    crs = inputs.crs
    return ReviewSheet(
        title=TITLE,
        algorithm="farmland_balance",
        crs_authid=crs.authid(),
        summary=summary,
        items=[_item(run, r, grouped) for r in rows],
        layers=layers,
        crs_wkt="" if crs.authid() else crs.toWkt(),
    )
