"""The SQL the push-down sends: quoted identifiers, bound values (``?``) only.

Nothing here imports QGIS: the statements are plain text built from :class:`Table`
descriptions, every name quoted by :func:`quote_ident` and every value a ``?`` placeholder bound
by the caller (``QSqlQuery.addBindValue``). Casts are written ``CAST(? AS type)`` (no ``::``,
which Qt's placeholder parser could misread).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

CHUNK = 20_000  # rows per JSON chunk streamed back


def quote_ident(name: str) -> str:
    """``name`` as a PostgreSQL identifier: in double quotes, inner quotes doubled. NUL is
    refused (PostgreSQL cannot hold it)."""
    if "\x00" in name:
        raise ValueError("an identifier cannot contain NUL")
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class Table:
    """One PostGIS table as a layer reads it."""

    schema: str
    name: str
    geometry: str  # geometry column
    key: str  # integer primary key = the QGIS feature id
    srid: int

    @property
    def qualified(self) -> str:
        return f"{quote_ident(self.schema)}.{quote_ident(self.name)}"

    def column(self, alias: str, name: str) -> str:
        return f"{alias}.{quote_ident(name)}"


@dataclass(frozen=True)
class Target:
    """Where the geometries go: the analysis CRS as an SRID (``srid``) or a PROJ string, or
    unchanged when it is the table's own."""

    srid: int = 0
    proj: str = ""

    def expression(self, table: Table, alias: str) -> tuple[str, list]:
        """The geometry of ``alias`` in the analysis CRS, and the values it binds."""
        geom = table.column(alias, table.geometry)
        if self.srid and self.srid == table.srid:
            return geom, []
        if self.srid:
            return f"ST_Transform({geom}, CAST(? AS integer))", [self.srid]
        return f"ST_Transform({geom}, CAST(? AS text))", [self.proj]


def row_json(table: Table, alias: str, fields: Sequence[str], target: Target) -> tuple[str, list]:
    """``json_build_array(key, hex WKB in the analysis CRS, field...)`` of one row."""
    geom, values = target.expression(table, alias)
    parts = [table.column(alias, table.key), f"encode(ST_AsBinary({geom}), 'hex')"]
    parts += [table.column(alias, f) for f in fields]
    return f"json_build_array({', '.join(parts)})", values


def near_query(
    table: Table, projects: Table, fields: Sequence[str], target: Target
) -> tuple[str, list]:
    """The rows of ``table`` whose boxes meet a project's (GiST-indexed ``&&`` join, projects
    brought into the table's SRID), as JSON chunks ordered by key; and the bound values."""
    pgeom = projects.column("p", projects.geometry)
    values: list = []
    if projects.srid != table.srid:
        pgeom = f"ST_Transform({pgeom}, CAST(? AS integer))"
        values.append(table.srid)
    row, row_values = row_json(table, "l", fields, target)
    key = table.column("l", table.key)
    sql = (
        f"WITH p AS MATERIALIZED (SELECT {pgeom} AS g FROM {projects.qualified} p "
        f"WHERE {projects.column('p', projects.geometry)} IS NOT NULL), "
        f"k AS (SELECT DISTINCT {key} AS k FROM p JOIN {table.qualified} l "
        f"ON {table.column('l', table.geometry)} && p.g) "
        f"SELECT json_agg({row} ORDER BY {key}) FROM k JOIN {table.qualified} l ON {key} = k.k "
        f"GROUP BY k.k / CAST(? AS bigint)"
    )
    return sql, values + row_values + [CHUNK]


def page_query(table: Table, fields: Sequence[str], target: Target) -> tuple[str, list]:
    """One page of the whole table after a key (bound last: ``key > ?`` then ``LIMIT ?``):
    its rows as one JSON array and the page's largest key."""
    row, values = row_json(table, "l", fields, target)
    key = table.column("l", table.key)
    sql = (
        f"SELECT json_agg({row} ORDER BY {key}), max({key}) FROM (SELECT * FROM "
        f"{table.qualified} l WHERE {key} > CAST(? AS bigint) ORDER BY {key} "
        f"LIMIT CAST(? AS bigint)) l"
    )
    return sql, values


SRID_QUERY = (
    "SELECT srid FROM geometry_columns WHERE f_table_schema = CAST(? AS text) "
    "AND f_table_name = CAST(? AS text) AND f_geometry_column = CAST(? AS text)"
)
KEY_TYPE_QUERY = (
    "SELECT data_type FROM information_schema.columns WHERE table_schema = CAST(? AS text) "
    "AND table_name = CAST(? AS text) AND column_name = CAST(? AS text)"
)
HAS_SRID_QUERY = "SELECT count(*) FROM spatial_ref_sys WHERE srid = CAST(? AS integer)"
INTEGER_TYPES = ("smallint", "integer", "bigint")
