"""Land-use parcels prepared for overlay, and the composition of one corridor polygon."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from .. import landuse
from .eco import EcoClasses

# the water surface of a river corridor: 1101 河流水面, 1102 湖泊水面, 1103 水库水面.
# It is measured apart (water_m2) and never counts as ecological land beside the river.
WATER_SURFACE_CODES = frozenset({"1101", "1102", "1103"})
# below this share of land beside the water a corridor is not graded (judgement: the ecological
# share of a sliver of bank is no measure of the corridor)
MIN_LAND_SHARE = 0.01


def is_water_surface(code) -> bool:
    return landuse.base_code(landuse.normalise_code(code)) in WATER_SURFACE_CODES


@dataclass
class LandUse:
    """Parcels prepared for overlay: geometries, normalised codes, class flags and a tree.
    ``is_eco`` never holds for the water surface (``is_water``)."""

    geoms: np.ndarray
    codes: np.ndarray
    is_eco: np.ndarray
    is_built: np.ndarray
    is_farm: np.ndarray
    tree: shapely.STRtree
    is_water: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.is_water is None:
            self.is_water = np.array([is_water_surface(c) for c in self.codes], dtype=bool)
        self.is_eco = self.is_eco & ~self.is_water

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
    """Composition of a corridor. The ratios are shares of the land beside the water
    (``land_m2`` = area − water surface) and None when there is no such land."""

    area_m2: float
    eco_m2: float
    built_m2: float
    farm_m2: float
    n_patches: int
    largest_patch_m2: float
    eco_geom: shapely.Geometry
    water_m2: float = 0.0

    @property
    def land_m2(self) -> float:
        return max(self.area_m2 - self.water_m2, 0.0)

    @property
    def all_water(self) -> bool:
        """No land beside the water (up to float noise of the overlay)."""
        return self.area_m2 <= 0 or self.land_m2 <= 1e-9 * self.area_m2

    @property
    def land_share(self) -> float:
        return self.land_m2 / self.area_m2 if self.area_m2 > 0 else 0.0

    def _of_land(self, value: float) -> float | None:
        return None if self.all_water else value / self.land_m2

    @property
    def eco_ratio(self) -> float | None:
        return self._of_land(self.eco_m2)

    @property
    def built_ratio(self) -> float | None:
        return self._of_land(self.built_m2)

    @property
    def largest_patch_ratio(self) -> float | None:
        return self._of_land(self.largest_patch_m2)


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
        water_m2=min(float(areas[land.is_water[idx]].sum()), area),
        n_patches=len(patches),
        largest_patch_m2=max((p.area for p in patches), default=0.0),
        eco_geom=eco_geom,
    )
