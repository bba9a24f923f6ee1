"""core.project_classes and core.redline_zones: how values become classes and tiers (no qgis)."""

from __future__ import annotations

import pytest

from lyg_nrp_plugin.core import redline_zones
from lyg_nrp_plugin.core.project_classes import (
    ClassTableError,
    classify,
    classify_all,
    default_class_table_path,
    load_class_table,
    parse_class_table,
)


def test_names_codes_and_the_default_table():
    table = load_class_table(default_class_table_path())
    assert len(table.patterns) > 20 and all(p.basis for p in table.patterns)
    cases = {
        " 国家重大项目 ": ("major_national", True),
        "MILITARY": ("military", True),
        "连云港港30万吨级航道配套": ("limited_activity", True),
        "新沂河堤防综合整治": ("limited_activity", True),
        "通榆河航道整治": ("limited_activity", True),
        "连徐高速互通工程": ("linear_infra", True),
        "220千伏输变电工程": ("linear_infra", True),
        "省级重大项目（产业类）": ("major_provincial", True),
        "东海县硅材料产业园": ("general", False),  # unknown: reviewed as general
        "": ("general", False),
    }
    for value, (code, known) in cases.items():
        got = classify(value, table)
        assert (got.code, got.known) == (code, known), value
    assert classify("通榆河航道整治", table).pattern == "航道"
    assert classify(None, table).value == ""
    assert [c.code for c in classify_all(None, table, 2)] == ["general", "general"]


def test_class_table_errors():
    with pytest.raises(ClassTableError, match="missing column"):
        parse_class_table("word,kind\n港,general\n", "t.csv")
    with pytest.raises(ClassTableError, match="row 2: empty pattern"):
        parse_class_table("pattern,class\n,general\n", "t.csv")
    with pytest.raises(ClassTableError, match="row 3: unknown class 'road'"):
        parse_class_table("pattern,class\n港,general\n路,road\n", "t.csv")


def test_zone_words_fail_closed():
    pa = redline_zones.pa_zones(
        ["核心保护区", "核心区", "缓冲区", "一般控制区", "实验区", "x", None], 7
    )
    assert pa.tiers.tolist() == [0, 0, 0, 1, 1, 0, 0]
    assert pa.unknown.tolist() == [False] * 5 + [True, True]
    assert pa.unknown_values() == ["", "x"]
    marine = redline_zones.marine_zones(["禁止类", "限制类", "其它"], 3)
    assert (marine.tiers.tolist(), marine.unknown.tolist()) == ([0, 1, 0], [False, False, True])
    coast = redline_zones.coast_classes(["严格保护岸线", "限制开发", "优化利用", "?"], 4)
    assert coast.tiers.tolist() == [0, 1, 2, 0] and coast.unknown.tolist()[-1]
    reclaim, unknown = redline_zones.reclamation(["填海造地", "围海养殖", "透水构筑物", ""], 4)
    assert reclaim.tolist() == [True, True, False, True] and unknown.tolist() == [0, 0, 0, 1]
    assert redline_zones.reclamation(None, 2)[0].tolist() == [True, True]
