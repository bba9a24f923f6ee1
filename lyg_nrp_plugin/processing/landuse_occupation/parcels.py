"""The attribute values of the 三调 parcels as the occupation reads them — one parser
(``core.values``), warnings that name the parcels (BSM, else fid):

- KCXS: the unit is decided for the whole layer (all values ≤ 1 → fractions, any value > 1 →
  percent), from the layer's maximum, not from the parcels a project happens to touch;
- TBDLMJ (the optional official net area): negative or unreadable values are not used (that
  parcel's net area comes from its geometry);
- overlapping parcels under a project: each overlap counted once, warned with its area.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsFeature, QgsFeatureRequest, QgsFeatureSource

from ...core.units import format_area_zh
from ...core.values import KCXS_PERCENT, parse_number, read_kcxs, read_numbers
from ...translate import tr
from ..io.read import python_value

LISTED = 10  # parcel ids named in a warning


def layer_maximum(source: QgsFeatureSource, name: str) -> float | None:
    """The largest readable number of field ``name`` over the whole layer (None if none)."""
    index = source.fields().lookupField(name)
    if source.fields().at(index).isNumeric():
        value = python_value(source.maximumValue(index))
        try:
            return parse_number(value)
        except (TypeError, ValueError):
            return None
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([index])
    best = None
    feature = QgsFeature()
    iterator = source.getFeatures(request)
    while iterator.nextFeature(feature):
        try:
            number = parse_number(python_value(feature.attributes()[index]))
        except (TypeError, ValueError):
            continue
        if number is not None and (best is None or number > best):
            best = number
    return best


def listed(ids: list) -> str:
    text = ", ".join(str(v) for v in ids[:LISTED])
    return text + (" …" if len(ids) > LISTED else "")


@dataclass
class Kcxs:
    fractions: np.ndarray  # per hit parcel
    unit: str  # KCXS_FRACTION / KCXS_PERCENT
    invalid: list[int]  # hit-parcel positions counted as 0


def read_layer_kcxs(source: QgsFeatureSource, name: str, values: list) -> Kcxs:
    """KCXS of the hit parcels (``values``) in the unit of the whole layer."""
    maximum = layer_maximum(source, name)
    column = read_kcxs([*values, maximum])  # the layer's maximum decides the unit
    return Kcxs(column.fractions[:-1], column.unit, [i for i in column.invalid if i < len(values)])


def kcxs_message(kcxs: Kcxs, label: str, field: str) -> str:
    if kcxs.unit == KCXS_PERCENT:
        return tr(
            "{layer}: {field} is read as a percentage (the layer has values above 1): "
            "net area = gross × (1 − {field} / 100)."
        ).format(layer=label, field=field)
    return tr(
        "{layer}: {field} is read as a fraction (no value above 1): net area = gross × "
        "(1 − {field})."
    ).format(layer=label, field=field)


def invalid_kcxs_warning(kcxs: Kcxs, ids: list, label: str, field: str) -> str | None:
    if not kcxs.invalid:
        return None
    named = [ids[i] for i in kcxs.invalid]
    return tr(
        "{layer}: {n} parcels under the projects have a {field} that is negative, out of range "
        "or not a number; it counts as 0 (net = gross): {ids}."
    ).format(layer=label, n=len(named), field=field, ids=listed(named))


def read_official(values: list, ids: list, label: str, field: str) -> tuple[np.ndarray, str | None]:
    """The official net area of the hit parcels (NaN where missing or not usable) and the
    warning that names the refused ones."""
    column = read_numbers(values)
    official = column.values.copy()
    bad = sorted(set(column.invalid) | set(column.negative))
    official[bad] = np.nan
    if not bad:
        return official, None
    return official, tr(
        "{layer}: {n} parcels under the projects have a {field} that is negative or not a "
        "number; their net area comes from the geometry instead: {ids}."
    ).format(layer=label, n=len(bad), field=field, ids=listed([ids[i] for i in bad]))


@dataclass(frozen=True)
class ParcelOverlap:
    """Two or more parcels overlapping under one project, counted once."""

    project: int
    parcel: object  # id of the parcel that gave the overlap up
    kept_by: tuple  # ids of the lower-fid parcels that keep it
    area_m2: float


def overlap_warning(overlaps: list[ParcelOverlap], label: str) -> str | None:
    if not overlaps:
        return None
    total = sum(o.area_m2 for o in overlaps)
    pairs = [f"{'/'.join(str(k) for k in o.kept_by)} ∩ {o.parcel}" for o in overlaps]
    return tr(
        "{layer}: parcels overlap under the projects ({n} overlaps, {area} in all: {pairs}); "
        "each overlap is counted once (the parcel with the lower feature id keeps it)."
    ).format(layer=label, n=len(overlaps), area=format_area_zh(total), pairs=listed(pairs))
