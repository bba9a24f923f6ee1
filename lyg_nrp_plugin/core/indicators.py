"""Plan indicators of the 14th Five-Year plan (表2) computed from layers and checked on targets.

Pure computation (shapely ≥ 2 / numpy, no qgis): :func:`compute` turns the arrays of the
input layers (:class:`IndicatorInputs`) into measured values in *base units* (m², m, %, t/a,
count); :func:`evaluate` joins them with the catalogue (``resources/indicators/
indicators_2025.csv``), converts to each indicator's unit (万公顷, 平方千米, 亿吨/年 …), applies
manual values and targets from a TARGETS file, and gives each indicator a status:

* ``MET`` — value and numeric target compare as the comparator says (≥, ≤, =);
* ``NOT_MET`` — they do not;
* ``NO_TARGET`` — a value but no numeric target (“按上级下达目标执行” without a TARGETS entry,
  or an indicator of 表1 only);
* ``NO_DATA`` — no layer and no manual value gives the indicator.

Areas are planar m² in the (projected) CRS of the arrays; parcel areas come from TBDLMJ when
given (as 三调 statistics do), otherwise from the geometry.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import shapely

from . import landuse

# --- units ----------------------------------------------------------------------------------

# Base units of measured values and the factor from base to each catalogue unit.
BASE_AREA = "m2"
BASE_LENGTH = "m"
BASE_PERCENT = "%"
BASE_COUNT = "count"
BASE_OUTPUT = "t/a"
BASE_VOLUME = "m3"

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
}

TONNES_PER = {"t": 1.0, "万吨": 1e4, "亿吨": 1e8}  # units of a mines output field

TARGET_FROM_ABOVE = "按上级下达目标执行"

STATUS_MET = "MET"
STATUS_NOT_MET = "NOT_MET"
STATUS_NO_TARGET = "NO_TARGET"
STATUS_NO_DATA = "NO_DATA"
STATUS_ZH = {
    STATUS_MET: "达标",
    STATUS_NOT_MET: "未达标",
    STATUS_NO_TARGET: "无目标",
    STATUS_NO_DATA: "无数据",
}
STATUS_EN = {
    STATUS_MET: "Met",
    STATUS_NOT_MET: "Not met",
    STATUS_NO_TARGET: "No target",
    STATUS_NO_DATA: "No data",
}

CATEGORIES = ("资源保护", "资源利用", "空间布局", "基础支撑")
CATEGORY_EN = {
    "资源保护": "Resource protection",
    "资源利用": "Resource use",
    "空间布局": "Spatial layout",
    "基础支撑": "Basic support",
}

# Natural wetland in the sense of the wetland survey (近海与海岸、河流、湖泊、沼泽): the seven
# 三调 wetland codes plus river and lake water. Not natural: 1103 水库, 1104 坑塘 (incl.
# 1104A 养殖), 1107 沟渠, 0603 盐田.
NATURAL_WATER_CODES = frozenset({"1101", "1102"})
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


def _t(key: str, lang: str, **kwargs) -> str:
    zh, en = NOTES[key]
    return (zh if lang.lower().startswith("zh") else en).format(**kwargs)


def to_unit(value_base: float, unit: str) -> float:
    """A base-unit value (m², m, %, count, t/a) in ``unit`` (万公顷, 平方千米, 亿吨/年 …)."""
    _, factor = UNIT_FACTORS[unit]
    return value_base / factor


def from_unit(value: float, unit: str) -> float:
    _, factor = UNIT_FACTORS[unit]
    return value * factor


def base_of(unit: str) -> str:
    return UNIT_FACTORS[unit][0]


def _has_word(value, words: Sequence[str]) -> bool:
    if value is None:
        return False
    text = str(value).strip().lower()
    return any(word.lower() in text for word in words)


def is_marine_park(type_value) -> bool:
    return _has_word(type_value, MARINE_PARK_WORDS)


def is_scenic_area(type_value) -> bool:
    return _has_word(type_value, SCENIC_AREA_WORDS)


def coast_is_natural(type_value) -> bool | None:
    """True / False for natural / artificial coastline; None when the value says neither."""
    if _has_word(type_value, ARTIFICIAL_COAST_WORDS):
        return False
    if _has_word(type_value, NATURAL_COAST_WORDS):
        return True
    return None


def coast_is_mainland(class_value) -> bool | None:
    if _has_word(class_value, MAINLAND_WORDS):
        return True
    if _has_word(class_value, ISLAND_WORDS):
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


def is_forest_land(code) -> bool:
    return landuse.first_level(code) == "forest" or (
        landuse.base_code(landuse.normalise_code(code)) in {"0303", "0304", "0306"}
    )


def is_forest_cover(code) -> bool:
    return landuse.base_code(landuse.normalise_code(code)) in FOREST_COVER_CODES


# --- geometry helpers -------------------------------------------------------------------------


def _array(geoms) -> np.ndarray:
    if geoms is None:
        return np.empty(0, dtype=object)
    arr = np.asarray(geoms, dtype=object)
    keep = np.array([g is not None and not g.is_empty for g in arr], dtype=bool)
    return arr[keep] if len(arr) else arr


def dissolve(geoms) -> shapely.Geometry | None:
    """Union of the polygons (overlaps counted once); None when there are none."""
    import shapely  # lazy: the dashboard dock imports this module

    arr = _array(geoms)
    if not len(arr):
        return None
    return shapely.union_all(arr)


def union_area(geoms, clip: shapely.Geometry | None = None) -> float:
    """Area (m²) of the union of ``geoms``, optionally inside ``clip``."""
    import shapely  # lazy: the dashboard dock imports this module

    merged = dissolve(geoms)
    if merged is None:
        return 0.0
    if clip is not None:
        merged = shapely.intersection(merged, clip)
    return float(shapely.area(merged))


def inside_fractions(geoms, mask: shapely.Geometry | None) -> np.ndarray:
    """For each polygon, the share of its area inside ``mask`` (0..1)."""
    import shapely  # lazy: the dashboard dock imports this module

    arr = np.asarray(geoms, dtype=object)
    result = np.zeros(len(arr), dtype=float)
    if mask is None or mask.is_empty or not len(arr):
        return result
    valid = np.array([g is not None and not g.is_empty for g in arr], dtype=bool)
    index = np.flatnonzero(valid)
    tree = shapely.STRtree(arr[index])
    candidates = index[tree.query(mask, predicate="intersects")]
    if not len(candidates):
        return result
    shapely.prepare(mask)
    subset = arr[candidates]
    covered = shapely.covered_by(subset, mask)
    result[candidates[covered]] = 1.0
    partial = candidates[~covered]
    if len(partial):
        areas = shapely.area(arr[partial])
        inter = shapely.area(shapely.intersection(arr[partial], mask))
        with np.errstate(divide="ignore", invalid="ignore"):
            result[partial] = np.where(areas > 0, np.clip(inter / areas, 0.0, 1.0), 0.0)
    return result


# --- inputs and measured values ---------------------------------------------------------------


@dataclass
class IndicatorInputs:
    """Arrays of the layers (all optional). Geometries in one projected CRS (m)."""

    landuse_geoms: Sequence | None = None
    landuse_codes: Sequence | None = None
    landuse_areas: Sequence | None = None  # TBDLMJ (m²); None -> geometry area
    boundary_geoms: Sequence | None = None  # 陆域
    sea_geoms: Sequence | None = None  # 管辖海域
    eco_redline_geoms: Sequence | None = None
    farmland_geoms: Sequence | None = None  # 永久基本农田
    protected_geoms: Sequence | None = None
    protected_types: Sequence | None = None
    marine_redline_geoms: Sequence | None = None
    coast_geoms: Sequence | None = None
    coast_types: Sequence | None = None  # 自然岸线 / 人工岸线
    coast_classes: Sequence | None = None  # 大陆岸线 / 海岛岸线 (None: all mainland)
    mariculture_geoms: Sequence | None = None
    sea_zone_types: Sequence | None = None  # function-zone type of each sea_geoms feature
    mariculture_words: Sequence[str] = MARICULTURE_ZONE_WORDS
    mine_scales: Sequence | None = None
    mine_outputs_t: Sequence | None = None  # tonnes per year
    mine_count: int | None = None
    include_saltpans: bool = False


@dataclass
class Measured:
    """A value in base units and where it came from."""

    value: float
    base_unit: str
    source: str
    note: str = ""


@dataclass
class LanduseSummary:
    total_m2: float  # geometry area of all parcels (the land area without BOUNDARY)
    cultivated_m2: float
    wetland_m2: float
    natural_wetland_m2: float
    forest_m2: float
    forest_cover_m2: float
    built_m2: float
    unknown_codes: int


def landuse_arrays(geoms, codes, areas=None, include_saltpans: bool = False):
    """Per-parcel masks and areas: (area_m2, cultivated, wetland, natural, forest, cover, built)."""
    import shapely  # lazy: the dashboard dock imports this module

    geoms = np.asarray(geoms, dtype=object)
    geometry_area = np.array([0.0 if g is None else shapely.area(g) for g in geoms], dtype=float)
    if areas is None:
        area = geometry_area
    else:
        area = np.array(
            [geometry_area[i] if a is None else float(a) for i, a in enumerate(areas)], dtype=float
        )
    norm = [landuse.normalise_code(c) for c in codes]
    cultivated = np.array([landuse.is_farmland(c) for c in norm], dtype=bool)
    wetland = np.array([landuse.is_wetland(c, include_saltpans) for c in norm], dtype=bool)
    natural = np.array([is_natural_wetland(c) for c in norm], dtype=bool)
    forest = np.array([is_forest_land(c) for c in norm], dtype=bool)
    cover = np.array([is_forest_cover(c) for c in norm], dtype=bool)
    built = np.array([landuse.is_built(c) for c in norm], dtype=bool)
    unknown = sum(1 for c in norm if not landuse.is_known(c))
    return geometry_area, area, cultivated, wetland, natural, forest, cover, built, unknown


def summarise_landuse(geoms, codes, areas=None, include_saltpans: bool = False) -> LanduseSummary:
    geometry_area, area, cultivated, wetland, natural, forest, cover, built, unknown = (
        landuse_arrays(geoms, codes, areas, include_saltpans)
    )
    return LanduseSummary(
        total_m2=float(geometry_area.sum()),
        cultivated_m2=float(area[cultivated].sum()),
        wetland_m2=float(area[wetland].sum()),
        natural_wetland_m2=float(area[natural].sum()),
        forest_m2=float(area[forest].sum()),
        forest_cover_m2=float(area[cover].sum()),
        built_m2=float(area[built].sum()),
        unknown_codes=unknown,
    )


def _given(values) -> bool:
    return values is not None and len(values) > 0


def _percent(part: float, whole: float) -> float | None:
    if whole <= 0:
        return None
    return 100.0 * part / whole


def compute(
    inputs: IndicatorInputs,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
    lang: str = "zh",
) -> dict[str, Measured]:
    """Every indicator the given layers allow, in base units; keys are catalogue codes."""
    import shapely  # lazy: the dashboard dock imports this module

    out: dict[str, Measured] = {}

    def step(value: float) -> bool:
        if progress is not None:
            progress(value)
        return bool(is_canceled and is_canceled())

    # land area: BOUNDARY, else the land-use parcels' geometry
    land = dissolve(inputs.boundary_geoms) if _given(inputs.boundary_geoms) else None
    land_area = float(shapely.area(land)) if land is not None else None
    land_source = "BOUNDARY"

    has_landuse = _given(inputs.landuse_geoms) and inputs.landuse_codes is not None
    if has_landuse:
        geoms = np.asarray(inputs.landuse_geoms, dtype=object)
        geometry_area, area, cultivated, wetland, natural, forest, cover, built, unknown = (
            landuse_arrays(
                geoms, inputs.landuse_codes, inputs.landuse_areas, inputs.include_saltpans
            )
        )
        if land_area is None:
            land_area = float(geometry_area.sum())
            land_source = "LANDUSE"
        area_note = _t("tbdlmj" if inputs.landuse_areas is not None else "geom_area", lang)
        saltpan_note = "; " + _t("saltpans", lang) if inputs.include_saltpans else ""
        out["cultivated_land"] = Measured(
            float(area[cultivated].sum()), BASE_AREA, "LANDUSE", area_note
        )
        out["wetland_area"] = Measured(
            float(area[wetland].sum()), BASE_AREA, "LANDUSE", area_note + saltpan_note
        )
        out["built_land_total"] = Measured(
            float(area[built].sum()), BASE_AREA, "LANDUSE", area_note
        )
        if land_area and land_area > 0:
            out["development_intensity"] = Measured(
                _percent(float(area[built].sum()), land_area),
                BASE_PERCENT,
                f"LANDUSE + {land_source}",
                _t("land_from", lang, src=land_source),
            )
            out["tree_cover"] = Measured(
                _percent(float(area[forest].sum()), land_area),
                BASE_PERCENT,
                f"LANDUSE + {land_source}",
                _t("tree_approx", lang),
            )
            out["forest_cover"] = Measured(
                _percent(float(area[cover].sum()), land_area),
                BASE_PERCENT,
                f"LANDUSE + {land_source}",
                _t("forest_approx", lang),
            )
        if step(40) is True:
            return out
        if _given(inputs.protected_geoms):
            protected = dissolve(inputs.protected_geoms)
            fractions = inside_fractions(geoms, protected)
            total_natural = float(area[natural].sum())
            total_wetland = float(area[wetland].sum())
            if total_natural > 0:
                inside = float((area * fractions)[natural].sum())
                out["natural_wetland_protection"] = Measured(
                    _percent(inside, total_natural), BASE_PERCENT, "LANDUSE + PROTECTED_AREAS"
                )
            if total_wetland > 0:
                inside = float((area * fractions)[wetland].sum())
                out["wetland_protection"] = Measured(
                    _percent(inside, total_wetland),
                    BASE_PERCENT,
                    "LANDUSE + PROTECTED_AREAS",
                    saltpan_note.lstrip("; "),
                )
        if unknown:
            for code in ("cultivated_land", "wetland_area", "built_land_total"):
                out[code].note += "; " + _t("unknown_dlbm", lang, n=unknown)
    if step(60):
        return out

    if _given(inputs.eco_redline_geoms):
        out["eco_redline_area"] = Measured(
            union_area(inputs.eco_redline_geoms), BASE_AREA, "ECO_REDLINE"
        )
        if land_area:
            clip = land if land is not None else None
            inside = union_area(inputs.eco_redline_geoms, clip)
            out["eco_redline_land_ratio"] = Measured(
                _percent(inside, land_area),
                BASE_PERCENT,
                f"ECO_REDLINE + {land_source}",
                "" if clip is not None else _t("not_clipped", lang),
            )
    if _given(inputs.farmland_geoms):
        out["permanent_farmland"] = Measured(
            union_area(inputs.farmland_geoms), BASE_AREA, "FARMLAND"
        )
    if _given(inputs.protected_geoms):
        geoms = np.asarray(inputs.protected_geoms, dtype=object)
        types = (
            list(inputs.protected_types)
            if inputs.protected_types is not None
            else [None] * len(geoms)
        )
        not_scenic = np.array([not is_scenic_area(t) for t in types], dtype=bool)
        out["protected_area"] = Measured(
            union_area(geoms[not_scenic]), BASE_AREA, "PROTECTED_AREAS", _t("no_scenic", lang)
        )
        if land_area:
            not_marine = np.array([not is_marine_park(t) for t in types], dtype=bool)
            inside = union_area(geoms[not_marine], land)
            out["protected_area_land_ratio"] = Measured(
                _percent(inside, land_area),
                BASE_PERCENT,
                f"PROTECTED_AREAS + {land_source}",
                _t("no_marine_park", lang),
            )
    if step(75):
        return out

    if _given(inputs.marine_redline_geoms) and _given(inputs.sea_geoms):
        sea = dissolve(inputs.sea_geoms)
        sea_area = float(shapely.area(sea))
        if sea_area > 0:
            inside = union_area(inputs.marine_redline_geoms, sea)
            out["marine_redline_ratio"] = Measured(
                _percent(inside, sea_area), BASE_PERCENT, "MARINE_REDLINE + SEA_AREA"
            )
    if _given(inputs.mariculture_geoms):
        out["mariculture_area"] = Measured(
            union_area(inputs.mariculture_geoms), BASE_AREA, "MARICULTURE"
        )
    elif (
        _given(inputs.sea_geoms) and inputs.sea_zone_types is not None and inputs.mariculture_words
    ):
        sea_geoms = np.asarray(inputs.sea_geoms, dtype=object)
        chosen = np.array(
            [_has_word(t, inputs.mariculture_words) for t in inputs.sea_zone_types], dtype=bool
        )
        if chosen.any():
            out["mariculture_area"] = Measured(
                union_area(sea_geoms[chosen]),
                BASE_AREA,
                "SEA_AREA",
                _t("mariculture_zones", lang, words="/".join(inputs.mariculture_words)),
            )
    if _given(inputs.coast_geoms):
        lengths = shapely.length(np.asarray(inputs.coast_geoms, dtype=object))
        n = len(lengths)
        types = list(inputs.coast_types) if inputs.coast_types is not None else [None] * n
        classes = list(inputs.coast_classes) if inputs.coast_classes is not None else [None] * n
        natural = np.array([coast_is_natural(t) is True for t in types], dtype=bool)
        unclassified = sum(1 for t in types if coast_is_natural(t) is None)
        mainland = np.array([coast_is_mainland(c) is not False for c in classes], dtype=bool)
        total = float(lengths[mainland].sum())
        nat = float(lengths[mainland & natural].sum())
        note = _t("coast_unknown", lang, n=unclassified) if unclassified else ""
        if inputs.coast_classes is None:
            note = "; ".join(x for x in (note, _t("coast_no_class", lang)) if x)
        out["mainland_natural_coast_length"] = Measured(nat, BASE_LENGTH, "COASTLINE", note)
        if total > 0:
            out["mainland_natural_coast_ratio"] = Measured(
                _percent(nat, total), BASE_PERCENT, "COASTLINE", note
            )
    if (
        inputs.mine_count is not None
        or inputs.mine_scales is not None
        or inputs.mine_outputs_t is not None
    ):
        count = inputs.mine_count
        if count is None:
            count = len(
                inputs.mine_scales if inputs.mine_scales is not None else inputs.mine_outputs_t
            )
        out["active_mines"] = Measured(float(count), BASE_COUNT, "MINES")
        if inputs.mine_scales is not None and count > 0:
            large = sum(1 for s in inputs.mine_scales if is_large_or_medium(s))
            out["large_medium_mine_ratio"] = Measured(_percent(large, count), BASE_PERCENT, "MINES")
        if inputs.mine_outputs_t is not None:
            values = [float(v) for v in inputs.mine_outputs_t if v is not None]
            missing = len(inputs.mine_outputs_t) - len(values)
            out["mineral_output"] = Measured(
                float(sum(values)),
                BASE_OUTPUT,
                "MINES",
                _t("mines_missing", lang, n=missing) if missing else "",
            )
    step(90)
    return out


# --- catalogue ---------------------------------------------------------------------------------


@dataclass
class Indicator:
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


def _number(text) -> float | None:
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text) if math.isfinite(float(text)) else None
    text = str(text).strip().lstrip("≥≤<>=").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def load_catalogue(path: str | Path) -> list[Indicator]:
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            comparator = row["comparator"].strip()
            if comparator not in (">=", "<=", "=", ""):
                raise ValueError(f"{row['code']}: comparator {comparator!r}")
            if row["unit"] not in UNIT_FACTORS:
                raise ValueError(f"{row['code']}: unit {row['unit']!r}")
            if row["category"] not in CATEGORIES:
                raise ValueError(f"{row['code']}: category {row['category']!r}")
            rows.append(
                Indicator(
                    code=row["code"],
                    category=row["category"],
                    name_zh=row["name_zh"],
                    name_en=row["name_en"],
                    unit=row["unit"],
                    comparator=comparator,
                    target=_number(row["target_2025"]),
                    target_text=row["target_text"],
                    attribute=row["attribute"],
                    baseline_2020=_number(row["baseline_2020"]),
                    computed_from=row["computed_from"],
                    method_zh=row["method_zh"],
                    method_en=row["method_en"],
                    plan_source=row["plan_source"],
                )
            )
    return rows


@dataclass
class ManualInputs:
    """What a TARGETS file gives: targets for “按上级下达” indicators and manual values."""

    targets: dict[str, float] = field(default_factory=dict)
    values: dict[str, float] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def load_manual(path: str | Path, known_codes: Sequence[str] = ()) -> ManualInputs:
    """Read a TARGETS file (JSON or CSV; values in the catalogue's unit of each indicator).

    JSON: ``{"targets": {code: number}, "values": {code: number}, "notes": {code: text}}``.
    CSV: header ``code,target,value[,note]`` (empty cells ignored).
    Unknown codes raise ``ValueError`` when ``known_codes`` is given.
    """
    path = Path(path)
    manual = ManualInputs()
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("TARGETS JSON must be an object with 'targets' and/or 'values'")
        for key, store in (("targets", manual.targets), ("values", manual.values)):
            for code, value in (data.get(key) or {}).items():
                number = _number(value)
                if number is None:
                    raise ValueError(f"{key}.{code}: {value!r} is not a number")
                store[code] = number
        manual.notes.update({k: str(v) for k, v in (data.get("notes") or {}).items()})
    else:
        reader = csv.DictReader(
            line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
        )
        if reader.fieldnames is None or "code" not in reader.fieldnames:
            raise ValueError("TARGETS CSV needs a header with a 'code' column")
        for row in reader:
            code = (row.get("code") or "").strip()
            for key, store in (("target", manual.targets), ("value", manual.values)):
                cell = (row.get(key) or "").strip()
                if cell:
                    number = _number(cell)
                    if number is None:
                        raise ValueError(f"{code}.{key}: {cell!r} is not a number")
                    store[code] = number
            if (row.get("note") or "").strip():
                manual.notes[code] = row["note"].strip()
    if known_codes:
        unknown = sorted((set(manual.targets) | set(manual.values)) - set(known_codes))
        if unknown:
            raise ValueError("unknown indicator codes: " + ", ".join(unknown))
    return manual


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


def evaluate(
    catalogue: Sequence[Indicator],
    measured: dict[str, Measured],
    manual: ManualInputs | None = None,
    lang: str = "zh",
) -> list[IndicatorResult]:
    """One result per catalogue indicator: value in its unit, target, status."""
    manual = manual or ManualInputs()
    results = []
    for ind in catalogue:
        note_parts = []
        value = None
        source = ""
        if ind.code in manual.values:
            value = manual.values[ind.code]
            source = "manual"
            if ind.code in measured:
                computed = to_unit(measured[ind.code].value, ind.unit)
                note_parts.append(_t("manual_overrides", lang, v=f"{computed:.4g}"))
        elif ind.code in measured and measured[ind.code].value is not None:
            m = measured[ind.code]
            if base_of(ind.unit) != m.base_unit:
                raise ValueError(f"{ind.code}: {m.base_unit} cannot become {ind.unit}")
            value = to_unit(m.value, ind.unit)
            source = m.source
            if m.note:
                note_parts.append(m.note)
        target = manual.targets.get(ind.code, ind.target)
        if ind.code in manual.targets:
            note_parts.append(_t("target_file", lang))
        if ind.code in manual.notes:
            note_parts.append(manual.notes[ind.code])
        status = status_of(value, ind.comparator, target)
        results.append(
            IndicatorResult(
                code=ind.code,
                name_zh=ind.name_zh,
                name_en=ind.name_en,
                category=ind.category,
                unit=ind.unit,
                value=value,
                target=target,
                comparator=ind.comparator,
                attribute=ind.attribute,
                baseline_2020=ind.baseline_2020,
                status=status,
                status_zh=STATUS_ZH[status],
                source=source,
                note="; ".join(note_parts),
                target_text=ind.target_text,
                method_zh=ind.method_zh,
                method_en=ind.method_en,
            )
        )
    return results


def status_counts(results: Sequence[IndicatorResult]) -> dict[str, int]:
    counts = {s: 0 for s in STATUS_ZH}
    for r in results:
        counts[r.status] += 1
    return counts


def decimals_for(unit: str) -> int:
    return {"万公顷": 4, "万平方千米": 4, "亿吨/年": 4, "个": 0, "万亩": 2}.get(unit, 2)


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.{decimals_for(unit)}f}"


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
