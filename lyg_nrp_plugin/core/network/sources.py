"""Ecological sources from a habitat (foreground) mask, MSPA-style.

Patches are 8-connected groups of foreground cells. With ``edge_width_m`` > 0 only the MSPA
*core* is kept: the foreground eroded by ``round(edge_width / cell_size)`` cells with the 3×3
(8-connectivity) structuring element, i.e. cells farther than the edge width (chessboard
distance) from non-habitat. The study-area border does not count as an edge. Patches smaller
than ``min_area_m2`` are dropped; the rest are numbered 1..n by decreasing area.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage

EIGHT = np.ones((3, 3), dtype=bool)


def msp_core(mask: np.ndarray, cell_size: float, edge_width_m: float) -> np.ndarray:
    cells = int(round(edge_width_m / cell_size)) if edge_width_m and edge_width_m > 0 else 0
    if cells == 0:
        return mask.astype(bool)
    return ndimage.binary_erosion(mask, structure=EIGHT, iterations=cells, border_value=1)


def derive_sources(
    mask: np.ndarray, cell_size: float, min_area_m2: float, edge_width_m: float = 0.0
) -> tuple[np.ndarray, np.ndarray]:
    """Label grid (0 none, 1..n by decreasing area) and the areas in m² of labels 1..n."""
    fg = msp_core(np.asarray(mask, dtype=bool), cell_size, edge_width_m)
    lab, n = ndimage.label(fg, structure=EIGHT)
    if n == 0:
        return np.zeros(fg.shape, np.int32), np.zeros(0)
    counts = np.bincount(lab.ravel(), minlength=n + 1)[1:]
    areas = counts * float(cell_size) ** 2
    keep = np.flatnonzero(areas >= min_area_m2 - 1e-9)
    order = keep[np.argsort(-areas[keep], kind="stable")]
    remap = np.zeros(n + 1, dtype=np.int32)
    remap[order + 1] = np.arange(1, len(order) + 1, dtype=np.int32)
    return remap[lab], areas[order]
