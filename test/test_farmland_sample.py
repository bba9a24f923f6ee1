"""farmland_balance and the ledger on the sample (``@pytest.mark.sample``: the sample gains
DLTB_JQ, the base-year land use under BCGD) and on a synthetic sample-like GeoPackage, with the
geopandas oracle of ``helpers.farmland_sample``.

On the sample the checks expect: BCGD plots that were 0404/1104/1202/12xx (new), 0102/0103
under plots now 0101 (旱改水), 01xx with a worse grade (提质改造), 01xx unchanged (not_new),
03xx/1101/1105 (refused: source) and one plot partly outside DLTB_JQ (no_base); the balance's
new quantity equals the oracle's, and crediting BCGD to the ledger gives every county (XZQDM)
the oracle's new quantity.
"""

from __future__ import annotations

import pytest

from .conftest import SAMPLE_GPKG
from .helpers import farmland_sample as checks
from .helpers import ledger_case as case
from .helpers.layers import write_gpkg


def synthetic(tmp_path):
    """ledger_case's BCGD and DLTB_JQ plus a not-new plot, a 提质改造 plot and a plot half
    outside the base; one project over a DLTB farmland parcel."""
    gpkg = tmp_path / "sample_like.gpkg"
    extra = [
        (case.b(2000, 0, 2100, 100), ["BC-A-2", case.A, "0101", "6", "1", 0.0, None]),  # not new
        (case.b(2200, 0, 2300, 100), ["BC-A-3", case.A, "0103", "4", "1", 0.0, None]),  # 提质
        (case.b(2450, 0, 2550, 100), ["BC-B-2", case.B, "0101", "5", "1", 0.0, None]),  # half out
    ]
    plots = case.bcgd()
    plots.dataProvider().addFeatures(case.bcgd(extra).getFeatures())
    base = case.dltb_jq()
    more = case.memory_layer(
        case.BASE_FIELDS,
        [
            (case.b(2000, 0, 2100, 100), ["0101", 6, case.A]),
            (case.b(2200, 0, 2300, 100), ["0103", 7, case.A]),
            (case.b(2400, 0, 2500, 100), ["1206", None, case.B]),
        ],
    )
    base.dataProvider().addFeatures(more.getFeatures())
    dltb = case.memory_layer(
        ("DLBM:string", "KCXS:double", "GDDB:string", "GDPDJB:string"),
        [(case.b(5000, 0, 5200, 200), ["0101", 0.05, "5", "1"])],
        "DLTB",
    )
    jsxm = case.memory_layer(("XMBH:string",), [(case.b(5050, 50, 5150, 150), ["JS-1"])], "JSXM")
    for layer in (plots, base, dltb, jsxm):
        write_gpkg(gpkg, layer)
    return gpkg


def test_checks_on_a_sample_like_geopackage(provider, tmp_path):
    gpkg = synthetic(tmp_path)
    expected = checks.oracle(gpkg)
    # hand check of the oracle: new land is plot 1 (9000) and plot 4 (5000)
    assert expected["total"] == pytest.approx(14_000)
    assert expected["excluded"] == {2: "source", 6: "no_base"}
    checks.check_balance(gpkg, tmp_path)
    checks.check_ledger(gpkg, tmp_path)


def _sample_with_base() -> bool:
    if not SAMPLE_GPKG.is_file():
        return False
    import pyogrio

    return "DLTB_JQ" in {name for name, _ in pyogrio.list_layers(SAMPLE_GPKG)}


needs_base = pytest.mark.skipif(not _sample_with_base(), reason="sample has no DLTB_JQ yet")


@pytest.mark.sample
@needs_base
def test_sample_balance_shows_new_upgraded_and_refused_plots(provider, tmp_path):
    checks.check_balance(SAMPLE_GPKG, tmp_path)


@pytest.mark.sample
@needs_base
def test_sample_ledger_credits_every_county(provider, tmp_path):
    checks.check_ledger(SAMPLE_GPKG, tmp_path)
