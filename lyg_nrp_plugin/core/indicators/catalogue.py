"""The indicator catalogue (``resources/indicators/indicators_2025.csv``), the TARGETS file
(targets and manual values), and :func:`evaluate`, which joins them with measured values."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Sequence
from pathlib import Path

from ..labels import STATUS_ZH
from .classify import status_of
from .model import CATEGORIES, Indicator, IndicatorResult, ManualInputs, Measured, note
from .units import UNIT_FACTORS, base_of, to_unit


def _number(text) -> float | None:
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text) if math.isfinite(float(text)) else None
    text = str(text).strip().lstrip("≥≤<>=").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def load_catalogue(path: str | Path) -> list[Indicator]:
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            comparator = row["comparator"].strip()
            if comparator not in (">=", "<=", "=", ""):
                raise ValueError(f"{row['code']}: comparator {comparator!r}")
            if row["unit"] not in UNIT_FACTORS:
                raise ValueError(f"{row['code']}: unit {row['unit']!r}")
            if row["category"] not in CATEGORIES:
                raise ValueError(f"{row['code']}: category {row['category']!r}")
            rows.append(
                Indicator(
                    code=row["code"],
                    category=row["category"],
                    name_zh=row["name_zh"],
                    name_en=row["name_en"],
                    unit=row["unit"],
                    comparator=comparator,
                    target=_number(row["target_2025"]),
                    target_text=row["target_text"],
                    attribute=row["attribute"],
                    baseline_2020=_number(row["baseline_2020"]),
                    computed_from=row["computed_from"],
                    method_zh=row["method_zh"],
                    method_en=row["method_en"],
                    plan_source=row["plan_source"],
                )
            )
    return rows


def load_manual(path: str | Path, known_codes: Sequence[str] = ()) -> ManualInputs:
    """Read a TARGETS file (JSON or CSV; values in the catalogue's unit of each indicator).

    JSON: ``{"targets": {code: number}, "values": {code: number}, "notes": {code: text}}``.
    CSV: header ``code,target,value[,note]`` (empty cells ignored).
    Unknown codes raise ``ValueError`` when ``known_codes`` is given.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        manual = _manual_from_json(text)
    else:
        manual = _manual_from_csv(text)
    if known_codes:
        unknown = sorted((set(manual.targets) | set(manual.values)) - set(known_codes))
        if unknown:
            raise ValueError("unknown indicator codes: " + ", ".join(unknown))
    return manual


def _manual_from_json(text: str) -> ManualInputs:
    manual = ManualInputs()
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("TARGETS JSON must be an object with 'targets' and/or 'values'")
    for key, store in (("targets", manual.targets), ("values", manual.values)):
        for code, value in (data.get(key) or {}).items():
            number = _number(value)
            if number is None:
                raise ValueError(f"{key}.{code}: {value!r} is not a number")
            store[code] = number
    manual.notes.update({k: str(v) for k, v in (data.get("notes") or {}).items()})
    return manual


def _manual_from_csv(text: str) -> ManualInputs:
    manual = ManualInputs()
    reader = csv.DictReader(
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )
    if reader.fieldnames is None or "code" not in reader.fieldnames:
        raise ValueError("TARGETS CSV needs a header with a 'code' column")
    for row in reader:
        code = (row.get("code") or "").strip()
        for key, store in (("target", manual.targets), ("value", manual.values)):
            cell = (row.get(key) or "").strip()
            if cell:
                number = _number(cell)
                if number is None:
                    raise ValueError(f"{code}.{key}: {cell!r} is not a number")
                store[code] = number
        if (row.get("note") or "").strip():
            manual.notes[code] = row["note"].strip()
    return manual


def evaluate(
    catalogue: Sequence[Indicator],
    measured: dict[str, Measured],
    manual: ManualInputs | None = None,
    lang: str = "zh",
) -> list[IndicatorResult]:
    """One result per catalogue indicator: value in its unit, target, status."""
    manual = manual or ManualInputs()
    results = []
    for ind in catalogue:
        note_parts = []
        value = None
        source = ""
        if ind.code in manual.values:
            value = manual.values[ind.code]
            source = "manual"
            if ind.code in measured:
                computed = to_unit(measured[ind.code].value, ind.unit)
                note_parts.append(note("manual_overrides", lang, v=f"{computed:.4g}"))
        elif ind.code in measured and measured[ind.code].value is not None:
            m = measured[ind.code]
            if base_of(ind.unit) != m.base_unit:
                raise ValueError(f"{ind.code}: {m.base_unit} cannot become {ind.unit}")
            value = to_unit(m.value, ind.unit)
            source = m.source
            if m.note:
                note_parts.append(m.note)
        target = manual.targets.get(ind.code, ind.target)
        if ind.code in manual.targets:
            note_parts.append(note("target_file", lang))
        if ind.code in manual.notes:
            note_parts.append(manual.notes[ind.code])
        status = status_of(value, ind.comparator, target)
        results.append(
            IndicatorResult(
                code=ind.code,
                name_zh=ind.name_zh,
                name_en=ind.name_en,
                category=ind.category,
                unit=ind.unit,
                value=value,
                target=target,
                comparator=ind.comparator,
                attribute=ind.attribute,
                baseline_2020=ind.baseline_2020,
                status=status,
                status_zh=STATUS_ZH[status],
                source=source,
                note="; ".join(note_parts),
                target_text=ind.target_text,
                method_zh=ind.method_zh,
                method_en=ind.method_en,
            )
        )
    return results
