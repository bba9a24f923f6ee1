"""Units of the indicators: measured values are in *base units* (m², m, %, count, t/a, m³, m³/a) and
each catalogue unit (万公顷, 平方千米, 亿吨/年 …) is a factor of one of them."""

from __future__ import annotations

BASE_AREA = "m2"
BASE_LENGTH = "m"
BASE_PERCENT = "%"
BASE_COUNT = "count"
BASE_OUTPUT = "t/a"
BASE_VOLUME = "m3"
BASE_WATER = "m3/a"  # annual output of geothermal and mineral-water mines

UNIT_FACTORS: dict[str, tuple[str, float]] = {
    # unit: (base unit, base units per 1 unit)
    "万公顷": (BASE_AREA, 1e8),
    "公顷": (BASE_AREA, 1e4),
    "平方千米": (BASE_AREA, 1e6),
    "km²": (BASE_AREA, 1e6),
    "万平方千米": (BASE_AREA, 1e10),
    "万亩": (BASE_AREA, 1e4 * 10_000.0 / 15.0),
    "亩": (BASE_AREA, 10_000.0 / 15.0),
    "m2": (BASE_AREA, 1.0),
    "公里": (BASE_LENGTH, 1000.0),
    "km": (BASE_LENGTH, 1000.0),
    "m": (BASE_LENGTH, 1.0),
    "%": (BASE_PERCENT, 1.0),
    "个": (BASE_COUNT, 1.0),
    "count": (BASE_COUNT, 1.0),
    "亿吨/年": (BASE_OUTPUT, 1e8),
    "万吨/年": (BASE_OUTPUT, 1e4),
    "t/a": (BASE_OUTPUT, 1.0),
    "万立方米": (BASE_VOLUME, 1e4),
    "万立方米/年": (BASE_WATER, 1e4),
    "m3/a": (BASE_WATER, 1.0),
}

TONNES_PER = {"t": 1.0, "万吨": 1e4, "亿吨": 1e8}  # units of a mines output field
CUBIC_METRES_PER = {"m3": 1.0, "万m3": 1e4}  # units of a geothermal / mineral-water output


def to_unit(value_base: float, unit: str) -> float:
    """A base-unit value (m², m, %, count, t/a) in ``unit`` (万公顷, 平方千米, 亿吨/年 …)."""
    _, factor = UNIT_FACTORS[unit]
    return value_base / factor


def from_unit(value: float, unit: str) -> float:
    _, factor = UNIT_FACTORS[unit]
    return value * factor


def base_of(unit: str) -> str:
    return UNIT_FACTORS[unit][0]


def decimals_for(unit: str) -> int:
    return {"万公顷": 4, "万平方千米": 4, "亿吨/年": 4, "个": 0, "万亩": 2}.get(unit, 2)


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.{decimals_for(unit)}f}"
