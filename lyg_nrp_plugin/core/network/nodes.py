"""Network nodes: pinch points, barriers and corridor junctions.

* Pinch points (夹点): cells of a link's corridor (outside the sources) where the link's
  current density is a local maximum within ``radius`` and at least ``min_share`` of the
  link's largest current outside the sources; one point per group of tied cells; the
  strongest ``per_link`` are kept. Score: the current (A at 1 A) through the cell.
* Barriers (障碍点, Barrier Mapper, McRae et al. 2012): restoring a disc of radius R to
  resistance 1 lets a path go from the cheapest CWD_A inside the disc to the cheapest CWD_B
  inside it at a cost of about 2R, so the LCD becomes ``min_disc CWD_A + min_disc CWD_B + 2R``
  (never more than the LCD). Score: the improvement (LCD − that) per metre restored (÷ 2R).
  Local maxima of the score (within R), one per group of tied cells, strongest ``per_link``.
* Junctions (踏脚石/交汇点): groups of cells outside the sources where three or more
  corridors overlap and those links do not all share one source (corridors fanning out of one
  hub source are not a junction). Score: the number of corridors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import ndimage

EIGHT = np.ones((3, 3), dtype=bool)
KIND_ZH = {"pinch": "夹点", "barrier": "障碍点", "junction": "踏脚石/交汇点"}


@dataclass
class NodePoint:
    kind: str  # pinch / barrier / junction
    row: float
    col: float
    score: float
    link_ids: tuple[int, ...]


def disc(radius_cells: int) -> np.ndarray:
    r = max(int(radius_cells), 0)
    y, x = np.mgrid[-r : r + 1, -r : r + 1]
    return (x * x + y * y) <= r * r + 1e-9


def _peaks(
    score: np.ndarray, valid: np.ndarray, radius_cells: int, floor: float, per_link: int
) -> list[tuple[float, float, float]]:
    """(row, col, score) of local maxima of ``score`` over ``valid`` cells (strongest first)."""
    s = np.where(valid, score, -np.inf)
    if not np.isfinite(s).any():
        return []
    local = ndimage.maximum_filter(
        s, footprint=disc(max(radius_cells, 1)), mode="constant", cval=-np.inf
    )
    cand = valid & (s >= local) & (s > floor)
    lab, n = ndimage.label(cand, structure=EIGHT)
    if n == 0:
        return []
    idx = np.arange(1, n + 1)
    best = ndimage.maximum(s, lab, idx)
    centres = ndimage.center_of_mass(cand, lab, idx)
    order = np.argsort(-np.asarray(best), kind="stable")[:per_link]
    out = []
    for k in order:
        # the centre of a tied group may fall outside it: take its cell nearest the centre
        rr, cc = np.nonzero(lab == k + 1)
        m = int(np.argmin((rr - centres[k][0]) ** 2 + (cc - centres[k][1]) ** 2))
        out.append((float(rr[m]), float(cc[m]), float(best[k])))
    return out


def pinch_points(
    current: np.ndarray,
    corridor: np.ndarray,
    sources: np.ndarray,
    radius_cells: int,
    link_id: int,
    per_link: int = 3,
    min_share: float = 0.5,
) -> list[NodePoint]:
    valid = corridor & (sources == 0) & (current > 0)
    if not valid.any():
        return []
    floor = min_share * float(current[valid].max())
    return [
        NodePoint("pinch", r, c, s, (link_id,))
        for r, c, s in _peaks(current, valid, radius_cells, floor - 1e-15, per_link)
    ]


def barrier_scores(
    cwd_a: np.ndarray, cwd_b: np.ndarray, lcd: float, radius_cells: int, cell_size: float
) -> np.ndarray:
    """Improvement in LCD per metre restored for a disc of radius R centred on each cell."""
    fp = disc(radius_cells)
    big = np.float64(np.finfo(np.float32).max)
    min_a = ndimage.minimum_filter(
        np.where(np.isfinite(cwd_a), cwd_a, big).astype(np.float64),
        footprint=fp,
        mode="constant",
        cval=big,
    )
    min_b = ndimage.minimum_filter(
        np.where(np.isfinite(cwd_b), cwd_b, big).astype(np.float64),
        footprint=fp,
        mode="constant",
        cval=big,
    )
    diameter = 2.0 * radius_cells * cell_size
    restored = min_a + min_b + diameter
    gain = np.maximum(lcd - restored, 0.0)
    return gain / max(diameter, cell_size)


def barriers(
    cwd_a: np.ndarray,
    cwd_b: np.ndarray,
    lcd: float,
    radius_cells: int,
    cell_size: float,
    region: np.ndarray,
    sources: np.ndarray,
    link_id: int,
    per_link: int = 3,
) -> list[NodePoint]:
    score = barrier_scores(cwd_a, cwd_b, lcd, radius_cells, cell_size)
    valid = region & (sources == 0)
    return [
        NodePoint("barrier", r, c, s, (link_id,))
        for r, c, s in _peaks(score, valid, radius_cells, 0.0, per_link)
    ]


def junctions(
    corridors: list[tuple[int, int, int, np.ndarray]],
    shape,
    sources: np.ndarray,
    link_ends: dict[int, tuple[int, int]],
) -> list[NodePoint]:
    """``corridors``: (link_id, row0, col0, mask) cropped masks."""
    count = np.zeros(shape, dtype=np.int32)
    for _, r0, c0, m in corridors:
        count[r0 : r0 + m.shape[0], c0 : c0 + m.shape[1]] += m
    cand = (count >= 3) & (sources == 0)
    lab, n = ndimage.label(cand, structure=EIGHT)
    out = []
    for k, box in enumerate(ndimage.find_objects(lab), start=1):
        r_lo, r_hi, c_lo, c_hi = box[0].start, box[0].stop, box[1].start, box[1].stop
        group = lab[box] == k
        rr, cc = np.nonzero(group)
        rr, cc = rr + r_lo, cc + c_lo
        ids = []
        for link_id, r0, c0, m in corridors:
            a0, a1 = max(r_lo, r0), min(r_hi, r0 + m.shape[0])
            b0, b1 = max(c_lo, c0), min(c_hi, c0 + m.shape[1])
            if a0 >= a1 or b0 >= b1:
                continue
            sub = (
                m[a0 - r0 : a1 - r0, b0 - c0 : b1 - c0]
                & group[a0 - r_lo : a1 - r_lo, b0 - c_lo : b1 - c_lo]
            )
            if sub.any():
                ids.append(link_id)
        common = set(link_ends[ids[0]]) if ids else set()
        for i in ids[1:]:
            common &= set(link_ends[i])
        if len(ids) < 3 or common:
            continue
        m = int(np.argmax(count[rr, cc]))
        out.append(
            NodePoint("junction", float(rr[m]), float(cc[m]), float(len(ids)), tuple(sorted(ids)))
        )
    return out
