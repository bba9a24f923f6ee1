"""lyg_nrp:ledger_credit / ledger_debit / ledger_report through processing.run and a real
qgis_process, on the two-county case of ``helpers.ledger_case`` (numbers worked out there)."""

from __future__ import annotations

import json
import sqlite3
import subprocess

import pytest

from .helpers import ledger_case as case
from .helpers.runner import Recorder, run_algorithm

A, B = case.A, case.B


def credit(ledger, supplement=None, base=True, **extra):
    params = {
        "LEDGER": str(ledger),
        "SUPPLEMENT": supplement or case.bcgd(),
        "CREDITED": "memory:",
        **({"BASE_LANDUSE": case.dltb_jq()} if base else {}),
        **extra,
    }
    return run_algorithm("lyg_nrp:ledger_credit", params)[0]


def debit(ledger, project, county, **extra):
    params = {
        "LEDGER": str(ledger),
        "OCCUPIED": case.pieces(),
        "OCC_GROUP_FIELD": "project_id",
        "PROJECT_ID": project,
        "COUNTY": county,
        **extra,
    }
    return run_algorithm("lyg_nrp:ledger_debit", params)[0]


def report(ledger, tmp_path):
    params = {
        "LEDGER": str(ledger),
        "OUTPUT": "memory:",
        "AUDIT": "memory:",
        "REPORT": str(tmp_path / "ledger.html"),
    }
    return run_algorithm("lyg_nrp:ledger_report", params)[0]


def balances(ledger, tmp_path):
    out = report(ledger, tmp_path)["OUTPUT"]
    return {
        f["county"]: (f["quantity_m2"], f["paddy_m2"], f["capacity_kg"]) for f in out.getFeatures()
    }


def n_entries(ledger):
    with sqlite3.connect(ledger) as conn:
        return conn.execute("SELECT count(*) FROM ledger_entries").fetchone()[0]


@pytest.fixture()
def ledger(provider, tmp_path):
    path = tmp_path / "ledger.gpkg"
    credit(path)
    return path


def test_credit_by_the_rules_of_the_balance(provider, tmp_path):
    path = tmp_path / "ledger.gpkg"
    feedback = Recorder()
    result, _ = run_algorithm(
        "lyg_nrp:ledger_credit",
        {
            "LEDGER": str(path),
            "SUPPLEMENT": case.bcgd(),
            "BASE_LANDUSE": case.dltb_jq(),
            "CREDITED": "memory:",
        },
        feedback,
    )
    assert path.is_file()
    assert result["N_PROJECTS"] == 2 and result["N_PLOTS"] == 3  # plot 3 (林地) refused
    assert result["QUANTITY_M2"] == pytest.approx(9000 + 5000)
    assert result["PADDY_M2"] == pytest.approx(19_000)
    assert result["CAPACITY_KG"] == pytest.approx(12_975 + 5625)
    got = balances(path, tmp_path)
    for county, expected in case.EXPECTED.items():
        assert got[county] == pytest.approx(expected)
    plots = {f["sup_fid"]: f for f in result["CREDITED"].getFeatures()}
    assert sorted(plots) == [1, 2, 4] and plots[2]["upgrade_m2"] == pytest.approx(10_000)
    assert any("fraction" in i or "小数" in i for i in feedback.infos)  # KCXS unit said


def test_a_debit_that_fits_and_one_that_does_not(ledger, tmp_path):
    from qgis.core import QgsProcessingException

    result = debit(ledger, "JS-B-1", B)
    assert result["KIND"] == "debit"
    assert (result["QUANTITY_M2"], result["PADDY_M2"]) == pytest.approx((4000, 0))
    assert result["CAPACITY_KG"] == pytest.approx(4500)
    assert result["AVAILABLE_M2"] == pytest.approx(1000)
    before = balances(ledger, tmp_path)
    assert before[B] == pytest.approx((1000, 0, 1125))
    with pytest.raises(QgsProcessingException) as info:
        debit(ledger, "JS-B-2", B)
    message = str(info.value)
    # short by 2000 m² (0.2 公顷), 3000 m² paddy (0.3 公顷) and 2475 kg (2.475 t)
    assert "0.2000" in message and "0.3000" in message and "2.475" in message
    assert balances(ledger, tmp_path) == before and n_entries(ledger) == 3


def test_a_transfer_refused_then_allowed(ledger, tmp_path):
    from qgis.core import QgsProcessingException

    debit(ledger, "JS-B-1", B)
    with pytest.raises(QgsProcessingException, match="ALLOW_TRANSFER"):
        debit(ledger, "JS-B-2", B, SOURCE_COUNTY=A)
    assert n_entries(ledger) == 3
    result = debit(ledger, "JS-B-2", B, SOURCE_COUNTY=A, ALLOW_TRANSFER=True)
    assert result["KIND"] == "transfer"
    got = balances(ledger, tmp_path)
    # A pays 3000 m², 3000 m² paddy and 3600 kg; B keeps what it had after JS-B-1
    assert got[A] == pytest.approx((6000, 16_000, 12_975 - 3600))
    assert got[B] == pytest.approx((1000, 0, 1125))
    audit = report(ledger, tmp_path)["AUDIT"]
    kinds = [(f["kind"], f["project"], f["county"], f["other_county"]) for f in audit.getFeatures()]
    assert kinds[-1] == ("transfer", "JS-B-2", A, B)


def test_double_credit_and_double_debit_refused(ledger, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="BC-A-1"):
        credit(ledger)
    # the same land under a new project code
    again = case.bcgd([(case.b(50, 0, 150, 100), ["BC-A-9", A, "0101", "4", "1", 0.0, None])])
    with pytest.raises(QgsProcessingException, match="overlap"):
        credit(ledger, again, base=False)
    debit(ledger, "JS-B-1", B)
    with pytest.raises(QgsProcessingException, match="JS-B-1"):
        debit(ledger, "JS-B-1", B)
    assert n_entries(ledger) == 3


def test_report_html_and_the_dock(ledger, tmp_path):
    from lyg_nrp_plugin import results_bus

    debit(ledger, "JS-B-1", B)
    published = results_bus.latest()["ledger"]
    rows = {r.item_id: r for r in published.rows}
    assert rows[B].area_m2 == pytest.approx(1000) and rows[B].verdict == "REVIEW"  # paddy 0
    assert rows[A].verdict == "PASS" and "东海县" in rows[A].label
    result = report(ledger, tmp_path)
    assert result["N_COUNTIES"] == 2 and result["N_ENTRIES"] == 3 and result["N_BROKEN"] == 0
    html = (tmp_path / "ledger.html").read_text(encoding="utf-8")
    # A: 9000 m² = 0.9000 公顷 = 13.50 亩; 12 975 kg = 12.975 t
    assert "0.9000 (13.50)" in html and "12.975" in html and "320723" in html


def test_files_that_are_not_ledgers(provider, tmp_path):
    from qgis.core import QgsProcessingException

    text = tmp_path / "notes.gpkg"
    text.write_text("not a ledger", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="not a"):
        credit(text)
    with pytest.raises(QgsProcessingException, match="does not exist"):
        debit(tmp_path / "missing.gpkg", "JS-B-1", B)
    assert text.read_text(encoding="utf-8") == "not a ledger"


def test_a_canceled_credit_writes_nothing(ledger, tmp_path):
    from qgis.core import QgsProcessingFeedback

    class CancelLater(QgsProcessingFeedback):
        def setProgress(self, progress):  # noqa: N802
            super().setProgress(progress)
            if progress >= 90:
                self.cancel()

    more = case.bcgd([(case.b(3000, 0, 3100, 100), ["BC-B-2", B, "0101", "5", "1", 0.0, None])])
    feedback = CancelLater()
    result, _ = run_algorithm(
        "lyg_nrp:ledger_credit",
        {"LEDGER": str(ledger), "SUPPLEMENT": more, "CREDITED": "memory:"},
        feedback,
    )
    assert feedback.isCanceled() and "N_PROJECTS" not in result
    assert n_entries(ledger) == 2


def _write_inputs(tmp_path):
    from .helpers.layers import write_gpkg

    gpkg = tmp_path / "inputs.gpkg"
    return {
        "bcgd": write_gpkg(gpkg, case.bcgd()),
        "base": write_gpkg(gpkg, case.dltb_jq()),
        "pieces": write_gpkg(gpkg, case.pieces()),
    }


@pytest.mark.slow
def test_the_story_through_qgis_process(qgis_process, tmp_path):
    layers = _write_inputs(tmp_path)
    ledger = tmp_path / "ledger.gpkg"

    def run(alg, *args):
        return qgis_process("run", f"lyg_nrp:{alg}", "--json", "--", f"LEDGER={ledger}", *args)

    ok = run("ledger_credit", f"SUPPLEMENT={layers['bcgd']}", f"BASE_LANDUSE={layers['base']}")
    assert ok.returncode == 0, ok.stdout[-2000:] + ok.stderr[-2000:]
    assert json.loads(ok.stdout)["results"]["QUANTITY_M2"] == pytest.approx(14_000)
    again = run("ledger_credit", f"SUPPLEMENT={layers['bcgd']}")
    assert again.returncode != 0 and "BC-A-1" in again.stdout + again.stderr
    occ = (f"OCCUPIED={layers['pieces']}", "OCC_GROUP_FIELD=project_id")
    assert run("ledger_debit", *occ, "PROJECT_ID=JS-B-1", f"COUNTY={B}").returncode == 0
    short = run("ledger_debit", *occ, "PROJECT_ID=JS-B-2", f"COUNTY={B}")
    assert short.returncode != 0 and "Traceback" not in short.stdout + short.stderr
    refused = run("ledger_debit", *occ, "PROJECT_ID=JS-B-2", f"COUNTY={B}", f"SOURCE_COUNTY={A}")
    assert refused.returncode != 0 and "ALLOW_TRANSFER" in refused.stdout + refused.stderr
    allowed = run(
        "ledger_debit",
        *occ,
        "PROJECT_ID=JS-B-2",
        f"COUNTY={B}",
        f"SOURCE_COUNTY={A}",
        "ALLOW_TRANSFER=true",
    )
    assert allowed.returncode == 0, allowed.stdout[-2000:] + allowed.stderr[-2000:]
    assert json.loads(allowed.stdout)["results"]["KIND"] == "transfer"
    again = run("ledger_debit", *occ, "PROJECT_ID=JS-B-1", f"COUNTY={B}")
    assert again.returncode != 0
    out = tmp_path / "balances.gpkg"
    rep = run(
        "ledger_report",
        f"OUTPUT={out}",
        f"AUDIT={tmp_path / 'audit.gpkg'}",
        f"REPORT={tmp_path / 'ledger.html'}",
    )
    assert rep.returncode == 0, rep.stdout[-2000:] + rep.stderr[-2000:]
    import pyogrio

    frame = pyogrio.read_dataframe(out)
    got = {r.county: (r.quantity_m2, r.paddy_m2, r.capacity_kg) for r in frame.itertuples()}
    assert got[A] == pytest.approx((6000, 16_000, 9375)) and got[B] == pytest.approx(
        (1000, 0, 1125)
    )
    assert (tmp_path / "ledger.html").is_file()


@pytest.mark.slow
def test_two_qgis_process_debits_at_once(
    qgis_process, qgis_process_profile, built_plugin, tmp_path
):
    """B holds 5000 m²; JS-B-1 and JS-B-3 (4000 m² each) fit one at a time, not together."""
    from qgis_env import headless_env, qgis_process_binary

    layers = _write_inputs(tmp_path)
    ledger = tmp_path / "ledger.gpkg"
    ok = qgis_process(
        "run",
        "lyg_nrp:ledger_credit",
        "--",
        f"LEDGER={ledger}",
        f"SUPPLEMENT={layers['bcgd']}",
        f"BASE_LANDUSE={layers['base']}",
    )
    assert ok.returncode == 0, ok.stdout[-2000:] + ok.stderr[-2000:]
    env = headless_env(qgis_process_profile, {"QGIS_PLUGINPATH": str(built_plugin.parent)})
    procs = [
        subprocess.Popen(
            [
                qgis_process_binary(),
                "run",
                "lyg_nrp:ledger_debit",
                "--",
                f"LEDGER={ledger}",
                f"OCCUPIED={layers['pieces']}",
                "OCC_GROUP_FIELD=project_id",
                f"PROJECT_ID={project}",
                f"COUNTY={B}",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for project in ("JS-B-1", "JS-B-3")
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    codes = [p.returncode for p in procs]
    assert sorted(c == 0 for c in codes) == [False, True], outputs
    (refused,) = [out + err for (out, err), c in zip(outputs, codes) if c != 0]
    assert "short" in refused or "不足" in refused  # it waited for the lock, then saw the balance
    assert n_entries(ledger) == 3
