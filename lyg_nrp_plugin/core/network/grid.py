"""Grid graphs over a resistance array (8- or 4-neighbour) for cost distance.

Conventions (shared with :mod:`.circuit` and the tests): a cell is passable when its
resistance is finite and > 0; the cost of a step between neighbouring cells a and b is
``d * (r_a + r_b) / 2`` with ``d`` = cell size (orthogonal) or cell size × √2 (diagonal).
Nodes are the passable cells in row-major order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import sparse

SQRT2 = math.sqrt(2.0)

# (row offset, column offset, distance factor); the full neighbourhood, in a fixed order
NEIGHBOURS_8 = (
    (-1, -1, SQRT2),
    (-1, 0, 1.0),
    (-1, 1, SQRT2),
    (0, -1, 1.0),
    (0, 1, 1.0),
    (1, -1, SQRT2),
    (1, 0, 1.0),
    (1, 1, SQRT2),
)
NEIGHBOURS_4 = ((-1, 0, 1.0), (0, -1, 1.0), (0, 1, 1.0), (1, 0, 1.0))
# half neighbourhoods (each undirected edge once)
HALF_8 = ((0, 1, 1.0), (1, -1, SQRT2), (1, 0, 1.0), (1, 1, SQRT2))
HALF_4 = ((0, 1, 1.0), (1, 0, 1.0))


def neighbours(connectivity: int, half: bool = False):
    if connectivity not in (4, 8):
        raise ValueError("connectivity must be 4 or 8")
    if half:
        return HALF_8 if connectivity == 8 else HALF_4
    return NEIGHBOURS_8 if connectivity == 8 else NEIGHBOURS_4


def passable(resistance: np.ndarray) -> np.ndarray:
    r = np.asarray(resistance, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.isfinite(r) & (r > 0)


def shifted_pairs(shape, dr: int, dc: int):
    """Slices (a, b) so that ``arr[a]`` and ``arr[b]`` are cells and their (dr, dc) neighbours."""
    rows, cols = shape
    ra = slice(max(0, -dr), rows - max(0, dr))
    rb = slice(max(0, dr), rows - max(0, -dr))
    ca = slice(max(0, -dc), cols - max(0, dc))
    cb = slice(max(0, dc), cols - max(0, -dc))
    return (ra, ca), (rb, cb)


@dataclass
class GridGraph:
    """A directed CSR graph (both directions stored) of the passable cells."""

    shape: tuple[int, int]
    cell_size: float
    connectivity: int
    node_of: np.ndarray  # int32 grid: node index of each cell, -1 when impassable
    cell_of: np.ndarray  # int64: flat cell index of each node
    matrix: sparse.csr_matrix

    @property
    def n_nodes(self) -> int:
        return len(self.cell_of)

    def to_grid(self, values: np.ndarray, fill=np.inf, dtype=None) -> np.ndarray:
        """Node values back onto the grid (``fill`` where impassable)."""
        dtype = dtype or values.dtype
        out = np.full(self.shape[0] * self.shape[1], fill, dtype=dtype)
        out[self.cell_of] = values
        return out.reshape(self.shape)

    def nodes_of_mask(self, mask: np.ndarray) -> np.ndarray:
        nodes = self.node_of[mask]
        return nodes[nodes >= 0].astype(np.int32)


def build_cost_graph(resistance: np.ndarray, cell_size: float, connectivity: int = 8) -> GridGraph:
    """The cost graph of :mod:`.grid`'s conventions, built without Python loops over cells."""
    r = np.asarray(resistance, dtype=np.float64)
    ok = passable(r)
    rows, cols = r.shape
    node_of = np.full(r.shape, -1, dtype=np.int32)
    cell_of = np.flatnonzero(ok)
    node_of.ravel()[cell_of] = np.arange(len(cell_of), dtype=np.int32)
    n = len(cell_of)
    offsets = neighbours(connectivity)
    k = len(offsets)
    nbr = np.full((n, k), -1, dtype=np.int32)
    wgt = np.zeros((n, k), dtype=np.float64)
    rr = np.where(ok, r, 0.0)
    for j, (dr, dc, f) in enumerate(offsets):
        a, b = shifted_pairs(r.shape, dr, dc)
        na = node_of[a]
        nb = node_of[b]
        both = (na >= 0) & (nb >= 0)
        src = na[both]
        nbr[src, j] = nb[both]
        wgt[src, j] = (cell_size * f * 0.5) * (rr[a][both] + rr[b][both])
    valid = nbr >= 0
    counts = valid.sum(axis=1)
    indptr = np.zeros(n + 1, dtype=np.int64 if valid.sum() > 2**31 - 1 else np.int32)
    np.cumsum(counts, out=indptr[1:])
    indices = nbr[valid]
    data = wgt[valid]
    del nbr, wgt, valid
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(n, n))
    return GridGraph((rows, cols), float(cell_size), connectivity, node_of, cell_of, matrix)
