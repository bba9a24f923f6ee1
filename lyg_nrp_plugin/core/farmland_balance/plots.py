"""The supplementary plots and the exclusion rules: a plot that is not cultivated land, has no
grade, is too steep, has an unreadable or negative area or KCXS, or lies in the red line or a
protected area (by at least ``min_area``) is excluded as a whole and flagged with every reason
that applies."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..values import KcxsColumn, read_kcxs, read_numbers
from .model import REASON_ORDER, AreaFunction, FlaggedPlot, Supplement
from .values import farm_paddy, group_key, land_codes, parse_grades, parse_slope_level


@dataclass
class Plots:
    """The supplementary plots as read: codes, grades, slopes, groups and areas."""

    fids: np.ndarray
    geoms: np.ndarray
    codes: list[str | None]
    farm: np.ndarray
    paddy: np.ndarray
    grades: list[float | None]
    slope: list[int | None]
    slope_unknown: int  # plots whose slope level could not be read (not checked)
    group: list[str]
    geom_area: np.ndarray
    plot_area: np.ndarray  # the area field where given, else the geometry area (gross)
    kcxs: np.ndarray  # 田坎系数 as fractions (0 where not given)
    kcxs_unit: str = ""  # "fraction" / "percent"; "" when the layer has no KCXS
    bad: dict[int, str] | None = None  # plot index -> why its area or KCXS cannot be used

    def __len__(self) -> int:
        return len(self.geoms)

    def net(self, gross: np.ndarray | float, i: int) -> np.ndarray | float:
        """Net of 田坎: gross × (1 − KCXS) of plot ``i``."""
        return gross * (1.0 - self.kcxs[i])


def _bad_values(supplement: Supplement, kcxs: KcxsColumn) -> tuple[np.ndarray, dict[int, str]]:
    """The declared areas (NaN when not given) and the plots whose area or KCXS is unusable."""
    n = len(supplement.geoms)
    bad: dict[int, str] = {}
    areas = np.full(n, np.nan)
    if supplement.area_m2 is not None:
        column = read_numbers(supplement.area_m2)
        areas = column.values
        field = supplement.area_field or "area"
        for i in column.invalid + column.negative:
            bad[i] = f"面积字段 {field} 的值 {supplement.area_m2[i]!r} 不是非负数"
    for i in kcxs.invalid:
        note = f"田坎系数 {supplement.kcxs_field} 的值 {supplement.kcxs[i]!r} 无效"
        bad[i] = f"{bad[i]}；{note}" if i in bad else note
    return areas, bad


def read_plots(supplement: Supplement, area_fn: AreaFunction) -> Plots:
    """Parse the plots' attributes (a grade outside 1–15 raises) and measure them."""
    s_geoms = np.asarray(supplement.geoms, dtype=object)
    n_sup = len(s_geoms)
    s_fids = np.asarray(supplement.fids, dtype=np.int64)
    s_codes = land_codes(supplement.dlbm)
    s_farm, s_paddy = farm_paddy(s_codes)
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
    kcxs = read_kcxs(supplement.kcxs) if supplement.kcxs is not None else None
    declared, bad = _bad_values(supplement, kcxs or KcxsColumn(np.zeros(0), ""))
    s_plot_area = np.where(np.isnan(declared) | (declared < 0), s_geom_area, declared)
    return Plots(
        s_fids,
        s_geoms,
        s_codes,
        s_farm,
        s_paddy,
        s_grade_list,
        s_slope,
        slope_unknown,
        s_group,
        s_geom_area,
        s_plot_area,
        kcxs.fractions if kcxs is not None else np.zeros(n_sup),
        kcxs.unit if kcxs is not None else "",
        bad,
    )


def overlaps_area(
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


def flag_plots(
    plots: Plots,
    eco_redline: shapely.Geometry | None,
    protected_areas: shapely.Geometry | None,
    max_slope_level: int,
    min_area: float,
    area_fn: AreaFunction,
) -> tuple[np.ndarray, list[FlaggedPlot]]:
    """The excluded plots (mask) and one :class:`FlaggedPlot` per excluded plot."""
    n_sup = len(plots)
    reasons: list[list[str]] = [[] for _ in range(n_sup)]
    for i in range(n_sup):
        if not plots.farm[i]:
            reasons[i].append("not_farmland")
        if plots.grades[i] is None:
            reasons[i].append("no_grade")
        if plots.slope[i] is not None and plots.slope[i] > max_slope_level:
            reasons[i].append("slope")
        if i in plots.bad:
            reasons[i].append("bad_value")
    everything = np.ones(n_sup, dtype=bool)
    inside = {
        "eco_redline": overlaps_area(plots.geoms, eco_redline, area_fn, everything),
        "protected_area": overlaps_area(plots.geoms, protected_areas, area_fn, everything),
    }
    for key, areas in inside.items():
        for i in np.flatnonzero((areas > 0) & (areas >= min_area)):
            reasons[i].append(key)

    flagged: list[FlaggedPlot] = []
    excluded = np.array([bool(r) for r in reasons], dtype=bool)
    for i in np.flatnonzero(excluded):
        flagged.append(
            FlaggedPlot(
                fid=int(plots.fids[i]),
                group=plots.group[i],
                dlbm=plots.codes[i],
                grade=plots.grades[i],
                slope=plots.slope[i],
                reasons=tuple(r for r in REASON_ORDER if r in reasons[i]),
                plot_m2=float(plots.plot_area[i]),
                excluded_m2=float(plots.plot_area[i]),
                credited_m2=0.0,
                geometry=plots.geoms[i],
                inside_m2={
                    k: float(v[i]) for k, v in inside.items() if v[i] > 0 and v[i] >= min_area
                },
                notes={"bad_value": plots.bad[i]} if i in plots.bad else {},
            )
        )
    return excluded, flagged
