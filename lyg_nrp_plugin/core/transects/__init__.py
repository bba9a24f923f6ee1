"""Corridor assessment: land-use composition, transects, breaks (断点) and fragmentation.

Definitions (planar, metres, one corridor at a time — overlapping corridors never share
results):

* **Water surface** — 1101 河流水面, 1102 湖泊水面, 1103 水库水面 (``water_m2``): the river
  itself. The corridor is measured on the **land beside the water** (``land_m2`` = area −
  water): ``eco_ratio`` = eco_m2 / land_m2, likewise ``built_ratio`` and
  ``largest_patch_ratio``; all None when the corridor is all water, and a corridor with less
  than ``MIN_LAND_SHARE`` (1 %) of land is not graded (its water alone would grade it).
* **Ecological land** — parcels whose DLBM passes :class:`EcoClasses` (default 林地, 草地,
  湿地 and 水域 except 1109 水工建筑用地, 1107 沟渠 and 1104A 养殖坑塘), never the water surface.
  **Built land** — ``landuse.is_built``; **farmland** — ``landuse.is_farmland``.
* **Transects** — the axis (every part of a multi-part axis on its own) is cut into cells of
  length ``spacing`` from its start (the last cell is shorter); one transect per cell at the
  cell's centre, perpendicular to the axis there (tangent from the axis points ``δ`` before and
  after, ``δ = min(spacing/4, 5 m)``). The transect is a segment long enough to cross the
  corridor, intersected with the corridor; of the pieces the one containing the axis point is
  kept, or, if the axis point lies outside the corridor (a coastline just off the land
  boundary), the nearest piece within half the reach. A transect with no such piece is dropped.
* **Eco width** of a transect = its length inside ecological land (measured from the banks:
  the water surface never counts); **built share** = its length inside built land / its
  length beside the water. A transect is a **break** when eco width < ``min_eco_width`` or
  built share >= ``break_built_share``; a transect all on water is no break and is left out of
  the mean width and the continuity.
* **Breaks** — each run of consecutive break transects (same axis part) is one break; it covers
  the cells of its transects, i.e. the axis stretch from the first cell's start to the last
  cell's end (the midpoints to the neighbouring transects); ``length_m`` is that axis length,
  so for a built block crossing the whole corridor ``length_m`` = (number of transect centres
  inside the block) × spacing, within one spacing of the block's width. Its polygon is the part
  of the corridor within that stretch (the corridor ∩ the stretch buffered with flat ends,
  keeping the pieces that touch the stretch).
* **Fragmentation** — ecological land inside the corridor dissolved into patches (parts
  touching along an edge merge; parts touching at a point stay separate): ``n_patches`` and
  ``largest_patch_ratio`` = largest patch area / corridor area (the landscape ecology LPI).

Parcels are found with an ``STRtree`` and intersected in vectorised shapely calls, never in a
Python loop over parcels. No qgis import.

Modules: :mod:`.eco` (ecological classes), :mod:`.land` (parcels, composition),
:mod:`.cutting` (transects), :mod:`.breaks`, :mod:`.grades`, :mod:`.assess` (one corridor).
"""

from .assess import (
    NOT_GRADED_WATER,
    Assessment,
    CorridorInput,
    CorridorResult,
    ProjectIndex,
    assess,
    assess_corridor,
)
from .breaks import Break, break_runs, find_breaks, stretch_polygon
from .cutting import Transects, axis_parts, corridor_reach, make_transects, measure_transects
from .eco import DEFAULT_ECO_CLASSES, EcoClasses, parse_eco_classes
from .grades import CRITERIA, GRADE_CODES, GradeRule, grade, load_grade_rules
from .land import (
    MIN_LAND_SHARE,
    WATER_SURFACE_CODES,
    AreaStats,
    LandUse,
    area_stats,
    clip_parcels,
    is_water_surface,
)

__all__ = [
    "CRITERIA",
    "DEFAULT_ECO_CLASSES",
    "GRADE_CODES",
    "MIN_LAND_SHARE",
    "NOT_GRADED_WATER",
    "WATER_SURFACE_CODES",
    "AreaStats",
    "Assessment",
    "Break",
    "CorridorInput",
    "CorridorResult",
    "EcoClasses",
    "GradeRule",
    "LandUse",
    "ProjectIndex",
    "Transects",
    "area_stats",
    "assess",
    "assess_corridor",
    "axis_parts",
    "break_runs",
    "clip_parcels",
    "corridor_reach",
    "find_breaks",
    "grade",
    "is_water_surface",
    "load_grade_rules",
    "make_transects",
    "measure_transects",
    "parse_eco_classes",
    "stretch_polygon",
]
