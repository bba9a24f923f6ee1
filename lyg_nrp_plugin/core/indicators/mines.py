"""Indicators of the mines layer (solid minerals apart from geothermal / mineral water) and of
the year's forest-land occupation."""

from __future__ import annotations

import numpy as np

from .classify import has_text, is_large_or_medium, is_water_mine
from .model import DataIssue, Measured, note
from .parcels import checked_numbers, ids_at
from .spatial import percent
from .units import BASE_AREA, BASE_COUNT, BASE_OUTPUT, BASE_PERCENT, BASE_WATER


def mine_measures(inputs, out, issues, lang) -> None:
    """Operating solid-mineral mines: count, share of large and medium ones, annual output;
    geothermal and mineral-water mines (m³) apart."""
    count = inputs.mine_count
    columns = [
        c for c in (inputs.mine_scales, inputs.mine_outputs, inputs.mine_types) if c is not None
    ]
    if count is None and not columns:
        return
    if count is None:
        count = len(columns[0])
    typed = inputs.mine_types is not None
    types = list(inputs.mine_types) if typed else [None] * count
    water = np.array([is_water_mine(t) for t in types], dtype=bool)
    unknown = [i for i, t in enumerate(types) if typed and not has_text(t)]
    if unknown:
        ids = ids_at(inputs.mine_ids, unknown)
        issues.append(DataIssue("unknown_type", "MINES", ids, len(ids)))
    notes = [note("mine_no_type", lang)] if not typed else []
    if unknown:
        notes.append(note("mine_unknown_type", lang, n=len(unknown)))
    if water.any():
        notes.append(note("mine_water_apart", lang, n=int(water.sum())))
    solid = ~water
    n_solid = int(solid.sum())
    text = "; ".join(notes)
    out["active_mines"] = Measured(float(n_solid), BASE_COUNT, "MINES", text)
    if inputs.mine_scales is not None and n_solid > 0:
        large = sum(
            1 for s, keep in zip(inputs.mine_scales, solid) if keep and is_large_or_medium(s)
        )
        value = percent(large, n_solid)
        out["large_medium_mine_ratio"] = Measured(
            value,
            BASE_PERCENT,
            "MINES",
            text,
            arithmetic=f"{large} ÷ {n_solid} × 100 = {value:.2f}%",
        )
    if inputs.mine_outputs is not None:
        _outputs(inputs, solid, water, out, issues, lang, notes)


def _outputs(inputs, solid, water, out, issues, lang, notes) -> None:
    before = len(issues)
    field = inputs.mine_output_field or "output"
    values = checked_numbers(inputs.mine_outputs, inputs.mine_ids, issues, "MINES", field)
    n_bad = issues[-1].count if len(issues) > before else 0
    notes = list(notes)
    if n_bad:
        notes.append(note("mine_bad_output", lang, n=n_bad))
    missing = int(np.sum(np.isnan(values))) - n_bad
    if missing:
        notes.append(note("mines_missing", lang, n=missing))
    present = ~np.isnan(values)
    tonnes = float(np.sum(values[solid & present])) * inputs.mine_solid_factor
    out["mineral_output"] = Measured(tonnes, BASE_OUTPUT, "MINES", "; ".join(notes))
    if water.any():
        cubic = float(np.sum(values[water & present])) * inputs.mine_water_factor
        out["geothermal_water_output"] = Measured(
            cubic, BASE_WATER, "MINES", note("water_mines", lang, n=int(water.sum()))
        )


def occupation_measures(inputs, out, issues, lang) -> None:
    """林地年征占用面积: Σ of the forest field of a ``landuse_occupation`` SUMMARY."""
    if inputs.occupation_forest is None:
        return
    before = len(issues)
    field = inputs.occupation_field or "forest_m2"
    values = checked_numbers(
        inputs.occupation_forest, inputs.occupation_ids, issues, "OCCUPATION", field
    )
    notes = [note("occupation", lang, n=len(values))]
    if len(issues) > before:
        notes.append(note("occupation_bad", lang, n=issues[-1].count))
    total = float(np.nansum(values))
    out["forest_land_occupation"] = Measured(total, BASE_AREA, "OCCUPATION", "; ".join(notes))
