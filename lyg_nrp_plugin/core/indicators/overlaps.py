"""Features of one layer that overlap each other (county seams, merged or hand-edited DLTB),
in the form the indicators need: pairs, their areas, and the share of each feature kept.

The geometry work is :func:`lyg_nrp_plugin.core.overlaps.deduplicate` (the one implementation
the red-line, land-use and reserve checks use too): a clean coverage costs one coverage union;
otherwise pairs come from one ``STRtree`` query. Each overlap is counted once — the feature with
the lower fid keeps it — so a sum over the features equals the area of their union.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from ..overlaps import deduplicate

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
    share = np.ones(n)
    result = deduplicate(arr, keys=rank, min_area=min_area)
    pairs = [(e, o.index) for o in result.overlaps for e in o.earlier]
    keepers = np.array([p[0] for p in pairs], dtype=int)
    losers = np.array([p[1] for p in pairs], dtype=int)
    areas = shapely.area(shapely.intersection(arr[keepers], arr[losers])) if pairs else np.empty(0)
    for j in result.trimmed:
        share[j] = float(shapely.area(result.geoms[j]) / whole[j]) if whole[j] > 0 else 0.0
    return Overlaps(keepers, losers, np.asarray(areas, dtype=float), result.geoms, share, whole)
