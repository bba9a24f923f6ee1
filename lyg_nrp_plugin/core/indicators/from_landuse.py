"""Indicators from the land-use parcels: 耕地, 湿地 (under either definition), 建设用地, 开发强度,
林木 / 森林覆盖率 (approximations), and the shares of (natural) wetland in protected areas."""

from __future__ import annotations

import numpy as np
import shapely

from ..progress import Progress, report
from .classify import WETLAND_SURVEY
from .model import DataIssue, Measured, note
from .overlaps import MIN_OVERLAP_M2
from .parcels import Parcels, coastal_outside
from .spatial import dissolve, given, inside_fractions, percent, ratio_text
from .units import BASE_AREA, BASE_PERCENT


def _ratio(part, whole, source, text, lang, **flags) -> Measured | None:
    value = percent(part, whole)
    if value is None:
        return None
    arithmetic = ratio_text(part, whole, value, lang)
    return Measured(value, BASE_PERCENT, source, text, arithmetic=arithmetic, **flags)


def landuse_measures(
    inputs,
    parcels: Parcels,
    out: dict,
    land_area: float | None,
    land_source: str,
    lang: str,
    progress: Progress | None = None,
    issues: list | None = None,
) -> None:
    """Fill ``out`` with the indicators the parcels give (``inputs``: IndicatorInputs)."""
    notes = [note("tbdlmj" if inputs.landuse_areas is not None else "geom_area", lang)]
    if parcels.n_bad:
        notes.append(note("bad_area", lang, n=parcels.n_bad))
    if parcels.n_overlaps:
        area = f"{parcels.overlap_area:,.2f}"
        notes.append(note("overlaps", lang, n=parcels.n_overlaps, area=area))
    if parcels.unknown:
        notes.append(note("unknown_dlbm", lang, n=parcels.unknown))
    area_note = "; ".join(notes)
    cultivated, built = parcels.cultivated(), parcels.built()
    out["cultivated_land"] = Measured(parcels.sum(cultivated), BASE_AREA, "LANDUSE", area_note)
    out["built_land_total"] = Measured(parcels.sum(built), BASE_AREA, "LANDUSE", area_note)
    wetland = _Wetland(inputs, parcels, lang)
    if wetland.coastal_shared > MIN_OVERLAP_M2 and issues is not None:
        issues.append(
            DataIssue("coastal_overlap", "COASTAL_WETLAND", [], 1, wetland.coastal_shared)
        )
    out["wetland_area"] = Measured(
        wetland.total,
        BASE_AREA,
        wetland.source,
        "; ".join([area_note, *wetland.notes]),
        **wetland.flags,
    )
    if land_area and land_area > 0:
        source = f"LANDUSE + {land_source}"
        land_note = note("land_from", lang, src=land_source)
        out["development_intensity"] = _ratio(
            parcels.sum(built), land_area, source, land_note, lang
        )
        for code, mask, key in (
            ("tree_cover", parcels.forest(), "tree_approx"),
            ("forest_cover", parcels.forest_cover(), "forest_approx"),
        ):
            out[code] = _ratio(
                parcels.sum(mask),
                land_area,
                source,
                note(key, lang),
                lang,
                comparable=False,
                approximate=True,
            )
    report(progress, 0.40)
    if given(inputs.protected_geoms):
        _protection_rates(inputs, parcels, wetland, out, lang)


class _Wetland:
    """The wetland of one definition: masks of the parcels, the coastal part outside them."""

    def __init__(self, inputs, parcels: Parcels, lang: str):
        survey = inputs.wetland_definition == WETLAND_SURVEY
        self.mask = parcels.wetland(inputs.wetland_definition, inputs.include_saltpans)
        self.natural = parcels.natural_wetland()
        coastal_given = given(inputs.coastal_wetland_geoms)
        self.coastal, self.coastal_shared = (None, 0.0)
        if survey and coastal_given:
            self.coastal, self.coastal_shared = coastal_outside(
                inputs.coastal_wetland_geoms, parcels.geoms
            )
        self.coastal_area = float(shapely.area(self.coastal)) if self.coastal is not None else 0.0
        self.total = parcels.sum(self.mask) + self.coastal_area
        self.source = "LANDUSE + COASTAL_WETLAND" if self.coastal is not None else "LANDUSE"
        self.notes = [note("wetland_def1" if survey else "wetland_def0", lang)]
        if inputs.include_saltpans and not survey:
            self.notes.append(note("saltpans", lang))
        if self.coastal is not None:
            self.notes.append(note("coastal_added", lang, area=f"{self.coastal_area / 1e4:,.2f}"))
        elif coastal_given:
            self.notes.append(note("coastal_unused", lang))
        comparable = survey and coastal_given
        difference = note("no_coastal", lang) if survey and not coastal_given else ""
        self.flags = {"comparable": comparable, "difference": difference}


def _protection_rates(inputs, parcels: Parcels, wetland: _Wetland, out: dict, lang: str) -> None:
    protected = dissolve(inputs.protected_geoms)
    inside = parcels.area * inside_fractions(parcels.geoms, protected)
    coastal_inside = 0.0
    if wetland.coastal is not None and protected is not None:
        coastal_inside = float(shapely.area(shapely.intersection(wetland.coastal, protected)))
    source = "LANDUSE + PROTECTED_AREAS" + (
        " + COASTAL_WETLAND" if wetland.coastal is not None else ""
    )
    for code, mask in (
        ("natural_wetland_protection", wetland.natural),
        ("wetland_protection", wetland.mask),
    ):
        total = parcels.sum(mask) + wetland.coastal_area
        part = float(np.sum(inside[mask])) + coastal_inside
        measured = _ratio(part, total, source, wetland.notes[0], lang, **wetland.flags)
        if measured is not None:
            out[code] = measured
