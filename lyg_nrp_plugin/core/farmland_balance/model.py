"""The data of a farmland balance: constants, the input error, inputs and results (no shapely
computation here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely

from ..labels import FAIL, PASS

GRADE_MIN = 1
GRADE_MAX = 15
SLOPE_LEVEL_MAX = 5
TOTAL_GROUP = "TOTAL"
# absolute tolerances of the comparisons (floating-point noise, not policy)
AREA_TOLERANCE_M2 = 1e-6
GRADE_TOLERANCE = 1e-9
CAPACITY_TOLERANCE_KG = 1e-6

REASON_ZH = {
    "not_farmland": "非耕地地类",
    "no_grade": "缺少耕地等别",
    "slope": "坡度超限",
    "eco_redline": "生态保护红线",
    "protected_area": "自然保护地",
    "bad_value": "属性值无效",
    "source": "来源地类不宜开垦",
    "no_base": "缺少基期地类",
    "overlap": "重叠",
    "not_new": "非新增耕地",
}
# reasons that exclude a whole plot (the others flag a part of it)
WHOLE_PLOT_REASONS = frozenset(REASON_ZH) - {"overlap", "not_new"}
REASON_ORDER = tuple(REASON_ZH)
VERDICT_ZH = {PASS: "平衡", FAIL: "不平衡"}

AreaFunction = Callable[[np.ndarray], np.ndarray]


class BalanceInputError(ValueError):
    """Bad input that the user can fix. ``kind`` selects the (translated) message the
    Processing algorithm shows; ``details`` fill it."""

    def __init__(self, kind: str, message: str, **details):
        super().__init__(message)
        self.kind = kind
        self.details = details


@dataclass
class Occupied:
    """Occupied farmland pieces. ``area_m2`` values (None → geometry area × (1 − KCXS))."""

    fids: np.ndarray
    geoms: np.ndarray
    dlbm: Sequence
    grade: Sequence
    group: Sequence | None = None
    area_m2: Sequence | None = None
    kcxs: Sequence | None = None
    layer: str = "OCCUPIED"
    grade_field: str = "GDDB"
    area_field: str = ""


@dataclass
class Supplement:
    """Supplementary farmland plots. ``area_m2`` values (None → geometry area) are gross; every
    credit is net of 田坎: area × (1 − KCXS), KCXS 0 when ``kcxs`` is None."""

    fids: np.ndarray
    geoms: np.ndarray
    dlbm: Sequence
    grade: Sequence
    slope: Sequence | None = None
    group: Sequence | None = None
    area_m2: Sequence | None = None
    kcxs: Sequence | None = None
    layer: str = "SUPPLEMENT"
    grade_field: str = "GDDB"
    area_field: str = ""
    kcxs_field: str = "KCXS"


@dataclass
class BaseLanduse:
    """The base-year land use (三调 / 年度变更调查 DLTB before the supplementary works): each
    supplementary plot is cut by these parcels and each part classed by its base land use."""

    fids: np.ndarray
    geoms: np.ndarray
    dlbm: Sequence
    grade: Sequence | None = None  # GDDB of the base parcels (needed for capacity gains)
    layer: str = "BASE_LANDUSE"
    grade_field: str = "GDDB"


@dataclass
class BalanceRow:
    group: str
    row_type: str  # "group" or "total"
    occ_m2: float
    sup_m2: float
    occ_paddy_m2: float
    sup_paddy_m2: float
    occ_grade: float | None
    sup_grade: float | None
    occ_cap_kg: float
    sup_cap_kg: float
    qty_ok: bool
    paddy_ok: bool
    grade_ok: bool
    cap_ok: bool
    def_m2: float
    def_paddy_m2: float
    def_cap_kg: float
    occ_n: int = 0
    sup_n: int = 0
    sup_upg_m2: float = 0.0  # net area credited as upgrade only (旱改水, 提质改造)

    @property
    def passed(self) -> bool:
        return self.qty_ok and self.paddy_ok and self.grade_ok and self.cap_ok

    @property
    def verdict(self) -> str:
        return PASS if self.passed else FAIL

    @property
    def verdict_zh(self) -> str:
        return VERDICT_ZH[self.verdict]


@dataclass
class FlaggedPlot:
    """An excluded supplementary plot, or the trimmed (overlapping) part of one."""

    fid: int
    group: str
    dlbm: str | None
    grade: float | None
    slope: int | None
    reasons: tuple[str, ...]
    plot_m2: float
    excluded_m2: float
    credited_m2: float
    geometry: shapely.Geometry
    overlaps: tuple[int, ...] = ()  # fids of the earlier plots that keep the overlap
    inside_m2: dict[str, float] = field(default_factory=dict)  # eco_redline/protected_area
    base_codes: tuple[str, ...] = ()  # base land-use codes found under the plot (or part)
    notes: dict[str, str] = field(default_factory=dict)  # reason -> what was wrong (bad_value)

    @property
    def reason(self) -> str:
        return ";".join(self.reasons)

    @property
    def reason_zh(self) -> str:
        return "；".join(REASON_ZH[r] for r in self.reasons)

    def detail_zh(self, max_slope_level: int) -> str:
        """Why the plot (or part) is flagged, in Chinese, with its figures."""
        parts = []
        for reason in self.reasons:
            if reason == "not_farmland":
                parts.append(f"地类 {self.dlbm or '空'} 不是耕地（01）")
            elif reason == "no_grade":
                parts.append("未评定耕地质量等别")
            elif reason == "slope":
                parts.append(f"坡度级别 {self.slope} 级，超过 {max_slope_level} 级")
            elif reason in ("eco_redline", "protected_area"):
                inside = self.inside_m2.get(reason, 0.0)
                parts.append(f"{REASON_ZH[reason]}内 {inside:,.2f} 平方米")
            elif reason == "overlap":
                fids = "、".join(str(f) for f in self.overlaps)
                parts.append(
                    f"与补充地块 {fids} 重叠，重叠部分 {self.excluded_m2:,.2f} 平方米只计一次"
                )
            elif reason in ("source", "no_base", "not_new", "bad_value"):
                parts.append(self.notes.get(reason) or REASON_ZH[reason])
        return "；".join(parts)


PART_ZH = {
    "new": "新增耕地",
    "paddy_upgrade": "旱改水",
    "quality_upgrade": "提质改造",
    "not_new": "非新增耕地",
    "source": "来源地类不宜开垦",
    "no_base": "缺少基期地类",
}


@dataclass
class Part:
    """A supplementary plot's credited land cut by one base parcel (or the part no base parcel
    covers), its class and what it is credited: net m² of quantity, paddy and upgrade, kg."""

    plot: int  # index of the plot in the Supplement
    fid: int
    group: str
    base_fid: int | None  # None: not covered by the base layer (or no base layer given)
    base_code: str | None
    base_grade: float | None
    klass: str  # a key of PART_ZH
    geometry: shapely.Geometry
    gross_m2: float  # the part's share of the plot's area
    net_m2: float  # gross × (1 − KCXS)
    qty_m2: float = 0.0
    paddy_m2: float = 0.0
    cap_kg: float = 0.0
    upg_m2: float = 0.0
    plot_code: str | None = None  # the plot's DLBM now
    plot_grade: float | None = None  # the plot's grade now

    @property
    def klass_zh(self) -> str:
        return PART_ZH[self.klass]


@dataclass
class BalanceResult:
    rows: list[BalanceRow]  # groups (sorted), then the total row
    flagged: list[FlaggedPlot]
    credited_geoms: np.ndarray  # per supplementary plot: the credited part (None if excluded)
    credited_m2: np.ndarray  # per plot: net area credited (new quantity + upgrade)
    occ_area_m2: np.ndarray
    occ_skipped_fids: list[int]  # occupied pieces not coded 01xx (not farmland)
    sup_slope_unknown: int  # plots whose slope level could not be read (not checked)
    grouped: bool
    parts: list[Part] = field(default_factory=list)
    verified: bool = False  # newness checked against a base layer
    base_grade_missing: int = 0  # 01xx parts whose base grade is missing (no capacity gain)
    sup_kcxs_unit: str = ""  # how the supplementary KCXS were read ("" when not given)
    occ_kcxs_unit: str = ""
    occ_kcxs_invalid: list[int] = field(default_factory=list)  # fids whose KCXS counted as 0
    occ_group: list[str] = field(default_factory=list)  # per occupied piece
    sup_group: list[str] = field(default_factory=list)  # per plot

    @property
    def group_rows(self) -> list[BalanceRow]:
        return [r for r in self.rows if r.row_type == "group"]

    @property
    def total(self) -> BalanceRow:
        return self.rows[-1]
