"""The red-line check of a set of projects (no qgis): the piece of each project in each control
(:mod:`.overlay`), what it amounts to, the verdicts (:mod:`.redline_rules`, by project class)
and the conflict pieces.

A control layer is a :class:`Layer`; the keys of the pieces are the rule controls of
:data:`.redline_rules.CONTROLS`: ``udb_out`` is the part of a project outside the urban
development boundary (on land only when a land boundary is given); a zoned layer is split into
tiers (:mod:`.redline_zones`), the strictest tier first, and a stricter tier keeps the area
where tiers overlap — ``pa`` into ``pa_core`` / ``pa``, ``marine`` into ``marine`` (禁止类) /
``marine_limit``, a classified coastline into ``coast_strict`` / ``coast_limit`` /
``coast_use`` (``coast`` when unclassified). ``marine_limit`` is judged as ``marine_reclaim``
for a project whose 用海方式 is 围填海.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from . import overlay
from .labels import FAIL, PASS, REVIEW
from .progress import Progress, report
from .redline_rules import LINEAR_CONTROLS, MIN_LENGTH_M, RuleSet, Verdict, evaluate
from .redline_zones import Tiers
from .units import m2_to_ha, m2_to_mu

Measure = Callable[[np.ndarray], np.ndarray]

# the piece keys of each layer key, by tier (strictest first)
TIER_KEYS = {
    "pa": ("pa_core", "pa"),
    "marine": ("marine", "marine_limit"),
    "coast": ("coast_strict", "coast_limit", "coast_use"),
}
# the order of the piece keys (as the OUTPUT fields)
PIECE_KEYS = (
    "eco",
    "eco_space",
    "farm",
    "udb_out",
    "pa_core",
    "pa",
    "marine",
    "marine_limit",
    "coast",
    "coast_strict",
    "coast_limit",
    "coast_use",
    "mineral",
    "geohazard",
    "heritage",
    "forest",
)


@dataclass
class Layer:
    """A control layer's geometries (analysis CRS), its tiers (zoned layers; None: one tier)
    and, for ``udb``, the land boundary (None: the whole project counts)."""

    geoms: np.ndarray
    tiers: Tiers | None = None
    land: np.ndarray | None = None


def _subtract(pieces: np.ndarray, stricter: np.ndarray, dimension: int) -> np.ndarray:
    """``pieces − stricter`` per project (where both are non-empty)."""
    both = ~shapely.is_empty(pieces) & ~shapely.is_empty(stricter)
    if both.any():
        diff, ok = overlay.keep_dimension(
            shapely.difference(pieces[both], stricter[both]), dimension
        )
        diff[~ok] = shapely.Polygon() if dimension == 2 else shapely.LineString()
        pieces = pieces.copy()
        pieces[both] = diff
    return pieces


def tiered_pieces(
    projects: np.ndarray, layer: Layer, n_tiers: int, dimension: int, progress=None
) -> list[np.ndarray]:
    """The piece of each project in each tier of ``layer``; where tiers overlap the stricter
    (lower) tier keeps the area."""
    out = []
    stricter = None
    tiers = layer.tiers.tiers if layer.tiers is not None else np.zeros(len(layer.geoms), np.int64)
    for t in range(n_tiers):
        part = progress.sub(t / n_tiers, (t + 1) / n_tiers) if progress is not None else None
        selected = layer.geoms[tiers == t]
        if dimension == 2:
            pieces = overlay.overlap_per_project(projects, selected, progress=part)
        else:
            pieces = overlay.lines_inside_per_project(projects, selected, progress=part)
        if stricter is not None:
            pieces = _subtract(pieces, stricter, dimension)
            grow = ~shapely.is_empty(pieces)
            stricter = stricter.copy()
            stricter[grow] = shapely.union(stricter[grow], pieces[grow])
        else:
            stricter = pieces
        out.append(pieces)
    return out


def udb_outside(projects: np.ndarray, layer: Layer, progress=None) -> np.ndarray:
    """The part of each project outside the boundary; with ``layer.land``, on land only."""
    inside = projects
    if layer.land is not None:
        inside = overlay.overlap_per_project(projects, layer.land)
    return overlay.outside_per_project(inside, layer.geoms, progress=progress)


def control_overlaps(
    projects: np.ndarray, layers: dict[str, Layer], progress: Progress | None = None
) -> dict[str, np.ndarray]:
    """Per piece key, the piece of each project it concerns (keys of the layers given only)."""
    out: dict[str, np.ndarray] = {}
    n = max(len(layers), 1)
    for i, (key, layer) in enumerate(layers.items()):
        part = progress.sub(i / n, (i + 1) / n) if progress is not None else None
        if key == "udb":
            out["udb_out"] = udb_outside(projects, layer, part)
        elif key == "coast" and layer.tiers is None:
            out["coast"] = overlay.lines_inside_per_project(projects, layer.geoms, progress=part)
        elif key in TIER_KEYS:
            dimension = 1 if key == "coast" else 2
            names = TIER_KEYS[key]
            out.update(zip(names, tiered_pieces(projects, layer, len(names), dimension, part)))
        else:
            out[key] = overlay.overlap_per_project(projects, layer.geoms, progress=part)
        report(part, 1.0)
    return out


def unknown_values_touched(
    projects: np.ndarray, layer: Layer, measure: Measure, threshold: float, dimension: int
) -> list[list[str]]:
    """Per project, the unrecognised zone / class values of the features it occupies (from
    ``threshold``); [] where none."""
    out: list[list[str]] = [[] for _ in range(len(projects))]
    if layer.tiers is None or not layer.tiers.unknown.any():
        return out
    index = np.flatnonzero(layer.tiers.unknown)
    pieces = overlay.intersect_pairs(projects, layer.geoms[index], dimension)
    if len(pieces):
        amounts = measure(pieces.geoms)
        for p, r, amount in zip(pieces.left.tolist(), pieces.right.tolist(), amounts.tolist()):
            value = layer.tiers.values[index[r]]
            if amount >= threshold and value not in out[p]:
                out[p].append(value)
    return [sorted(v) for v in out]


def measured(pieces: np.ndarray, measure: Measure) -> np.ndarray:
    """``measure`` of each piece; 0 for empty pieces."""
    values = np.zeros(len(pieces))
    present = ~shapely.is_empty(pieces) if len(pieces) else np.zeros(0, bool)
    if present.any():
        values[present] = measure(pieces[present])
    return values


def control_amounts(
    overlaps: dict[str, np.ndarray], measure_area: Measure, measure_length: Measure
) -> dict[str, np.ndarray | None]:
    """Area (m²) or length (m) of each piece per piece key; None for keys not checked."""
    amounts: dict[str, np.ndarray | None] = {key: None for key in PIECE_KEYS}
    for key, pieces in overlaps.items():
        linear = key in LINEAR_CONTROLS
        amounts[key] = measured(pieces, measure_length if linear else measure_area)
    return amounts


def project_amounts(
    amounts: dict[str, np.ndarray | None], j: int, reclaim: bool
) -> dict[str, float | None]:
    """The amounts of project ``j`` by rule control (``marine_limit`` judged as
    ``marine_reclaim`` for a reclamation)."""
    values = {k: (None if v is None else float(v[j])) for k, v in amounts.items()}
    if reclaim and values.get("marine_limit") is not None:
        values["marine_reclaim"] = values.pop("marine_limit")
    return values


def verdicts(
    amounts: dict[str, np.ndarray | None],
    rules: RuleSet,
    min_area: float,
    classes: Sequence[str],
    reclaim: np.ndarray,
    notes: Sequence[tuple[str, ...]],
) -> list[Verdict]:
    """The verdict of each project of class ``classes[j]`` with its ``notes``."""
    return [
        evaluate(
            project_amounts(amounts, j, bool(reclaim[j])), rules, min_area, True, cls, notes[j]
        )
        for j, cls in enumerate(classes)
    ]


def verdict_counts(results: Sequence[Verdict]) -> dict[str, int]:
    """How many projects fail, need review and pass."""
    return {level: sum(1 for v in results if v.verdict == level) for level in (FAIL, REVIEW, PASS)}


def conflict_pieces(
    overlaps: dict[str, np.ndarray],
    amounts: dict[str, np.ndarray | None],
    results: Sequence[Verdict],
    rules: RuleSet,
    classes: Sequence[str],
    reclaim: np.ndarray,
) -> tuple[list[tuple], list]:
    """One row and geometry per project and control that is a conflict of its verdict.

    Rows are ``(j, control, control_zh, level, area_m2, area_ha, area_mu, length_m)`` (``j``
    the project's index); a coastline is drawn as a 1 m wide strip along it.
    """
    rows, geoms = [], []
    for key in PIECE_KEYS:
        if key not in overlaps:
            continue
        for j, piece in enumerate(overlaps[key]):
            control = "marine_reclaim" if key == "marine_limit" and reclaim[j] else key
            if control not in results[j].levels:
                continue
            amount = float(amounts[key][j])
            rule = rules.rule(control, classes[j])
            level = results[j].levels[control]
            if key in LINEAR_CONTROLS:
                if amount < MIN_LENGTH_M:
                    continue
                geoms.append(shapely.buffer(piece, 1.0, cap_style="flat"))
                rows.append((j, control, rule.name_zh, level, None, None, None, amount))
            else:
                geoms.append(piece)
                area = (amount, m2_to_ha(amount), m2_to_mu(amount))
                rows.append((j, control, rule.name_zh, level, *area, None))
    return rows, geoms
