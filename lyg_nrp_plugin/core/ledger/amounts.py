"""From the farmland computations to ledger amounts: the credits of supplementary plots grouped
by project (:func:`project_credits`) and the 指标 a project's occupied farmland uses
(:func:`occupied_amounts`) — the same rules as ``farmland_balance`` (one implementation)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..farmland_balance import Credits, OccupiedPieces, group_key
from ..units import M2_PER_MU
from .model import Amounts, LedgerError, PlotCredit, ProjectCredit


def project_credits(
    credits: Credits, projects: Sequence, counties: Sequence, layer: str = "SUPPLEMENT"
) -> list[ProjectCredit]:
    """One :class:`ProjectCredit` per project code (sorted) with its plots that add any 指标.

    Every such plot needs a project code and a county; a project's plots must all lie in one
    county (the county owns the 指标). Otherwise nothing can be credited: an error.
    """
    plots = credits.plots
    adds = (credits.qty_m2 > 0) | (credits.paddy_m2 > 0) | (credits.cap_kg > 0)
    missing = [int(plots.fids[i]) for i in np.flatnonzero(adds) if not group_key(projects[i])] + [
        int(plots.fids[i]) for i in np.flatnonzero(adds) if not group_key(counties[i])
    ]
    if missing:
        raise LedgerError(
            "credit_missing_ids",
            f"{layer}: plots without a project code or county: {sorted(set(missing))[:10]}",
            layer=layer,
            fids=", ".join(map(str, sorted(set(missing))[:10])),
            n=len(set(missing)),
        )
    by_project: dict[str, ProjectCredit] = {}
    for i in np.flatnonzero(adds):
        project, county = group_key(projects[i]), group_key(counties[i])
        entry = by_project.setdefault(project, ProjectCredit(project, county, []))
        if entry.county != county:
            raise LedgerError(
                "credit_two_counties",
                f"{layer}: project {project} has plots in {entry.county} and {county}",
                layer=layer,
                project=project,
                counties=f"{entry.county}, {county}",
            )
        entry.plots.append(
            PlotCredit(
                int(plots.fids[i]),
                credits.geoms[i],
                Amounts(
                    float(credits.qty_m2[i]), float(credits.paddy_m2[i]), float(credits.cap_kg[i])
                ),
                float(credits.upg_m2[i]),
                plots.codes[i],
                plots.grades[i],
            )
        )
    return [by_project[k] for k in sorted(by_project)]


def occupied_amounts(pieces: OccupiedPieces, index: np.ndarray | None = None) -> Amounts:
    """Net area, 0101 area and capacity (kg) of the occupied farmland pieces ``index``."""
    area = pieces.area if index is None else pieces.area[index]
    paddy = pieces.paddy if index is None else pieces.paddy[index]
    capacity = pieces.capacity if index is None else pieces.capacity[index]
    return Amounts(
        float(area.sum()), float(area[paddy].sum()), float((area / M2_PER_MU * capacity).sum())
    )
