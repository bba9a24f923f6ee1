"""Read the inputs of each corridor kind and build it with :mod:`...core.corridors`."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import QgsProcessingContext

from ...core import corridors as cc
from ...core.geometry import dissolve, non_empty_mask
from ...core.progress import Progress
from ...translate import tr
from ..io.read import read_source
from .inputs import BuildInputs


@dataclass
class Built:
    """What ``build_corridors`` made: the corridors, and the names not found in the rivers."""

    corridors: list[cc.Corridor] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def read_land(inputs: BuildInputs, context: QgsProcessingContext, feedback):
    """The dissolved land boundary in the analysis CRS, or None without one."""
    if inputs.boundary.source is None:
        return None
    table = read_source(
        inputs.boundary.source, inputs.boundary.label, inputs.crs, context, feedback
    )
    return dissolve(table.geoms)


def clip_all(corridors: list[cc.Corridor], land, feedback) -> list[cc.Corridor]:
    """Rivers and vein clipped to the land (the belt is built clipped); those left empty are
    dropped with a warning."""
    kept = []
    for corridor in corridors:
        if corridor.kind != cc.KIND_BELT:
            corridor.clip(land)
        if corridor.polygon.is_empty:
            feedback.pushWarning(
                tr(
                    "Corridor {id} {name} lies wholly outside the land boundary; not written."
                ).format(id=corridor.corridor_id, name=corridor.name)
            )
            continue
        if corridor.outside_m2 > 0 and corridor.kind != cc.KIND_BELT:
            feedback.pushInfo(
                tr(
                    "{id} {name}: {ha:,.2f} ha of its band lie outside the land boundary "
                    "(cut away)."
                ).format(
                    id=corridor.corridor_id, name=corridor.name, ha=corridor.outside_m2 / 10000
                )
            )
        kept.append(corridor)
    return kept


def build_all(inputs: BuildInputs, context: QgsProcessingContext, feedback) -> Built:
    """Belt, vein, then the rivers in the order of the names; raises ``Canceled``."""
    progress = Progress(feedback)
    built = Built()
    land = read_land(inputs, context, feedback)
    if inputs.coast.source is not None:
        built.corridors += build_belt(inputs, land, context, feedback)
    progress.set(0.20)
    if inputs.vein.source is not None:
        built.corridors += build_vein(inputs, context, feedback)
    progress.set(0.35)
    if inputs.rivers.source is not None:
        rivers, built.missing = build_rivers(inputs, context, feedback, Progress(feedback, 60, 95))
        built.corridors += rivers
    elif inputs.names:
        built.missing = list(inputs.names)
        feedback.pushWarning(
            tr("No river layer given: the river corridors {names} are not built.").format(
                names=", ".join(inputs.names)
            )
        )
    if land is not None:
        built.corridors = clip_all(built.corridors, land, feedback)
    return built


def build_belt(inputs: BuildInputs, land, context: QgsProcessingContext, feedback) -> list:
    feedback.pushInfo(tr("Building the coastal belt…"))
    coast_table = read_source(
        inputs.coast.source,
        inputs.coast.label,
        inputs.crs,
        context,
        feedback,
        dimension=1,
        progress=(0, 10),
    )
    lines = coast_table.geoms[non_empty_mask(coast_table.geoms)]
    polygon, axis = cc.coastal_belt(lines, land, inputs.coast_width, inputs.sea_width)
    if polygon.is_empty:
        feedback.pushWarning(
            tr("The coastal belt is empty: the coastline does not reach the land boundary.")
        )
        return []
    belt = cc.Corridor("BELT", cc.BELT_NAME, cc.KIND_BELT, inputs.coast_width, polygon, axis)
    belt.outside_m2 = cc.belt_outside_m2(axis, land, inputs.coast_width)
    return [belt]


def build_vein(inputs: BuildInputs, context: QgsProcessingContext, feedback) -> list:
    feedback.pushInfo(tr("Building the green vein and its axis…"))
    table = read_source(inputs.vein.source, inputs.vein.label, inputs.crs, context, feedback)
    polygon = dissolve(table.geoms)
    if polygon.is_empty:
        feedback.pushWarning(tr("The green vein layer has no polygon."))
        return []
    axis = cc.longest_internal_axis(polygon)
    return [cc.Corridor("VEIN", cc.VEIN_NAME, cc.KIND_VEIN, None, polygon, axis)]


def build_rivers(
    inputs: BuildInputs, context: QgsProcessingContext, feedback, progress: Progress
) -> tuple[list[cc.Corridor], list[str]]:
    """One corridor per name found in the rivers (R<position>), and the names not found."""
    label, name_field, width_field = inputs.rivers.label, inputs.name_field, inputs.width_field
    table = read_source(
        inputs.rivers.source,
        label,
        inputs.crs,
        context,
        feedback,
        fields=[name_field] + ([width_field] if width_field else []),
        dimension=1,
        progress=(35, 60),
    )
    ok = non_empty_mask(table.geoms)
    widths = np.full(len(table), inputs.half_width)
    if width_field:
        widths = river_widths(table, label, width_field, inputs.half_width, feedback)
    feature_names = [n if ok[i] else None for i, n in enumerate(table.column(name_field))]
    built, missing = [], []
    matches = cc.match_names(inputs.names, feature_names, inputs.aliases)
    for number, match in enumerate(matches, start=1):
        progress.check()
        if not match.found:
            missing.append(match.name)
            feedback.pushWarning(
                tr("Corridor {name}: no river line named so in {layer} (field {field}).").format(
                    name=match.name, layer=label, field=name_field
                )
            )
            continue
        if match.missing_parts:
            feedback.pushWarning(
                tr("Corridor {name}: built from {found} only; {missing} not found.").format(
                    name=match.name,
                    found="+".join(match.matched_names),
                    missing="+".join(match.missing_parts),
                )
            )
        corridor = cc.river_from_lines(
            match, number, table.geoms[match.indices], widths[match.indices]
        )
        if corridor.axis.geom_type == "MultiLineString":
            feedback.pushInfo(
                tr(
                    "Corridor {name}: the river lines do not join into one line ({n} pieces)."
                ).format(name=match.name, n=len(shapely.get_parts(corridor.axis)))
            )
        built.append(corridor)
        progress.set(number / max(len(inputs.names), 1))
    return built, missing


def river_widths(table, label: str, width_field: str, default: float, feedback) -> np.ndarray:
    """Half-widths from the width field: empty → the default (counted); zero, negative, text
    or over the bound → the default, warned naming the feature ids."""
    read = cc.half_widths(table.column(width_field), default)
    if read.empty:
        feedback.pushWarning(
            tr(
                "{layer}: {n} features have no value in {field}; they use the half-width {width} m."
            ).format(layer=label, n=len(read.empty), field=width_field, width=default)
        )
    if read.rejected:
        fids = [str(table.fids[i]) for i in read.rejected]
        feedback.pushWarning(
            tr(
                "{layer}: {n} features have a value in {field} that is not a half-width "
                "between 0 and {max:g} m (negative, zero, text or absurd); it is not used and "
                "they take the half-width {width} m. Feature ids: {fids}"
            ).format(
                layer=label,
                n=len(fids),
                field=width_field,
                max=cc.MAX_HALF_WIDTH_M,
                width=default,
                fids=", ".join(fids[:20]) + (" …" if len(fids) > 20 else ""),
            )
        )
    return read.widths
