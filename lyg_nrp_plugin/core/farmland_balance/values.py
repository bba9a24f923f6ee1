"""Attribute values as the balance reads them: numbers, grades, slope levels, group keys and
land-use codes."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ..landuse import is_farmland, is_paddy, normalise_code
from ..values import parse_number
from .model import GRADE_MAX, GRADE_MIN, BalanceInputError


def parse_grades(
    values: Sequence, fids: Sequence[int], layer: str, field_name: str
) -> list[float | None]:
    """Grades as floats (None when missing); non-numbers and grades outside 1–15 raise."""
    grades: list[float | None] = []
    bad: list[str] = []
    for fid, value in zip(fids, values):
        try:
            grade = parse_number(value)
        except ValueError:
            bad.append(f"{fid}: {value!r}")
            grades.append(None)
            continue
        if grade is not None and not GRADE_MIN <= grade <= GRADE_MAX:
            bad.append(f"{fid}: {value!r}")
        grades.append(grade)
    if bad:
        raise BalanceInputError(
            "grade_range",
            f"{layer}: field {field_name} must hold grades 1-15; bad values (fid: value): "
            + "; ".join(bad[:5]),
            layer=layer,
            field=field_name,
            values="; ".join(bad[:5]),
            n=len(bad),
        )
    return grades


def parse_slope_level(value) -> int | None:
    """GDPDJB (坡度级别 1–5) as an int: ``2``, ``'2'``, ``'2级'``, ``'Ⅱ'``; None if unreadable."""
    if value is None:
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        return None if math.isnan(float(value)) else int(value)
    text = str(value).strip()
    roman = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
    if text.upper() in roman:
        return roman[text.upper()]
    digits = ""
    for ch in text:
        if ch.isdigit():
            digits += ch
        elif digits:
            break
    return int(digits) if digits else None


def group_key(value) -> str:
    """Group values compare as text: ``320703``, ``320703.0`` and ``' 320703'`` match."""
    if value is None:
        return ""
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return ""
        if float(value).is_integer():
            return str(int(value))
    return str(value).strip()


def land_codes(values: Sequence) -> list[str | None]:
    """Normalised DLBM codes (None when empty), each distinct value normalised once."""
    cache: dict = {}
    out = []
    for value in values:
        key = (type(value), value)
        if key not in cache:
            cache[key] = normalise_code(value)
        out.append(cache[key])
    return out


def farm_paddy(codes: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """Masks: cultivated land (01xx) and paddy (0101)."""
    known = {c: (is_farmland(c), is_paddy(c)) for c in set(codes)}
    farm = np.array([known[c][0] for c in codes], dtype=bool)
    paddy = np.array([known[c][1] for c in codes], dtype=bool)
    return farm, paddy
