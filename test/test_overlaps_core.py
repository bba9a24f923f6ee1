"""core.overlaps: polygons of one layer count their overlap once (no qgis)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from lyg_nrp_plugin.core.overlaps import deduplicate
from lyg_nrp_plugin.core.progress import Canceled, Progress


def test_the_issue_case_lower_key_keeps_the_overlap():
    # two 100 × 100 parcels overlapping by 50 × 100: 10 000 + 5 000, not 20 000
    parcels = np.array([shapely.box(50, 0, 150, 100), shapely.box(0, 0, 100, 100)])
    result = deduplicate(parcels, keys=np.array([7, 3]))  # the second has the lower key
    assert shapely.area(result.geoms).tolist() == pytest.approx([5_000, 10_000])
    assert result.geoms[0].equals(shapely.box(100, 0, 150, 100))
    assert len(result.overlaps) == 1
    overlap = result.overlaps[0]
    assert (overlap.index, overlap.earlier) == (0, (1,))
    assert overlap.geometry.area == pytest.approx(5_000)
    assert result.trimmed.tolist() == [0]


def test_a_coverage_is_left_alone_and_groups_are_separate():
    # a 3 × 3 grid of touching squares: no overlap at all
    grid = np.array([shapely.box(i, j, i + 1, j + 1) for i in range(3) for j in range(3)])
    result = deduplicate(grid)
    assert result.overlaps == [] and all(a.equals(b) for a, b in zip(result.geoms, grid))
    # the same square twice, in two groups (two projects): both keep it
    same = np.array([shapely.box(0, 0, 1, 1), shapely.box(0, 0, 1, 1)])
    assert deduplicate(same, groups=np.array([0, 1])).overlaps == []
    # in one group the later (by index) one gives it up entirely
    result = deduplicate(same)
    assert result.geoms[1].is_empty and result.overlaps[0].earlier == (0,)


def test_three_overlapping_polygons_partition_their_union():
    """Against a shapely oracle: every point goes to the lowest key that covers it."""
    rng = np.random.default_rng(11)
    centres = rng.uniform(0, 100, (40, 2))
    geoms = shapely.buffer(shapely.points(centres), rng.uniform(5, 25, 40), quad_segs=6)
    keys = rng.permutation(40)
    result = deduplicate(geoms, keys)
    union = shapely.union_all(geoms)
    assert float(np.sum(shapely.area(result.geoms))) == pytest.approx(union.area, rel=1e-9)
    order = np.argsort(keys)
    for rank, i in enumerate(order):  # the oracle: geometry minus all lower-key geometries
        earlier = geoms[order[:rank]]
        want = geoms[i] if rank == 0 else shapely.difference(geoms[i], shapely.union_all(earlier))
        assert result.geoms[i].symmetric_difference(want).area == pytest.approx(0, abs=1e-6)


def test_cancel_raises():
    class Stop:
        def isCanceled(self):  # noqa: N802
            return True

        def setProgress(self, value):  # noqa: N802
            pass

    geoms = np.array([shapely.box(0, 0, 2, 2), shapely.box(1, 1, 3, 3)])
    with pytest.raises(Canceled):
        deduplicate(geoms, progress=Progress(Stop()))


def test_is_coverage():
    from lyg_nrp_plugin.core.overlaps import is_coverage

    grid = np.array([shapely.box(i, j, i + 1, j + 1) for i in range(4) for j in range(4)])
    assert is_coverage(grid)
    assert is_coverage(grid[[0, 5, 10]])  # gaps are no overlap
    assert not is_coverage(np.append(grid, shapely.box(0.5, 0.5, 1.5, 1.5)))
    assert not is_coverage(np.array([grid[0], grid[0]]))  # the same parcel twice


def test_is_coverage_by_group():
    """Each group's items tested together, a few groups a test: an overlap inside a group is
    found wherever the group falls; items of different groups may overlap."""
    from lyg_nrp_plugin.core.overlaps import is_coverage_by_group

    grid = [shapely.box(i, j, i + 1, j + 1) for i in range(4) for j in range(4)]
    geoms = np.array([*grid, shapely.box(0.5, 0.5, 1.5, 1.5)], dtype=object)
    n = len(grid)
    # 12 groups of the grid's cells, cell k in group k % 12 (some cells in two groups)
    group = np.array([k % 12 for k in range(n)] + [0, 1])
    item = np.array(list(range(n)) + [4, 5])
    assert is_coverage_by_group(geoms, group, item)
    for per in (1, 2, 5, 100):
        # the extra square overlaps cells 0, 1, 4, 5: in group 5 with cell 5 it overlaps
        assert not is_coverage_by_group(geoms, np.append(group, 5), np.append(item, n), per=per)
        if per < 12:  # alone in a test of its own it overlaps nothing
            assert is_coverage_by_group(geoms, np.append(group, 99), np.append(item, n), per=per)
    assert is_coverage_by_group(geoms, np.array([3]), np.array([2]))
    # null and empty items are no overlap
    holes = np.array([grid[0], None, shapely.Polygon(), grid[1]], dtype=object)
    assert is_coverage_by_group(holes, np.zeros(4, int), np.arange(4))
