"""Attribute values as offices enter them: numbers in text fields, NULLs, KCXS in two units.

One parser for every algorithm, so that the same value never reads two ways:

* :func:`parse_number` — a number, ``None`` for NULL/empty/NaN, ``ValueError`` for text such
  as ``'abc'`` or ``'约5万'``.
* :func:`read_numbers` — a column: values, and the positions of the unreadable and the
  negative ones (for a warning naming the features, or a refusal).
* :func:`read_kcxs` — 田坎系数 KCXS of a whole layer. The unit is decided **per layer**: all
  values ≤ 1 → fractions; any value > 1 → the layer is percent-coded and every value is
  divided by 100 (so 0.5 in a percent layer is 0.5 %, not 50 %). Values outside the unit's
  range, negative or unreadable count as 0 and are reported.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

KCXS_FRACTION = "fraction"
KCXS_PERCENT = "percent"


def parse_number(value) -> float | None:
    """A number from an attribute value; None for NULL/empty/NaN; ValueError otherwise."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
    else:
        text = str(value).strip()
        if not text:
            return None
        number = float(text)  # raises ValueError for 'abc', '约5万'
    return None if math.isnan(number) else number


@dataclass
class NumberColumn:
    """A numeric column read by :func:`read_numbers` (NaN where missing or unreadable)."""

    values: np.ndarray
    invalid: list[int] = field(default_factory=list)  # positions of unreadable text
    negative: list[int] = field(default_factory=list)  # positions of values < 0

    @property
    def missing(self) -> np.ndarray:
        return np.isnan(self.values)


_PLAIN = (float, int, type(None))


def read_numbers(values: Sequence) -> NumberColumn:
    if all(type(v) in _PLAIN for v in values):  # what the readers give: one numpy pass
        out = np.array(values, dtype=float) if len(values) else np.zeros(0)
        return NumberColumn(out, [], np.flatnonzero(out < 0).tolist())
    out = np.full(len(values), np.nan)
    invalid, negative = [], []
    for i, value in enumerate(values):
        try:
            number = parse_number(value)
        except (TypeError, ValueError):
            invalid.append(i)
            continue
        if number is None:
            continue
        if number < 0:
            negative.append(i)
        out[i] = number
    return NumberColumn(out, invalid, negative)


@dataclass
class KcxsColumn:
    """KCXS as fractions 0..1 (0 where missing or invalid) and how the layer was read."""

    fractions: np.ndarray
    unit: str  # KCXS_FRACTION or KCXS_PERCENT
    invalid: list[int] = field(default_factory=list)  # positions counted as 0


def read_kcxs(values: Sequence | None) -> KcxsColumn:
    if values is None:
        return KcxsColumn(np.zeros(0), KCXS_FRACTION)
    column = read_numbers(values)
    numbers = column.values
    present = ~np.isnan(numbers)
    unit = KCXS_PERCENT if bool(np.any(numbers[present] > 1.0)) else KCXS_FRACTION
    scale, upper = (100.0, 100.0) if unit == KCXS_PERCENT else (1.0, 1.0)
    bad = present & ((numbers < 0) | (numbers > upper))
    fractions = np.where(present & ~bad, numbers / scale, 0.0)
    invalid = sorted(set(column.invalid) | set(np.flatnonzero(bad).tolist()))
    return KcxsColumn(fractions, unit, invalid)
