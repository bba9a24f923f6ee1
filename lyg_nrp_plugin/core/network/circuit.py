"""Circuit theory over a corridor (Circuitscape's conventions, pairwise mode).

Cell conductance is 1/r; the conductance of the edge between neighbouring cells is the mean
of the two cells' conductances, divided by √2 on diagonals. The cells of source A are held at
one potential and those of source B grounded (each source is one shorted focal region), 1 A
flows from A to B, and only the given corridor cells take part. The effective resistance is
the potential difference at 1 A. The current through a cell is half the sum of the absolute
currents of its edges plus its injected/grounded current (Circuitscape's node current).

Small systems are solved directly (``spsolve``); large ones with conjugate gradients and a
Jacobi preconditioner (the reduced Laplacian is symmetric positive definite).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import cg, spsolve

from .grid import neighbours, passable, shifted_pairs

DIRECT_LIMIT = 250_000  # free nodes up to which the direct solver is used


@dataclass
class CircuitResult:
    eff_resistance: float
    voltage: np.ndarray  # grid (NaN outside the solved cells), volts at 1 A
    current: np.ndarray  # grid, current through each cell at 1 A (0 outside)


def conductance_laplacian(resistance: np.ndarray, mask: np.ndarray, connectivity: int = 8):
    """Graph Laplacian of the passable cells in ``mask``; returns (L csr, node_of grid)."""
    r = np.asarray(resistance, dtype=np.float64)
    ok = passable(r) & mask
    node_of = np.full(r.shape, -1, dtype=np.int64)
    cells = np.flatnonzero(ok)
    node_of.ravel()[cells] = np.arange(len(cells))
    cond = np.where(ok, 1.0 / np.where(ok, r, 1.0), 0.0)
    rows, cols, vals = [], [], []
    for dr, dc, f in neighbours(connectivity, half=True):
        sa, sb = shifted_pairs(r.shape, dr, dc)
        na, nb = node_of[sa], node_of[sb]
        both = (na >= 0) & (nb >= 0)
        g = 0.5 * (cond[sa][both] + cond[sb][both]) / f
        rows.append(na[both])
        cols.append(nb[both])
        vals.append(g)
    i = np.concatenate(rows) if rows else np.zeros(0, np.int64)
    j = np.concatenate(cols) if cols else np.zeros(0, np.int64)
    g = np.concatenate(vals) if vals else np.zeros(0)
    n = len(cells)
    off = sparse.coo_matrix((np.r_[-g, -g], (np.r_[i, j], np.r_[j, i])), shape=(n, n)).tocsr()
    diag = -np.asarray(off.sum(axis=1)).ravel()
    return (off + sparse.diags(diag)).tocsr(), node_of


def solve_pair(
    resistance: np.ndarray,
    mask: np.ndarray,
    a_mask: np.ndarray,
    b_mask: np.ndarray,
    connectivity: int = 8,
    tol: float = 1e-10,
) -> CircuitResult:
    """Effective resistance, voltages and cell currents for 1 A from ``a_mask`` to ``b_mask``."""
    lap, node_of = conductance_laplacian(resistance, mask, connectivity)
    n = lap.shape[0]
    shape = np.shape(resistance)
    nan_grid = np.full(shape, np.nan)
    zero_grid = np.zeros(shape)
    is_a = np.zeros(n, bool)
    is_b = np.zeros(n, bool)
    na = node_of[a_mask & (node_of >= 0)]
    nb = node_of[b_mask & (node_of >= 0)]
    is_a[na] = True
    is_b[nb] = True
    is_b &= ~is_a
    if not is_a.any() or not is_b.any():
        return CircuitResult(float("inf"), nan_grid, zero_grid)
    # keep the components holding a fixed-potential node (others float and carry no current)
    _, comp = connected_components(lap, directed=False)
    comp_a = np.unique(comp[is_a])
    comp_b = np.unique(comp[is_b])
    if len(np.intersect1d(comp_a, comp_b)) == 0:
        return CircuitResult(float("inf"), nan_grid, zero_grid)
    keep = np.isin(comp, np.union1d(comp_a, comp_b))
    fixed = is_a | is_b
    free = keep & ~fixed
    v = np.zeros(n)
    v[is_a] = 1.0
    if free.any():
        lff = lap[free][:, free].tocsc()
        rhs = -(lap[free][:, is_a] @ np.ones(int(is_a.sum())))
        if free.sum() <= DIRECT_LIMIT:
            v[free] = spsolve(lff, rhs)
        else:
            d = lff.diagonal()
            pre = sparse.diags(1.0 / d)
            sol, info = cg(lff.tocsr(), rhs, tol=tol, atol=0.0, M=pre, maxiter=20 * lff.shape[0])
            if info != 0:
                raise RuntimeError(f"conjugate gradients did not converge (info={info})")
            v[free] = sol
    v[~keep] = np.nan
    flow = lap @ np.nan_to_num(v)  # net current leaving each node at 1 V
    total = float(flow[is_a].sum())
    if total <= 0:
        return CircuitResult(float("inf"), nan_grid, zero_grid)
    r_eff = 1.0 / total
    v = v * r_eff  # 1 A
    flow = flow * r_eff
    # cell current: (sum of |edge currents| + |injected or grounded current|) / 2
    off = lap.tocoo()
    sel = (off.row != off.col) & keep[off.row] & keep[off.col]
    vv = np.nan_to_num(v)
    edge_i = np.abs(-off.data[sel] * (vv[off.row[sel]] - vv[off.col[sel]]))
    node_current = np.bincount(off.row[sel], weights=edge_i, minlength=n)  # each edge once per end
    node_current = 0.5 * (node_current + np.where(fixed, np.abs(flow), 0.0))
    node_current[~keep] = 0.0
    cells = np.flatnonzero(node_of.ravel() >= 0)
    volt = nan_grid.copy().ravel()
    volt[cells] = v
    cur = zero_grid.copy().ravel()
    cur[cells] = node_current
    return CircuitResult(r_eff, volt.reshape(shape), cur.reshape(shape))
