"""Indicators from the other layers: red line, permanent farmland, protected areas, sea and
coastline (the mines and the occupation summary: :mod:`.mines`)."""

from __future__ import annotations

import numpy as np
import shapely

from .classify import (
    coast_is_mainland,
    coast_is_natural,
    has_text,
    has_word,
    is_marine_park,
    is_scenic_area,
)
from .model import DataIssue, Measured, note
from .parcels import checked_areas, ids_at
from .spatial import area_text, column, dissolve, given, percent, ratio_text, union_area
from .units import BASE_AREA, BASE_LENGTH, BASE_PERCENT


def protection_measures(inputs, out, land, land_area, land_source, issues, lang) -> None:
    """Red line, permanent farmland, protected areas (and their shares of the land)."""
    if given(inputs.eco_redline_geoms):
        out["eco_redline_area"] = Measured(
            union_area(inputs.eco_redline_geoms), BASE_AREA, "ECO_REDLINE"
        )
    _eco_ratio(inputs, out, land, land_area, land_source, lang)
    if given(inputs.farmland_geoms):
        out["permanent_farmland"] = _farmland(inputs, issues, lang)
    if given(inputs.protected_geoms):
        _protected_areas(inputs, out, land, land_area, land_source, issues, lang)


def _eco_ratio(inputs, out, land, land_area, land_source, lang) -> None:
    """生态红线区域占国土面积比重: the plan's 21.96 % is Jiangsu's provincial tier (now
    生态空间管控区域, ``ECO_SPACE``); measured on the national red line it is 口径不同."""
    provincial = given(inputs.eco_space_geoms)
    geoms = inputs.eco_space_geoms if provincial else inputs.eco_redline_geoms
    if not land_area or not given(geoms):
        return
    inside = union_area(geoms, land)
    value = percent(inside, land_area)
    flags = {} if provincial else {"comparable": False, "difference": note("eco_national", lang)}
    out["eco_redline_land_ratio"] = Measured(
        value,
        BASE_PERCENT,
        f"{'ECO_SPACE' if provincial else 'ECO_REDLINE'} + {land_source}",
        "" if land is not None else note("not_clipped", lang),
        arithmetic=ratio_text(inside, land_area, value, lang),
        **flags,
    )


def _farmland(inputs, issues, lang) -> Measured:
    """Σ of the net area field (YJJBNTMJ), overlaps once; without it the dissolved area."""
    if inputs.farmland_areas is None:
        return Measured(
            union_area(inputs.farmland_geoms),
            BASE_AREA,
            "FARMLAND",
            note("farmland_geometry", lang),
        )
    field = inputs.farmland_area_field or "YJJBNTMJ"
    area, _, _ = checked_areas(
        inputs.farmland_geoms,
        inputs.farmland_areas,
        inputs.farmland_ids,
        inputs.farmland_order,
        issues,
        "FARMLAND",
        field,
    )
    return Measured(
        float(area.sum()), BASE_AREA, "FARMLAND", note("farmland_field", lang, field=field)
    )


def _protected_areas(inputs, out, land, land_area, land_source, issues, lang) -> None:
    geoms = np.asarray(inputs.protected_geoms, dtype=object)
    typed = inputs.protected_types is not None
    types = column(inputs.protected_types, len(geoms))
    scenic = np.array([is_scenic_area(t) for t in types], dtype=bool)
    marine = np.array([is_marine_park(t) for t in types], dtype=bool)
    unknown = np.array([typed and not has_text(t) for t in types], dtype=bool)
    flags = {} if typed else {"comparable": False, "difference": note("no_pa_type", lang)}
    out["protected_area"] = Measured(
        union_area(geoms[~scenic]),
        BASE_AREA,
        "PROTECTED_AREAS",
        note("no_scenic", lang),
        **flags,
    )
    if unknown.any():
        ids = ids_at(inputs.protected_ids, np.flatnonzero(unknown))
        issues.append(DataIssue("unknown_type", "PROTECTED_AREAS", ids, len(ids)))
    if not land_area:
        return
    counted = ~scenic & ~marine & ~unknown
    part = union_area(geoms[counted], land)
    value = percent(part, land_area)
    arithmetic = note(
        "pa_ratio",
        lang,
        part=area_text(part, lang),
        whole=area_text(land_area, lang),
        value=f"{value:.2f}",
        scenic=area_text(union_area(geoms[scenic], land), lang),
        marine=area_text(union_area(geoms[marine], land), lang),
        unknown=area_text(union_area(geoms[unknown], land), lang),
    )
    notes = [note("no_scenic", lang), note("no_marine_park", lang)]
    if unknown.any():
        notes.append(note("pa_unknown", lang, n=int(unknown.sum())))
    out["protected_area_land_ratio"] = Measured(
        value,
        BASE_PERCENT,
        f"PROTECTED_AREAS + {land_source}",
        "; ".join(notes),
        arithmetic=arithmetic,
        **flags,
    )


def sea_measures(inputs, out, lang) -> None:
    """Marine red line share of the sea; mariculture zones (a layer, or sea function zones)."""
    if given(inputs.marine_redline_geoms) and given(inputs.sea_geoms):
        sea = dissolve(inputs.sea_geoms)
        sea_area = float(shapely.area(sea))
        if sea_area > 0:
            inside = union_area(inputs.marine_redline_geoms, sea)
            value = percent(inside, sea_area)
            out["marine_redline_ratio"] = Measured(
                value,
                BASE_PERCENT,
                "MARINE_REDLINE + SEA_AREA",
                arithmetic=ratio_text(inside, sea_area, value, lang),
            )
    if given(inputs.mariculture_geoms):
        out["mariculture_area"] = Measured(
            union_area(inputs.mariculture_geoms), BASE_AREA, "MARICULTURE"
        )
    elif given(inputs.sea_geoms) and inputs.sea_zone_types is not None and inputs.mariculture_words:
        sea_geoms = np.asarray(inputs.sea_geoms, dtype=object)
        words = inputs.mariculture_words
        chosen = np.array([has_word(t, words) for t in inputs.sea_zone_types], dtype=bool)
        if chosen.any():
            out["mariculture_area"] = Measured(
                union_area(sea_geoms[chosen]),
                BASE_AREA,
                "SEA_AREA",
                note("mariculture_zones", lang, words="/".join(words)),
            )


def coast_measures(inputs, out, lang) -> None:
    """Mainland natural coastline: length and share (island lines left out)."""
    if not given(inputs.coast_geoms):
        return
    lengths = shapely.length(np.asarray(inputs.coast_geoms, dtype=object))
    types = column(inputs.coast_types, len(lengths))
    classes = column(inputs.coast_classes, len(lengths))
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
        value = percent(nat, total)
        arithmetic = f"{nat / 1000:,.2f} km ÷ {total / 1000:,.2f} km × 100 = {value:.2f}%"
        out["mainland_natural_coast_ratio"] = Measured(
            value, BASE_PERCENT, "COASTLINE", text, arithmetic=arithmetic
        )
