"""Links between sources (Linkage Mapper step 1–5 style) and NLCC corridors.

1. One multi-source Dijkstra gives the cost distance to the nearest source and the cost
   allocation (which source is nearest). Two sources are *adjacent* when their allocation
   zones touch across a grid edge; the cheapest crossing ``d_A(u) + w(u,v) + d_B(v)`` is an
   upper bound of their least-cost distance (LCD), used to bound the per-source searches.
2. One Dijkstra per source (bounded by the largest cost still needed) gives its cost-weighted
   distance CWD_A, the LCD to every other source (the minimum of CWD_A over that source's
   cells) and, by back-tracking the predecessors, the least-cost path.
3. Links: adjacent pairs, plus optionally the ``k_nearest`` by LCD; dropped when the LCD is
   above ``max_link_cost`` or (option) when the path crosses a third source.
4. Corridor of a link: NLCC = CWD_A + CWD_B − LCD_AB ≤ ``corridor_width``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..progress import Progress
from .cost import allocation, cost_distance, path_length, trace_path
from .grid import GridGraph, build_cost_graph, neighbours, shifted_pairs


@dataclass
class Link:
    link_id: int
    from_id: int  # source label (1..n)
    to_id: int
    lcd: float
    path_nodes: np.ndarray  # graph nodes from a cell of ``from_id`` to a cell of ``to_id``
    length_m: float
    adjacent: bool
    corridor: tuple | None = None  # (row0, col0, bool mask) of NLCC <= width
    eff_resistance: float = float("nan")

    def path_cells(self, graph: GridGraph) -> tuple[np.ndarray, np.ndarray]:
        return np.divmod(graph.cell_of[self.path_nodes], graph.shape[1])


@dataclass
class NetworkResult:
    graph: GridGraph
    labels: np.ndarray  # int32 grid, source label per cell (0 none)
    cost_distance: np.ndarray  # float64 grid, to the nearest source (inf unreachable)
    allocation: np.ndarray  # int32 grid, nearest source label (0 none)
    links: list[Link]
    lcd_matrix: np.ndarray  # (n+1, n+1) LCD between labels (inf when beyond the bound)
    cwd: dict[int, np.ndarray] = field(default_factory=dict)  # float32 grids per label
    dropped_through: list[tuple[int, int]] = field(default_factory=list)


def zone_adjacency(
    graph: GridGraph, resistance: np.ndarray, dist: np.ndarray, alloc: np.ndarray
) -> dict[tuple[int, int], float]:
    """Pairs of sources whose allocation zones touch -> cheapest crossing cost (an LCD bound)."""
    d = graph.to_grid(dist, np.inf)
    a = graph.to_grid(alloc, 0, np.int32)
    r = np.where(graph.node_of >= 0, resistance, np.inf)
    best: dict[tuple[int, int], float] = {}
    for dr, dc, f in neighbours(graph.connectivity, half=True):
        sa, sb = shifted_pairs(graph.shape, dr, dc)
        la, lb = a[sa], a[sb]
        m = (la > 0) & (lb > 0) & (la != lb)
        if not m.any():
            continue
        w = graph.cell_size * f * 0.5 * (r[sa][m] + r[sb][m])
        cost = d[sa][m] + w + d[sb][m]
        lo = np.minimum(la[m], lb[m]).astype(np.int64)
        hi = np.maximum(la[m], lb[m]).astype(np.int64)
        key = lo * (int(a.max()) + 1) + hi
        order = np.lexsort((cost, key))
        key, cost = key[order], cost[order]
        first = np.r_[True, key[1:] != key[:-1]]
        for k, c in zip(key[first], cost[first]):
            pair = divmod(int(k), int(a.max()) + 1)
            if c < best.get(pair, np.inf):
                best[pair] = float(c)
    return best


def build_network(
    resistance: np.ndarray,
    labels: np.ndarray,
    cell_size: float,
    connectivity: int = 8,
    max_link_cost: float | None = None,
    k_nearest: int = 0,
    drop_through_sources: bool = True,
    corridor_width: float = 0.0,
    graph: GridGraph | None = None,
    progress: Progress | None = None,
) -> NetworkResult:
    """Sources (``labels`` 1..n on the grid) to links, paths and corridors."""
    progress = progress or Progress()
    graph = graph or build_cost_graph(resistance, cell_size, connectivity)
    labels = np.where(graph.node_of >= 0, labels, 0).astype(np.int32)
    n = int(labels.max()) if labels.size else 0
    progress.set(0.02)
    dist, alloc = allocation(graph, labels)
    progress.set(0.1)
    adjacency = zone_adjacency(graph, resistance, dist, alloc)
    cap = np.inf if max_link_cost is None or max_link_cost <= 0 else float(max_link_cost)
    label_nodes = {k: graph.nodes_of_mask(labels == k) for k in range(1, n + 1)}
    present = [k for k in range(1, n + 1) if len(label_nodes[k])]

    # the cost each per-source search must reach: its links' LCD bounds + the corridor width
    if k_nearest > 0:
        reach = {k: cap for k in present}
    else:
        reach = {k: 0.0 for k in present}
        for (a, b), ub in adjacency.items():
            bound = min(ub, cap)
            reach[a] = max(reach[a], bound)
            reach[b] = max(reach[b], bound)
    lcd = np.full((n + 1, n + 1), np.inf)
    np.fill_diagonal(lcd, 0.0)
    ends: dict[tuple[int, int], int] = {}
    paths: dict[tuple[int, int], np.ndarray] = {}
    cwd: dict[int, np.ndarray] = {}
    label_of_node = labels.ravel()[graph.cell_of]
    wanted_pairs = set(adjacency)
    span = progress.sub(0.1, 0.75)
    for i, k in enumerate(present):
        span.set(i / max(len(present), 1))
        limit = reach[k] + max(corridor_width, 0.0)
        if not np.isfinite(limit):
            limit = np.inf
        res = cost_distance(
            graph, label_nodes[k], limit=limit * (1 + 1e-9) + 1e-9, predecessors=True
        )
        for j in present:
            if j == k:
                continue
            dj = res.distance[label_nodes[j]]
            idx = int(np.argmin(dj))
            lcd[k, j] = dj[idx]
            ends[(k, j)] = int(label_nodes[j][idx])
        # candidate partners of k (k is the "from" end for partners with a higher label)
        partners = [j for j in present if j > k and np.isfinite(lcd[k, j])]
        if k_nearest > 0:
            nearest = sorted(
                (j for j in present if j != k and np.isfinite(lcd[k, j])), key=lambda j: lcd[k, j]
            )[:k_nearest]
            for j in nearest:
                wanted_pairs.add((min(k, j), max(k, j)))
        for j in partners:
            if (k, j) in wanted_pairs or k_nearest > 0:
                paths[(k, j)] = trace_path(res.predecessor, ends[(k, j)])
        cwd[k] = graph.to_grid(res.distance.astype(np.float32), np.inf, np.float32)
        del res
    # pairs found as k-nearest from the higher label need the path from the lower one
    span.set(1.0)
    links: list[Link] = []
    dropped: list[tuple[int, int]] = []
    for a, b in sorted(wanted_pairs):
        value = min(lcd[a, b], lcd[b, a])
        if not np.isfinite(value) or value > cap:
            continue
        path = paths.get((a, b))
        if path is None:
            continue
        if drop_through_sources:
            crossed = set(np.unique(label_of_node[path]).tolist()) - {0, a, b}
            if crossed:
                dropped.append((a, b))
                continue
        links.append(
            Link(
                len(links) + 1,
                a,
                b,
                float(lcd[a, b]),
                path,
                path_length(graph, path),
                (a, b) in adjacency,
            )
        )
    if corridor_width is not None and corridor_width >= 0:
        for link in links:
            progress.check()
            link.corridor = corridor_mask(
                cwd[link.from_id], cwd[link.to_id], link.lcd, corridor_width
            )
    progress.set(1.0)
    return NetworkResult(
        graph,
        labels,
        graph.to_grid(dist, np.inf),
        graph.to_grid(alloc, 0),
        links,
        lcd,
        cwd,
        dropped,
    )


def corridor_mask(cwd_a: np.ndarray, cwd_b: np.ndarray, lcd: float, width: float):
    """(row0, col0, mask) of NLCC = CWD_A + CWD_B − LCD ≤ width, cropped to its bounding box."""
    nlcc = cwd_a.astype(np.float64) + cwd_b - lcd
    tol = 1e-6 * max(lcd, 1.0) + width * 1e-9
    mask = nlcc <= width + tol
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    if len(rows) == 0:
        return (0, 0, np.zeros((0, 0), dtype=bool))
    r0, r1, c0, c1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    return (int(r0), int(c0), mask[r0:r1, c0:c1].copy())
