"""The grain capacity table (标准粮食产能, kg per 亩 of each quality grade): parsing,
validation and lookup."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..textfile import TextFileError, read_text
from .model import GRADE_MAX, GRADE_MIN, BalanceInputError


@dataclass(frozen=True)
class CapacityTable:
    """Standard grain capacity (标准粮食产能, kg per 亩) of each quality grade."""

    kg_per_mu: dict[int, float]
    source: str = ""

    def missing_for(self, grades: Sequence[float]) -> list[int]:
        """Integer grades a lookup of ``grades`` needs (floor and ceil) but the table lacks."""
        needed: set[int] = set()
        for g in grades:
            if g is None or (isinstance(g, float) and math.isnan(g)):
                continue
            needed.update({math.floor(g), math.ceil(g)})
        return sorted(needed - set(self.kg_per_mu))

    def capacity(self, grade: float) -> float:
        """kg per 亩 of ``grade``; linear interpolation between integer grades."""
        low, high = math.floor(grade), math.ceil(grade)
        for g in (low, high):
            if g not in self.kg_per_mu:
                raise BalanceInputError(
                    "capacity_missing_grade",
                    f"capacity table {self.source} has no grade {g}",
                    table=self.source,
                    grades=str(g),
                )
        if low == high:
            return self.kg_per_mu[low]
        t = grade - low
        return (1.0 - t) * self.kg_per_mu[low] + t * self.kg_per_mu[high]

    def capacities(self, grades: Sequence[float]) -> np.ndarray:
        missing = self.missing_for(grades)
        if missing:
            raise BalanceInputError(
                "capacity_missing_grade",
                f"capacity table {self.source} has no grade(s) {missing}",
                table=self.source,
                grades=", ".join(str(g) for g in missing),
            )
        grades = np.asarray(grades, dtype=float)
        unique, inverse = np.unique(grades, return_inverse=True)
        values = np.array([self.capacity(float(g)) for g in unique], dtype=float)
        return values[inverse].reshape(grades.shape)

    def is_monotonic(self) -> bool:
        """True when a better grade (lower number) never has a lower capacity."""
        grades = sorted(self.kg_per_mu)
        values = [self.kg_per_mu[g] for g in grades]
        return all(a >= b for a, b in zip(values, values[1:]))


def parse_capacity_csv(text: str, source: str = "") -> CapacityTable:
    """Parse ``grade,kg_per_mu`` CSV text. Lines starting with ``#`` and blank lines are
    comments; extra columns are ignored. Grades must be integers 1–15, each at most once;
    capacities positive numbers."""
    lines = [
        ln
        for ln in text.lstrip("\ufeff").splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    ]
    if not lines:
        raise BalanceInputError("capacity_empty", f"capacity table {source} is empty", table=source)
    reader = csv.reader(io.StringIO("\n".join(lines)))
    header = [h.strip().lower() for h in next(reader)]
    if "grade" not in header or "kg_per_mu" not in header:
        raise BalanceInputError(
            "capacity_header",
            f"capacity table {source} must have the header grade,kg_per_mu, not {header}",
            table=source,
            header=",".join(header),
        )
    i_grade, i_kg = header.index("grade"), header.index("kg_per_mu")
    table: dict[int, float] = {}
    for line_no, row in enumerate(reader, start=1):
        if not any(cell.strip() for cell in row):
            continue
        cells = [c.strip() for c in row] + [""] * len(header)
        grade_text, kg_text = cells[i_grade], cells[i_kg]
        try:
            grade_value = float(grade_text)
            kg = float(kg_text)
        except ValueError:
            raise BalanceInputError(
                "capacity_value",
                f"capacity table {source}: row {line_no} is not numeric: {row}",
                table=source,
                row=line_no,
                text=",".join(row),
            ) from None
        if not grade_value.is_integer() or not GRADE_MIN <= grade_value <= GRADE_MAX:
            raise BalanceInputError(
                "capacity_grade_range",
                f"capacity table {source}: row {line_no} grade {grade_text} not an integer 1-15",
                table=source,
                row=line_no,
                grade=grade_text,
            )
        grade = int(grade_value)
        if grade in table:
            raise BalanceInputError(
                "capacity_duplicate",
                f"capacity table {source}: grade {grade} appears twice",
                table=source,
                grade=grade,
            )
        if not math.isfinite(kg) or kg <= 0:
            raise BalanceInputError(
                "capacity_value",
                f"capacity table {source}: row {line_no} capacity must be positive",
                table=source,
                row=line_no,
                text=",".join(row),
            )
        table[grade] = kg
    if not table:
        raise BalanceInputError(
            "capacity_empty", f"capacity table {source} has no rows", table=source
        )
    return CapacityTable(table, source)


def load_capacity_csv(path: str | Path) -> CapacityTable:
    path = Path(path)
    if not path.is_file():
        raise BalanceInputError(
            "capacity_not_found", f"capacity table {path} not found", table=str(path)
        )
    try:
        text = read_text(path)  # UTF-8 (BOM or not) or GBK/GB18030, as Excel saves it
    except TextFileError as error:
        raise BalanceInputError("capacity_read", str(error), table=str(path)) from None
    return parse_capacity_csv(text, str(path))
