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
from .model import (
    AREA_TOLERANCE_M2,
    CAPACITY_TOLERANCE_KG,
    GRADE_TOLERANCE,
    TOTAL_GROUP,
    AreaFunction,
    BalanceResult,
    BalanceRow,
    Occupied,
    Supplement,
)
from .occupied import occupied_pieces
from .overlaps import trim_overlaps
from .plots import flag_plots, read_plots


@dataclass
class Side:
    """One side of the sheet (occupied or supplementary), per piece or plot: area (m²), paddy
    mask, grade (0 where it does not count) and capacity (kg per 亩); and its groups."""

    area: np.ndarray
    paddy: np.ndarray
    grade: np.ndarray
    capacity: np.ndarray
    group: Sequence[str]

    def take(self, index: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
        if index is None:
            return self.area, self.paddy, self.grade, self.capacity
        return self.area[index], self.paddy[index], self.grade[index], self.capacity[index]


def _mean_grade(areas: np.ndarray, grades: np.ndarray) -> float | None:
    total = float(areas.sum())
    if total <= 0:
        return None
    return float((areas * grades).sum() / total)


def _row(group: str, row_type: str, occ: tuple, sup: tuple) -> BalanceRow:
    occ_a, occ_paddy, occ_g, occ_cap = occ
    sup_a, sup_paddy, sup_g, sup_cap = sup
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


def _group_index(keys: Sequence[str]) -> dict[str, np.ndarray]:
    index: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        index.setdefault(key, []).append(i)
    return {k: np.array(v, dtype=np.int64) for k, v in index.items()}


def balance_rows(occ: Side, sup: Side, keys: Sequence[str] | None) -> list[BalanceRow]:
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
) -> BalanceResult:
    """The balance sheet of ``occupied`` against ``supplement`` (see the package docstring).

    Geometries are in one metric CRS; ``area_fn`` measures an array of them in m² (planar by
    default; the Processing algorithm passes an ellipsoidal one when asked). ``eco_redline`` and
    ``protected_areas`` are dissolved geometries (or None: not checked). Raises
    :class:`~..progress.Canceled` when ``progress`` is canceled.
    """
    if grouped is None:
        grouped = occupied.group is not None or supplement.group is not None
    pieces = occupied_pieces(occupied, capacity, area_fn)
    plots = read_plots(supplement, area_fn)
    excluded, flagged = flag_plots(
        plots, eco_redline, protected_areas, max_slope_level, min_area, area_fn
    )
    report(progress, 0.1)
    credited = trim_overlaps(
        plots, excluded, min_area, area_fn, progress.sub(0.1, 0.9) if progress else None
    )
    flagged += credited.flagged

    s_grade = np.array([g if g is not None else np.nan for g in plots.grades], dtype=float)
    s_cap = np.zeros(len(plots))
    credited_mask = credited.area > 0
    if credited_mask.any():
        s_cap[credited_mask] = capacity.capacities(s_grade[credited_mask])
    occ = Side(
        pieces.area,
        pieces.paddy,
        np.where(pieces.area > 0, pieces.grade, 0.0),
        pieces.capacity,
        pieces.group,
    )
    sup = Side(
        credited.area, plots.paddy, np.where(credited_mask, s_grade, 0.0), s_cap, plots.group
    )
    keys = None
    if grouped:
        keys = sorted({g for g, farm in zip(pieces.group, pieces.farm) if farm} | set(plots.group))
    rows = balance_rows(occ, sup, keys)
    flagged.sort(key=lambda f: (f.fid, f.reasons == ("overlap",)))
    return BalanceResult(
        rows,
        flagged,
        credited.geoms,
        credited.area,
        pieces.area,
        pieces.skipped_fids,
        plots.slope_unknown,
        grouped,
    )
