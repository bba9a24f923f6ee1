"""耕地占补平衡核验 — the farmland balance sheet (pure computation, no qgis).

The plan (连云港市"十四五"自然资源保护和利用规划) demands 占优补优、占水田补水田 and that
"补充耕地数量、质量与生态不下降". For each balance group (a project, a county, or everything)
this module compares the occupied farmland with the supplementary farmland (补充耕地) on four
checks: quantity (m²), paddy 0101 (m²), quality (area-weighted mean 耕地等别 GDDB, 1 best) and
standard grain capacity (kg = Σ 亩 × kg_per_mu(grade)).

Rules, decided here and documented in ``docs/algorithms/farmland_balance.md``:

- A supplementary plot is **excluded as a whole** (and flagged) when it is not coded as
  cultivated land (01xx), has no grade, lies above the slope limit (GDPDJB > max level), or
  overlaps the ecological red line or a protected area by at least ``min_area`` m² (smaller
  overlaps are digitising slivers). All reasons that apply are listed.
- Overlapping supplementary plots count their overlap once: plots are taken in fid order; the
  first keeps the land, a later plot is trimmed by the union of the earlier (not excluded) plots
  and the trimmed part is flagged ``overlap``. Overlaps below ``min_area`` are ignored.
- Grades are read as numbers (``6``, ``"06"``, ``6.0``); a non-integer grade (e.g. ``6.5`` of a
  re-assessed plot) takes a capacity linearly interpolated between the neighbouring integer
  grades. A grade outside 1–15 or not a number is an input error. A missing grade is an error
  on an occupied piece (its quality cannot be made good unknown) and an exclusion (``no_grade``)
  on a supplementary plot (an unassessed plot cannot be credited).
- Balance is per group: a surplus in one group never offsets another group's deficit. The total
  row sums areas and capacities; its checks pass only when every group passes and its deficits
  are the sums of the group deficits (what a planner must still find).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from .geometry import polygonal_part
from .landuse import is_farmland, is_paddy, normalise_code
from .units import M2_PER_MU

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
    "overlap": "重叠",
}
REASON_ORDER = tuple(REASON_ZH)
VERDICT_ZH = {"PASS": "平衡", "FAIL": "不平衡"}

AreaFunction = Callable[[np.ndarray], np.ndarray]


class BalanceInputError(ValueError):
    """Bad input that the user can fix. ``kind`` selects the (translated) message the
    Processing algorithm shows; ``details`` fill it."""

    def __init__(self, kind: str, message: str, **details):
        super().__init__(message)
        self.kind = kind
        self.details = details


# --- capacity table ------------------------------------------------------------------------


@dataclass(frozen=True)
class CapacityTable:
    """Standard grain capacity (标准粮食产能, kg per 亩) of each quality grade."""

    kg_per_mu: dict[int, float]
    source: str = ""

    def missing_for(self, grades: Sequence[float]) -> list[int]:
        """Integer grades a lookup of ``grades`` needs (floor and ceil) but the table lacks."""
        needed: set[int] = set()
        for g in grades:
            if g is None or (isinstance(g, float) and math.isnan(g)):
                continue
            needed.update({math.floor(g), math.ceil(g)})
        return sorted(needed - set(self.kg_per_mu))

    def capacity(self, grade: float) -> float:
        """kg per 亩 of ``grade``; linear interpolation between integer grades."""
        low, high = math.floor(grade), math.ceil(grade)
        for g in (low, high):
            if g not in self.kg_per_mu:
                raise BalanceInputError(
                    "capacity_missing_grade",
                    f"capacity table {self.source} has no grade {g}",
                    table=self.source,
                    grades=str(g),
                )
        if low == high:
            return self.kg_per_mu[low]
        t = grade - low
        return (1.0 - t) * self.kg_per_mu[low] + t * self.kg_per_mu[high]

    def capacities(self, grades: Sequence[float]) -> np.ndarray:
        missing = self.missing_for(grades)
        if missing:
            raise BalanceInputError(
                "capacity_missing_grade",
                f"capacity table {self.source} has no grade(s) {missing}",
                table=self.source,
                grades=", ".join(str(g) for g in missing),
            )
        grades = np.asarray(grades, dtype=float)
        unique, inverse = np.unique(grades, return_inverse=True)
        values = np.array([self.capacity(float(g)) for g in unique], dtype=float)
        return values[inverse].reshape(grades.shape)

    def is_monotonic(self) -> bool:
        """True when a better grade (lower number) never has a lower capacity."""
        grades = sorted(self.kg_per_mu)
        values = [self.kg_per_mu[g] for g in grades]
        return all(a >= b for a, b in zip(values, values[1:]))


def parse_capacity_csv(text: str, source: str = "") -> CapacityTable:
    """Parse ``grade,kg_per_mu`` CSV text. Lines starting with ``#`` and blank lines are
    comments; extra columns are ignored. Grades must be integers 1–15, each at most once;
    capacities positive numbers."""
    lines = [
        ln
        for ln in text.lstrip("\ufeff").splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    ]
    if not lines:
        raise BalanceInputError("capacity_empty", f"capacity table {source} is empty", table=source)
    reader = csv.reader(io.StringIO("\n".join(lines)))
    header = [h.strip().lower() for h in next(reader)]
    if "grade" not in header or "kg_per_mu" not in header:
        raise BalanceInputError(
            "capacity_header",
            f"capacity table {source} must have the header grade,kg_per_mu, not {header}",
            table=source,
            header=",".join(header),
        )
    i_grade, i_kg = header.index("grade"), header.index("kg_per_mu")
    table: dict[int, float] = {}
    for line_no, row in enumerate(reader, start=1):
        if not any(cell.strip() for cell in row):
            continue
        cells = [c.strip() for c in row] + [""] * len(header)
        grade_text, kg_text = cells[i_grade], cells[i_kg]
        try:
            grade_value = float(grade_text)
            kg = float(kg_text)
        except ValueError:
            raise BalanceInputError(
                "capacity_value",
                f"capacity table {source}: row {line_no} is not numeric: {row}",
                table=source,
                row=line_no,
                text=",".join(row),
            ) from None
        if not grade_value.is_integer() or not GRADE_MIN <= grade_value <= GRADE_MAX:
            raise BalanceInputError(
                "capacity_grade_range",
                f"capacity table {source}: row {line_no} grade {grade_text} not an integer 1-15",
                table=source,
                row=line_no,
                grade=grade_text,
            )
        grade = int(grade_value)
        if grade in table:
            raise BalanceInputError(
                "capacity_duplicate",
                f"capacity table {source}: grade {grade} appears twice",
                table=source,
                grade=grade,
            )
        if not math.isfinite(kg) or kg <= 0:
            raise BalanceInputError(
                "capacity_value",
                f"capacity table {source}: row {line_no} capacity must be positive",
                table=source,
                row=line_no,
                text=",".join(row),
            )
        table[grade] = kg
    if not table:
        raise BalanceInputError(
            "capacity_empty", f"capacity table {source} has no rows", table=source
        )
    return CapacityTable(table, source)


def load_capacity_csv(path: str | Path) -> CapacityTable:
    path = Path(path)
    if not path.is_file():
        raise BalanceInputError(
            "capacity_not_found", f"capacity table {path} not found", table=str(path)
        )
    return parse_capacity_csv(path.read_text(encoding="utf-8-sig"), str(path))


# --- attribute parsing ---------------------------------------------------------------------


def parse_number(value) -> float | None:
    """A number from an attribute value; None for NULL/empty/NaN; raises ValueError otherwise."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
    else:
        text = str(value).strip()
        if not text:
            return None
        number = float(text)
    return None if math.isnan(number) else number


def parse_grades(
    values: Sequence, fids: Sequence[int], layer: str, field_name: str
) -> list[float | None]:
    """Grades as floats (None when missing); non-numbers and grades outside 1–15 raise."""
    grades: list[float | None] = []
    bad: list[str] = []
    for fid, value in zip(fids, values):
        try:
            grade = parse_number(value)
        except ValueError:
            bad.append(f"{fid}: {value!r}")
            grades.append(None)
            continue
        if grade is not None and not GRADE_MIN <= grade <= GRADE_MAX:
            bad.append(f"{fid}: {value!r}")
        grades.append(grade)
    if bad:
        raise BalanceInputError(
            "grade_range",
            f"{layer}: field {field_name} must hold grades 1-15; bad values (fid: value): "
            + "; ".join(bad[:5]),
            layer=layer,
            field=field_name,
            values="; ".join(bad[:5]),
            n=len(bad),
        )
    return grades


def parse_slope_level(value) -> int | None:
    """GDPDJB (坡度级别 1–5) as an int: ``2``, ``'2'``, ``'2级'``, ``'Ⅱ'``; None if unreadable."""
    if value is None:
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        return None if math.isnan(float(value)) else int(value)
    text = str(value).strip()
    roman = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
    if text.upper() in roman:
        return roman[text.upper()]
    digits = ""
    for ch in text:
        if ch.isdigit():
            digits += ch
        elif digits:
            break
    return int(digits) if digits else None


def group_key(value) -> str:
    """Group values compare as text: ``320703``, ``320703.0`` and ``' 320703'`` match."""
    if value is None:
        return ""
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return ""
        if float(value).is_integer():
            return str(int(value))
    return str(value).strip()


# --- inputs and outputs --------------------------------------------------------------------


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


@dataclass
class Supplement:
    """Supplementary farmland plots. ``area_m2`` values (None → geometry area)."""

    fids: np.ndarray
    geoms: np.ndarray
    dlbm: Sequence
    grade: Sequence
    slope: Sequence | None = None
    group: Sequence | None = None
    area_m2: Sequence | None = None
    layer: str = "SUPPLEMENT"
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

    @property
    def passed(self) -> bool:
        return self.qty_ok and self.paddy_ok and self.grade_ok and self.cap_ok

    @property
    def verdict(self) -> str:
        return "PASS" if self.passed else "FAIL"

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

    @property
    def reason(self) -> str:
        return ";".join(self.reasons)

    @property
    def reason_zh(self) -> str:
        return "；".join(REASON_ZH[r] for r in self.reasons)


@dataclass
class BalanceResult:
    rows: list[BalanceRow]  # groups (sorted), then the total row
    flagged: list[FlaggedPlot]
    credited_geoms: np.ndarray  # per supplementary plot: the credited part (None if excluded)
    credited_m2: np.ndarray
    occ_area_m2: np.ndarray
    occ_skipped_fids: list[int]  # occupied pieces not coded 01xx (not farmland)
    sup_slope_unknown: int  # plots whose slope level could not be read (not checked)
    grouped: bool

    @property
    def group_rows(self) -> list[BalanceRow]:
        return [r for r in self.rows if r.row_type == "group"]

    @property
    def total(self) -> BalanceRow:
        return self.rows[-1]


# --- the computation ------------------------------------------------------------------------


def occupied_areas(
    geom_area_m2: np.ndarray,
    area_values: Sequence | None,
    kcxs_values: Sequence | None,
    layer: str = "OCCUPIED",
) -> np.ndarray:
    """Per piece: the area field value, else geometry area × (1 − KCXS) (KCXS 0 if absent)."""
    n = len(geom_area_m2)
    out = np.empty(n, dtype=float)
    for i in range(n):
        value = parse_number(area_values[i]) if area_values is not None else None
        if value is not None:
            out[i] = value
            continue
        k = parse_number(kcxs_values[i]) if kcxs_values is not None else None
        k = 0.0 if k is None else k
        if not 0.0 <= k < 1.0:
            raise BalanceInputError(
                "kcxs_range", f"{layer}: KCXS {k} is not a fraction 0-1", layer=layer, value=k
            )
        out[i] = geom_area_m2[i] * (1.0 - k)
    return out


def _overlaps_area(
    geoms: np.ndarray, mask_geom, area_fn: AreaFunction, candidates: np.ndarray
) -> np.ndarray:
    """Area of each geometry inside ``mask_geom`` (0 for non-candidates)."""
    out = np.zeros(len(geoms), dtype=float)
    if mask_geom is None or mask_geom.is_empty or not candidates.any():
        return out
    shapely.prepare(mask_geom)
    idx = np.flatnonzero(candidates)
    hits = idx[shapely.intersects(geoms[idx], mask_geom)]
    if len(hits):
        inter = shapely.intersection(geoms[hits], mask_geom)
        out[hits] = area_fn(inter)
    return out


def _mean_grade(areas: np.ndarray, grades: np.ndarray) -> float | None:
    total = float(areas.sum())
    if total <= 0:
        return None
    return float((areas * grades).sum() / total)


def _row(
    group: str, row_type: str, occ_a, occ_paddy, occ_g, occ_cap, sup_a, sup_paddy, sup_g, sup_cap
) -> BalanceRow:
    occ_m2, sup_m2 = float(occ_a.sum()), float(sup_a.sum())
    occ_paddy_m2 = float(occ_a[occ_paddy].sum())
    sup_paddy_m2 = float(sup_a[sup_paddy].sum())
    occ_grade, sup_grade = _mean_grade(occ_a, occ_g), _mean_grade(sup_a, sup_g)
    occ_cap_kg = float((occ_a / M2_PER_MU * occ_cap).sum())
    sup_cap_kg = float((sup_a / M2_PER_MU * sup_cap).sum())
    def_m2 = max(0.0, occ_m2 - sup_m2)
    def_paddy = max(0.0, occ_paddy_m2 - sup_paddy_m2)
    def_cap = max(0.0, occ_cap_kg - sup_cap_kg)
    if occ_grade is None:
        grade_ok = True  # nothing occupied: nothing to match
    else:
        grade_ok = sup_grade is not None and sup_grade <= occ_grade + GRADE_TOLERANCE
    return BalanceRow(
        group=group,
        row_type=row_type,
        occ_m2=occ_m2,
        sup_m2=sup_m2,
        occ_paddy_m2=occ_paddy_m2,
        sup_paddy_m2=sup_paddy_m2,
        occ_grade=occ_grade,
        sup_grade=sup_grade,
        occ_cap_kg=occ_cap_kg,
        sup_cap_kg=sup_cap_kg,
        qty_ok=def_m2 <= AREA_TOLERANCE_M2,
        paddy_ok=def_paddy <= AREA_TOLERANCE_M2,
        grade_ok=grade_ok,
        cap_ok=def_cap <= CAPACITY_TOLERANCE_KG,
        def_m2=def_m2 if def_m2 > AREA_TOLERANCE_M2 else 0.0,
        def_paddy_m2=def_paddy if def_paddy > AREA_TOLERANCE_M2 else 0.0,
        def_cap_kg=def_cap if def_cap > CAPACITY_TOLERANCE_KG else 0.0,
        occ_n=int((occ_a > 0).sum()),
        sup_n=int((sup_a > 0).sum()),
    )


def _codes(values: Sequence) -> list[str | None]:
    cache: dict = {}
    out = []
    for value in values:
        key = (type(value), value)
        if key not in cache:
            cache[key] = normalise_code(value)
        out.append(cache[key])
    return out


def _farm_paddy(codes: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
    known = {c: (is_farmland(c), is_paddy(c)) for c in set(codes)}
    farm = np.array([known[c][0] for c in codes], dtype=bool)
    paddy = np.array([known[c][1] for c in codes], dtype=bool)
    return farm, paddy


def _group_index(keys: Sequence[str]) -> dict[str, np.ndarray]:
    index: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        index.setdefault(key, []).append(i)
    return {k: np.array(v, dtype=np.int64) for k, v in index.items()}


def farmland_balance(
    occupied: Occupied,
    supplement: Supplement,
    capacity: CapacityTable,
    eco_redline: shapely.Geometry | None = None,
    protected_areas: shapely.Geometry | None = None,
    max_slope_level: int = 4,
    min_area: float = 1.0,
    area_fn: AreaFunction = shapely.area,
    grouped: bool | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> BalanceResult:
    """The balance sheet of ``occupied`` against ``supplement`` (see the module docstring).

    Geometries are in one metric CRS; ``area_fn`` measures an array of them in m² (planar by
    default; the Processing algorithm passes an ellipsoidal one when asked). ``eco_redline`` and
    ``protected_areas`` are dissolved geometries (or None: not checked).
    """
    canceled = is_canceled or (lambda: False)
    if grouped is None:
        grouped = occupied.group is not None or supplement.group is not None

    # occupied pieces -------------------------------------------------------------------
    o_geoms = np.asarray(occupied.geoms, dtype=object)
    n_occ = len(o_geoms)
    o_codes = _codes(occupied.dlbm)
    missing_code = [int(f) for f, c in zip(occupied.fids, o_codes) if c is None]
    if missing_code:
        raise BalanceInputError(
            "occ_dlbm_missing",
            f"{occupied.layer}: pieces without a land-use code: {missing_code[:10]}",
            layer=occupied.layer,
            fids=", ".join(map(str, missing_code[:10])),
            n=len(missing_code),
        )
    o_farm, o_paddy = _farm_paddy(o_codes)
    o_area = occupied_areas(
        area_fn(o_geoms) if n_occ else np.zeros(0), occupied.area_m2, occupied.kcxs, occupied.layer
    )
    o_area = np.where(o_farm, o_area, 0.0)
    o_grade_list = parse_grades(occupied.grade, occupied.fids, occupied.layer, occupied.grade_field)
    no_grade = [
        int(f) for f, g, a in zip(occupied.fids, o_grade_list, o_area) if g is None and a > 0
    ]
    if no_grade:
        raise BalanceInputError(
            "occ_grade_missing",
            f"{occupied.layer}: occupied farmland without grade {occupied.grade_field}: "
            f"{no_grade[:10]}",
            layer=occupied.layer,
            field=occupied.grade_field,
            fids=", ".join(map(str, no_grade[:10])),
            n=len(no_grade),
        )
    o_grade = np.array([g if g is not None else np.nan for g in o_grade_list], dtype=float)
    o_cap = np.zeros(n_occ)
    if o_farm.any():
        o_cap[o_farm] = capacity.capacities(o_grade[o_farm])
    o_group = [group_key(v) for v in occupied.group] if occupied.group is not None else [""] * n_occ
    occ_skipped = [int(f) for f, farm in zip(occupied.fids, o_farm) if not farm]

    # supplementary plots: exclusion rules ------------------------------------------------
    s_geoms = np.asarray(supplement.geoms, dtype=object)
    n_sup = len(s_geoms)
    s_fids = np.asarray(supplement.fids, dtype=np.int64)
    s_codes = _codes(supplement.dlbm)
    s_farm, s_paddy = _farm_paddy(s_codes)
    s_grade_list = parse_grades(supplement.grade, s_fids, supplement.layer, supplement.grade_field)
    s_slope = (
        [parse_slope_level(v) for v in supplement.slope]
        if supplement.slope is not None
        else [None] * n_sup
    )
    slope_unknown = 0 if supplement.slope is None else sum(s is None for s in s_slope)
    s_group = (
        [group_key(v) for v in supplement.group] if supplement.group is not None else [""] * n_sup
    )
    s_geom_area = area_fn(s_geoms) if n_sup else np.zeros(0)
    s_plot_area = np.empty(n_sup, dtype=float)
    for i in range(n_sup):
        value = parse_number(supplement.area_m2[i]) if supplement.area_m2 is not None else None
        s_plot_area[i] = s_geom_area[i] if value is None else value

    reasons: list[list[str]] = [[] for _ in range(n_sup)]
    for i in range(n_sup):
        if not s_farm[i]:
            reasons[i].append("not_farmland")
        if s_grade_list[i] is None:
            reasons[i].append("no_grade")
        if s_slope[i] is not None and s_slope[i] > max_slope_level:
            reasons[i].append("slope")
    everything = np.ones(n_sup, dtype=bool)
    inside = {
        "eco_redline": _overlaps_area(s_geoms, eco_redline, area_fn, everything),
        "protected_area": _overlaps_area(s_geoms, protected_areas, area_fn, everything),
    }
    for key, areas in inside.items():
        for i in np.flatnonzero((areas > 0) & (areas >= min_area)):
            reasons[i].append(key)
    if canceled():
        raise InterruptedError

    flagged: list[FlaggedPlot] = []
    excluded = np.array([bool(r) for r in reasons], dtype=bool)
    for i in np.flatnonzero(excluded):
        flagged.append(
            FlaggedPlot(
                fid=int(s_fids[i]),
                group=s_group[i],
                dlbm=s_codes[i],
                grade=s_grade_list[i],
                slope=s_slope[i],
                reasons=tuple(r for r in REASON_ORDER if r in reasons[i]),
                plot_m2=float(s_plot_area[i]),
                excluded_m2=float(s_plot_area[i]),
                credited_m2=0.0,
                geometry=s_geoms[i],
                inside_m2={
                    k: float(v[i]) for k, v in inside.items() if v[i] > 0 and v[i] >= min_area
                },
            )
        )

    # overlaps among the remaining plots: first by fid keeps the land ----------------------
    credited_geoms = np.array([None] * n_sup, dtype=object)
    credited_area = np.zeros(n_sup, dtype=float)
    kept = np.flatnonzero(~excluded)
    order = kept[np.argsort(s_fids[kept], kind="stable")]
    rank = np.full(n_sup, -1)
    rank[order] = np.arange(len(order))
    tree = shapely.STRtree(s_geoms[order]) if len(order) else None
    for k, i in enumerate(order):
        if k % 200 == 0 and canceled():
            raise InterruptedError
        geom = s_geoms[i]
        credited_geoms[i] = geom
        credited_area[i] = s_plot_area[i]
        hits = order[tree.query(geom, predicate="intersects")] if tree is not None else []
        earlier = [j for j in hits if rank[j] < k]
        if not earlier:
            continue
        earlier_union = shapely.union_all(s_geoms[earlier])
        overlap = polygonal_part(shapely.intersection(geom, earlier_union))
        overlap_geom_area = float(area_fn(np.array([overlap], dtype=object))[0])
        if overlap_geom_area <= 0 or overlap_geom_area < min_area:
            continue
        remaining = shapely.difference(geom, earlier_union)
        fraction = 0.0 if s_geom_area[i] <= 0 else overlap_geom_area / s_geom_area[i]
        trimmed_m2 = s_plot_area[i] * min(1.0, fraction)
        credited_geoms[i] = remaining if not remaining.is_empty else None
        credited_area[i] = s_plot_area[i] - trimmed_m2
        touching = [
            int(s_fids[j])
            for j in earlier
            if shapely.area(shapely.intersection(geom, s_geoms[j])) > 0
        ]
        flagged.append(
            FlaggedPlot(
                fid=int(s_fids[i]),
                group=s_group[i],
                dlbm=s_codes[i],
                grade=s_grade_list[i],
                slope=s_slope[i],
                reasons=("overlap",),
                plot_m2=float(s_plot_area[i]),
                excluded_m2=float(trimmed_m2),
                credited_m2=float(credited_area[i]),
                geometry=overlap,
                overlaps=tuple(sorted(touching)),
            )
        )

    s_grade = np.array([g if g is not None else np.nan for g in s_grade_list], dtype=float)
    s_cap = np.zeros(n_sup)
    credited_mask = credited_area > 0
    if credited_mask.any():
        s_cap[credited_mask] = capacity.capacities(s_grade[credited_mask])
    s_grade_safe = np.where(credited_mask, s_grade, 0.0)

    # the sheet ---------------------------------------------------------------------------
    o_index = _group_index(o_group)
    s_index = _group_index(s_group)
    empty = np.zeros(0, dtype=np.int64)
    o_grade_safe = np.where(o_area > 0, o_grade, 0.0)
    rows: list[BalanceRow] = []
    if grouped:
        keys = sorted({g for g, farm in zip(o_group, o_farm) if farm} | set(s_group))
        for key in keys:
            om, sm = o_index.get(key, empty), s_index.get(key, empty)
            rows.append(
                _row(
                    key,
                    "group",
                    o_area[om],
                    o_paddy[om],
                    o_grade_safe[om],
                    o_cap[om],
                    credited_area[sm],
                    s_paddy[sm],
                    s_grade_safe[sm],
                    s_cap[sm],
                )
            )
    total = _row(
        TOTAL_GROUP,
        "total",
        o_area,
        o_paddy,
        o_grade_safe,
        o_cap,
        credited_area,
        s_paddy,
        s_grade_safe,
        s_cap,
    )
    if grouped and rows:
        total.qty_ok = all(r.qty_ok for r in rows)
        total.paddy_ok = all(r.paddy_ok for r in rows)
        total.grade_ok = all(r.grade_ok for r in rows)
        total.cap_ok = all(r.cap_ok for r in rows)
        total.def_m2 = sum(r.def_m2 for r in rows)
        total.def_paddy_m2 = sum(r.def_paddy_m2 for r in rows)
        total.def_cap_kg = sum(r.def_cap_kg for r in rows)
    rows.append(total)
    flagged.sort(key=lambda f: (f.fid, f.reasons == ("overlap",)))
    return BalanceResult(
        rows, flagged, credited_geoms, credited_area, o_area, occ_skipped, slope_unknown, grouped
    )
