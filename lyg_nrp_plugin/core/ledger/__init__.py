"""补充耕地指标台账 — the supplementary-farmland quota ledger (pure Python: sqlite3, shapely).

The plan's 七（二） asks for "市域内跨区域补充耕地指标交易": a county's surplus of 补充耕地指标
serving another county's project. 国土资规〔2017〕13号 counts three 指标 — 耕地数量 (m²),
水田面积 (m²) and 粮食产能 (kg) — credited when supplementary farmland is accepted and debited
when a project occupies farmland. The ledger records every credit and debit per county,
append-only, so that a county's balance is always the sum of its history, and no run ever
spends the same 指标 twice.

A ledger is a GeoPackage (:mod:`.gpkg`) with its own versioned schema (:mod:`.schema`,
``docs/ledger.md``); :mod:`.store` opens it and holds the one-transaction-per-run contract;
:mod:`.operations` are the credit and the debit with their refusals.
"""

from __future__ import annotations

from .amounts import occupied_amounts, project_credits
from .gpkg import Srs
from .model import (
    COUNTY_NAMES,
    CREDIT,
    DEBIT,
    INDICATOR_ZH,
    INDICATORS,
    KIND_ZH,
    TOLERANCE,
    TRANSFER,
    Amounts,
    Balance,
    Debit,
    Entry,
    LedgerError,
    Outcome,
    PlotCredit,
    ProjectCredit,
    county_label,
)
from .operations import credit, debit, digest, login_name, now
from .schema import SCHEMA_NAME, SCHEMA_VERSION
from .store import BUSY_TIMEOUT_S, Ledger

__all__ = [
    "BUSY_TIMEOUT_S",
    "COUNTY_NAMES",
    "CREDIT",
    "DEBIT",
    "INDICATORS",
    "INDICATOR_ZH",
    "KIND_ZH",
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "TOLERANCE",
    "TRANSFER",
    "Amounts",
    "Balance",
    "Debit",
    "Entry",
    "Ledger",
    "LedgerError",
    "Outcome",
    "PlotCredit",
    "ProjectCredit",
    "Srs",
    "county_label",
    "credit",
    "debit",
    "digest",
    "login_name",
    "now",
    "occupied_amounts",
    "project_credits",
]
