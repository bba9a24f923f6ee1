"""What a land-use occupation analysis is given: the projects, the 三调 parcels and fields, and
optionally the 永久基本农田."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureSource

from ..crs import parameter_analysis_crs
from ..io.layers import source_description
from ..params import area_method

PARCEL_ID_FIELD = "BSM"  # how warnings name a parcel when the layer has it (else: its fid)


@dataclass
class OccupationInputs:
    source: QgsFeatureSource
    label: str
    data_source: str
    id_field: str
    name_field: str
    parcels: QgsFeatureSource
    parcels_label: str
    parcels_data_source: str
    dlbm_field: str
    kcxs_field: str  # "" when not used (as the other optional fields)
    area_field: str
    grade_field: str
    slope_field: str
    saltpans: bool  # count salt pans (0603) as wetland
    crs: QgsCoordinateReferenceSystem
    method: int
    farmland: QgsFeatureSource | None = None
    farmland_label: str = ""
    farmland_data_source: str = ""

    @property
    def parcel_id_field(self) -> str:
        names = self.parcels.fields().names()
        return PARCEL_ID_FIELD if PARCEL_ID_FIELD in names else ""

    @property
    def parcel_fields(self) -> list[str]:
        """The parcel attributes read (of the parcels a project overlaps)."""
        names = (
            self.dlbm_field,
            self.kcxs_field,
            self.area_field,
            self.grade_field,
            self.slope_field,
            self.parcel_id_field,
        )
        return [f for f in dict.fromkeys(names) if f]


def read_inputs(alg, parameters: dict, context, feedback) -> OccupationInputs:
    source, label = alg.source(parameters, alg.INPUT, context, feedback=feedback)
    id_field, name_field = (
        alg.optional_field(parameters, name, context, source, label, feedback)
        for name in (alg.ID_FIELD, alg.NAME_FIELD)
    )
    parcels, parcels_label = alg.source(parameters, alg.LANDUSE, context, feedback=feedback)
    dlbm_field = alg.required_field(
        parameters, alg.DLBM_FIELD, context, parcels, parcels_label, "DLBM"
    )
    kcxs, area, grade, slope = (
        alg.optional_field(parameters, name, context, parcels, parcels_label, feedback)
        for name in (alg.KCXS_FIELD, alg.AREA_FIELD, alg.GRADE_FIELD, alg.SLOPE_FIELD)
    )
    farmland, farmland_label = alg.source(
        parameters, alg.FARMLAND, context, required=False, feedback=feedback
    )
    return OccupationInputs(
        source,
        label,
        source_description(alg, parameters, alg.INPUT, context),
        id_field,
        name_field,
        parcels,
        parcels_label,
        source_description(alg, parameters, alg.LANDUSE, context),
        dlbm_field,
        kcxs,
        area,
        grade,
        slope,
        alg.parameterAsBoolean(parameters, alg.SALTPAN_AS_WETLAND, context),
        parameter_analysis_crs(alg, parameters, context, alg.ANALYSIS_CRS),
        area_method(alg, parameters, context, alg.AREA_METHOD),
        farmland,
        farmland_label if farmland is not None else "",
        source_description(alg, parameters, alg.FARMLAND, context) if farmland is not None else "",
    )
