"""Ecological-network core against independent computations (no qgis needed).

Oracles: a grid graph built cell by cell in Python and ``scipy.sparse.csgraph.dijkstra``
(plus scikit-image ``MCP_Geometric`` when installed); a dense Laplacian built by loops and
``numpy.linalg.solve``; series resistors; IIC/PC/dPC worked out by hand below.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.sparse.csgraph import dijkstra

from lyg_nrp_plugin.core.network import connectivity as conn
from lyg_nrp_plugin.core.network.circuit import solve_pair
from lyg_nrp_plugin.core.network.cost import allocation, path_step_costs
from lyg_nrp_plugin.core.network.grid import build_cost_graph
from lyg_nrp_plugin.core.network.links import build_network
from lyg_nrp_plugin.core.network.nodes import barrier_scores, barriers, junctions, pinch_points
from lyg_nrp_plugin.core.network.pipeline import NetworkParams, run_pipeline
from lyg_nrp_plugin.core.network.sources import derive_sources
from lyg_nrp_plugin.core.progress import Canceled, Progress

from .helpers.oracles import oracle_graph

SQ2 = math.sqrt(2.0)


def oracle_distance(r, cell, start_mask, connectivity=8):
    g = oracle_graph(r, cell, connectivity)
    ok = (np.isfinite(r) & (r > 0)).ravel()
    starts = np.flatnonzero(start_mask.ravel() & ok)
    d = dijkstra(g, directed=True, indices=starts).min(axis=0)
    d[~ok] = np.inf
    return d.reshape(r.shape)


def random_case(seed=1, shape=(23, 31), n_sources=4):
    rng = np.random.default_rng(seed)
    r = rng.uniform(1, 50, shape)
    r[rng.random(shape) < 0.12] = np.nan  # nodata
    r[rng.random(shape) < 0.05] = 0.0  # barrier
    r[rng.random(shape) < 0.03] = -5.0  # barrier
    labels = np.zeros(shape, np.int32)
    for k in range(1, n_sources + 1):
        i, j = rng.integers(1, shape[0] - 2), rng.integers(1, shape[1] - 2)
        labels[i : i + 2, j : j + 2] = k
        r[i : i + 2, j : j + 2] = rng.uniform(1, 3, (2, 2))
    return r, labels


@pytest.mark.parametrize("connectivity", [8, 4])
def test_cost_distance_and_allocation_match_dijkstra(connectivity):
    r, labels = random_case()
    graph = build_cost_graph(r, 30.0, connectivity)
    dist, alloc = allocation(graph, labels)
    ours = graph.to_grid(dist)
    want = oracle_distance(r, 30.0, labels > 0, connectivity)
    finite = np.isfinite(want)
    assert np.array_equal(finite, np.isfinite(ours))
    assert np.allclose(ours[finite], want[finite], rtol=1e-9)
    # the allocated source is (one of) the nearest
    per_source = {k: oracle_distance(r, 30.0, labels == k, connectivity) for k in range(1, 5)}
    alloc_grid = graph.to_grid(alloc, 0, np.int32)
    for i, j in zip(*np.nonzero(finite)):
        k = alloc_grid[i, j]
        assert per_source[k][i, j] == pytest.approx(want[i, j], rel=1e-9)


def test_matches_skimage_mcp_geometric_when_installed():
    graph_mod = pytest.importorskip("skimage.graph")
    rng = np.random.default_rng(7)
    r = rng.uniform(1, 100, (40, 50))
    labels = np.zeros(r.shape, np.int32)
    labels[5:8, 5:8] = 1
    graph = build_cost_graph(r, 25.0, 8)
    dist, _ = allocation(graph, labels)
    mcp = graph_mod.MCP_Geometric(r, sampling=(25.0, 25.0))
    cum, _ = mcp.find_costs(list(zip(*np.nonzero(labels))))
    assert np.allclose(graph.to_grid(dist), cum, rtol=1e-9)


def test_links_paths_and_corridors():
    r, labels = random_case(seed=3, shape=(30, 36), n_sources=5)
    width = 400.0
    net = build_network(
        r, labels, 30.0, 8, corridor_width=width, k_nearest=2, drop_through_sources=False
    )
    assert net.links
    cwd = {k: oracle_distance(r, 30.0, labels == k) for k in range(1, 6)}
    rows, cols = r.shape
    for link in net.links:
        a, b = link.from_id, link.to_id
        want = cwd[a][labels == b].min()
        assert link.lcd == pytest.approx(want, rel=1e-6)
        pr, pc = link.path_cells(net.graph)
        assert labels[pr[0], pc[0]] == a and labels[pr[-1], pc[-1]] == b
        steps = np.maximum(np.abs(np.diff(pr)), np.abs(np.diff(pc)))
        assert np.all(steps == 1)  # connected, 8-neighbour steps
        diag = (np.diff(pr) != 0) & (np.diff(pc) != 0)
        d = 30.0 * np.where(diag, SQ2, 1.0)
        cost = (d * (r[pr[:-1], pc[:-1]] + r[pr[1:], pc[1:]]) / 2).sum()
        assert cost == pytest.approx(link.lcd, rel=1e-9)
        assert path_step_costs(net.graph, link.path_nodes).sum() == pytest.approx(cost)
        assert link.length_m == pytest.approx(d.sum())
        # NLCC corridor equals the oracle's CWD_A + CWD_B - LCD <= width
        r0, c0, m = link.corridor
        full = np.zeros(r.shape, bool)
        full[r0 : r0 + m.shape[0], c0 : c0 + m.shape[1]] = m
        nlcc = cwd[a] + cwd[b] - want
        assert np.array_equal(full, nlcc <= width + 1e-6 * want)
        assert full[pr, pc].all()  # the least-cost path lies in its corridor


def test_adjacency_k_nearest_and_third_source_drop():
    r = np.ones((5, 40))
    labels = np.zeros(r.shape, np.int32)
    labels[1:4, 1:4] = 1
    labels[1:4, 18:21] = 2
    labels[1:4, 35:38] = 3
    r[0, :] = np.nan
    r[4, :] = np.nan  # a 3-cell-wide strip: the 1-3 path must cross source 2
    net = build_network(r, labels, 10.0, 8)
    assert sorted((lk.from_id, lk.to_id) for lk in net.links) == [(1, 2), (2, 3)]
    assert net.links[0].lcd == pytest.approx(15 * 10.0)  # columns 3 -> 18, unit resistance
    net = build_network(r, labels, 10.0, 8, k_nearest=2, drop_through_sources=True)
    assert sorted((lk.from_id, lk.to_id) for lk in net.links) == [(1, 2), (2, 3)]
    assert net.dropped_through == [(1, 3)]
    net = build_network(r, labels, 10.0, 8, k_nearest=2, drop_through_sources=False)
    assert sorted((lk.from_id, lk.to_id) for lk in net.links) == [(1, 2), (1, 3), (2, 3)]
    net = build_network(r, labels, 10.0, 8, max_link_cost=100.0)
    assert net.links == []


def test_cancellation():
    class Stop:
        def isCanceled(self):
            return True

        def setProgress(self, p):
            pass

    r, labels = random_case()
    with pytest.raises(Canceled):
        build_network(r, labels, 30.0, progress=Progress(Stop()))


def dense_dirichlet(r, mask, a, b, connectivity=8):
    """Dense Laplacian built by loops; V=1 on A, 0 on B; returns (R_eff, voltages at 1 A)."""
    rows, cols = r.shape
    cells = [
        (i, j)
        for i in range(rows)
        for j in range(cols)
        if mask[i, j] and np.isfinite(r[i, j]) and r[i, j] > 0
    ]
    index = {c: k for k, c in enumerate(cells)}
    n = len(cells)
    lap = np.zeros((n, n))
    steps = [(-1, 0), (1, 0), (0, -1), (0, 1)]
    if connectivity == 8:
        steps += [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    for (i, j), k in index.items():
        for di, dj in steps:
            other = index.get((i + di, j + dj))
            if other is None:
                continue
            g = (1 / r[i, j] + 1 / r[i + di, j + dj]) / 2 / (SQ2 if di and dj else 1)
            lap[k, other] -= g
            lap[k, k] += g
    fixed_a = np.array([a[c] for c in cells])
    fixed_b = np.array([b[c] for c in cells])
    free = ~(fixed_a | fixed_b)
    v = np.where(fixed_a, 1.0, 0.0)
    v[free] = np.linalg.solve(lap[np.ix_(free, free)], -lap[np.ix_(free, fixed_a)].sum(axis=1))
    total = (lap @ v)[fixed_a].sum()
    grid = np.full(r.shape, np.nan)
    for (i, j), k in index.items():
        grid[i, j] = v[k] / total
    return 1.0 / total, grid


def test_circuit_equals_dense_solve_and_is_symmetric():
    rng = np.random.default_rng(5)
    r = rng.uniform(1, 20, (12, 15))
    r[rng.random(r.shape) < 0.1] = np.nan
    mask = np.ones(r.shape, bool)
    mask[:, 0] = False
    a = np.zeros(r.shape, bool)
    b = np.zeros(r.shape, bool)
    a[5:7, 1:3] = True
    b[4:6, 12:14] = True
    r[a] = 1.0
    r[b] = 1.0
    res = solve_pair(r, mask, a, b, 8)
    r_eff, volts = dense_dirichlet(r, mask, a, b, 8)
    assert res.eff_resistance == pytest.approx(r_eff, rel=1e-9)
    ok = ~np.isnan(volts)
    assert np.allclose(res.voltage[ok], volts[ok], rtol=1e-9, atol=1e-12)
    back = solve_pair(r, mask, b, a, 8)
    assert back.eff_resistance == pytest.approx(res.eff_resistance, rel=1e-9)
    r4, _ = dense_dirichlet(r, mask, a, b, 4)
    assert solve_pair(r, mask, a, b, 4).eff_resistance == pytest.approx(r4, rel=1e-9)


def test_circuit_iterative_solver_matches_direct(monkeypatch):
    from lyg_nrp_plugin.core.network import circuit

    rng = np.random.default_rng(9)
    r = rng.uniform(1, 20, (40, 40))
    mask = np.ones(r.shape, bool)
    a = np.zeros(r.shape, bool)
    b = np.zeros(r.shape, bool)
    a[0, :5] = True
    b[-1, -5:] = True
    direct = solve_pair(r, mask, a, b)
    monkeypatch.setattr(circuit, "DIRECT_LIMIT", 10)
    iterative = solve_pair(r, mask, a, b)
    assert iterative.eff_resistance == pytest.approx(direct.eff_resistance, rel=1e-7)


def test_series_chain():
    res = np.array([[2.0, 4.0, 1.0, 8.0, 5.0, 3.0]])
    a = np.zeros(res.shape, bool)
    b = np.zeros(res.shape, bool)
    a[0, 0] = True
    b[0, -1] = True
    out = solve_pair(res, np.ones(res.shape, bool), a, b, 8)
    # edge conductance (1/r_i + 1/r_{i+1}) / 2, resistors in series
    want = sum(1 / ((1 / res[0, i] + 1 / res[0, i + 1]) / 2) for i in range(5))
    assert out.eff_resistance == pytest.approx(want, rel=1e-12)
    assert np.allclose(out.current[0], 1.0)  # 1 A through every cell of a chain
    assert out.voltage[0, 0] == pytest.approx(want)
    assert out.voltage[0, -1] == pytest.approx(0.0)


def test_connectivity_indices_by_hand():
    # three patches a = 1, 2, 3 ha; links 0-1 (d=100) and 1-2 (d=200); A_L = 10 ha
    areas = [1.0, 2.0, 3.0]
    links = [(0, 1, 100.0), (1, 2, 200.0)]
    # D=100, P=0.5: k = ln2/100, p01 = 0.5, p12 = 0.25, p*02 = 0.5 * 0.25 = 0.125
    # PC = (1 + 4 + 9 + 2 * (2*0.5 + 6*0.25 + 3*0.125)) / 100 = 19.75 / 100
    assert conn.pc_index(areas, links, 10.0, 100.0, 0.5) == pytest.approx(0.1975)
    # without 0: 4 + 9 + 2*6*0.25 = 16; without 1: 1 + 9 = 10; without 2: 1 + 4 + 2*2*0.5 = 7
    out = conn.connectivity(areas, links, 10.0, 100.0, 0.5, iic_threshold=200.0)
    assert out.pc == pytest.approx(0.1975)
    assert out.dpc == pytest.approx(
        [100 * (19.75 - 16) / 19.75, 100 * (19.75 - 10) / 19.75, 100 * (19.75 - 7) / 19.75]
    )
    # IIC, both links: nl01 = nl12 = 1, nl02 = 2: 14 + 2*(2/2 + 6/2 + 3/3) = 24
    assert out.iic == pytest.approx(0.24)
    # IIC with D=100: only link 0-1: 14 + 2 * 2/2 = 16
    assert conn.iic_index(areas, links, 10.0, 100.0) == pytest.approx(0.16)
    # V=3, L=2: alpha = 0/1, beta = 2/3, gamma = 2/3
    assert (out.alpha, out.beta, out.gamma) == pytest.approx((0.0, 2 / 3, 2 / 3))


def test_pc_takes_the_best_indirect_path():
    # 4 patches of 1 ha; 0-1 direct d=300 (p=0.125) but 0-2-1 via d=100+100 (p=0.25)
    areas = [1.0, 1.0, 1.0, 1.0]
    links = [(0, 1, 300.0), (0, 2, 100.0), (2, 1, 100.0), (2, 3, 100.0)]
    # p*: 01 .25, 02 .5, 03 .25, 12 .5, 13 .25, 23 .5 -> 4 + 2 * 2.25 = 8.5
    assert conn.pc_index(areas, links, 4.0, 100.0, 0.5) == pytest.approx(8.5 / 16)
    # IIC (all links): nl 01 1, 02 1, 03 2, 12 1, 13 2, 23 1 -> 4 + 2*(4/2 + 2/3) = 28/3
    assert conn.iic_index(areas, links, 4.0) == pytest.approx(28 / 3 / 16)
    alpha, beta, gamma = conn.graph_indices(4, 4)
    assert (alpha, beta, gamma) == pytest.approx((1 / 3, 1.0, 2 / 3))


def test_derive_sources_and_msp_core():
    mask = np.zeros((20, 20), bool)
    mask[1:6, 1:6] = True  # 25 cells
    mask[6, 6] = True  # touches diagonally: 26 cells with 8-connectivity
    mask[10:13, 10:13] = True  # 9 cells
    mask[15:19, 2:9] = True  # 28 cells
    labels, areas = derive_sources(mask, 10.0, min_area_m2=1000.0)
    assert list(areas) == [2800.0, 2600.0]  # by decreasing area; the 9-cell patch dropped
    assert labels[16, 3] == 1 and labels[6, 6] == 2 and labels[11, 11] == 0
    core, core_areas = derive_sources(mask, 10.0, min_area_m2=0.0, edge_width_m=10.0)
    # one cell eroded (3x3): 5x5 -> 3x3, 4x7 -> 2x5, 3x3 -> 1 cell
    assert sorted(core_areas) == [100.0, 900.0, 1000.0]


def test_barrier_found_at_a_wall():
    r = np.ones((9, 30))
    r[:, 14:16] = 200.0  # a two-cell wall across the strip
    labels = np.zeros(r.shape, np.int32)
    labels[3:6, 0:2] = 1
    labels[3:6, 28:30] = 2
    net = build_network(r, labels, 10.0, 8, corridor_width=50.0)
    link = net.links[0]
    # LCD: 26 unit steps outside the wall... computed independently below
    want = oracle_distance(r, 10.0, labels == 1)[labels == 2].min()
    assert link.lcd == pytest.approx(want)
    score = barrier_scores(net.cwd[1], net.cwd[2], link.lcd, 2, 10.0)
    pts = barriers(
        net.cwd[1],
        net.cwd[2],
        link.lcd,
        2,
        10.0,
        np.ones(r.shape, bool),
        net.labels,
        link.link_id,
        per_link=1,
    )
    assert len(pts) == 1 and 13 <= pts[0].col <= 16
    # restoring a disc of radius 20 m across the wall: from column 12 to 17 (CWD minima)
    i = int(pts[0].row)
    j = int(pts[0].col)
    assert pts[0].score == pytest.approx(score[i, j])
    assert score[i, j] > 0 and score[:, :8].max() == 0.0


def test_pinch_point_at_the_neck():
    r = np.ones((11, 21))
    corridor = np.ones(r.shape, bool)
    r[:5, 10] = np.nan
    r[6:, 10] = np.nan  # a wall with a one-cell gap at (5, 10)
    a = np.zeros(r.shape, bool)
    b = np.zeros(r.shape, bool)
    a[:, 0] = True
    b[:, -1] = True
    res = solve_pair(r, corridor, a, b)
    labels = a.astype(np.int32) + 2 * b
    pts = pinch_points(res.current, corridor, labels, 2, 1, per_link=1)
    assert (pts[0].row, pts[0].col) == (5.0, 10.0)
    assert pts[0].score == pytest.approx(1.0)  # all of the 1 A passes through the gap


def test_junctions():
    shape = (20, 20)
    sources = np.zeros(shape, np.int32)
    h = np.zeros(shape, bool)
    h[9:11, :] = True
    v = np.zeros(shape, bool)
    v[:, 9:11] = True
    d = np.eye(20, dtype=bool) | np.eye(20, k=1, dtype=bool)
    cor = [(1, 0, 0, h), (2, 0, 0, v), (3, 0, 0, d)]
    pts = junctions(cor, shape, sources, {1: (1, 2), 2: (3, 4), 3: (5, 6)})
    assert len(pts) == 1 and pts[0].score == 3 and pts[0].link_ids == (1, 2, 3)
    assert 8 <= pts[0].row <= 11 and 8 <= pts[0].col <= 11
    # the same corridors fanning out of one hub source: not a junction
    assert junctions(cor, shape, sources, {1: (1, 2), 2: (1, 3), 3: (1, 4)}) == []


def test_pipeline_end_to_end():
    r, labels = random_case(seed=11, shape=(30, 40), n_sources=4)
    areas = np.bincount(labels.ravel(), minlength=5)[1:] * 900.0
    out = run_pipeline(
        r,
        labels,
        areas,
        1200 * 900.0,
        NetworkParams(30.0, corridor_width=300.0, barrier_radius_m=30.0),
    )
    assert out.network.links
    for link in out.network.links:
        r0, c0, m = link.corridor
        sub = (slice(r0, r0 + m.shape[0]), slice(c0, c0 + m.shape[1]))
        lab = out.network.labels[sub]
        want, _ = dense_dirichlet(r[sub], m, lab == link.from_id, lab == link.to_id)
        assert link.eff_resistance == pytest.approx(want, rel=1e-8)
    assert out.current.max() > 0
    edges = [(lk.from_id - 1, lk.to_id - 1, lk.lcd) for lk in out.network.links]
    assert out.indices.pc == pytest.approx(
        conn.pc_index(areas, edges, 1200 * 900.0, out.dist_threshold, 0.5)
    )


def test_dpc_shortcut_equals_recomputation():
    # random sparse networks: dPC from the shortcut/recompute mix equals brute force
    rng = np.random.default_rng(21)
    for _ in range(5):
        n = 12
        areas = rng.uniform(1, 10, n)
        links = []
        for i in range(n):
            for j in range(i + 1, n):
                if rng.random() < 0.25:
                    links.append((i, j, float(rng.uniform(10, 300))))
        out = conn.connectivity(areas, links, 200.0, 100.0, 0.4)
        for k in range(n):
            keep = [i for i in range(n) if i != k]
            remap = {old: new for new, old in enumerate(keep)}
            sub = [(remap[i], remap[j], d) for i, j, d in links if k not in (i, j)]
            pc_k = conn.pc_index(areas[keep], sub, 200.0, 100.0, 0.4)
            assert out.dpc[k] == pytest.approx(100 * (out.pc - pc_k) / out.pc, rel=1e-9, abs=1e-12)


def test_connectivity_refuses_an_empty_landscape():
    with pytest.raises(ValueError, match="landscape area"):
        conn.connectivity([1.0, 2.0], [(0, 1, 10.0)], 0.0, 100.0)


def test_table_reads_integer_codes_and_gbk(tmp_path):
    from lyg_nrp_plugin.core.network.table import load_table, lookup, matches_any

    path = tmp_path / "t.csv"
    # Excel on Chinese Windows: GBK, and a code column that lost its zero (101 for 0101)
    path.write_bytes(
        "code,name_zh,resistance\n01,耕地,50\n101,水田,7\n10,交通,1000\n".encode("gbk")
    )
    table = load_table(path)
    assert table == {"01": 50.0, "0101": 7.0, "10": 1000.0}
    assert lookup(101, table) == 7.0  # integer DLBM 101 is 0101 水田, not prefix 10
    assert lookup(102.0, table) == 50.0  # 0102 → prefix 01
    assert lookup(1003, table) == 1000.0
    assert lookup("0201", table) is None
    assert matches_any(301, ["03"]) and not matches_any(1003, ["03"])
