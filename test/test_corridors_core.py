"""core.corridors / core.transects / core.corridor_chart on constructed cases with known answers."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from lyg_nrp_plugin.core import corridors as cc
from lyg_nrp_plugin.core import transects as tx
from lyg_nrp_plugin.core.corridor_chart import width_chart_svg
from lyg_nrp_plugin.core.progress import Canceled, Progress

ECO = tx.parse_eco_classes(None)


def straight_case(
    block_x0: float,
    block_w: float = 80.0,
    length: float = 2000.0,
    half: float = 200.0,
    block_y=(-300.0, 300.0),
    code="0601",
):
    """A river along y=0, corridor 2*half wide, forest everywhere but one block."""
    axis = shapely.LineString([(0, 0), (length, 0)])
    corridor = shapely.buffer(axis, half, cap_style="flat")
    geoms = [
        shapely.box(-50, -300, block_x0, 300),
        shapely.box(block_x0, block_y[0], block_x0 + block_w, block_y[1]),
        shapely.box(block_x0 + block_w, -300, length + 50, 300),
    ]
    codes = ["0301", code, "0301"]
    if block_y != (-300.0, 300.0):  # the rest of the block's column is forest
        other = (block_y[1], 300.0) if block_y[0] <= -300 else (-300.0, block_y[0])
        geoms.append(shapely.box(block_x0, other[0], block_x0 + block_w, other[1]))
        codes.append("0305")
    return axis, corridor, tx.LandUse.build(geoms, codes, ECO)


@pytest.mark.parametrize("spacing, x0", [(20, 1005), (20, 1012), (10, 1000), (10, 1003)])
def test_straight_river_one_break_of_the_block_length(spacing, x0):
    axis, corridor, land = straight_case(x0)
    result = tx.assess(corridor, axis, land, spacing, 30.0, 0.5)
    # Rule: transect k stands at centre c_k = (k + 0.5) * spacing and for the cell
    # [k*spacing, (k+1)*spacing]; it is a break when its centre lies in the block [x0, x0+80]
    # (then it runs through built land for its full 400 m: eco width 0, built share 1).
    centres = (np.arange(2000 / spacing) + 0.5) * spacing
    inside = centres[(centres >= x0) & (centres <= x0 + 80)]
    assert len(result.breaks) == 1
    brk = result.breaks[0]
    assert brk.n_transects == len(inside)
    assert brk.length_m == pytest.approx(len(inside) * spacing)
    assert abs(brk.length_m - 80.0) <= spacing
    assert brk.start_m == pytest.approx(inside[0] - spacing / 2)
    assert brk.end_m == pytest.approx(inside[-1] + spacing / 2)
    # the break polygon is the corridor between start and end: 400 m wide
    assert brk.polygon.area == pytest.approx(400.0 * brk.length_m)
    # its built land: the block's part inside [start, end] x [-200, 200]
    overlap = min(brk.end_m, x0 + 80) - max(brk.start_m, x0)
    assert brk.built_m2 == pytest.approx(400.0 * overlap)
    assert brk.built_dlbm == "0601" and brk.cause == "built"
    # mean eco width by hand: n transects, len(inside) of them 0 m, the others 400 m
    n = 2000 / spacing
    assert result.n_transects == n
    assert result.mean_eco_width == pytest.approx((n - len(inside)) * 400.0 / n)
    assert result.min_eco_width == pytest.approx(0.0)
    assert result.continuity == pytest.approx(1 - len(inside) / n)
    # area stats: corridor 2000 x 400; the block takes 80 x 400 of it
    assert result.stats.area_m2 == pytest.approx(800_000.0)
    assert result.stats.built_m2 == pytest.approx(32_000.0)
    assert result.stats.eco_m2 == pytest.approx(768_000.0)
    # two eco patches either side of the block; LPI = larger patch / corridor
    assert result.stats.n_patches == 2
    larger = max(x0, 2000 - x0 - 80) * 400.0
    assert result.stats.largest_patch_ratio == pytest.approx(larger / 800_000.0)


def test_built_share_threshold_and_narrow_eco_width():
    # a built block over half the corridor width (y -200..0): built share 0.5 = threshold
    axis, corridor, land = straight_case(1000, 100, block_y=(-300.0, 0.0))
    result = tx.assess(corridor, axis, land, 20, 30.0, 0.5)
    assert len(result.breaks) == 1 and result.breaks[0].n_transects == 5
    assert result.transects.eco_width.min() == pytest.approx(200.0)
    # threshold 0.6: the same transects (share 0.5, eco width 200 m >= 30) are no break
    assert tx.assess(corridor, axis, land, 20, 30.0, 0.6).breaks == []
    # farmland (not built, not eco) over the whole width: eco width 0 < 30 -> "narrow" break
    axis, corridor, land = straight_case(1000, 100, code="0103")
    result = tx.assess(corridor, axis, land, 20, 30.0, 0.5)
    assert len(result.breaks) == 1 and result.breaks[0].cause == "narrow"
    assert result.breaks[0].built_m2 == 0 and result.breaks[0].built_dlbm is None
    assert result.stats.farm_m2 == pytest.approx(100 * 400.0)


class Stopped:
    """A feedback whose user pressed Cancel."""

    def isCanceled(self):  # noqa: N802
        return True


def test_assess_raises_canceled_never_a_partial_result():
    axis, corridor, land = straight_case(1000)
    with pytest.raises(Canceled):
        tx.assess(corridor, axis, land, 20, 30.0, 0.5, progress=Progress(Stopped()))
    item = tx.CorridorInput("R1", "x", cc.KIND_RIVER, corridor)  # no axis: one is derived
    with pytest.raises(Canceled):
        tx.assess_corridor(item, land, 20, 30.0, 0.5, [], progress=Progress(Stopped()))
    result = tx.assess_corridor(item, land, 20, 30.0, 0.5, [])
    assert result.axis_source == "derived" and len(result.breaks) == 1
    assert (result.grade, result.grade_zh) == ("", "")  # no rule for the kind


def test_half_widths_fall_back_to_the_default():
    read = cc.half_widths([50, "70", None, "x", 0, -3, float("nan"), 9000, 5000], 200.0)
    assert list(read.widths) == [50, 70, 200, 200, 200, 200, 200, 200, 5000]
    assert read.empty == [2, 6]  # NULL, NaN: the default, not an error
    assert read.rejected == [3, 4, 5, 7]  # text, zero, negative, over the 5000 m bound
    assert read.n_fallback == 6


ALIASES = {"善后河": "古泊善后河", "蔷薇河": "蔷薇河-临洪河", "临洪河": "蔷薇河-临洪河"}


def test_aliases_of_requested_and_line_names():
    from lyg_nrp_plugin.paths import resource_path

    bundled = cc.load_aliases(resource_path("rules", "corridor_aliases.csv"))
    assert {k: bundled[k] for k in ALIASES} == ALIASES
    # the plan's own 善后河 (六(四)) is the corridor 古泊善后河; 蔷薇河 / 临洪河 are one corridor
    names = cc.parse_names("龙王河, 善后河, 蔷薇河, 临洪河", bundled)
    assert names == ["龙王河", "古泊善后河", "蔷薇河-临洪河"]
    # a line named by an alias is taken by its corridor and keeps its own name as source
    m = cc.match_names(["古泊善后河"], ["善后河", "灌河", "古泊善后河"], bundled)[0]
    assert m.indices == [0, 2] and m.matched_names == ["善后河", "古泊善后河"]
    # a part alias does not hide which part is missing
    part = cc.match_names(["蔷薇河-临洪河"], ["蔷薇河"], bundled)[0]
    assert part.indices == [0] and part.missing_parts == ["临洪河"]
    assert not cc.match_names(["古泊善后河"], ["善后河"])[0].found  # without the table


def test_alias_table_errors(tmp_path):
    bad = tmp_path / "a.csv"
    bad.write_text("alias,canonical,basis\n善后河,,x\n", encoding="utf-8")
    with pytest.raises(ValueError):
        cc.load_aliases(bad)
    bad.write_text("alias,canonical,basis\nA,B,x\nA,C,y\n", encoding="utf-8")
    with pytest.raises(ValueError):
        cc.load_aliases(bad)


def test_clip_to_land_and_outside_area():
    band = shapely.box(0, -100, 1000, 100)
    land = shapely.box(-50, -300, 1200, 40)  # cuts the band at y = 40
    clipped, cut = cc.clip_to_land(band, land)
    assert clipped.area == pytest.approx(1000 * 140) and cut == pytest.approx(1000 * 60)
    assert cc.clip_to_land(band, None) == (band, 0.0)
    axis = shapely.LineString([(0, 0), (1000, 0)])  # coastline along y = 0, land below
    assert cc.belt_outside_m2(axis, shapely.box(-10, -500, 1010, 0), 200) == pytest.approx(
        1000 * 200
    )


def water_world():
    """A 1000 m river corridor 400 m wide along y = 0 (y -200..200): water y -50..50, forest
    (0301) y 50..200, on the south bank built land (0601) x 0..300 and forest x 300..1000."""
    corridor = shapely.box(0, -200, 1000, 200)
    axis = shapely.LineString([(0, 0), (1000, 0)])
    parcels = [
        (shapely.box(-10, -50, 1010, 50), "1101"),
        (shapely.box(-10, 50, 1010, 210), "0301"),
        (shapely.box(-10, -210, 300, -50), "0601"),
        (shapely.box(300, -210, 1010, -50), "0301"),
    ]
    return corridor, axis, parcels


def test_water_is_measured_apart_from_the_land_beside_it():
    corridor, axis, parcels = water_world()
    eco = tx.parse_eco_classes(None)
    land = tx.LandUse.build([g for g, _ in parcels], [c for _, c in parcels], eco)
    a = tx.assess(corridor, axis, land, 100, 30, 0.5)
    s = a.stats
    # hand-worked: water 1000 x 100; forest 1000 x 150 + 700 x 150; built 300 x 150
    assert s.water_m2 == pytest.approx(100_000)
    assert s.eco_m2 == pytest.approx(150_000 + 105_000)
    assert s.eco_ratio == pytest.approx(255_000 / 300_000)
    assert s.built_ratio == pytest.approx(45_000 / 300_000)
    t = a.transects
    assert list(t.water) == pytest.approx([100] * 10)
    # x 50..250: forest 150 only (north bank) and built share 150 / 300; x 350..950: 300 m
    assert list(t.eco_width) == pytest.approx([150] * 3 + [300] * 7)
    assert list(t.built_share) == pytest.approx([0.5] * 3 + [0] * 7)
    assert list(t.is_break) == [True] * 3 + [False] * 7
    assert a.mean_eco_width == pytest.approx((3 * 150 + 7 * 300) / 10)


def test_all_water_corridor_is_not_graded():
    from lyg_nrp_plugin.paths import resource_path

    rules = tx.load_grade_rules(resource_path("rules", "corridor_grades.csv"))
    corridor = shapely.box(0, -50, 1000, 50)
    axis = shapely.LineString([(0, 0), (1000, 0)])
    land = tx.LandUse.build([shapely.box(-10, -60, 1010, 60)], [1101], tx.parse_eco_classes(None))
    r = tx.assess_corridor(
        tx.CorridorInput("R6", "新沂河", "river", corridor, axis), land, 100, 30, 0.5, rules
    )
    s = r.assessment.stats
    assert s.water_m2 == pytest.approx(100_000) and s.eco_m2 == 0
    assert s.eco_ratio is None and s.built_ratio is None
    assert (r.grade, r.grade_zh, r.not_graded) == ("", "", tx.NOT_GRADED_WATER)
    assert r.assessment.continuity is None and not r.assessment.breaks  # water is no break


def test_integer_dlbm_and_fish_ponds():
    eco = tx.parse_eco_classes(None)
    geoms = [shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10), shapely.box(20, 0, 30, 10)]
    land = tx.LandUse.build(geoms, [301, "1104A", 1101.0], eco)
    assert list(land.codes) == ["0301", "1104A", "1101"]
    assert list(land.is_eco) == [True, False, False]  # 1104A 养殖坑塘 not ecological by default
    assert list(land.is_water) == [False, False, True]
    override = tx.LandUse.build(geoms, [301, "1104A", 1101], tx.parse_eco_classes("forest,1104A"))
    assert list(override.is_eco) == [True, True, False]  # ECO_CLASSES overrides; water never


def test_bent_river_transects_perpendicular_and_inside():
    axis = shapely.LineString([(0, 0), (1000, 0), (1000, 800)])
    half = 100.0
    corridor = shapely.buffer(axis, half, cap_style="flat", join_style="round")
    t = tx.make_transects(corridor, axis, 50.0)
    # cells: 1800 m of axis / 50 m = 36 transects
    assert len(t) == 36
    bend = 1000.0
    delta = 5.0  # min(spacing / 4, 5 m): tangent sampled 5 m either side
    grown = corridor.buffer(1e-6)
    for k in range(len(t)):
        line = t.geoms[k]
        assert grown.contains(line)
        (x0, y0), (x1, y1) = line.coords[0], line.coords[-1]
        direction = np.array([x1 - x0, y1 - y0]) / line.length
        s = t.chainage[k]
        tangent = np.array([1.0, 0.0]) if s < bend else np.array([0.0, 1.0])
        if abs(s - bend) > delta:
            assert abs(direction @ tangent) < 1e-9  # perpendicular
        if abs(s - bend) > half:  # away from the bend the transect spans the full width
            assert line.length == pytest.approx(2 * half)
        else:
            assert line.length <= 2 * half + 1e-5  # reach = half-width + 1 µm
        # it passes through its axis point
        assert line.distance(axis.interpolate(s)) < 1e-6


def test_transect_piece_containing_the_axis_point_only():
    # a U-shaped river: the raw transect of one arm also crosses the other arm's corridor
    axis = shapely.LineString([(0, 0), (1000, 0), (1000, 300), (0, 300)])
    corridor = shapely.buffer(axis, 100, cap_style="flat")
    t = tx.make_transects(corridor, axis, 100.0)
    first = t.geoms[0]  # at x = 50 on the lower arm
    assert first.length == pytest.approx(200.0)
    assert first.bounds[1] == pytest.approx(-100) and first.bounds[3] == pytest.approx(100)


def test_area_stats_against_shapely_oracle():
    rng = np.random.default_rng(5)
    xs, ys = np.meshgrid(np.arange(0, 1000, 100.0), np.arange(-300, 300, 100.0))
    geoms = [shapely.box(x, y, x + 100, y + 100) for x, y in zip(xs.ravel(), ys.ravel())]
    codes = rng.choice(["0301", "0404", "1101", "1107", "1109", "0101", "0702", "1105"], len(geoms))
    land = tx.LandUse.build(geoms, codes, ECO)
    corridor = shapely.LineString([(30, 10), (500, 90), (970, -40)]).buffer(120)
    stats = tx.area_stats(corridor, land)
    # the water surface 1101 is measured apart: never ecological land
    eco = sum(
        g.intersection(corridor).area for g, c in zip(geoms, codes) if c in {"0301", "0404", "1105"}
    )
    water = sum(g.intersection(corridor).area for g, c in zip(geoms, codes) if c == "1101")
    built = sum(
        g.intersection(corridor).area for g, c in zip(geoms, codes) if c in {"1109", "0702"}
    )
    farm = sum(g.intersection(corridor).area for g, c in zip(geoms, codes) if c == "0101")
    assert stats.eco_m2 == pytest.approx(eco)
    assert stats.built_m2 == pytest.approx(built)
    assert stats.farm_m2 == pytest.approx(farm)
    assert stats.water_m2 == pytest.approx(water) and water > 0
    land_m2 = corridor.area - water
    assert stats.eco_ratio == pytest.approx(eco / land_m2)
    assert stats.built_ratio == pytest.approx(built / land_m2)
    oracle = shapely.union_all(
        [g.intersection(corridor) for g, c in zip(geoms, codes) if c in {"0301", "0404", "1105"}]
    )
    parts = [p for p in shapely.get_parts(oracle) if p.area > 0]
    assert stats.n_patches == len(parts)
    assert stats.largest_patch_ratio == pytest.approx(max(p.area for p in parts) / land_m2)


def test_eco_class_syntax():
    assert [ECO.is_eco(c) for c in ("0301", "0404", "1101", "1104", "1105", "0303")] == [True] * 6
    # 1104A 养殖坑塘 is not ecological by default (退养还湿); 1101 is, but LandUse measures the
    # water surface apart
    no = ("1107", "1107A", "1109", "0101", "0603", "0601", None, "1104A")
    assert [ECO.is_eco(c) for c in no] == [False] * 8
    assert ECO.is_eco(301) and ECO.is_eco("301")  # normalised codes
    custom = tx.parse_eco_classes("林地, 湿地, 0603, -0307")
    assert custom.is_eco("0301") and custom.is_eco("0603") and custom.is_eco("1106")
    assert not custom.is_eco("0307") and not custom.is_eco("1101") and not custom.is_eco("0404")
    prefix = tx.parse_eco_classes("11,-1109")
    assert prefix.is_eco("1107A") and prefix.is_eco("1101") and not prefix.is_eco("1109")
    with pytest.raises(ValueError):
        tx.parse_eco_classes("forest,bogus")
    with pytest.raises(ValueError):
        tx.parse_eco_classes("-1109")  # nothing included


def test_name_matching_rules():
    names = ["龙王河", "蔷薇河", " 临洪河", "灌河", "灌河", "新沂河 — 支流"]
    matches = {m.name: m for m in cc.match_names(cc.DEFAULT_CORRIDOR_NAMES, names)}
    assert matches["蔷薇河-临洪河"].indices == [1, 2]
    assert matches["灌河"].indices == [3, 4]
    assert not matches["青口河"].found and matches["青口河"].missing_parts == ["青口河"]
    # the combined name wins when a line carries it (hyphen variants are the same name)
    one = cc.match_names(["蔷薇河-临洪河"], ["蔷薇河", "蔷薇河－临洪河", "临洪河"])[0]
    assert one.indices == [1]
    part = cc.match_names(["蔷薇河-临洪河"], ["蔷薇河"])[0]
    assert part.indices == [0] and part.missing_parts == ["临洪河"]
    assert cc.parse_names("龙王河，青口河;灌河, 灌河") == ["龙王河", "青口河", "灌河"]


def test_river_corridor_merges_parts_and_flat_caps():
    a = shapely.LineString([(0, 0), (600, 0)])
    b = shapely.LineString([(1000, 0), (600, 0)])  # reversed, touching a
    polygon, axis = cc.river_corridor([a, b], [200.0, 200.0])
    assert axis.geom_type == "LineString" and axis.length == pytest.approx(1000.0)
    assert polygon.area == pytest.approx(2 * 200 * 1000)  # flat caps: exactly a rectangle
    # per-feature widths 100 / 300: the two rectangles (no wedge or cap beyond the ends)
    polygon, _ = cc.river_corridor([a, b], [100.0, 300.0])
    assert polygon.bounds == pytest.approx((0, -300, 1000, 300))
    # rectangles 600x200 + 400x600, plus the wide part's round cap (half disc r=300 left of
    # x=600) minus the strip |y|<=100 it shares with the narrow rectangle:
    # strip = 2 * [y*sqrt(r^2-y^2) + r^2*asin(y/r)] / 2 at y=100
    r = 300.0
    strip = 100 * math.sqrt(r * r - 100**2) + r * r * math.asin(100 / r)
    exact = 600 * 200 + 400 * 600 + math.pi * r * r / 2 - strip
    # the arc is a polygon of 16 segments per quarter circle: a little less than the disc
    assert exact - 1000 < polygon.area <= exact


def test_coastal_belt_landward_and_seaward():
    coast = shapely.LineString([(0, 0), (1000, 0)])
    land = shapely.box(-500, -5000, 1500, 0)  # land south of y=0
    belt, axis = cc.coastal_belt([coast], land, 300.0)
    assert belt.area == pytest.approx(300 * 1000) and belt.bounds[1] == pytest.approx(-300)
    belt, _ = cc.coastal_belt([coast], land, 300.0, seaward=50.0)
    assert belt.area == pytest.approx(350 * 1000)


def test_longest_internal_axis_of_a_long_rectangle():
    rect = shapely.box(0, 0, 10_000, 1_000)
    axis = cc.longest_internal_axis(rect)
    assert rect.contains(axis)
    # the skeleton's long spine is y = 500 from x = 500 to 9500, plus two corner branches
    assert 9_000 < axis.length < 10_000 * 1.05
    mid = axis.interpolate(0.5, normalized=True)
    assert mid.y == pytest.approx(500, abs=5)
    assert cc.longest_internal_axis(shapely.Polygon()).is_empty


def test_no_axis_means_no_transects_and_multipart_axis():
    axis, corridor, land = straight_case(1000)
    result = tx.assess(corridor, None, land, 20, 30.0, 0.5)
    assert result.n_transects == 0 and result.continuity is None and result.breaks == []
    assert result.stats.built_m2 == pytest.approx(32_000.0)
    # two axis pieces: chainage continues, a break never spans two parts
    two = shapely.MultiLineString([[(0, 0), (990, 0)], [(1010, 0), (2000, 0)]])
    t = tx.make_transects(corridor, two, 100.0)
    # part 1: cells [0,100] … [900,990] (centre of the last 945); part 2 starts at chainage 990
    assert len(t) == 10 + 10 and t.chainage[9] == pytest.approx(945)
    assert t.chainage[10] == pytest.approx(990 + 50)
    # a block over x 950..1070 crosses the gap: one break on each part, not one merged break
    _, corridor, land = straight_case(950, 120)
    result = tx.assess(corridor, two, land, 20, 30.0, 0.5)
    # part 1 centres 950, 970, 985 (last cell 980..990); part 2 at x 1020, 1040, 1060
    assert [b.n_transects for b in result.breaks] == [3, 3]
    assert [b.length_m for b in result.breaks] == pytest.approx([50.0, 60.0])


def test_grades_from_the_bundled_table():
    from lyg_nrp_plugin.paths import resource_path

    rules = tx.load_grade_rules(resource_path("rules", "corridor_grades.csv"))
    good = {"continuity": 0.9, "eco_ratio": 0.4, "built_ratio": 0.15}
    assert tx.grade("river", good, rules) == ("good", "良")
    assert tx.grade("river", {"continuity": 0.99, "eco_ratio": 0.9, "built_ratio": 0.0}, rules) == (
        "excellent",
        "优",
    )
    assert tx.grade("river", {"continuity": 0.5, "eco_ratio": 0.9, "built_ratio": 0}, rules) == (
        "poor",
        "差",
    )
    assert tx.grade("vein", {"largest_patch_ratio": 0.65, "continuity": None}, rules) == (
        "good",
        "良",
    )


def test_chart_svg_escapes_and_marks_breaks():
    svg = width_chart_svg(
        [50, 150, 250, 350],
        [400, 0, 0, 400],
        [False, True, True, False],
        [(100, 300)],
        30.0,
        title="<河>&",
        x_label="km",
        y_label="m",
        threshold_label="min 30 m",
    )
    assert "<河>" not in svg and "&lt;河&gt;&amp;" in svg
    assert svg.count('class="break-point"') == 2 and svg.count('class="break"') == 1
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    # the break rect spans x from 0.1 km to 0.3 km of a 0..0.35 km axis over 680 px
    plot_w = 760 - 64 - 16
    x0 = 64 + 0.1 / 0.35 * plot_w
    assert f'x="{x0:.2f}"' in svg
    assert width_chart_svg([], [], []) == ""
    assert math.isfinite(float(svg.split('width="')[1].split('"')[0]))
