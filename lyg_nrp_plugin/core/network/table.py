"""Resistance tables: CSV ``code,name_zh,resistance`` with ``#`` comment lines.

A land-use code takes the value of the longest table code that is a prefix of it (``0305``
before ``03``). Empty, 0 or negative resistance = barrier (returned as ``nan``).
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path


class TableError(ValueError):
    pass


def load_table(path: str | Path) -> dict[str, float]:
    text = Path(path).read_text(encoding="utf-8-sig")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "code" not in fields or "resistance" not in fields:
        raise TableError(f"{path}: the table needs the columns 'code' and 'resistance'")
    table: dict[str, float] = {}
    for number, row in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        code = row["code"]
        if not code:
            continue
        raw = row["resistance"]
        try:
            value = float(raw) if raw else math.nan
        except ValueError as exc:
            raise TableError(f"{path}: line {number}: resistance '{raw}' is not a number") from exc
        table[code] = value if value > 0 else math.nan
    if not table:
        raise TableError(f"{path}: the table has no rows")
    return table


def lookup(code, table: dict[str, float]) -> float | None:
    """Resistance of ``code`` (nan = barrier) or None when no table code matches."""
    if code is None:
        return None
    text = str(code).strip()
    for n in range(len(text), 0, -1):
        if text[:n] in table:
            return table[text[:n]]
    return None


def matches_any(code, prefixes) -> bool:
    text = "" if code is None else str(code).strip()
    return any(p and text.startswith(p) for p in prefixes)
