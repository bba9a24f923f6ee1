"""The balance sheet: one row per group and a total row, and the entry point
:func:`farmland_balance` that reads, flags, trims and balances."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from ..progress import Progress, report
from ..units import M2_PER_MU
from .capacity import CapacityTable
from .credits import credit_plots
from .model import (
    AREA_TOLERANCE_M2,
    CAPACITY_TOLERANCE_KG,
    GRADE_TOLERANCE,
    TOTAL_GROUP,
    AreaFunction,
    BalanceResult,
    BalanceRow,
    BaseLanduse,
    Occupied,
    Supplement,
)
from .occupied import occupied_pieces
from .sources import SourceRules


@dataclass
class Side:
    """The occupied side of the sheet, per piece: net area (m²), paddy mask, grade (0 where
    it does not count) and capacity (kg per 亩); and its groups."""

    area: np.ndarray
    paddy: np.ndarray
    grade: np.ndarray
    capacity: np.ndarray
    group: Sequence[str]

    def take(self, index: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
        if index is None:
            return self.area, self.paddy, self.grade, self.capacity
        return self.area[index], self.paddy[index], self.grade[index], self.capacity[index]


@dataclass
class Supply:
    """The supplementary side, per plot: net m² of new quantity, of paddy (new + 旱改水), of
    upgrade only, kg of capacity, and the plot's grade (0 where it credits no quantity)."""

    qty: np.ndarray
    paddy: np.ndarray
    upg: np.ndarray
    cap_kg: np.ndarray
    grade: np.ndarray
    group: Sequence[str]

    def take(self, index: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
        arrays = (self.qty, self.paddy, self.upg, self.cap_kg, self.grade)
        return arrays if index is None else tuple(a[index] for a in arrays)


def _mean_grade(areas: np.ndarray, grades: np.ndarray) -> float | None:
    total = float(areas.sum())
    if total <= 0:
        return None
    return float((areas * grades).sum() / total)


def _row(group: str, row_type: str, occ: tuple, sup: tuple) -> BalanceRow:
    occ_a, occ_paddy, occ_g, occ_cap = occ
    sup_qty, sup_paddy, sup_upg, sup_cap, sup_g = sup
    occ_m2, sup_m2 = float(occ_a.sum()), float(sup_qty.sum())
    occ_paddy_m2, sup_paddy_m2 = float(occ_a[occ_paddy].sum()), float(sup_paddy.sum())
    occ_grade, sup_grade = _mean_grade(occ_a, occ_g), _mean_grade(sup_qty, sup_g)
    occ_cap_kg = float((occ_a / M2_PER_MU * occ_cap).sum())
    sup_cap_kg = float(sup_cap.sum())
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
        sup_n=int(((sup_qty > 0) | (sup_upg > 0)).sum()),
        sup_upg_m2=float(sup_upg.sum()),
    )


def _group_index(keys: Sequence[str]) -> dict[str, np.ndarray]:
    index: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        index.setdefault(key, []).append(i)
    return {k: np.array(v, dtype=np.int64) for k, v in index.items()}


def balance_rows(occ: Side, sup: Supply, keys: Sequence[str] | None) -> list[BalanceRow]:
    """The group rows of ``keys`` (None: not grouped), then the total row. Grouped, the total
    passes a check only when every group does, and its deficits are the group deficits' sums."""
    o_index, s_index = _group_index(occ.group), _group_index(sup.group)
    empty = np.zeros(0, dtype=np.int64)
    rows = [
        _row(key, "group", occ.take(o_index.get(key, empty)), sup.take(s_index.get(key, empty)))
        for key in keys or ()
    ]
    total = _row(TOTAL_GROUP, "total", occ.take(), sup.take())
    if keys is not None and rows:
        total.qty_ok = all(r.qty_ok for r in rows)
        total.paddy_ok = all(r.paddy_ok for r in rows)
        total.grade_ok = all(r.grade_ok for r in rows)
        total.cap_ok = all(r.cap_ok for r in rows)
        total.def_m2 = sum(r.def_m2 for r in rows)
        total.def_paddy_m2 = sum(r.def_paddy_m2 for r in rows)
        total.def_cap_kg = sum(r.def_cap_kg for r in rows)
    rows.append(total)
    return rows


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
    progress: Progress | None = None,
    base: BaseLanduse | None = None,
    rules: SourceRules | None = None,
) -> BalanceResult:
    """The balance sheet of ``occupied`` against ``supplement`` (see the package docstring).

    Geometries are in one metric CRS; ``area_fn`` measures an array of them in m² (planar by
    default; the Processing algorithm passes an ellipsoidal one when asked). ``eco_redline`` and
    ``protected_areas`` are dissolved geometries (or None: not checked). With ``base`` (the
    base-year land use) only new land counts as quantity (:mod:`.credits`). Raises
    :class:`~..progress.Canceled` when ``progress`` is canceled.
    """
    if grouped is None:
        grouped = occupied.group is not None or supplement.group is not None
    pieces = occupied_pieces(occupied, capacity, area_fn)
    credits = credit_plots(
        supplement,
        capacity,
        base,
        rules,
        eco_redline,
        protected_areas,
        max_slope_level,
        min_area,
        area_fn,
        progress.sub(0.05, 0.95) if progress else None,
    )
    plots = credits.plots
    occ = Side(
        pieces.area,
        pieces.paddy,
        np.where(pieces.area > 0, pieces.grade, 0.0),
        pieces.capacity,
        pieces.group,
    )
    grade = np.where(credits.qty_m2 > 0, credits.grade, 0.0)
    sup = Supply(
        credits.qty_m2, credits.paddy_m2, credits.upg_m2, credits.cap_kg, grade, plots.group
    )
    keys = None
    if grouped:
        keys = sorted({g for g, farm in zip(pieces.group, pieces.farm) if farm} | set(plots.group))
    rows = balance_rows(occ, sup, keys)
    report(progress, 1.0)
    return BalanceResult(
        rows,
        credits.flagged,
        credits.geoms,
        credits.credited_m2,
        pieces.area,
        pieces.skipped_fids,
        plots.slope_unknown,
        grouped,
        parts=credits.parts,
        verified=credits.verified,
        base_grade_missing=credits.base_grade_missing,
        sup_kcxs_unit=plots.kcxs_unit,
        occ_kcxs_unit=pieces.kcxs_unit,
        occ_kcxs_invalid=pieces.kcxs_invalid_fids,
        occ_group=list(pieces.group),
        sup_group=list(plots.group),
    )
