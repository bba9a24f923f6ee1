"""Area and length in the two ways the algorithms offer: planar or on the CGCS2000 ellipsoid."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsProcessingContext,
)

from .io.write import to_qgs_geometry
from .params import AREA_PLANAR

CGCS2000_ELLIPSOID = "EPSG:1024"

Measure = Callable[[np.ndarray], np.ndarray]


def _distance_area(crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext):
    calculator = QgsDistanceArea()
    calculator.setSourceCrs(crs, context.transformContext())
    calculator.setEllipsoid(CGCS2000_ELLIPSOID)
    return calculator


def _measure(
    method: int, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext, linear: bool
) -> Measure:
    if method == AREA_PLANAR:
        planar = shapely.length if linear else shapely.area
        return lambda geoms: planar(np.asarray(geoms, dtype=object))
    calculator = _distance_area(crs, context)
    measure = calculator.measureLength if linear else calculator.measureArea

    def ellipsoidal(geoms: np.ndarray) -> np.ndarray:
        return np.array(
            [measure(to_qgs_geometry(g, multi=False)) if g is not None else 0.0 for g in geoms],
            dtype=float,
        )

    return ellipsoidal


def area_function(
    method: int, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext
) -> Measure:
    """Areas (m²) of an array of shapely geometries in ``crs``."""
    return _measure(method, crs, context, linear=False)


def length_function(
    method: int, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext
) -> Measure:
    """Lengths (m) of an array of shapely geometries in ``crs``."""
    return _measure(method, crs, context, linear=True)
