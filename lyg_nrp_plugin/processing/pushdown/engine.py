"""The push-down engine: the database selects (GiST-indexed join with the projects), brings
the geometries into the analysis CRS and streams back only the rows the check needs, as JSON
chunks with hex WKB; the plugin then repairs, measures and judges them with the same core code
as the local path, so both paths give the same numbers.

:class:`Pushdown` is made by :func:`..pushdown.choose` when every input is a table of one
database; algorithms ask it for a layer's rows near the projects (:meth:`Pushdown.near`) or
all of them (:meth:`Pushdown.whole`), as the :class:`GeometryTable` ``read_source`` gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureSource
from qgis.PyQt.QtCore import QVariant

from ...core.geometry import clean_geometries
from ...core.progress import Progress
from ...translate import tr
from ..io.layers import require_crs, require_fields
from ..io.read import GeometryTable, report_repairs
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
    read: dict[str, int] = field(default_factory=dict)  # parameter -> rows streamed back

    def near(self, name, source, label, fields=(), dimension=2) -> GeometryTable:
        """The rows of parameter ``name`` whose boxes meet a project's."""
        table = self.tables[name]
        sql, values = near_query(table, self.tables[self.projects], list(fields), self.target)
        return self._read(name, source, label, fields, dimension, lambda db: db.chunks(sql, values))

    def whole(self, name, source, label, fields=(), dimension=2) -> GeometryTable:
        """Every row of parameter ``name``, page by page."""
        sql, values = page_query(self.tables[name], list(fields), self.target)

        def pages(db: Database):
            last = -(2**63)
            while True:
                chunk = next(db.chunks(sql, [*values, last, PAGE]), None)
                if not chunk:
                    return
                yield chunk
                last = int(chunk[-1][0])
                Progress(self.feedback).check()

        return self._read(name, source, label, fields, dimension, pages)

    def _read(self, name, source, label, fields: Sequence[str], dimension: int, chunks):
        require_crs(source, label)
        require_fields(source, fields, label)
        convert = [_converter(source, f) for f in fields]
        fids: list[int] = []
        wkbs: list = []
        columns: dict[str, list] = {f: [] for f in fields}
        with Database(self.connection) as db:
            for chunk in chunks(db):
                for row in chunk:
                    fids.append(int(row[0]))
                    wkbs.append(row[1])
                    for f, c, v in zip(fields, convert, row[2:]):
                        columns[f].append(c(v))
        order = np.argsort(np.array(fids, dtype=np.int64), kind="stable")
        # hex → bytes in Python is 4× faster than shapely's own hex parser
        binary = [None if h is None else bytes.fromhex(h) for h in wkbs]
        raw = shapely.from_wkb(np.array(binary, dtype=object)[order]) if wkbs else np.array([])
        geoms, stats = clean_geometries(np.asarray(raw, dtype=object), dimension)
        if self.feedback is not None:
            self.feedback.pushInfo(
                tr("{layer}: {n} rows streamed back from the database.").format(
                    layer=label, n=len(fids)
                )
            )
            report_repairs(stats, label, self.feedback)
        self.read[name] = len(fids)
        ordered = {f: [v[i] for i in order.tolist()] for f, v in columns.items()}
        return GeometryTable(label, np.array(fids, dtype=np.int64)[order], geoms, ordered, stats)


def target_of(crs: QgsCoordinateReferenceSystem, db: Database) -> Target:
    """The analysis CRS as the database knows it: its EPSG code when spatial_ref_sys has it,
    else its PROJ string."""
    authid = crs.authid()
    if authid.upper().startswith("EPSG:") and authid[5:].isdigit() and db.has_srid(int(authid[5:])):
        return Target(srid=int(authid[5:]))
    return Target(proj=crs.toProj())
