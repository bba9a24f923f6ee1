"""What each supplementary plot is credited — the one implementation shared by the balance
sheet (:func:`~.balance.farmland_balance`) and the ledger (``lyg_nrp:ledger_credit``).

Order of the rules: whole-plot exclusions (not 01xx, no grade, slope, unusable area or KCXS,
red line, protected area; then, with a base layer, a refused source or land outside the base
layer), overlaps between plots (the lower fid keeps the land), then each remaining part by its
base land use (:mod:`.newness`). Every credit is net of 田坎: gross × (1 − KCXS).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..progress import Progress, report
from ..units import M2_PER_MU
from .capacity import CapacityTable
from .model import (
    REASON_ORDER,
    AreaFunction,
    BalanceInputError,
    BaseLanduse,
    FlaggedPlot,
    Part,
    Supplement,
)
from .newness import classify_plots, read_base
from .overlaps import trim_overlaps
from .plots import Plots, flag_plots, read_plots
from .sources import SourceRules, load_source_rules


@dataclass
class Credits:
    """Per plot (in the Supplement's order): net m² of new quantity, of paddy (new paddy and
    旱改水), of upgrade only, and kg of capacity (new land and gains); and how they came about."""

    plots: Plots
    qty_m2: np.ndarray
    paddy_m2: np.ndarray
    upg_m2: np.ndarray
    cap_kg: np.ndarray
    geoms: np.ndarray  # the credited land of each plot (None when nothing is credited)
    parts: list[Part]
    flagged: list[FlaggedPlot]
    verified: bool  # newness was checked against a base layer
    base_grade_missing: int = 0  # 01xx parts without a base grade (no capacity gain)

    @property
    def credited_m2(self) -> np.ndarray:
        return self.qty_m2 + self.upg_m2

    @property
    def grade(self) -> np.ndarray:
        return np.array([np.nan if g is None else g for g in self.plots.grades], dtype=float)


def credit_plots(
    supplement: Supplement,
    capacity: CapacityTable,
    base: BaseLanduse | None = None,
    rules: SourceRules | None = None,
    eco_redline: shapely.Geometry | None = None,
    protected_areas: shapely.Geometry | None = None,
    max_slope_level: int = 4,
    min_area: float = 1.0,
    area_fn: AreaFunction = shapely.area,
    progress: Progress | None = None,
) -> Credits:
    """The credits of every plot (see the module docstring). Without ``base`` every credited
    part counts as new (newness not verified). Raises :class:`~..progress.Canceled`."""
    plots = read_plots(supplement, area_fn)
    excluded, flagged = flag_plots(
        plots, eco_redline, protected_areas, max_slope_level, min_area, area_fn
    )
    report(progress, 0.05)
    newness = None
    if base is not None:
        sub = progress.sub(0.05, 0.45) if progress else None
        newness = classify_plots(
            plots.geoms,
            np.ones(len(plots), dtype=bool),  # excluded plots too: their base is reported
            plots.codes,
            plots.grades,
            read_base(base),
            rules or load_source_rules(),
            min_area,
            area_fn,
            sub,
        )
        _add_base_reasons(plots, excluded, flagged, newness)
    trimmed = trim_overlaps(
        plots, excluded, min_area, area_fn, progress.sub(0.45, 0.9) if progress else None
    )
    flagged += trimmed.flagged
    parts = _parts(plots, trimmed.geoms, newness, area_fn)
    credits = _credit(plots, parts, capacity)
    flagged += _not_new(plots, parts)
    index = {int(fid): i for i, fid in enumerate(plots.fids)}
    for item in flagged:
        item.credited_m2 = float(credits.credited_m2[index[item.fid]])
    flagged.sort(key=lambda f: (f.fid, f.reasons[0] in ("overlap", "not_new"), f.reasons))
    credits.flagged = flagged
    credits.verified = base is not None
    report(progress, 1.0)
    return credits


def _add_base_reasons(plots: Plots, excluded: np.ndarray, flagged: list, newness) -> None:
    """Exclude the plots on refused or uncovered base land; a plot excluded already gets the
    reason added (every reason that applies is listed) and the base codes found under it."""
    earlier = {f.fid: f for f in flagged}
    for i in range(len(plots)):
        codes = tuple(
            sorted({newness.base.codes[j] or "" for j, *_ in newness.pieces[i] if j >= 0})
        )
        reason, note = None, ""
        if i in newness.excluded:
            reason, codes, note = newness.excluded[i]
        item = earlier.get(int(plots.fids[i])) if excluded[i] else None
        if item is not None:
            item.base_codes = codes
            if reason is not None:
                item.reasons = tuple(r for r in REASON_ORDER if r in (*item.reasons, reason))
                item.notes[reason] = note
        elif reason is not None:
            excluded[i] = True
            flagged.append(_whole(plots, i, reason, codes, note))


def _whole(plots: Plots, i: int, reason: str, codes, note: str) -> FlaggedPlot:
    return FlaggedPlot(
        fid=int(plots.fids[i]),
        group=plots.group[i],
        dlbm=plots.codes[i],
        grade=plots.grades[i],
        slope=plots.slope[i],
        reasons=(reason,),
        plot_m2=float(plots.plot_area[i]),
        excluded_m2=float(plots.plot_area[i]),
        credited_m2=0.0,
        geometry=plots.geoms[i],
        base_codes=tuple(codes),
        notes={reason: note},
    )


def _parts(plots: Plots, geoms: np.ndarray, newness, area_fn: AreaFunction) -> list[Part]:
    """The credited land of each plot, cut by the base (or whole, without a base)."""
    parts: list[Part] = []
    for i in np.flatnonzero([g is not None for g in geoms]):
        geom = geoms[i]
        if newness is None:
            whole = geom is plots.geoms[i]
            area = plots.geom_area[i] if whole else area_fn(np.array([geom], dtype=object))[0]
            pieces = [(-1, geom, float(area), "new")]
        elif geom is plots.geoms[i]:
            pieces = newness.pieces[i]
        else:  # trimmed for an overlap: keep what is left of each piece
            cut = [(j, shapely.intersection(g, geom), k) for j, g, _, k in newness.pieces[i]]
            areas = area_fn(np.array([g for _, g, _ in cut], dtype=object)) if cut else []
            pieces = [(j, g, float(a), k) for (j, g, k), a in zip(cut, areas) if a > 1e-9]
        share = plots.plot_area[i] / plots.geom_area[i] if plots.geom_area[i] > 0 else 0.0
        for j, piece, area, klass in pieces:
            gross = area * share
            based = j >= 0 and newness is not None
            parts.append(
                Part(
                    plot=int(i),
                    fid=int(plots.fids[i]),
                    group=plots.group[i],
                    base_fid=int(newness.base.fids[j]) if based else None,
                    base_code=newness.base.codes[j] if based else None,
                    base_grade=newness.base.grades[j] if based else None,
                    klass=klass,
                    geometry=piece,
                    gross_m2=gross,
                    net_m2=float(plots.net(gross, i)),
                    plot_code=plots.codes[i],
                    plot_grade=plots.grades[i],
                )
            )
    return parts


def _credit(plots: Plots, parts: list[Part], capacity: CapacityTable) -> Credits:
    """Fill each part's credits and sum them per plot."""
    needed = [plots.grades[p.plot] for p in parts if p.klass != "not_new"]
    needed += [p.base_grade for p in parts if p.klass.endswith("upgrade")]
    missing = capacity.missing_for([g for g in needed if g is not None])
    if missing:
        raise BalanceInputError(
            "capacity_missing_grade",
            f"capacity table {capacity.source} has no grade(s) {missing}",
            table=capacity.source,
            grades=", ".join(map(str, missing)),
        )
    n = len(plots)
    qty, paddy, upg, cap = (np.zeros(n) for _ in range(4))
    geoms = np.array([None] * n, dtype=object)
    credited: dict[int, list] = {}
    base_grade_missing = 0
    for p in parts:
        kg_plot = capacity.capacity(plots.grades[p.plot]) if p.klass != "not_new" else 0.0
        mu = p.net_m2 / M2_PER_MU
        if p.klass == "new":
            p.qty_m2 = p.net_m2
            p.paddy_m2 = p.net_m2 if plots.paddy[p.plot] else 0.0
            p.cap_kg = mu * kg_plot
        elif p.klass in ("paddy_upgrade", "quality_upgrade"):
            p.upg_m2 = p.net_m2
            p.paddy_m2 = p.net_m2 if p.klass == "paddy_upgrade" else 0.0
            if p.base_grade is None:
                base_grade_missing += 1
            else:
                p.cap_kg = mu * max(0.0, kg_plot - capacity.capacity(p.base_grade))
        elif p.klass == "not_new" and p.base_grade is None and p.base_code is not None:
            base_grade_missing += int(p.base_code[:2] == "01")
        qty[p.plot] += p.qty_m2
        paddy[p.plot] += p.paddy_m2
        upg[p.plot] += p.upg_m2
        cap[p.plot] += p.cap_kg
        if p.qty_m2 > 0 or p.upg_m2 > 0:
            credited.setdefault(p.plot, []).append(p.geometry)
    for i, pieces in credited.items():
        geoms[i] = pieces[0] if len(pieces) == 1 else shapely.union_all(pieces)
    return Credits(plots, qty, paddy, upg, cap, geoms, parts, [], False, base_grade_missing)


def _not_new(plots: Plots, parts: list[Part]) -> list[FlaggedPlot]:
    """One flag per plot for its 01xx parts that add nothing (非新增耕地)."""
    by_plot: dict[int, list[Part]] = {}
    for p in parts:
        if p.klass == "not_new":
            by_plot.setdefault(p.plot, []).append(p)
    flagged = []
    for i, items in sorted(by_plot.items()):
        codes = tuple(sorted({p.base_code or "" for p in items}))
        gross = sum(p.gross_m2 for p in items)
        geometry = shapely.union_all([p.geometry for p in items])
        note = (
            f"基期已是耕地（{'、'.join(codes)}），{gross:,.2f} 平方米未旱改水、未提高等别，不计新增"
        )
        flag = _whole(plots, i, "not_new", codes, note)
        flag.excluded_m2 = gross
        flag.geometry = geometry
        flagged.append(flag)
    return flagged
