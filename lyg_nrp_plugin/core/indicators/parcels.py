"""Land-use parcels (and other area-valued layers) made ready to be summed: area values
checked, overlaps counted once, codes normalised and classified.

* :func:`area_values` — an area column (TBDLMJ, YJJBNTMJ …): NULL → the geometry area;
  negative or non-numeric → left out (0) and reported (:class:`~.model.DataIssue`).
* :func:`prepare_parcels` — the above, plus overlapping parcels (:mod:`.overlaps`): the
  higher fid keeps only what the lower fids do not cover, its area value scaled by the share
  it keeps, its geometry cut (for the shares inside protected areas).
* :func:`coastal_outside` — the coastal wetland (近海与海岸湿地) outside the parcels, so that
  what the parcels already count by their DLBM is not counted twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely

from .. import landuse
from ..values import read_numbers
from .classify import is_forest_cover, is_forest_land, is_natural_wetland, is_wetland
from .model import DataIssue
from .overlaps import find_overlaps
from .spatial import areas as area_of
from .spatial import categories, dissolve, per_value, present


def ids_at(ids: Sequence | None, positions) -> list:
    """The display ids (BSM or fids) at ``positions``; positions + 1 without ids. ``ids`` with
    a ``display_ids(positions)`` method reads them on demand (a city's BSM for the few
    features a warning names, not a million strings)."""
    if ids is None:
        return [int(i) + 1 for i in positions]
    if hasattr(ids, "display_ids"):
        return ids.display_ids(np.asarray(positions, dtype=np.int64))
    return [ids[int(i)] for i in positions]


def area_values(raw: Sequence | None, geometry_area: np.ndarray) -> tuple[np.ndarray, list[int]]:
    """(area m², bad positions) of an area column; ``raw`` None → the geometry areas."""
    if raw is None:
        return geometry_area.copy(), []
    column = read_numbers(raw)
    area = np.where(column.missing, geometry_area, column.values)
    bad = sorted(set(column.invalid) | set(column.negative))
    area[bad] = 0.0
    return area, bad


def checked_numbers(raw, ids, issues: list, layer: str, field: str) -> np.ndarray:
    """A numeric column: NaN where NULL, and where negative or non-numeric (reported)."""
    column = read_numbers(raw)
    bad = sorted(set(column.invalid) | set(column.negative))
    values = column.values.copy()
    values[bad] = np.nan
    if bad:
        issues.append(DataIssue("bad_value", layer, ids_at(ids, bad), len(bad), field=field))
    return values


def checked_areas(
    geoms, raw, ids, order, issues: list, layer: str, field: str, coverage: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(area values, geometries without double-counted overlaps, kept share) of a layer."""
    geoms = np.asarray(geoms, dtype=object)
    geometry_area = area_of(geoms)
    area, bad = area_values(raw, geometry_area)
    if bad:
        issues.append(DataIssue("bad_value", layer, ids_at(ids, bad), len(bad), field=field))
    overlaps = find_overlaps(geoms, order, coverage=coverage)
    if len(overlaps):
        pairs = [
            f"{k}/{j}" for k, j in zip(ids_at(ids, overlaps.keepers), ids_at(ids, overlaps.losers))
        ]
        issues.append(
            DataIssue("overlap", layer, pairs, len(overlaps), overlaps.double_counted, field)
        )
    return area * overlaps.share, overlaps.kept, overlaps.share


@dataclass
class Parcels:
    """The land-use parcels as the indicators sum them (masks per class of interest)."""

    geoms: np.ndarray  # without double-counted overlaps
    land_area: float  # Σ geometry area without overlaps (the land area without BOUNDARY)
    area: np.ndarray  # m²: TBDLMJ (else geometry) × kept share; 0 where the value was bad
    codes: list
    n_bad: int
    n_overlaps: int
    overlap_area: float
    unknown: int
    kinds: tuple | None = field(default=None, repr=False, compare=False)  # categories(codes)

    def mask(self, test) -> np.ndarray:
        """``[bool(test(c)) for c in codes]``, the test run once per distinct code."""
        if self.kinds is None:
            self.kinds = categories(self.codes)
        distinct, index = self.kinds
        return np.array([bool(test(c)) for c in distinct], dtype=bool)[index]

    def sum(self, mask: np.ndarray) -> float:
        return float(self.area[mask].sum())

    def cultivated(self) -> np.ndarray:
        return self.mask(landuse.is_farmland)

    def built(self) -> np.ndarray:
        return self.mask(landuse.is_built)

    def wetland(self, definition: int, include_saltpans: bool) -> np.ndarray:
        return self.mask(lambda c: is_wetland(c, definition, include_saltpans))

    def natural_wetland(self) -> np.ndarray:
        return self.mask(is_natural_wetland)

    def forest(self) -> np.ndarray:
        return self.mask(is_forest_land)

    def forest_cover(self) -> np.ndarray:
        return self.mask(is_forest_cover)


def prepare_parcels(
    geoms, codes, areas=None, ids=None, order=None, issues: list | None = None, field=""
) -> Parcels:
    issues = issues if issues is not None else []
    before = len(issues)
    area, kept, share = checked_areas(geoms, areas, ids, order, issues, "LANDUSE", field, True)
    found = {i.kind: i for i in issues[before:]}
    norm = per_value(landuse.normalise_code, codes)
    distinct, index = categories(norm)
    known = np.array([bool(landuse.is_known(c)) for c in distinct], dtype=bool)
    whole = area_of(kept)
    return Parcels(
        geoms=kept,
        land_area=float(whole.sum()),
        area=area,
        codes=norm,
        n_bad=found["bad_value"].count if "bad_value" in found else 0,
        n_overlaps=found["overlap"].count if "overlap" in found else 0,
        overlap_area=found["overlap"].area if "overlap" in found else 0.0,
        unknown=int(np.count_nonzero(~known[index])),
        kinds=(distinct, index),
    )


def coastal_outside(coastal_geoms, parcel_geoms) -> tuple[shapely.Geometry | None, float]:
    """(the coastal wetland outside the parcels, the area it shares with them, m²)."""
    coastal = dissolve(coastal_geoms)
    if coastal is None:
        return None, 0.0
    parcels = np.asarray(parcel_geoms if parcel_geoms is not None else [], dtype=object)
    valid = np.flatnonzero(present(parcels))
    if not len(valid):
        return coastal, 0.0
    hits = valid[shapely.STRtree(parcels[valid]).query(coastal, predicate="intersects")]
    if not len(hits):
        return coastal, 0.0
    outside = shapely.difference(coastal, shapely.union_all(parcels[hits]))
    return outside, float(shapely.area(coastal) - shapely.area(outside))
