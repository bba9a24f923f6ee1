"""What a credit run reads: the ledger (its CRS, when it exists), the supplementary plots with
their project and county, the base-year land use and the checks — the same readers and rules
as ``farmland_balance``."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsCoordinateReferenceSystem

from ...core import ledger as lg
from ...translate import tr
from ..crs import parameter_analysis_crs
from ..io import ledger as io_ledger
from ..io.farmland_read import CapacityInput, PlotInputs, read_capacity, read_plot_inputs
from ..measure import Measure, area_function
from ..params import area_method


@dataclass
class CreditInputs:
    path: str
    existing: lg.Ledger | None  # None: a new ledger is created when the credit is written
    crs: QgsCoordinateReferenceSystem
    plots: PlotInputs
    capacity: CapacityInput
    method: int
    area_fn: Measure
    county_field: str
    project_field: str
    operator: str
    note: str


def read_inputs(alg, parameters: dict, context, feedback) -> CreditInputs:
    path = io_ledger.ledger_path(alg, parameters, context)
    existing = io_ledger.open_existing(path) if io_ledger.exists(path) else None
    if existing is not None:
        crs = io_ledger.crs_of(existing)
        feedback.pushInfo(
            tr("Ledger {path}: geometries are compared in its CRS {crs}.").format(
                path=path, crs=crs.authid()
            )
        )
    else:
        crs = parameter_analysis_crs(alg, parameters, context, alg.ANALYSIS_CRS)
        feedback.pushInfo(
            tr("Ledger {path} does not exist yet: it is created in {crs}.").format(
                path=path, crs=crs.authid()
            )
        )
    sup = alg.source(parameters, alg.SUPPLEMENT, context)
    county = alg.required_field(parameters, alg.COUNTY_FIELD, context, *sup, "XZQDM")
    project = alg.required_field(parameters, alg.PROJECT_FIELD, context, *sup, "XMBH")
    capacity = read_capacity(alg, parameters, context, feedback)
    method = area_method(alg, parameters, context, alg.AREA_METHOD)
    extra = {"county": county, "project": project}
    plots = read_plot_inputs(alg, parameters, context, feedback, crs, "", extra, sup)
    return CreditInputs(
        path=path,
        existing=existing,
        crs=crs,
        plots=plots,
        capacity=capacity,
        method=method,
        area_fn=area_function(method, crs, context),
        county_field=county,
        project_field=project,
        operator=io_ledger.operator(alg, parameters, context),
        note=(alg.parameterAsString(parameters, alg.NOTE, context) or "").strip(),
    )
