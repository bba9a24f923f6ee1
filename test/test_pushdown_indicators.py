"""Push-down of ``indicator_assessment`` (issue 16 §3): the sample's land use, boundaries, red
lines, farmland, protected areas, coastline and coastal wetland read by the database give the
same indicators as the same layers read from the GeoPackage."""

from __future__ import annotations

import math

import pytest

from .conftest import SAMPLE_GPKG
from .helpers.postgis import sample_in
from .helpers.runner import Recorder, run_algorithm

LAYERS = {
    "LANDUSE": "DLTB",
    "BOUNDARY": "XZQ",
    "SEA_AREA": "HYGNQ",
    "ECO_REDLINE": "STBHHX",
    "ECO_SPACE": "STKJGKQY",
    "FARMLAND": "YJJBNTBHTB",
    "PROTECTED_AREAS": "ZRBHD",
    "MARINE_REDLINE": "HYSTHX",
    "COASTLINE": "HAX",
    "COASTAL_WETLAND": "HASD",
}


def indicators(layers: dict, execution: int) -> tuple[dict, Recorder]:
    feedback = Recorder()
    params = {**layers, "WETLAND_DEFINITION": 1, "OUTPUT": "memory:", "EXECUTION": execution}
    result, context = run_algorithm("lyg_nrp:indicator_assessment", params, feedback)
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        layer = context.getMapLayer(layer)
    names = layer.fields().names()
    return {f["code"]: dict(zip(names, f.attributes())) for f in layer.getFeatures()}, feedback


@pytest.mark.slow
def test_sample_indicators_pushed_down_equal_local(provider, postgis):
    db = sample_in(postgis, SAMPLE_GPKG)
    local, _ = indicators({k: f"{SAMPLE_GPKG}|layername={v}" for k, v in LAYERS.items()}, 1)
    pushed, feedback = indicators({k: db[v] for k, v in LAYERS.items()}, 2)
    assert any("Runs in the database" in t for t in feedback.infos)
    assert local.keys() == pushed.keys()
    measured = 0
    for code, row in local.items():
        for name, value in row.items():
            other = pushed[code][name]
            if isinstance(value, float) and not math.isnan(value):
                assert other == pytest.approx(value, rel=1e-6, abs=1e-12), (code, name)
                measured += name == "value"
            else:
                assert str(value) == str(other), (code, name)
    assert measured >= 15
    assert local["protected_area"]["value"] == pytest.approx(620, rel=0.05)
