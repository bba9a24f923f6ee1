"""What a project occupies by 三调 land class (占用地类分析), from overlay pieces.

Input: one row per piece (project ∩ DLTB parcel, overlapping parcels already counted once by
:mod:`.overlaps`) with the project index, the parcel's DLBM, its gross area (m², measured by the
caller) and its net area: gross × (1 − KCXS) (扣除系数, the share of 田坎 etc.; the 三调 rule
TBDLMJ = TBMJ − KCMJ; :func:`net_from_kcxs`), or the parcel's official TBDLMJ shared out by
the piece's share of the parcel (:func:`net_from_official`). GDDB (耕地等别) weights the grade.
Classes come from :mod:`.landuse` only: the first-level classes of 三调, and the three classes of
《土地管理法》 (农用地 / 建设用地 / 未利用地, GB/T 21010-2017 附录A) that 用地报批 tables need.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import landuse
from .values import read_numbers

# SUMMARY fields and the first-level class keys they add up (net areas)
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
THREE_CLASS_FIELDS = {"nyd_m2": landuse.NYD, "jsyd_m2": landuse.JSYD, "wlyd_m2": landuse.WLYD}
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
    "gross_m2",
    "nyd_m2",
    "jsyd_m2",
    "wlyd_m2",
    "gd_m2",
    "gd_jbnt_m2",
    "gd_yb_m2",
)
# fields that stay None (NULL) without the input they need
FARMLAND_SPLIT_FIELDS = ("gd_jbnt_m2", "gd_yb_m2")


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
    classes: np.ndarray  # first-level class key of every piece
    farmland: np.ndarray  # mask of the pieces that are 耕地
    paddy: np.ndarray  # mask of the pieces that are 水田 (0101)
    unknown_codes: dict[str, int] = field(default_factory=dict)  # code -> pieces
    farm_grade: float | None = None  # net-area-weighted 耕地等别 over all projects
    three: np.ndarray | None = None  # 农用地 / 建设用地 / 未利用地 key (or None) of every piece
    bad_grades: list[int] = field(default_factory=list)  # pieces of 耕地 whose grade is unreadable

    def class_totals(self) -> dict[str, tuple[float, float]]:
        """(gross, net) m² per first-level class key over all projects."""
        totals: dict[str, list[float]] = {}
        for row in self.rows:
            acc = totals.setdefault(row.class_key, [0.0, 0.0])
            acc[0] += row.gross_m2
            acc[1] += row.net_m2
        return {key: (g, n) for key, (g, n) in totals.items()}

    def total(self, name: str) -> float | None:
        """The sum of a SUMMARY field over all projects (None when the field is not measured)."""
        values = [s[name] for s in self.summary.values()]
        if values and all(v is None for v in values):
            return None
        return float(sum(v for v in values if v is not None))


def net_from_kcxs(gross_m2: np.ndarray, kcxs: np.ndarray | None) -> np.ndarray:
    """Net area of each piece: gross × (1 − KCXS), KCXS as fractions (0 where missing)."""
    gross = np.asarray(gross_m2, dtype=float)
    if kcxs is None or len(kcxs) == 0:
        return gross.copy()
    return gross * (1.0 - np.asarray(kcxs, dtype=float))


def net_from_official(
    gross_m2: np.ndarray, parcel_m2: np.ndarray, official_m2: np.ndarray, fallback: np.ndarray
) -> np.ndarray:
    """Net area of each piece from its parcel's official net area (TBDLMJ), shared out by the
    piece's share of the parcel: TBDLMJ × gross / parcel gross. Pieces whose official area is
    missing (NaN) or whose parcel has no area keep ``fallback``."""
    gross = np.asarray(gross_m2, dtype=float)
    parcel = np.asarray(parcel_m2, dtype=float)
    official = np.asarray(official_m2, dtype=float)
    usable = ~np.isnan(official) & (parcel > 0)
    out = np.asarray(fallback, dtype=float).copy()
    out[usable] = official[usable] * gross[usable] / parcel[usable]
    return out


def _normalised(dlbm: list) -> list[str]:
    cache: dict = {}
    codes = []
    for c in dlbm:  # few distinct codes: normalise each once
        code = cache.get(c)
        if code is None:
            code = cache[c] = landuse.normalise_code(c) or ""
        codes.append(code)
    return codes


def _rows(project_index, codes, gross, net, class_of) -> list[ClassRow]:
    groups: dict[tuple[int, str], list[float]] = {}
    for p, code, g, nt in zip(project_index.tolist(), codes, gross.tolist(), net.tolist()):
        acc = groups.setdefault((p, code), [0.0, 0.0])
        acc[0] += g
        acc[1] += nt
    return [
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


def occupation(
    project_index: np.ndarray,
    dlbm: list,
    gross_m2: np.ndarray,
    n_projects: int,
    net_m2: np.ndarray | None = None,
    grades: list | None = None,
    include_saltpans: bool = False,
    in_farmland_m2: np.ndarray | None = None,
) -> Occupation:
    """Areas per (project, DLBM) and a summary per project (see module doc).

    ``net_m2`` defaults to the gross areas; ``in_farmland_m2`` (net area of each piece inside
    永久基本农田) gives ``gd_jbnt_m2`` / ``gd_yb_m2`` (None without it).
    """
    project_index = np.asarray(project_index, dtype=np.int64)
    gross = np.asarray(gross_m2, dtype=float)
    net = gross.copy() if net_m2 is None else np.asarray(net_m2, dtype=float)
    n = len(gross)
    codes = _normalised(dlbm)
    class_of = {c: landuse.first_level(c or None, include_saltpans) for c in set(codes)}
    classes = np.array([class_of[c] for c in codes], dtype=object)
    unknown: dict[str, int] = {}
    for code, key in zip(codes, classes):
        if key == "unknown":
            unknown[code] = unknown.get(code, 0) + 1
    three_of = {c: landuse.three_class(c) if c else None for c in class_of}
    three = np.array([three_of[c] for c in codes], dtype=object)
    built = np.array([three_of[c] == landuse.JSYD for c in codes], dtype=bool)
    paddy = np.array([bool(c) and landuse.is_paddy(c) for c in codes], dtype=bool)
    farmland = classes == "farmland"

    summary: dict[int, dict[str, float | None]] = {}
    for p in range(n_projects):
        summary[p] = {name: 0.0 for name in SUMMARY_FIELDS}
        summary[p]["farm_grade"] = None
        if in_farmland_m2 is None:
            for name in FARMLAND_SPLIT_FIELDS:
                summary[p][name] = None

    def add(name: str, mask: np.ndarray, weights: np.ndarray = net) -> None:
        sums = np.bincount(project_index[mask], weights=weights[mask], minlength=n_projects)
        for p in np.nonzero(sums)[0]:
            summary[int(p)][name] = float(sums[p])

    farm_grade, bad = None, []
    if n:
        everything = np.ones(n, dtype=bool)
        add("total_m2", everything)
        add("gross_m2", everything, gross)
        for name, keys in SUMMARY_CLASSES.items():
            add(name, np.isin(classes, keys))
        add("gd_m2", farmland)
        add("paddy_m2", paddy & farmland)
        add("built_m2", built)
        for name, key in THREE_CLASS_FIELDS.items():
            add(name, three == key)
        if in_farmland_m2 is not None:
            inside = np.minimum(np.asarray(in_farmland_m2, dtype=float), net)
            add("gd_jbnt_m2", farmland, inside)
            add("gd_yb_m2", farmland, net - inside)
        if grades is not None:
            farm_grade, bad = _weighted_grades(summary, project_index, net, farmland, grades)
    return Occupation(
        _rows(project_index, codes, gross, net, class_of),
        summary,
        net,
        codes,
        classes,
        farmland,
        paddy,
        unknown,
        farm_grade,
        three,
        bad,
    )


def _weighted_grades(summary, project_index, net, farmland, grades) -> tuple:
    """Net-area-weighted 耕地等别 per project (into ``summary``) and over all; the pieces of
    耕地 whose grade cannot be read (text, negative) are left out and returned."""
    n_projects = len(summary)
    column = read_numbers(grades)
    values = column.values.copy()
    values[column.negative] = np.nan
    bad = sorted(i for i in set(column.invalid) | set(column.negative) if farmland[i])
    graded = farmland & ~np.isnan(values)
    if not graded.any():
        return None, bad
    weights = np.bincount(project_index[graded], weights=net[graded], minlength=n_projects)
    weighted = np.bincount(
        project_index[graded], weights=net[graded] * values[graded], minlength=n_projects
    )
    for p in np.nonzero(weights > 0)[0]:
        summary[int(p)]["farm_grade"] = float(weighted[p] / weights[p])
    total = float(weights.sum())
    return (float(weighted.sum() / total) if total > 0 else None), bad
