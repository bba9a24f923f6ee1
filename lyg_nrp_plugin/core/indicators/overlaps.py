"""Features of one layer that overlap each other (county seams, merged or hand-edited DLTB).

:func:`find_overlaps` looks over the whole layer with the spatial index (``STRtree``): pairs
whose interiors meet by more than :data:`MIN_OVERLAP_M2`. Each overlap is counted once — the
feature with the lower fid keeps it, as ``farmland_balance`` does for supplementary plots — so
a sum over the features equals the area of their union.

(``core/overlaps.py`` of the red-line review does the same under the projects; the lead folds
the two into one.)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import shapely

from .spatial import areas as area_of
from .spatial import present

MIN_OVERLAP_M2 = 0.01  # 10 cm × 10 cm: below it a pair is digitising noise, not an overlap
CHUNK = 200_000  # pairs per thread task (GEOS predicates run without the GIL)


COVERAGE_MIN = 1_000  # from this many features, first try the coverage test
BLOCK = 50_000  # features per coverage test: GEOS holds the edges of one block at a time


def without_overlaps(geoms: np.ndarray, min_area: float = MIN_OVERLAP_M2) -> bool:
    """True when no pair can overlap by more than ``min_area``: GEOS's coverage union (edge
    matching, no overlay) accepts the polygons, is valid, and its area falls short of the sum
    of theirs by at most ``min_area`` (the union's area is their sum less every overlap).
    False when GEOS refuses (e.g. patches touching at a corner only): the pairwise search
    decides then. One pass over a clean 三调 layer instead of a test per neighbour pair."""
    try:
        merged = shapely.coverage_union_all(geoms)
    except shapely.errors.GEOSException:
        return False
    missing = float(np.sum(shapely.area(geoms))) - float(shapely.area(merged))
    return bool(shapely.is_valid(merged)) and abs(missing) <= min_area


def clean_blocks(geoms: np.ndarray, min_area: float = MIN_OVERLAP_M2) -> np.ndarray:
    """Block of each polygon (a grid over the centres of their boxes, about :data:`BLOCK`
    polygons a cell) when its block passes :func:`without_overlaps`, else -1. Pairs inside
    a passed block need no test; pairs across blocks and inside failed ones still do."""
    k = max(1, int(np.ceil(np.sqrt(len(geoms) / BLOCK))))
    bounds = shapely.bounds(geoms)

    def cell(v: np.ndarray) -> np.ndarray:
        span = max(float(v.max() - v.min()), 1e-9)
        return np.minimum(((v - v.min()) / span * k).astype(np.int64), k - 1)

    block = cell((bounds[:, 0] + bounds[:, 2]) / 2) * k + cell((bounds[:, 1] + bounds[:, 3]) / 2)
    order = np.argsort(block, kind="stable")
    starts = np.flatnonzero(np.diff(block[order])) + 1
    for members in np.split(order, starts):
        if len(members) >= 2 and not without_overlaps(geoms[members], min_area):
            block[members] = -1
    return block


def interiors_meet(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``~touches(a, b)`` of intersecting pairs, in chunks over the machine's cores."""
    if len(a) <= CHUNK:
        return ~shapely.touches(a, b)
    starts = range(0, len(a), CHUNK)
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        parts = pool.map(lambda i: ~shapely.touches(a[i : i + CHUNK], b[i : i + CHUNK]), starts)
        return np.concatenate(list(parts))


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
    geoms: Sequence,
    order: Sequence | None = None,
    min_area: float = MIN_OVERLAP_M2,
    coverage: bool = False,
) -> Overlaps:
    """The overlaps among ``geoms`` (polygons); ``order`` (fids) says who keeps an overlap.

    ``coverage``: the layer should tile the land (三调 DLTB): try :func:`without_overlaps`
    first, block by block (:func:`clean_blocks`; for scattered patches touching at corners
    GEOS refuses it slowly, so not there).
    """
    arr = np.asarray(geoms, dtype=object)
    n = len(arr)
    rank = np.arange(n) if order is None else np.asarray(order)
    whole = area_of(arr)
    kept, share = arr.copy(), np.ones(n)
    none = np.empty(0, dtype=int)
    valid = np.flatnonzero(present(arr))
    if len(valid) < 2:
        return Overlaps(none, none, np.empty(0), kept, share, whole)
    block = None
    if coverage and len(valid) >= COVERAGE_MIN:
        block = clean_blocks(arr[valid], min_area)
        if block.min() >= 0 and block.min() == block.max():  # one block, and it passed
            return Overlaps(none, none, np.empty(0), kept, share, whole)
    tree = shapely.STRtree(arr[valid])
    a, b = tree.query(arr[valid], predicate="intersects")
    a, b = a[a < b], b[a < b]
    if block is not None:  # pairs inside a block that passed cannot overlap
        test = (block[a] != block[b]) | (block[a] < 0)
        a, b = a[test], b[test]
    a, b = valid[a], valid[b]
    inside = interiors_meet(arr[a], arr[b])
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
