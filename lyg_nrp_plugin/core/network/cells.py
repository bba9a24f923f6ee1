"""How many cells a grid over an extent has, and the automatic cell size (no qgis).

``ecological_network`` with ``CELL_SIZE`` 0 takes the smallest round cell size whose grid keeps
at most :data:`AUTO_MAX_CELLS` cells; its Desktop dialog shows the same figure before the run.
"""

from __future__ import annotations

import math

AUTO_MAX_CELLS = 1_000_000
ROUND_CELLS = (1, 2, 5, 10, 20, 25, 30, 40, 50, 60, 75, 100, 120, 150, 200, 250, 300, 400)
ROUND_CELLS += (500, 600, 750, 1000, 1500, 2000, 2500, 5000, 10000)

Bounds = tuple[float, float, float, float]


def cells_of(bounds: Bounds, cell: float) -> int:
    return math.ceil((bounds[2] - bounds[0]) / cell) * math.ceil((bounds[3] - bounds[1]) / cell)


def grid_shape(bounds: Bounds, cell: float) -> tuple[int, int]:
    """(columns, rows) of a grid of ``cell`` over ``bounds``."""
    return math.ceil((bounds[2] - bounds[0]) / cell), math.ceil((bounds[3] - bounds[1]) / cell)


def auto_cell_size(bounds: Bounds, limit: int = AUTO_MAX_CELLS) -> float:
    """The smallest of :data:`ROUND_CELLS` whose grid over ``bounds`` has ≤ ``limit`` cells
    (one cell more each way for the snapping)."""
    width, height = bounds[2] - bounds[0], bounds[3] - bounds[1]
    for cell in ROUND_CELLS:
        if (math.ceil(width / cell) + 1) * (math.ceil(height / cell) + 1) <= limit:
            return float(cell)
    return float(ROUND_CELLS[-1])
