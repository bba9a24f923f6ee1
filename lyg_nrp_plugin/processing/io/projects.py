"""Construction projects as the review algorithms read them: polygons with area and an id."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSource,
    QgsField,
    QgsProcessingContext,
    QgsProcessingFeedback,
)
from qgis.PyQt.QtCore import QVariant

from ...translate import tr
from .read import GeometryTable, read_source


@dataclass
class Projects:
    """Project polygons as read: the whole table, and those with area (geoms, fids, ids)."""

    table: GeometryTable
    geoms: np.ndarray
    fids: np.ndarray
    ids: list


def read_projects(
    source: QgsFeatureSource,
    label: str,
    id_field: str,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    progress: tuple[float, float] = (0.0, 0.0),
) -> Projects:
    """Read project polygons (with ``id_field``); keep those with area left after repair
    (warned by :func:`warn_degenerate`), identified by ``id_field`` or the feature id."""
    table = read_source(
        source, label, crs, context, feedback, [id_field] if id_field else [], 2, progress
    )
    keep = ~(shapely.is_missing(table.geoms) | shapely.is_empty(table.geoms))
    warn_degenerate(table, keep, label, feedback)
    ids = [v for v, k in zip(project_ids(table, id_field), keep) if k]
    if id_field and feedback is not None:
        warn_bad_ids(ids, table.fids[keep], label, id_field, feedback)
    return Projects(table, table.geoms[keep], table.fids[keep], ids)


def warn_bad_ids(ids: list, fids, label: str, id_field: str, feedback) -> None:
    """Warn about projects without an id and ids that stand for more than one project."""
    empty = [int(f) for v, f in zip(ids, fids) if v is None or str(v).strip() == ""]
    if empty:
        feedback.pushWarning(
            tr("{layer}: {n} projects have no value in {field} (feature ids {fids}).").format(
                layer=label, n=len(empty), field=id_field, fids=_few(empty)
            )
        )
    counts = Counter(str(v) for v in ids if v is not None and str(v).strip() != "")
    repeated = sorted(k for k, c in counts.items() if c > 1)
    if repeated:
        feedback.pushWarning(
            tr(
                "{layer}: {n} ids of {field} stand for more than one project ({ids}); their "
                "results cannot be told apart by id."
            ).format(layer=label, n=len(repeated), field=id_field, ids=_few(repeated))
        )


def _few(values: list, limit: int = 10) -> str:
    text = ", ".join(str(v) for v in values[:limit])
    return text + (" …" if len(values) > limit else "")


def project_ids(table: GeometryTable, id_field: str) -> list:
    """Identifier of each feature: the ``id_field`` column, or the feature id when none."""
    if id_field:
        return list(table.column(id_field))
    return [int(f) for f in table.fids]


def project_id_field(source: QgsFeatureSource, id_field: str) -> QgsField:
    """The ``project_id`` output field: a copy of ``id_field`` (its type), or a 64-bit fid."""
    if id_field:
        field = QgsField(source.fields().field(id_field))
        field.setName("project_id")
        return field
    return QgsField("project_id", QVariant.LongLong)


def warn_degenerate(table: GeometryTable, keep: np.ndarray, label: str, feedback) -> None:
    """Warn about features whose geometry had no area left after make-valid (skipped).

    ``keep`` is the mask of the non-empty geometries; null/empty inputs are already counted by
    :func:`report_repairs`, so only the ones that repair emptied are warned here.
    """
    degenerate = int((~keep).sum()) - table.stats.n_empty
    if degenerate > 0:
        feedback.pushWarning(
            tr("{layer}: skipped {n} features whose geometry has no area after repair.").format(
                layer=label, n=degenerate
            )
        )
