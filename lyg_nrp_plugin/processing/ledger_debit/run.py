"""A debit run: the 指标 the project's occupied farmland uses (the occupied side of
``farmland_balance``), the digest of the inputs, and the one transaction that debits them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import shapely

from ...core import farmland_balance as fb
from ...core import ledger as lg
from ...core.progress import Progress
from ...translate import tr
from ..io import ledger as io_ledger
from ..io.farmland_read import kcxs_unit_text
from .inputs import DebitInputs


@dataclass
class DebitRun:
    inputs: DebitInputs
    pieces: fb.OccupiedPieces
    request: lg.Debit
    outcome: lg.Outcome

    @property
    def entry(self) -> lg.Entry:
        return self.outcome.entries[0]

    @property
    def source_balance(self) -> lg.Balance:
        return next(b for b in self.outcome.balances if b.county == self.request.source_county)


def _digest(inputs: DebitInputs) -> str:
    occ = inputs.occ.occupied
    table = inputs.capacity.table
    settings = (
        "debit",
        inputs.project,
        inputs.county,
        inputs.source_county,
        inputs.crs.authid(),
        hashlib.sha256(repr(sorted(table.kg_per_mu.items())).encode()).hexdigest(),
    )
    area = occ.area_m2 or [None] * len(occ.fids)
    rows = [
        (int(f), shapely.to_wkb(g), d, gr, a)
        for f, g, d, gr, a in zip(occ.fids, occ.geoms, occ.dlbm, occ.grade, area)
    ]
    return lg.digest([settings, *rows])


def run_debit(inputs: DebitInputs, progress: Progress) -> DebitRun:
    pieces = fb.occupied_pieces(inputs.occ.occupied, inputs.capacity.table, inputs.area_fn)
    request = lg.Debit(
        inputs.project,
        inputs.county,
        inputs.source_county,
        lg.occupied_amounts(pieces),
        inputs.allow_transfer,
    )
    outcome = lg.debit(
        inputs.ledger, request, _digest(inputs), inputs.operator, inputs.note, progress
    )
    return DebitRun(inputs, pieces, request, outcome)


def count_outputs(alg, run: DebitRun) -> dict:
    asked, left = run.request.amounts, run.source_balance.available
    return {
        alg.KIND: run.entry.kind,
        alg.QUANTITY_M2: asked.quantity_m2,
        alg.PADDY_M2: asked.paddy_m2,
        alg.CAPACITY_KG: asked.capacity_kg,
        alg.AVAILABLE_M2: left.quantity_m2,
        alg.AVAILABLE_PADDY_M2: left.paddy_m2,
        alg.AVAILABLE_CAP_KG: left.capacity_kg,
    }


def log_run(run: DebitRun, feedback) -> None:
    inputs, asked = run.inputs, run.request.amounts
    if not inputs.occ.fields.get("area_m2"):
        feedback.pushInfo(
            tr("{layer}: KCXS read as {unit}.").format(
                layer=inputs.occ.label, unit=kcxs_unit_text(run.pieces.kcxs_unit)
            )
        )
    if run.pieces.skipped_fids:
        feedback.pushWarning(
            tr("{layer}: {n} piece(s) are not cultivated land and use no quota.").format(
                layer=inputs.occ.label, n=len(run.pieces.skipped_fids)
            )
        )
    feedback.pushInfo(
        tr("{kind} {project}: quantity {q}, paddy {p}, capacity {c} t from {source}.").format(
            kind=run.entry.kind_zh,
            project=inputs.project,
            q=io_ledger.area_text(asked.quantity_m2),
            p=io_ledger.area_text(asked.paddy_m2),
            c=f"{asked.capacity_kg / 1000:,.3f}",
            source=lg.county_label(inputs.source_county),
        )
    )
    for line in io_ledger.balance_lines(run.outcome.balances):
        feedback.pushInfo(line)
