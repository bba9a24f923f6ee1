"""Read the farmland inputs declared in :mod:`.farmland` into the core's inputs
(:class:`~...core.farmland_balance.Supplement`, ``BaseLanduse``, ``Occupied``, the capacity
table and the source rules), for ``farmland_balance`` and the ledger algorithms alike."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext

from ...core import farmland_balance as fb
from ...core.geometry import RepairStats, dissolve, non_empty_mask
from ...core.progress import Progress
from ...paths import resource_path
from ...translate import tr
from . import farmland as names
from .read import GeometryTable, read_source

DEFAULT_CAPACITY_TABLE = ("rules", "grain_capacity_illustrative.csv")


@dataclass
class PlotInputs:
    """The supplementary plots and what they are checked against, read in the analysis CRS."""

    supplement: fb.Supplement
    sup_label: str
    sup_stats: RepairStats
    base: fb.BaseLanduse | None
    base_label: str  # "" when not given
    rules: fb.SourceRules
    eco_geom: shapely.Geometry | None
    pa_geom: shapely.Geometry | None
    eco_label: str  # "" when not given
    pa_label: str
    max_slope: int
    min_area: float
    fields: dict[str, str] = field(default_factory=dict)  # role -> field used ("" unused)
    extra: dict[str, list] = field(default_factory=dict)  # further columns, per plot


@dataclass
class CapacityInput:
    table: fb.CapacityTable
    path: str
    illustrative: bool  # the bundled table, not an official one


def columns(table: GeometryTable, fields: dict[str, str]) -> dict:
    """fids, geometries and the columns ``fields`` (None when unused) of the features that
    have a geometry."""
    keep = non_empty_mask(table.geoms) if len(table) else np.zeros(0, dtype=bool)
    out = {
        key: None if not name else [v for v, k in zip(table.column(name), keep) if k]
        for key, name in fields.items()
    }
    return {"fids": table.fids[keep], "geoms": table.geoms[keep], **out}


def _read(source_label, fields: dict[str, str], crs, context, feedback, span) -> GeometryTable:
    wanted = list(dict.fromkeys(f for f in fields.values() if f))
    return read_source(*source_label, crs, context, feedback, wanted, 2, span)


def _optional_layer(alg, parameters, name, context, crs, feedback, span):
    source, label = alg.source(parameters, name, context, required=False)
    if source is None:
        return None, ""
    return dissolve(_read((source, label), {}, crs, context, feedback, span).geoms), label


def read_plot_inputs(
    alg,
    parameters: dict,
    context: QgsProcessingContext,
    feedback,
    crs: QgsCoordinateReferenceSystem,
    group_field: str = "",
    extra: dict[str, str] | None = None,
    sup: tuple | None = None,
) -> PlotInputs:
    """SUPPLEMENT (``sup``: its source and label when already read; with ``group_field`` and
    the ``extra`` {key: field} columns), the base layer, the red line and protected areas,
    the slope limit and the sliver tolerance."""
    sup = sup or alg.source(parameters, names.SUPPLEMENT, context)

    def required(name, source_label, default):
        return alg.required_field(parameters, name, context, *source_label, default)

    def optional(name, source_label):
        return alg.optional_field(parameters, name, context, *source_label, feedback)

    sup_fields = {
        "dlbm": required(names.SUP_DLBM_FIELD, sup, "DLBM"),
        "grade": required(names.SUP_GRADE_FIELD, sup, "GDDB"),
        "slope": optional(names.SUP_SLOPE_FIELD, sup),
        "area_m2": optional(names.SUP_AREA_FIELD, sup),
        "kcxs": optional(names.SUP_KCXS_FIELD, sup),
        "group": group_field,
    }
    if not sup_fields["slope"]:
        feedback.pushWarning(tr("No slope level field: the slope limit is not checked."))
    base_source, base_label = alg.source(parameters, names.BASE_LANDUSE, context, required=False)
    base_fields = {}
    if base_source is not None:
        base_pair = (base_source, base_label)
        base_fields = {
            "dlbm": required(names.BASE_DLBM_FIELD, base_pair, "DLBM"),
            "grade": optional(names.BASE_GRADE_FIELD, base_pair),
        }
    table = _read(sup, {**sup_fields, **(extra or {})}, crs, context, feedback, (0, 20))
    cols = columns(table, {**sup_fields, **(extra or {})})
    extra_cols = {key: cols.pop(key) for key in (extra or {})}
    supplement = fb.Supplement(
        **cols,
        layer=sup[1],
        grade_field=sup_fields["grade"],
        area_field=sup_fields["area_m2"],
        kcxs_field=sup_fields["kcxs"],
    )
    base = None
    if base_source is not None:
        base_table = _read((base_source, base_label), base_fields, crs, context, feedback, (20, 35))
        base = fb.BaseLanduse(
            **columns(base_table, base_fields), layer=base_label, grade_field=base_fields["grade"]
        )
        if not base_fields["grade"]:
            feedback.pushWarning(
                tr(
                    "{layer} has no quality grade field: 旱改水 and 提质改造 gain no capacity."
                ).format(layer=base_label)
            )
    eco_geom, eco_label = _optional_layer(
        alg, parameters, names.ECO_REDLINE, context, crs, feedback, (35, 38)
    )
    pa_geom, pa_label = _optional_layer(
        alg, parameters, names.PROTECTED_AREAS, context, crs, feedback, (38, 40)
    )
    Progress(feedback).check()
    rules_path = alg.parameterAsFile(parameters, names.SOURCE_RULES, context) or None
    return PlotInputs(
        supplement=supplement,
        sup_label=sup[1],
        sup_stats=table.stats,
        base=base,
        base_label=base_label if base_source is not None else "",
        rules=fb.load_source_rules(rules_path),
        eco_geom=eco_geom,
        pa_geom=pa_geom,
        eco_label=eco_label,
        pa_label=pa_label,
        max_slope=alg.parameterAsInt(parameters, names.MAX_SLOPE_LEVEL, context),
        min_area=alg.parameterAsDouble(parameters, names.MIN_AREA, context),
        fields={**sup_fields, **{f"base_{k}": v for k, v in base_fields.items()}},
        extra=extra_cols,
    )


@dataclass
class OccupiedInput:
    occupied: fb.Occupied
    label: str
    fields: dict[str, str]


def occupied_fields(alg, parameters, context, feedback, occ, group: bool = True) -> dict:
    """The fields of the occupied layer, keyed by :class:`fb.Occupied`'s attributes."""
    fields = {
        "dlbm": alg.required_field(parameters, names.OCC_DLBM_FIELD, context, *occ, "DLBM"),
        "grade": alg.required_field(parameters, names.OCC_GRADE_FIELD, context, *occ, "GDDB"),
        "area_m2": alg.optional_field(parameters, names.OCC_AREA_FIELD, context, *occ, feedback),
    }
    if group:
        fields["group"] = alg.optional_field(
            parameters, names.OCC_GROUP_FIELD, context, *occ, feedback
        )
    fields["kcxs"] = (
        ""
        if fields["area_m2"]
        else alg.optional_field(parameters, names.OCC_KCXS_FIELD, context, *occ, feedback)
    )
    return fields


def read_occupied(
    alg, parameters, context, feedback, crs, occ, fields: dict, span=(40, 45)
) -> OccupiedInput:
    """The occupied layer ``occ`` (source, label) with ``fields`` (:func:`occupied_fields`)."""
    table = _read(occ, fields, crs, context, feedback, span)
    occupied = fb.Occupied(
        **columns(table, fields),
        layer=occ[1],
        grade_field=fields["grade"],
        area_field=fields["area_m2"],
    )
    return OccupiedInput(occupied, occ[1], fields)


def read_capacity(alg, parameters, context, feedback) -> CapacityInput:
    """The capacity table (the bundled illustrative one when none is given); warns about that
    and about a table in which a better grade has a lower capacity."""
    path = alg.parameterAsFile(parameters, names.CAPACITY_TABLE, context) or ""
    illustrative = not path
    path = path or str(resource_path(*DEFAULT_CAPACITY_TABLE))
    table = fb.load_capacity_csv(path)
    if illustrative:
        feedback.pushWarning(
            tr(
                "Using the bundled ILLUSTRATIVE grain capacity table {path}; replace it by the "
                "provincial table for a real verification."
            ).format(path=path)
        )
    if not table.is_monotonic():
        feedback.pushWarning(
            tr(
                "The capacity table gives a better grade (lower number) a lower capacity "
                "somewhere; check {path}."
            ).format(path=path)
        )
    return CapacityInput(table, path, illustrative)


def kcxs_unit_text(unit: str) -> str:
    """How a layer's KCXS were read, for the log and the report."""
    if unit == "percent":
        return tr("percent (a value > 1 was found; every value is divided by 100)")
    if unit == "fraction":
        return tr("fractions (every value ≤ 1)")
    return tr("not given (0)")


def not_verified_text() -> str:
    """Said whenever newness was not checked against a base layer."""
    return tr(
        "Newness NOT verified (no base-year land use given): every credited plot counts "
        "as new farmland. Give BASE_LANDUSE to detect land that was already farmland."
    )
