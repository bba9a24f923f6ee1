"""The indicator catalogue (``resources/indicators/indicators_2025.csv``), the TARGETS file
(targets and manual values), and :func:`evaluate`, which joins them with measured values.

A TARGETS file is *illustrative* when it says so (``"illustrative": true`` in JSON, a
``# illustrative`` line in CSV) or its name does (``example``, ``illustrative``, ``示例``): its
values are then marked 示例 and the dashboard and the report show a banner.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Sequence
from pathlib import Path

from .. import labels
from ..labels import STATUS_ZH
from ..textfile import read_text
from .classify import status_of
from .model import CATEGORIES, Indicator, IndicatorResult, ManualInputs, Measured, note
from .units import UNIT_FACTORS, base_of, to_unit

ILLUSTRATIVE_NAME_WORDS = ("example", "illustrative", "示例")


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
                    baseline_text=row.get("baseline_text") or "",
                    plan_definition=row.get("plan_definition") or "",
                    difference_zh=row.get("difference_zh") or "",
                    difference_en=row.get("difference_en") or "",
                )
            )
    return rows


def load_manual(path: str | Path, known_codes: Sequence[str] = ()) -> ManualInputs:
    """Read a TARGETS file (JSON or CSV; values in the catalogue's unit of each indicator).

    JSON: ``{"targets": {code: number}, "values": {code: number}, "notes": {code: text},
    "illustrative": bool}``. CSV: header ``code,target,value[,note]`` (empty cells ignored,
    ``#`` lines are comments). UTF-8 (with or without BOM) or GBK. Unknown codes raise
    ``ValueError`` when ``known_codes`` is given; so does anything else that is not a
    TARGETS file (the message says what).
    """
    path = Path(path)
    text = read_text(path)  # TextFileError (a ValueError) names the file
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        manual = _manual_from_json(text)
    else:
        manual = _manual_from_csv(text)
    name = path.name.lower()
    manual.illustrative |= any(word in name for word in ILLUSTRATIVE_NAME_WORDS)
    if known_codes:
        unknown = sorted((set(manual.targets) | set(manual.values)) - set(known_codes))
        if unknown:
            raise ValueError("unknown indicator codes: " + ", ".join(unknown))
    return manual


def _manual_from_json(text: str) -> ManualInputs:
    manual = ManualInputs()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON: {error}") from error
    if not isinstance(data, dict):
        raise ValueError("TARGETS JSON must be an object with 'targets' and/or 'values'")
    for key, store in (("targets", manual.targets), ("values", manual.values)):
        block = data.get(key) or {}
        if not isinstance(block, dict):
            raise ValueError(f"'{key}' must be an object of code: number")
        for code, value in block.items():
            number = _number(value)
            if number is None:
                raise ValueError(f"{key}.{code}: {value!r} is not a number")
            store[code] = number
    notes = data.get("notes") or {}
    if not isinstance(notes, dict):
        raise ValueError("'notes' must be an object of code: text")
    manual.notes.update({k: str(v) for k, v in notes.items()})
    manual.illustrative = data.get("illustrative") is True
    return manual


def _manual_from_csv(text: str) -> ManualInputs:
    manual = ManualInputs()
    lines = text.splitlines()
    comments = [line.lstrip()[1:].strip().lower() for line in lines if line.lstrip()[:1] == "#"]
    manual.illustrative = any(c.startswith("illustrative") for c in comments)
    reader = csv.DictReader(
        line for line in lines if line.strip() and not line.lstrip().startswith("#")
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
    """One result per catalogue indicator: value in its unit, target, status, value source.

    A value measured under another definition than the plan's (``Measured.comparable`` False)
    is ``NOT_COMPARABLE`` instead of met / not met, unless the TARGETS file gives a manual
    value (rated: 填报) or a target of its own for it (compared on the computed definition).
    """
    manual = manual or ManualInputs()
    return [_result(ind, measured.get(ind.code), manual, lang) for ind in catalogue]


def _result(ind: Indicator, m: Measured | None, manual: ManualInputs, lang: str):
    zh = lang.lower().startswith("zh")
    notes, value, source, value_source = [], None, "", ""
    if ind.code in manual.values:
        value, source = manual.values[ind.code], "manual"
        value_source = labels.SOURCE_EXAMPLE if manual.illustrative else labels.SOURCE_MANUAL
        if m is not None and m.value is not None:
            computed = to_unit(m.value, ind.unit)
            notes.append(note("manual_overrides", lang, v=f"{computed:.4g}"))
        m = None  # the computed value (and its definition) no longer matters
    elif m is not None and m.value is not None:
        if base_of(ind.unit) != m.base_unit:
            raise ValueError(f"{ind.code}: {m.base_unit} cannot become {ind.unit}")
        value, source = to_unit(m.value, ind.unit), m.source
        value_source = labels.SOURCE_APPROXIMATE if m.approximate else labels.SOURCE_COMPUTED
        notes += [m.note] if m.note else []
    else:
        m = None
    target = manual.targets.get(ind.code, ind.target)
    own_target = ind.code in manual.targets
    if own_target:
        notes.append(note("target_file" if m is None or m.comparable else "target_file_own", lang))
        if manual.illustrative:
            notes.append(note("example_target", lang))
    if ind.code in manual.notes:
        notes.append(manual.notes[ind.code])
    status = status_of(value, ind.comparator, target)
    difference = ""
    if m is not None and not m.comparable and not own_target:
        difference = " ".join(
            t for t in (ind.difference_zh if zh else ind.difference_en, m.difference) if t
        )
        if status in (labels.STATUS_MET, labels.STATUS_NOT_MET):
            status = labels.STATUS_NOT_COMPARABLE
    return IndicatorResult(
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
        note="; ".join(notes),
        target_text=ind.target_text,
        method_zh=ind.method_zh,
        method_en=ind.method_en,
        value_source=value_source,
        value_source_zh=labels.VALUE_SOURCE_ZH.get(value_source, ""),
        difference=difference,
        arithmetic=m.arithmetic if m is not None else "",
        baseline_text=ind.baseline_text,
    )
