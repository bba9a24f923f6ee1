"""scripts/ledger_story.py — the ledger story of make demo (two counties, one transfer).

Expected balances worked out by hand (illustrative table: kg per 亩 = 1050 − 50 × grade):
东海 320722: plot 1 300 × 200 × 0.95 = 57 000 m² new 0101 grade 4 (85.5 亩 × 850 = 72 675 kg);
plot 2 200 × 200 × 0.95 = 38 000 m² 旱改水 grade 7 → 5 (paddy, 57 亩 × 100 = 5700 kg);
plot 3 250 × 200 × 0.92 = 46 000 m² new 0103 grade 5 (69 亩 × 800 = 55 200 kg); plot 4 on 林地
refused → quantity 103 000, paddy 95 000, capacity 133 575.
灌云 320723: 150 × 120 × 0.94 = 16 920 m² new 0101 grade 6 (25.38 亩 × 750 = 19 035 kg).
JS-320723-01 (0103, 15 000 m², grade 6: 22.5 亩 × 750 = 16 875 kg) is paid by 灌云;
JS-320723-02 (0101, 30 000 m², grade 5: 45 亩 × 800 = 36 000 kg) by 东海 as a transfer.
"""

from __future__ import annotations

import pytest

ROWS = {  # county: (quantity_m2, paddy_m2, capacity_kg) at the end
    "320722": (103_000 - 30_000, 95_000 - 30_000, 133_575 - 36_000),
    "320723": (16_920 - 15_000, 16_920, 19_035 - 16_875),
}


def test_ledger_story_in_process(provider, tmp_path):
    import pyogrio
    from ledger_story import ledger_story

    report = ledger_story(tmp_path)
    assert report == tmp_path / "ledger_report.html" and report.is_file()
    frame = pyogrio.read_dataframe(tmp_path / "ledger_balances.gpkg")
    got = {r.county: (r.quantity_m2, r.paddy_m2, r.capacity_kg) for r in frame.itertuples()}
    assert got == {k: pytest.approx(v) for k, v in ROWS.items()}
    audit = pyogrio.read_dataframe(tmp_path / "ledger_audit.gpkg")
    assert list(audit["kind"]) == ["credit", "credit", "debit", "transfer"]
    # run again: a fresh ledger, the same story
    ledger_story(tmp_path)
    assert len(pyogrio.read_dataframe(tmp_path / "ledger_audit.gpkg")) == 4


@pytest.mark.slow
def test_ledger_story_through_qgis_process(qgis_process_profile, built_plugin, tmp_path):
    import pyogrio
    from ledger_story import ledger_story, qgis_process_runner

    runner = qgis_process_runner(
        qgis_process_profile, {"QGIS_PLUGINPATH": str(built_plugin.parent)}
    )
    report = ledger_story(tmp_path, runner)
    assert report.is_file()
    frame = pyogrio.read_dataframe(tmp_path / "ledger_balances.gpkg")
    got = {r.county: (r.quantity_m2, r.paddy_m2, r.capacity_kg) for r in frame.itertuples()}
    assert got == {k: pytest.approx(v) for k, v in ROWS.items()}
