"""Features of one layer that overlap each other (county seams, merged or hand-edited DLTB).

:func:`find_overlaps` looks over the whole layer with the spatial index (``STRtree``): pairs
whose interiors meet by more than :data:`MIN_OVERLAP_M2`. Each overlap is counted once — the
feature with the lower fid keeps it, as ``farmland_balance`` does for supplementary plots — so
a sum over the features equals the area of their union.

(``core/overlaps.py`` of the red-line review does the same under the projects; the lead folds
the two into one.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

MIN_OVERLAP_M2 = 0.01  # 10 cm × 10 cm: below it a pair is digitising noise, not an overlap


@dataclass
class Overlaps:
    """The overlapping pairs of a layer and what each feature keeps."""

    keepers: np.ndarray  # position of the feature that keeps each overlap (lower fid)
    losers: np.ndarray  # position of the other one
    areas: np.ndarray  # overlap area of each pair, m²
    kept: np.ndarray  # per feature: its geometry less what lower-fid features already cover
    share: np.ndarray  # per feature: area(kept) / area(geometry); 1.0 without overlaps
    whole: np.ndarray  # per feature: area of its geometry, m²

    def __len__(self) -> int:
        return len(self.areas)

    @property
    def double_counted(self) -> float:
        """m² that a plain sum over the features counts more than once."""
        return float(np.sum(self.whole * (1.0 - self.share)))


def find_overlaps(
    geoms: Sequence, order: Sequence | None = None, min_area: float = MIN_OVERLAP_M2
) -> Overlaps:
    """The overlaps among ``geoms`` (polygons); ``order`` (fids) says who keeps an overlap."""
    arr = np.asarray(geoms, dtype=object)
    n = len(arr)
    rank = np.arange(n) if order is None else np.asarray(order)
    whole = np.array([0.0 if g is None else shapely.area(g) for g in arr], dtype=float)
    kept, share = arr.copy(), np.ones(n)
    none = np.empty(0, dtype=int)
    valid = np.flatnonzero([g is not None and not g.is_empty for g in arr])
    if len(valid) < 2:
        return Overlaps(none, none, np.empty(0), kept, share, whole)
    tree = shapely.STRtree(arr[valid])
    a, b = tree.query(arr[valid], predicate="intersects")
    a, b = valid[a], valid[b]
    a, b = a[a < b], b[a < b]
    inside = ~shapely.touches(arr[a], arr[b])  # interiors meet
    a, b = a[inside], b[inside]
    areas = shapely.area(shapely.intersection(arr[a], arr[b]))
    big = areas > min_area
    a, b, areas = a[big], b[big], areas[big]
    swap = rank[a] > rank[b]
    keepers, losers = np.where(swap, b, a), np.where(swap, a, b)
    for j in np.unique(losers):
        kept[j] = shapely.difference(arr[j], shapely.union_all(arr[keepers[losers == j]]))
        share[j] = float(shapely.area(kept[j]) / whole[j]) if whole[j] > 0 else 0.0
    return Overlaps(keepers, losers, areas, kept, share, whole)
