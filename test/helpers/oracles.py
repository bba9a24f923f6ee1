"""Independent computations the tests compare against (never the code under test)."""

from __future__ import annotations

import math

import numpy as np
from scipy import sparse

SQ2 = math.sqrt(2.0)


def oracle_graph(r: np.ndarray, cell: float, connectivity: int = 8):
    """Cell-by-cell graph of the issue's convention: step cost d * (r_a + r_b) / 2."""
    rows, cols = r.shape
    ok = np.isfinite(r) & (r > 0)
    steps = [(-1, 0), (1, 0), (0, -1), (0, 1)]
    if connectivity == 8:
        steps += [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    ii, jj, ww = [], [], []
    for i in range(rows):
        for j in range(cols):
            if not ok[i, j]:
                continue
            for di, dj in steps:
                a, b = i + di, j + dj
                if 0 <= a < rows and 0 <= b < cols and ok[a, b]:
                    d = cell * (SQ2 if di and dj else 1.0)
                    ii.append(i * cols + j)
                    jj.append(a * cols + b)
                    ww.append(d * (r[i, j] + r[a, b]) / 2)
    return sparse.csr_matrix((ww, (ii, jj)), shape=(rows * cols, rows * cols))
