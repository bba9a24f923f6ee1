"""Grades of a corridor from the editable threshold table (``corridor_grades.csv``)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

GRADE_CODES = ("excellent", "good", "fair", "poor")

CRITERIA = {
    "min_continuity": ("continuity", 1),
    "min_eco_ratio": ("eco_ratio", 1),
    "max_built_ratio": ("built_ratio", -1),
    "min_mean_eco_width_m": ("mean_eco_width_m", 1),
    "min_largest_patch_ratio": ("largest_patch_ratio", 1),
}


@dataclass(frozen=True)
class GradeRule:
    kind: str
    grade: str
    grade_zh: str
    limits: dict[str, float]


def load_grade_rules(path: str | Path) -> list[GradeRule]:
    """Read the grade table (``#`` lines are comments). Raises ``ValueError`` on bad rows."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    for row in csv.DictReader(lines):
        kind, grade = (row.get("kind") or "").strip(), (row.get("grade") or "").strip()
        if not kind or grade not in GRADE_CODES:
            raise ValueError(f"bad grade row: {row}")
        limits = {}
        for key in CRITERIA:
            value = (row.get(key) or "").strip()
            if value:
                limits[key] = float(value)
        rows.append(GradeRule(kind, grade, (row.get("grade_zh") or "").strip(), limits))
    return rows


def grade(
    kind: str, metrics: dict[str, float | None], rules: Sequence[GradeRule]
) -> tuple[str, str]:
    """The first grade (in file order) of ``kind`` whose limits all hold; else the last one.

    A metric that is None (e.g. continuity of a corridor without transects) does not constrain.
    """
    mine = [r for r in rules if r.kind == kind]
    if not mine:
        return "", ""
    for rule in mine:
        ok = True
        for key, limit in rule.limits.items():
            metric, sign = CRITERIA[key]
            value = metrics.get(metric)
            if value is None:
                continue
            if (sign > 0 and value < limit) or (sign < 0 and value > limit):
                ok = False
                break
        if ok:
            return rule.grade, rule.grade_zh
    return mine[-1].grade, mine[-1].grade_zh
