"""The little of the GeoPackage standard (OGC 12-128r18, version 1.2) the ledger needs,
written with the standard library's ``sqlite3``: the required metadata tables, the
registration of a table in ``gpkg_contents``, and the geometry blob (header + WKB).

A ledger is thus a GeoPackage GDAL and QGIS open like any other: its plots are a polygon layer,
its entries an attribute table.
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass

import shapely

APPLICATION_ID = 0x47504B47  # "GPKG"
USER_VERSION = 10200  # GeoPackage 1.2

WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AUTHORITY["EPSG","4326"]]'
)

METADATA_SQL = """
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
"""


@dataclass(frozen=True)
class Srs:
    """The CRS of the ledger's geometries as GeoPackage records it."""

    srs_id: int
    name: str
    organization: str  # e.g. EPSG
    code: int
    wkt: str

    @property
    def authid(self) -> str:
        return f"{self.organization}:{self.code}"


def create_metadata(conn: sqlite3.Connection, srs: Srs) -> None:
    """The GeoPackage metadata tables with the three required CRS rows and ``srs``."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {USER_VERSION}")
    for statement in METADATA_SQL.split(";"):
        if statement.strip():
            conn.execute(statement)
    rows = [
        ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian"),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic"),
        ("WGS 84 geodetic", 4326, "EPSG", 4326, WGS84_WKT, "longitude/latitude WGS 84"),
    ]
    if srs.srs_id not in (-1, 0, 4326):
        rows.append((srs.name, srs.srs_id, srs.organization, srs.code, srs.wkt, srs.name))
    conn.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", rows)


def register(
    conn: sqlite3.Connection,
    table: str,
    description: str,
    srs: Srs | None = None,
    geometry: tuple[str, str] | None = None,
) -> None:
    """Register ``table`` in gpkg_contents: ``features`` with (column, type) ``geometry`` in
    ``srs``, else ``attributes``."""
    kind = "features" if geometry else "attributes"
    srs_id = srs.srs_id if geometry and srs else None
    conn.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
        "VALUES (?, ?, ?, ?, ?)",
        (table, kind, table, description, srs_id),
    )
    if geometry:
        conn.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
            (table, geometry[0], geometry[1], srs_id),
        )


def read_srs(conn: sqlite3.Connection, table: str) -> Srs | None:
    row = conn.execute(
        "SELECT s.srs_id, s.srs_name, s.organization, s.organization_coordsys_id, s.definition "
        "FROM gpkg_geometry_columns g JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id "
        "WHERE g.table_name = ?",
        (table,),
    ).fetchone()
    return Srs(*row) if row else None


def to_blob(geom: shapely.Geometry, srs_id: int) -> bytes:
    """A GeoPackage geometry blob: little-endian header with the xy envelope, then WKB."""
    minx, miny, maxx, maxy = geom.bounds
    header = b"GP" + bytes([0, 0b00000011]) + struct.pack("<i4d", srs_id, minx, maxx, miny, maxy)
    return header + shapely.to_wkb(geom, byte_order=1, output_dimension=2)


ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def from_blob(blob: bytes) -> shapely.Geometry:
    """The geometry of a GeoPackage blob (any envelope, either byte order)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    envelope = (blob[3] >> 1) & 0b111
    return shapely.from_wkb(bytes(blob[8 + ENVELOPE_BYTES[envelope] :]))


def touch(conn: sqlite3.Connection, table: str, bounds: tuple | None = None) -> None:
    """Update ``last_change`` (and grow the extent by ``bounds``) of a registered table."""
    conn.execute(
        "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
        "WHERE table_name = ?",
        (table,),
    )
    if bounds is not None:
        conn.execute(
            "UPDATE gpkg_contents SET min_x = min(coalesce(min_x, ?1), ?1), "
            "min_y = min(coalesce(min_y, ?2), ?2), max_x = max(coalesce(max_x, ?3), ?3), "
            "max_y = max(coalesce(max_y, ?4), ?4) WHERE table_name = ?5",
            (*bounds, table),
        )
