"""Fast reading of file-based layers through GDAL's Arrow stream (GDAL ≥ 3.6).

:func:`read_source` and :func:`read_geometries` in :mod:`.read` first ask :func:`arrow_read`:
for a GeoPackage, Shapefile, FlatGeobuf, GeoJSON, FileGDB or SQLite layer read whole (or
filtered by its subset string, applied as an OGR attribute filter) it reads the features in
batches of :data:`BATCH` with ``ogr.Layer.GetArrowStreamAsNumPy`` straight into numpy and
shapely arrays: no ``QgsFeature`` per feature. Reprojection is vectorised (an exact affine map
when the two CRSs differ only by offsets, e.g. CGCS2000 zone 40 with and without the zone
prefix; otherwise osr with the operation QGIS chose). Everything the stream cannot honour
falls back to the QGIS iterator (``arrow_read`` returns None): other providers, selected
features only, a feature limit, a geometry-check override, a layer with unsaved edits,
virtual or joined fields, field types other than text/integer/real, curves or M values,
subset strings that are whole SQL statements, Shapefiles without ``.cpg``, and — when the
run's invalid-geometry check is on (Desktop's default, "stop") — a layer with an invalid
geometry, so that QGIS itself stops or skips with its own message; a valid layer keeps the
stream's reading. ``LYG_NRP_READER=iterator`` forces the iterator everywhere (the test suite
runs both ways).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFields,
    QgsProcessingContext,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ...core.geometry import is_valid, threaded
from ...core.wkb import from_wkb
from .reproject import coordinate_map

READER_ENV = "LYG_NRP_READER"  # "iterator": always the QGIS iterator
BATCH = 65_536
DRIVERS = {"GPKG", "ESRI Shapefile", "FlatGeobuf", "GeoJSON", "OpenFileGDB", "SQLite"}
_ATTRIBUTE = "_lyg_arrow_origin"
_URI_KEYS = {"path", "layerName", "layerId", "subset"}


@dataclass(frozen=True)
class ArrowOrigin:
    """Where a layer's features are on disk: file, layer (name or index), attribute filter."""

    path: str
    layer_name: str | None
    layer_id: int | None
    subset: str


@dataclass
class ArrowTable:
    fids: np.ndarray
    geoms: np.ndarray
    columns: dict[str, list]
    valid: np.ndarray | None = None  # GEOS validity, when the run's invalid check needed it


def arrow_enabled() -> bool:
    return os.environ.get(READER_ENV, "").lower() != "iterator"


def layer_origin(layer: QgsVectorLayer | None) -> ArrowOrigin | None:
    """The file behind ``layer`` when the Arrow stream reads exactly what QGIS would."""
    if layer is None or not layer.isValid() or layer.providerType() != "ogr":
        return None
    if layer.isModified():  # unsaved edits live in the edit buffer, not in the file
        return None
    decoded = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    if set(k for k, v in decoded.items() if v not in (None, "")) - _URI_KEYS:
        return None  # geometrytype=, uniqueGeometryType … : QGIS filters itself
    path = str(decoded.get("path") or "")
    subset = layer.subsetString() or str(decoded.get("subset") or "")
    if not path or not Path(path).is_file() or subset.strip().lower().startswith("select"):
        return None
    if path.lower().endswith((".shp", ".dbf")) and not any(
        Path(path).with_suffix(s).exists() for s in (".cpg", ".CPG")
    ):
        return None  # the encoding is guessed (see encoding.gbk_fallback)
    layer_id = decoded.get("layerId")
    return ArrowOrigin(
        path, decoded.get("layerName") or None, int(layer_id) if layer_id else None, subset
    )


def remember_origin(source, layer: QgsVectorLayer | None, value) -> None:
    """Mark ``source`` (a parameter's QgsProcessingFeatureSource) as readable by the stream
    when the parameter ``value`` asks for the whole layer, without limit or check override."""
    selected = getattr(value, "selectedFeaturesOnly", False)
    limit = getattr(value, "featureLimit", -1)
    try:
        flags = int(getattr(value, "flags", 0))
    except TypeError:
        flags = 1
    if selected or (limit is not None and limit >= 0) or flags:
        return
    origin = layer_origin(layer)
    if origin is not None:
        try:
            setattr(source, _ATTRIBUTE, origin)
        except (AttributeError, TypeError):  # pragma: no cover - a wrapper without __dict__
            pass


def source_origin(source: QgsFeatureSource) -> ArrowOrigin | None:
    if not arrow_enabled():
        return None
    if isinstance(source, QgsVectorLayer):
        return layer_origin(source)
    return getattr(source, _ATTRIBUTE, None)


# --- reading --------------------------------------------------------------------------------


def _open(origin: ArrowOrigin):
    from osgeo import gdal, ogr

    dataset = gdal.OpenEx(origin.path, gdal.OF_VECTOR | gdal.OF_READONLY)
    if dataset is None or dataset.GetDriver().ShortName not in DRIVERS:
        return None, None
    if origin.layer_name:
        layer = dataset.GetLayerByName(origin.layer_name)
    else:
        layer = dataset.GetLayer(origin.layer_id or 0)
    if layer is None or not hasattr(layer, "GetArrowStreamAsNumPy"):
        return None, None
    defn = layer.GetLayerDefn()
    if defn.GetGeomFieldCount() != 1:
        return None, None
    geom_type = defn.GetGeomFieldDefn(0).GetType()
    if ogr.GT_HasM(geom_type) or ogr.GT_IsNonLinear(geom_type):
        return None, None
    if origin.subset and layer.SetAttributeFilter(origin.subset) != 0:
        return None, None
    return dataset, layer


def _field_plan(layer, fields: QgsFields, names) -> dict[str, str] | None:
    """QGIS field name → Arrow column (``""`` = the feature id); None when one cannot be read."""
    from osgeo import ogr

    defn = layer.GetLayerDefn()
    fid_column = layer.GetFIDColumn()
    plan = {}
    for name in names:
        index = fields.lookupField(name)
        if index < 0 or fields.fieldOrigin(index) != QgsFields.OriginProvider:
            return None
        if fid_column and name == fid_column:
            plan[name] = ""
            continue
        k = defn.GetFieldIndex(name)
        if k < 0:
            return None
        field = defn.GetFieldDefn(k)
        if field.GetType() not in (ogr.OFTString, ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal):
            return None
        if field.GetSubType() != ogr.OFSTNone:  # booleans, int16, float32, JSON, UUID
            return None
        plan[name] = name
    return plan


def _values(array) -> list:
    """A batch column as Python values (text decoded, NULL → None)."""
    mask = np.ma.getmaskarray(array) if isinstance(array, np.ma.MaskedArray) else None
    data = np.ma.getdata(array)
    if data.dtype.kind == "S":
        values = [b.decode("utf-8", "replace") for b in data.tolist()]
    elif data.dtype.kind == "O":
        values = [v.decode("utf-8", "replace") if isinstance(v, bytes) else v for v in data]
    else:
        values = data.tolist()
    if mask is not None and mask.any():
        for i in np.flatnonzero(mask).tolist():
            values[i] = None
    return values


def _geometries(array, transform) -> np.ndarray:
    """The batch's geometries in the target CRS (None for NULL and empty), parsed on the
    cores by :func:`~...core.wkb.from_wkb`, which also maps the coordinates of a
    reprojection while it builds them (no second pass over the geometries)."""
    mask = np.ma.getmaskarray(array) if isinstance(array, np.ma.MaskedArray) else None
    data = np.ma.getdata(array)
    if mask is not None and mask.any():
        blobs = [None if m else bytes(v) for v, m in zip(data.tolist(), mask)]
        data = np.array(blobs, dtype=object)
    points = getattr(transform, "points", None)
    geoms = threaded(lambda d: from_wkb(d, points), data)
    if transform is not None and points is None:
        geoms = transform(geoms)
    geoms[shapely.is_empty(geoms)] = None  # as the iterator gives them (see read._to_wkb)
    return geoms


def arrow_read(
    source: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback,
    fields=(),
    progress: tuple[float, float] = (0.0, 0.0),
    geometry: bool = True,
) -> ArrowTable | None:
    """The features of ``source`` (fids, geometries in ``crs``, attribute columns) read from
    the Arrow stream, or None when the QGIS iterator must read them (see the module doc).
    ``geometry`` False: attributes only (``geoms`` all None; ``crs``/``context`` unused)."""
    origin = source_origin(source)
    if origin is None:
        return None
    transform = None
    if geometry:
        transform = coordinate_map(source, crs, context)
        if transform is False:
            return None
    dataset, layer = _open(origin)
    if layer is None:
        return None
    plan = _field_plan(layer, source.fields(), fields)
    if plan is None:
        return None
    wanted = set(plan.values())
    defn = layer.GetLayerDefn()
    all_fields = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    ignored = [f for f in all_fields if f not in wanted] + ["OGR_STYLE"]
    layer.SetIgnoredFields(ignored + ([] if geometry else ["OGR_GEOMETRY"]))
    stream = layer.GetArrowStreamAsNumPy([f"MAX_FEATURES_IN_BATCH={BATCH}"])
    if stream is None:
        return None
    fid_key = layer.GetFIDColumn() or "OGC_FID"
    geom_key = layer.GetGeometryColumn() or "wkb_geometry"
    total = max(source.featureCount(), 1)
    start, end = progress
    fid_parts, geom_parts, valid_parts = [], [], []
    columns: dict[str, list] = {name: [] for name in plan}
    # Desktop's default ("stop") or "skip": QGIS's iterator tests each geometry with GEOS in
    # the layer's CRS, before reprojecting, and stops or skips with its own message. A batch
    # with an invalid geometry hands the layer to it; all valid: the stream's reading stands.
    checked = geometry and context.invalidGeometryCheck() != QgsFeatureRequest.GeometryNoCheck
    n = 0
    for batch in stream:
        if feedback is not None and feedback.isCanceled():
            break
        fids = np.array(batch[fid_key], dtype=np.int64)
        fid_parts.append(fids)
        if checked:
            geoms = _geometries(batch[geom_key], None)
            valid = is_valid(geoms)
            if not (valid | shapely.is_missing(geoms)).all():
                return None
            valid_parts.append(valid)
            geom_parts.append(transform(geoms) if transform is not None else geoms)
        elif geometry:
            geom_parts.append(_geometries(batch[geom_key], transform))
        else:
            geom_parts.append(np.full(len(fids), None, dtype=object))
        for name, key in plan.items():
            columns[name] += fids.tolist() if key == "" else _values(batch[key])
        n += len(fids)
        if feedback is not None and end > start:
            feedback.setProgress(start + (end - start) * min(n / total, 1.0))
    del stream, layer, dataset
    if not fid_parts:
        return ArrowTable(np.zeros(0, np.int64), np.zeros(0, dtype=object), columns)
    table = ArrowTable(np.concatenate(fid_parts), np.concatenate(geom_parts), columns)
    if checked and transform is None:  # the same geometries: the repair needs no second test
        table.valid = np.concatenate(valid_parts)
    return table
