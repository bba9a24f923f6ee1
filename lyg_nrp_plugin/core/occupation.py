"""What a project occupies by 三调 land class (占用地类分析), from overlay pieces.

Input: one row per piece (project ∩ DLTB parcel) with the project index, the parcel's DLBM,
its gross area (m², measured by the caller), KCXS (扣除系数: the share of 田坎 etc. deducted;
net = gross × (1 − KCXS), the 三调 rule TBDLMJ = TBMJ − KCMJ), GDDB (耕地等别) and GDPDJB
(耕地坡度级别). Classes come from :mod:`core.landuse` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import landuse

# SUMMARY fields and the class keys they add up (net areas)
SUMMARY_CLASSES = {
    "farm_m2": ("farmland",),
    "garden_m2": ("garden",),
    "forest_m2": ("forest",),
    "grass_m2": ("grass",),
    "wetland_m2": ("wetland",),
    "water_m2": ("water",),
    "other_m2": ("other",),
    "unknown_m2": ("unknown",),
}
SUMMARY_FIELDS = (
    "total_m2",
    "farm_m2",
    "paddy_m2",
    "garden_m2",
    "forest_m2",
    "grass_m2",
    "wetland_m2",
    "built_m2",
    "water_m2",
    "other_m2",
    "unknown_m2",
    "farm_grade",
)


@dataclass
class ClassRow:
    project: int
    dlbm: str  # normalised code ('' when the parcel had none)
    dlmc: str
    class_key: str
    class_zh: str
    gross_m2: float
    net_m2: float


@dataclass
class Occupation:
    rows: list[ClassRow]
    summary: dict[int, dict[str, float | None]]
    net: np.ndarray  # net area of every piece
    codes: list[str]  # normalised code of every piece
    classes: np.ndarray  # class key of every piece
    farmland: np.ndarray  # mask of the pieces that are 耕地
    paddy: np.ndarray  # mask of the pieces that are 水田 (0101)
    unknown_codes: dict[str, int] = field(default_factory=dict)  # code -> pieces
    kcxs_fixed: int = 0  # KCXS values given in percent (> 1) and divided by 100
    kcxs_invalid: int = 0  # KCXS values outside 0..100 (treated as 0)
    farm_grade: float | None = None  # net-area-weighted 耕地等别 over all projects

    def class_totals(self) -> dict[str, tuple[float, float]]:
        """(gross, net) m² per first-level class key over all projects."""
        totals: dict[str, list[float]] = {}
        for row in self.rows:
            acc = totals.setdefault(row.class_key, [0.0, 0.0])
            acc[0] += row.gross_m2
            acc[1] += row.net_m2
        return {key: (g, n) for key, (g, n) in totals.items()}


def clean_kcxs(values) -> tuple[np.ndarray, int, int]:
    """KCXS as a fraction 0..1: NULL → 0, percentages (1 < v ≤ 100) → v/100, others → 0."""
    out = np.zeros(len(values), dtype=float)
    fixed = invalid = 0
    for i, value in enumerate(values):
        if value is None or value == "":
            continue
        try:
            v = float(value)
        except (TypeError, ValueError):
            invalid += 1
            continue
        if np.isnan(v):
            continue
        if 0 <= v <= 1:
            out[i] = v
        elif 1 < v <= 100:
            out[i] = v / 100.0
            fixed += 1
        else:
            invalid += 1
    return out, fixed, invalid


def _grade(value) -> float | None:
    if value is None:
        return None
    try:
        v = float(str(value).strip())
    except ValueError:
        return None
    return None if np.isnan(v) else v


def occupation(
    project_index: np.ndarray,
    dlbm: list,
    gross_m2: np.ndarray,
    n_projects: int,
    kcxs: list | None = None,
    grades: list | None = None,
    include_saltpans: bool = False,
) -> Occupation:
    """Areas per (project, DLBM) and a summary per project (see module doc)."""
    project_index = np.asarray(project_index, dtype=np.int64)
    gross = np.asarray(gross_m2, dtype=float)
    n = len(gross)
    if kcxs is not None:
        coefficients, fixed, invalid = clean_kcxs(kcxs)
    else:
        coefficients, fixed, invalid = np.zeros(n), 0, 0
    net = gross * (1.0 - coefficients)
    normalised: dict = {}
    codes = []
    for c in dlbm:  # few distinct codes: normalise each once
        code = normalised.get(c)
        if code is None:
            code = normalised[c] = landuse.normalise_code(c) or ""
        codes.append(code)
    class_of: dict[str, str] = {}
    for code in set(codes):
        class_of[code] = landuse.first_level(code or None, include_saltpans)
    classes = np.array([class_of[c] for c in codes], dtype=object)
    unknown: dict[str, int] = {}
    for code, key in zip(codes, classes):
        if key == "unknown":
            unknown[code] = unknown.get(code, 0) + 1

    groups: dict[tuple[int, str], list[float]] = {}
    for p, code, g, nt in zip(project_index.tolist(), codes, gross.tolist(), net.tolist()):
        acc = groups.setdefault((p, code), [0.0, 0.0])
        acc[0] += g
        acc[1] += nt
    rows = [
        ClassRow(
            p,
            code,
            landuse.name_of(code) if code else "",
            class_of[code],
            landuse.CLASS_NAMES_ZH[class_of[code]],
            g,
            nt,
        )
        for (p, code), (g, nt) in sorted(groups.items())
    ]

    built_of = {c: bool(c) and landuse.is_built(c) for c in class_of}
    paddy_of = {c: bool(c) and landuse.is_paddy(c) for c in class_of}
    built = np.array([built_of[c] for c in codes], dtype=bool)
    paddy = np.array([paddy_of[c] for c in codes], dtype=bool)
    farmland = classes == "farmland"
    summary: dict[int, dict[str, float | None]] = {}
    farm_grade = None
    for p in range(n_projects):
        summary[p] = {name: 0.0 for name in SUMMARY_FIELDS}
        summary[p]["farm_grade"] = None

    def add(name: str, mask: np.ndarray) -> None:
        sums = np.bincount(project_index[mask], weights=net[mask], minlength=n_projects)
        for p in np.nonzero(sums)[0]:
            summary[int(p)][name] = float(sums[p])

    if n:
        add("total_m2", np.ones(n, dtype=bool))
        for name, keys in SUMMARY_CLASSES.items():
            add(name, np.isin(classes, keys))
        add("paddy_m2", paddy & farmland)
        add("built_m2", built)
        if grades is not None:
            cache: dict = {}
            values = np.array(
                [cache[g] if g in cache else cache.setdefault(g, _grade(g)) for g in grades],
                dtype=object,
            )
            graded = farmland & np.array([v is not None for v in values], dtype=bool)
            if graded.any():
                weights = np.bincount(
                    project_index[graded], weights=net[graded], minlength=n_projects
                )
                weighted = np.bincount(
                    project_index[graded],
                    weights=net[graded] * values[graded].astype(float),
                    minlength=n_projects,
                )
                for p in np.nonzero(weights > 0)[0]:
                    summary[int(p)]["farm_grade"] = float(weighted[p] / weights[p])
                if weights.sum() > 0:
                    farm_grade = float(weighted.sum() / weights.sum())
    return Occupation(
        rows, summary, net, codes, classes, farmland, paddy, unknown, fixed, invalid, farm_grade
    )
