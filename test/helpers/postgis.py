"""A throw-away PostgreSQL + PostGIS cluster for the push-down tests.

:class:`Cluster` runs ``initdb`` / ``pg_ctl`` from Debian's ``postgresql-15`` (as the
``postgres`` user when the tests run as root) with its own data directory under /tmp and its
own free port, creates a database with the ``postgis`` extension and loads layers into it
(``ogr2ogr``). The binaries missing is an error, never a skip: ``make deps`` installs them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
USER = "postgres"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", USER, "--", *args]
    return args


class Cluster:
    """One cluster and one database; ``uri(table)`` is the QGIS data source of a table."""

    def __init__(self, dbname: str = "lyg") -> None:
        for tool in ("initdb", "pg_ctl"):
            if not (PG_BIN / tool).exists():
                raise RuntimeError(
                    f"{PG_BIN / tool} is missing: run `make deps` (postgresql-15, postgis)"
                )
        for tool in ("psql", "ogr2ogr"):
            if shutil.which(tool) is None:
                raise RuntimeError(f"{tool} is missing: run `make deps`")
        self.dir = Path(tempfile.mkdtemp(prefix="lyg_pg_", dir="/tmp"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.dbname = dbname
        self.user = USER
        if os.geteuid() == 0:
            shutil.chown(self.dir, USER)
        self._run([str(PG_BIN / "initdb"), "-D", str(self.data), "-U", USER, "-A", "trust"])
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.dir / "log")
        self._run([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log,
                   "-w", "start"])  # fmt: skip
        self.psql(f'CREATE DATABASE "{dbname}"', database="postgres")
        self.psql("CREATE EXTENSION postgis")

    def _run(self, args: list[str]) -> str:
        done = subprocess.run(_as_postgres(args), capture_output=True, text=True, cwd="/tmp")
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed: {done.stdout}{done.stderr}")
        return done.stdout

    @property
    def conninfo(self) -> str:
        return f"host=127.0.0.1 port={self.port} dbname={self.dbname} user={self.user}"

    def psql(self, sql: str, database: str | None = None) -> str:
        """Run SQL (as the superuser) and return its unaligned output."""
        conn = self.conninfo if database is None else self.conninfo.replace(
            f"dbname={self.dbname}", f"dbname={database}"
        )  # fmt: skip
        args = ["psql", conn, "-v", "ON_ERROR_STOP=1", "-qAtX", "-c", sql]
        done = subprocess.run(args, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"psql failed: {done.stderr}")
        return done.stdout

    def load(
        self, source: str, table: str, layer: str | None = None, schema: str = "public",
        database: str = "", t_srs: str = "",
    ) -> str:  # fmt: skip
        """Copy a layer (a file or ``path|layername=``) into ``schema.table`` (fid kept as the
        primary key ``fid``, geometry column ``geom``, GiST index; reprojected to ``t_srs`` if
        given); returns the QGIS URI."""
        path, _, rest = source.partition("|layername=")
        conninfo = self.conninfo.replace(f"dbname={self.dbname}", f"dbname={database}")
        args = ["ogr2ogr", "-f", "PostgreSQL", f"PG:{conninfo if database else self.conninfo}"]
        args.append(path)
        args += [rest or layer] if (rest or layer) else []
        args += ["-nln", f"{schema}.{table}", "-lco", "FID=fid", "-lco", "GEOMETRY_NAME=geom"]
        args += ["-lco", "SPATIAL_INDEX=GIST", "-lco", "LAUNDER=NO", "-preserve_fid"]
        args += ["-nlt", "PROMOTE_TO_MULTI", "-overwrite", "--config", "PG_USE_COPY", "YES"]
        args += ["-t_srs", t_srs] if t_srs else []
        done = subprocess.run(args, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"ogr2ogr failed: {done.stderr}")
        self.psql(f"ANALYZE {quote(schema)}.{quote(table)}", database or None)
        return self.uri(table, schema, database=database)

    def uri(self, table: str, schema: str = "public", key: str = "fid", database: str = "") -> str:
        """The QGIS data source of a table (QgsDataSourceUri does the quoting)."""
        from qgis.core import QgsDataSourceUri

        uri = QgsDataSourceUri()
        uri.setConnection("127.0.0.1", str(self.port), database or self.dbname, self.user, "")
        uri.setDataSource(schema, table, "geom", "", key)
        return uri.uri(False)

    def layer(self, table: str, name: str | None = None, schema: str = "public"):
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(self.uri(table, schema), name or table, "postgres")
        if not layer.isValid():
            raise RuntimeError(f"PostGIS layer {schema}.{table} is not valid")
        return layer

    def stop(self) -> None:
        subprocess.run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]),
            capture_output=True,
            cwd="/tmp",
        )
        shutil.rmtree(self.dir, ignore_errors=True)


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


SAMPLE_TABLES = ("JSXM", "DLTB", "YJJBNTBHTB", "STBHHX", "STKJGKQY", "CZKFBJ", "XZQ", "ZRBHD",
                 "HYSTHX", "HAX", "JBNTCBQ", "YFKC", "DZZHYFQ", "LSWHBHX", "STGYL", "HYGNQ",
                 "YTS", "SX", "BCGD", "HASD")  # fmt: skip


def sample_in(cluster: Cluster, gpkg: Path) -> dict[str, str]:
    """The sample's layers loaded into ``cluster`` once (same table names); name -> the
    ``postgres://`` layer string Processing accepts."""
    loaded = getattr(cluster, "sample", None)
    if loaded is None:
        loaded = {
            name: "postgres://" + cluster.load(f"{gpkg}|layername={name}", name)
            for name in SAMPLE_TABLES
        }
        cluster.sample = loaded
    return loaded


def rows_of(layer, key: tuple[str, ...]) -> dict[tuple, dict]:
    """The features of an output layer (attributes) by the values of ``key``; rows with the
    same key are told apart by their numbers (rounded to the mm²)."""
    groups: dict[tuple, list] = {}
    for feature in layer.getFeatures():
        values = dict(zip(layer.fields().names(), feature.attributes()))
        groups.setdefault(tuple(str(values[k]) for k in key), []).append(values)
    out = {}
    for k, rows in groups.items():
        rows.sort(key=lambda r: [round(v, 3) for v in r.values() if isinstance(v, float)])
        out.update({(*k, i): row for i, row in enumerate(rows)})
    return out


def assert_same_rows(local, pushed, key: tuple[str, ...], rel: float = 1e-6) -> int:
    """Both output layers have the same rows (by ``key``) and the same values: numbers within
    ``rel`` (relative, 1e-9 m² absolute), everything else equal. Returns the rows compared."""
    import math

    a, b = rows_of(local, key), rows_of(pushed, key)
    assert a.keys() == b.keys()
    for k, row in a.items():
        for name, value in row.items():
            other = b[k][name]
            if isinstance(value, float) and isinstance(other, float):
                assert math.isclose(value, other, rel_tol=rel, abs_tol=1e-9), (k, name)
            else:
                assert str(value) == str(other), (k, name, value, other)
    return len(a)
