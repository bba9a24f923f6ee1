"""One corridor assessed: composition, transects, breaks, projects inside, grade."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely

from ..corridors import KIND_VEIN, longest_internal_axis
from ..geometry import dissolve
from ..progress import Progress, check
from .breaks import Break, find_breaks
from .cutting import Transects, make_transects, measure_transects
from .grades import GradeRule, grade
from .land import MIN_LAND_SHARE, AreaStats, LandUse, area_stats

NOT_GRADED_WATER = "water"  # grade_reason: (almost) no land beside the water


@dataclass
class Assessment:
    """Everything ``corridor_assessment`` reports about one corridor."""

    stats: AreaStats
    transects: Transects
    breaks: list[Break]
    project_m2: float = 0.0
    axis: shapely.Geometry | None = None

    @property
    def n_transects(self) -> int:
        return len(self.transects)

    @property
    def measured(self) -> np.ndarray:
        """The transects crossing land beside the water (widths and continuity use these)."""
        t = self.transects
        return t.has_land if len(t) else np.zeros(0, dtype=bool)

    @property
    def mean_eco_width(self) -> float | None:
        m = self.measured
        return float(self.transects.eco_width[m].mean()) if m.any() else None

    @property
    def min_eco_width(self) -> float | None:
        m = self.measured
        return float(self.transects.eco_width[m].min()) if m.any() else None

    @property
    def continuity(self) -> float | None:
        m = self.measured
        if not m.any():
            return None
        return 1.0 - float(self.transects.is_break[m].sum()) / float(m.sum())


def assess(
    polygon: shapely.Geometry,
    axis: shapely.Geometry | None,
    land: LandUse,
    spacing: float,
    min_eco_width: float,
    break_built_share: float,
    projects: shapely.Geometry | None = None,
    with_transects: bool = True,
    progress: Progress | None = None,
) -> Assessment:
    """Assess one corridor polygon (see the package doc); raises ``Canceled`` when asked."""
    stats = area_stats(polygon, land)
    transects = make_transects(
        polygon, axis if with_transects and axis is not None else shapely.LineString(), spacing
    )
    breaks: list[Break] = []
    if len(transects):
        check(progress)
        measure_transects(transects, land, min_eco_width, break_built_share)
        breaks = find_breaks(polygon, axis, transects, land, break_built_share)
    project_m2 = 0.0
    if projects is not None and not projects.is_empty:
        project_m2 = float(shapely.intersection(projects, polygon).area)
    return Assessment(stats, transects, breaks, project_m2, axis)


# --- a corridor of the assessment, from its polygon to its grade ------------------------------


@dataclass
class CorridorInput:
    """One corridor to assess: id, name, kind (river / belt / vein), polygon, given axis."""

    corridor_id: str
    name: str
    kind: str
    polygon: shapely.Geometry
    axis: shapely.Geometry | None = None

    @property
    def has_axis(self) -> bool:
        return self.axis is not None and not self.axis.is_empty

    @property
    def needs_axis(self) -> bool:
        """A river or belt without an axis: one is derived from its polygon."""
        return self.kind != KIND_VEIN and not self.has_axis


@dataclass
class ProjectIndex:
    """Project polygons: their union (area inside a corridor) and a tree (who touches a break)."""

    geoms: np.ndarray
    ids: list[str]
    union: shapely.Geometry
    tree: shapely.STRtree

    @classmethod
    def build(cls, geoms: np.ndarray, ids: Sequence[str]) -> ProjectIndex:
        return cls(geoms, list(ids), dissolve(geoms), shapely.STRtree(geoms))

    def touching(self, polygon: shapely.Geometry) -> list[str]:
        """Ids of the projects that intersect ``polygon``, in input order."""
        if polygon.is_empty:
            return []
        hits = self.tree.query(polygon, predicate="intersects")
        return [self.ids[h] for h in sorted(hits)]


@dataclass
class CorridorResult:
    """A corridor, the axis it was assessed along and where that came from, and its grade."""

    corridor: CorridorInput
    axis: shapely.Geometry | None
    axis_source: str  # "input", "derived" or "none"
    assessment: Assessment
    grade: str
    grade_zh: str
    touching: list[list[str]] = field(default_factory=list)  # project ids per break
    not_graded: str = ""  # why there is no grade ("" = graded; NOT_GRADED_WATER)

    @property
    def breaks(self) -> list[Break]:
        return self.assessment.breaks

    def metrics(self) -> dict[str, float | None]:
        """What the grade table constrains (see :data:`.grades.CRITERIA`)."""
        a = self.assessment
        return {
            "continuity": a.continuity,
            "eco_ratio": a.stats.eco_ratio,
            "built_ratio": a.stats.built_ratio,
            "mean_eco_width_m": a.mean_eco_width,
            "largest_patch_ratio": a.stats.largest_patch_ratio,
        }


def assess_corridor(
    corridor: CorridorInput,
    land: LandUse,
    spacing: float,
    min_eco_width: float,
    break_built_share: float,
    rules: Sequence[GradeRule],
    projects: ProjectIndex | None = None,
    progress: Progress | None = None,
) -> CorridorResult:
    """Assess and grade one corridor. A river or belt without an axis is assessed along the
    longest internal axis of its polygon (``axis_source`` "derived"); a vein has no transects."""
    axis = corridor.axis
    source = "input" if corridor.has_axis else "none"
    if corridor.needs_axis:
        axis = longest_internal_axis(corridor.polygon)
        source = "derived" if not axis.is_empty else "none"
    assessment = assess(
        corridor.polygon,
        axis,
        land,
        spacing,
        min_eco_width,
        break_built_share,
        projects.union if projects is not None else None,
        with_transects=corridor.kind != KIND_VEIN,
        progress=progress,
    )
    result = CorridorResult(corridor, axis, source, assessment, "", "")
    if assessment.stats.land_share < MIN_LAND_SHARE:
        result.not_graded = NOT_GRADED_WATER  # its water alone would grade it
    else:
        result.grade, result.grade_zh = grade(corridor.kind, result.metrics(), rules)
    result.touching = [
        projects.touching(b.polygon) if projects is not None else [] for b in assessment.breaks
    ]
    return result
