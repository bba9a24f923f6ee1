"""Can the 永久基本农田储备区 take the 补划 of the projects allowed to occupy 永久基本农田?

自然资规〔2019〕1号 and the plan (四(一): "重大建设项目占用等需补划永久基本农田的，须在永久基本
农田储备区中予以补划") ask for 补划 of the same quantity and no lower quality, from the reserve.
:func:`reserve_check` compares the 永久基本农田 occupied by the projects whose farmland rule is
REVIEW (allowed after 论证 and 补划) with the reserve that no project covers (overlapping
reserve plots counted once, lower index keeps), and — with grade fields — the area-weighted
等别 of both (a lower 等别 is better land: the reserve must not be worse). No qgis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from . import overlay
from .geometry import non_empty_mask
from .overlaps import deduplicate
from .values import read_numbers

Measure = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class ReserveCheck:
    need_m2: float  # 永久基本农田 to be supplemented (occupied by the allowed projects)
    projects: tuple[int, ...]  # indices of those projects
    available_m2: float  # reserve not under any project
    reserve_grade: float | None  # area-weighted 等别 of the available reserve
    occupied_grade: float | None  # area-weighted 等别 of the occupied 永久基本农田
    n_reserve: int  # reserve plots read
    bad_grades: int = 0  # grade values that could not be read (left out of the weights)

    @property
    def shortfall_m2(self) -> float:
        return max(self.need_m2 - self.available_m2, 0.0)

    @property
    def enough(self) -> bool:
        return self.shortfall_m2 <= 0.0

    @property
    def quality_ok(self) -> bool | None:
        """The reserve is no worse than the occupied land (None when a grade is unknown)."""
        if self.reserve_grade is None or self.occupied_grade is None:
            return None
        return self.reserve_grade <= self.occupied_grade + 1e-9


def weighted(areas: np.ndarray, grades: Sequence | None) -> tuple[float | None, int]:
    """Area-weighted mean of ``grades`` (unreadable or negative ones left out, counted)."""
    if grades is None or len(areas) == 0:
        return None, 0
    column = read_numbers(grades)
    bad = set(column.invalid) | set(column.negative)
    values = column.values
    use = ~np.isnan(values) & (areas > 0)
    use[list(bad)] = False
    total = float(areas[use].sum())
    if total <= 0:
        return None, len(bad)
    return float((areas[use] * values[use]).sum() / total), len(bad)


def available_reserve(
    reserve: np.ndarray, projects: np.ndarray, measure: Measure
) -> tuple[np.ndarray, np.ndarray]:
    """Each reserve plot minus the projects (and minus lower-index plots it overlaps), and
    its area."""
    covered = overlay.overlap_per_project(reserve, projects)
    rest = reserve.copy()
    hit = ~shapely.is_empty(covered)
    if hit.any():
        diff, ok = overlay.keep_dimension(shapely.difference(reserve[hit], covered[hit]), 2)
        diff[~ok] = shapely.Polygon()
        rest[hit] = diff
    rest = deduplicate(rest).geoms
    areas = np.zeros(len(rest))
    present = non_empty_mask(rest)
    if present.any():
        areas[present] = measure(rest[present])
    return rest, areas


def occupied_grade(
    projects: np.ndarray, farmland: np.ndarray, grades: Sequence | None, measure: Measure
) -> tuple[float | None, int]:
    """Area-weighted 等别 of the 永久基本农田 under ``projects`` (overlapping farmland plots
    counted once per project)."""
    if grades is None or len(projects) == 0 or len(farmland) == 0:
        return None, 0
    pieces = overlay.intersect_pairs(projects, farmland)
    if len(pieces) == 0:
        return None, 0
    geoms = deduplicate(pieces.geoms, pieces.right, pieces.left).geoms
    areas = np.zeros(len(geoms))
    present = non_empty_mask(geoms)
    if present.any():
        areas[present] = measure(geoms[present])
    return weighted(areas, [grades[r] for r in pieces.right.tolist()])


def reserve_check(
    reserve: np.ndarray,
    reserve_grades: Sequence | None,
    projects: np.ndarray,
    need: np.ndarray,
    farm_m2: np.ndarray,
    farmland: np.ndarray | None,
    farmland_grades: Sequence | None,
    measure: Measure,
) -> ReserveCheck:
    """``need`` marks the projects allowed to occupy 永久基本农田 after 补划 (their farmland
    rule is REVIEW and they occupy it); ``farm_m2`` is what each occupies."""
    reserve = np.asarray(reserve, dtype=object)
    present = non_empty_mask(reserve) if len(reserve) else np.zeros(0, bool)
    grades = [reserve_grades[i] for i in np.flatnonzero(present)] if reserve_grades else None
    _, areas = available_reserve(reserve[present], np.asarray(projects, dtype=object), measure)
    reserve_grade, bad = weighted(areas, grades)
    chosen = np.flatnonzero(need)
    occupied, bad_farm = (None, 0)
    if farmland is not None:
        occupied, bad_farm = occupied_grade(projects[chosen], farmland, farmland_grades, measure)
    return ReserveCheck(
        float(np.sum(np.asarray(farm_m2)[chosen])) if len(chosen) else 0.0,
        tuple(int(j) for j in chosen),
        float(areas.sum()),
        reserve_grade,
        occupied,
        int(present.sum()),
        bad + bad_farm,
    )
