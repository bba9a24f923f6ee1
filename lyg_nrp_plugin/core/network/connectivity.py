"""Connectivity indices of a patch network.

* IIC — integral index of connectivity (Pascual-Hortal & Saura 2006):
  ``IIC = Σ_i Σ_j a_i a_j / (1 + nl_ij) / A_L²`` with ``nl_ij`` the number of links on the
  shortest (fewest-links) path between i and j; pairs not connected add 0; i = j adds a_i².
* PC — probability of connectivity (Saura & Pascual-Hortal 2007):
  ``PC = Σ_i Σ_j a_i a_j p*_ij / A_L²`` with ``p*_ij`` the maximum product of direct
  probabilities over all paths, ``p_ij = exp(−k d_ij)`` and ``k = −ln(P) / D`` so that the
  probability is ``P`` at the distance threshold ``D``; ``p*_ii = 1``.
* dPC_k = 100 × (PC − PC_without_k) / PC (the landscape area A_L stays the same).
* Graph indices (planar network analysis): α = (L − V + 1)/(2V − 5) (closure),
  β = L/V, γ = L/(3(V − 2)) (connectivity), for V ≥ 3 nodes.

Links are given as ``(i, j, d)`` with 0-based node indices and a (cost-weighted) distance. IIC
uses the links with ``d ≤ D`` (all links when D is None); PC uses every link's probability.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import shortest_path

from ..progress import Progress, report

TINY = 1e-300  # csgraph treats a stored 0 as "no edge": zero-length links get this instead


@dataclass
class Connectivity:
    iic: float
    pc: float
    dpc: np.ndarray  # percent, one per node
    alpha: float
    beta: float
    gamma: float


def _paths(n: int, links, weight) -> np.ndarray:
    if n == 0:
        return np.zeros((0, 0))
    rows = [i for i, j, _ in links]
    cols = [j for i, j, _ in links]
    w = [max(weight(d), TINY) for *_, d in links]
    m = sparse.csr_matrix((w, (rows, cols)), shape=(n, n))
    return shortest_path(m, method="D", directed=False)


def iic_index(areas, links, landscape_area: float, dist_threshold: float | None = None) -> float:
    a = np.asarray(areas, dtype=float)
    chosen = [lk for lk in links if dist_threshold is None or lk[2] <= dist_threshold]
    nl = _paths(len(a), chosen, lambda d: 1.0)
    with np.errstate(divide="ignore"):
        nl = np.rint(nl)  # TINY never matters for unit weights
    inv = np.where(np.isfinite(nl), 1.0 / (1.0 + nl), 0.0)
    return float(a @ inv @ a / landscape_area**2)


def decay(dist_threshold: float, probability: float) -> float:
    if not (0 < probability < 1) or dist_threshold <= 0:
        raise ValueError("probability must be in (0, 1) and the distance threshold > 0")
    return -math.log(probability) / dist_threshold


def pc_index(
    areas, links, landscape_area: float, dist_threshold: float, probability: float = 0.5
) -> float:
    a = np.asarray(areas, dtype=float)
    k = decay(dist_threshold, probability)
    cost = _paths(len(a), links, lambda d: k * d)  # −ln p summed = −ln of the product
    pstar = np.exp(-cost)
    np.fill_diagonal(pstar, 1.0)
    return float(a @ pstar @ a / landscape_area**2)


def graph_indices(n_nodes: int, n_links: int) -> tuple[float, float, float]:
    v, e = n_nodes, n_links
    beta = e / v if v else float("nan")
    if v < 3:
        return float("nan"), beta, float("nan")
    alpha = (e - v + 1) / (2 * v - 5)
    gamma = e / (3 * (v - 2))
    return alpha, beta, gamma


def connectivity(
    areas,
    links,
    landscape_area: float,
    dist_threshold: float,
    probability: float = 0.5,
    iic_threshold: float | None = None,
    progress: Progress | None = None,
) -> Connectivity:
    """All indices; ``dPC`` removes each node (and its links) in turn.

    When node k lies on no best path between two other nodes, removing it leaves their p*
    unchanged and PC_without_k is PC minus k's own terms; otherwise PC is recomputed on the
    graph without k.
    """
    if not landscape_area > 0:
        raise ValueError("the landscape area must be > 0 (no cell of the grid has data)")
    a = np.asarray(areas, dtype=float)
    n = len(a)
    k_decay = decay(dist_threshold, probability)
    cost = _paths(n, links, lambda d: k_decay * d)
    pstar = np.exp(-cost)
    np.fill_diagonal(pstar, 1.0)
    total = float(a @ pstar @ a)
    pc = total / landscape_area**2
    dpc = np.zeros(n)
    finite = np.isfinite(cost)
    for k in range(n):
        report(progress, k / max(n, 1))
        others = np.ones(n, bool)
        others[k] = False
        via = cost[others, k][:, None] + cost[k, others][None, :]
        sub = cost[np.ix_(others, others)]
        off = ~np.eye(n - 1, dtype=bool) & finite[np.ix_(others, others)]
        on_path = bool(np.any(via[off] <= sub[off] * (1 + 1e-12) + 1e-300))
        if on_path:
            keep = np.flatnonzero(others)
            remap = {old: new for new, old in enumerate(keep)}
            sub_links = [(remap[i], remap[j], d) for i, j, d in links if i != k and j != k]
            pc_k = pc_index(a[keep], sub_links, landscape_area, dist_threshold, probability)
        else:
            own = a[k] ** 2 + 2 * a[k] * float(a[others] @ pstar[k, others])
            pc_k = (total - own) / landscape_area**2
        dpc[k] = 100.0 * (pc - pc_k) / pc if pc > 0 else 0.0
    iic = iic_index(a, links, landscape_area, iic_threshold)
    alpha, beta, gamma = graph_indices(n, len(links))
    return Connectivity(iic, pc, dpc, alpha, beta, gamma)
