"""Vectorised reprojection of shapely arrays, as QGIS would reproject them (see :mod:`.arrow`)."""

from __future__ import annotations

import threading

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureSource,
    QgsPointXY,
)

from ...core.geometry import threaded


def coordinate_map(
    source: QgsFeatureSource, crs: QgsCoordinateReferenceSystem, context, extent=None
):
    """A function mapping a shapely array from the source's CRS to ``crs`` (None: same CRS;
    False: cannot be done here, let the iterator reproject). ``extent``: where the data lie,
    when the caller knows it cheaper than the source (default: ``source.sourceExtent()``)."""
    source_crs = source.sourceCrs()
    if not crs.isValid() or source_crs == crs:
        return None
    if context.transformContext().calculateCoordinateOperation(source_crs, crs):
        return False  # a user-chosen operation: QGIS applies it
    transform = QgsCoordinateTransform(source_crs, crs, context.transformContext())
    extent = source.sourceExtent() if extent is None else extent
    if extent.isEmpty() or not extent.isFinite():
        return False
    try:
        affine = _affine(transform, extent)
    except Exception:  # noqa: BLE001 - QgsCsException and friends: leave it to the iterator
        return False
    if affine is not None:
        points = _affine_points(*affine)

        def one(geoms: np.ndarray) -> np.ndarray:
            return _in_place(geoms, points)

        def apply(geoms: np.ndarray) -> np.ndarray:  # slices on the cores: GEOS, numpy
            return threaded(one, geoms)

        apply.points = points  # for readers that map coordinates before building geometries
        return apply
    return _osr_map(source_crs, crs)


def _affine_points(matrix: np.ndarray, offset: np.ndarray):
    """``xy ↦ xy @ matrix + offset`` column by column (a (n, 2) @ (2, 2) product takes numpy
    ten times longer); a pure shift when the matrix is the identity."""
    (a, b), (c, d) = matrix.tolist()
    dx, dy = offset.tolist()
    if (a, b, c, d) == (1.0, 0.0, 0.0, 1.0):
        return lambda xy: xy + offset

    def points(xy: np.ndarray) -> np.ndarray:
        x, y = xy[:, 0], xy[:, 1]
        return np.column_stack([x * a + y * c + dx, x * b + y * d + dy])

    return points


def _in_place(geoms: np.ndarray, fn) -> np.ndarray:
    """``shapely.transform`` without its copy: the geometries were just parsed from the
    stream and belong to no one else, so their coordinates are set in place."""
    coords = shapely.get_coordinates(geoms)
    if len(coords):
        shapely.set_coordinates(geoms, fn(coords))
    return geoms


def _affine(transform: QgsCoordinateTransform, extent) -> tuple[np.ndarray, np.ndarray] | None:
    """The exact affine map (2×2 matrix, offset) when the transform is one over ``extent``
    (residual below a micrometre on a 9 × 9 grid spanning it, widened by half); else None."""
    w, h = extent.width() or 1.0, extent.height() or 1.0
    xs = np.linspace(extent.xMinimum() - w / 2, extent.xMaximum() + w / 2, 9)
    ys = np.linspace(extent.yMinimum() - h / 2, extent.yMaximum() + h / 2, 9)
    grid = np.array([(x, y) for x in xs for y in ys])
    out = np.array([(p.x(), p.y()) for p in (transform.transform(QgsPointXY(*q)) for q in grid)])
    # fit the displacement (small numbers: no digits lost to coordinates of 10⁷ m)
    centre = grid.mean(0)
    shift = out - grid
    base = shift.mean(0)
    design = np.column_stack([grid - centre, np.ones(len(grid))])
    solution, *_ = np.linalg.lstsq(design, shift - base, rcond=None)
    residual = np.abs(design @ solution - (shift - base)).max()
    if not np.isfinite(residual) or residual > 1e-6:
        return None
    matrix = np.eye(2) + solution[:2]
    offset = base + solution[2] - centre @ solution[:2]
    if np.abs(shift - base).max() <= 1e-9:  # a shift (zone prefix): no rounding of a product
        return np.eye(2), base
    return matrix, offset


def _osr_map(source_crs, crs):
    """osr with PROJ's default operation, which QGIS uses too when the transform context sets
    none (a context with its own operation for the pair goes to the iterator)."""
    from osgeo import osr

    def srs(qcrs: QgsCoordinateReferenceSystem):
        ref = osr.SpatialReference()
        if ref.ImportFromWkt(qcrs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED)) != 0:
            return None
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return ref

    a, b = srs(source_crs), srs(crs)
    if a is None or b is None:
        return False
    ct = osr.CoordinateTransformation(a, b)
    if ct is None:
        return False

    lock = threading.Lock()  # one transformation, readers on several threads (PROJ: no)

    def points(xy: np.ndarray) -> np.ndarray:
        if len(xy) == 0:
            return xy
        with lock:
            return np.asarray(ct.TransformPoints(xy), dtype=float)[:, :2]

    def apply(geoms: np.ndarray) -> np.ndarray:
        return _in_place(geoms, points)

    apply.points = points
    return apply
