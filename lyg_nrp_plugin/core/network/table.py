"""Resistance tables: CSV ``code,name_zh,resistance[,basis]`` with ``#`` comment lines.

A land-use code takes the value of the longest table code that is a prefix of it (``0305``
before ``03``). Empty, 0 or negative resistance = barrier (returned as ``nan``). Codes on both
sides go through :func:`~lyg_nrp_plugin.core.landuse.normalise_code`, so an integer DLBM
``101`` is 水田 ``0101`` and never the prefix ``10`` (交通运输用地). The file may be UTF-8 (with
or without BOM) or GBK/GB18030 (Excel on Chinese Windows), read by
:func:`~lyg_nrp_plugin.core.textfile.read_text`.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

from ..landuse import normalise_code
from ..textfile import TextFileError, read_text


class TableError(ValueError):
    pass


def load_table(path: str | Path) -> dict[str, float]:
    try:
        text = read_text(path)
    except TextFileError as exc:
        raise TableError(str(exc)) from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "code" not in fields or "resistance" not in fields:
        raise TableError(f"{path}: the table needs the columns 'code' and 'resistance'")
    table: dict[str, float] = {}
    for number, row in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        code = normalise_code(row["code"])
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
    text = normalise_code(code)
    if text is None:
        return None
    for n in range(len(text), 0, -1):
        if text[:n] in table:
            return table[text[:n]]
    return None


def matches_any(code, prefixes) -> bool:
    text = normalise_code(code) or ""
    return any(p and text.startswith(normalise_code(p) or "") for p in prefixes)
