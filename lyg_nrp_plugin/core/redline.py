"""The red-line check of a set of projects (no qgis): the overlap of each project with each
control layer (:mod:`.overlay`), what it amounts to, the verdicts (:mod:`.redline_rules`) and
the conflict pieces.

Controls are keyed as in :data:`.redline_rules.CONTROLS`: ``udb_out`` is the part of a project
outside the urban development boundary, ``coast`` the natural coastline inside it (a length),
``pa_core`` the overlap with the protected areas' core zones; the others are overlaps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import shapely

from . import overlay
from .labels import FAIL, PASS, REVIEW
from .progress import Progress, report
from .redline_rules import CONTROLS, LINEAR_CONTROLS, MIN_LENGTH_M, RuleSet, Verdict, evaluate
from .units import m2_to_ha, m2_to_mu

CORE_ZONE_MARK = "核心"  # a protected-area zone value containing it marks a core zone

Measure = Callable[[np.ndarray], np.ndarray]


def core_zone_mask(zones: Sequence) -> np.ndarray:
    """Which protected-area features are core zones (their zone value contains 核心)."""
    texts = [str(v) if v is not None else "" for v in zones]
    return np.array([CORE_ZONE_MARK in z for z in texts], dtype=bool)


def value_mask(values: Sequence, wanted: str) -> np.ndarray:
    """Which features have the (stripped) value ``wanted``, e.g. the natural coastline type."""
    texts = np.array([str(v).strip() if v is not None else "" for v in values], dtype=object)
    return texts == wanted


def control_overlaps(
    projects: np.ndarray,
    controls: dict[str, np.ndarray],
    pa_core: np.ndarray | None = None,
    progress: Progress | None = None,
) -> dict[str, np.ndarray]:
    """Per control key (in the order of ``controls``), the piece of each project it concerns.

    ``pa_core`` is the mask of the protected areas (``controls["pa"]``) that are core zones;
    given, ``pa_core`` pieces are added.
    """
    out: dict[str, np.ndarray] = {}
    n = max(len(controls), 1)
    for i, (key, geoms) in enumerate(controls.items()):
        part = progress.sub(i / n, (i + 1) / n) if progress is not None else None
        if key == "udb_out":
            out[key] = overlay.outside_per_project(projects, geoms, progress=part)
        elif key == "coast":
            out[key] = overlay.lines_inside_per_project(projects, geoms, progress=part)
        else:
            out[key] = overlay.overlap_per_project(projects, geoms, progress=part)
            if key == "pa" and pa_core is not None:
                out["pa_core"] = overlay.overlap_per_project(
                    projects, geoms[pa_core], progress=part
                )
        report(part, 1.0)
    return out


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
    """Area (m²) or length (m) of each piece per control; None for the controls not checked."""
    amounts: dict[str, np.ndarray | None] = {key: None for key in CONTROLS}
    for key, pieces in overlaps.items():
        linear = key in LINEAR_CONTROLS
        amounts[key] = measured(pieces, measure_length if linear else measure_area)
    return amounts


def verdicts(
    amounts: dict[str, np.ndarray | None], rules: RuleSet, min_area: float, n: int
) -> list[Verdict]:
    """The verdict of each of ``n`` projects; the protected areas count by their general zone
    (all of them minus the core zone) when the core zone was checked."""
    out = []
    for j in range(n):
        values = {k: (None if v is None else float(v[j])) for k, v in amounts.items()}
        if values["pa"] is not None and values["pa_core"] is not None:
            values["pa"] = max(values["pa"] - values["pa_core"], 0.0)
        out.append(evaluate(values, rules, min_area, chinese=True))
    return out


def verdict_counts(results: Sequence[Verdict]) -> dict[str, int]:
    """How many projects fail, need review and pass."""
    return {level: sum(1 for v in results if v.verdict == level) for level in (FAIL, REVIEW, PASS)}


def conflict_pieces(
    overlaps: dict[str, np.ndarray],
    amounts: dict[str, np.ndarray | None],
    ids: Sequence,
    rules: RuleSet,
    min_area: float,
) -> tuple[list[list], list]:
    """One row and geometry per project and control that reaches its threshold.

    Rows are ``[id, control, control_zh, level, area_m2, area_ha, area_mu, length_m]``; a
    coastline is drawn as a 1 m wide strip along it.
    """
    rows, geoms = [], []
    for key in CONTROLS:
        if key not in overlaps:
            continue
        values = amounts[key]
        rule = rules[key]
        for j, piece in enumerate(overlaps[key]):
            amount = float(values[j])
            if key == "coast":
                if amount < MIN_LENGTH_M:
                    continue
                geoms.append(shapely.buffer(piece, 1.0, cap_style="flat"))
                rows.append([ids[j], key, rule.name_zh, rule.level, None, None, None, amount])
            else:
                if amount < min_area or amount <= 0:
                    continue
                geoms.append(piece)
                area = [amount, m2_to_ha(amount), m2_to_mu(amount)]
                rows.append([ids[j], key, rule.name_zh, rule.level, *area, None])
    return rows, geoms
