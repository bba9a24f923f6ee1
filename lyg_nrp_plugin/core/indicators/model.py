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


@dataclass
class Measured:
    """A value in base units and where it came from."""

    value: float
    base_unit: str
    source: str
    note: str = ""


@dataclass
class ManualInputs:
    """What a TARGETS file gives: targets for “按上级下达” indicators and manual values."""

    targets: dict[str, float] = field(default_factory=dict)
    values: dict[str, float] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


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

    def as_dict(self) -> dict:
        return asdict(self)


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
