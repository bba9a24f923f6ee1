"""core.farmland_balance: hand-worked balance sheets (arithmetic written out) and oracles.

Geometries are boxes in a local metric frame, so every area is width × height by hand.
1 亩 = 10 000 / 15 m² = 666.67 m²; capacity = Σ 亩 × kg_per_mu(grade).
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely import box

from lyg_nrp_plugin.core import farmland_balance as fb
from lyg_nrp_plugin.core.progress import Canceled, Progress

MU = 10_000 / 15  # m² per 亩

# A deliberately non-linear test table (a linear one makes "grade equal" imply "capacity equal").
CAP_CSV = """# test table
grade,kg_per_mu,note
1,1000,
2,1000,
3,950,
4,900,
5,850,
6,700,
7,650,
8,600,
9,500,
10,300,
11,280,
12,260,
13,240,
14,220,
15,200,
"""
CAP = fb.parse_capacity_csv(CAP_CSV, "test.csv")


def occupied(rows, groups=True, **kw):
    """rows: (fid, geom, dlbm, grade, group)."""
    return fb.Occupied(
        fids=np.array([r[0] for r in rows], dtype=np.int64),
        geoms=np.array([r[1] for r in rows], dtype=object),
        dlbm=[r[2] for r in rows],
        grade=[r[3] for r in rows],
        group=[r[4] for r in rows] if groups else None,
        **kw,
    )


def supplement(rows, groups=True, **kw):
    """rows: (fid, geom, dlbm, grade, slope, group)."""
    return fb.Supplement(
        fids=np.array([r[0] for r in rows], dtype=np.int64),
        geoms=np.array([r[1] for r in rows], dtype=object),
        dlbm=[r[2] for r in rows],
        grade=[r[3] for r in rows],
        slope=[r[4] for r in rows],
        group=[r[5] for r in rows] if groups else None,
        **kw,
    )


def by_group(result):
    return {r.group: r for r in result.rows}


# --- the four checks, one group each --------------------------------------------------------


def build_four_groups():
    # group A: quantity balances, paddy fails
    #   occupied 0101 100×60 = 6000 (grade 5) + 0103 100×40 = 4000 (grade 5) = 10 000 m²
    #   supplement 0101 100×30 = 3000 (grade 5) + 0103 100×70 = 7000 (grade 5) = 10 000 m²
    # group B: quantity and paddy pass, grade fails
    #   occupied 0103 100×100 = 10 000 m² grade 4; supplement 0103 120×100 = 12 000 m² grade 6
    # group C: grade equal, capacity short (the table is convex around grade 6)
    #   occupied 0103 100×100 grade 6
    #   supplement 0103 50×100 grade 2 + 0103 50×100 grade 10 (mean grade (2+10)/2 = 6)
    # group D: occupied only; group E: supplement only
    occ = occupied(
        [
            (1, box(0, 0, 100, 60), "0101", 5, "A"),
            (2, box(0, 60, 100, 100), "0103", "5", "A"),
            (3, box(1000, 0, 1100, 100), "0103", 4, "B"),
            (4, box(2000, 0, 2100, 100), "0103", 6.0, "C"),
            (5, box(3000, 0, 3100, 30), "0102", 7, "D"),
        ]
    )
    sup = supplement(
        [
            (1, box(0, 500, 100, 530), "0101", 5, 2, "A"),
            (2, box(0, 530, 100, 600), "0103", 5, 1, "A"),
            (3, box(1000, 500, 1120, 600), "0103", 6, "2", "B"),
            (4, box(2000, 500, 2050, 600), "0103", 2, None, "C"),
            (5, box(2050, 500, 2100, 600), "0103", "10", None, "C"),
            (6, box(4000, 500, 4010, 600), "0101", 3, 1, "E"),
        ]
    )
    return fb.farmland_balance(occ, sup, CAP)


def test_paddy_fails_while_quantity_balances():
    a = by_group(build_four_groups())["A"]
    assert a.occ_m2 == pytest.approx(6000 + 4000)
    assert a.sup_m2 == pytest.approx(3000 + 7000)
    assert a.qty_ok and a.def_m2 == 0
    assert a.occ_paddy_m2 == pytest.approx(6000) and a.sup_paddy_m2 == pytest.approx(3000)
    assert not a.paddy_ok and a.def_paddy_m2 == pytest.approx(6000 - 3000)
    assert a.occ_grade == pytest.approx(5) and a.sup_grade == pytest.approx(5) and a.grade_ok
    # capacity 10 000 m² = 15 亩 × 850 kg on both sides
    assert a.occ_cap_kg == pytest.approx(15 * 850) and a.sup_cap_kg == pytest.approx(15 * 850)
    assert a.cap_ok and a.verdict == "FAIL" and a.verdict_zh == "不平衡"


def test_grade_fails_while_quantity_and_paddy_pass():
    b = by_group(build_four_groups())["B"]
    assert (b.occ_m2, b.sup_m2) == pytest.approx((10_000, 12_000))
    assert b.qty_ok and b.paddy_ok  # no paddy on either side: 0 >= 0
    assert b.occ_grade == pytest.approx(4) and b.sup_grade == pytest.approx(6)
    assert not b.grade_ok  # 6 is worse than 4
    # capacity: occupied 15 亩 × 900 = 13 500 kg; supplement 18 亩 × 700 = 12 600 kg
    assert b.occ_cap_kg == pytest.approx(15 * 900)
    assert b.sup_cap_kg == pytest.approx(12_000 / MU * 700)
    assert b.def_cap_kg == pytest.approx(13_500 - 12_600)
    assert b.verdict == "FAIL"


def test_grade_equal_but_capacity_short():
    c = by_group(build_four_groups())["C"]
    assert c.occ_grade == pytest.approx(6)
    assert c.sup_grade == pytest.approx((5000 * 2 + 5000 * 10) / 10_000)  # = 6
    assert c.grade_ok and c.qty_ok and c.paddy_ok
    # occupied 15 亩 × 700 = 10 500 kg; supplement 7.5 亩 × 1000 + 7.5 亩 × 300 = 9 750 kg
    assert c.occ_cap_kg == pytest.approx(10_500)
    assert c.sup_cap_kg == pytest.approx(7.5 * 1000 + 7.5 * 300)
    assert not c.cap_ok and c.def_cap_kg == pytest.approx(750)
    assert c.verdict == "FAIL"


def test_group_on_one_side_only():
    rows = by_group(build_four_groups())
    d, e = rows["D"], rows["E"]
    # D: occupied 100×30 = 3000 m² of 0102 grade 7, nothing supplied
    assert d.occ_m2 == pytest.approx(3000) and d.sup_m2 == 0 and d.sup_grade is None
    assert d.def_m2 == pytest.approx(3000)
    assert d.def_cap_kg == pytest.approx(3000 / MU * 650)  # 4.5 亩 × 650 kg
    assert not d.grade_ok and d.verdict == "FAIL"
    # E: 10×100 = 1000 m² supplied, nothing occupied: passes with zeros on the occupied side
    assert e.occ_m2 == 0 and e.occ_grade is None and e.sup_m2 == pytest.approx(1000)
    assert e.sup_paddy_m2 == pytest.approx(1000) and e.verdict == "PASS"


def test_total_row_sums_and_per_group_deficits():
    result = build_four_groups()
    assert [r.group for r in result.rows] == ["A", "B", "C", "D", "E", "TOTAL"]
    total = result.total
    assert total.row_type == "total"
    assert total.occ_m2 == pytest.approx(10_000 + 10_000 + 10_000 + 3000)
    assert total.sup_m2 == pytest.approx(10_000 + 12_000 + 10_000 + 1000)
    # pooled, quantity would balance (33 000 vs 33 000); per group D still lacks 3000 m²
    assert total.def_m2 == pytest.approx(3000) and not total.qty_ok
    assert total.def_paddy_m2 == pytest.approx(3000)
    assert total.def_cap_kg == pytest.approx(900 + 750 + 3000 / MU * 650)
    assert total.verdict == "FAIL"


# --- exclusion rules and overlaps -------------------------------------------------------------


def test_exclusions_and_overlap():
    # occupied: 0101 100×20 = 2000 m², grade 5
    occ = occupied([(1, box(0, 0, 100, 20), "0101", 5, "G")])
    red_line = box(-10, 1000, 10, 1100)  # covers x 0..10 of plot 1
    protected = box(595, 1000, 700, 1100)  # covers x 595..600 of plot 6
    sup = supplement(
        [
            (1, box(0, 1000, 100, 1020), "0101", 5, 2, "G"),  # 10×20 = 200 m² in the red line
            (2, box(200, 1000, 300, 1020), "0101", 5, 5, "G"),  # slope level 5
            (3, box(400, 1000, 500, 1020), "0301", 5, 2, "G"),  # 乔木林地, not farmland
            (4, box(0, 2000, 100, 2030), "0101", 5, 2, "G"),  # 3000 m², kept
            (5, box(0, 2020, 100, 2050), "0101", 5, 2, "G"),  # overlaps 4 by 100×10 = 1000
            (6, box(500, 1000, 600, 1020), "0102", 5, 1, "G"),  # 5×20 = 100 m² in protected area
            (7, box(800, 1000, 900, 1020), "0101", None, 1, "G"),  # no grade
            (8, box(-100, 1000, -10, 1020), "0101", 5, 1, "G"),  # touches the red line only
            (9, box(1000, 1000, 1100, 1020), "0101", 5, "", "G"),  # slope unknown: not checked
        ]
    )
    result = fb.farmland_balance(occ, sup, CAP, eco_redline=red_line, protected_areas=protected)
    flagged = {(f.fid, f.reason): f for f in result.flagged}
    assert set(flagged) == {
        (1, "eco_redline"),
        (2, "slope"),
        (3, "not_farmland"),
        (5, "overlap"),
        (6, "protected_area"),
        (7, "no_grade"),
    }
    assert flagged[(1, "eco_redline")].inside_m2["eco_redline"] == pytest.approx(200)
    assert flagged[(1, "eco_redline")].excluded_m2 == pytest.approx(2000)  # the whole plot
    assert flagged[(6, "protected_area")].excluded_m2 == pytest.approx(2000)
    assert flagged[(3, "not_farmland")].reason_zh == "非耕地地类"
    ov = flagged[(5, "overlap")]
    assert ov.overlaps == (4,) and ov.reason_zh == "重叠"
    assert ov.excluded_m2 == pytest.approx(1000) and ov.credited_m2 == pytest.approx(2000)
    assert ov.geometry.equals(box(0, 2020, 100, 2030))
    g = by_group(result)["G"]
    # credited: 4 (3000) + 5 trimmed (3000 − 1000) + 8 (1800) + 9 (2000) = 8800 m², all 0101
    assert g.sup_m2 == pytest.approx(3000 + 2000 + 1800 + 2000)
    assert g.sup_paddy_m2 == pytest.approx(8800)
    assert result.sup_slope_unknown == 1
    assert g.verdict == "PASS"


def test_several_reasons_are_all_listed():
    occ = occupied([], groups=False)
    sup = supplement([(1, box(0, 0, 10, 10), "0305", None, 5, None)], groups=False)
    result = fb.farmland_balance(occ, sup, CAP, eco_redline=box(0, 0, 5, 10))
    (plot,) = result.flagged
    assert plot.reasons == ("not_farmland", "no_grade", "slope", "eco_redline")
    assert plot.reason_zh == "非耕地地类；缺少耕地等别；坡度超限；生态保护红线"


def test_sliver_overlaps_below_min_area_are_ignored():
    occ = occupied([], groups=False)
    sup = supplement(
        [
            (1, box(0, 0, 100, 10), "0101", 5, 1, None),
            (2, box(0, 9.98, 100, 20), "0101", 5, 1, None),  # overlap 100 × 0.02 = 2.0 m²
            (3, box(0, 19.995, 100, 30), "0101", 5, 1, None),  # overlap 100 × 0.005 = 0.5 m²
        ],
        groups=False,
    )
    result = fb.farmland_balance(
        occ, sup, CAP, eco_redline=box(-1, -1, 0.004, 50), min_area=1.0
    )  # red line overlaps plots by 0.04 m² each
    assert [(f.fid, f.reason) for f in result.flagged] == [(2, "overlap")]
    assert result.flagged[0].excluded_m2 == pytest.approx(2.0)
    assert result.total.sup_m2 == pytest.approx(1000 + (1002 - 2.0) + 1000.5)


def test_overlaps_count_once_against_union_oracle():
    rng = np.random.default_rng(7)
    xy = rng.uniform(0, 500, size=(60, 2))
    wh = rng.uniform(20, 120, size=(60, 2))
    geoms = [box(x, y, x + w, y + h) for (x, y), (w, h) in zip(xy, wh)]
    codes = ["0101" if i % 3 else "0301" for i in range(60)]
    rows = [
        (i + 1, g, c, 1 + i % 15, 1 + i % 5, None) for i, (g, c) in enumerate(zip(geoms, codes))
    ]
    sup = supplement(rows, groups=False)
    occ = occupied([], groups=False)
    result = fb.farmland_balance(occ, sup, CAP, max_slope_level=4, min_area=0.0)
    keep = [g for (fid, g, c, grade, slope, _) in rows if c == "0101" and slope <= 4]
    assert result.total.sup_m2 == pytest.approx(shapely.union_all(keep).area, rel=1e-9)
    credited = [g for g in result.credited_geoms if g is not None]
    # credited parts never overlap each other
    assert sum(g.area for g in credited) == pytest.approx(
        shapely.union_all(credited).area, rel=1e-9
    )
    excluded_overlap = sum(f.excluded_m2 for f in result.flagged if f.reason == "overlap")
    assert excluded_overlap == pytest.approx(
        sum(g.area for g in keep) - shapely.union_all(keep).area, rel=1e-9
    )


def test_area_field_and_overlap_share():
    # plot 2 declares 1200 m² for a 1000 m² geometry; 30 % of its geometry overlaps plot 1
    occ = occupied([], groups=False)
    sup = supplement(
        [
            (1, box(0, 0, 100, 10), "0101", 5, 1, None),
            (2, box(70, 0, 170, 10), "0101", 5, 1, None),
        ],
        groups=False,
        area_m2=[None, 1200.0],
    )
    result = fb.farmland_balance(occ, sup, CAP)
    (ov,) = result.flagged
    assert ov.excluded_m2 == pytest.approx(1200 * 0.3)
    assert result.total.sup_m2 == pytest.approx(1000 + 1200 * 0.7)


def test_occupied_area_from_field_or_geometry_times_kcxs():
    occ = occupied(
        [
            (1, box(0, 0, 100, 100), "0101", 5, None),  # 10 000 m² × (1 − 0.1) = 9000
            (2, box(0, 200, 100, 300), "0103", 5, None),  # field says 7777
            (3, box(0, 400, 100, 500), "0702", None, None),  # 农村宅基地: not farmland, skipped
        ],
        groups=False,
        area_m2=[None, 7777.0, None],
        kcxs=[0.1, 0.5, None],
    )
    result = fb.farmland_balance(occ, supplement([], groups=False), CAP)
    assert result.total.occ_m2 == pytest.approx(9000 + 7777)
    assert result.total.occ_paddy_m2 == pytest.approx(9000)
    assert result.occ_skipped_fids == [3]
    # empty supplement: everything is a deficit
    assert result.total.sup_m2 == 0 and result.total.sup_grade is None
    assert result.total.def_m2 == pytest.approx(16_777)
    assert result.total.def_cap_kg == pytest.approx(16_777 / MU * 850)
    assert result.total.verdict == "FAIL"


def test_units_mu_hectare():
    # 1 公顷 = 15 亩 = 10 000 m²: 2 公顷 of grade 1 = 30 亩 × 1000 kg = 30 000 kg
    occ = occupied([(1, box(0, 0, 200, 100), "0101", 1, None)], groups=False)
    result = fb.farmland_balance(occ, supplement([], groups=False), CAP)
    assert result.total.occ_cap_kg == pytest.approx(30 * 1000)
    # exactly one 亩 (666.67 m²) of grade 15 gives 200 kg
    occ = occupied([(1, box(0, 0, MU, 1), "0103", 15, None)], groups=False)
    assert fb.farmland_balance(
        occ, supplement([], groups=False), CAP
    ).total.occ_cap_kg == pytest.approx(200)


def test_non_integer_grade_interpolates():
    assert CAP.capacity(6.5) == pytest.approx((700 + 650) / 2)
    assert CAP.capacity(9.25) == pytest.approx(0.75 * 500 + 0.25 * 300)
    occ = occupied([(1, box(0, 0, 100, 100), "0101", "6.5", None)], groups=False)
    result = fb.farmland_balance(occ, supplement([], groups=False), CAP)
    assert result.total.occ_cap_kg == pytest.approx(15 * 675)


def test_group_values_match_as_text():
    occ = occupied([(1, box(0, 0, 10, 10), "0101", 5, 320703)])
    sup = supplement(
        [
            (1, box(0, 50, 10, 60), "0101", 5, 1, " 320703"),
            (2, box(0, 70, 10, 80), "0101", 5, 1, 320703.0),
        ]
    )
    result = fb.farmland_balance(occ, sup, CAP)
    assert [r.group for r in result.rows] == ["320703", "TOTAL"]
    assert result.rows[0].sup_m2 == pytest.approx(200)


# --- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize("grade", [0, 16, "x", -1, 15.5])
def test_grade_outside_range_is_an_error(grade):
    occ = occupied([(7, box(0, 0, 10, 10), "0101", grade, None)], groups=False)
    with pytest.raises(fb.BalanceInputError) as info:
        fb.farmland_balance(occ, supplement([], groups=False), CAP)
    assert info.value.kind == "grade_range" and "7" in info.value.details["values"]


def test_supplement_grade_outside_range_is_an_error():
    sup = supplement([(3, box(0, 0, 10, 10), "0101", 20, 1, None)], groups=False)
    with pytest.raises(fb.BalanceInputError, match="grades 1-15"):
        fb.farmland_balance(occupied([], groups=False), sup, CAP)


def test_occupied_without_grade_is_an_error():
    occ = occupied(
        [
            (1, box(0, 0, 10, 10), "0101", 5, None),
            (2, box(0, 0, 10, 10), "0103", None, None),
            (3, box(0, 0, 10, 10), "1001", None, None),
        ],
        groups=False,
    )  # 铁路: no need
    with pytest.raises(fb.BalanceInputError) as info:
        fb.farmland_balance(occ, supplement([], groups=False), CAP)
    assert info.value.kind == "occ_grade_missing" and info.value.details["fids"] == "2"


def test_capacity_table_missing_grade():
    table = fb.parse_capacity_csv("grade,kg_per_mu\n1,900\n2,800\n4,600\n")
    assert table.missing_for([1, 2.5, 4]) == [3]
    occ = occupied([(1, box(0, 0, 10, 10), "0101", 3, None)], groups=False)
    with pytest.raises(fb.BalanceInputError) as info:
        fb.farmland_balance(occ, supplement([], groups=False), table)
    assert info.value.kind == "capacity_missing_grade" and info.value.details["grades"] == "3"


@pytest.mark.parametrize(
    "text,kind",
    [
        ("", "capacity_empty"),
        ("# only a comment\n", "capacity_empty"),
        ("grade,kg\n1,900\n", "capacity_header"),
        ("grade,kg_per_mu\n", "capacity_empty"),
        ("grade,kg_per_mu\n1,abc\n", "capacity_value"),
        ("grade,kg_per_mu\n1,-5\n", "capacity_value"),
        ("grade,kg_per_mu\n0,900\n", "capacity_grade_range"),
        ("grade,kg_per_mu\n16,900\n", "capacity_grade_range"),
        ("grade,kg_per_mu\n2.5,900\n", "capacity_grade_range"),
        ("grade,kg_per_mu\n1,900\n1,800\n", "capacity_duplicate"),
    ],
)
def test_capacity_csv_validation(text, kind):
    with pytest.raises(fb.BalanceInputError) as info:
        fb.parse_capacity_csv(text, "bad.csv")
    assert info.value.kind == kind


def test_capacity_csv_bom_comments_and_spaces():
    table = fb.parse_capacity_csv("\ufeff# c\n GRADE , kg_per_mu \n\n 3 , 850.5 \n1,1000\n")
    assert table.kg_per_mu == {3: 850.5, 1: 1000.0}
    assert table.is_monotonic()
    assert not fb.parse_capacity_csv("grade,kg_per_mu\n1,500\n2,600\n").is_monotonic()


def test_shipped_illustrative_table():
    from lyg_nrp_plugin.core.farmland_balance import load_capacity_csv

    from .conftest import ROOT

    path = ROOT / "resources" / "rules" / "grain_capacity_illustrative.csv"
    assert "ILLUSTRATIVE" in path.read_text(encoding="utf-8")
    table = load_capacity_csv(path)
    assert sorted(table.kg_per_mu) == list(range(1, 16)) and table.is_monotonic()
    assert (ROOT / "resources" / "rules" / "README_grain_capacity.md").is_file()


@pytest.mark.parametrize(
    "value,level", [(2, 2), ("3", 3), ("4级", 4), ("Ⅴ", 5), (None, None), ("", None), (5.0, 5)]
)
def test_slope_levels(value, level):
    assert fb.parse_slope_level(value) == level


def test_lower_fid_keeps_the_land_whatever_the_input_order():
    # plot 9 comes first in the input, plot 2 second; they overlap by 10×10 = 100 m²
    occ = occupied([], groups=False)
    sup = supplement(
        [
            (9, box(0, 0, 20, 10), "0101", 5, 1, None),  # 200 m²
            (2, box(10, 0, 30, 10), "0101", 5, 1, None),  # 200 m², first by fid
        ],
        groups=False,
    )
    result = fb.farmland_balance(occ, sup, CAP)
    (ov,) = result.flagged
    assert (ov.fid, ov.overlaps, ov.excluded_m2) == (9, (2,), pytest.approx(100))
    assert list(result.credited_m2) == pytest.approx([100, 200])
    assert result.total.sup_m2 == pytest.approx(300)


class _Feedback:
    """A core progress target that records the percentages and cancels from ``stop_at`` on."""

    def __init__(self, stop_at=None):
        self.stop_at = stop_at
        self.percents = []

    def isCanceled(self):  # noqa: N802
        return (
            self.stop_at is not None and bool(self.percents) and self.percents[-1] >= self.stop_at
        )

    def setProgress(self, percent):  # noqa: N802
        self.percents.append(percent)


def many_plots(n=450):
    """``n`` plots in a row, each overlapping the next by 1 m × 10 m."""
    rows = [(i + 1, box(9 * i, 0, 9 * i + 10, 10), "0101", 5, 1, None) for i in range(n)]
    return supplement(rows, groups=False)


def test_progress_stays_in_its_slice():
    feedback = _Feedback()
    result = fb.farmland_balance(
        occupied([], groups=False), many_plots(), CAP, progress=Progress(feedback, 40, 80)
    )
    assert len(result.flagged) == 449
    assert feedback.percents and all(40 <= p <= 80 for p in feedback.percents)
    assert feedback.percents == sorted(feedback.percents)


def test_cancel_raises_and_returns_nothing():
    feedback = _Feedback(stop_at=50)
    with pytest.raises(Canceled):
        fb.farmland_balance(
            occupied([], groups=False), many_plots(), CAP, progress=Progress(feedback, 40, 80)
        )
    assert max(feedback.percents) < 80


# --- newness against the base-year land use (issue 15 §1) ----------------------------------------
# CAP: grade 4 → 900, 5 → 850, 6 → 700, 7 → 650, 8 → 600 kg/亩; 1 亩 = 10 000/15 m².


def base_layer(rows, grades=True):
    """rows: (fid, geom, dlbm, grade)."""
    return fb.BaseLanduse(
        fids=np.array([r[0] for r in rows], dtype=np.int64),
        geoms=np.array([r[1] for r in rows], dtype=object),
        dlbm=[r[2] for r in rows],
        grade=[r[3] for r in rows] if grades else None,
    )


BASE = base_layer(
    [
        (1, box(0, 0, 100, 100), "0404", None),  # 其他草地
        (2, box(100, 0, 200, 100), "0103", 6),  # 旱地 grade 6
        (3, box(200, 0, 300, 100), "0102", 7),  # 水浇地 grade 7
        (4, box(300, 0, 400, 100), "0101", 6),  # 水田 grade 6
        (5, box(400, 0, 500, 100), "0103", 5),  # 旱地 grade 5
        (6, box(500, 0, 600, 100), "0301", None),  # 乔木林地
        (7, box(600, 0, 700, 100), "1105", None),  # 沿海滩涂
        (8, box(700, 0, 800, 100), "1104A", None),  # 养殖坑塘
        (9, box(800, 0, 900, 100), "1202", None),  # 设施农用地; x 900..1000 uncovered
        (10, box(1000, 0, 1100, 100), "0702", None),  # 农村宅基地
        (11, box(0, 200, 100, 300), "1202", None),
        (12, box(100, 200, 200, 300), "0103", 8),
        (13, box(2000, 0, 2100, 100), "0602", None),  # 采矿用地
    ]
)


def table_case():
    """One plot per row of the issue's table (all in group G); kcxs per plot."""
    rows = [
        # fid, geom, DLBM now, grade now, KCXS
        (1, box(0, 0, 100, 100), "0101", 4, 0.1),  # on 0404: new
        (2, box(100, 0, 200, 100), "0101", 5, 0.1),  # on 0103: 旱改水
        (3, box(200, 0, 300, 100), "0102", 5, 0.0),  # on 0102 grade 7: 提质改造
        (4, box(300, 0, 400, 100), "0101", 6, 0.0),  # on 0101 grade 6: not new
        (5, box(400, 0, 500, 100), "0103", 5, 0.0),  # on 0103 grade 5: not new
        (6, box(50, 200, 150, 300), "0101", 6, 0.0),  # half 1202 (new), half 0103 (旱改水)
        (7, box(500, 0, 600, 100), "0101", 5, 0.0),  # on 0301 林地: source
        (8, box(650, 0, 750, 100), "0101", 5, 0.0),  # half 1105 滩涂, half 1104A: source
        (9, box(900, 0, 1000, 100), "0101", 5, 0.0),  # no base parcel: no_base
        (10, box(950, 0, 1050, 100), "0101", 5, 0.0),  # half uncovered, half 0702: no_base
        (11, box(800, 0, 900, 100), "0103", 5, 0.0),  # on 1202: new, not paddy
        (12, box(2000, 0, 2100, 100.005), "0103", 5, 0.0),  # 0.5 m² outside 0602: a sliver
    ]
    return supplement(
        [(f, g, c, gr, 1, "G") for f, g, c, gr, _ in rows], kcxs=[k for *_, k in rows]
    )


def test_every_row_of_the_newness_table():
    credits = fb.credit_plots(table_case(), CAP, BASE, min_area=1.0)
    by_fid = {int(f): i for i, f in enumerate(credits.plots.fids)}

    def plot(fid):
        i = by_fid[fid]
        return tuple(
            round(float(a[i]), 6)
            for a in (credits.qty_m2, credits.paddy_m2, credits.upg_m2, credits.cap_kg)
        )

    # 1: new on 其他草地, net 10 000 × 0.9 = 9000 m² = 13.5 亩 × 900 (grade 4) = 12 150 kg
    assert plot(1) == (9000, 9000, 0, pytest.approx(12_150))
    # 2: 旱改水 0103 → 0101, net 9000: paddy and upgrade, no quantity;
    #    gain 13.5 亩 × (850 − 700) = 2025 kg
    assert plot(2) == (0, 9000, 9000, pytest.approx(2025))
    # 3: 提质改造 0102 grade 7 → grade 5: 15 亩 × (850 − 650) = 3000 kg, no paddy
    assert plot(3) == (0, 0, 10_000, pytest.approx(3000))
    # 4, 5: already farmland, no upgrade: nothing
    assert plot(4) == plot(5) == (0, 0, 0, 0)
    # 6: split: 50 × 100 on 1202 new (5000 m², 7.5 亩 × 700 = 5250 kg) and 50 × 100 on
    #    0103 grade 8 旱改水 (paddy 5000, gain 7.5 亩 × (700 − 600) = 750 kg)
    assert plot(6) == (5000, 10_000, 5000, pytest.approx(5250 + 750))
    # 7–10: excluded as a whole
    assert plot(7) == plot(8) == plot(9) == plot(10) == (0, 0, 0, 0)
    # 11: new on 1202, plot 0103: quantity only, 15 亩 × 850 = 12 750 kg
    assert plot(11) == (10_000, 0, 0, pytest.approx(12_750))
    # 12: 100 × 100 on 0602 is new; the 100 × 0.005 = 0.5 m² outside any parcel is a
    #     sliver (< MIN_AREA 1 m²): no exclusion, and not credited
    assert plot(12) == (pytest.approx(10_000), 0, 0, pytest.approx(12_750))

    flagged = {(f.fid, f.reason): f for f in credits.flagged}
    assert set(flagged) == {
        (4, "not_new"),
        (5, "not_new"),
        (7, "source"),
        (8, "source"),
        (9, "no_base"),
        (10, "no_base"),
    }
    assert flagged[(4, "not_new")].excluded_m2 == pytest.approx(10_000)
    assert flagged[(4, "not_new")].base_codes == ("0101",)
    assert flagged[(7, "source")].base_codes == ("0301",)
    assert flagged[(8, "source")].base_codes == ("1104A", "1105")  # every base class found
    assert "1105 沿海滩涂" in flagged[(8, "source")].detail_zh(4)
    assert flagged[(8, "source")].excluded_m2 == pytest.approx(10_000)  # the whole plot
    assert flagged[(10, "no_base")].base_codes == ("0702",)
    assert flagged[(10, "no_base")].reason_zh == "缺少基期地类"
    assert flagged[(7, "source")].reason_zh == "来源地类不宜开垦"
    assert credits.verified and credits.base_grade_missing == 0

    classes = sorted((p.fid, p.klass, round(p.net_m2, 3)) for p in credits.parts)
    assert (6, "new", 5000.0) in classes and (6, "paddy_upgrade", 5000.0) in classes
    assert (2, "paddy_upgrade", 9000.0) in classes and (3, "quality_upgrade", 10_000.0) in classes


def test_balance_sheet_with_base_layer():
    # occupied: 0101 150 × 100 = 15 000 m², grade 5, KCXS 0.1 → net 13 500 m² = 20.25 亩
    occ = occupied([(1, box(0, 5000, 150, 5100), "0101", 5, "G")], kcxs=[0.1])
    result = fb.farmland_balance(occ, table_case(), CAP, base=BASE)
    (g,) = result.group_rows
    # quantity = new land only: 9000 + 5000 + 10 000 + 10 000 = 34 000
    assert g.sup_m2 == pytest.approx(34_000)
    # paddy = new paddy 9000 (1) + 5000 (6) + 旱改水 9000 (2) + 5000 (6) = 28 000
    assert g.sup_paddy_m2 == pytest.approx(28_000)
    # upgrade only: 9000 (2) + 10 000 (3) + 5000 (6) = 24 000
    assert g.sup_upg_m2 == pytest.approx(24_000)
    # capacity: 12 150 + 2025 + 3000 + 6000 + 12 750 + 12 750 = 48 675 kg
    assert g.sup_cap_kg == pytest.approx(48_675)
    # grade over the new quantity: (9000×4 + 5000×6 + 10 000×5 + 10 000×5) / 34 000
    assert g.sup_grade == pytest.approx((36_000 + 30_000 + 50_000 + 50_000) / 34_000)
    assert g.occ_m2 == pytest.approx(13_500) and g.occ_cap_kg == pytest.approx(20.25 * 850)
    assert g.passed and result.verified
    assert result.total.sup_upg_m2 == pytest.approx(24_000)


def test_without_base_layer_every_credit_is_new_but_net():
    # the same plots without a base: every plot counts as new, net of its KCXS
    result = fb.farmland_balance(occupied([], groups=False), table_case(), CAP)
    # 12 plots: 1, 2 net 9000 each; 3–5, 7–11 10 000 each; 6 10 000; 12 10 000.5;
    # plots 8, 9, 10 overlap: 9 (x 900–1000) and 10 (x 950–1050) share 50 × 100 = 5000 m²
    gross = 9000 * 2 + 10_000 * 9 + 10_000.5 - 5000
    assert result.total.sup_m2 == pytest.approx(gross)
    assert result.total.sup_upg_m2 == 0 and not result.verified
    assert [f.reason for f in result.flagged] == ["overlap"]


def test_missing_base_grade_gives_no_gain_and_is_counted():
    base = base_layer([(1, box(0, 0, 100, 100), "0103", None)])
    sup = supplement([(1, box(0, 0, 100, 100), "0101", 3, 1, None)], groups=False)
    credits = fb.credit_plots(sup, CAP, base)
    # 旱改水 still gives the paddy; without the base grade the capacity gain is 0
    assert (credits.qty_m2[0], credits.paddy_m2[0], credits.cap_kg[0]) == (0, 10_000, 0)
    assert credits.base_grade_missing == 1


def test_paddy_to_dry_and_unknown_base_codes():
    base = base_layer(
        [(1, box(0, 0, 100, 100), "0101", 9), (2, box(200, 0, 300, 100), "9999", None)]
    )
    sup = supplement(
        [
            (1, box(0, 0, 100, 100), "0103", 3, 1, None),  # 水改旱, even with a better grade
            (2, box(200, 0, 300, 100), "0101", 3, 1, None),  # an unknown base code
        ],
        groups=False,
    )
    credits = fb.credit_plots(sup, CAP, base)
    assert credits.cap_kg.tolist() == [0, 0] and credits.upg_m2.tolist() == [0, 0]
    reasons = {f.fid: f for f in credits.flagged}
    assert reasons[1].reason == "not_new"
    assert reasons[2].reason == "source" and "未知地类" in reasons[2].detail_zh(4)


def test_overlapping_base_parcels_count_once():
    # base 1 (0404) covers x 0–100, base 2 (0103) x 50–150: under the plot the lower fid keeps
    # x 50–100, so the plot is 100 × 100 new and only 50 × 100 旱改水 (not 150 × 100 in all)
    base = base_layer(
        [(2, box(50, 0, 150, 100), "0103", 6), (1, box(0, 0, 100, 100), "0404", None)]
    )
    sup = supplement([(1, box(0, 0, 150, 100), "0101", 5, 1, None)], groups=False)
    credits = fb.credit_plots(sup, CAP, base)
    assert credits.qty_m2[0] == pytest.approx(10_000)
    assert credits.upg_m2[0] == pytest.approx(5000)
    assert credits.paddy_m2[0] == pytest.approx(15_000)


def test_kcxs_unit_is_decided_per_layer():
    # any value > 1: the layer is percent-coded; 0.5 then means 0.5 %, not 50 %
    rows = [
        (1, box(0, 0, 100, 100), "0101", 5, 1, None),
        (2, box(0, 200, 100, 300), "0101", 5, 1, None),
    ]
    credits = fb.credit_plots(supplement(rows, groups=False, kcxs=[10, 0.5]), CAP)
    assert credits.qty_m2.tolist() == pytest.approx([9000, 9950])
    assert credits.plots.kcxs_unit == "percent"
    credits = fb.credit_plots(supplement(rows, groups=False, kcxs=[0.1, 0.05]), CAP)
    assert credits.qty_m2.tolist() == pytest.approx([9000, 9500])
    assert credits.plots.kcxs_unit == "fraction"


@pytest.mark.parametrize(
    "area,kcxs,note",
    [
        (-500.0, 0.1, "面积字段"),
        ("abc", 0.1, "面积字段"),
        ("约5万", 0.1, "面积字段"),
        (None, "x", "田坎"),
    ],
)
def test_unusable_area_or_kcxs_excludes_the_plot(area, kcxs, note):
    rows = [
        (1, box(0, 0, 100, 100), "0101", 5, 1, None),
        (2, box(0, 200, 100, 300), "0101", 5, 1, None),
    ]
    sup = supplement(
        rows, groups=False, area_m2=[area, 10_000.0], kcxs=[kcxs, 0.1], area_field="MJ"
    )
    result = fb.farmland_balance(occupied([], groups=False), sup, CAP)
    (flag,) = result.flagged
    assert (flag.fid, flag.reason) == (1, "bad_value") and note in flag.detail_zh(4)
    assert result.total.sup_m2 == pytest.approx(9000)  # plot 2 only, net


@pytest.mark.parametrize("value", [-50_000.0, "abc", "约5万"])
def test_negative_or_text_occupied_area_is_refused(value):
    occ = occupied(
        [(4, box(0, 0, 10, 10), "0101", 5, None), (9, box(0, 20, 10, 30), "0101", 5, None)],
        groups=False,
        area_m2=[100.0, value],
        area_field="net_m2",
    )
    with pytest.raises(fb.BalanceInputError) as info:
        fb.farmland_balance(occ, supplement([], groups=False), CAP)
    assert info.value.kind == "occ_area_value" and info.value.details["values"].startswith("9:")


def test_occupied_kcxs_percent_and_invalid():
    occ = occupied(
        [
            (1, box(0, 0, 100, 100), "0101", 5, None),  # KCXS 15 (%) → 8500
            (2, box(0, 200, 100, 300), "0103", 5, None),  # KCXS 'x' → counted 0: 10 000
        ],
        groups=False,
        kcxs=[15, "x"],
    )
    result = fb.farmland_balance(occ, supplement([], groups=False), CAP)
    assert result.total.occ_m2 == pytest.approx(8500 + 10_000)
    assert result.occ_kcxs_unit == "percent" and result.occ_kcxs_invalid == [2]


def test_shipped_source_rules():
    rules = fb.load_source_rules()
    refused = ["0301", "0305", "0303", "0304", "0306", "0402", "1105", "1106", "1108"]
    refused += ["1101", "1102", "1103", "0401"]
    for code in refused:
        assert rules.rule(code).klass == "refused", code
    for code in ["0404", "1104", "1104A", "1202", "1201", "1206", "0602", "0702", "1003", "09"]:
        assert rules.rule(code).klass == "new", code
    for code in ["0101", "0102", "0103", 101]:
        assert rules.rule(code).klass == "farmland", code
    assert rules.rule("7777").klass == "refused" and rules.rule(None).klass == "refused"
    assert all(rule.basis for rule in rules.rules.values())


@pytest.mark.parametrize(
    "text",
    [
        "code,class\n01,farmland\n",
        "code,class,name_zh,basis,judgement\n01,maybe,x,y,no\n",
        "code,class,name_zh,basis,judgement\n01,new,x,y,no\n01,new,x,y,no\n",
    ],
)
def test_source_rules_validation(text):
    with pytest.raises(fb.BalanceInputError):
        fb.parse_source_rules(text, "bad.csv")


def test_gbk_capacity_table(tmp_path):
    path = tmp_path / "产能表.csv"
    path.write_bytes("# 江苏省示例\ngrade,kg_per_mu,说明\n1,900,一等\n2,850,二等\n".encode("gbk"))
    assert fb.load_capacity_csv(path).kg_per_mu == {1: 900.0, 2: 850.0}
    path.write_bytes(b"grade,kg_per_mu\n1,\xff\xfe\xfa\n")
    with pytest.raises(fb.BalanceInputError) as info:
        fb.load_capacity_csv(path)
    assert info.value.kind in ("capacity_read", "capacity_value")


def test_excluded_plots_list_every_reason_and_their_base_classes():
    base = base_layer(
        [(1, box(0, 0, 100, 100), "0301", None), (2, box(200, 0, 300, 100), "0404", None)]
    )
    sup = supplement(
        [
            (1, box(0, 0, 100, 100), "0101", 5, 1, None),  # in the red line and on 林地
            (2, box(200, 0, 300, 100), "0101", 5, 5, None),  # too steep, on 其他草地
        ],
        groups=False,
    )
    credits = fb.credit_plots(sup, CAP, base, eco_redline=box(0, 0, 50, 100))
    flags = {f.fid: f for f in credits.flagged}
    assert flags[1].reasons == ("eco_redline", "source") and flags[1].base_codes == ("0301",)
    assert flags[2].reasons == ("slope",) and flags[2].base_codes == ("0404",)
    assert credits.qty_m2.tolist() == [0, 0]
