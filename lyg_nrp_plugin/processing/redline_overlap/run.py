"""One red-line check: read the projects and controls, overlay (``core.redline``), measure,
classify the projects, judge by the rule matrix, check the farmland reserve.
:class:`RedlineRun` carries everything the outputs, the report and the review sheet need."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsProcessingContext

from ...core import redline, redline_zones
from ...core.geometry import RepairStats, non_empty_mask
from ...core.progress import Progress
from ...core.project_classes import ProjectClass, classify_all
from ...core.redline_notes import Facts, project_notes
from ...core.redline_rules import LINEAR_CONTROLS, MIN_LENGTH_M, Verdict
from ...core.reserve import ReserveCheck, reserve_check
from ...translate import tr
from ..io.near import near_subset
from ..io.projects import Projects, read_projects
from ..io.read import GeometryTable, read_attributes, read_source
from ..measure import area_function, length_function
from ..pushdown import Pushdown
from .inputs import RedlineInputs

READ_SHARE = 0.4  # of the progress bar: reading; then overlaying up to 80 %, measuring to 85 %
TIER_READERS = {
    "pa": redline_zones.pa_zones,
    "marine": redline_zones.marine_zones,
    "coast": redline_zones.coast_classes,
}


@dataclass
class RedlineRun:
    inputs: RedlineInputs
    projects: Projects
    names: list  # project name of each project (None without a name field)
    classes: list[ProjectClass]
    reclaim: np.ndarray  # per project: 用海方式 is (or is read as) 围填海
    stats: dict[str, RepairStats]  # "projects" and each layer key
    backdrop: dict[str, np.ndarray]  # the control geometries overlaid, for maps
    proj_m2: np.ndarray
    overlaps: dict[str, np.ndarray]  # piece key -> the piece of each project
    amounts: dict[str, np.ndarray | None]  # per piece key; None when not checked
    verdicts: list[Verdict]
    counts: dict[str, int]  # FAIL / REVIEW / PASS
    conflict_rows: list[tuple]  # (project index, control, control_zh, level, m², ha, mu, m)
    conflict_geoms: list
    reserve: ReserveCheck | None = None

    @property
    def n(self) -> int:
        return len(self.projects.geoms)

    def checked(self) -> list[str]:
        """The piece keys that were checked, in the order of the result fields."""
        return [k for k in redline.PIECE_KEYS if self.amounts[k] is not None]

    def label(self, j: int) -> str:
        """How lists name project ``j``: its name, else its id."""
        name = self.names[j]
        return str(name) if name not in (None, "") else str(self.projects.ids[j])


def read_table(inputs, key, control, projects, context, feedback, part, engine) -> GeometryTable:
    """A layer near the projects (the whole reserve), with its fields; read by the database
    when pushed down."""
    whole = key == "reserve"
    if engine is not None:
        read = engine.whole if whole else engine.near
        args = (control.parameter, control.source, control.label, control.names)
        return read(*args, 1 if key == "coast" else 2)
    near = control.source
    if not whole:
        near = near_subset(
            control.source, projects.geoms, inputs.crs, context, feedback, control.names
        )
    dimension = 1 if key == "coast" else 2
    args = (near, control.label, inputs.crs, context, feedback, control.names, dimension, part)
    return read_source(*args)


def read_layers(inputs, projects, context, feedback, engine=None) -> dict[str, GeometryTable]:
    layers = {**inputs.controls, **inputs.auxiliary}
    span = 100 * READ_SHARE / (1 + len(layers))
    tables = {}
    for i, (key, control) in enumerate(layers.items(), start=1):
        Progress(feedback).check()
        part = (i * span, (i + 1) * span)
        args = (control, projects, context, feedback, part, engine)
        tables[key] = read_table(inputs, key, *args)
    return tables


def build_layers(inputs: RedlineInputs, tables: dict[str, GeometryTable]) -> dict:
    """The ``core.redline.Layer`` of every control (natural coastline only, when typed)."""
    layers: dict[str, redline.Layer] = {}
    for key in inputs.controls:
        table = tables[key]
        keep = non_empty_mask(table.geoms)
        control = inputs.controls[key]
        if key == "coast" and control.field("type"):
            keep &= redline_zones.value_mask(
                table.column(control.field("type")), inputs.coast_value
            )
        geoms = table.geoms[keep]
        tiers = None
        if key in TIER_READERS and (key != "coast" or control.field("zone")):
            values = table.column(control.field("zone")) if control.field("zone") else None
            values = [v for v, k in zip(values, keep) if k] if values is not None else None
            tiers = TIER_READERS[key](values, len(geoms))
        layers[key] = redline.Layer(geoms, tiers)
    if "udb" in layers and "land" in tables:
        land = tables["land"].geoms
        layers["udb"].land = land[non_empty_mask(land)]
    return layers


def project_facts(inputs, projects, columns, layers, measure) -> tuple[Facts, np.ndarray]:
    """The class of every project, its 用海方式, and the unknown zones it occupies."""
    n = len(projects.geoms)
    classes = classify_all(columns.get(inputs.class_field), inputs.class_table, n)
    reclaim, unknown_use = redline_zones.reclamation(columns.get(inputs.sea_use_field), n)
    facts = Facts(classes, bool(inputs.class_field), sea_use_field=bool(inputs.sea_use_field))
    facts.sea_use_unknown = unknown_use
    for key in ("pa", "marine", "coast"):
        if key in layers and (key != "coast" or layers[key].tiers is not None):
            facts.zone_fields[key] = bool(inputs.control_field(key))
            if not facts.zone_fields[key]:
                continue
            linear = key == "coast"
            threshold = MIN_LENGTH_M if linear else inputs.min_area
            facts.unknown[key] = redline.unknown_values_touched(
                projects.geoms, layers[key], measure[linear], threshold, 1 if linear else 2
            )
    return facts, reclaim


def occupied(amounts: dict, j: int, min_area: float) -> dict[str, bool]:
    """Which piece keys project ``j`` occupies (from the threshold)."""
    out = {}
    for key, values in amounts.items():
        if values is not None:
            threshold = MIN_LENGTH_M if key in LINEAR_CONTROLS else min_area
            out[key] = bool(values[j] >= threshold and values[j] > 0)
    return out


def check_reserve(inputs, tables, layers, projects, amounts, verdicts, measure) -> ReserveCheck:
    """The reserve against the 永久基本农田 of the projects allowed to occupy it (REVIEW)."""
    reserve = inputs.auxiliary["reserve"]
    table = tables["reserve"]
    farm = tables["farm"]
    need = np.array(["farm" in v.levels and v.levels["farm"] == "REVIEW" for v in verdicts])
    grade_field, farm_grade = reserve.field("grade"), inputs.control_field("farm", "grade")
    keep = non_empty_mask(farm.geoms)
    farm_grades = [g for g, k in zip(farm.column(farm_grade), keep) if k] if farm_grade else None
    return reserve_check(
        table.geoms,
        table.column(grade_field) if grade_field else None,
        projects.geoms,
        need,
        amounts["farm"],
        layers["farm"].geoms,
        farm_grades,
        measure,
    )


def run_check(
    inputs: RedlineInputs, context: QgsProcessingContext, feedback, engine: Pushdown | None = None
) -> RedlineRun:
    progress = Progress(feedback)
    n_layers = len(inputs.controls) + len(inputs.auxiliary)
    span = 100 * READ_SHARE / (1 + n_layers)
    args = (inputs.source, inputs.label, inputs.id_field, inputs.crs, context, feedback)
    projects = read_projects(*args, (0, span))
    columns = read_attributes(inputs.source, projects.fids, inputs.project_fields, feedback)
    tables = read_layers(inputs, projects, context, feedback, engine)
    feedback.pushInfo(
        tr("{n} projects read; overlaying with {k} control layers.").format(
            n=len(projects.geoms), k=len(inputs.controls)
        )
    )
    layers = build_layers(inputs, tables)
    overlaps = redline.control_overlaps(projects.geoms, layers, progress.sub(READ_SHARE, 0.8))
    area = area_function(inputs.method, inputs.crs, context)
    length = length_function(inputs.method, inputs.crs, context)
    proj_m2 = redline.measured(projects.geoms, area)
    amounts = redline.control_amounts(overlaps, area, length)
    progress.set(0.85)
    facts, reclaim = project_facts(inputs, projects, columns, layers, {False: area, True: length})
    codes = [c.code for c in facts.classes]
    notes = [
        project_notes(j, facts, occupied(amounts, j, inputs.min_area)) for j in range(len(codes))
    ]
    verdicts = redline.verdicts(amounts, inputs.rules, inputs.min_area, codes, reclaim, notes)
    rows, pieces = redline.conflict_pieces(
        overlaps, amounts, verdicts, inputs.rules, codes, reclaim
    )
    reserve = None
    if "reserve" in inputs.auxiliary and "farm" in layers:
        reserve = check_reserve(inputs, tables, layers, projects, amounts, verdicts, area)
        if reserve.bad_grades:
            feedback.pushWarning(
                tr(
                    "{n} grade values of the farmland or the reserve are negative or not "
                    "numbers; they are left out of the weighted grades."
                ).format(n=reserve.bad_grades)
            )
    progress.set(0.9)
    stats = {"projects": projects.table.stats, **{k: t.stats for k, t in tables.items()}}
    backdrop = {k: layer.geoms for k, layer in layers.items()}
    names = columns.get(inputs.name_field) or [None] * len(codes)
    return RedlineRun(
        inputs,
        projects,
        names,
        facts.classes,
        reclaim,
        stats,
        backdrop,
        proj_m2,
        overlaps,
        amounts,
        verdicts,
        redline.verdict_counts(verdicts),
        rows,
        pieces,
        reserve,
    )
