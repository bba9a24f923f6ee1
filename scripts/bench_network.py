#!/usr/bin/env python3
"""Benchmark of the ecological-network core (``make bench`` row set ``network``).

A random resistance grid (1..100 with 3 % barrier cells) with 30 square sources:

* multi-source cost distance + allocation: ours (one scipy Dijkstra from all source cells)
  against scikit-image ``MCP_Geometric.find_costs`` from the same cells (same step-cost
  convention d·(r_a + r_b)/2, so the distances are identical);
* the per-source cost distances the network needs (bounded by each source's largest link
  cost + corridor width): ours against ``MCP_Geometric`` with the same ``max_cumulative_cost``;
* the whole chain (links, least-cost paths, NLCC corridors) and the circuit current over all
  link corridors (no peer in Python: Circuitscape is Julia).

Times are wall-clock seconds; peak memory is the resident-set growth during the task.

    python scripts/bench_network.py [--quick] [--big]   # --big: 4000 x 4000 (16 M cells)
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lyg_nrp_plugin.core.network.cost import allocation, cost_distance  # noqa: E402
from lyg_nrp_plugin.core.network.grid import build_cost_graph  # noqa: E402
from lyg_nrp_plugin.core.network.links import build_network, zone_adjacency  # noqa: E402
from lyg_nrp_plugin.core.network.pipeline import NetworkParams, run_pipeline  # noqa: E402

CELL = 30.0
CORRIDOR_WIDTH = 20000.0


def landscape(n: int, n_sources: int = 30, seed: int = 42):
    rng = np.random.default_rng(seed)
    r = rng.uniform(1, 100, (n, n))
    r[rng.random((n, n)) < 0.03] = np.nan
    labels = np.zeros((n, n), np.int32)
    half = max(n // 200, 2)
    for k in range(1, n_sources + 1):
        i, j = rng.integers(half + 1, n - half - 1, 2)
        labels[i - half : i + half, j - half : j + half] = k
        r[i - half : i + half, j - half : j + half] = 1.0
    return r, labels


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(fn):
    """(result, seconds, peak MB above the start): RSS sampled every 20 ms by a thread
    (tracemalloc would slow numpy-heavy code and miss memory allocated by C code)."""
    base = _rss_mb()
    peak = [base]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _rss_mb())
            done.wait(0.02)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    t = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - t
    done.set()
    thread.join()
    peak[0] = max(peak[0], _rss_mb())
    return out, seconds, peak[0] - base


def row(task, size, ours_s, ours_mb, peer=None, peer_s=None, peer_mb=None, note=""):
    return {
        "task": task,
        "size": size,
        "ours": "lyg_nrp core.network",
        "ours_s": round(ours_s, 3),
        "peer": peer,
        "peer_s": None if peer_s is None else round(peer_s, 3),
        "ratio": None if not peer_s else round(ours_s / peer_s, 3),
        "ours_peak_mb": round(ours_mb, 1),
        "peer_peak_mb": None if peer_mb is None else round(peer_mb, 1),
        "note": note,
    }


def run(quick: bool = False, big: bool = False) -> list[dict]:
    """Two sizes so the growth shows: 1000² and 2000² (quick: 600²; big: 4000²)."""
    sizes = [600] if quick else ([4000] if big else [1000, 2000])
    return [r for n in sizes for r in run_size(n)]


def run_size(n: int) -> list[dict]:
    r, labels = landscape(n)
    size = f"{n}x{n} grid, 30 sources"
    try:
        from skimage.graph import MCP_Geometric
    except ImportError:  # scikit-image is a dev requirement; rows then have no peer
        MCP_Geometric = None  # noqa: N806
    rows = []
    starts_all = list(zip(*np.nonzero(labels)))

    # 1. multi-source cost distance + allocation
    def ours_alloc():
        g = build_cost_graph(r, CELL, 8)
        return g, allocation(g, labels)

    (graph, (dist, alloc)), t_ours, m_ours = measure(ours_alloc)
    peer_s = peer_mb = None
    note = "graph build included"
    if MCP_Geometric is not None:

        def peer_alloc():
            # MCP wants finite costs; barriers as inf are impassable for it as well
            costs = np.where(np.isfinite(r), r, np.inf)
            return MCP_Geometric(costs, sampling=(CELL, CELL)).find_costs(starts_all)[0]

        cum, peer_s, peer_mb = measure(peer_alloc)
        ok = np.isfinite(cum) & np.isfinite(graph.to_grid(dist))
        diff = np.max(np.abs(cum[ok] - graph.to_grid(dist)[ok]) / np.maximum(cum[ok], 1))
        note += f"; max rel. diff vs peer {diff:.1e}; peer gives no allocation"
    rows.append(
        row(
            "multi-source cost distance + allocation",
            size,
            t_ours,
            m_ours,
            "skimage MCP_Geometric" if peer_s else None,
            peer_s,
            peer_mb,
            note,
        )
    )

    # 2. per-source cost distances, bounded as build_network bounds them
    adjacency = zone_adjacency(graph, r, dist, alloc)
    reach = {k: 0.0 for k in range(1, 31)}
    for (a, b), ub in adjacency.items():
        reach[a] = max(reach[a], ub)
        reach[b] = max(reach[b], ub)
    limits = {k: reach[k] + CORRIDOR_WIDTH for k in reach}

    def ours_per_source():
        for k in range(1, 31):
            cost_distance(
                graph, graph.nodes_of_mask(labels == k), limit=limits[k], predecessors=True
            )

    _, t_ours, m_ours = measure(ours_per_source)
    peer_s = peer_mb = None
    if MCP_Geometric is not None:

        def peer_per_source():
            costs = np.where(np.isfinite(r), r, np.inf)
            m = MCP_Geometric(costs, sampling=(CELL, CELL))  # built once, reset per search
            for k in range(1, 31):
                m.find_costs(list(zip(*np.nonzero(labels == k))), max_cumulative_cost=limits[k])

        _, peer_s, peer_mb = measure(peer_per_source)
    rows.append(
        row(
            "30 per-source cost distances (bounded, with predecessors)",
            size,
            t_ours,
            m_ours,
            "skimage MCP_Geometric" if peer_s else None,
            peer_s,
            peer_mb,
            "same max cumulative cost per source",
        )
    )
    if peer_s:
        ours_total = rows[0]["ours_s"] + rows[1]["ours_s"]
        peer_total = rows[0]["peer_s"] + rows[1]["peer_s"]
        rows.append(
            row(
                "all cost distances of the network (rows above summed)",
                size,
                ours_total,
                max(rows[0]["ours_peak_mb"], rows[1]["ours_peak_mb"]),
                "skimage MCP_Geometric",
                peer_total,
                max(rows[0]["peer_peak_mb"], rows[1]["peer_peak_mb"]),
                "allocation + 30 bounded per-source searches",
            )
        )

    # 3. the whole chain without circuits, then with circuits
    net, t_ours, m_ours = measure(
        lambda: build_network(r, labels, CELL, 8, corridor_width=CORRIDOR_WIDTH, graph=graph)
    )
    rows.append(
        row(
            "links + least-cost paths + NLCC corridors",
            size,
            t_ours,
            m_ours,
            note=f"{len(net.links)} links, corridor width {CORRIDOR_WIDTH:g}",
        )
    )
    del net
    areas = np.bincount(labels.ravel(), minlength=31)[1:] * CELL**2
    params = NetworkParams(CELL, corridor_width=CORRIDOR_WIDTH, barrier_radius_m=3 * CELL)
    out, t_ours, m_ours = measure(lambda: run_pipeline(r, labels, areas, n * n * CELL**2, params))
    cells = sum(int(lk.corridor[2].sum()) for lk in out.network.links)
    rows.append(
        row(
            "full pipeline incl. circuit current over all corridors",
            size,
            t_ours,
            m_ours,
            note=f"{len(out.network.links)} links, {cells:,} corridor cells "
            f"solved, {len(out.nodes)} nodes; no Python peer (Circuitscape is Julia)",
        )
    )
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--big", action="store_true", help="4000 x 4000 cells (16 M)")
    args = parser.parse_args()
    for item in run(quick=args.quick, big=args.big):
        print(item)
