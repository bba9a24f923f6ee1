"""What a debit run reads: the ledger (it must exist), the project's occupied farmland (the
``OCC_*`` fields of ``farmland_balance``), the occupying and the paying county."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException

from ...core import farmland_balance as fb
from ...core import ledger as lg
from ...translate import tr
from ..io import ledger as io_ledger
from ..io.farmland_read import (
    CapacityInput,
    OccupiedInput,
    occupied_fields,
    read_capacity,
    read_occupied,
)
from ..measure import Measure, area_function
from ..params import area_method


@dataclass
class DebitInputs:
    ledger: lg.Ledger
    crs: QgsCoordinateReferenceSystem
    occ: OccupiedInput
    capacity: CapacityInput
    area_fn: Measure
    project: str
    county: str
    source_county: str
    allow_transfer: bool
    operator: str
    note: str


def _text(alg, parameters, name, context) -> str:
    return (alg.parameterAsString(parameters, name, context) or "").strip()


def read_inputs(alg, parameters: dict, context, feedback) -> DebitInputs:
    project = _text(alg, parameters, alg.PROJECT_ID, context)
    county = _text(alg, parameters, alg.COUNTY, context)
    if not project or not county:
        raise QgsProcessingException(
            tr("Give the occupying project (PROJECT_ID) and its county (COUNTY).")
        )
    source = _text(alg, parameters, alg.SOURCE_COUNTY, context) or county
    ledger = io_ledger.open_existing(io_ledger.ledger_path(alg, parameters, context))
    try:
        crs = io_ledger.crs_of(ledger)
        occ = alg.source(parameters, alg.OCCUPIED, context)
        fields = occupied_fields(alg, parameters, context, feedback, occ)
        capacity = read_capacity(alg, parameters, context, feedback)
        method = area_method(alg, parameters, context, alg.AREA_METHOD)
        occupied = read_occupied(alg, parameters, context, feedback, crs, occ, fields, (10, 60))
    except BaseException:
        ledger.close()
        raise
    return DebitInputs(
        ledger=ledger,
        crs=crs,
        occ=_only_project(occupied, project, feedback),
        capacity=capacity,
        area_fn=area_function(method, crs, context),
        project=project,
        county=county,
        source_county=source,
        allow_transfer=alg.parameterAsBoolean(parameters, alg.ALLOW_TRANSFER, context),
        operator=io_ledger.operator(alg, parameters, context),
        note=_text(alg, parameters, alg.NOTE, context),
    )


def _only_project(occ: OccupiedInput, project: str, feedback) -> OccupiedInput:
    """With a group field, only the pieces of ``project`` are debited."""
    occupied = occ.occupied
    if not occ.fields.get("group"):
        return occ
    keep = np.array([fb.group_key(v) == project for v in occupied.group], dtype=bool)
    if not keep.any():
        raise QgsProcessingException(
            tr("{layer}: no piece has {field} = {project}.").format(
                layer=occ.label, field=occ.fields["group"], project=project
            )
        )
    feedback.pushInfo(
        tr("{layer}: {n} of {m} pieces belong to {project}.").format(
            layer=occ.label, n=int(keep.sum()), m=len(keep), project=project
        )
    )

    def subset(values):
        return None if values is None else [v for v, k in zip(values, keep) if k]

    occupied = fb.Occupied(
        fids=occupied.fids[keep],
        geoms=occupied.geoms[keep],
        dlbm=subset(occupied.dlbm),
        grade=subset(occupied.grade),
        group=subset(occupied.group),
        area_m2=subset(occupied.area_m2),
        kcxs=subset(occupied.kcxs),
        layer=occupied.layer,
        grade_field=occupied.grade_field,
        area_field=occupied.area_field,
    )
    return OccupiedInput(occupied, occ.label, occ.fields)
