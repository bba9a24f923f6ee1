"""Is a supplementary plot new farmland? Each plot is cut by the base-year parcels (三调 /
年度变更调查 DLTB before the works) and every part is classed by its base land use:

- an admissible source (``new`` in the rule table) → new farmland;
- 0102 / 0103 under a plot now 0101 → 旱改水 (paddy and capacity gain, no quantity);
- 01xx with a better grade now → 提质改造 (capacity gain only);
- other 01xx → 非新增耕地 ``not_new`` (nothing);
- a refused source (林地, 湿地, 河流, 湖泊, 水库 …, or a code the rules do not know), or land no
  base parcel with a code covers → the whole plot is excluded (``source`` / ``no_base``) once
  such parts reach ``min_area`` in total.

Overlapping base parcels count once: under a plot they are taken in fid order and each keeps
only what the earlier ones left.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..geometry import polygonal_part
from ..landuse import is_paddy
from ..progress import Progress, report
from .model import AreaFunction, BaseLanduse
from .sources import FARMLAND, REFUSED, SourceRules
from .values import land_codes, parse_grades

CHECK_EVERY = 200  # plots between two progress reports (and cancel checks)
PADDY_SOURCES = ("0102", "0103")  # 水浇地, 旱地: 旱改水 when the plot is 0101 now
EMPTY_M2 = 1e-9  # parts smaller than this are floating-point noise


@dataclass
class Base:
    """The base parcels as read: codes, grades (None where missing) and their rules."""

    fids: np.ndarray
    geoms: np.ndarray
    codes: list[str | None]
    grades: list[float | None]
    tree: shapely.STRtree | None


def read_base(base: BaseLanduse) -> Base:
    geoms = np.asarray(base.geoms, dtype=object)
    fids = np.asarray(base.fids, dtype=np.int64)
    codes = land_codes(base.dlbm)
    if base.grade is not None:
        grades = parse_grades(base.grade, fids, base.layer, base.grade_field)
    else:
        grades = [None] * len(geoms)
    tree = shapely.STRtree(geoms) if len(geoms) else None
    return Base(fids, geoms, codes, grades, tree)


def cut(geom: shapely.Geometry, base: Base) -> list[tuple[int, shapely.Geometry]]:
    """``geom`` cut by the base parcels: (base index, piece) in base fid order, then
    (-1, the part no parcel covers) when there is one."""
    if base.tree is None:
        return [(-1, geom)]
    hits = base.tree.query(geom, predicate="intersects")
    hits = hits[np.argsort(base.fids[hits], kind="stable")]
    pieces = []
    remaining = geom
    for j in hits:
        piece = polygonal_part(shapely.intersection(remaining, base.geoms[j]))
        if not piece.is_empty:
            pieces.append((int(j), piece))
            remaining = polygonal_part(shapely.difference(remaining, base.geoms[j]))
        if remaining.is_empty:
            break
    if not remaining.is_empty:
        pieces.append((-1, remaining))
    return pieces


def part_class(base_code: str | None, base_grade, plot_code: str, plot_grade, rules) -> str:
    """The class of a part (a key of ``model.PART_ZH``) from its base and its plot."""
    rule = rules.rule(base_code)
    if rule.klass == REFUSED:
        return "source"
    if rule.klass != FARMLAND:
        return "new"
    if is_paddy(plot_code) and base_code[:4] in PADDY_SOURCES:
        return "paddy_upgrade"
    if is_paddy(base_code) and not is_paddy(plot_code):
        return "not_new"  # 水改旱 loses paddy: never a credit
    if base_grade is not None and plot_grade is not None and plot_grade < base_grade:
        return "quality_upgrade"
    return "not_new"


@dataclass
class Newness:
    """Per plot: its pieces (base index, geometry, area) and classes, and why a plot is
    excluded as a whole (``source`` / ``no_base``) with the base codes found."""

    pieces: list[list[tuple[int, shapely.Geometry, float, str]]]
    excluded: dict[int, tuple[str, tuple[str, ...], str]]  # plot -> (reason, codes, note)
    base: Base


def classify_plots(
    geoms: np.ndarray,
    todo: np.ndarray,
    codes: list,
    grades: list,
    base: Base,
    rules: SourceRules,
    min_area: float,
    area_fn: AreaFunction,
    progress: Progress | None = None,
) -> Newness:
    """Cut the plots ``todo`` (mask) by the base and class each piece; raises
    :class:`~..progress.Canceled` when ``progress`` is canceled."""
    pieces: list[list] = [[] for _ in range(len(geoms))]
    excluded: dict[int, tuple[str, tuple[str, ...], str]] = {}
    todo_idx = np.flatnonzero(todo)
    for k, i in enumerate(todo_idx):
        if k % CHECK_EVERY == 0:
            report(progress, k / max(len(todo_idx), 1))
        cut_pieces = cut(geoms[i], base)
        areas = area_fn(np.array([g for _, g in cut_pieces], dtype=object))
        for (j, geom), area in zip(cut_pieces, areas):
            if area <= EMPTY_M2:
                continue
            if j < 0 or base.codes[j] is None:
                klass = "no_base"  # not covered, or a base parcel without a land-use code
            else:
                klass = part_class(base.codes[j], base.grades[j], codes[i], grades[i], rules)
            pieces[i].append((j, geom, float(area), klass))
        reason = _whole_plot_reason(pieces[i], base, rules, min_area)
        if reason is not None:
            excluded[int(i)] = reason
    return Newness(pieces, excluded, base)


def _whole_plot_reason(pieces, base: Base, rules: SourceRules, min_area: float):
    """(reason, base codes found, note) when the refused or uncovered parts of a plot reach
    ``min_area``; None otherwise (smaller parts are slivers and simply not credited)."""
    codes = tuple(sorted({base.codes[j] or "" for j, *_ in pieces if j >= 0}))
    refused = sum(a for _, _, a, k in pieces if k == "source")
    uncovered = sum(a for _, _, a, k in pieces if k == "no_base")
    if refused > 0 and refused >= min_area:
        names = sorted(
            {
                f"{base.codes[j] or '空'} {rules.rule(base.codes[j]).name_zh}"
                for j, _, _, k in pieces
                if k == "source"
            }
        )
        note = f"基期地类 {'、'.join(names)} 共 {refused:,.2f} 平方米，不宜开垦为耕地"
        return "source", codes, note
    if uncovered > 0 and uncovered >= min_area:
        return "no_base", codes, f"{uncovered:,.2f} 平方米不在基期地类图斑内，无法核定是否新增"
    return None
