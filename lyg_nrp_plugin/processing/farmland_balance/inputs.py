"""What a farmland balance run reads: the occupied farmland, the supplementary plots and their
base-year land use, the checks' parameters, the capacity table and the analysis CRS (the
shared readers of :mod:`..io.farmland_read`)."""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext, QgsProcessingException

from ...core import farmland_balance as fb
from ...translate import tr
from ..crs import parameter_analysis_crs
from ..io import farmland as names
from ..io.farmland_read import (
    CapacityInput,
    OccupiedInput,
    PlotInputs,
    occupied_fields,
    read_capacity,
    read_occupied,
    read_plot_inputs,
)
from ..measure import Measure, area_function
from ..params import area_method


@dataclass
class FarmlandInputs:
    """The inputs of one run, read and checked; labels name the layers in messages."""

    plots: PlotInputs
    occ: OccupiedInput
    capacity_input: CapacityInput
    method: int
    crs: QgsCoordinateReferenceSystem
    area_fn: Measure
    grouped: bool

    # the names the writers and the report read
    @property
    def occupied(self) -> fb.Occupied:
        return self.occ.occupied

    @property
    def supplement(self) -> fb.Supplement:
        return self.plots.supplement

    @property
    def base(self) -> fb.BaseLanduse | None:
        return self.plots.base

    @property
    def eco_geom(self) -> shapely.Geometry | None:
        return self.plots.eco_geom

    @property
    def pa_geom(self) -> shapely.Geometry | None:
        return self.plots.pa_geom

    @property
    def occ_label(self) -> str:
        return self.occ.label

    @property
    def sup_label(self) -> str:
        return self.plots.sup_label

    @property
    def max_slope(self) -> int:
        return self.plots.max_slope

    @property
    def min_area(self) -> float:
        return self.plots.min_area

    @property
    def capacity(self) -> fb.CapacityTable:
        return self.capacity_input.table


def read_inputs(alg, parameters: dict, context: QgsProcessingContext, feedback) -> FarmlandInputs:
    """Check and read everything; raises ``QgsProcessingException`` on bad parameters and
    :class:`~...core.farmland_balance.BalanceInputError` on a bad table or attribute."""
    occ = alg.source(parameters, names.OCCUPIED, context)
    sup = alg.source(parameters, names.SUPPLEMENT, context)
    occ_names = occupied_fields(alg, parameters, context, feedback, occ)
    sup_group = alg.optional_field(parameters, names.SUP_GROUP_FIELD, context, *sup, feedback)
    if bool(occ_names["group"]) != bool(sup_group):
        raise QgsProcessingException(
            tr(
                "Give both group fields (occupied and supplementary) or neither: a balance per "
                "group needs the group of every occupied piece and every supplementary plot."
            )
        )
    capacity = read_capacity(alg, parameters, context, feedback)
    method = area_method(alg, parameters, context, alg.AREA_METHOD)
    crs = parameter_analysis_crs(alg, parameters, context, alg.ANALYSIS_CRS)
    plots = read_plot_inputs(alg, parameters, context, feedback, crs, sup_group, sup=sup)
    occupied = read_occupied(alg, parameters, context, feedback, crs, occ, occ_names)
    return FarmlandInputs(
        plots=plots,
        occ=occupied,
        capacity_input=capacity,
        method=method,
        crs=crs,
        area_fn=area_function(method, crs, context),
        grouped=bool(occ_names["group"]),
    )
