"""Area and length in the two ways the algorithms offer: planar or on the CGCS2000 ellipsoid."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsProcessingContext,
    QgsProcessingException,
)

from ..translate import tr
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


def analysis_crs(
    algorithm, parameters: dict, name: str, context: QgsProcessingContext
) -> QgsCoordinateReferenceSystem:
    """The CRS parameter ``name`` (default :data:`DEFAULT_ANALYSIS_CRS`); must be projected."""
    crs = algorithm.parameterAsCrs(parameters, name, context)
    if not crs.isValid():
        crs = QgsCoordinateReferenceSystem(DEFAULT_ANALYSIS_CRS)
    if crs.isGeographic():
        raise QgsProcessingException(
            tr(
                "The analysis CRS {crs} is geographic; choose a projected CRS such as "
                "EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E)."
            ).format(crs=crs.authid())
        )
    return crs
