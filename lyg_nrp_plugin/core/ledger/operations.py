"""The two writes of the ledger and their refusals — each one transaction; a refusal raises
:class:`~.model.LedgerError` and rolls back, so a refused, failed or canceled run changes no row.

- :func:`credit` (补充耕地指标入库): refused when a project was already credited, or a plot
  overlaps land already in the ledger by more than ``min_area`` m² (the same land is never
  credited twice).
- :func:`debit` (占用耕地指标核销): refused when the project was already debited, when the
  paying county is another one and the transfer is not allowed (跨区域调剂), or when any of the
  three 指标 (quantity, paddy, capacity — 国土资规〔2017〕13号) would go below zero.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import hashlib
import json
import uuid
from collections.abc import Callable, Sequence

import numpy as np
import shapely

from ..progress import Progress
from .model import (
    CREDIT,
    DEBIT,
    TRANSFER,
    Amounts,
    Debit,
    Entry,
    LedgerError,
    Outcome,
    ProjectCredit,
)
from .store import Ledger

Hook = Callable[[], None] | None  # called inside the transaction after the checks (tests)


def now() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (service accounts): say so
        return "unknown"


def digest(items: Sequence) -> str:
    """SHA-256 of the inputs of a run (JSON of ``items``; bytes as hex)."""

    def plain(value):
        if isinstance(value, (bytes, bytearray)):
            return value.hex()
        if isinstance(value, np.generic):
            return value.item()
        return str(value) if not isinstance(value, (int, float, str, type(None))) else value

    text = json.dumps(
        [[plain(v) for v in item] for item in items], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _entry(kind, project, county, other, amounts: Amounts, user, dig, run_id, note, upg=0.0, n=0):
    return Entry(
        0, now(), user, kind, project, county, other, amounts, upg, n, dig, run_id, note, ""
    )


def credit(
    ledger: Ledger,
    projects: Sequence[ProjectCredit],
    input_digest: str,
    min_area: float = 1.0,
    area_fn: Callable[[np.ndarray], np.ndarray] = shapely.area,
    user: str = "",
    note: str = "",
    progress: Progress | None = None,
    before_write: Hook = None,
) -> Outcome:
    """Credit each project (one entry each, with its plots) in one transaction."""
    projects = [p for p in projects if p.plots]
    if not projects:
        raise LedgerError("credit_nothing", "no plot adds any 指标")
    user, run_id = user or login_name(), uuid.uuid4().hex
    with ledger.transaction(progress):
        again = ledger.projects((CREDIT,), [p.project for p in projects])
        if again:
            raise LedgerError(
                "credit_duplicate_project",
                f"already credited: {again}",
                projects=", ".join(again),
            )
        _refuse_overlaps(ledger, projects, min_area, area_fn)
        if before_write is not None:
            before_write()
        entries = []
        for p in projects:
            amounts = p.amounts
            e = _entry(
                CREDIT,
                p.project,
                p.county,
                "",
                amounts,
                user,
                input_digest,
                run_id,
                note,
                p.upgrade_m2,
                len(p.plots),
            )
            entries.append(ledger.append(e))
            for plot in p.plots:
                ledger.add_plot(e, plot)
        balances = ledger.balances()
    return Outcome(entries, balances)


def _refuse_overlaps(ledger: Ledger, projects, min_area: float, area_fn) -> None:
    clashes = []
    for p in projects:
        for plot in p.plots:
            for _fid, project, _county, source_fid, geom in ledger.plots_near(plot.geometry.bounds):
                inter = shapely.intersection(plot.geometry, geom)
                area = (
                    float(area_fn(np.array([inter], dtype=object))[0])
                    if not inter.is_empty
                    else 0.0
                )
                if area > min_area:
                    clashes.append((plot.fid, project, source_fid, area))
    if clashes:
        text = "; ".join(
            f"{fid} ↔ {project} #{source} ({area:,.2f} m²)"
            for fid, project, source, area in clashes[:10]
        )
        raise LedgerError(
            "credit_overlap",
            f"plots overlap land already in the ledger: {text}",
            clashes=text,
            n=len(clashes),
        )


def debit(
    ledger: Ledger,
    request: Debit,
    input_digest: str,
    user: str = "",
    note: str = "",
    progress: Progress | None = None,
    before_write: Hook = None,
) -> Outcome:
    """Debit the occupied farmland of one project from ``request.source_county``."""
    if request.is_transfer and not request.allow_transfer:
        raise LedgerError(
            "transfer_not_allowed",
            f"{request.source_county} paying for {request.county} needs ALLOW_TRANSFER",
            county=request.county,
            source=request.source_county,
        )
    user, run_id = user or login_name(), uuid.uuid4().hex
    with ledger.transaction(progress):
        if ledger.projects((DEBIT, TRANSFER), [request.project]):
            raise LedgerError(
                "debit_duplicate_project",
                f"already debited: {request.project}",
                project=request.project,
            )
        balance = ledger.balance(request.source_county)
        short = balance.shortfall(request.amounts)
        if short:
            raise LedgerError(
                "debit_short",
                f"{request.source_county} is short: {short}",
                county=request.source_county,
                short=short,
                available=balance.available,
                asked=request.amounts,
            )
        if before_write is not None:
            before_write()
        kind = TRANSFER if request.is_transfer else DEBIT
        other = request.county
        e = _entry(
            kind,
            request.project,
            request.source_county,
            other,
            request.amounts,
            user,
            input_digest,
            run_id,
            note,
        )
        entries = [ledger.append(e)]
        balances = ledger.balances()
    return Outcome(entries, balances)
