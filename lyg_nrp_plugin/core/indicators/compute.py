"""Measured values of the indicators from the arrays of the input layers (shapely ≥ 2, numpy).

:func:`compute` turns :class:`IndicatorInputs` into :class:`~.model.Measured` values in base
units (m², m, %, t/a, count), keyed by catalogue code; only the indicators the given layers
allow are in the result. Areas are planar m² in the (projected) CRS of the arrays; parcel areas
come from TBDLMJ when given (as 三调 statistics do), otherwise from the geometry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from .. import landuse
from ..progress import Progress, report
from .classify import (
    MARICULTURE_ZONE_WORDS,
    coast_is_mainland,
    coast_is_natural,
    has_word,
    is_forest_cover,
    is_forest_land,
    is_large_or_medium,
    is_marine_park,
    is_natural_wetland,
    is_scenic_area,
)
from .model import Measured, note
from .units import BASE_AREA, BASE_COUNT, BASE_LENGTH, BASE_OUTPUT, BASE_PERCENT


@dataclass
class IndicatorInputs:
    """Arrays of the layers (all optional). Geometries in one projected CRS (m)."""

    landuse_geoms: Sequence | None = None
    landuse_codes: Sequence | None = None
    landuse_areas: Sequence | None = None  # TBDLMJ (m²); None -> geometry area
    boundary_geoms: Sequence | None = None  # 陆域
    sea_geoms: Sequence | None = None  # 管辖海域
    eco_redline_geoms: Sequence | None = None
    farmland_geoms: Sequence | None = None  # 永久基本农田
    protected_geoms: Sequence | None = None
    protected_types: Sequence | None = None
    marine_redline_geoms: Sequence | None = None
    coast_geoms: Sequence | None = None
    coast_types: Sequence | None = None  # 自然岸线 / 人工岸线
    coast_classes: Sequence | None = None  # 大陆岸线 / 海岛岸线 (None: all mainland)
    mariculture_geoms: Sequence | None = None
    sea_zone_types: Sequence | None = None  # function-zone type of each sea_geoms feature
    mariculture_words: Sequence[str] = MARICULTURE_ZONE_WORDS
    mine_scales: Sequence | None = None
    mine_outputs_t: Sequence | None = None  # tonnes per year
    mine_count: int | None = None
    include_saltpans: bool = False


# --- geometry helpers -------------------------------------------------------------------------


def _array(geoms) -> np.ndarray:
    if geoms is None:
        return np.empty(0, dtype=object)
    arr = np.asarray(geoms, dtype=object)
    keep = np.array([g is not None and not g.is_empty for g in arr], dtype=bool)
    return arr[keep] if len(arr) else arr


def dissolve(geoms) -> shapely.Geometry | None:
    """Union of the polygons (overlaps counted once); None when there are none."""
    arr = _array(geoms)
    if not len(arr):
        return None
    return shapely.union_all(arr)


def union_area(geoms, clip: shapely.Geometry | None = None) -> float:
    """Area (m²) of the union of ``geoms``, optionally inside ``clip``."""
    merged = dissolve(geoms)
    if merged is None:
        return 0.0
    if clip is not None:
        merged = shapely.intersection(merged, clip)
    return float(shapely.area(merged))


def inside_fractions(geoms, mask: shapely.Geometry | None) -> np.ndarray:
    """For each polygon, the share of its area inside ``mask`` (0..1)."""
    arr = np.asarray(geoms, dtype=object)
    result = np.zeros(len(arr), dtype=float)
    if mask is None or mask.is_empty or not len(arr):
        return result
    valid = np.array([g is not None and not g.is_empty for g in arr], dtype=bool)
    index = np.flatnonzero(valid)
    tree = shapely.STRtree(arr[index])
    candidates = index[tree.query(mask, predicate="intersects")]
    if not len(candidates):
        return result
    shapely.prepare(mask)
    subset = arr[candidates]
    covered = shapely.covered_by(subset, mask)
    result[candidates[covered]] = 1.0
    partial = candidates[~covered]
    if len(partial):
        areas = shapely.area(arr[partial])
        inter = shapely.area(shapely.intersection(arr[partial], mask))
        with np.errstate(divide="ignore", invalid="ignore"):
            result[partial] = np.where(areas > 0, np.clip(inter / areas, 0.0, 1.0), 0.0)
    return result


def landuse_arrays(geoms, codes, areas=None, include_saltpans: bool = False):
    """Per-parcel areas and masks: (geometry area, area, cultivated, wetland, natural, forest,
    cover, built, number of unknown codes)."""
    geoms = np.asarray(geoms, dtype=object)
    geometry_area = np.array([0.0 if g is None else shapely.area(g) for g in geoms], dtype=float)
    if areas is None:
        area = geometry_area
    else:
        area = np.array(
            [geometry_area[i] if a is None else float(a) for i, a in enumerate(areas)], dtype=float
        )
    norm = [landuse.normalise_code(c) for c in codes]
    cultivated = np.array([landuse.is_farmland(c) for c in norm], dtype=bool)
    wetland = np.array([landuse.is_wetland(c, include_saltpans) for c in norm], dtype=bool)
    natural = np.array([is_natural_wetland(c) for c in norm], dtype=bool)
    forest = np.array([is_forest_land(c) for c in norm], dtype=bool)
    cover = np.array([is_forest_cover(c) for c in norm], dtype=bool)
    built = np.array([landuse.is_built(c) for c in norm], dtype=bool)
    unknown = sum(1 for c in norm if not landuse.is_known(c))
    return geometry_area, area, cultivated, wetland, natural, forest, cover, built, unknown


def _given(values) -> bool:
    return values is not None and len(values) > 0


def _percent(part: float, whole: float) -> float | None:
    if whole <= 0:
        return None
    return 100.0 * part / whole


# --- the indicators, by the layers they need -------------------------------------------------


def compute(
    inputs: IndicatorInputs, progress: Progress | None = None, lang: str = "zh"
) -> dict[str, Measured]:
    """Every indicator the given layers allow, in base units; keys are catalogue codes.

    Raises :class:`~..progress.Canceled` when ``progress`` is canceled.
    """
    out: dict[str, Measured] = {}
    # land area: BOUNDARY, else the land-use parcels' geometry
    land = dissolve(inputs.boundary_geoms) if _given(inputs.boundary_geoms) else None
    land_area = float(shapely.area(land)) if land is not None else None
    land_source = "BOUNDARY"
    if _given(inputs.landuse_geoms) and inputs.landuse_codes is not None:
        parcels = landuse_arrays(
            inputs.landuse_geoms,
            inputs.landuse_codes,
            inputs.landuse_areas,
            inputs.include_saltpans,
        )
        if land_area is None:
            land_area = float(parcels[0].sum())
            land_source = "LANDUSE"
        _landuse(inputs, parcels, out, land_area, land_source, lang, progress)
    report(progress, 0.60)
    _protection(inputs, out, land, land_area, land_source, lang)
    report(progress, 0.75)
    _sea(inputs, out, lang)
    _coast(inputs, out, lang)
    _mines(inputs, out, lang)
    report(progress, 0.90)
    return out


def _landuse(inputs, parcels, out, land_area, land_source, lang, progress) -> None:
    _, area, cultivated, wetland, natural, forest, cover, built, unknown = parcels
    area_note = note("tbdlmj" if inputs.landuse_areas is not None else "geom_area", lang)
    saltpan_note = "; " + note("saltpans", lang) if inputs.include_saltpans else ""
    out["cultivated_land"] = Measured(
        float(area[cultivated].sum()), BASE_AREA, "LANDUSE", area_note
    )
    out["wetland_area"] = Measured(
        float(area[wetland].sum()), BASE_AREA, "LANDUSE", area_note + saltpan_note
    )
    out["built_land_total"] = Measured(float(area[built].sum()), BASE_AREA, "LANDUSE", area_note)
    if land_area and land_area > 0:
        for code, mask, key in (
            ("development_intensity", built, None),
            ("tree_cover", forest, "tree_approx"),
            ("forest_cover", cover, "forest_approx"),
        ):
            out[code] = Measured(
                _percent(float(area[mask].sum()), land_area),
                BASE_PERCENT,
                f"LANDUSE + {land_source}",
                note(key, lang) if key else note("land_from", lang, src=land_source),
            )
    report(progress, 0.40)
    if _given(inputs.protected_geoms):
        geoms = np.asarray(inputs.landuse_geoms, dtype=object)
        inside = area * inside_fractions(geoms, dissolve(inputs.protected_geoms))
        total_natural = float(area[natural].sum())
        total_wetland = float(area[wetland].sum())
        if total_natural > 0:
            out["natural_wetland_protection"] = Measured(
                _percent(float(inside[natural].sum()), total_natural),
                BASE_PERCENT,
                "LANDUSE + PROTECTED_AREAS",
            )
        if total_wetland > 0:
            out["wetland_protection"] = Measured(
                _percent(float(inside[wetland].sum()), total_wetland),
                BASE_PERCENT,
                "LANDUSE + PROTECTED_AREAS",
                saltpan_note.lstrip("; "),
            )
    if unknown:
        for code in ("cultivated_land", "wetland_area", "built_land_total"):
            out[code].note += "; " + note("unknown_dlbm", lang, n=unknown)


def _protection(inputs, out, land, land_area, land_source, lang) -> None:
    """Red line, permanent farmland, protected areas (and their shares of the land)."""
    if _given(inputs.eco_redline_geoms):
        out["eco_redline_area"] = Measured(
            union_area(inputs.eco_redline_geoms), BASE_AREA, "ECO_REDLINE"
        )
        if land_area:
            inside = union_area(inputs.eco_redline_geoms, land)
            out["eco_redline_land_ratio"] = Measured(
                _percent(inside, land_area),
                BASE_PERCENT,
                f"ECO_REDLINE + {land_source}",
                "" if land is not None else note("not_clipped", lang),
            )
    if _given(inputs.farmland_geoms):
        out["permanent_farmland"] = Measured(
            union_area(inputs.farmland_geoms), BASE_AREA, "FARMLAND"
        )
    if _given(inputs.protected_geoms):
        geoms = np.asarray(inputs.protected_geoms, dtype=object)
        types = _column(inputs.protected_types, len(geoms))
        not_scenic = np.array([not is_scenic_area(t) for t in types], dtype=bool)
        out["protected_area"] = Measured(
            union_area(geoms[not_scenic]), BASE_AREA, "PROTECTED_AREAS", note("no_scenic", lang)
        )
        if land_area:
            not_marine = np.array([not is_marine_park(t) for t in types], dtype=bool)
            inside = union_area(geoms[not_marine], land)
            out["protected_area_land_ratio"] = Measured(
                _percent(inside, land_area),
                BASE_PERCENT,
                f"PROTECTED_AREAS + {land_source}",
                note("no_marine_park", lang),
            )


def _column(values, n: int) -> list:
    """An attribute column as a list, or ``n`` Nones when the field was not given."""
    return list(values) if values is not None else [None] * n


def _sea(inputs, out, lang) -> None:
    """Marine red line share of the sea; mariculture zones (a layer, or sea function zones)."""
    if _given(inputs.marine_redline_geoms) and _given(inputs.sea_geoms):
        sea = dissolve(inputs.sea_geoms)
        sea_area = float(shapely.area(sea))
        if sea_area > 0:
            inside = union_area(inputs.marine_redline_geoms, sea)
            out["marine_redline_ratio"] = Measured(
                _percent(inside, sea_area), BASE_PERCENT, "MARINE_REDLINE + SEA_AREA"
            )
    if _given(inputs.mariculture_geoms):
        out["mariculture_area"] = Measured(
            union_area(inputs.mariculture_geoms), BASE_AREA, "MARICULTURE"
        )
    elif (
        _given(inputs.sea_geoms) and inputs.sea_zone_types is not None and inputs.mariculture_words
    ):
        sea_geoms = np.asarray(inputs.sea_geoms, dtype=object)
        chosen = np.array(
            [has_word(t, inputs.mariculture_words) for t in inputs.sea_zone_types], dtype=bool
        )
        if chosen.any():
            out["mariculture_area"] = Measured(
                union_area(sea_geoms[chosen]),
                BASE_AREA,
                "SEA_AREA",
                note("mariculture_zones", lang, words="/".join(inputs.mariculture_words)),
            )


def _coast(inputs, out, lang) -> None:
    """Mainland natural coastline: length and share (island lines left out)."""
    if not _given(inputs.coast_geoms):
        return
    lengths = shapely.length(np.asarray(inputs.coast_geoms, dtype=object))
    types = _column(inputs.coast_types, len(lengths))
    classes = _column(inputs.coast_classes, len(lengths))
    natural = np.array([coast_is_natural(t) is True for t in types], dtype=bool)
    unclassified = sum(1 for t in types if coast_is_natural(t) is None)
    mainland = np.array([coast_is_mainland(c) is not False for c in classes], dtype=bool)
    total = float(lengths[mainland].sum())
    nat = float(lengths[mainland & natural].sum())
    text = note("coast_unknown", lang, n=unclassified) if unclassified else ""
    if inputs.coast_classes is None:
        text = "; ".join(x for x in (text, note("coast_no_class", lang)) if x)
    out["mainland_natural_coast_length"] = Measured(nat, BASE_LENGTH, "COASTLINE", text)
    if total > 0:
        out["mainland_natural_coast_ratio"] = Measured(
            _percent(nat, total), BASE_PERCENT, "COASTLINE", text
        )


def _mines(inputs, out, lang) -> None:
    """Operating mines: count, share of large and medium ones, annual output."""
    if inputs.mine_count is None and inputs.mine_scales is None and inputs.mine_outputs_t is None:
        return
    count = inputs.mine_count
    if count is None:
        count = len(inputs.mine_scales if inputs.mine_scales is not None else inputs.mine_outputs_t)
    out["active_mines"] = Measured(float(count), BASE_COUNT, "MINES")
    if inputs.mine_scales is not None and count > 0:
        large = sum(1 for s in inputs.mine_scales if is_large_or_medium(s))
        out["large_medium_mine_ratio"] = Measured(_percent(large, count), BASE_PERCENT, "MINES")
    if inputs.mine_outputs_t is not None:
        values = [float(v) for v in inputs.mine_outputs_t if v is not None]
        missing = len(inputs.mine_outputs_t) - len(values)
        out["mineral_output"] = Measured(
            float(sum(values)),
            BASE_OUTPUT,
            "MINES",
            note("mines_missing", lang, n=missing) if missing else "",
        )
