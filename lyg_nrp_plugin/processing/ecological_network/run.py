"""``NetworkRun``: what one run read and found, handed to the writers and the report.

The records hold the output features as data — one per source, link (with its corridor) and
node — in the analysis CRS; :mod:`.outputs` writes them, :mod:`.report` tabulates and maps them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely

from ...core.network.nodes import KIND_ZH
from ...core.network.pipeline import PipelineResult
from ...core.progress import Progress
from ..io.raster import Grid, polygonize
from .inputs import NetworkInputs
from .sources import Sources
from .surface import Surface


@dataclass
class SourceRecord:
    source_id: str
    area_m2: float
    dpc: float  # % loss of PC when the source is removed
    rank: int  # 1 = the largest dPC
    n_links: int
    geometry: shapely.Geometry | None


@dataclass
class LinkRecord:
    link_id: int
    from_id: str
    to_id: str
    lcd: float
    length_m: float
    euc_m: float | None  # edge-to-edge distance of the two sources
    cwd_to_euc: float | None
    eff_resistance: float | None
    adjacent: int
    corr_m2: float
    path: shapely.LineString  # through the cell centres of the least-cost path
    corridor: shapely.Geometry | None  # NLCC ≤ corridor width

    @property
    def line(self) -> shapely.Geometry:
        """The path as written to the LINKS layer (collinear vertices dropped)."""
        return shapely.simplify(self.path, 0.0)


@dataclass
class NodeRecord:
    node_id: int
    kind: str  # pinch / barrier / junction
    kind_zh: str
    score: float
    link_ids: str  # comma-separated
    point: shapely.Point


@dataclass
class NetworkRun:
    inputs: NetworkInputs
    surface: Surface
    result: PipelineResult
    sources: list[SourceRecord]
    links: list[LinkRecord]
    nodes: list[NodeRecord]

    @property
    def grid(self) -> Grid:
        return self.surface.grid

    @property
    def neighbours(self) -> int:
        """4 or 8: the grid neighbourhood of cost distance and circuits."""
        return self.inputs.params.connectivity


def ranks(dpc: np.ndarray) -> list[int]:
    """Rank 1 for the largest dPC; ties keep the source order."""
    order = np.argsort(-np.asarray(dpc), kind="stable")
    out = np.empty(len(dpc), dtype=int)
    out[order] = np.arange(1, len(dpc) + 1)
    return out.tolist()


def source_records(sources: Sources, result: PipelineResult) -> list[SourceRecord]:
    degree = np.zeros(len(sources.ids) + 1, int)
    for link in result.network.links:
        degree[link.from_id] += 1
        degree[link.to_id] += 1
    dpc = result.indices.dpc
    return [
        SourceRecord(sid, float(result.areas[k]), float(dpc[k]), rank, int(degree[k + 1]), geom)
        for k, (sid, geom, rank) in enumerate(zip(sources.ids, sources.geoms, ranks(dpc)))
    ]


def path_line(link, graph, grid: Grid) -> shapely.LineString:
    """The least-cost path through the cell centres (a zero-length line for one cell)."""
    x, y = grid.xy(*link.path_cells(graph))
    if len(x) > 1:
        return shapely.linestrings(np.c_[x, y])
    return shapely.LineString([(x[0], y[0]), (x[0], y[0])])


def link_records(
    sources: Sources, result: PipelineResult, grid: Grid, progress: Progress
) -> list[LinkRecord]:
    net = result.network
    records = []
    for link in net.links:
        progress.check()
        ga, gb = sources.geoms[link.from_id - 1], sources.geoms[link.to_id - 1]
        euc = float(shapely.distance(ga, gb)) if ga is not None and gb is not None else None
        r0, c0, mask = link.corridor
        eff = link.eff_resistance if math.isfinite(link.eff_resistance) else None
        records.append(
            LinkRecord(
                link_id=link.link_id,
                from_id=sources.ids[link.from_id - 1],
                to_id=sources.ids[link.to_id - 1],
                lcd=link.lcd,
                length_m=link.length_m,
                euc_m=euc,
                cwd_to_euc=link.lcd / euc if euc else None,
                eff_resistance=eff,
                adjacent=int(link.adjacent),
                corr_m2=float(mask.sum()) * grid.cell**2,
                path=path_line(link, net.graph, grid),
                corridor=polygonize(mask.astype(np.int32), grid, r0, c0).get(1),
            )
        )
    return records


def node_records(result: PipelineResult, grid: Grid) -> list[NodeRecord]:
    records = []
    for i, node in enumerate(result.nodes, start=1):
        x, y = grid.xy(node.row, node.col)
        records.append(
            NodeRecord(
                node_id=i,
                kind=node.kind,
                kind_zh=KIND_ZH[node.kind],
                score=node.score,
                link_ids=",".join(str(k) for k in node.link_ids),
                point=shapely.Point(float(x), float(y)),
            )
        )
    return records


def network_run(
    inputs: NetworkInputs,
    surface: Surface,
    sources: Sources,
    result: PipelineResult,
    progress: Progress,
) -> NetworkRun:
    """The run with its output records (the geometries built on the grid)."""
    return NetworkRun(
        inputs=inputs,
        surface=surface,
        result=result,
        sources=source_records(sources, result),
        links=link_records(sources, result, surface.grid, progress),
        nodes=node_records(result, surface.grid),
    )
