"""core.ledger: the 补充耕地指标台账 as a GeoPackage — credits, debits, transfers, refusals,
integrity (append-only, hash chain, one transaction per run) and two concurrent processes.

Amounts are hand-worked: plots are boxes (area = width × height); 1 亩 = 10 000/15 m².
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time

import pytest
from shapely import box

from lyg_nrp_plugin.core import ledger as lg
from lyg_nrp_plugin.core.progress import Canceled, Progress

from .conftest import ROOT

SRS = lg.Srs(4549, "CGCS2000 / 3-degree Gauss-Kruger CM 120E", "EPSG", 4549, 'PROJCS["x"]')
A, B = "320722", "320723"  # 东海县, 灌云县


def plot(fid, geom, q, p=0.0, c=0.0, upg=0.0):
    return lg.PlotCredit(fid, geom, lg.Amounts(q, p, c), upg, "0101", 5.0)


def new_ledger(tmp_path, name="ledger.gpkg"):
    return lg.Ledger.open(tmp_path / name, create=True, srs=SRS, created="2025-01-01")


def credited(tmp_path):
    """County A: project BC-A-1, two plots (10 000 + 5000 m² quantity, 8000 m² paddy,
    22 500 kg); county B: BC-B-1, one plot of 2000 m²."""
    ledger = new_ledger(tmp_path)
    lg.credit(
        ledger,
        [
            lg.ProjectCredit(
                "BC-A-1",
                A,
                [
                    plot(1, box(0, 0, 100, 100), 10_000, 8000, 15_000),
                    plot(2, box(200, 0, 300, 50), 5000, 0, 7500),
                ],
            ),
            lg.ProjectCredit("BC-B-1", B, [plot(3, box(1000, 0, 1020, 100), 2000, 2000, 3000)]),
        ],
        "d1",
    )
    return ledger


def available(ledger, county):
    return ledger.balance(county).available.values()


def test_credits_are_summed_per_county(tmp_path):
    ledger = credited(tmp_path)
    assert available(ledger, A) == (15_000, 8000, 22_500)
    assert available(ledger, B) == (2000, 2000, 3000)
    (a, b) = ledger.balances()
    assert (a.county, a.n_credits, a.n_debits) == (A, 1, 0)
    entries = ledger.entries()
    assert [(e.kind, e.project, e.county, e.n_plots) for e in entries] == [
        ("credit", "BC-A-1", A, 2),
        ("credit", "BC-B-1", B, 1),
    ]
    assert all(e.user and e.time and e.digest == "d1" for e in entries)
    assert ledger.broken_chain() == []


def test_the_ledger_is_a_geopackage_gdal_reads(tmp_path):
    from osgeo import ogr

    credited(tmp_path).close()
    ds = ogr.Open(str(tmp_path / "ledger.gpkg"))
    assert ds.GetDriver().GetName() == "GPKG"
    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    assert {"ledger_entries", "ledger_plots", "ledger_meta"} <= names
    plots = ds.GetLayerByName("ledger_plots")
    assert plots.GetSpatialRef().GetAuthorityCode(None) == "4549"
    areas = sorted(f.GetGeometryRef().GetArea() for f in plots)
    assert areas == pytest.approx([2000, 5000, 10_000])
    assert ds.GetLayerByName("ledger_entries").GetFeatureCount() == 2


def test_a_debit_that_fits(tmp_path):
    ledger = credited(tmp_path)
    outcome = lg.debit(ledger, lg.Debit("JS-1", A, A, lg.Amounts(6000, 3000, 9000)), "d2")
    # 15 000 − 6000 = 9000; 8000 − 3000 = 5000; 22 500 − 9000 = 13 500
    assert available(ledger, A) == (9000, 5000, 13_500)
    assert outcome.entries[0].kind == "debit" and outcome.entries[0].other_county == A
    assert {b.county: b.available.values() for b in outcome.balances}[A] == (9000, 5000, 13_500)


def test_a_debit_that_does_not_fit_changes_nothing(tmp_path):
    ledger = credited(tmp_path)
    before = ledger.entries()
    with pytest.raises(lg.LedgerError) as info:
        # paddy 8000 + 1 wanted: short by 1 m²; quantity and capacity fit
        lg.debit(ledger, lg.Debit("JS-1", A, A, lg.Amounts(100, 8001, 10)), "d2")
    assert info.value.kind == "debit_short"
    assert info.value.details["short"] == {"paddy_m2": pytest.approx(1)}
    assert ledger.entries() == before and available(ledger, A) == (15_000, 8000, 22_500)
    with pytest.raises(lg.LedgerError) as info:  # all three short
        lg.debit(ledger, lg.Debit("JS-1", B, B, lg.Amounts(2500, 2500, 4000)), "d2")
    assert info.value.details["short"] == pytest.approx(
        {"quantity_m2": 500, "paddy_m2": 500, "capacity_kg": 1000}
    )


def test_transfer_refused_then_allowed(tmp_path):
    ledger = credited(tmp_path)
    request = lg.Debit("JS-B-9", B, A, lg.Amounts(4000, 1000, 6000))  # B's project, A pays
    with pytest.raises(lg.LedgerError) as info:
        lg.debit(ledger, request, "d3")
    assert info.value.kind == "transfer_not_allowed" and len(ledger.entries()) == 2
    request.allow_transfer = True
    (entry,) = lg.debit(ledger, request, "d3").entries
    assert (entry.kind, entry.county, entry.other_county) == ("transfer", A, B)
    assert available(ledger, A) == (11_000, 7000, 16_500)
    assert available(ledger, B) == (2000, 2000, 3000)  # B's own 指标 untouched
    balances = {b.county: b for b in ledger.balances()}
    assert balances[A].transferred_out_m2 == 4000 and balances[B].transferred_in_m2 == 4000


def test_double_credit_and_double_debit_are_refused(tmp_path):
    ledger = credited(tmp_path)
    again = lg.ProjectCredit("BC-A-1", A, [plot(9, box(5000, 0, 5100, 100), 10_000)])
    with pytest.raises(lg.LedgerError) as info:
        lg.credit(ledger, [again], "d4")
    assert info.value.kind == "credit_duplicate_project"
    # a new project code on land already credited (plot 1: x 0–100): overlap 50 × 100 m²
    same_land = lg.ProjectCredit("BC-A-2", A, [plot(7, box(50, 0, 150, 100), 10_000)])
    with pytest.raises(lg.LedgerError) as info:
        lg.credit(ledger, [same_land], "d4")
    assert info.value.kind == "credit_overlap" and "5,000.00" in info.value.details["clashes"]
    assert len(ledger.entries()) == 2
    # a sliver below MIN_AREA is no double credit: overlap with plot 1 0.005 × 100 = 0.5 m²
    beside = lg.ProjectCredit("BC-A-3", A, [plot(8, box(99.995, 0, 200, 100), 10_000)])
    with pytest.raises(lg.LedgerError):
        lg.credit(ledger, [beside], "d4", min_area=0.4)
    lg.credit(ledger, [beside], "d4", min_area=1.0)
    assert len(ledger.entries()) == 3
    lg.debit(ledger, lg.Debit("JS-1", A, A, lg.Amounts(10, 0, 0)), "d5")
    with pytest.raises(lg.LedgerError) as info:
        lg.debit(ledger, lg.Debit("JS-1", A, A, lg.Amounts(10, 0, 0)), "d5")
    assert info.value.kind == "debit_duplicate_project"


def test_append_only_and_the_chain_shows_edits(tmp_path):
    ledger = credited(tmp_path)
    for sql in (
        "UPDATE ledger_entries SET quantity_m2 = 1e9",
        "DELETE FROM ledger_entries",
        "DELETE FROM ledger_plots",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            ledger.conn.execute(sql)
    # someone drops the trigger and edits an amount: the chain no longer follows
    ledger.conn.execute("DROP TRIGGER ledger_entries_no_update")
    ledger.conn.execute("UPDATE ledger_entries SET quantity_m2 = 99999 WHERE id = 1")
    assert ledger.broken_chain() == [1]


def test_files_that_are_not_ledgers(tmp_path):
    from osgeo import ogr

    text = tmp_path / "notes.gpkg"
    text.write_text("hello", encoding="utf-8")
    other = tmp_path / "other.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(other))
    ds.CreateLayer("DLTB", geom_type=ogr.wkbPolygon)
    ds = None
    for path in (text, other):
        with pytest.raises(lg.LedgerError) as info:
            lg.Ledger.open(path, create=True, srs=SRS)
        assert info.value.kind == "not_a_ledger"
    with pytest.raises(lg.LedgerError) as info:
        lg.Ledger.open(tmp_path / "missing.gpkg")
    assert info.value.kind == "ledger_missing"
    ledger = new_ledger(tmp_path, "newer.gpkg")
    ledger.conn.execute("UPDATE ledger_meta SET value = '2' WHERE key = 'version'")
    ledger.close()
    with pytest.raises(lg.LedgerError) as info:
        lg.Ledger.open(tmp_path / "newer.gpkg")
    assert info.value.kind == "ledger_newer" and info.value.details["version"] == 2


class CancelAtCommit:
    """Cancels once the transaction has begun (the second check, just before COMMIT)."""

    def __init__(self):
        self.calls = 0

    def isCanceled(self):  # noqa: N802
        self.calls += 1
        return self.calls > 1


def test_a_canceled_run_writes_nothing(tmp_path):
    ledger = credited(tmp_path)
    with pytest.raises(Canceled):
        lg.debit(
            ledger,
            lg.Debit("JS-1", A, A, lg.Amounts(10, 0, 0)),
            "d",
            progress=Progress(CancelAtCommit()),
        )
    assert len(ledger.entries()) == 2 and available(ledger, A) == (15_000, 8000, 22_500)


def test_a_failure_inside_the_transaction_rolls_back(tmp_path):
    ledger = credited(tmp_path)

    def boom():
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        lg.credit(
            ledger,
            [lg.ProjectCredit("BC-A-9", A, [plot(9, box(9000, 0, 9100, 100), 10_000)])],
            "d",
            before_write=boom,
        )
    assert len(ledger.entries()) == 2


def test_two_processes_never_spend_the_same_quota_twice(tmp_path):
    # A holds 15 000 m²; two debits of 10 000 m² fit one at a time but not together
    credited(tmp_path).close()
    worker = ROOT / "test" / "helpers" / "ledger_worker.py"
    start_at = time.time() + 1.5
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(worker),
                str(tmp_path / "ledger.gpkg"),
                project,
                A,
                "10000",
                str(start_at),
                "1.0",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for project in ("JS-1", "JS-2")
    ]
    outcomes = [json.loads(p.communicate(timeout=60)[0]) for p in procs]
    assert sorted(o["ok"] for o in outcomes) == [False, True]
    (refused,) = [o for o in outcomes if not o["ok"]]
    assert refused["kind"] == "debit_short"  # it waited for the lock, then saw the balance
    with lg.Ledger.open(tmp_path / "ledger.gpkg") as ledger:
        assert available(ledger, A)[0] == pytest.approx(5000)
        assert [e.kind for e in ledger.entries()].count("debit") == 1
