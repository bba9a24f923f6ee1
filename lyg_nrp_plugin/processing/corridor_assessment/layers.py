"""Read the layers of ``corridor_assessment`` into what :mod:`...core.transects` assesses."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsProcessingContext

from ...core import corridors as cc
from ...core import landuse
from ...core import transects as tx
from ...core.geometry import non_empty_mask
from ...translate import tr
from ..io.read import GeometryTable, read_source
from .inputs import AssessmentInputs, Layer

KINDS = (cc.KIND_RIVER, cc.KIND_BELT, cc.KIND_VEIN)


@dataclass
class Layers:
    corridors: list[tx.CorridorInput]
    land: tx.LandUse
    projects: tx.ProjectIndex | None
    n_repaired: int  # invalid geometries repaired, over all inputs


def read(layer: Layer, inputs: AssessmentInputs, context, feedback, **options) -> GeometryTable:
    """:func:`read_source` of an input layer in the analysis CRS."""
    return read_source(layer.source, layer.label, inputs.crs, context, feedback, **options)


def read_layers(inputs: AssessmentInputs, context: QgsProcessingContext, feedback) -> Layers:
    """Corridors (with their axes), land-use parcels and projects, in the analysis CRS."""
    corridors, n_corridors = read_corridors(inputs, context, feedback)
    n_axes = read_axes(inputs, corridors, context, feedback)
    land, n_land = read_land(inputs, context, feedback)
    projects, n_projects = read_project_index(inputs, context, feedback)
    return Layers(corridors, land, projects, n_corridors + n_axes + n_land + n_projects)


def read_corridors(
    inputs: AssessmentInputs, context: QgsProcessingContext, feedback
) -> tuple[list[tx.CorridorInput], int]:
    """The corridors with a geometry; the id is the feature id when corridor_id is empty, an
    unknown kind counts as river (warned)."""
    layer, wanted = inputs.corridors, inputs.corridor_fields
    table = read(layer, inputs, context, feedback, fields=wanted, progress=(0, 5))

    def column(name: str) -> list:
        return table.column(name) if name in wanted else [None] * len(table)

    corridors = []
    unknown_kind = 0
    for geom, fid, cid, name, kind in zip(
        table.geoms, table.fids, column("corridor_id"), column("name"), column("kind")
    ):
        if geom is None or geom.is_empty:
            continue
        kind = str(kind).strip().lower() if kind is not None else ""
        if kind not in KINDS:
            unknown_kind += 1
            kind = cc.KIND_RIVER
        corridors.append(
            tx.CorridorInput(
                str(cid) if cid not in (None, "") else str(fid),
                "" if name is None else str(name),
                kind,
                geom,
            )
        )
    if unknown_kind:
        feedback.pushWarning(
            tr(
                "{layer}: {n} corridors have no kind river/belt/vein; they are assessed as rivers."
            ).format(layer=layer.label, n=unknown_kind)
        )
    return corridors, table.stats.n_repaired


def read_axes(
    inputs: AssessmentInputs,
    corridors: list[tx.CorridorInput],
    context: QgsProcessingContext,
    feedback,
) -> int:
    """Give each corridor its axis (the lines of the same corridor_id or name, merged; by name,
    an alias counts as its canonical name on either side)."""
    layer, key = inputs.axes, inputs.axis_key
    if layer.source is None:
        return 0
    table = read(layer, inputs, context, feedback, fields=[key], dimension=1, progress=(5, 8))

    def match(value) -> str:
        return str(value) if key == "corridor_id" else cc.canonical(value, inputs.aliases)

    groups: dict[str, list] = {}
    for value, geom in zip(table.column(key), table.geoms):
        if geom is not None and not geom.is_empty and value is not None and match(value):
            groups.setdefault(match(value), []).append(geom)  # a blank name names nothing
    axis_of = {k: cc.merge_lines(v) for k, v in groups.items()}
    for corridor in corridors:
        corridor.axis = axis_of.get(
            match(corridor.corridor_id if key == "corridor_id" else corridor.name)
        )
    return table.stats.n_repaired


def read_land(
    inputs: AssessmentInputs, context: QgsProcessingContext, feedback
) -> tuple[tx.LandUse, int]:
    """The parcels with their classes; DLBM values that are not 三调 codes are warned."""
    feedback.pushInfo(tr("Reading land-use parcels…"))
    layer, dlbm = inputs.landuse, inputs.dlbm_field
    table = read(layer, inputs, context, feedback, fields=[dlbm], progress=(8, 30))
    land = tx.LandUse.build(table.geoms, table.column(dlbm), inputs.eco)
    unknown = sum(1 for c in set(land.codes) if not landuse.is_known(c))
    if unknown:
        feedback.pushWarning(
            tr(
                "{layer}: {n} distinct DLBM values are not 三调 codes; "
                "those parcels count as neither ecological nor built."
            ).format(layer=layer.label, n=unknown)
        )
    return land, table.stats.n_repaired


def read_project_index(
    inputs: AssessmentInputs, context: QgsProcessingContext, feedback
) -> tuple[tx.ProjectIndex | None, int]:
    """The projects with a geometry, named by the id field or else by the feature id."""
    layer, id_field = inputs.projects, inputs.project_id_field
    if layer.source is None:
        return None, 0
    fields = [id_field] if id_field else []
    table = read(layer, inputs, context, feedback, fields=fields, progress=(30, 32))
    keep = non_empty_mask(table.geoms)
    raw_ids = table.column(id_field) if id_field else list(table.fids)
    ids = [str(v) if v is not None else str(f) for v, f, k in zip(raw_ids, table.fids, keep) if k]
    return tx.ProjectIndex.build(table.geoms[keep], ids), table.stats.n_repaired
