"""The ledger's own schema, versioned (``ledger_meta``: ``schema`` = ``lyg_nrp_ledger``,
``version``). Documented in ``docs/ledger.md``; a change adds a version and a migration.

Tables (besides the GeoPackage metadata):

- ``ledger_entries`` (attributes): one row per credit, debit or transfer; append-only
  (triggers refuse UPDATE and DELETE); a project is credited at most once and debited at
  most once (partial unique indexes); ``chain`` is the SHA-256 of the previous entry's chain
  and this entry, so that an edit outside the plugin shows in ``ledger_report``.
- ``ledger_plots`` (features, MULTIPOLYGON): the credited land of each credited plot, so that
  the same land is never credited twice; append-only too.
- ``ledger_meta`` (attributes): the schema name and version, the CRS, when it was created.
"""

from __future__ import annotations

import sqlite3

from . import gpkg
from .model import LedgerError

SCHEMA_NAME = "lyg_nrp_ledger"
SCHEMA_VERSION = 1
ENTRIES, PLOTS, META = "ledger_entries", "ledger_plots", "ledger_meta"

TABLES_SQL = f"""
CREATE TABLE {META} (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE {ENTRIES} (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  time TEXT NOT NULL,
  user TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('credit', 'debit', 'transfer')),
  project TEXT NOT NULL CHECK (project <> ''),
  county TEXT NOT NULL CHECK (county <> ''),
  other_county TEXT NOT NULL DEFAULT '',
  quantity_m2 REAL NOT NULL CHECK (quantity_m2 >= 0),
  paddy_m2 REAL NOT NULL CHECK (paddy_m2 >= 0),
  capacity_kg REAL NOT NULL CHECK (capacity_kg >= 0),
  upgrade_m2 REAL NOT NULL DEFAULT 0 CHECK (upgrade_m2 >= 0),
  n_plots INTEGER NOT NULL DEFAULT 0,
  digest TEXT NOT NULL,
  run_id TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  chain TEXT NOT NULL);
CREATE UNIQUE INDEX {ENTRIES}_credit_project ON {ENTRIES}(project) WHERE kind = 'credit';
CREATE UNIQUE INDEX {ENTRIES}_debit_project ON {ENTRIES}(project) WHERE kind <> 'credit';
CREATE INDEX {ENTRIES}_county ON {ENTRIES}(county);
CREATE TABLE {PLOTS} (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON,
  entry_id INTEGER NOT NULL REFERENCES {ENTRIES}(id),
  project TEXT NOT NULL,
  county TEXT NOT NULL,
  source_fid INTEGER,
  dlbm TEXT,
  gddb REAL,
  quantity_m2 REAL NOT NULL,
  paddy_m2 REAL NOT NULL,
  capacity_kg REAL NOT NULL,
  upgrade_m2 REAL NOT NULL,
  minx REAL NOT NULL, maxx REAL NOT NULL, miny REAL NOT NULL, maxy REAL NOT NULL);
CREATE INDEX {PLOTS}_bbox ON {PLOTS}(minx, maxx, miny, maxy);
"""
APPEND_ONLY = "SELECT RAISE(ABORT, 'the ledger is append-only')"


def create_schema(conn: sqlite3.Connection, srs: gpkg.Srs, created: str) -> None:
    """A new ledger in an empty database (inside the caller's transaction)."""
    gpkg.create_metadata(conn, srs)
    for statement in TABLES_SQL.split(";"):
        if statement.strip():
            conn.execute(statement)
    for table in (ENTRIES, PLOTS):
        for action in ("UPDATE", "DELETE"):
            conn.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN {APPEND_ONLY}; END"
            )
    gpkg.register(conn, META, "补充耕地指标台账：版本信息")
    gpkg.register(conn, ENTRIES, "补充耕地指标台账：入库、核销与跨区域调剂记录")
    gpkg.register(
        conn, PLOTS, "补充耕地指标台账：已入库的补充耕地地块", srs, ("geom", "MULTIPOLYGON")
    )
    conn.executemany(
        f"INSERT INTO {META} VALUES (?, ?)",
        [
            ("schema", SCHEMA_NAME),
            ("version", str(SCHEMA_VERSION)),
            ("created", created),
            ("crs", srs.authid),
        ],
    )


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def check_schema(conn: sqlite3.Connection, path: str) -> dict[str, str]:
    """The ledger's metadata; a file that is not a ledger, or of a newer version, is refused."""
    if META not in tables(conn):
        raise LedgerError("not_a_ledger", f"{path} is not a ledger", path=path)
    meta = dict(conn.execute(f"SELECT key, value FROM {META}").fetchall())
    if meta.get("schema") != SCHEMA_NAME or not str(meta.get("version", "")).isdigit():
        raise LedgerError("not_a_ledger", f"{path} is not a ledger", path=path)
    version = int(meta["version"])
    if version > SCHEMA_VERSION:
        raise LedgerError(
            "ledger_newer",
            f"{path}: ledger schema version {version} is newer than {SCHEMA_VERSION}",
            path=path,
            version=version,
            supported=SCHEMA_VERSION,
        )
    if version < SCHEMA_VERSION:  # no older version exists yet; a migration would go here
        raise LedgerError("not_a_ledger", f"{path}: unknown ledger version {version}", path=path)
    missing = {ENTRIES, PLOTS} - tables(conn)
    if missing:
        raise LedgerError("not_a_ledger", f"{path} lacks {sorted(missing)}", path=path)
    return meta
