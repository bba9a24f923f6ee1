"""Read ``QgsFeatureSource``s into shapely arrays and write shapely results to sinks.

All reading goes through :func:`read_source`: it reprojects to the analysis CRS in C++
(``QgsFeatureRequest.setDestinationCrs``), reads only the fields asked for, repairs invalid
geometries (counted), skips null/empty ones (counted, warned) and honours cancellation.
For large layers: :func:`near_subset` (only the features near some geometries, selected in
C++), :func:`read_geometries` (geometries only, lean loop) and :func:`read_attributes` (the
attributes of chosen feature ids, e.g. only of the parcels a project overlaps).
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
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsSpatialIndex,
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


def polygon_source(
    algorithm, parameters: dict, name: str, context: QgsProcessingContext, description: str
) -> tuple[QgsFeatureSource, str]:
    """The polygon source of parameter ``name`` and its :func:`layer_label`; raises clearly
    when it is missing or not a polygon layer."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
    label = layer_label(source, description)
    require_geometry(source, QgsWkbTypes.PolygonGeometry, label)
    return source, label


def field_parameter(
    algorithm,
    parameters: dict,
    name: str,
    context: QgsProcessingContext,
    source: QgsFeatureSource,
    label: str,
    default: str = "",
) -> str:
    """The field of parameter ``name`` (``default`` when none is given); it must exist."""
    fields = algorithm.parameterAsFields(parameters, name, context)
    field = fields[0] if fields else default
    require_fields(source, [field], label)
    return field


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
    return Projects(table, table.geoms[keep], table.fids[keep], ids)


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


def input_fields_without(
    source: QgsFeatureSource, reserved: set[str], feedback, label: str
) -> tuple[QgsFields, list[int]]:
    """The input's fields minus those whose names (lower case) an output adds (warned), and
    the indices of the kept ones."""
    fields = QgsFields()
    keep = []
    for i, f in enumerate(source.fields()):
        if f.name().lower() in reserved:
            feedback.pushWarning(
                tr(
                    "{layer}: field “{field}” is replaced by the result field of the same name."
                ).format(layer=label, field=f.name())
            )
            continue
        fields.append(f)
        keep.append(i)
    return fields, keep


def source_description(algorithm, parameters: dict, name: str, context) -> str:
    """Where a source parameter's data comes from (layer source or the raw value), for reports."""
    try:
        layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    except Exception:  # noqa: BLE001 - any failure: fall back to the raw value
        layer = None
    if layer is not None:
        return layer.source()
    value = parameters.get(name)
    return str(value) if value is not None else ""


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
    """A shapely geometry as a 2D ``QgsGeometry`` (empty for None/empty), multi-part if asked."""
    if geom is None or geom.is_empty:
        return QgsGeometry()
    result = QgsGeometry()
    result.fromWkb(shapely.to_wkb(geom, output_dimension=2))
    if multi and not result.isMultipart():
        result.convertToMultiType()
    return result


WRITE_BATCH = 2000  # features per QgsFeatureSink.addFeatures call


def write_features(
    sink: QgsFeatureSink,
    fields,
    geoms: Sequence[shapely.Geometry | None] | None,
    rows: Sequence[Sequence],
    feedback: QgsProcessingFeedback | None = None,
    multi: bool = True,
) -> int:
    """Add one feature per row (``geoms`` None for tables); returns the count written.

    Geometries are converted to WKB in one vectorised call (2D; None/empty → empty geometry)
    and made multi-part when ``multi``; numpy scalars become Python values. Features go to the
    sink in batches of :data:`WRITE_BATCH`; cancellation is checked before each batch.
    """
    written = 0
    wkbs = None
    if geoms is not None and len(rows):
        geoms = np.asarray(geoms, dtype=object)
        present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        wkbs = np.full(len(geoms), None, dtype=object)
        wkbs[present] = shapely.to_wkb(geoms[present], output_dimension=2)
    batch: list[QgsFeature] = []
    for i, row in enumerate(rows):
        feature = QgsFeature(fields)
        if wkbs is not None:
            geometry = QgsGeometry()
            if wkbs[i] is not None:
                geometry.fromWkb(wkbs[i])
                if multi and not geometry.isMultipart():
                    geometry.convertToMultiType()
            feature.setGeometry(geometry)
        feature.setAttributes([None if v is None else _plain(v) for v in row])
        batch.append(feature)
        if len(batch) == WRITE_BATCH or i == len(rows) - 1:
            if feedback is not None and feedback.isCanceled():
                break
            if not sink.addFeatures(batch, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(tr("Could not write a feature to the output."))
            written += len(batch)
            batch = []
    return written


def _plain(value):
    """numpy scalars to Python scalars (QVariant does not take numpy types)."""
    if isinstance(value, np.generic):
        return value.item()
    return value


# --- large layers ---------------------------------------------------------------------------


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
    wkb_type = source.wkbType()
    if QgsWkbTypes.isCurvedType(wkb_type) or QgsWkbTypes.hasM(wkb_type):
        return read_source(source, label, crs, context, feedback, (), dimension, progress)
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
    geoms, stats = clean_geometries(shapely.from_wkb(raw), dimension)
    report_repairs(stats, label, feedback)
    return GeometryTable(label, np.array(fids, dtype=np.int64), geoms, {}, stats)


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


NEAR_MIN_COUNT = 20_000  # layers with fewer features are read whole
NEAR_MAX_SHARE = 0.3  # ... and so are layers of which many features are candidates


def near_subset(
    source: QgsFeatureSource,
    geoms: np.ndarray,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    fields: Sequence[str] = (),
) -> QgsFeatureSource:
    """The features of a large ``source`` whose bounding boxes meet those of ``geoms`` (in
    ``crs``), as a materialised source with the attributes ``fields``; or ``source`` itself.

    Large layers (三调 parcels, farmland) are indexed in C++ (``QgsSpatialIndex`` over a
    geometry-only iterator in ``crs``); only the candidates are then materialised and read into
    Python. Layers of fewer than :data:`NEAR_MIN_COUNT` features, or when the boxes of
    ``geoms`` (or the candidates) make up more than :data:`NEAR_MAX_SHARE` of the layer, are
    returned as they are. Read geometries and attributes (:func:`read_attributes`) from the
    returned source, so that the feature ids agree.
    """
    n = source.featureCount()
    geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))] if len(geoms) else geoms
    if n < NEAR_MIN_COUNT or len(geoms) == 0:
        return source
    # sum of the boxes against the layer's extent: when that already exceeds the share, skip
    # the index (the sum over-estimates their union, so this errs on reading all)
    extent = source.sourceExtent()
    try:
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        extent = transform.transformBoundingBox(extent)
    except QgsCsException:
        return source
    box_area = float(np.sum(shapely.area(shapely.envelope(geoms))))
    if extent.area() <= 0 or box_area > NEAR_MAX_SHARE * extent.area():
        return source
    request = QgsFeatureRequest()
    request.setNoAttributes()
    request.setDestinationCrs(crs, context.transformContext())
    request.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    index = QgsSpatialIndex(source.getFeatures(request), feedback)
    fids: set[int] = set()
    for xmin, ymin, xmax, ymax in shapely.bounds(geoms).tolist():
        fids.update(index.intersects(QgsRectangle(xmin, ymin, xmax, ymax)))
    if feedback.isCanceled() or len(fids) > NEAR_MAX_SHARE * n:
        return source
    subset = QgsFeatureRequest()
    subset.setFilterFids(sorted(fids))
    subset.setSubsetOfAttributes([f for f in fields if f], source.fields())
    subset.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    return source.materialize(subset, feedback)
