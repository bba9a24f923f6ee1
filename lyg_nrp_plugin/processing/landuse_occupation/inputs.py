"""What a land-use occupation analysis is given: the projects, the 三调 parcels and fields."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureSource

from ..crs import parameter_analysis_crs
from ..io.layers import source_description
from ..params import area_method


@dataclass
class OccupationInputs:
    source: QgsFeatureSource
    label: str
    data_source: str
    id_field: str
    parcels: QgsFeatureSource
    parcels_label: str
    parcels_data_source: str
    dlbm_field: str
    kcxs_field: str  # "" when not used (as grade_field, slope_field)
    grade_field: str
    slope_field: str
    saltpans: bool  # count salt pans (0603) as wetland
    crs: QgsCoordinateReferenceSystem
    method: int

    @property
    def parcel_fields(self) -> list[str]:
        """The parcel attributes read (of the parcels a project overlaps)."""
        names = (self.dlbm_field, self.kcxs_field, self.grade_field, self.slope_field)
        return [f for f in names if f]


def read_inputs(alg, parameters: dict, context, feedback) -> OccupationInputs:
    source, label = alg.source(parameters, alg.INPUT, context)
    id_field = alg.required_field(parameters, alg.ID_FIELD, context, source, label)
    parcels, parcels_label = alg.source(parameters, alg.LANDUSE, context)
    dlbm_field = alg.required_field(
        parameters, alg.DLBM_FIELD, context, parcels, parcels_label, "DLBM"
    )
    kcxs, grade, slope = (
        alg.optional_field(parameters, name, context, parcels, parcels_label, feedback)
        for name in (alg.KCXS_FIELD, alg.GRADE_FIELD, alg.SLOPE_FIELD)
    )
    return OccupationInputs(
        source,
        label,
        source_description(alg, parameters, alg.INPUT, context),
        id_field,
        parcels,
        parcels_label,
        source_description(alg, parameters, alg.LANDUSE, context),
        dlbm_field,
        kcxs,
        grade,
        slope,
        alg.parameterAsBoolean(parameters, alg.SALTPAN_AS_WETLAND, context),
        parameter_analysis_crs(alg, parameters, context, alg.ANALYSIS_CRS),
        area_method(alg, parameters, context, alg.AREA_METHOD),
    )
