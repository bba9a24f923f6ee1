"""Only the features of a large layer near some geometries, selected in C++."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsSpatialIndex,
)

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
    if not source.sourceCrs().isValid():
        return source  # read_source refuses it, naming the layer
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


def near_rows(
    geoms: np.ndarray, near: np.ndarray, n_features: int, extent_area: float
) -> np.ndarray | None:
    """Positions of the ``geoms`` (a whole layer read through the Arrow stream, in the
    analysis CRS) whose boxes meet those of ``near``; None for all of them. The same choice
    as :func:`near_subset` makes (small layer, or boxes or candidates above the share), so
    that both paths read the same features."""
    near = near[~(shapely.is_missing(near) | shapely.is_empty(near))] if len(near) else near
    if n_features < NEAR_MIN_COUNT or len(near) == 0:
        return None
    box_area = float(np.sum(shapely.area(shapely.envelope(near))))
    if extent_area <= 0 or box_area > NEAR_MAX_SHARE * extent_area:
        return None
    hits = np.unique(shapely.STRtree(geoms).query(shapely.envelope(near))[1])
    if len(hits) > NEAR_MAX_SHARE * n_features:
        return None
    return hits
