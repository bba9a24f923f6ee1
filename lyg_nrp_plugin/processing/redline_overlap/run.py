"""One red-line check: read the projects and controls, overlay (``core.redline``), measure,
judge. :class:`RedlineRun` carries everything the outputs and the report need."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsProcessingContext

from ...core import redline
from ...core.geometry import RepairStats, non_empty_mask
from ...core.progress import Progress
from ...core.redline_rules import Verdict
from ...translate import tr
from ..io.near import near_subset
from ..io.projects import Projects, read_projects
from ..io.read import GeometryTable, read_geometries, read_source
from ..measure import area_function, length_function
from .inputs import RedlineInputs

READ_SHARE = 0.4  # of the progress bar: reading; then overlaying up to 80 %, measuring to 85 %


@dataclass
class RedlineRun:
    inputs: RedlineInputs
    projects: Projects
    stats: dict[str, RepairStats]  # "projects" and each control key
    backdrop: dict[str, np.ndarray]  # the control geometries overlaid, for the report map
    proj_m2: np.ndarray
    amounts: dict[str, np.ndarray | None]  # per control key; None when not checked
    verdicts: list[Verdict]
    counts: dict[str, int]  # FAIL / REVIEW / PASS
    conflict_rows: list[list]
    conflict_geoms: list

    @property
    def n(self) -> int:
        return len(self.projects.geoms)

    def checked(self) -> list[str]:
        """The control keys that were checked, in the order of the result fields."""
        return [k for k in redline.CONTROLS if self.amounts[k] is not None]


def read_controls(
    inputs: RedlineInputs, projects: Projects, context: QgsProcessingContext, feedback
) -> dict[str, GeometryTable]:
    """Each control layer (only the features near the projects of a large one), with its
    zone / coast type field when it has one."""
    span = 100 * READ_SHARE / (1 + len(inputs.controls))
    progress = Progress(feedback)
    tables = {}
    for i, (key, control) in enumerate(inputs.controls.items(), start=1):
        progress.check()
        fields = [control.field] if control.field else []
        near = near_subset(control.source, projects.geoms, inputs.crs, context, feedback, fields)
        dimension = 1 if key == "coast" else 2
        part = (i * span, (i + 1) * span)
        if fields:
            args = (near, control.label, inputs.crs, context, feedback, fields, dimension, part)
            tables[key] = read_source(*args)
        else:
            args = (near, control.label, inputs.crs, context, feedback, dimension, part)
            tables[key] = read_geometries(*args)
    progress.check()
    return tables


def control_geometries(
    inputs: RedlineInputs, tables: dict[str, GeometryTable]
) -> tuple[dict[str, np.ndarray], np.ndarray | None]:
    """The geometries to overlay per control (natural coastline only, when typed) and the
    core-zone mask of the protected areas (None without a zone field)."""
    geoms, core = {}, None
    for key, table in tables.items():
        ok = non_empty_mask(table.geoms)
        selected = table.geoms[ok]
        if key == "coast" and inputs.coast_field:
            natural = redline.value_mask(table.column(inputs.coast_field), inputs.coast_value)
            selected = selected[natural[ok]]
        if key == "pa" and inputs.zone_field:
            core = redline.core_zone_mask(table.column(inputs.zone_field))[ok]
        geoms[key] = selected
    return geoms, core


def run_check(inputs: RedlineInputs, context: QgsProcessingContext, feedback) -> RedlineRun:
    progress = Progress(feedback)
    span = 100 * READ_SHARE / (1 + len(inputs.controls))
    args = (inputs.source, inputs.label, inputs.id_field, inputs.crs, context, feedback)
    projects = read_projects(*args, (0, span))
    tables = read_controls(inputs, projects, context, feedback)
    feedback.pushInfo(
        tr("{n} projects read; overlaying with {k} control layers.").format(
            n=len(projects.geoms), k=len(inputs.controls)
        )
    )
    geoms, core = control_geometries(inputs, tables)
    overlaps = redline.control_overlaps(projects.geoms, geoms, core, progress.sub(READ_SHARE, 0.8))
    area = area_function(inputs.method, inputs.crs, context)
    proj_m2 = redline.measured(projects.geoms, area)
    length = length_function(inputs.method, inputs.crs, context)
    amounts = redline.control_amounts(overlaps, area, length)
    progress.set(0.85)
    n = len(projects.geoms)
    verdicts = redline.verdicts(amounts, inputs.rules, inputs.min_area, n)
    rows, pieces = redline.conflict_pieces(
        overlaps, amounts, projects.ids, inputs.rules, inputs.min_area
    )
    stats = {"projects": projects.table.stats, **{k: t.stats for k, t in tables.items()}}
    counts = redline.verdict_counts(verdicts)
    return RedlineRun(
        inputs, projects, stats, geoms, proj_m2, amounts, verdicts, counts, rows, pieces
    )
