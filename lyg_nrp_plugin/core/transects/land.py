"""Land-use parcels prepared for overlay, and the composition of one corridor polygon."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from .. import landuse
from .eco import EcoClasses


@dataclass
class LandUse:
    """Parcels prepared for overlay: geometries, normalised codes, class flags and a tree."""

    geoms: np.ndarray
    codes: np.ndarray
    is_eco: np.ndarray
    is_built: np.ndarray
    is_farm: np.ndarray
    tree: shapely.STRtree

    @classmethod
    def build(cls, geoms: Sequence, codes: Sequence, eco: EcoClasses) -> LandUse:
        geoms = np.asarray(geoms, dtype=object)
        ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        geoms = geoms[ok]
        norm = np.array(
            [landuse.normalise_code(c) for c in np.asarray(codes, dtype=object)[ok]], dtype=object
        )
        cache: dict = {}

        def flags(code):
            if code not in cache:
                cache[code] = (eco.is_eco(code), landuse.is_built(code), landuse.is_farmland(code))
            return cache[code]

        table = np.array([flags(c) for c in norm], dtype=bool).reshape(-1, 3)
        shapely.prepare(geoms)
        return cls(geoms, norm, table[:, 0], table[:, 1], table[:, 2], shapely.STRtree(geoms))


@dataclass
class AreaStats:
    area_m2: float
    eco_m2: float
    built_m2: float
    farm_m2: float
    n_patches: int
    largest_patch_m2: float
    eco_geom: shapely.Geometry

    @property
    def eco_ratio(self) -> float:
        return self.eco_m2 / self.area_m2 if self.area_m2 > 0 else 0.0

    @property
    def built_ratio(self) -> float:
        return self.built_m2 / self.area_m2 if self.area_m2 > 0 else 0.0

    @property
    def largest_patch_ratio(self) -> float:
        return self.largest_patch_m2 / self.area_m2 if self.area_m2 > 0 else 0.0


def clip_parcels(polygon: shapely.Geometry, land: LandUse) -> tuple[np.ndarray, np.ndarray]:
    """(parcel indices, parcel ∩ polygon) for the parcels that overlap ``polygon``."""
    idx = land.tree.query(polygon, predicate="intersects")
    if len(idx) == 0:
        return idx, np.array([], dtype=object)
    shapely.prepare(polygon)
    inside = shapely.contains_properly(polygon, land.geoms[idx])
    pieces = land.geoms[idx].copy()
    if (~inside).any():
        pieces[~inside] = shapely.intersection(land.geoms[idx][~inside], polygon)
    return idx, pieces


def area_stats(polygon: shapely.Geometry, land: LandUse) -> AreaStats:
    """Land-use composition and ecological patches of one corridor polygon."""
    area = float(polygon.area)
    idx, pieces = clip_parcels(polygon, land)
    if len(idx) == 0:
        return AreaStats(area, 0.0, 0.0, 0.0, 0, 0.0, shapely.Polygon())
    areas = shapely.area(pieces)
    eco = land.is_eco[idx]
    eco_pieces = pieces[eco & (areas > 0)]
    eco_geom = shapely.union_all(eco_pieces) if len(eco_pieces) else shapely.Polygon()
    patches = [p for p in shapely.get_parts(eco_geom) if p.geom_type == "Polygon" and p.area > 0]
    return AreaStats(
        area_m2=area,
        eco_m2=float(areas[eco].sum()),
        built_m2=float(areas[land.is_built[idx]].sum()),
        farm_m2=float(areas[land.is_farm[idx]].sum()),
        n_patches=len(patches),
        largest_patch_m2=max((p.area for p in patches), default=0.0),
        eco_geom=eco_geom,
    )
