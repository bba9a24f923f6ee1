"""The tables of a ledger report: OUTPUT (one row per county) and AUDIT (every entry), as
data — each field with the value it takes from a balance or an entry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...core import ledger as lg
from ..io.write import FieldSpec, fields, write_features


@dataclass
class LedgerRun:
    """What a report run read: the ledger's path, metadata, CRS, entries, balances, plots."""

    path: str
    meta: dict
    crs_authid: str
    entries: list[lg.Entry]
    balances: list[lg.Balance]
    broken: list[int]  # ids of entries whose chain does not follow (edited outside)
    plots: list[tuple]  # (fid, project, county, source_fid, geometry)
    report_path: str = ""


Column = tuple[FieldSpec, Callable]

OUTPUT_COLUMNS: tuple[Column, ...] = (
    (FieldSpec("county", "str"), lambda b: b.county),
    (FieldSpec("county_zh", "str"), lambda b: lg.COUNTY_NAMES.get(b.county, "")),
    (FieldSpec("credited_m2"), lambda b: b.credited.quantity_m2),
    (FieldSpec("debited_m2"), lambda b: b.debited.quantity_m2),
    (FieldSpec("quantity_m2"), lambda b: b.available.quantity_m2),
    (FieldSpec("paddy_m2"), lambda b: b.available.paddy_m2),
    (FieldSpec("capacity_kg"), lambda b: b.available.capacity_kg),
    (FieldSpec("credited_paddy_m2"), lambda b: b.credited.paddy_m2),
    (FieldSpec("debited_paddy_m2"), lambda b: b.debited.paddy_m2),
    (FieldSpec("credited_kg"), lambda b: b.credited.capacity_kg),
    (FieldSpec("debited_kg"), lambda b: b.debited.capacity_kg),
    (FieldSpec("transfer_out_m2"), lambda b: b.transferred_out_m2),
    (FieldSpec("transfer_in_m2"), lambda b: b.transferred_in_m2),
    (FieldSpec("n_credits", "int"), lambda b: b.n_credits),
    (FieldSpec("n_debits", "int"), lambda b: b.n_debits),
)

AUDIT_COLUMNS: tuple[Column, ...] = (
    (FieldSpec("entry_id", "int64"), lambda e: e.id),
    (FieldSpec("time", "str"), lambda e: e.time),
    (FieldSpec("user", "str"), lambda e: e.user),
    (FieldSpec("kind", "str"), lambda e: e.kind),
    (FieldSpec("kind_zh", "str"), lambda e: e.kind_zh),
    (FieldSpec("project", "str"), lambda e: e.project),
    (FieldSpec("county", "str"), lambda e: e.county),
    (FieldSpec("other_county", "str"), lambda e: e.other_county or None),
    (FieldSpec("quantity_m2"), lambda e: e.amounts.quantity_m2),
    (FieldSpec("paddy_m2"), lambda e: e.amounts.paddy_m2),
    (FieldSpec("capacity_kg"), lambda e: e.amounts.capacity_kg),
    (FieldSpec("upgrade_m2"), lambda e: e.upgrade_m2),
    (FieldSpec("n_plots", "int"), lambda e: e.n_plots),
    (FieldSpec("digest", "str"), lambda e: e.digest),
    (FieldSpec("note", "str"), lambda e: e.note or None),
)


def output_fields(columns):
    return fields([spec for spec, _ in columns])


def write_table(sink, columns, items, feedback) -> None:
    rows = [[value(item) for _, value in columns] for item in items]
    write_features(sink, output_fields(columns), None, rows, feedback)
