"""The 三调 classification helpers against the classification's own definitions."""

from lyg_nrp_plugin.core import landuse as lu


def test_normalise_and_names():
    assert lu.normalise_code(101) == "0101"
    assert lu.normalise_code(" 201k ") == "0201K"
    assert lu.normalise_code("1104A") == "1104A"
    assert lu.normalise_code("") is None and lu.normalise_code(None) is None
    assert lu.name_of("1104A") == "养殖坑塘"
    assert lu.name_of("0201K") == "果园"


def test_first_level_classes():
    expected = {
        "0101": "farmland",
        "0204": "garden",
        "0301": "forest",
        "0304": "wetland",
        "0402": "wetland",
        "0404": "grass",
        "0603": "industrial",
        "0702": "residential",
        "1006": "transport",
        "1105": "wetland",
        "1107": "water",
        "1203": "other",
        "9999": "unknown",
        "XX": "unknown",
    }
    assert {code: lu.first_level(code) for code in expected} == expected
    assert lu.first_level("0603", include_saltpans=True) == "wetland"


def test_built_land_definition():
    built = ["05H1", "0601", "0603", "0701", "08H2", "09", "1003", "1008", "1109"]
    not_built = ["0101", "1006", "1101", "1107", "1202", "0301"]
    assert all(lu.is_built(c) for c in built)
    assert not any(lu.is_built(c) for c in not_built)


def test_plan_classes_cover_the_eight_statistics_classes():
    assert lu.plan_class("0702") == "20" and lu.plan_class("1105") == "11"
    assert lu.plan_class("0304") == "03" and lu.plan_class("ZZ") is None
    assert lu.is_paddy("101") and not lu.is_paddy("0102")
    assert lu.is_farmland("0103") and not lu.is_farmland("0201")
