"""Read ``QgsFeatureSource``s into shapely arrays.

All reading goes through :func:`read_source`: file-based layers read whole come through
GDAL's Arrow stream in batches (:mod:`.arrow`), every other source through the QGIS
iterator, with the same results. The iterator path reprojects to the analysis CRS in C++
(``QgsFeatureRequest.setDestinationCrs``), reads only the fields asked for, repairs invalid
geometries (counted), skips null/empty ones (counted, warned) and honours cancellation.
For large layers: :func:`read_geometries` (geometries only, lean loop) and
:func:`read_attributes` (the attributes of chosen feature ids, e.g. only of the parcels a
project overlaps); :mod:`.near` selects the features near some geometries in C++.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.geometry import RepairStats, clean_geometries
from ...translate import tr
from .arrow import arrow_read
from .layers import require_crs, require_fields
from .near import near_rows


@dataclass
class GeometryTable:
    """Features of one layer: ids, shapely geometries (analysis CRS) and chosen attributes."""

    layer_name: str
    fids: np.ndarray
    geoms: np.ndarray
    attributes: dict[str, list] = field(default_factory=dict)
    stats: RepairStats = RepairStats(0, 0, 0)

    def __len__(self) -> int:
        return len(self.geoms)

    def column(self, name: str) -> list:
        return self.attributes[name]


def python_value(value):
    """QVariant NULL (and invalid variants) to None; everything else unchanged."""
    if value is None or (isinstance(value, QVariant) and (value.isNull() or not value.isValid())):
        return None
    return value


def _to_wkb(geometry: QgsGeometry) -> bytes | None:
    if geometry.isNull() or geometry.isEmpty():
        return None
    abstract = geometry.constGet()
    if abstract.hasCurvedSegments() or QgsWkbTypes.hasM(abstract.wkbType()):
        abstract = abstract.segmentize() if abstract.hasCurvedSegments() else abstract.clone()
        abstract.dropMValue()
        geometry = QgsGeometry(abstract)
    return bytes(geometry.asWkb())


def read_source(
    source: QgsFeatureSource,
    label: str,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback | None = None,
    fields: Sequence[str] = (),
    dimension: int = 2,
    progress: tuple[float, float] = (0.0, 0.0),
) -> GeometryTable:
    """Read a source into a :class:`GeometryTable` in ``crs``.

    ``dimension`` is 2 for polygon layers, 1 for lines. ``progress`` is the (start, end)
    percentage span this read covers in the algorithm's progress bar.
    """
    require_crs(source, label)
    require_fields(source, fields, label)
    fast = arrow_read(source, crs, context, feedback, fields, progress)
    if fast is not None:
        return _table(label, fast.fids, fast.geoms, fast.columns, dimension, feedback, fast.valid)
    request = QgsFeatureRequest()
    request.setDestinationCrs(crs, context.transformContext())
    request.setSubsetOfAttributes(list(fields), source.fields())
    request.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    total = max(source.featureCount(), 1)
    start, end = progress
    fids: list[int] = []
    wkbs: list[bytes | None] = []
    columns: dict[str, list] = {name: [] for name in fields}
    indices = {name: source.fields().lookupField(name) for name in fields}
    for i, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and feedback.isCanceled():
            break
        fids.append(feature.id())
        wkbs.append(_to_wkb(feature.geometry()))
        attributes = feature.attributes()
        for name, index in indices.items():
            columns[name].append(python_value(attributes[index]))
        if feedback is not None and end > start and i % 1000 == 0:
            feedback.setProgress(start + (end - start) * i / total)
    geoms = shapely.from_wkb(np.array(wkbs, dtype=object))
    return _table(label, np.array(fids, dtype=np.int64), geoms, columns, dimension, feedback)


def _table(label, fids, geoms, columns, dimension, feedback, valid=None) -> GeometryTable:
    """Repair (counted, warned) and wrap what either reader read."""
    geoms, stats = clean_geometries(geoms, dimension, valid)
    if feedback is not None:
        report_repairs(stats, label, feedback)
    return GeometryTable(label, fids, geoms, columns, stats)


def report_repairs(stats: RepairStats, label: str, feedback: QgsProcessingFeedback) -> None:
    if stats.n_repaired:
        feedback.pushWarning(
            tr("{layer}: repaired {n} invalid geometries (make valid).").format(
                layer=label, n=stats.n_repaired
            )
        )
    if stats.n_empty:
        feedback.pushWarning(
            tr("{layer}: skipped {n} features with empty or null geometry.").format(
                layer=label, n=stats.n_empty
            )
        )


def read_geometries(
    source: QgsFeatureSource,
    label: str,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    dimension: int = 2,
    progress: tuple[float, float] = (0.0, 0.0),
) -> GeometryTable:
    """Geometries only (no attributes) of a layer: :func:`read_source` without fields.

    The same reprojection, repair and counting, with a leaner loop (no attribute conversion,
    one reused ``QgsFeature``); layers with curves or M values go through :func:`read_source`.
    """
    require_crs(source, label)
    wkb_type = source.wkbType()
    if QgsWkbTypes.isCurvedType(wkb_type) or QgsWkbTypes.hasM(wkb_type):
        return read_source(source, label, crs, context, feedback, (), dimension, progress)
    fast = arrow_read(source, crs, context, feedback, (), progress)
    if fast is not None:
        return _table(label, fast.fids, fast.geoms, {}, dimension, feedback, fast.valid)
    request = QgsFeatureRequest()
    request.setDestinationCrs(crs, context.transformContext())
    request.setNoAttributes()
    request.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    total = max(source.featureCount(), 1)
    start, end = progress
    fids: list[int] = []
    wkbs: list = []
    feature = QgsFeature()
    iterator = source.getFeatures(request)
    while iterator.nextFeature(feature):
        if len(fids) % 1000 == 0:
            if feedback.isCanceled():
                break
            if end > start:
                feedback.setProgress(start + (end - start) * len(fids) / total)
        fids.append(feature.id())
        wkbs.append(feature.geometry().asWkb())
    raw = np.array([bytes(w) if len(w) else None for w in wkbs], dtype=object)
    geoms = shapely.from_wkb(raw)
    return _table(label, np.array(fids, dtype=np.int64), geoms, {}, dimension, feedback)


def read_geometries_near(
    source: QgsFeatureSource,
    label: str,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    near: np.ndarray,
    dimension: int = 2,
    progress: tuple[float, float] = (0.0, 0.0),
) -> GeometryTable | None:
    """:func:`read_geometries` of the features :func:`.near.near_subset` would keep, read
    whole through the Arrow stream and chosen in numpy (no spatial index built in C++, no
    materialised copy); None when the stream cannot read ``source`` (then use near_subset).
    Read attributes from ``source`` itself: the fids are the layer's."""
    require_crs(source, label)
    try:
        to_crs = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        extent = to_crs.transformBoundingBox(source.sourceExtent())
    except QgsCsException:
        return None
    fast = arrow_read(source, crs, context, feedback, (), progress)
    if fast is None:
        return None
    rows = near_rows(fast.geoms, near, len(fast.fids), extent.area())
    if rows is not None:
        fast.fids, fast.geoms = fast.fids[rows], fast.geoms[rows]
        fast.valid = None if fast.valid is None else fast.valid[rows]
    return _table(label, fast.fids, fast.geoms, {}, dimension, feedback, fast.valid)


ARROW_SHARE = 20  # read_attributes scans the layer when asked for ≥ 1/20 of its features


def _pick(all_fids: np.ndarray, all_columns: dict, fids: np.ndarray, columns: dict) -> dict:
    """The values at ``fids`` of columns read for ``all_fids`` (missing fids keep None)."""
    order = np.argsort(all_fids, kind="stable")
    at = np.searchsorted(all_fids, fids, sorter=order)
    at = np.minimum(at, max(len(all_fids) - 1, 0))
    found = (all_fids[order[at]] == fids) if len(all_fids) else np.zeros(len(fids), bool)
    rows = order[at]
    for name in columns:
        values = np.empty(len(all_fids), dtype=object)
        values[:] = all_columns[name]
        picked = values[rows] if len(all_fids) else np.full(len(fids), None, dtype=object)
        picked[~found] = None
        columns[name] = picked.tolist()
    return columns


def read_attributes(
    source: QgsFeatureSource,
    fids: np.ndarray,
    fields: Sequence[str],
    feedback: QgsProcessingFeedback,
) -> dict[str, list]:
    """Attribute columns (NULL → None) of the features ``fids`` of a source, in that order.

    One request filtered by feature id, without geometry; empty names in ``fields`` are
    skipped. Features that are not found keep None.
    """
    fields = [f for f in fields if f]
    columns: dict[str, list] = {name: [None] * len(fids) for name in fields}
    if not fields or len(fids) == 0:
        return columns
    if len(fids) * ARROW_SHARE >= source.featureCount():  # many of them: one scan, no lookups
        fast = arrow_read(source, None, None, feedback, fields, geometry=False)
        if fast is not None:
            return _pick(fast.fids, fast.columns, fids, columns)
    position = {int(fid): i for i, fid in enumerate(fids)}
    indices = [source.fields().lookupField(name) for name in fields]
    request = QgsFeatureRequest()
    request.setFilterFids([int(f) for f in fids])
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(fields, source.fields())
    feature = QgsFeature()
    iterator = source.getFeatures(request)
    n = 0
    while iterator.nextFeature(feature):
        n += 1
        if n % 1000 == 0 and feedback.isCanceled():
            break
        i = position[feature.id()]
        attributes = feature.attributes()
        for name, k in zip(fields, indices):
            columns[name][i] = python_value(attributes[k])
    return columns
