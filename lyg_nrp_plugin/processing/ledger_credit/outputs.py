"""The outputs of a credit run: the CREDITED plots, the numbers and the log lines."""

from __future__ import annotations

from ...core import ledger as lg
from ...core.farmland_balance import WHOLE_PLOT_REASONS
from ...translate import tr
from ..io import ledger as io_ledger
from ..io.farmland_read import kcxs_unit_text, not_verified_text
from ..io.write import FieldSpec, fields, write_features
from .run import CreditRun

CREDITED_FIELDS = fields(
    [
        FieldSpec("project", "str"),
        FieldSpec("county", "str"),
        FieldSpec("sup_fid", "int64"),
        FieldSpec("DLBM", "str"),
        FieldSpec("GDDB", "float"),
        FieldSpec("quantity_m2"),
        FieldSpec("paddy_m2"),
        FieldSpec("capacity_kg"),
        FieldSpec("upgrade_m2"),
        FieldSpec("entry_id", "int64"),
    ]
)


def write_credited(sink, run: CreditRun, feedback) -> None:
    entry_of = {e.project: e.id for e in run.outcome.entries}
    geoms, rows = [], []
    for project in run.projects:
        for plot in project.plots:
            geoms.append(plot.geometry)
            rows.append(
                [
                    project.project,
                    project.county,
                    plot.fid,
                    plot.dlbm,
                    plot.grade,
                    *plot.amounts.values(),
                    plot.upgrade_m2,
                    entry_of.get(project.project),
                ]
            )
    write_features(sink, CREDITED_FIELDS, geoms, rows, feedback)


def count_outputs(alg, run: CreditRun) -> dict:
    amounts = run.amounts
    return {
        alg.N_PROJECTS: len(run.projects),
        alg.N_PLOTS: run.n_plots,
        alg.QUANTITY_M2: amounts.quantity_m2,
        alg.PADDY_M2: amounts.paddy_m2,
        alg.CAPACITY_KG: amounts.capacity_kg,
    }


def log_run(run: CreditRun, feedback) -> None:
    credits = run.credits
    inputs = run.inputs
    feedback.pushInfo(
        tr("{layer}: KCXS read as {unit}.").format(
            layer=inputs.plots.sup_label, unit=kcxs_unit_text(credits.plots.kcxs_unit)
        )
    )
    if not credits.verified:
        feedback.pushWarning(not_verified_text())
    excluded = sorted({f.fid for f in credits.flagged if set(f.reasons) & WHOLE_PLOT_REASONS})
    if excluded:
        feedback.pushWarning(
            tr("{n} plot(s) credit nothing (excluded): fids {fids}.").format(
                n=len(excluded), fids=", ".join(map(str, excluded[:30]))
            )
        )
    for project in run.projects:
        amounts = project.amounts
        feedback.pushInfo(
            tr("Credited {project} to {county}: quantity {q}, paddy {p}, capacity {c} t.").format(
                project=project.project,
                county=lg.county_label(project.county),
                q=io_ledger.area_text(amounts.quantity_m2),
                p=io_ledger.area_text(amounts.paddy_m2),
                c=f"{amounts.capacity_kg / 1000:,.3f}",
            )
        )
    for line in io_ledger.balance_lines(run.outcome.balances):
        feedback.pushInfo(line)
