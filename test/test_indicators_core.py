"""core.indicators on a small constructed dataset whose every value is worked out by hand.

The land is the square 0..1000 m × 0..1000 m (1 000 000 m² = 100 ha), tiled by twelve
parcels (below, with their TBDLMJ); the sea is 1000..3000 × 0..1000 (2 000 000 m²).
"""

from __future__ import annotations

import json

import pytest
from shapely.geometry import box

from lyg_nrp_plugin.core import indicators as ind
from lyg_nrp_plugin.core.indicators.compute import IndicatorInputs, compute
from lyg_nrp_plugin.paths import resource_path

from .helpers.indicator_case import (
    COAST,
    ECO_REDLINE,
    FARMLAND,
    LAND,
    MARICULTURE,
    MARINE_REDLINE,
    MINES,
    PARCELS,
    PROTECTED,
    SEA,
)


def inputs(**overrides) -> IndicatorInputs:
    base = dict(
        landuse_geoms=[p[0] for p in PARCELS],
        landuse_codes=[p[1] for p in PARCELS],
        landuse_areas=[p[2] for p in PARCELS],
        boundary_geoms=[LAND],
        sea_geoms=[SEA],
        eco_redline_geoms=ECO_REDLINE,
        farmland_geoms=FARMLAND,
        protected_geoms=[p[0] for p in PROTECTED],
        protected_types=[p[1] for p in PROTECTED],
        marine_redline_geoms=MARINE_REDLINE,
        coast_geoms=[c[0] for c in COAST],
        coast_types=[c[1] for c in COAST],
        coast_classes=[c[2] for c in COAST],
        mariculture_geoms=MARICULTURE,
        mine_scales=[m[0] for m in MINES],
        mine_outputs=[m[1] for m in MINES],
    )
    base.update(overrides)
    return IndicatorInputs(**base)


@pytest.fixture(scope="module")
def catalogue():
    return ind.load_catalogue(resource_path("indicators", "indicators_2025.csv"))


def by_code(results):
    return {r.code: r for r in results}


def test_measured_values_by_hand():
    m = compute(inputs())
    # 耕地: TBDLMJ 190 000 + 200 000
    assert m["cultivated_land"].value == pytest.approx(390_000.0)
    # 湿地 (三调 codes): only the 1105 parcel
    assert m["wetland_area"].value == pytest.approx(100_000.0)
    # 建设用地: 0702 50 000 + 1003 15 000 + 1109 15 000 + 0603 盐田 100 000 (盐田 is 工矿用地
    # in 三调, so built land); 1006 农村道路 excluded
    assert m["built_land_total"].value == pytest.approx(180_000.0)
    assert m["development_intensity"].value == pytest.approx(18.0)  # 180 000 / 1 000 000
    assert m["tree_cover"].value == pytest.approx(10.0)  # (50 000 + 50 000) / 1e6
    assert m["forest_cover"].value == pytest.approx(5.0)  # 0301 only
    # natural wetland 1105 (100 000) + 1101 (100 000); inside PA: 100 000 + 50 000
    assert m["natural_wetland_protection"].value == pytest.approx(75.0)
    assert m["wetland_protection"].value == pytest.approx(100.0)
    # red line union: box(0,0,150,1000) 150 000 + sea part 10 000
    assert m["eco_redline_area"].value == pytest.approx(160_000.0)
    assert m["eco_redline_land_ratio"].value == pytest.approx(15.0)
    assert m["permanent_farmland"].value == pytest.approx(150_000.0)  # union 300 × 500
    # not scenic: 150 000 (wetland park) + 200 000 (marine park)
    assert m["protected_area"].value == pytest.approx(350_000.0)
    # neither scenic area nor marine park, inside land: the wetland park's 150 000 only
    assert m["protected_area_land_ratio"].value == pytest.approx(15.0)
    # marine red line inside the sea: 500 000 + 100 000 over 2 000 000
    assert m["marine_redline_ratio"].value == pytest.approx(30.0)
    assert m["mariculture_area"].value == pytest.approx(500_000.0)
    # mainland: 1000 natural + 1500 artificial + 500 unknown (= artificial); island excluded
    assert m["mainland_natural_coast_length"].value == pytest.approx(1000.0)
    assert m["mainland_natural_coast_ratio"].value == pytest.approx(100 * 1000 / 3000)
    assert m["active_mines"].value == 5
    assert m["large_medium_mine_ratio"].value == pytest.approx(40.0)  # 2 of 5
    assert m["mineral_output"].value == pytest.approx(16.5e6)  # tonnes per year


def test_saltpan_option_and_geometry_area():
    m = compute(inputs(include_saltpans=True, landuse_areas=None))
    # with 0603: 1105 + 0603 = 200 000 m² (geometry areas: 0101 is now 200 000)
    assert m["wetland_area"].value == pytest.approx(200_000.0)
    assert m["cultivated_land"].value == pytest.approx(400_000.0)
    # wetland inside PA: the 1105 parcel only -> 100 000 / 200 000
    assert m["wetland_protection"].value == pytest.approx(50.0)


def test_land_area_without_boundary_from_landuse_geometry():
    m = compute(inputs(boundary_geoms=None))
    assert m["development_intensity"].value == pytest.approx(18.0)  # tiled square: 1e6
    # not clipped: the sea part (10 000) counts -> 160 000 / 1e6
    assert m["eco_redline_land_ratio"].value == pytest.approx(16.0)


def test_mariculture_from_sea_function_zones():
    zones = [box(1000, 0, 2000, 1000), box(2000, 0, 3000, 1000), box(1500, 0, 2500, 1000)]
    types = ["养殖区", "港口航运区", "海水增养殖区"]
    m = compute(IndicatorInputs(sea_geoms=zones, sea_zone_types=types))
    # union of zones 1 and 3: 1000..2500 × 1000 = 1 500 000 m²
    assert m["mariculture_area"].value == pytest.approx(1_500_000.0)
    assert m["mariculture_area"].source == "SEA_AREA"
    # 农渔业区 is not mariculture by default (it also holds fishing zones) …
    m = compute(IndicatorInputs(sea_geoms=zones, sea_zone_types=["农渔业区"] * 3))
    assert "mariculture_area" not in m
    # … unless the user says so
    m = compute(
        IndicatorInputs(
            sea_geoms=zones, sea_zone_types=["农渔业区"] * 3, mariculture_words=("农渔业",)
        )
    )
    assert m["mariculture_area"].value == pytest.approx(2_000_000.0)  # union 1000..3000
    # a mariculture layer takes precedence
    m = compute(
        IndicatorInputs(sea_geoms=zones, sea_zone_types=types, mariculture_geoms=MARICULTURE)
    )
    assert m["mariculture_area"].value == pytest.approx(500_000.0)


def test_only_given_layers_give_indicators():
    m = compute(IndicatorInputs(coast_geoms=[c[0] for c in COAST]))
    # no type field: nothing is natural; no class field: all mainland (3400 m)
    assert set(m) == {"mainland_natural_coast_length", "mainland_natural_coast_ratio"}
    assert m["mainland_natural_coast_ratio"].value == 0.0


def test_unit_conversions():
    assert ind.to_unit(390_000.0, "万公顷") == pytest.approx(0.0039)
    assert ind.to_unit(1.0e8, "万公顷") == pytest.approx(1.0)
    assert ind.to_unit(180_000.0, "万亩") == pytest.approx(0.027)  # 180 000 m² = 270 亩
    assert ind.to_unit(666.6666667, "亩") == pytest.approx(1.0)
    assert ind.to_unit(350_000.0, "平方千米") == pytest.approx(0.35)
    assert ind.to_unit(160_000.0, "万平方千米") == pytest.approx(1.6e-5)
    assert ind.to_unit(16.5e6, "亿吨/年") == pytest.approx(0.165)
    assert ind.to_unit(1000.0, "公里") == pytest.approx(1.0)
    # the plan's own numbers: 570.20 万亩 = 38.0133 万公顷
    assert ind.to_unit(ind.from_unit(570.20, "万亩"), "万公顷") == pytest.approx(38.0133, abs=1e-4)


def test_catalogue_matches_the_plan(catalogue):
    c = {i.code: i for i in catalogue}
    assert len(c) == len(catalogue)
    table2 = [
        "cultivated_land",
        "wetland_area",
        "tree_cover",
        "natural_wetland_protection",
        "mainland_natural_coast_ratio",
        "marine_redline_ratio",
        "mariculture_area",
        "key_mineral_areas",
        "restoration_area",
        "gdp_land_decline",
        "stock_land_supply",
        "mineral_output",
        "large_medium_mine_ratio",
        "eco_redline_area",
        "permanent_farmland",
        "protected_area_land_ratio",
        "development_intensity",
        "new_construction_land",
        "topo_map_coverage",
        "geohazard_surveys",
    ]
    assert all(code in c for code in table2)  # the 20 rows of 表2
    assert (c["wetland_area"].target, c["wetland_area"].comparator) == (23.31, ">=")
    assert c["tree_cover"].target == 26.5 and c["tree_cover"].baseline_2020 == 27.13
    assert c["marine_redline_ratio"].target == 26.41
    assert (c["mineral_output"].target, c["mineral_output"].comparator) == (0.283, "<=")
    assert c["mineral_output"].unit == "亿吨/年"
    assert c["eco_redline_area"].unit == "万平方千米"
    assert c["protected_area"].target == 620 and c["forest_cover"].target == 22
    assert c["wetland_protection"].target == 30 and c["active_mines"].target == 29
    assert c["development_intensity"].baseline_2020 == 23.86
    assert c["cultivated_land"].target is None
    assert c["cultivated_land"].target_text == ind.TARGET_FROM_ABOVE
    assert c["cultivated_land"].attribute == "约束性"
    assert c["natural_wetland_protection"].attribute == "预期性"
    assert {i.category for i in catalogue} == set(ind.CATEGORIES)


def test_evaluate_statuses(catalogue):
    r = by_code(ind.evaluate(catalogue, compute(inputs())))
    assert r["wetland_area"].value == pytest.approx(0.001)  # 万公顷
    # 三调 definitions against the plan's wider ones: neither met nor not met
    assert r["wetland_area"].status == "NOT_COMPARABLE"  # 0.001 < 23.31, but 口径不同
    assert r["natural_wetland_protection"].status == "NOT_COMPARABLE"  # 75 >= 60, 口径不同
    assert r["tree_cover"].status == "NOT_COMPARABLE"  # 10 < 26.5, 口径不同
    assert r["protected_area_land_ratio"].status == "MET"  # 15 >= 1.38
    assert r["cultivated_land"].status == "NO_TARGET"  # 按上级下达, no TARGETS
    assert r["cultivated_land"].status_zh == "无目标"
    assert r["key_mineral_areas"].status == "NO_DATA"
    assert r["mainland_natural_coast_ratio"].status == "NOT_MET"  # 33.3 < 35
    assert r["marine_redline_ratio"].status == "MET"  # 30 >= 26.41
    assert r["mineral_output"].value == pytest.approx(0.165)
    assert r["mineral_output"].status == "MET"  # <= 0.283
    assert r["large_medium_mine_ratio"].status == "NOT_MET"
    assert r["active_mines"].status == "MET"
    assert r["protected_area"].value == pytest.approx(0.35)
    assert r["protected_area"].status == "NOT_MET"
    assert r["eco_redline_area"].value == pytest.approx(1.6e-5)
    assert r["built_land_total"].status == "NO_TARGET"
    counts = ind.status_counts(r.values())
    assert sum(counts.values()) == len(catalogue)


def test_targets_file_json_and_csv(tmp_path, catalogue):
    json_path = tmp_path / "t.json"
    json_path.write_text(
        json.dumps(
            {
                "targets": {"cultivated_land": 0.0038, "development_intensity": 17.5},
                "values": {"tree_cover": 27.0, "key_mineral_areas": 3},
            }
        ),
        encoding="utf-8",
    )
    manual = ind.load_manual(json_path, [i.code for i in catalogue])
    r = by_code(ind.evaluate(catalogue, compute(inputs()), manual))
    assert r["cultivated_land"].status == "MET"  # 0.0039 >= 0.0038
    assert r["development_intensity"].status == "NOT_MET"  # 18.0 > 17.5
    assert (r["tree_cover"].value, r["tree_cover"].source) == (27.0, "manual")
    assert r["tree_cover"].status == "MET"
    assert r["key_mineral_areas"].status == "MET"  # 3 >= 3
    csv_path = tmp_path / "t.csv"
    csv_path.write_text(
        "# comment\ncode,target,value\ndevelopment_intensity,18,\n", encoding="utf-8"
    )
    r = by_code(ind.evaluate(catalogue, compute(inputs()), ind.load_manual(csv_path)))
    assert r["development_intensity"].status == "MET"  # 18.0 <= 18 (boundary counts)
    bad = tmp_path / "bad.json"
    bad.write_text('{"values": {"no_such": 1}}', encoding="utf-8")
    with pytest.raises(ValueError, match="no_such"):
        ind.load_manual(bad, [i.code for i in catalogue])


def test_example_targets_file_is_valid(catalogue):
    manual = ind.load_manual(
        resource_path("indicators", "targets_example.json"), [i.code for i in catalogue]
    )
    # targets only: the illustrative values are in values_illustrative_2020.json (issue 17 §5)
    assert manual.targets["cultivated_land"] == 37.47 and manual.values == {}


def test_json_round_trip(catalogue):
    results = ind.evaluate(catalogue, compute(inputs()))
    meta, back = ind.from_json(ind.to_json(results, {"year": 2025}))
    assert meta == {"year": 2025}
    assert [r.as_dict() for r in back] == [r.as_dict() for r in results]


def test_compute_raises_canceled_and_reports_progress():
    from lyg_nrp_plugin.core.progress import Canceled, Progress

    class Feedback:
        def __init__(self, canceled):
            self.canceled, self.values = canceled, []

        def isCanceled(self):  # noqa: N802
            return self.canceled

        def setProgress(self, value):  # noqa: N802
            self.values.append(value)

    done = Feedback(False)
    compute(inputs(), Progress(done, 60, 90))
    assert done.values == pytest.approx([72.0, 78.0, 82.5, 87.0])  # 40, 60, 75, 90 % of 60–90
    with pytest.raises(Canceled):
        compute(inputs(), Progress(Feedback(True)))


def test_model_imports_without_shapely():
    """The dashboard imports the package, its model and the chart: no shapely."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; sys.modules['shapely'] = None\n"
        "import lyg_nrp_plugin.core.indicators as ind\n"
        "import lyg_nrp_plugin.core.indicators.model, lyg_nrp_plugin.core.indicator_chart\n"
        "print(ind.format_value(1.5, '%'))\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1.50"


def test_red_line_share_is_measured_on_the_provincial_tier(catalogue):
    """表1's 21.96 % is Jiangsu's 生态红线区域 (生态空间管控区域): measured on it the value is
    comparable; on the national red line alone it is 口径不同 (a target of 20 % given)."""
    from lyg_nrp_plugin.core.indicators import ManualInputs, evaluate
    from lyg_nrp_plugin.core.indicators.compute import compute

    space = [box(0, 0, 300, 1000)]  # 300 000 m² of the 1 000 000 m² land = 30 %
    national = compute(inputs())["eco_redline_land_ratio"]
    provincial = compute(inputs(eco_space_geoms=space))["eco_redline_land_ratio"]
    assert provincial.value == pytest.approx(30.0) and provincial.comparable
    assert national.value == pytest.approx(15.0) and not national.comparable
    row = next(i for i in catalogue if i.code == "eco_redline_land_ratio")
    row.target = 20.0  # pretend the plan set one: the national-line value is not rated
    [result] = evaluate([row], {"eco_redline_land_ratio": national}, ManualInputs())
    assert result.status == "NOT_COMPARABLE" and "ECO_SPACE" in result.difference
    [result] = evaluate([row], {"eco_redline_land_ratio": provincial}, ManualInputs())
    assert result.status == "MET"
