"""The occupied side of the balance: net areas, paddy, grades and grain capacity per piece."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..values import read_kcxs, read_numbers
from .capacity import CapacityTable
from .model import AreaFunction, BalanceInputError, Occupied
from .values import farm_paddy, group_key, land_codes, parse_grades


@dataclass
class OccupiedPieces:
    """Per occupied piece: net area (0 when not farmland), paddy, grade, capacity and group."""

    area: np.ndarray
    farm: np.ndarray
    paddy: np.ndarray
    grade: np.ndarray  # NaN where missing
    capacity: np.ndarray  # kg per 亩 (0 when not farmland)
    group: list[str]
    skipped_fids: list[int]  # pieces not coded 01xx (not farmland)
    kcxs_unit: str = ""
    kcxs_invalid_fids: list[int] = field(default_factory=list)


@dataclass
class OccupiedAreas:
    """Net areas per piece and how KCXS was read (unit, fids of values counted as 0)."""

    area: np.ndarray
    kcxs_unit: str  # "" when the layer has no KCXS
    kcxs_invalid_fids: list[int]


def occupied_areas(
    geom_area_m2: np.ndarray,
    area_values: Sequence | None,
    kcxs_values: Sequence | None,
    layer: str = "OCCUPIED",
    fids: Sequence[int] | None = None,
    area_field: str = "",
) -> OccupiedAreas:
    """Per piece: the area field value, else geometry area × (1 − KCXS) (KCXS 0 if absent).

    KCXS is read per layer (:func:`~...values.read_kcxs`: all ≤ 1 fractions, else percent);
    an unreadable KCXS counts as 0 (the larger, safer occupied area). An area value that is
    not a number or negative would lower what must be made good: it is an input error.
    """
    n = len(geom_area_m2)
    fids = list(fids) if fids is not None else list(range(n))
    out = np.asarray(geom_area_m2, dtype=float).copy()
    kcxs = read_kcxs(kcxs_values) if kcxs_values is not None else None
    if kcxs is not None and n:
        out = out * (1.0 - kcxs.fractions)
    if area_values is not None:
        column = read_numbers(area_values)
        bad = sorted(column.invalid + column.negative)
        if bad:
            raise BalanceInputError(
                "occ_area_value",
                f"{layer}: field {area_field} holds non-numeric or negative areas",
                layer=layer,
                field=area_field,
                values="; ".join(f"{fids[i]}: {area_values[i]!r}" for i in bad[:5]),
                n=len(bad),
            )
        given = ~column.missing
        out[given] = column.values[given]
    return OccupiedAreas(
        out,
        kcxs.unit if kcxs is not None else "",
        [int(fids[i]) for i in kcxs.invalid] if kcxs is not None else [],
    )


def occupied_pieces(
    occupied: Occupied, capacity: CapacityTable, area_fn: AreaFunction
) -> OccupiedPieces:
    """Validate and measure the occupied pieces. Every piece needs a land-use code; every
    farmland piece with an area needs a grade the capacity table covers."""
    o_geoms = np.asarray(occupied.geoms, dtype=object)
    n_occ = len(o_geoms)
    o_codes = land_codes(occupied.dlbm)
    missing_code = [int(f) for f, c in zip(occupied.fids, o_codes) if c is None]
    if missing_code:
        raise BalanceInputError(
            "occ_dlbm_missing",
            f"{occupied.layer}: pieces without a land-use code: {missing_code[:10]}",
            layer=occupied.layer,
            fids=", ".join(map(str, missing_code[:10])),
            n=len(missing_code),
        )
    o_farm, o_paddy = farm_paddy(o_codes)
    areas = occupied_areas(
        area_fn(o_geoms) if n_occ else np.zeros(0),
        occupied.area_m2,
        occupied.kcxs,
        occupied.layer,
        occupied.fids,
        occupied.area_field,
    )
    o_area = np.where(o_farm, areas.area, 0.0)
    o_grade_list = parse_grades(occupied.grade, occupied.fids, occupied.layer, occupied.grade_field)
    no_grade = [
        int(f) for f, g, a in zip(occupied.fids, o_grade_list, o_area) if g is None and a > 0
    ]
    if no_grade:
        raise BalanceInputError(
            "occ_grade_missing",
            f"{occupied.layer}: occupied farmland without grade {occupied.grade_field}: "
            f"{no_grade[:10]}",
            layer=occupied.layer,
            field=occupied.grade_field,
            fids=", ".join(map(str, no_grade[:10])),
            n=len(no_grade),
        )
    o_grade = np.array([g if g is not None else np.nan for g in o_grade_list], dtype=float)
    o_cap = np.zeros(n_occ)
    if o_farm.any():
        o_cap[o_farm] = capacity.capacities(o_grade[o_farm])
    o_group = [group_key(v) for v in occupied.group] if occupied.group is not None else [""] * n_occ
    skipped = [int(f) for f, farm in zip(occupied.fids, o_farm) if not farm]
    return OccupiedPieces(
        o_area,
        o_farm,
        o_paddy,
        o_grade,
        o_cap,
        o_group,
        skipped,
        areas.kcxs_unit,
        areas.kcxs_invalid_fids,
    )
