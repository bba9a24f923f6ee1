"""Multi-source cost distance, allocation and least-cost paths (scipy's Dijkstra).

``scipy.sparse.csgraph.dijkstra`` with ``min_only=True`` runs one Dijkstra from all the
given start nodes at once and returns, for every node, the distance to the nearest start,
its predecessor and which start it came from (the cost allocation). Every cell of a source
starts at 0. ``limit`` stops the search at a cost (cells beyond stay ``inf``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse.csgraph import dijkstra

from .grid import GridGraph

NO_PRED = -9999  # scipy's marker for "no predecessor"


@dataclass
class CostResult:
    distance: np.ndarray  # float64 per node (inf: unreachable / beyond limit)
    predecessor: np.ndarray | None  # int32 per node, NO_PRED at starts and unreached
    origin: np.ndarray | None  # int32 per node: start node it was reached from, -9999 none


def cost_distance(
    graph: GridGraph,
    start_nodes: np.ndarray,
    limit: float = np.inf,
    predecessors: bool = False,
    origins: bool = False,
) -> CostResult:
    """Distance from the nearest of ``start_nodes`` (all at cost 0) to every node."""
    start_nodes = np.unique(np.asarray(start_nodes, dtype=np.int32))
    n = graph.n_nodes
    if len(start_nodes) == 0 or n == 0:
        dist = np.full(n, np.inf)
        none = np.full(n, NO_PRED, dtype=np.int32)
        return CostResult(dist, none if predecessors else None, none if origins else None)
    want_pred = predecessors or origins
    out = dijkstra(
        graph.matrix,
        directed=True,
        indices=start_nodes,
        min_only=True,
        return_predecessors=want_pred,
        limit=limit,
    )
    if not want_pred:
        return CostResult(out, None, None)
    dist, pred, src = out
    return CostResult(
        dist,
        pred.astype(np.int32, copy=False) if predecessors else None,
        src.astype(np.int32, copy=False) if origins else None,
    )


def allocation(graph: GridGraph, labels: np.ndarray, limit: float = np.inf):
    """Cost distance to the nearest source and which source (label > 0) is nearest.

    Returns ``(distance, allocation)`` as node arrays; allocation 0 = unreached.
    """
    label_of_node = labels.ravel()[graph.cell_of].astype(np.int32)
    starts = np.flatnonzero(label_of_node > 0).astype(np.int32)
    res = cost_distance(graph, starts, limit, origins=True)
    alloc = np.zeros(graph.n_nodes, dtype=np.int32)
    reached = res.origin >= 0
    alloc[reached] = label_of_node[res.origin[reached]]
    return res.distance, alloc


def trace_path(predecessor: np.ndarray, end_node: int) -> np.ndarray:
    """Nodes from the start (a source cell) to ``end_node`` following the predecessors."""
    path = [int(end_node)]
    node = int(end_node)
    limit = len(predecessor)
    while predecessor[node] != NO_PRED:
        node = int(predecessor[node])
        path.append(node)
        if len(path) > limit:  # pragma: no cover - defensive against a corrupt tree
            raise RuntimeError("predecessor cycle")
    return np.array(path[::-1], dtype=np.int64)


def path_step_costs(graph: GridGraph, path_nodes: np.ndarray) -> np.ndarray:
    """The cost of each step of a node path, read from the graph's matrix."""
    m = graph.matrix
    costs = np.empty(max(len(path_nodes) - 1, 0))
    for i in range(len(path_nodes) - 1):
        a, b = path_nodes[i], path_nodes[i + 1]
        row = slice(m.indptr[a], m.indptr[a + 1])
        hit = np.flatnonzero(m.indices[row] == b)
        if len(hit) == 0:
            raise ValueError(f"nodes {a} and {b} are not neighbours")
        costs[i] = m.data[row][hit[0]]
    return costs


def path_length(graph: GridGraph, path_nodes: np.ndarray) -> float:
    """Planar length in metres of the cell-centre polyline of a node path."""
    if len(path_nodes) < 2:
        return 0.0
    cells = graph.cell_of[path_nodes]
    r, c = np.divmod(cells, graph.shape[1])
    return float(np.hypot(np.diff(r), np.diff(c)).sum() * graph.cell_size)
