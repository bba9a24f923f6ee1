"""Write shapely results to QGIS sinks: geometry conversion, batched features, fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
)
from qgis.PyQt.QtCore import QVariant

from ...translate import tr

# field kinds of a FieldSpec -> QVariant type (QVariant types work from QGIS 3.22 to 3.40)
_KINDS = {
    "str": QVariant.String,
    "float": QVariant.Double,
    "int": QVariant.Int,
    "int64": QVariant.LongLong,
    "bool": QVariant.Bool,
}


@dataclass(frozen=True)
class FieldSpec:
    """One output field as data: name, kind (str / float / int / int64 / bool), width."""

    name: str
    kind: str = "float"
    length: int = 0
    precision: int = 0


def fields(specs: Sequence[FieldSpec | QgsField], base: QgsFields | None = None) -> QgsFields:
    """``QgsFields`` from specs (``QgsField`` items are taken as they are), after ``base``."""
    result = QgsFields(base) if base is not None else QgsFields()
    for spec in specs:
        if isinstance(spec, QgsField):
            result.append(QgsField(spec))
        else:
            result.append(
                QgsField(spec.name, _KINDS[spec.kind], len=spec.length, prec=spec.precision)
            )
    return result


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
        if len(batch) == WRITE_BATCH:
            if feedback is not None and feedback.isCanceled():
                return written
            written += _flush(sink, batch, feedback)
    return written + _flush(sink, batch, feedback)


def _plain(value):
    """numpy scalars to Python scalars (QVariant does not take numpy types)."""
    if isinstance(value, np.generic):
        return value.item()
    return value


def copy_input_with_columns(
    source: QgsFeatureSource,
    sink: QgsFeatureSink,
    out_fields: QgsFields,
    keep_idx: Sequence[int],
    row_of: dict[int, int],
    columns: Callable[[int], list],
    feedback: QgsProcessingFeedback | None = None,
) -> int:
    """Write the features of ``source`` listed in ``row_of`` (fid → result row) as they are —
    geometry (multi-part) and the attributes ``keep_idx`` — followed by ``columns(row)``.

    Inputs are never modified; features not in ``row_of`` (no area after repair) are left out.
    Returns the number written; stops quietly when ``feedback`` is canceled.
    """
    request = QgsFeatureRequest()
    request.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    batch: list[QgsFeature] = []
    written = 0
    for feature in source.getFeatures(request):
        j = row_of.get(feature.id())
        if j is None:
            continue
        attributes = feature.attributes()
        out = QgsFeature(out_fields)
        geometry = feature.geometry()
        if not geometry.isMultipart():
            geometry.convertToMultiType()
        out.setGeometry(geometry)
        row = [attributes[i] for i in keep_idx] + list(columns(j))
        out.setAttributes([None if v is None else _plain(v) for v in row])
        batch.append(out)
        if len(batch) == WRITE_BATCH:
            if feedback is not None and feedback.isCanceled():
                return written
            written += _flush(sink, batch, feedback)
    return written + _flush(sink, batch, feedback)


def _flush(sink: QgsFeatureSink, batch: list[QgsFeature], feedback) -> int:
    if not batch or (feedback is not None and feedback.isCanceled()):
        return 0
    if not sink.addFeatures(batch, QgsFeatureSink.FastInsert):
        raise QgsProcessingException(tr("Could not write a feature to the output."))
    n = len(batch)
    batch.clear()
    return n


def input_copy_fields(
    source: QgsFeatureSource, specs: Sequence[FieldSpec | QgsField], feedback, label: str
) -> tuple[QgsFields, list[int]]:
    """The fields of an output that copies the features of ``source`` (for
    :func:`copy_input_with_columns`): the input's fields, minus those of the same name as a
    spec (warned), then ``specs``; and the indices of the kept input fields."""
    names = {s.name() if isinstance(s, QgsField) else s.name for s in specs}
    base, keep = input_fields_without(source, {n.lower() for n in names}, feedback, label)
    return fields(specs, base), keep
