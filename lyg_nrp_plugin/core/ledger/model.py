"""The data of the 补充耕地指标台账: entries, balances, what a credit or a debit asks for, and
the one error type (its ``kind`` selects the translated message the algorithms show)."""

from __future__ import annotations

from dataclasses import dataclass, field

import shapely

CREDIT = "credit"
DEBIT = "debit"
TRANSFER = "transfer"  # a debit paid by another county's 指标 (跨区域调剂)
KIND_ZH = {CREDIT: "入库", DEBIT: "核销", TRANSFER: "跨区域调剂核销"}
INDICATORS = ("quantity_m2", "paddy_m2", "capacity_kg")  # the three 指标 of 国土资规〔2017〕13号
INDICATOR_ZH = {"quantity_m2": "耕地数量", "paddy_m2": "水田面积", "capacity_kg": "粮食产能"}
TOLERANCE = 1e-6  # m² / kg: floating-point noise, not policy
# 连云港市 districts and counties (行政区划代码), to label balances
COUNTY_NAMES = {
    "320703": "连云区",
    "320706": "海州区",
    "320707": "赣榆区",
    "320722": "东海县",
    "320723": "灌云县",
    "320724": "灌南县",
}


def county_label(code: str) -> str:
    """``320722 东海县`` for a known code, else the code."""
    name = COUNTY_NAMES.get(str(code))
    return f"{code} {name}" if name else str(code)


class LedgerError(ValueError):
    """A refused or impossible ledger operation; nothing was written."""

    def __init__(self, kind: str, message: str, **details):
        super().__init__(message)
        self.kind = kind
        self.details = details


@dataclass
class Amounts:
    quantity_m2: float = 0.0
    paddy_m2: float = 0.0
    capacity_kg: float = 0.0

    def values(self) -> tuple[float, float, float]:
        return self.quantity_m2, self.paddy_m2, self.capacity_kg


@dataclass
class PlotCredit:
    """One credited supplementary plot: its credited land and the 指标 it adds."""

    fid: int
    geometry: shapely.Geometry
    amounts: Amounts
    upgrade_m2: float = 0.0
    dlbm: str | None = None
    grade: float | None = None


@dataclass
class ProjectCredit:
    """One 补充耕地项目: its county (who owns the 指标) and its credited plots."""

    project: str
    county: str
    plots: list[PlotCredit]

    @property
    def amounts(self) -> Amounts:
        return Amounts(*(sum(getattr(p.amounts, k) for p in self.plots) for k in INDICATORS))

    @property
    def upgrade_m2(self) -> float:
        return sum(p.upgrade_m2 for p in self.plots)


@dataclass
class Debit:
    """A project's occupied farmland to be paid from ``source_county``'s 指标."""

    project: str
    county: str  # the occupying county
    source_county: str  # whose 指标 pay (= county unless a 跨区域调剂)
    amounts: Amounts
    allow_transfer: bool = False

    @property
    def is_transfer(self) -> bool:
        return self.source_county != self.county


@dataclass
class Entry:
    """One row of the ledger (append-only)."""

    id: int
    time: str
    user: str
    kind: str
    project: str
    county: str  # whose balance changes
    other_county: str  # transfer: the occupying county
    amounts: Amounts
    upgrade_m2: float
    n_plots: int
    digest: str
    run_id: str
    note: str
    chain: str

    @property
    def sign(self) -> int:
        return 1 if self.kind == CREDIT else -1

    @property
    def kind_zh(self) -> str:
        return KIND_ZH.get(self.kind, self.kind)


@dataclass
class Balance:
    """A county's 指标: credited, debited (incl. transfers out) and available now."""

    county: str
    credited: Amounts = field(default_factory=Amounts)
    debited: Amounts = field(default_factory=Amounts)
    n_credits: int = 0
    n_debits: int = 0
    transferred_out_m2: float = 0.0  # quantity paid for other counties' projects
    transferred_in_m2: float = 0.0  # quantity of this county's projects paid by others

    @property
    def available(self) -> Amounts:
        return Amounts(*(getattr(self.credited, k) - getattr(self.debited, k) for k in INDICATORS))

    def shortfall(self, amounts: Amounts) -> dict[str, float]:
        """Indicator → how much ``amounts`` exceed what is available (only those short)."""
        available = self.available
        out = {}
        for key in INDICATORS:
            short = getattr(amounts, key) - getattr(available, key)
            if short > TOLERANCE:
                out[key] = short
        return out


@dataclass
class Outcome:
    """What a successful credit or debit wrote, and the balances after it."""

    entries: list[Entry]
    balances: list[Balance]
