"""The land-use classification of the third national land survey (三调 工作分类).

DLBM codes follow GB/T 21010-2017 as used by 三调, where seven codes form the survey's
first-level class 湿地 (0303, 0304, 0306, 0402, 1105, 1106, 1108). Whether 0603 盐田 counts as
wetland is a choice each function takes (default: no, as in 三调). Codes may carry a suffix
letter (1104A 养殖坑塘, 0201K 可调整果园, 1107A 干渠); the class is read from the leading digits.
"""

from __future__ import annotations

import numpy as np

WETLAND_CODES = frozenset({"0303", "0304", "0306", "0402", "1105", "1106", "1108"})
SALTPAN_CODE = "0603"
PADDY_CODE = "0101"

# The three classes of 《土地管理法》 (农用地 / 建设用地 / 未利用地) by GB/T 21010-2017 附录A:
# the codes (or two-digit classes) of each; the four-character base code is looked up first.
NYD, JSYD, WLYD = "nyd", "jsyd", "wlyd"
THREE_CLASS_NAMES_ZH = {NYD: "农用地", JSYD: "建设用地", WLYD: "未利用地"}
THREE_CLASS_NAMES_EN = {NYD: "Agricultural land", JSYD: "Construction land", WLYD: "Unused land"}
_THREE_CLASS_CODES = {
    NYD: ("0401", "0402", "0403", "1006", "1103", "1104", "1107", "1202", "1203"),
    JSYD: ("1109", "1201"),
    WLYD: ("0404", "1101", "1102", "1105", "1106", "1108", "1110", "1204", "1205", "1206", "1207"),
}
_THREE_CLASS_OF_CODE = {c: key for key, codes in _THREE_CLASS_CODES.items() for c in codes}
_THREE_CLASS_OF_PREFIX = {
    "01": NYD,
    "02": NYD,
    "03": NYD,
    "05": JSYD,
    "06": JSYD,
    "07": JSYD,
    "08": JSYD,
    "09": JSYD,
    "10": JSYD,
}

# Names of the codes (DLMC) as the survey writes them.
DLMC: dict[str, str] = {
    "0101": "水田",
    "0102": "水浇地",
    "0103": "旱地",
    "0201": "果园",
    "0202": "茶园",
    "0203": "橡胶园",
    "0204": "其他园地",
    "0301": "乔木林地",
    "0302": "竹林地",
    "0303": "红树林地",
    "0304": "森林沼泽",
    "0305": "灌木林地",
    "0306": "灌丛沼泽",
    "0307": "其他林地",
    "0401": "天然牧草地",
    "0402": "沼泽草地",
    "0403": "人工牧草地",
    "0404": "其他草地",
    "05H1": "商业服务业设施用地",
    "0508": "物流仓储用地",
    "0601": "工业用地",
    "0602": "采矿用地",
    "0603": "盐田",
    "0701": "城镇住宅用地",
    "0702": "农村宅基地",
    "08H1": "机关团体新闻出版用地",
    "08H2": "科教文卫用地",
    "0809": "公用设施用地",
    "0810": "公园与绿地",
    "0810A": "广场用地",
    "09": "特殊用地",
    "1001": "铁路用地",
    "1002": "轨道交通用地",
    "1003": "公路用地",
    "1004": "城镇村道路用地",
    "1005": "交通服务场站用地",
    "1006": "农村道路",
    "1007": "机场用地",
    "1008": "港口码头用地",
    "1009": "管道运输用地",
    "1101": "河流水面",
    "1102": "湖泊水面",
    "1103": "水库水面",
    "1104": "坑塘水面",
    "1104A": "养殖坑塘",
    "1105": "沿海滩涂",
    "1106": "内陆滩涂",
    "1107": "沟渠",
    "1107A": "干渠",
    "1108": "沼泽地",
    "1109": "水工建筑用地",
    "1110": "冰川及永久积雪",
    "1201": "空闲地",
    "1202": "设施农用地",
    "1203": "田坎",
    "1204": "盐碱地",
    "1205": "沙地",
    "1206": "裸土地",
    "1207": "裸岩石砾地",
}

# First-level classes of 三调 (keys are stable identifiers; names are what reports show).
CLASS_KEYS = (
    "wetland",
    "farmland",
    "garden",
    "forest",
    "grass",
    "commercial",
    "industrial",
    "residential",
    "public",
    "special",
    "transport",
    "water",
    "other",
    "unknown",
)
CLASS_NAMES_ZH = {
    "wetland": "湿地",
    "farmland": "耕地",
    "garden": "园地",
    "forest": "林地",
    "grass": "草地",
    "commercial": "商服",
    "industrial": "工矿",
    "residential": "住宅",
    "public": "公共管理与公共服务",
    "special": "特殊",
    "transport": "交通运输",
    "water": "水域及水利设施",
    "other": "其他土地",
    "unknown": "未知",
}
CLASS_NAMES_EN = {
    "wetland": "Wetland",
    "farmland": "Cultivated land",
    "garden": "Garden land",
    "forest": "Forest land",
    "grass": "Grassland",
    "commercial": "Commercial",
    "industrial": "Industrial and mining",
    "residential": "Residential",
    "public": "Public administration and services",
    "special": "Special use",
    "transport": "Transport",
    "water": "Water and water facilities",
    "other": "Other land",
    "unknown": "Unknown",
}
_PREFIX_CLASS = {
    "01": "farmland",
    "02": "garden",
    "03": "forest",
    "04": "grass",
    "05": "commercial",
    "06": "industrial",
    "07": "residential",
    "08": "public",
    "09": "special",
    "10": "transport",
    "11": "water",
    "12": "other",
}

# The eight classes of the plan's 2020 land statistics (GB/T 21010 first level, wetland codes
# inside their parent classes): 耕地 3915, 园地 152, 林地 146, 草地 17.91, 城镇村及工矿用地
# 1449.71, 交通运输用地 340, 水域及水利设施用地 1521, 其他土地 74.09 km².
PLAN_CLASS_NAMES_ZH = {
    "01": "耕地",
    "02": "园地",
    "03": "林地",
    "04": "草地",
    "20": "城镇村及工矿用地",
    "10": "交通运输用地",
    "11": "水域及水利设施用地",
    "12": "其他土地",
}


def normalise_code(value) -> str | None:
    """A DLBM as text: ``101`` or ``'101'`` -> ``'0101'``; surrounding spaces removed."""
    if value is None:
        return None
    if isinstance(value, float):
        if np.isnan(value):
            return None
        value = int(value)
    text = str(value).strip().upper()
    if not text:
        return None
    digits = len(text) - len(text.lstrip("0123456789"))
    if digits == 3 and (len(text) == 3 or not text[3].isdigit()):
        text = "0" + text  # 101 -> 0101, 201K -> 0201K
    return text


def base_code(code: str | None) -> str | None:
    """The four-character code without a trailing letter suffix (1104A -> 1104)."""
    if code is None:
        return None
    return code[:4] if len(code) > 4 else code


def is_known(code: str | None) -> bool:
    return code is not None and (code in DLMC or base_code(code) in DLMC or code[:2] == "09")


def first_level(code, include_saltpans: bool = False) -> str:
    """The 三调 first-level class key of a DLBM (wetland codes count as 'wetland')."""
    code = normalise_code(code)
    if not is_known(code):
        return "unknown"
    base = base_code(code)
    if base in WETLAND_CODES or (include_saltpans and base == SALTPAN_CODE):
        return "wetland"
    return _PREFIX_CLASS.get(code[:2], "unknown")


def plan_class(code) -> str | None:
    """The plan-statistics class ('01', '02', '03', '04', '20', '10', '11', '12') or None."""
    code = normalise_code(code)
    if not is_known(code):
        return None
    prefix = code[:2]
    if prefix in {"05", "06", "07", "08", "09"}:
        return "20"
    return prefix


def is_farmland(code) -> bool:
    code = normalise_code(code)
    return code is not None and code[:2] == "01" and is_known(code)


def is_paddy(code) -> bool:
    return base_code(normalise_code(code)) == PADDY_CODE


def is_wetland(code, include_saltpans: bool = False) -> bool:
    return first_level(code, include_saltpans) == "wetland"


def is_built(code) -> bool:
    """建设用地 (GB/T 21010-2017 附录A, as the plan's development-intensity indicator counts it):
    05–09 (0603 盐田 included), 10 except 1006 农村道路, 1109 水工建筑用地 and 1201 空闲地."""
    return three_class(code) == JSYD


def name_of(code) -> str:
    """DLMC of a code ('' when unknown)."""
    code = normalise_code(code)
    if code is None:
        return ""
    return (
        DLMC.get(code) or DLMC.get(base_code(code), "") or ("特殊用地" if code[:2] == "09" else "")
    )


def three_class(code) -> str | None:
    """农用地 ``nyd``, 建设用地 ``jsyd`` or 未利用地 ``wlyd`` of a DLBM (GB/T 21010-2017 附录A);
    None for an unknown code. 1201 空闲地 and 0603 盐田 are 建设用地, 1006 农村道路 农用地."""
    code = normalise_code(code)
    if not is_known(code):
        return None
    base = base_code(code)
    found = _THREE_CLASS_OF_CODE.get(base)
    if found is not None:
        return found
    return _THREE_CLASS_OF_PREFIX.get(code[:2])
