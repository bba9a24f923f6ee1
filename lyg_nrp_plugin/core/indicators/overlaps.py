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

from ..geometry import threaded
from ..overlay import interiors_meet as pair_interiors_meet
from .spatial import areas as area_of
from .spatial import present

MIN_OVERLAP_M2 = 0.01  # 10 cm × 10 cm: below it a pair is digitising noise, not an overlap
CHUNK = 20_000  # pairs per thread at least (GEOS predicates run without the GIL)


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


def clean_blocks(
    geoms: np.ndarray, min_area: float = MIN_OVERLAP_M2
) -> tuple[np.ndarray, np.ndarray]:
    """(block of each polygon, or -1 when its block fails :func:`without_overlaps`; mask of the
    polygons whose box crosses a border between blocks). Blocks: a k × k grid over the centres
    of the boxes, about :data:`BLOCK` polygons a cell. Two intersecting polygons of different
    blocks have at least one that crosses a border between their centres (its box reaches the
    other's), so only pairs with a crossing or failed member need the pairwise test."""
    k = max(1, int(np.ceil(np.sqrt(len(geoms) / BLOCK))))
    bounds = shapely.bounds(geoms)
    block = np.zeros(len(geoms), dtype=np.int64)
    crossing = np.zeros(len(geoms), dtype=bool)
    for axis in (0, 1):
        centre = (bounds[:, axis] + bounds[:, axis + 2]) / 2
        low, span = float(centre.min()), max(float(centre.max() - centre.min()), 1e-9)
        block = block * k + np.minimum(((centre - low) / span * k).astype(np.int64), k - 1)
        for m in range(1, k):
            line, eps = low + span * m / k, span * 1e-9
            crossing |= (bounds[:, axis] <= line + eps) & (bounds[:, axis + 2] >= line - eps)
    order = np.argsort(block, kind="stable")
    starts = np.flatnonzero(np.diff(block[order])) + 1
    groups = [m for m in np.split(order, starts) if len(m) >= 2]
    with ThreadPoolExecutor(max_workers=_workers(len(groups))) as pool:  # GEOS frees the GIL
        passed = list(pool.map(lambda m: without_overlaps(geoms[m], min_area), groups))
    for members, ok in zip(groups, passed):
        if not ok:
            block[members] = -1
    return block, crossing


def _workers(tasks: int) -> int:
    return max(1, min(tasks, os.cpu_count() or 1))


def _pairs(geoms: np.ndarray, block: np.ndarray | None, crossing) -> tuple:
    """Pairs (a < b) whose boxes intersect and that need the test: all of them without
    blocks; else those with a member in a failed block or across blocks (one member then
    crosses a border). Boxes only: :func:`interiors_meet` decides, one relate per pair."""
    tree = shapely.STRtree(geoms)
    if block is None:
        a, b = tree.query(geoms)
        return a[a < b], b[a < b]
    probes = np.flatnonzero(crossing | (block < 0))
    i, b = tree.query(geoms[probes])
    a = probes[i]
    test = (a != b) & ((block[a] != block[b]) | (block[a] < 0) | (block[b] < 0))
    a, b = np.minimum(a[test], b[test]), np.maximum(a[test], b[test])
    key = np.unique(a * len(geoms) + b)
    return key // len(geoms), key % len(geoms)


def boxes_overlap(geoms: np.ndarray, a: np.ndarray, b: np.ndarray, min_area: float) -> tuple:
    """The pairs whose bounding boxes overlap by more than ``min_area``: the others cannot
    overlap by more (their intersection lies in the boxes' one), so they need no test —
    e.g. patches that meet at a corner or along a straight edge."""
    box_a, box_b = shapely.bounds(geoms[a]), shapely.bounds(geoms[b])
    width = np.minimum(box_a[:, 2], box_b[:, 2]) - np.maximum(box_a[:, 0], box_b[:, 0])
    height = np.minimum(box_a[:, 3], box_b[:, 3]) - np.maximum(box_a[:, 1], box_b[:, 1])
    keep = np.clip(width, 0, None) * np.clip(height, 0, None) > min_area
    return a[keep], b[keep]


def interiors_meet(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether the interiors of each pair meet (one relate a pair; no separate intersects
    test), in slices over the machine's cores."""
    return threaded(pair_interiors_meet, a, b, min_items=CHUNK)


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
    block = crossing = None
    if coverage and len(valid) >= COVERAGE_MIN:
        block, crossing = clean_blocks(arr[valid], min_area)
        if block.min() >= 0 and block.min() == block.max():  # one block, and it passed
            return Overlaps(none, none, np.empty(0), kept, share, whole)
    a, b = _pairs(arr[valid], block, crossing)  # pairs inside a passed block cannot overlap
    a, b = boxes_overlap(arr, valid[a], valid[b], min_area)
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
