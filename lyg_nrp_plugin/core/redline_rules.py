"""The red-line rule set: which control gives which verdict, and how reasons are worded.

The rules live in a data file (default ``resources/rules/redline_rules.csv``; ``#`` lines are
comments) so that an authority can change a level without touching code. :func:`evaluate`
turns the measured overlaps of one project into ``(verdict, verdict_zh, reasons)``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .labels import FAIL, PASS, REVIEW, VERDICT_ZH
from .units import format_area_en, format_area_zh, format_length_zh

LEVELS = (PASS, REVIEW, FAIL)  # in increasing severity
CONTROLS = ("eco", "farm", "udb_out", "pa", "pa_core", "marine", "coast")
LINEAR_CONTROLS = frozenset({"coast"})
MIN_LENGTH_M = 0.01  # a coastline counts from 1 cm inside a project (numerical tolerance)
COLUMNS = ("control", "level", "name_zh", "name_en", "rule_zh", "rule_en", "reason_zh", "reason_en")


class RuleFileError(ValueError):
    """The rule file cannot be used (message names the file, line and column)."""


@dataclass(frozen=True)
class Rule:
    control: str
    level: str
    name_zh: str
    name_en: str
    rule_zh: str
    rule_en: str
    reason_zh: str
    reason_en: str


@dataclass(frozen=True)
class RuleSet:
    rules: dict[str, Rule]
    source: str

    def __getitem__(self, control: str) -> Rule:
        return self.rules[control]


def parse_rules(text: str, source: str = "<text>") -> RuleSet:
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise RuleFileError(f"{source}: missing column(s) {', '.join(missing)}")
    rules: dict[str, Rule] = {}
    for n, row in enumerate(reader, start=2):
        control = (row["control"] or "").strip()
        level = (row["level"] or "").strip().upper()
        if control not in CONTROLS:
            raise RuleFileError(
                f"{source}: row {n}: unknown control {control!r} "
                f"(expected one of {', '.join(CONTROLS)})"
            )
        if level not in LEVELS:
            raise RuleFileError(
                f"{source}: row {n}: level {level!r} is not one of {', '.join(LEVELS)}"
            )
        if control in rules:
            raise RuleFileError(f"{source}: row {n}: control {control!r} given twice")
        values = {c: (row[c] or "").strip() for c in COLUMNS}
        values["level"] = level
        rules[control] = Rule(**values)
    absent = [c for c in CONTROLS if c not in rules]
    if absent:
        raise RuleFileError(f"{source}: no rule for control(s) {', '.join(absent)}")
    return RuleSet(rules, source)


def load_rules(path: str | Path) -> RuleSet:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise RuleFileError(f"{path}: {error}") from error
    return parse_rules(text, str(path))


def default_rules_path() -> Path:
    """``resources/rules/redline_rules.csv`` in the checkout or the installed plugin."""
    package = Path(__file__).resolve().parent.parent
    for root in (package, package.parent):
        candidate = root / "resources" / "rules" / "redline_rules.csv"
        if candidate.is_file():
            return candidate
    return package.parent / "resources" / "rules" / "redline_rules.csv"


@dataclass(frozen=True)
class Verdict:
    verdict: str
    verdict_zh: str
    reasons: str  # Chinese (or English) sentence
    conflicts: tuple[str, ...]  # controls that reached the threshold
    slivers: tuple[str, ...]  # controls with an overlap below the threshold


def evaluate(
    amounts: dict[str, float | None], rules: RuleSet, min_area: float, chinese: bool = True
) -> Verdict:
    """Verdict of one project from its measured amounts per control (None = not checked).

    ``amounts['pa']`` must already be the general-zone part (pa_m2 − pa_core_m2).
    """
    verdict = PASS
    conflicts, slivers, parts, sliver_parts = [], [], [], []
    for control in rules.rules:  # the file's order: strictest rules first by default
        amount = amounts.get(control)
        if amount is None or amount <= 0:
            continue
        rule = rules[control]
        linear = control in LINEAR_CONTROLS
        threshold = MIN_LENGTH_M if linear else min_area
        if linear:
            text = format_length_zh(amount) if chinese else f"{amount:,.1f} m"
        else:
            text = format_area_zh(amount) if chinese else format_area_en(amount)
        if amount >= threshold:
            conflicts.append(control)
            parts.append((rule.reason_zh if chinese else rule.reason_en).format(amount=text))
            if LEVELS.index(rule.level) > LEVELS.index(verdict):
                verdict = rule.level
        else:
            slivers.append(control)
            sliver_parts.append(
                f"{rule.name_zh if chinese else rule.name_en} "
                f"{amount:.2f} {'平方米' if chinese else 'm²'}"
            )
    if chinese:
        reasons = "；".join(parts) if parts else "未占用所检查的管控区"
        if sliver_parts:
            reasons += (
                f"（另有小于 {min_area:g} 平方米的碎屑重叠，不计为冲突：{'、'.join(sliver_parts)}）"
            )
    else:
        reasons = "; ".join(parts) if parts else "no checked control is occupied"
        if sliver_parts:
            reasons += f" (slivers below {min_area:g} m², not counted: {', '.join(sliver_parts)})"
    return Verdict(verdict, VERDICT_ZH[verdict], reasons, tuple(conflicts), tuple(slivers))
