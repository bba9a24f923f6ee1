"""The push-down engine: the database selects (GiST-indexed join with the projects) and
streams back only the rows the check needs, in chunks (the rows as JSON, their WKB as one
``bytea``); the geometries are brought into the analysis CRS by the same map as the local
reader (or by ``ST_Transform`` when only QGIS's own operation would do); the plugin then
repairs, measures and judges them with the same core code as the local path, so both paths
give the same numbers.

:class:`Pushdown` is made by :func:`..pushdown.choose` when every input is a table of one
database; algorithms ask it for a layer's rows near the projects (:meth:`Pushdown.near`) or
all of them (:meth:`Pushdown.whole`), as the :class:`GeometryTable` ``read_source`` gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureSource
from qgis.PyQt.QtCore import QVariant

from ...core.geometry import clean_geometries
from ...core.progress import Progress
from ...translate import tr
from ..io.layers import require_crs, require_fields
from ..io.read import GeometryTable, python_value, report_repairs
from ..io.reproject import coordinate_map
from .connection import Connection, Database
from .sql import Table, Target, near_query, page_query

PAGE = 50_000  # rows per page of a whole-table read
INTEGERS = (QVariant.Int, QVariant.LongLong, QVariant.UInt, QVariant.ULongLong)


def _converter(source: QgsFeatureSource, name: str):
    """JSON value → the Python value QGIS's iterator gives for that field type."""
    kind = source.fields().field(name).type()
    if kind == QVariant.Double:
        return lambda v: None if v is None else float(v)
    if kind in INTEGERS:
        return lambda v: None if v is None else int(v)
    if kind == QVariant.String:
        return lambda v: None if v is None else str(v)
    return lambda v: v


@dataclass
class Pushdown:
    """One database, its tables by parameter name, the analysis CRS; counts what it read."""

    connection: Connection
    tables: dict[str, Table]
    projects: str  # parameter name of the projects (near reads join with them)
    target: Target
    feedback: object = None
    crs: QgsCoordinateReferenceSystem | None = None  # the analysis CRS
    context: object = None
    read: dict[str, int] = field(default_factory=dict)  # parameter -> rows streamed back

    def near(self, name, source, label, fields=(), dimension=2) -> GeometryTable:
        """The rows of parameter ``name`` whose boxes meet a project's."""
        table = self.tables[name]
        target, reproject = self._target(source, table)
        sql, values = near_query(table, self.tables[self.projects], list(fields), target)
        chunks = lambda db: db.chunks(sql, values)  # noqa: E731
        return self._read(name, source, label, fields, dimension, chunks, reproject)

    def whole(self, name, source, label, fields=(), dimension=2) -> GeometryTable:
        """Every row of parameter ``name``, page by page."""
        table = self.tables[name]
        target, reproject = self._target(source, table)
        sql, values = page_query(table, list(fields), target)

        def pages(db: Database):
            last = -(2**63)
            while True:
                chunk = next(db.chunks(sql, [*values, last, PAGE]), None)
                if chunk is None:
                    return
                yield chunk
                last = int(python_value(chunk[2][0]))
                Progress(self.feedback).check()

        return self._read(name, source, label, fields, dimension, pages, reproject)

    def _target(self, source: QgsFeatureSource, table: Table):
        """Where the geometries are reprojected: here, by the same map as the local reader
        (:func:`..io.reproject.coordinate_map`: exact affine maps in numpy, 1 s saved on 140 k
        parcels), or by ``ST_Transform`` in the database when only QGIS can do it."""
        if self.crs is None or self.context is None:
            return self.target, None
        with Database(self.connection) as db:  # the planner's statistics: no table scan
            extent = db.estimated_extent(table)
        reproject = coordinate_map(source, self.crs, self.context, extent)
        if reproject is False:
            return self.target, None
        return Target(srid=table.srid), reproject

    def _read(self, name, source, label, fields, dimension: int, chunks, reproject):
        require_crs(source, label)
        require_fields(source, fields, label)
        convert = [_converter(source, f) for f in fields]
        keys, parts, columns = [], [], [[] for _ in fields]
        with Database(self.connection) as db:
            for rows, blob, _rest in chunks(db):
                key, geoms, values = _decode(rows, blob, len(fields))
                keys.append(key)
                parts.append(geoms)
                for column, value in zip(columns, values):
                    column.extend(value)
        fids = np.concatenate(keys) if keys else np.zeros(0, np.int64)
        raw = np.concatenate(parts) if parts else np.zeros(0, dtype=object)
        # sorted by key, a row near two projects kept once
        fids, first = np.unique(fids, return_index=True)
        raw = raw[first]
        if reproject is not None and len(raw):
            raw = reproject(raw)
        geoms, stats = clean_geometries(np.asarray(raw, dtype=object), dimension)
        if self.feedback is not None:
            self.feedback.pushInfo(
                tr("{layer}: {n} rows streamed back from the database.").format(
                    layer=label, n=len(fids)
                )
            )
            report_repairs(stats, label, self.feedback)
        self.read[name] = len(fids)
        picked = first.tolist()
        ordered = {
            f: [c(column[i]) for i in picked] for f, c, column in zip(fields, convert, columns)
        }
        return GeometryTable(label, fids.astype(np.int64), geoms, ordered, stats)


def _decode(rows: list, blob: bytes, n_fields: int) -> tuple[np.ndarray, np.ndarray, list]:
    """One chunk: the keys, the geometries (None where NULL) and the field columns."""
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, dtype=object), [[] for _ in range(n_fields)]
    columns = list(zip(*rows))
    keys = np.array(columns[0], dtype=np.int64)
    lengths = np.array([0 if n is None else n for n in columns[1]], dtype=np.int64)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    view = memoryview(blob)
    wkbs = [
        bytes(view[a:b]) if n is not None else None
        for a, b, n in zip(starts.tolist(), ends.tolist(), columns[1])
    ]
    geoms = shapely.from_wkb(np.array(wkbs, dtype=object))
    return keys, geoms, [list(c) for c in columns[2:]]


def target_of(crs: QgsCoordinateReferenceSystem, db: Database) -> Target:
    """The analysis CRS as the database knows it: its EPSG code when spatial_ref_sys has it,
    else its PROJ string."""
    authid = crs.authid()
    if authid.upper().startswith("EPSG:") and authid[5:].isdigit() and db.has_srid(int(authid[5:])):
        return Target(srid=int(authid[5:]))
    return Target(proj=crs.toProj())
