"""Overlapping supplementary plots count their overlap once: plots are taken in fid order, the
first (lower fid) keeps the land, a later plot is trimmed by the union of the earlier kept
plots and the trimmed part is flagged ``overlap``. Overlaps below ``min_area`` are ignored."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..geometry import polygonal_part
from ..progress import Progress, report
from .model import AreaFunction, FlaggedPlot
from .plots import Plots

CHECK_EVERY = 200  # plots between two progress reports (and cancel checks)


@dataclass
class Credited:
    """Per supplementary plot: the credited part and its area (None / 0 when excluded)."""

    geoms: np.ndarray
    area: np.ndarray
    flagged: list[FlaggedPlot]  # the trimmed parts


def trim_overlaps(
    plots: Plots,
    excluded: np.ndarray,
    min_area: float,
    area_fn: AreaFunction,
    progress: Progress | None = None,
) -> Credited:
    """Credit each plot that is not ``excluded`` with what earlier (lower fid) plots left.

    A trimmed plot keeps the share of its area field that its geometry keeps. Raises
    :class:`~..progress.Canceled` when ``progress`` is canceled.
    """
    n_sup = len(plots)
    s_fids, s_geoms = plots.fids, plots.geoms
    credited_geoms = np.array([None] * n_sup, dtype=object)
    credited_area = np.zeros(n_sup, dtype=float)
    flagged: list[FlaggedPlot] = []
    kept = np.flatnonzero(~excluded)
    order = kept[np.argsort(s_fids[kept], kind="stable")]
    rank = np.full(n_sup, -1)
    rank[order] = np.arange(len(order))
    tree = shapely.STRtree(s_geoms[order]) if len(order) else None
    for k, i in enumerate(order):
        if k % CHECK_EVERY == 0:
            report(progress, k / len(order))
        geom = s_geoms[i]
        credited_geoms[i] = geom
        credited_area[i] = plots.plot_area[i]
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
        fraction = 0.0 if plots.geom_area[i] <= 0 else overlap_geom_area / plots.geom_area[i]
        trimmed_m2 = plots.plot_area[i] * min(1.0, fraction)
        credited_geoms[i] = remaining if not remaining.is_empty else None
        credited_area[i] = plots.plot_area[i] - trimmed_m2
        touching = [
            int(s_fids[j])
            for j in earlier
            if shapely.area(shapely.intersection(geom, s_geoms[j])) > 0
        ]
        flagged.append(
            FlaggedPlot(
                fid=int(s_fids[i]),
                group=plots.group[i],
                dlbm=plots.codes[i],
                grade=plots.grades[i],
                slope=plots.slope[i],
                reasons=("overlap",),
                plot_m2=float(plots.plot_area[i]),
                excluded_m2=float(trimmed_m2),
                credited_m2=float(credited_area[i]),
                geometry=overlap,
                overlaps=tuple(sorted(touching)),
            )
        )
    return Credited(credited_geoms, credited_area, flagged)
