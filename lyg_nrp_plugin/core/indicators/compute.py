"""Measured values of the indicators from the arrays of the input layers (shapely ≥ 2, numpy).

:func:`assess` turns :class:`IndicatorInputs` into :class:`~.model.Measured` values in base
units (m², m, %, t/a, m³/a, count), keyed by catalogue code — only the indicators the given
layers allow — and the :class:`~.model.DataIssue`\\ s met on the way (overlapping parcels,
negative or non-numeric values, unknown types); :func:`compute` gives the values only. Areas
are planar m² in the (projected) CRS of the arrays; parcel areas come from TBDLMJ when given
(as 三调 statistics do), otherwise from the geometry.

The work is split by layer: :mod:`.from_landuse` (parcels, prepared by :mod:`.parcels`),
:mod:`.from_layers` (red lines, farmland, protected areas, sea, coast) and :mod:`.mines`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import shapely

from ..progress import Progress, report
from .classify import MARICULTURE_ZONE_WORDS, WETLAND_SANDIAO
from .from_landuse import landuse_measures
from .from_layers import coast_measures, protection_measures, sea_measures
from .mines import mine_measures, occupation_measures
from .model import DataIssue, Measured
from .parcels import prepare_parcels
from .spatial import dissolve, given


@dataclass
class IndicatorInputs:
    """Arrays of the layers (all optional). Geometries in one projected CRS (m).

    ``*_ids`` name features in warnings (BSM, else fids); ``*_order`` (fids) decides which of
    two overlapping features keeps the overlap (the lower).
    """

    landuse_geoms: Sequence | None = None
    landuse_codes: Sequence | None = None
    landuse_areas: Sequence | None = None  # TBDLMJ (m²); None -> geometry area
    landuse_ids: Sequence | None = None
    landuse_order: Sequence | None = None
    landuse_area_field: str = ""
    boundary_geoms: Sequence | None = None  # 陆域
    sea_geoms: Sequence | None = None  # 管辖海域
    eco_redline_geoms: Sequence | None = None
    eco_space_geoms: Sequence | None = None  # 生态空间管控区域 (the plan's 21.96 %)
    farmland_geoms: Sequence | None = None  # 永久基本农田
    farmland_areas: Sequence | None = None  # YJJBNTMJ (m², net); None -> dissolved geometry
    farmland_ids: Sequence | None = None
    farmland_order: Sequence | None = None
    farmland_area_field: str = ""
    protected_geoms: Sequence | None = None
    protected_types: Sequence | None = None
    protected_ids: Sequence | None = None
    marine_redline_geoms: Sequence | None = None
    coast_geoms: Sequence | None = None
    coast_types: Sequence | None = None  # 自然岸线 / 人工岸线
    coast_classes: Sequence | None = None  # 大陆岸线 / 海岛岸线 (None: all mainland)
    coastal_wetland_geoms: Sequence | None = None  # 近海与海岸湿地 (WETLAND_DEFINITION=1)
    mariculture_geoms: Sequence | None = None
    sea_zone_types: Sequence | None = None  # function-zone type of each sea_geoms feature
    mariculture_words: Sequence[str] = MARICULTURE_ZONE_WORDS
    mine_scales: Sequence | None = None
    mine_outputs: Sequence | None = None  # annual output in the field's unit
    mine_types: Sequence | None = None  # 矿种: 地热 / 矿泉水 apart from solid minerals
    mine_ids: Sequence | None = None
    mine_count: int | None = None
    mine_solid_factor: float = 1.0  # tonnes per unit of a solid mine's output
    mine_water_factor: float = 1.0  # m³ per unit of a geothermal / mineral-water output
    mine_output_field: str = ""
    occupation_forest: Sequence | None = None  # forest_m2 of a landuse_occupation SUMMARY
    occupation_ids: Sequence | None = None
    occupation_field: str = ""
    include_saltpans: bool = False
    wetland_definition: int = WETLAND_SANDIAO


@dataclass
class Assessment:
    measured: dict[str, Measured]
    issues: list[DataIssue] = field(default_factory=list)


def assess(inputs: IndicatorInputs, progress: Progress | None = None, lang: str = "zh"):
    """Every indicator the given layers allow (base units) and the data issues met.

    Raises :class:`~..progress.Canceled` when ``progress`` is canceled.
    """
    out: dict[str, Measured] = {}
    issues: list[DataIssue] = []
    # land area: BOUNDARY, else the land-use parcels' geometry (overlaps once)
    land = dissolve(inputs.boundary_geoms) if given(inputs.boundary_geoms) else None
    land_area = float(shapely.area(land)) if land is not None else None
    land_source = "BOUNDARY"
    if given(inputs.landuse_geoms) and inputs.landuse_codes is not None:
        parcels = prepare_parcels(
            inputs.landuse_geoms,
            inputs.landuse_codes,
            inputs.landuse_areas,
            inputs.landuse_ids,
            inputs.landuse_order,
            issues,
            inputs.landuse_area_field,
        )
        if land_area is None:
            land_area, land_source = parcels.land_area, "LANDUSE"
        landuse_measures(inputs, parcels, out, land_area, land_source, lang, progress, issues)
    report(progress, 0.60)
    protection_measures(inputs, out, land, land_area, land_source, issues, lang)
    report(progress, 0.75)
    sea_measures(inputs, out, lang)
    coast_measures(inputs, out, lang)
    mine_measures(inputs, out, issues, lang)
    occupation_measures(inputs, out, issues, lang)
    report(progress, 0.90)
    return Assessment({k: v for k, v in out.items() if v is not None}, issues)


def compute(
    inputs: IndicatorInputs, progress: Progress | None = None, lang: str = "zh"
) -> dict[str, Measured]:
    """The measured values of :func:`assess` (keys are catalogue codes)."""
    return assess(inputs, progress, lang).measured
