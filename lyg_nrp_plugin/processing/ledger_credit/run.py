"""A credit run: the plots' credits (the rules of ``farmland_balance``), grouped by project,
the digest of the inputs, and the one transaction that writes them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import shapely

from ...core import farmland_balance as fb
from ...core import ledger as lg
from ...core.progress import Progress
from ..io import ledger as io_ledger
from .inputs import CreditInputs


@dataclass
class CreditRun:
    inputs: CreditInputs
    credits: fb.Credits
    projects: list[lg.ProjectCredit]
    digest: str
    outcome: lg.Outcome | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def amounts(self) -> lg.Amounts:
        return lg.Amounts(
            *(sum(getattr(p.amounts, k) for p in self.projects) for k in lg.INDICATORS)
        )

    @property
    def n_plots(self) -> int:
        return sum(len(p.plots) for p in self.projects)


def compute(inputs: CreditInputs, progress: Progress) -> CreditRun:
    """Credit every plot and group the credits by project (nothing is written yet)."""
    plots = inputs.plots
    credits = fb.credit_plots(
        plots.supplement,
        inputs.capacity.table,
        plots.base,
        plots.rules,
        plots.eco_geom,
        plots.pa_geom,
        plots.max_slope,
        plots.min_area,
        inputs.area_fn,
        progress,
    )
    projects = lg.project_credits(
        credits, plots.extra["project"], plots.extra["county"], plots.sup_label
    )
    return CreditRun(inputs, credits, projects, _digest(inputs))


def _digest(inputs: CreditInputs) -> str:
    plots = inputs.plots
    sup = plots.supplement
    table = inputs.capacity.table
    settings = (
        "credit",
        inputs.crs.authid(),
        inputs.method,
        plots.max_slope,
        plots.min_area,
        plots.base_label,
        plots.rules.source,
        hashlib.sha256(repr(sorted(table.kg_per_mu.items())).encode()).hexdigest(),
    )
    rows = [
        (int(fid), shapely.to_wkb(geom), dlbm, grade, project, county)
        for fid, geom, dlbm, grade, project, county in zip(
            sup.fids, sup.geoms, sup.dlbm, sup.grade, plots.extra["project"], plots.extra["county"]
        )
    ]
    return lg.digest([settings, *rows])


def write(run: CreditRun, progress: Progress) -> lg.Outcome:
    """The one transaction (a new ledger is created first)."""
    inputs = run.inputs
    ledger = inputs.existing
    if ledger is None:
        ledger = lg.Ledger.open(
            inputs.path, create=True, srs=io_ledger.srs_of(inputs.crs), created=lg.now()
        )
    try:
        run.outcome = lg.credit(
            ledger,
            run.projects,
            run.digest,
            inputs.plots.min_area,
            inputs.area_fn,
            inputs.operator,
            inputs.note,
            progress,
        )
    finally:
        ledger.close()
    return run.outcome
