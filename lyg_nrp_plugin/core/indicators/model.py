"""What the indicator assessment speaks in: catalogue rows, measured values, results, statuses,
the notes written into results, and the JSON the dashboard reads.

No shapely, no numpy: the dashboard dock imports this module (and :mod:`.units`) only.
Status codes and their Chinese labels live in :mod:`...labels` (one home).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from ..labels import STATUS_ZH, comparator_symbol
from .units import format_value

TARGET_FROM_ABOVE = "按上级下达目标执行"
CATEGORIES = ("资源保护", "资源利用", "空间布局", "基础支撑")

# Notes written into the results (Chinese for zh, English otherwise).
NOTES = {
    "tbdlmj": ("面积取 TBDLMJ", "area from TBDLMJ"),
    "geom_area": ("面积取图形面积", "geometry area"),
    "saltpans": ("计入 0603 盐田", "0603 salt pans included"),
    "land_from": ("陆域面积取自 {src}", "land area from {src}"),
    "tree_approx": (
        "近似值：三调林地（03xx）占陆域面积，不含四旁树、农田林网，偏低；"
        "请以林业调查值填入 TARGETS",
        "approximation: forest land (03xx) over land area, no roadside trees or "
        "shelterbelts (an underestimate); enter the forestry survey value in TARGETS",
    ),
    "forest_approx": (
        "近似值：0301/0302/0303/0304 占陆域面积，不含特别规定灌木林",
        "approximation: 0301/0302/0303/0304 over land area, no special shrub land",
    ),
    "unknown_dlbm": ("{n} 个图斑地类编码无法识别", "{n} parcels with unknown DLBM"),
    "not_clipped": ("未给出陆域范围，未裁剪", "not clipped to land (no BOUNDARY)"),
    "no_scenic": ("不含风景名胜区", "scenic areas excluded"),
    "no_marine_park": ("不含海洋公园", "marine parks excluded"),
    "coast_unknown": (
        "{n} 段岸线类型不明，按人工岸线计",
        "{n} segments of unknown type counted as artificial",
    ),
    "coast_no_class": (
        "无大陆/海岛字段，全部按大陆岸线计",
        "no mainland/island field: all counted as mainland",
    ),
    "mines_missing": ("{n} 个矿山无开采量", "{n} mines without output"),
    "manual_overrides": ("手工填报值替代计算值 {v}", "manual value overrides computed {v}"),
    "target_file": ("目标取自 TARGETS 文件", "target from TARGETS file"),
    "mariculture_zones": (
        "取海洋功能区中类型含 {words} 的功能区",
        "sea zones whose type contains {words}",
    ),
    "bad_area": (
        "{n} 个图斑面积值为负或不是数字，未计入",
        "{n} parcels with a negative or non-numeric area left out",
    ),
    "overlaps": (
        "{n} 处图斑重叠共 {area} 平方米，只计一次",
        "{n} parcel overlaps ({area} m²) counted once",
    ),
    "wetland_def0": ("三调湿地口径", "3rd-survey wetland definition"),
    "wetland_def1": ("湿地资源调查口径", "wetland resource survey definition"),
    "coastal_added": (
        "含近海与海岸湿地 {area} 公顷（地类图斑以外部分）",
        "incl. {area} ha of coastal wetland outside the parcels",
    ),
    "no_coastal": (
        "已选湿地资源调查口径，但未给出近海与海岸湿地图层（COASTAL_WETLAND），规划湿地中"
        "近海与海岸湿地为 104 744.55 公顷",
        "the wetland resource survey definition is chosen but no coastal-wetland layer "
        "(COASTAL_WETLAND) is given; it holds 104 744.55 ha of the plan's wetland",
    ),
    "coastal_unused": (
        "近海与海岸湿地图层仅在湿地资源调查口径（WETLAND_DEFINITION=1）下使用",
        "the coastal-wetland layer is used with WETLAND_DEFINITION=1 only",
    ),
    "eco_national": (
        "按国家生态保护红线计算；规划的 21.96% 为江苏省生态红线区域（现生态空间管控区域），"
        "请给出 ECO_SPACE",
        "computed on the national ecological protection red line; the plan's 21.96 % is "
        "Jiangsu's 生态红线区域 (now 生态空间管控区域): give ECO_SPACE",
    ),
    "no_pa_type": (
        "自然保护地图层无类型字段，无法排除风景名胜区和海洋公园",
        "the protected-area layer has no type field: scenic areas and marine parks cannot "
        "be excluded",
    ),
    "pa_unknown": (
        "{n} 个自然保护地类型不明，未计入",
        "{n} protected areas of unknown type left out",
    ),
    "pa_ratio": (
        "自然保护地（不含风景名胜区、海洋公园）陆域部分 {part} ÷ 陆域面积 {whole} × 100 = "
        "{value}%；未计入的陆域部分：风景名胜区 {scenic}，海洋公园 {marine}，类型不明 {unknown}",
        "protected areas other than scenic areas and marine parks on land {part} ÷ land "
        "{whole} × 100 = {value} %; left out on land: scenic areas {scenic}, marine parks "
        "{marine}, unknown type {unknown}",
    ),
    "ratio": ("{part} ÷ {whole} × 100 = {value}%", "{part} ÷ {whole} × 100 = {value} %"),
    "sum": ("{n} 项之和 {total}", "sum of {n}: {total}"),
    "farmland_field": ("面积取 {field}", "area from {field}"),
    "farmland_geometry": ("图斑合并后的图形面积", "dissolved geometry area"),
    "mine_no_type": (
        "未给出矿种字段，全部按固体矿产计",
        "no mine type field: every mine counted as solid mineral",
    ),
    "mine_water_apart": (
        "另有地热、矿泉水矿山 {n} 个，单列不计",
        "{n} geothermal / mineral-water mines reported apart",
    ),
    "mine_unknown_type": (
        "{n} 个矿山矿种不明，按固体矿产计",
        "{n} mines of unknown type counted as solid",
    ),
    "mine_bad_output": (
        "{n} 个矿山开采量为负或不是数字，未计入",
        "{n} mines with a negative or non-numeric output left out",
    ),
    "water_mines": ("地热、矿泉水矿山 {n} 个", "{n} geothermal / mineral-water mines"),
    "occupation": (
        "{n} 个项目（OCCUPATION），三调林地口径，不含计入湿地的 0303/0304/0306",
        "{n} projects (OCCUPATION), 3rd-survey forest land without 0303/0304/0306",
    ),
    "occupation_bad": (
        "{n} 个项目林地面积为负或不是数字，未计入",
        "{n} projects with a negative or non-numeric forest area left out",
    ),
    "target_file_own": (
        "目标取自 TARGETS 文件，按本次计算口径比较",
        "target from the TARGETS file, compared on the computed definition",
    ),
    "example_target": ("示例目标，非正式数据", "example target, not official"),
}


def note(key: str, lang: str, **kwargs) -> str:
    """The note ``key`` in Chinese (``lang`` zh…) or English, formatted with ``kwargs``."""
    zh, en = NOTES[key]
    return (zh if lang.lower().startswith("zh") else en).format(**kwargs)


@dataclass
class Indicator:
    """One row of the catalogue (``resources/indicators/indicators_2025.csv``)."""

    code: str
    category: str
    name_zh: str
    name_en: str
    unit: str
    comparator: str  # ">=", "<=", "=", "" (none)
    target: float | None
    target_text: str
    attribute: str  # 约束性 / 预期性 / ""
    baseline_2020: float | None
    computed_from: str
    method_zh: str
    method_en: str
    plan_source: str
    baseline_text: str = ""  # the 2020 value as the plan prints it, and where
    plan_definition: str = ""  # what the plan's figure measures (口径)
    difference_zh: str = ""  # one sentence: why a value from layers is not comparable
    difference_en: str = ""


@dataclass
class Measured:
    """A value in base units and where it came from.

    ``comparable`` is False when the value is measured under another definition (口径) than
    the plan's figure (``difference`` may say why, beyond the catalogue's sentence);
    ``approximate`` when the method approximates the plan's measure (林木覆盖率 from 三调).
    """

    value: float
    base_unit: str
    source: str
    note: str = ""
    comparable: bool = True
    approximate: bool = False
    difference: str = ""
    arithmetic: str = ""


@dataclass
class ManualInputs:
    """What a TARGETS file gives: targets for “按上级下达” indicators and manual values."""

    targets: dict[str, float] = field(default_factory=dict)
    values: dict[str, float] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    illustrative: bool = False  # an example file: its values and targets are not official


@dataclass
class IndicatorResult:
    code: str
    name_zh: str
    name_en: str
    category: str
    unit: str
    value: float | None
    target: float | None
    comparator: str
    attribute: str
    baseline_2020: float | None
    status: str
    status_zh: str
    source: str
    note: str
    target_text: str = ""
    method_zh: str = ""
    method_en: str = ""
    value_source: str = ""  # labels.SOURCE_*: COMPUTED / APPROXIMATE / MANUAL / EXAMPLE
    value_source_zh: str = ""  # 计算 / 近似 / 填报 / 示例
    difference: str = ""  # with NOT_COMPARABLE: the sentence on the difference of definitions
    arithmetic: str = ""  # how the value was worked out (ratios: part ÷ whole × 100)
    baseline_text: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class DataIssue:
    """Something in the input data that changed what was counted (the run warns about it).

    ``kind``: ``overlap`` (features overlapping each other, counted once: ``area`` m²,
    ``count`` pairs), ``bad_value`` (negative or non-numeric values of ``field`` left out),
    ``unknown_type`` (a type value that says nothing: the stricter reading is applied),
    ``coastal_overlap`` (coastal wetland over land-use parcels, counted once by DLBM).
    ``ids`` name the features (BSM, or fids).
    """

    kind: str
    layer: str  # the input: LANDUSE, FARMLAND, MINES, PROTECTED_AREAS, OCCUPATION …
    ids: list
    count: int
    area: float = 0.0
    field: str = ""


def status_counts(results: Sequence[IndicatorResult]) -> dict[str, int]:
    counts = {s: 0 for s in STATUS_ZH}
    for r in results:
        counts[r.status] += 1
    return counts


def target_display(r: IndicatorResult) -> str:
    """``≥23.3100`` — the numeric target with its comparator, else the plan's text or —."""
    if r.target is not None:
        return comparator_symbol(r.comparator) + format_value(r.target, r.unit)
    return r.target_text or "—"


def value_target_text(r: IndicatorResult) -> str:
    """``20.5000 / ≥23.3100 万公顷`` — value against target, in the indicator's unit."""
    return f"{format_value(r.value, r.unit)} / {target_display(r)} {r.unit}"


def to_json(results: Sequence[IndicatorResult], meta: dict | None = None) -> str:
    return json.dumps(
        {"meta": meta or {}, "indicators": [r.as_dict() for r in results]},
        ensure_ascii=False,
        indent=1,
    )


def from_json(text: str) -> tuple[dict, list[IndicatorResult]]:
    data = json.loads(text)
    fields = set(IndicatorResult.__dataclass_fields__)
    rows = [
        IndicatorResult(**{k: v for k, v in row.items() if k in fields})
        for row in data.get("indicators", [])
    ]
    return data.get("meta", {}), rows
