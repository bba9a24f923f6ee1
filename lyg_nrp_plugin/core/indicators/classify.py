"""What a land-use code or a type value of a layer counts as (natural wetland, forest cover,
marine park, natural coastline, large mine …), and whether a value meets its target."""

from __future__ import annotations

from collections.abc import Sequence

from .. import landuse
from ..labels import STATUS_MET, STATUS_NO_DATA, STATUS_NO_TARGET, STATUS_NOT_MET

# Natural wetland in the sense of the wetland survey (近海与海岸、河流、湖泊、沼泽): the seven
# 三调 wetland codes plus river and lake water. Not natural: 1103 水库, 1104 坑塘 (incl.
# 1104A 养殖), 1107 沟渠, 0603 盐田.
NATURAL_WATER_CODES = frozenset({"1101", "1102"})
# WETLAND_DEFINITION=1, the wetland resource survey the plan's 233 110.26 公顷 follows (GB/T
# 21010-2017 附录B 湿地归类 without 0101 水田, as the plan says "不含水稻田"): the 三调 wetland
# class, 0603 盐田 and the water surfaces 河流 1101, 湖泊 1102, 水库 1103, 坑塘 1104 (incl. 1104A
# 养殖坑塘), 沟渠 1107 (运河及输水河).
SURVEY_WETLAND_EXTRA_CODES = frozenset({"0603", "1101", "1102", "1103", "1104", "1107"})
WETLAND_SANDIAO = 0  # WETLAND_DEFINITION: the 三调 wetland class
WETLAND_SURVEY = 1  # WETLAND_DEFINITION: the wetland resource survey (the plan's)
FOREST_COVER_CODES = frozenset({"0301", "0302", "0303", "0304"})  # 乔木林、竹林、红树林、森林沼泽

# Type values (substring match, case-insensitive) in protected-area and coastline layers.
MARINE_PARK_WORDS = ("海洋公园", "marine park")
SCENIC_AREA_WORDS = ("风景名胜", "scenic")
NATURAL_COAST_WORDS = ("自然", "natural")
ARTIFICIAL_COAST_WORDS = ("人工", "artificial")
MAINLAND_WORDS = ("大陆", "mainland")
ISLAND_WORDS = ("海岛", "岛", "island")
# Without a mariculture layer, the sea function zones whose type contains one of these words
# stand in for it. 增养殖区 are a sub-class of 农渔业区 (海洋功能区划), which also holds fishing
# and reclamation zones, so 农渔业区 is not counted unless the user adds it.
MARICULTURE_ZONE_WORDS = ("增养殖", "养殖")
LARGE_MEDIUM_WORDS = ("大型", "中型", "大", "中", "large", "medium")
# Mine types measured in m³ (geothermal, mineral water); every other type is a solid mineral.
WATER_MINE_WORDS = ("地热", "矿泉水", "温泉", "geothermal", "mineral water")


def has_word(value, words: Sequence[str]) -> bool:
    if value is None:
        return False
    text = str(value).strip().lower()
    return any(word.lower() in text for word in words)


def is_marine_park(type_value) -> bool:
    return has_word(type_value, MARINE_PARK_WORDS)


def is_scenic_area(type_value) -> bool:
    return has_word(type_value, SCENIC_AREA_WORDS)


def coast_is_natural(type_value) -> bool | None:
    """True / False for natural / artificial coastline; None when the value says neither."""
    if has_word(type_value, ARTIFICIAL_COAST_WORDS):
        return False
    if has_word(type_value, NATURAL_COAST_WORDS):
        return True
    return None


def coast_is_mainland(class_value) -> bool | None:
    if has_word(class_value, MAINLAND_WORDS):
        return True
    if has_word(class_value, ISLAND_WORDS):
        return False
    return None


def is_large_or_medium(scale_value) -> bool:
    if scale_value is None:
        return False
    text = str(scale_value).strip().lower()
    if "小" in text or "small" in text:
        return False
    return any(word in text for word in LARGE_MEDIUM_WORDS)


def is_natural_wetland(code) -> bool:
    code = landuse.normalise_code(code)
    if code is None:
        return False
    if landuse.is_wetland(code):
        return True
    return code in NATURAL_WATER_CODES  # 1101, 1102 exactly (no suffix variants)


def is_wetland(code, definition: int = WETLAND_SANDIAO, include_saltpans: bool = False) -> bool:
    """Wetland under ``definition``: the 三调 class (0603 with ``include_saltpans``), or the
    wetland resource survey's (:data:`SURVEY_WETLAND_EXTRA_CODES` added; 0101 never)."""
    code = landuse.normalise_code(code)
    if definition == WETLAND_SURVEY:
        return landuse.is_wetland(code, True) or (
            landuse.is_known(code) and landuse.base_code(code) in SURVEY_WETLAND_EXTRA_CODES
        )
    return landuse.is_wetland(code, include_saltpans)


def has_text(value) -> bool:
    """A type value that says something (not NULL, not blank)."""
    return value is not None and bool(str(value).strip())


def is_water_mine(type_value) -> bool:
    return has_word(type_value, WATER_MINE_WORDS)


def is_forest_land(code) -> bool:
    return landuse.first_level(code) == "forest" or (
        landuse.base_code(landuse.normalise_code(code)) in {"0303", "0304", "0306"}
    )


def is_forest_cover(code) -> bool:
    return landuse.base_code(landuse.normalise_code(code)) in FOREST_COVER_CODES


def compare(value: float, comparator: str, target: float, decimals: int = 6) -> bool:
    """``value comparator target`` after rounding both (a 26.499999 is 26.5)."""
    a, b = round(value, decimals), round(target, decimals)
    if comparator == ">=":
        return a >= b
    if comparator == "<=":
        return a <= b
    if comparator == "=":
        return a == b
    raise ValueError(comparator)


def status_of(value: float | None, comparator: str, target: float | None) -> str:
    if value is None:
        return STATUS_NO_DATA
    if target is None or not comparator:
        return STATUS_NO_TARGET
    return STATUS_MET if compare(value, comparator, target) else STATUS_NOT_MET
