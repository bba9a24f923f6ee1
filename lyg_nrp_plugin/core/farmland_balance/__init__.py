"""耕地占补平衡核验 — the farmland balance sheet (pure computation, no qgis).

The plan (连云港市"十四五"自然资源保护和利用规划) demands 占优补优、占水田补水田 and that
"补充耕地数量、质量与生态不下降". For each balance group (a project, a county, or everything)
this package compares the occupied farmland with the supplementary farmland (补充耕地) on four
checks: quantity (m²), paddy 0101 (m²), quality (area-weighted mean 耕地等别 GDDB, 1 best) and
standard grain capacity (kg = Σ 亩 × kg_per_mu(grade)).

Rules, decided here and documented in ``docs/algorithms/farmland_balance.md``:

- A supplementary plot is **excluded as a whole** (and flagged) when it is not coded as
  cultivated land (01xx), has no grade, lies above the slope limit (GDPDJB > max level), has an
  unreadable or negative area or KCXS, or overlaps the ecological red line or a protected area
  by at least ``min_area`` m² (smaller overlaps are digitising slivers). All reasons that apply
  are listed.
- With the base-year land use (``BaseLanduse``) each plot is cut by the base parcels and every
  part classed (:mod:`.newness`, rules in ``resources/rules/farmland_sources.csv``): new land
  counts as quantity, 旱改水 as paddy and capacity gain, 提质改造 as capacity gain, other
  01xx as nothing (``not_new``); a refused source (林地, 湿地, 河流 …) or land outside the base
  layer excludes the whole plot (``source`` / ``no_base``). Every credit is net of 田坎:
  gross × (1 − KCXS), as on the occupied side (:mod:`.credits`, shared with the ledger).
- Overlapping supplementary plots count their overlap once: plots are taken in fid order; the
  first keeps the land, a later plot is trimmed by the union of the earlier (not excluded) plots
  and the trimmed part is flagged ``overlap``. Overlaps below ``min_area`` are ignored.
- Grades are read as numbers (``6``, ``"06"``, ``6.0``); a non-integer grade (e.g. ``6.5`` of a
  re-assessed plot) takes a capacity linearly interpolated between the neighbouring integer
  grades. A grade outside 1–15 or not a number is an input error. A missing grade is an error
  on an occupied piece (its quality cannot be made good unknown) and an exclusion (``no_grade``)
  on a supplementary plot (an unassessed plot cannot be credited).
- Balance is per group: a surplus in one group never offsets another group's deficit. The total
  row sums areas and capacities; its checks pass only when every group passes and its deficits
  are the sums of the group deficits (what a planner must still find).

Modules: ``model`` (constants, inputs, results), ``values`` (attribute parsing),
``capacity`` (the grain capacity table), ``occupied`` (the occupied pieces), ``plots`` (the
exclusion rules), ``overlaps`` (overlap de-duplication), ``sources`` and ``newness`` (the base
land use of each part), ``credits`` (what each plot is credited), ``balance`` (the sheet and
:func:`farmland_balance`).
"""

from __future__ import annotations

from .balance import Side, Supply, balance_rows, farmland_balance
from .capacity import CapacityTable, load_capacity_csv, parse_capacity_csv
from .credits import Credits, credit_plots
from .model import (
    AREA_TOLERANCE_M2,
    CAPACITY_TOLERANCE_KG,
    GRADE_MAX,
    GRADE_MIN,
    GRADE_TOLERANCE,
    PART_ZH,
    REASON_ORDER,
    REASON_ZH,
    SLOPE_LEVEL_MAX,
    TOTAL_GROUP,
    VERDICT_ZH,
    WHOLE_PLOT_REASONS,
    AreaFunction,
    BalanceInputError,
    BalanceResult,
    BalanceRow,
    BaseLanduse,
    FlaggedPlot,
    Occupied,
    Part,
    Supplement,
)
from .occupied import OccupiedAreas, OccupiedPieces, occupied_areas, occupied_pieces
from .overlaps import Credited, trim_overlaps
from .plots import Plots, flag_plots, overlaps_area, read_plots
from .sources import SourceRule, SourceRules, load_source_rules, parse_source_rules
from .values import group_key, parse_grades, parse_number, parse_slope_level

__all__ = [
    "AREA_TOLERANCE_M2",
    "AreaFunction",
    "BalanceInputError",
    "BalanceResult",
    "BalanceRow",
    "BaseLanduse",
    "CAPACITY_TOLERANCE_KG",
    "CapacityTable",
    "Credited",
    "Credits",
    "FlaggedPlot",
    "GRADE_MAX",
    "GRADE_MIN",
    "GRADE_TOLERANCE",
    "Occupied",
    "OccupiedAreas",
    "OccupiedPieces",
    "PART_ZH",
    "Part",
    "Plots",
    "REASON_ORDER",
    "REASON_ZH",
    "SLOPE_LEVEL_MAX",
    "Side",
    "SourceRule",
    "SourceRules",
    "Supplement",
    "Supply",
    "TOTAL_GROUP",
    "VERDICT_ZH",
    "WHOLE_PLOT_REASONS",
    "balance_rows",
    "credit_plots",
    "farmland_balance",
    "flag_plots",
    "group_key",
    "load_capacity_csv",
    "load_source_rules",
    "occupied_areas",
    "occupied_pieces",
    "overlaps_area",
    "parse_capacity_csv",
    "parse_grades",
    "parse_number",
    "parse_slope_level",
    "parse_source_rules",
    "read_plots",
    "trim_overlaps",
]
