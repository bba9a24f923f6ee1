"""The red-line rule matrix: which control, occupied by which class of project, gives which
verdict, why (the wording of the reason) and on what basis (document and article).

The rules live in a data file (default ``resources/rules/redline_rules.csv``; ``#`` lines are
comments): one row per control × project class (:mod:`.project_classes`), a row of class ``*``
being the control's default. A project's verdict is the strictest level over the controls it
occupies (from ``MIN_AREA``). :func:`evaluate` turns the measured amounts of one project into a
:class:`Verdict`.

A rule file of an office (``RULES_FILE``) replaces the default rows of every control it names;
the controls it leaves out keep the plugin's rows (so a file may change one control only). A
file in the old layout (no ``class`` column: one row per control) still works, its rows being
the ``*`` rows.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .labels import FAIL, PASS, REVIEW, VERDICT_ZH
from .project_classes import CLASS_ZH, CLASSES, class_code
from .textfile import TextFileError, read_text
from .units import format_area_en, format_area_zh, format_length_zh

LEVELS = (PASS, REVIEW, FAIL)  # in increasing severity
ANY_CLASS = "*"
# the controls a rule can name (see core.redline for what each measures)
CONTROLS = (
    "eco",
    "pa_core",
    "pa",
    "marine",
    "marine_reclaim",
    "marine_limit",
    "farm",
    "eco_space",
    "coast_strict",
    "coast",
    "coast_limit",
    "coast_use",
    "udb_out",
    "mineral",
    "geohazard",
    "heritage",
    "forest",
)
LINEAR_CONTROLS = frozenset({"coast", "coast_strict", "coast_limit", "coast_use"})
MIN_LENGTH_M = 0.01  # a coastline counts from 1 cm inside a project (numerical tolerance)
REQUIRED = (
    "control",
    "level",
    "name_zh",
    "name_en",
    "rule_zh",
    "rule_en",
    "reason_zh",
    "reason_en",
)
COLUMNS = ("control", "class", *REQUIRED[1:], "basis", "judgement")


class RuleFileError(ValueError):
    """The rule file cannot be used (message names the file, row and column)."""


@dataclass(frozen=True)
class Rule:
    control: str
    project_class: str  # a class code or "*"
    level: str
    name_zh: str
    name_en: str
    rule_zh: str
    rule_en: str
    reason_zh: str  # "{class}" = the class's Chinese name, "{amount}" = 公顷 and 亩 (or 米)
    reason_en: str
    basis: str = ""  # document and article
    judgement: bool = False  # True: the cell is the authors' judgement, not a rule's text
    source: str = ""  # the file the row comes from


@dataclass(frozen=True)
class RuleSet:
    rules: dict[tuple[str, str], Rule]
    source: str
    order: tuple[str, ...] = CONTROLS  # controls in the order reasons list them

    def rule(self, control: str, project_class: str = ANY_CLASS) -> Rule:
        """The row of ``control`` for ``project_class``, else the control's ``*`` row."""
        found = self.rules.get((control, project_class))
        return found if found is not None else self.rules[(control, ANY_CLASS)]

    def __getitem__(self, control: str) -> Rule:
        return self.rule(control)

    def rows(self) -> list[Rule]:
        """Every row, by control (file order) and class (``*`` first, then the class order)."""
        rank = {c: i for i, c in enumerate((ANY_CLASS, *CLASSES))}
        return sorted(
            self.rules.values(),
            key=lambda r: (self.order.index(r.control), rank[r.project_class]),
        )


def _lines(text: str) -> list[str]:
    return [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]


def _parse_row(row: dict, n: int, source: str) -> Rule:
    control = (row.get("control") or "").strip()
    if control not in CONTROLS:
        raise RuleFileError(
            f"{source}: row {n}: unknown control {control!r} "
            f"(expected one of {', '.join(CONTROLS)})"
        )
    raw_class = (row.get("class") or ANY_CLASS).strip() or ANY_CLASS
    project_class = ANY_CLASS if raw_class == ANY_CLASS else class_code(raw_class)
    if project_class is None:
        raise RuleFileError(
            f"{source}: row {n}: unknown project class {raw_class!r} "
            f"(expected * or one of {', '.join(CLASSES)})"
        )
    level = (row.get("level") or "").strip().upper()
    if level not in LEVELS:
        raise RuleFileError(f"{source}: row {n}: level {level!r} is not one of {', '.join(LEVELS)}")
    values = {c: (row.get(c) or "").strip() for c in REQUIRED[3:]}
    judgement = (row.get("judgement") or "").strip().lower() in ("yes", "y", "true", "1", "是")
    return Rule(
        control,
        project_class,
        level,
        (row.get("name_zh") or "").strip(),
        **values,
        basis=(row.get("basis") or "").strip(),
        judgement=judgement,
        source=source,
    )


def parse_rules(text: str, source: str = "<text>", base: RuleSet | None = None) -> RuleSet:
    """The rule set of ``text``; with ``base``, the controls ``text`` leaves out keep its rows."""
    reader = csv.DictReader(io.StringIO("\n".join(_lines(text))))
    reader.fieldnames = [n.strip() for n in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in reader.fieldnames]
    if missing:
        raise RuleFileError(f"{source}: missing column(s) {', '.join(missing)}")
    rules: dict[tuple[str, str], Rule] = {}
    order: list[str] = []
    for n, row in enumerate(reader, start=2):
        rule = _parse_row(row, n, source)
        key = (rule.control, rule.project_class)
        if key in rules:
            raise RuleFileError(
                f"{source}: row {n}: control {rule.control!r} and class "
                f"{rule.project_class!r} given twice"
            )
        rules[key] = rule
        if rule.control not in order:
            order.append(rule.control)
    no_default = [c for c in order if (c, ANY_CLASS) not in rules]
    if no_default:
        raise RuleFileError(
            f"{source}: no default row (class *) for control(s) {', '.join(no_default)}"
        )
    if base is not None:
        for key, rule in base.rules.items():
            if key[0] not in order:
                rules[key] = rule
        order += [c for c in base.order if c not in order]
    absent = [c for c in CONTROLS if c not in order]
    if absent:
        raise RuleFileError(f"{source}: no rule for control(s) {', '.join(absent)}")
    return RuleSet(rules, source, tuple(order))


def load_rules(path: str | Path, base: RuleSet | None = None) -> RuleSet:
    """The rule file ``path`` (UTF-8 with or without BOM, or GBK as Excel saves it)."""
    try:
        text = read_text(path)
    except TextFileError as error:
        raise RuleFileError(str(error)) from error
    return parse_rules(text, str(path), base)


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
    reasons: str  # Chinese (or English) sentences, joined
    conflicts: tuple[str, ...]  # controls that reached the threshold
    slivers: tuple[str, ...]  # controls with an overlap below the threshold
    levels: dict[str, str] = field(default_factory=dict)  # conflict control -> level
    parts: tuple[str, ...] = ()  # one reason per conflict, then the notes
    basis: tuple[str, ...] = ()  # the basis of each rule applied (distinct, in order)


def amount_text(control: str, amount: float, chinese: bool) -> str:
    if control in LINEAR_CONTROLS:
        return format_length_zh(amount) if chinese else f"{amount:,.1f} m"
    return format_area_zh(amount) if chinese else format_area_en(amount)


def evaluate(
    amounts: dict[str, float | None],
    rules: RuleSet,
    min_area: float,
    chinese: bool = True,
    project_class: str = "general",
    notes: tuple[str, ...] = (),
) -> Verdict:
    """Verdict of one project of ``project_class`` from its amounts per control (None = not
    checked); ``notes`` (e.g. that a zone was unknown) follow the reasons.

    ``amounts['pa']`` must already be the general-zone part (pa_m2 − pa_core_m2).
    """
    verdict = PASS
    conflicts, slivers, parts, sliver_parts, basis = [], [], [], [], []
    levels: dict[str, str] = {}
    class_name = CLASS_ZH.get(project_class, project_class) if chinese else project_class
    for control in rules.order:
        amount = amounts.get(control)
        if amount is None or amount <= 0:
            continue
        rule = rules.rule(control, project_class)
        threshold = MIN_LENGTH_M if control in LINEAR_CONTROLS else min_area
        if amount >= threshold:
            conflicts.append(control)
            levels[control] = rule.level
            template = rule.reason_zh if chinese else rule.reason_en
            text = amount_text(control, amount, chinese)
            parts.append(template.format(amount=text, **{"class": class_name}))
            if rule.basis and rule.basis not in basis:
                basis.append(rule.basis)
            if LEVELS.index(rule.level) > LEVELS.index(verdict):
                verdict = rule.level
        else:
            slivers.append(control)
            unit = "平方米" if chinese else "m²"
            sliver_parts.append(f"{rule.name_zh if chinese else rule.name_en} {amount:.2f} {unit}")
    nothing = "未占用所检查的管控区" if chinese else "no checked control is occupied"
    if chinese:
        reasons = "；".join(parts) if parts else nothing
        if sliver_parts:
            reasons += (
                f"（另有小于 {min_area:g} 平方米的碎屑重叠，不计为冲突：{'、'.join(sliver_parts)}）"
            )
        if notes:
            reasons += "；" + "；".join(notes)
    else:
        reasons = "; ".join(parts) if parts else nothing
        if sliver_parts:
            reasons += f" (slivers below {min_area:g} m², not counted: {', '.join(sliver_parts)})"
        if notes:
            reasons += "; " + "; ".join(notes)
    return Verdict(
        verdict,
        VERDICT_ZH[verdict],
        reasons,
        tuple(conflicts),
        tuple(slivers),
        levels,
        (*(parts or [nothing]), *notes),
        tuple(basis),
    )
