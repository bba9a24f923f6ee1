"""Geometry and arithmetic helpers of the indicator computation (shapely ≥ 2, numpy)."""

from __future__ import annotations

import numpy as np
import shapely

from .model import note


def present(arr: np.ndarray) -> np.ndarray:
    """Mask of the non-null, non-empty geometries of an object array (vectorised)."""
    if not len(arr):
        return np.zeros(0, dtype=bool)
    return ~(shapely.is_missing(arr) | shapely.is_empty(arr))


def areas(arr: np.ndarray) -> np.ndarray:
    """Planar area of each geometry, 0 for null ones (vectorised)."""
    if not len(arr):
        return np.zeros(0)
    return np.nan_to_num(shapely.area(arr), nan=0.0)


def per_value(test, values) -> list:
    """``[test(v) for v in values]``, computed once per distinct value (codes repeat)."""
    cache: dict = {}
    out = []
    for v in values:
        try:
            out.append(cache[v])
        except KeyError:
            out.append(cache.setdefault(v, test(v)))
        except TypeError:  # unhashable
            out.append(test(v))
    return out


def categories(values) -> tuple[list, np.ndarray]:
    """(the distinct values in first-seen order, the position of each value among them):
    a test over a million codes then runs once per distinct code. Unhashable values are
    each a category of their own."""
    seen: dict = {}
    distinct: list = []
    index = []
    for v in values:
        try:
            k = seen[v]
        except KeyError:
            k = seen[v] = len(distinct)
            distinct.append(v)
        except TypeError:  # unhashable
            k = len(distinct)
            distinct.append(v)
        index.append(k)
    return distinct, np.array(index, dtype=np.int64)


def as_array(geoms) -> np.ndarray:
    """The non-null, non-empty geometries of ``geoms`` as an object array."""
    if geoms is None:
        return np.empty(0, dtype=object)
    arr = np.asarray(geoms, dtype=object)
    return arr[present(arr)] if len(arr) else arr


def dissolve(geoms) -> shapely.Geometry | None:
    """Union of the polygons (overlaps counted once); None when there are none."""
    arr = as_array(geoms)
    if not len(arr):
        return None
    return shapely.union_all(arr)


def union_area(geoms, clip: shapely.Geometry | None = None) -> float:
    """Area (m²) of the union of ``geoms``, optionally inside ``clip``."""
    merged = dissolve(geoms)
    if merged is None:
        return 0.0
    if clip is not None:
        merged = shapely.intersection(merged, clip)
    return float(shapely.area(merged))


def inside_fractions(geoms, mask: shapely.Geometry | None) -> np.ndarray:
    """For each polygon, the share of its area inside ``mask`` (0..1)."""
    arr = np.asarray(geoms, dtype=object)
    result = np.zeros(len(arr), dtype=float)
    if mask is None or mask.is_empty or not len(arr):
        return result
    index = np.flatnonzero(present(arr))
    if not len(index):
        return result
    tree = shapely.STRtree(arr[index])
    candidates = index[tree.query(mask, predicate="intersects")]
    if not len(candidates):
        return result
    shapely.prepare(mask)
    covered = shapely.covered_by(arr[candidates], mask)
    result[candidates[covered]] = 1.0
    partial = candidates[~covered]
    if len(partial):
        areas = shapely.area(arr[partial])
        inter = shapely.area(shapely.intersection(arr[partial], mask))
        with np.errstate(divide="ignore", invalid="ignore"):
            result[partial] = np.where(areas > 0, np.clip(inter / areas, 0.0, 1.0), 0.0)
    return result


def given(values) -> bool:
    return values is not None and len(values) > 0


def column(values, n: int) -> list:
    """An attribute column as a list, or ``n`` Nones when the field was not given."""
    return list(values) if values is not None else [None] * n


def percent(part: float, whole: float) -> float | None:
    if whole <= 0:
        return None
    return 100.0 * part / whole


def area_text(m2: float, lang: str) -> str:
    """``105.93 平方千米`` / ``0.1500 km²`` — an area for the arithmetic of a result."""
    km2 = m2 / 1e6
    unit = "平方千米" if lang.lower().startswith("zh") else "km²"
    return f"{km2:,.2f} {unit}" if abs(km2) >= 10 else f"{km2:,.4f} {unit}"


def ratio_text(part: float, whole: float, value: float | None, lang: str) -> str:
    """``0.1500 km² ÷ 1.0000 km² × 100 = 15.00%`` (empty without a value)."""
    if value is None:
        return ""
    return note(
        "ratio",
        lang,
        part=area_text(part, lang),
        whole=area_text(whole, lang),
        value=f"{value:.2f}",
    )
