"""The city-scale paths of the indicator computation (issue 16 §3): the coverage test that
replaces the pairwise overlap search on a tiling layer, the vectorised area and number
columns — checked against shapely unions and the per-value computations they replace."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from lyg_nrp_plugin.core import values
from lyg_nrp_plugin.core.indicators import overlaps
from lyg_nrp_plugin.core.indicators.parcels import prepare_parcels
from lyg_nrp_plugin.core.indicators.spatial import categories, per_value


def grid(n: int = 40, size: float = 50.0) -> np.ndarray:
    x, y = np.meshgrid(np.arange(n) * size, np.arange(n) * size)
    x, y = x.ravel() + 40_500_000.0, y.ravel() + 3_800_000.0
    return shapely.box(x, y, x + size, y + size)


def test_a_tiling_layer_has_no_overlaps_either_way():
    cells = grid()
    assert len(cells) >= overlaps.COVERAGE_MIN
    assert overlaps.without_overlaps(cells)
    fast = overlaps.find_overlaps(cells, coverage=True)
    slow = overlaps.find_overlaps(cells, coverage=False)
    assert len(fast) == len(slow) == 0
    assert fast.double_counted == 0.0


def test_an_overlap_in_a_tiling_layer_is_found_and_counted_once():
    cells = grid()
    cells[100] = shapely.affinity.translate(cells[100], 0.5, 0.0)  # 0.5 m into its neighbour
    assert not overlaps.without_overlaps(cells)
    found = overlaps.find_overlaps(cells, coverage=True)
    assert len(found) == 1
    union = float(shapely.area(shapely.union_all(cells)))
    assert found.double_counted == pytest.approx(float(shapely.area(cells).sum()) - union)
    assert found.double_counted == pytest.approx(0.5 * 50.0)


def test_patches_touching_at_corners_fall_back_to_the_pairwise_search():
    cells = grid()
    n = int(np.sqrt(len(cells)))
    checker = cells[((np.arange(len(cells)) // n + np.arange(len(cells)) % n) % 2) == 0]
    found = overlaps.find_overlaps(checker, coverage=True)
    assert len(found) == 0
    tiny = checker.copy()
    tiny[5] = shapely.affinity.translate(tiny[5], 0.0001, 0.0)  # 0.005 m²: below the minimum
    assert len(overlaps.find_overlaps(tiny, coverage=True)) == 0


def test_parcels_sums_match_a_plain_computation():
    cells = grid()
    rng = np.random.default_rng(5)
    codes = rng.choice(["0101", "101", "0301", "1101", "0702", None, "xx"], len(cells)).tolist()
    areas = [None if i % 9 == 0 else 2400.0 for i in range(len(cells))]
    parcels = prepare_parcels(cells, codes, areas, order=list(range(len(cells))))
    expected = [2500.0 if a is None else a for a in areas]  # NULL → geometry area
    farmland = [c in ("0101", "101") for c in codes]
    assert parcels.sum(parcels.cultivated()) == pytest.approx(
        sum(a for a, f in zip(expected, farmland) if f)
    )
    assert parcels.unknown == sum(1 for c in codes if c in (None, "xx"))
    assert parcels.land_area == pytest.approx(2500.0 * len(cells))


def test_fast_number_column_equals_the_parser():
    plain = [1.0, None, 3, -2.5, float("nan"), 0.0]
    fast = values.read_numbers(plain)
    slow = values.read_numbers([*plain, "x"])  # text: the per-value parser
    assert np.array_equal(fast.values, slow.values[:-1], equal_nan=True)
    assert fast.negative == slow.negative == [3]
    assert slow.invalid == [6] and fast.invalid == []
    flags = values.read_numbers([True, 2.0])  # a bool is not a number: the parser
    assert np.isnan(flags.values[0]) and flags.values[1] == 2.0


def test_per_value_equals_a_plain_map():
    data = ["a", "b", "a", None, ["x"], float("nan")]
    assert per_value(repr, data) == [repr(v) for v in data]


@pytest.mark.parametrize("moved", [None, 100, 13 * 40 + 12, 819, 26 * 40 + 13])
def test_blocks_find_what_the_pairwise_search_finds(monkeypatch, moved):
    """Coverage tests block by block (9 blocks here): overlaps inside a block, across a
    block border (cell 13·40+12 sits at one) and none at all, against the pairwise search."""
    monkeypatch.setattr(overlaps, "BLOCK", 200)
    cells = grid()
    if moved is not None:
        cells[moved] = shapely.affinity.translate(cells[moved], 0.4, 0.3)
    blocks, crossing = overlaps.clean_blocks(cells)
    assert len(np.unique(np.abs(blocks))) >= 4 and 0 < crossing.sum() < len(cells) / 2
    fast = overlaps.find_overlaps(cells, coverage=True)
    slow = overlaps.find_overlaps(cells, coverage=False)
    assert sorted(zip(fast.keepers, fast.losers)) == sorted(zip(slow.keepers, slow.losers))
    assert fast.double_counted == pytest.approx(slow.double_counted)
    union = float(shapely.area(shapely.union_all(cells)))
    assert fast.double_counted == pytest.approx(float(shapely.area(cells).sum()) - union)
    assert (len(fast) > 0) == (moved is not None)


def test_box_prefilter_keeps_every_pair_a_brute_force_search_finds():
    """Pairs whose boxes overlap by ≤ MIN_OVERLAP_M2 are skipped: against every pair's
    intersection area in shapely, on random triangles and boxes meeting at corners by a
    little less and a little more than the minimum."""
    rng = np.random.default_rng(16)
    centres = rng.uniform(0, 60, (120, 2))
    tris = [shapely.Polygon(c + rng.uniform(-6, 6, (3, 2))) for c in centres]
    corner = [shapely.box(200, 0, 210, 10), shapely.box(209.95, 9.9, 220, 20)]  # 0.005 m²
    corner += [shapely.box(400, 0, 410, 10), shapely.box(409.8, 9.9, 420, 20)]  # 0.02 m²
    geoms = np.array([shapely.make_valid(t) for t in tris] + corner, dtype=object)
    found = overlaps.find_overlaps(geoms)
    expected = set()
    for i in range(len(geoms)):
        for j in range(i + 1, len(geoms)):
            if shapely.area(shapely.intersection(geoms[i], geoms[j])) > overlaps.MIN_OVERLAP_M2:
                expected.add((i, j))
    assert sorted(zip(found.keepers.tolist(), found.losers.tolist())) == sorted(expected)
    n = len(tris)
    assert (n + 2, n + 3) in expected and (n, n + 1) not in expected


def test_masks_by_category_equal_a_plain_map():
    """Parcels.mask runs its test once per distinct code: the same as a test per parcel."""
    cells = grid(10)
    codes = ["0101", "101", None, "0301", "1101", "xx", "0101", "0702", "", "03"] * 10
    parcels = prepare_parcels(cells, codes)
    tests = (lambda c: c is None, lambda c: str(c).startswith("03"), lambda c: c and c[0] == "1")
    for test in tests:
        assert parcels.mask(test).tolist() == [bool(test(c)) for c in parcels.codes]
    assert parcels.unknown == sum(1 for c in codes if c in (None, "xx", "", "03"))
    distinct, index = categories([1, [2], 1, [2], None])  # unhashable: one category each
    assert [distinct[k] for k in index] == [1, [2], 1, [2], None] and len(distinct) == 4


def test_validity_in_chunks_equals_one_call(monkeypatch):
    from lyg_nrp_plugin.core import geometry

    monkeypatch.setattr(geometry, "THREAD_MIN", 7)
    monkeypatch.setattr(geometry.os, "cpu_count", lambda: 3)  # 3 slices of 13–14
    bow = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    geoms = np.array([bow if i % 5 == 0 else shapely.box(i, 0, i + 1, 1) for i in range(40)])
    geoms[3] = None
    assert geometry.is_valid(geoms).tolist() == shapely.is_valid(geoms).tolist()
    fixed, stats = geometry.clean_geometries(geoms)
    assert stats.n_repaired == 8 and stats.n_empty == 1
    assert shapely.is_valid(np.delete(fixed, 3)).all()
