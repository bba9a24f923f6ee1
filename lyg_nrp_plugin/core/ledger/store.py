"""Opening a ledger file and reading and appending its rows. Every write happens inside
:meth:`Ledger.transaction` — ``BEGIN IMMEDIATE``: the first writer holds SQLite's reserved
lock, a second one waits (busy timeout) and then reads the balances the first left, so two
runs at the same time never spend the same 指标 twice; anything raised inside rolls back."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import shapely

from ..progress import Progress, check
from . import gpkg
from .model import CREDIT, TRANSFER, Amounts, Balance, Entry, LedgerError, PlotCredit
from .schema import ENTRIES, PLOTS, check_schema, create_schema, tables

BUSY_TIMEOUT_S = 60.0  # how long a run waits for another run's transaction
SQLITE_HEADER = b"SQLite format 3\x00"
INSERT_COLUMNS = (
    "time, user, kind, project, county, other_county, quantity_m2, paddy_m2, capacity_kg, "
    "upgrade_m2, n_plots, digest, run_id, note, chain"
)
ENTRY_COLUMNS = "id, " + INSERT_COLUMNS


def _is_new(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        return conn
    except sqlite3.Error as error:
        raise LedgerError(
            "ledger_open", f"{path}: {error}", path=str(path), error=str(error)
        ) from None


def chain_of(previous: str, fields: tuple) -> str:
    """SHA-256 of the previous entry's chain and this entry's fields (canonical JSON)."""
    text = json.dumps([previous, *fields], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _entry(row) -> Entry:
    return Entry(*row[:7], Amounts(*row[7:10]), *row[10:])


class Ledger:
    """An open ledger (use as a context manager, or call :meth:`close`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, meta: dict, srs: gpkg.Srs):
        self.path, self.conn, self.meta, self.srs = path, conn, meta, srs

    @classmethod
    def open(
        cls,
        path: str | Path,
        create: bool = False,
        srs: gpkg.Srs | None = None,
        created: str = "",
        timeout: float = BUSY_TIMEOUT_S,
    ) -> Ledger:
        """Open ``path``; with ``create`` a missing (or empty) file becomes a new ledger in
        ``srs``. A file that is not a ledger, or of a newer schema, is refused."""
        path = Path(path)
        if _is_new(path):
            if not create:
                raise LedgerError("ledger_missing", f"{path} does not exist", path=str(path))
            if srs is None:
                raise ValueError("a new ledger needs its CRS")
        else:
            with open(path, "rb") as handle:
                if handle.read(16) != SQLITE_HEADER:
                    raise LedgerError("not_a_ledger", f"{path} is not a ledger", path=str(path))
        conn = _connect(path, timeout)
        try:
            if create and srs is not None and not tables(conn):
                with _immediate(conn, str(path)):
                    if not tables(conn):  # another process may have created it meanwhile
                        create_schema(conn, srs, created)
            meta = check_schema(conn, str(path))
            ledger_srs = gpkg.read_srs(conn, PLOTS)
        except sqlite3.DatabaseError as error:
            conn.close()
            raise LedgerError("not_a_ledger", f"{path}: {error}", path=str(path)) from None
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, meta, ledger_srs)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self, progress: Progress | None = None) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolls back when anything (a refusal, a cancel) is raised."""
        check(progress)
        with _immediate(self.conn, str(self.path)):
            yield self.conn
            check(progress)  # a run canceled before the commit writes nothing

    # --- reading ------------------------------------------------------------------------------
    def entries(self) -> list[Entry]:
        rows = self.conn.execute(f"SELECT {ENTRY_COLUMNS} FROM {ENTRIES} ORDER BY id")
        return [_entry(r) for r in rows]

    def balances(self) -> list[Balance]:
        """One balance per county that has an entry, sorted by county."""
        out: dict[str, Balance] = {}
        for e in self.entries():
            b = out.setdefault(e.county, Balance(e.county))
            side = b.credited if e.kind == CREDIT else b.debited
            for key, value in zip(("quantity_m2", "paddy_m2", "capacity_kg"), e.amounts.values()):
                setattr(side, key, getattr(side, key) + value)
            b.n_credits += e.kind == CREDIT
            b.n_debits += e.kind != CREDIT
            if e.kind == TRANSFER:
                b.transferred_out_m2 += e.amounts.quantity_m2
                other = out.setdefault(e.other_county, Balance(e.other_county))
                other.transferred_in_m2 += e.amounts.quantity_m2
        return [out[k] for k in sorted(out)]

    def balance(self, county: str) -> Balance:
        return next((b for b in self.balances() if b.county == county), Balance(county))

    def projects(self, kinds: tuple[str, ...], projects) -> list[str]:
        """Which of ``projects`` already have an entry of one of ``kinds``."""
        projects = sorted(set(projects))
        marks = ",".join("?" * len(kinds))
        found = self.conn.execute(
            f"SELECT DISTINCT project FROM {ENTRIES} WHERE kind IN ({marks})", kinds
        ).fetchall()
        known = {r[0] for r in found}
        return [p for p in projects if p in known]

    def plots_near(self, bounds: tuple[float, float, float, float]) -> list[tuple]:
        """(fid, project, county, source_fid, geometry) of ledger plots whose envelope meets
        ``bounds`` (minx, miny, maxx, maxy)."""
        minx, miny, maxx, maxy = bounds
        rows = self.conn.execute(
            f"SELECT fid, project, county, source_fid, geom FROM {PLOTS} "
            "WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?",
            (minx, maxx, miny, maxy),
        ).fetchall()
        return [(*r[:4], gpkg.from_blob(r[4])) for r in rows]

    def broken_chain(self) -> list[int]:
        """Ids of the entries whose chain does not follow from the ones before (edited)."""
        previous, broken = "", []
        for e in self.entries():
            if chain_of(previous, _chain_fields(e)) != e.chain:
                broken.append(e.id)
            previous = e.chain
        return broken

    # --- writing (inside a transaction) -------------------------------------------------------
    def append(self, entry: Entry) -> Entry:
        """Insert ``entry`` (its id and chain are assigned here)."""
        row = self.conn.execute(f"SELECT chain FROM {ENTRIES} ORDER BY id DESC LIMIT 1")
        last = row.fetchone()
        entry.chain = chain_of(last[0] if last else "", _chain_fields(entry))
        cursor = self.conn.execute(
            f"INSERT INTO {ENTRIES} ({INSERT_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _chain_fields(entry) + (entry.chain,),
        )
        entry.id = cursor.lastrowid
        gpkg.touch(self.conn, ENTRIES)
        return entry

    def add_plot(self, entry: Entry, plot: PlotCredit) -> None:
        geom = plot.geometry
        if geom.geom_type == "Polygon":
            geom = shapely.MultiPolygon([geom])
        minx, miny, maxx, maxy = geom.bounds
        self.conn.execute(
            f"INSERT INTO {PLOTS} (geom, entry_id, project, county, source_fid, dlbm, gddb, "
            "quantity_m2, paddy_m2, capacity_kg, upgrade_m2, minx, maxx, miny, maxy) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                gpkg.to_blob(geom, self.srs.srs_id),
                entry.id,
                entry.project,
                entry.county,
                int(plot.fid),
                plot.dlbm,
                None if plot.grade is None else float(plot.grade),
                *map(float, plot.amounts.values()),
                float(plot.upgrade_m2),
                minx,
                maxx,
                miny,
                maxy,
            ),
        )
        gpkg.touch(self.conn, PLOTS, (minx, miny, maxx, maxy))


def _chain_fields(e: Entry) -> tuple:
    amounts = tuple(float(v) for v in e.amounts.values())
    return (
        e.time,
        e.user,
        e.kind,
        e.project,
        e.county,
        e.other_county,
        *amounts,
        float(e.upgrade_m2),
        int(e.n_plots),
        e.digest,
        e.run_id,
        e.note,
    )


@contextmanager
def _immediate(conn: sqlite3.Connection, path: str) -> Iterator[None]:
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise LedgerError("ledger_busy", f"{path}: {error}", path=path, error=str(error)) from None
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        conn.execute("ROLLBACK")
        raise LedgerError("ledger_busy", f"{path}: {error}", path=path, error=str(error)) from None
