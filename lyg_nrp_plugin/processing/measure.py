"""Area and length in the two ways the algorithms offer: planar or on the CGCS2000 ellipsoid."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProcessingContext

from .layer_io import to_qgs_geometry

AREA_PLANAR = 0
AREA_ELLIPSOIDAL = 1
CGCS2000_ELLIPSOID = "EPSG:1024"
DEFAULT_ANALYSIS_CRS = "EPSG:4549"  # CGCS2000 / 3-degree Gauss-Kruger CM 120E

Measure = Callable[[np.ndarray], np.ndarray]


def _distance_area(crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext):
    calculator = QgsDistanceArea()
    calculator.setSourceCrs(crs, context.transformContext())
    calculator.setEllipsoid(CGCS2000_ELLIPSOID)
    return calculator


def area_function(
    method: int, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext
) -> Measure:
    """Areas (m²) of an array of shapely geometries in ``crs``."""
    if method == AREA_PLANAR:
        return lambda geoms: shapely.area(np.asarray(geoms, dtype=object))
    calculator = _distance_area(crs, context)

    def ellipsoidal(geoms: np.ndarray) -> np.ndarray:
        return np.array(
            [calculator.measureArea(to_qgs_geometry(g, multi=False)) if g is not None else 0.0
             for g in geoms],
            dtype=float,
        )

    return ellipsoidal


def length_function(
    method: int, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext
) -> Measure:
    """Lengths (m) of an array of shapely geometries in ``crs``."""
    if method == AREA_PLANAR:
        return lambda geoms: shapely.length(np.asarray(geoms, dtype=object))
    calculator = _distance_area(crs, context)

    def ellipsoidal(geoms: np.ndarray) -> np.ndarray:
        return np.array(
            [calculator.measureLength(to_qgs_geometry(g, multi=False)) if g is not None else 0.0
             for g in geoms],
            dtype=float,
        )

    return ellipsoidal
