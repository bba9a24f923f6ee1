"""Read ``QgsFeatureSource``s into shapely arrays and write shapely results to sinks.

All reading goes through :func:`read_source`: it reprojects to the analysis CRS in C++
(``QgsFeatureRequest.setDestinationCrs``), reads only the fields asked for, repairs invalid
geometries (counted), skips null/empty ones (counted, warned) and honours cancellation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.geometry import RepairStats, clean_geometries
from ..translate import tr


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


def layer_label(source: QgsFeatureSource | None, parameter_description: str) -> str:
    """How errors name a layer: its name and the parameter it was given to."""
    name = source.sourceName() if source is not None else ""
    return f"{parameter_description} [{name}]" if name else parameter_description


def require_fields(source: QgsFeatureSource, names: Sequence[str], label: str) -> None:
    """Raise a clear error when a field is missing from a layer."""
    available = source.fields().names()
    for name in names:
        if name and source.fields().lookupField(name) < 0:
            raise QgsProcessingException(
                tr("Layer {layer} has no field “{field}” (fields: {fields}).").format(
                    layer=label, field=name, fields=", ".join(available)
                )
            )


def require_geometry(source: QgsFeatureSource, geometry_type: int, label: str) -> None:
    """Raise when a layer is not of the expected geometry type (QgsWkbTypes.PolygonGeometry…)."""
    actual = QgsWkbTypes.geometryType(source.wkbType())
    if actual != geometry_type:
        expected = QgsWkbTypes.geometryDisplayString(geometry_type)
        found = QgsWkbTypes.geometryDisplayString(actual)
        raise QgsProcessingException(
            tr("Layer {layer} must contain {expected} geometries, not {found}.").format(
                layer=label, expected=expected, found=found
            )
        )


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
    require_fields(source, fields, label)
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
    geoms, stats = clean_geometries(geoms, dimension)
    if feedback is not None:
        report_repairs(stats, label, feedback)
    return GeometryTable(label, np.array(fids, dtype=np.int64), geoms, columns, stats)


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


def to_qgs_geometry(geom: shapely.Geometry | None, multi: bool = True) -> QgsGeometry:
    if geom is None or geom.is_empty:
        return QgsGeometry()
    result = QgsGeometry()
    result.fromWkb(shapely.to_wkb(geom, output_dimension=2))
    if multi and not result.isMultipart():
        result.convertToMultiType()
    return result


def write_features(
    sink: QgsFeatureSink,
    fields,
    geoms: Sequence[shapely.Geometry | None] | None,
    rows: Sequence[Sequence],
    feedback: QgsProcessingFeedback | None = None,
    multi: bool = True,
) -> int:
    """Add one feature per row (geometry may be None for tables); returns the count written."""
    written = 0
    for i, row in enumerate(rows):
        if feedback is not None and feedback.isCanceled():
            break
        feature = QgsFeature(fields)
        if geoms is not None:
            feature.setGeometry(to_qgs_geometry(geoms[i], multi))
        feature.setAttributes([None if v is None else _plain(v) for v in row])
        if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(tr("Could not write a feature to the output."))
        written += 1
    return written


def _plain(value):
    """numpy scalars to Python scalars (QVariant does not take numpy types)."""
    if isinstance(value, np.generic):
        return value.item()
    return value
