"""The whole 源地-廊道-节点 chain on arrays: links and corridors, circuit current per link,
pinch points, barriers, junctions and connectivity indices."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..progress import Progress
from .circuit import solve_pair
from .connectivity import Connectivity, connectivity
from .grid import build_cost_graph
from .links import NetworkResult, build_network
from .nodes import NodePoint, barriers, junctions, pinch_points


@dataclass
class NetworkParams:
    cell_size: float
    connectivity: int = 8
    max_link_cost: float | None = None
    k_nearest: int = 0
    drop_through_sources: bool = True
    corridor_width: float = 0.0
    dist_threshold: float | None = None  # None: the median LCD of the links
    probability: float = 0.5
    barrier_radius_m: float = 0.0  # 0: one cell
    circuit: bool = True
    nodes_per_link: int = 3


@dataclass
class PipelineResult:
    network: NetworkResult
    current: np.ndarray  # summed current over the links (A at 1 A per link)
    nodes: list[NodePoint]
    indices: Connectivity
    dist_threshold: float
    areas: np.ndarray


def _crop(arr, r0, r1, c0, c1):
    return arr[r0:r1, c0:c1]


def run_pipeline(
    resistance: np.ndarray,
    labels: np.ndarray,
    areas: np.ndarray,
    landscape_area: float,
    params: NetworkParams,
    progress: Progress | None = None,
) -> PipelineResult:
    """``labels``: sources 1..n on the grid; ``areas``: m² of sources 1..n."""
    progress = progress or Progress()
    resistance = np.asarray(resistance, dtype=np.float64)
    graph = build_cost_graph(resistance, params.cell_size, params.connectivity)
    progress.set(0.03)
    net = build_network(
        resistance,
        labels,
        params.cell_size,
        params.connectivity,
        params.max_link_cost,
        params.k_nearest,
        params.drop_through_sources,
        params.corridor_width,
        graph,
        progress.sub(0.03, 0.55),
    )
    shape = resistance.shape
    current = np.zeros(shape)
    nodes: list[NodePoint] = []
    radius = max(1, int(round((params.barrier_radius_m or 0) / params.cell_size)))
    span = progress.sub(0.55, 0.9)
    for i, link in enumerate(net.links):
        span.set(i / max(len(net.links), 1))
        r0, c0, mask = link.corridor
        r1, c1 = r0 + mask.shape[0], c0 + mask.shape[1]
        lab = _crop(net.labels, r0, r1, c0, c1)
        if params.circuit and mask.size:
            res = solve_pair(
                _crop(resistance, r0, r1, c0, c1),
                mask,
                lab == link.from_id,
                lab == link.to_id,
                params.connectivity,
            )
            link.eff_resistance = res.eff_resistance
            current[r0:r1, c0:c1] += res.current
            for p in pinch_points(
                res.current, mask, lab, radius, link.link_id, params.nodes_per_link
            ):
                nodes.append(NodePoint(p.kind, p.row + r0, p.col + c0, p.score, p.link_ids))
        # barriers: the corridor's box widened by two radii
        m = 2 * radius + 1
        b0, b1 = max(r0 - m, 0), min(r1 + m, shape[0])
        d0, d1 = max(c0 - m, 0), min(c1 + m, shape[1])
        for p in barriers(
            _crop(net.cwd[link.from_id], b0, b1, d0, d1),
            _crop(net.cwd[link.to_id], b0, b1, d0, d1),
            link.lcd,
            radius,
            params.cell_size,
            np.ones((b1 - b0, d1 - d0), dtype=bool),
            _crop(net.labels, b0, b1, d0, d1),
            link.link_id,
            params.nodes_per_link,
        ):
            nodes.append(NodePoint(p.kind, p.row + b0, p.col + d0, p.score, p.link_ids))
    progress.set(0.9)
    nodes.extend(
        junctions(
            [(lk.link_id, *lk.corridor) for lk in net.links],
            shape,
            net.labels,
            {lk.link_id: (lk.from_id, lk.to_id) for lk in net.links},
        )
    )
    lcds = [lk.lcd for lk in net.links]
    threshold = params.dist_threshold
    if threshold is None or threshold <= 0:
        threshold = float(np.median(lcds)) if lcds and np.median(lcds) > 0 else 1.0
    edges = [(lk.from_id - 1, lk.to_id - 1, lk.lcd) for lk in net.links]
    indices = connectivity(
        areas,
        edges,
        landscape_area,
        threshold,
        params.probability,
        iic_threshold=threshold,
        progress=progress.sub(0.9, 1.0),
    )
    progress.set(1.0)
    return PipelineResult(net, current, nodes, indices, threshold, np.asarray(areas, float))
