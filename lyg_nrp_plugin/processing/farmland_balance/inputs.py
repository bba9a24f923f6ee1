"""What a farmland balance run reads: the layers and fields, the capacity table, the checks'
parameters and the analysis CRS; the layers read into the core's inputs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext, QgsProcessingException

from ...core import farmland_balance as fb
from ...core.geometry import dissolve, non_empty_mask
from ...core.progress import Progress
from ...paths import resource_path
from ...translate import tr
from ..crs import parameter_analysis_crs
from ..io.read import GeometryTable, read_source
from ..measure import Measure, area_function
from ..params import area_method

DEFAULT_CAPACITY_TABLE = ("rules", "grain_capacity_illustrative.csv")


def default_capacity_table() -> Path:
    return resource_path(*DEFAULT_CAPACITY_TABLE)


@dataclass
class FarmlandInputs:
    """The inputs of one run, read and checked; labels name the layers in messages."""

    occupied: fb.Occupied
    supplement: fb.Supplement
    eco_geom: shapely.Geometry | None
    pa_geom: shapely.Geometry | None
    occ_label: str
    sup_label: str
    eco_label: str  # "" when not given
    pa_label: str  # "" when not given
    capacity: fb.CapacityTable
    table_path: str
    illustrative: bool  # the bundled table, not an official one
    max_slope: int
    min_area: float
    method: int
    crs: QgsCoordinateReferenceSystem
    area_fn: Measure
    grouped: bool


def read_inputs(alg, parameters: dict, context: QgsProcessingContext, feedback) -> FarmlandInputs:
    """Check and read everything; raises ``QgsProcessingException`` on bad parameters and
    :class:`~...core.farmland_balance.BalanceInputError` on a bad capacity table."""
    occ = alg.source(parameters, alg.OCCUPIED, context)
    sup = alg.source(parameters, alg.SUPPLEMENT, context)
    eco_source, eco_label = alg.source(parameters, alg.ECO_REDLINE, context, required=False)
    pa_source, pa_label = alg.source(parameters, alg.PROTECTED_AREAS, context, required=False)
    occ_fields, sup_fields = _field_names(alg, parameters, context, feedback, occ, sup)
    capacity, table_path, illustrative = _capacity(alg, parameters, context, feedback)
    max_slope = alg.parameterAsInt(parameters, alg.MAX_SLOPE_LEVEL, context)
    min_area = alg.parameterAsDouble(parameters, alg.MIN_AREA, context)
    method = area_method(alg, parameters, context, alg.AREA_METHOD)
    crs = parameter_analysis_crs(alg, parameters, context, alg.ANALYSIS_CRS)

    def read(source_label, names, span):
        columns = [f for f in names.values() if f]
        return read_source(*source_label, crs, context, feedback, columns, 2, span)

    occ_table = read(occ, occ_fields, (0, 15))
    sup_table = read(sup, sup_fields, (15, 30))
    eco_geom = pa_geom = None
    if eco_source is not None:
        eco_geom = dissolve(read((eco_source, eco_label), {}, (30, 35)).geoms)
    if pa_source is not None:
        pa_geom = dissolve(read((pa_source, pa_label), {}, (35, 40)).geoms)
    Progress(feedback).check()
    return FarmlandInputs(
        occupied=fb.Occupied(
            **_columns(occ_table, occ_fields), layer=occ[1], grade_field=occ_fields["grade"]
        ),
        supplement=fb.Supplement(
            **_columns(sup_table, sup_fields), layer=sup[1], grade_field=sup_fields["grade"]
        ),
        eco_geom=eco_geom,
        pa_geom=pa_geom,
        occ_label=occ[1],
        sup_label=sup[1],
        eco_label=eco_label if eco_source else "",
        pa_label=pa_label if pa_source else "",
        capacity=capacity,
        table_path=table_path,
        illustrative=illustrative,
        max_slope=max_slope,
        min_area=min_area,
        method=method,
        crs=crs,
        area_fn=area_function(method, crs, context),
        grouped=bool(occ_fields["group"]),
    )


def _field_names(alg, parameters, context, feedback, occ, sup) -> tuple[dict, dict]:
    """The fields of the occupied and the supplementary layer, keyed by the attribute names of
    :class:`fb.Occupied` / :class:`fb.Supplement`; "" when unused."""

    def required(name, source_label, default):
        return alg.required_field(parameters, name, context, *source_label, default)

    def optional(name, source_label):
        return alg.optional_field(parameters, name, context, *source_label, feedback)

    occ_fields = {
        "dlbm": required(alg.OCC_DLBM_FIELD, occ, "DLBM"),
        "grade": required(alg.OCC_GRADE_FIELD, occ, "GDDB"),
        "group": optional(alg.OCC_GROUP_FIELD, occ),
    }
    sup_fields = {
        "dlbm": required(alg.SUP_DLBM_FIELD, sup, "DLBM"),
        "grade": required(alg.SUP_GRADE_FIELD, sup, "GDDB"),
        "group": optional(alg.SUP_GROUP_FIELD, sup),
        "area_m2": optional(alg.SUP_AREA_FIELD, sup),
    }
    if bool(occ_fields["group"]) != bool(sup_fields["group"]):
        raise QgsProcessingException(
            tr(
                "Give both group fields (occupied and supplementary) or neither: a balance per "
                "group needs the group of every occupied piece and every supplementary plot."
            )
        )
    occ_fields["area_m2"] = optional(alg.OCC_AREA_FIELD, occ)
    occ_fields["kcxs"] = "" if occ_fields["area_m2"] else optional(alg.OCC_KCXS_FIELD, occ)
    sup_fields["slope"] = optional(alg.SUP_SLOPE_FIELD, sup)
    if not sup_fields["slope"]:
        feedback.pushWarning(tr("No slope level field: the slope limit is not checked."))
    return occ_fields, sup_fields


def _columns(table: GeometryTable, names: dict[str, str]) -> dict:
    """The core's arguments: fids, geometries and the columns ``names`` (None when unused) of
    the features that have a geometry."""
    keep = non_empty_mask(table.geoms) if len(table) else np.zeros(0, dtype=bool)
    columns = {
        key: None if not name else [v for v, k in zip(table.column(name), keep) if k]
        for key, name in names.items()
    }
    return {"fids": table.fids[keep], "geoms": table.geoms[keep], **columns}


def _capacity(alg, parameters, context, feedback) -> tuple[fb.CapacityTable, str, bool]:
    """The capacity table (the bundled illustrative one when none is given), its path and
    whether it is the illustrative one; warns about that and about a non-monotonic table."""
    table_path = alg.parameterAsFile(parameters, alg.CAPACITY_TABLE, context) or ""
    illustrative = not table_path
    table_path = table_path or str(default_capacity_table())
    capacity = fb.load_capacity_csv(table_path)
    if illustrative:
        feedback.pushWarning(
            tr(
                "Using the bundled ILLUSTRATIVE grain capacity table {path}; replace it by the "
                "provincial table for a real verification."
            ).format(path=table_path)
        )
    if not capacity.is_monotonic():
        feedback.pushWarning(
            tr(
                "The capacity table gives a better grade (lower number) a lower capacity "
                "somewhere; check {path}."
            ).format(path=table_path)
        )
    return capacity, table_path, illustrative
