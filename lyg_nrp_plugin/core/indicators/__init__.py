"""Plan indicators of the 14th Five-Year plan (表2) computed from layers and checked on targets.

Pure computation (no qgis): :func:`.compute.compute` (shapely ≥ 2 / numpy) turns the arrays of
the input layers (:class:`.compute.IndicatorInputs`) into measured values in *base units* (m²,
m, %, t/a, count); :func:`.catalogue.evaluate` joins them with the catalogue
(``resources/indicators/indicators_2025.csv``), converts to each indicator's unit (万公顷,
平方千米, 亿吨/年 …), applies manual values and targets from a TARGETS file, and gives each
indicator a status:

* ``MET`` — value and numeric target compare as the comparator says (≥, ≤, =);
* ``NOT_MET`` — they do not;
* ``NO_TARGET`` — a value but no numeric target (“按上级下达目标执行” without a TARGETS entry,
  or an indicator of 表1 only);
* ``NO_DATA`` — no layer and no manual value gives the indicator;
* ``NOT_COMPARABLE`` — 口径不同，仅供参考: the value is measured under another definition than
  the plan's figure (林木覆盖率 from 三调 林地, 湿地 from the 三调 class …) and no manual value,
  no TARGETS target of its own and no matching definition option was given. Never met or not
  met; shown apart with one sentence on the difference.

Each result says where its value comes from (``value_source``: 计算 / 近似 / 填报 / 示例).

Modules: :mod:`.model` (dataclasses, notes, JSON), :mod:`.units`, :mod:`.classify` (what a code
or type value counts as; statuses), :mod:`.catalogue` (catalogue, TARGETS file, evaluate) and
:mod:`.compute` (with :mod:`.parcels`, :mod:`.overlaps`, :mod:`.spatial`, :mod:`.from_landuse`,
:mod:`.from_layers`, :mod:`.mines`). This package re-exports :mod:`.model`, :mod:`.units`,
:mod:`.classify` and :mod:`.catalogue` only, so that importing it (as the dashboard dock does)
never loads shapely; import ``assess``, ``compute`` and ``IndicatorInputs`` from :mod:`.compute`.
"""

from __future__ import annotations

from ..labels import (
    STATUS_MET,
    STATUS_NO_DATA,
    STATUS_NO_TARGET,
    STATUS_NOT_COMPARABLE,
    STATUS_NOT_MET,
    STATUS_ZH,
)
from .catalogue import evaluate, load_catalogue, load_manual
from .classify import MARICULTURE_ZONE_WORDS, compare, status_of
from .model import (
    CATEGORIES,
    TARGET_FROM_ABOVE,
    DataIssue,
    Indicator,
    IndicatorResult,
    ManualInputs,
    Measured,
    from_json,
    status_counts,
    target_display,
    to_json,
    value_target_text,
)
from .units import TONNES_PER, UNIT_FACTORS, base_of, format_value, from_unit, to_unit

__all__ = [
    "CATEGORIES",
    "MARICULTURE_ZONE_WORDS",
    "STATUS_MET",
    "STATUS_NOT_MET",
    "STATUS_NO_DATA",
    "STATUS_NO_TARGET",
    "STATUS_NOT_COMPARABLE",
    "STATUS_ZH",
    "TARGET_FROM_ABOVE",
    "TONNES_PER",
    "UNIT_FACTORS",
    "DataIssue",
    "Indicator",
    "IndicatorResult",
    "ManualInputs",
    "Measured",
    "base_of",
    "compare",
    "evaluate",
    "format_value",
    "from_json",
    "from_unit",
    "load_catalogue",
    "load_manual",
    "status_counts",
    "status_of",
    "target_display",
    "to_json",
    "to_unit",
    "value_target_text",
]
