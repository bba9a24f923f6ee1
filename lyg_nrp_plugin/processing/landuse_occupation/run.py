"""One occupation analysis: read the projects and the parcels near them, intersect them
(``core.overlay``), count overlapping parcels once (``core.overlaps``), measure the pieces,
net them (KCXS in the layer's unit, or TBDLMJ pro rata) and sum them up by land class
(``core.occupation``). :class:`OccupationRun` carries everything the outputs, the report and
the review sheet need."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from qgis.core import QgsProcessingContext

from ...core import overlay
from ...core.geometry import RepairStats, non_empty_mask
from ...core.landuse import is_farmland
from ...core.occupation import Occupation, net_from_kcxs, net_from_official, occupation
from ...core.overlaps import deduplicate, is_coverage_by_group
from ...core.progress import Progress
from ...translate import tr
from ..io.near import near_subset
from ..io.projects import Projects, read_projects
from ..io.read import GeometryTable, read_attributes, read_geometries, read_geometries_near
from ..measure import area_function
from ..pushdown import Pushdown
from .inputs import OccupationInputs
from .parcels import (
    ParcelOverlap,
    invalid_kcxs_warning,
    kcxs_message,
    listed,
    overlap_warning,
    read_layer_kcxs,
    read_official,
)


@dataclass
class OccupationRun:
    inputs: OccupationInputs
    projects: Projects
    names: list  # project name of each project (None without a name field)
    parcels: GeometryTable  # the parcels read (near the projects)
    pieces: overlay.Pieces  # project ∩ parcel, overlaps counted once; ``left``: the project
    gross: np.ndarray  # gross area of every piece
    result: Occupation
    grades: list | None  # GDDB of every piece (None without a grade field)
    slopes: list | None  # GDPDJB of every piece
    hit_parcels: np.ndarray  # the parcels a project overlaps
    parcel_classes: np.ndarray  # their first-level class
    warnings: list[str]
    notes: list[str] = field(default_factory=list)  # how values were read (log and report)
    overlaps: list[ParcelOverlap] = field(default_factory=list)
    farmland_stats: RepairStats | None = None

    @property
    def n(self) -> int:
        return len(self.projects.geoms)

    @property
    def farm_total(self) -> float:
        """Occupied cultivated land (net m²) of all projects."""
        return float(sum(v["farm_m2"] for v in self.result.summary.values()))

    def label(self, j: int) -> str:
        name = self.names[j]
        return str(name) if name not in (None, "") else str(self.projects.ids[j])


def unknown_code_warning(result: Occupation) -> str | None:
    if not result.unknown_codes:
        return None
    none = tr("(none)")
    codes = sorted(result.unknown_codes.items())
    listed = ", ".join(f"{code or none} ({n})" for code, n in codes)
    return tr("Unknown land-use codes counted under 未知: {codes}").format(codes=listed)


def bad_grade_warning(result: Occupation, ids: list, inputs: OccupationInputs) -> str | None:
    if not result.bad_grades:
        return None
    named = sorted({ids[k] for k in result.bad_grades}, key=str)
    return tr(
        "{layer}: {n} cultivated-land parcels under the projects have a {field} that is not a "
        "grade; they are left out of the weighted grade: {ids}."
    ).format(layer=inputs.parcels_label, n=len(named), field=inputs.grade_field, ids=listed(named))


def read_parcels(inputs: OccupationInputs, projects: Projects, context, feedback, engine) -> tuple:
    """The parcels near the projects (the rows the database streams back, the rows of a file
    chosen in numpy, or a materialised subset of a large layer) and their geometries (10–40 %
    of the progress bar)."""
    if engine is not None:
        fields = inputs.parcel_fields
        return None, engine.near("LANDUSE", inputs.parcels, inputs.parcels_label, fields)
    args = (inputs.parcels_label, inputs.crs, context, feedback, projects.geoms, 2, (10, 40))
    table = read_geometries_near(inputs.parcels, *args)  # file-based: Arrow, chosen in numpy
    if table is not None:
        _say_near(inputs, len(table), feedback)
        return inputs.parcels, table
    near = near_subset(
        inputs.parcels, projects.geoms, inputs.crs, context, feedback, inputs.parcel_fields
    )
    if near is not inputs.parcels:
        _say_near(inputs, near.featureCount(), feedback)
    table = read_geometries(near, inputs.parcels_label, inputs.crs, context, feedback, 2, (10, 40))
    return near, table


def _say_near(inputs: OccupationInputs, n: int, feedback) -> None:
    total = inputs.parcels.featureCount()
    if n < total:
        feedback.pushInfo(
            tr("{layer}: {n} of {total} parcels lie near a project and are read.").format(
                layer=inputs.parcels_label, n=n, total=total
            )
        )


def counted_once(pieces, keys, ids_of, area) -> tuple:
    """The pieces with overlapping parcels of one project counted once (the lower fid keeps
    the overlap), the overlaps found, and the mask of the pieces left."""
    dedup = deduplicate(pieces.geoms, keys, pieces.left)
    found = []
    if dedup.overlaps:
        areas = area(np.array([o.geometry for o in dedup.overlaps], dtype=object))
        for o, a in zip(dedup.overlaps, areas.tolist()):
            kept = tuple(ids_of(int(k)) for k in o.earlier)
            found.append(ParcelOverlap(int(pieces.left[o.index]), ids_of(o.index), kept, a))
    keep = non_empty_mask(dedup.geoms)
    trimmed = overlay.Pieces(pieces.left[keep], pieces.right[keep], dedup.geoms[keep])
    return trimmed, found, keep


def areas_of(geoms: np.ndarray, area) -> np.ndarray:
    out = np.zeros(len(geoms))
    present = non_empty_mask(geoms) if len(geoms) else np.zeros(0, bool)
    if present.any():
        out[present] = area(geoms[present])
    return out


def farmland_share(inputs, projects, pieces, farm, gross, net, context, feedback, area, engine):
    """Net area of each 耕地 piece inside 永久基本农田, and the layer's repair counts (None,
    None without the layer)."""
    if inputs.farmland is None:
        return None, None
    args = (inputs.farmland_label, inputs.crs, context, feedback)
    if engine is not None:
        table = engine.near("FARMLAND", inputs.farmland, inputs.farmland_label)
    else:
        table = read_geometries_near(inputs.farmland, *args, projects.geoms)
    if table is None:
        near = near_subset(inputs.farmland, projects.geoms, inputs.crs, context, feedback)
        table = read_geometries(near, *args)
    inside = np.zeros(len(gross))
    chosen = np.flatnonzero(farm)
    if len(chosen):
        within = overlay.overlap_area_per_project(
            pieces.geoms[chosen], table.geoms[non_empty_mask(table.geoms)], area
        )
        share = np.zeros(len(chosen))
        positive = gross[chosen] > 0
        share[positive] = within[positive] / gross[chosen][positive]
        inside[chosen] = net[chosen] * np.minimum(share, 1.0)
    return inside, table.stats


@dataclass
class Hit:
    """The parcels the projects overlap: their attributes and how warnings name them."""

    index: np.ndarray  # into the parcels read
    columns: dict[str, list]
    ids: list


def net_areas(inputs: OccupationInputs, hit: Hit, inverse, gross, whole) -> tuple:
    """Net area of every piece (KCXS in the layer's unit, then TBDLMJ pro rata where given),
    the notes on how values were read and the warnings."""
    notes, warnings, kcxs = [], [], None
    label = inputs.parcels_label
    if inputs.kcxs_field:
        read = read_layer_kcxs(inputs.parcels, inputs.kcxs_field, hit.columns[inputs.kcxs_field])
        kcxs = read.fractions[inverse]
        notes.append(kcxs_message(read, label, inputs.kcxs_field))
        warnings.append(invalid_kcxs_warning(read, hit.ids, label, inputs.kcxs_field))
    net = net_from_kcxs(gross, kcxs)
    if inputs.area_field:
        values = hit.columns[inputs.area_field]
        official, text = read_official(values, hit.ids, label, inputs.area_field)
        net = net_from_official(gross, whole[inverse], official[inverse], net)
        warnings.append(text)
    return net, notes, warnings


def overlay_parcels(inputs, projects, context, feedback, engine) -> tuple:
    """The pieces project ∩ parcel (overlaps counted once), the parcels read, the hit parcels
    and, per piece, its hit parcel."""
    progress = Progress(feedback)
    near, parcels = read_parcels(inputs, projects, context, feedback, engine)
    progress.check()
    present = np.nonzero(non_empty_mask(parcels.geoms))[0]
    pieces = overlay.intersect_pairs(
        projects.geoms, parcels.geoms[present], 2, progress=progress.sub(0.4, 0.65)
    )
    index, inverse = np.unique(present[pieces.right], return_inverse=True)
    if near is None:  # pushed down: the attributes came with the rows
        columns = {f: [parcels.column(f)[i] for i in index.tolist()] for f in inputs.parcel_fields}
    else:
        columns = read_attributes(near, parcels.fids[index], inputs.parcel_fields, feedback)
    id_field = inputs.parcel_id_field
    ids = columns[id_field] if id_field else parcels.fids[index].tolist()
    hit = Hit(index, columns, [int(i) if isinstance(i, np.integer) else i for i in ids])
    area = area_function(inputs.method, inputs.crs, context)
    # the parcels under each project do not overlap: nothing is counted twice
    if is_coverage_by_group(parcels.geoms[present], pieces.left, pieces.right):
        return parcels, pieces, hit, inverse, [], area
    keys = parcels.fids[index][inverse]
    pieces, overlaps, keep = counted_once(pieces, keys, lambda k: hit.ids[inverse[k]], area)
    return parcels, pieces, hit, inverse[keep], overlaps, area


def run_occupation(
    inputs: OccupationInputs,
    context: QgsProcessingContext,
    feedback,
    engine: Pushdown | None = None,
) -> OccupationRun:
    progress = Progress(feedback)
    args = (inputs.source, inputs.label, inputs.id_field, inputs.crs, context, feedback)
    projects = read_projects(*args, (0, 10))
    name_fields = [inputs.name_field] if inputs.name_field else []
    names = read_attributes(inputs.source, projects.fids, name_fields, feedback)
    names = names.get(inputs.name_field) or [None] * len(projects.geoms)
    parcels, pieces, hit, inverse, overlaps, area = overlay_parcels(
        inputs, projects, context, feedback, engine
    )
    progress.set(0.7)
    gross = area(pieces.geoms) if len(pieces) else np.zeros(0)
    whole = areas_of(parcels.geoms[hit.index], area)
    net, notes, warnings = net_areas(inputs, hit, inverse, gross, whole)
    progress.set(0.8)

    def column(name: str) -> list | None:
        return [hit.columns[name][i] for i in inverse.tolist()] if name else None

    grades, slopes, codes = (
        column(f) for f in (inputs.grade_field, inputs.slope_field, inputs.dlbm_field)
    )
    farm = np.array([is_farmland(c) for c in codes], dtype=bool)
    inside, farm_stats = farmland_share(
        inputs, projects, pieces, farm, gross, net, context, feedback, area, engine
    )
    args = (pieces.left, codes, gross, len(projects.geoms), net, grades, inputs.saltpans, inside)
    result = occupation(*args)
    warnings += [
        unknown_code_warning(result),
        bad_grade_warning(result, [hit.ids[i] for i in inverse.tolist()], inputs),
        overlap_warning(overlaps, inputs.parcels_label),
    ]
    warnings = [w for w in warnings if w]
    for text in notes:
        feedback.pushInfo(text)
    for text in warnings:
        feedback.pushWarning(text)
    used, first_piece = np.unique(inverse, return_index=True)
    hit_geoms, classes = parcels.geoms[hit.index][used], result.classes[first_piece]
    return OccupationRun(
        inputs,
        projects,
        names,
        parcels,
        pieces,
        gross,
        result,
        grades,
        slopes,
        hit_geoms,
        classes,
        warnings,
        notes,
        overlaps,
        farm_stats,
    )
