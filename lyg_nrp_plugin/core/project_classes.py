"""Project classes of the red-line review (建设项目类别): what kind of project asks for the land.

Chinese control-line rules depend on the kind of project as much as on the control it touches
(自然资发〔2022〕142号: 国家重大项目 and 有限人为活动 may enter the 生态保护红线 after 论证;
《土地管理法》第35条: only 重大建设项目 may occupy 永久基本农田). Six classes, recognised by their
Chinese name or their code:

=====================  ====================
``general``            一般建设项目
``linear_infra``       线性基础设施
``major_national``     国家重大项目
``major_provincial``   省级重大项目
``limited_activity``   有限人为活动
``military``           军事国防
=====================  ====================

Any other value is mapped by the class table (default ``resources/rules/project_classes.csv``:
a value containing a pattern, first matching row wins), so that a planner can point the class
field at an ordinary 项目类型 field. A value that is empty or matches nothing is **unknown**:
it is reviewed as ``general`` (the strictest class) and says so — a review tool fails closed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .textfile import TextFileError, read_text

GENERAL = "general"
LINEAR_INFRA = "linear_infra"
MAJOR_NATIONAL = "major_national"
MAJOR_PROVINCIAL = "major_provincial"
LIMITED_ACTIVITY = "limited_activity"
MILITARY = "military"
CLASSES = (GENERAL, LINEAR_INFRA, MAJOR_NATIONAL, MAJOR_PROVINCIAL, LIMITED_ACTIVITY, MILITARY)
CLASS_ZH = {
    GENERAL: "一般建设项目",
    LINEAR_INFRA: "线性基础设施",
    MAJOR_NATIONAL: "国家重大项目",
    MAJOR_PROVINCIAL: "省级重大项目",
    LIMITED_ACTIVITY: "有限人为活动",
    MILITARY: "军事国防",
}
CLASS_EN = {
    GENERAL: "general construction project",
    LINEAR_INFRA: "linear infrastructure",
    MAJOR_NATIONAL: "major national project",
    MAJOR_PROVINCIAL: "major provincial project",
    LIMITED_ACTIVITY: "limited human activity",
    MILITARY: "military / national defence",
}
TABLE_COLUMNS = ("pattern", "class", "basis")


class ClassTableError(ValueError):
    """The class table cannot be used (the message names the file and row)."""


@dataclass(frozen=True)
class ClassPattern:
    pattern: str  # matched as a substring of the value
    code: str
    basis: str = ""


@dataclass(frozen=True)
class ClassTable:
    patterns: tuple[ClassPattern, ...]
    source: str


@dataclass(frozen=True)
class ProjectClass:
    """The class a project is reviewed as, and how it was found."""

    code: str
    known: bool  # False: empty or unrecognised value, reviewed as general
    value: str = ""  # the value of the class field ('' when empty or no field)
    pattern: str = ""  # the class-table pattern that matched ('' for a direct name or code)

    @property
    def name_zh(self) -> str:
        return CLASS_ZH[self.code]


def class_code(text: str) -> str | None:
    """The class of a class name or code (``国家重大项目``, ``major_national``), else None."""
    text = (text or "").strip()
    lowered = text.lower()
    if lowered in CLASS_ZH:
        return lowered
    for code, name in CLASS_ZH.items():
        if text == name:
            return code
    return None


def _rows(text: str) -> list[str]:
    return [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]


def parse_class_table(text: str, source: str = "<text>") -> ClassTable:
    reader = csv.DictReader(io.StringIO("\n".join(_rows(text))))
    names = [n.strip() for n in (reader.fieldnames or [])]
    missing = [c for c in TABLE_COLUMNS[:2] if c not in names]
    if missing:
        raise ClassTableError(f"{source}: missing column(s) {', '.join(missing)}")
    reader.fieldnames = names
    patterns = []
    for n, row in enumerate(reader, start=2):
        pattern = (row.get("pattern") or "").strip()
        code = class_code(row.get("class") or "")
        if not pattern:
            raise ClassTableError(f"{source}: row {n}: empty pattern")
        if code is None:
            raise ClassTableError(
                f"{source}: row {n}: unknown class {row.get('class')!r} "
                f"(expected one of {', '.join(CLASSES)} or their Chinese names)"
            )
        patterns.append(ClassPattern(pattern, code, (row.get("basis") or "").strip()))
    return ClassTable(tuple(patterns), source)


def load_class_table(path: str | Path) -> ClassTable:
    """The class table of ``path`` (UTF-8 with or without BOM, or GBK as Excel saves it)."""
    try:
        text = read_text(path)
    except TextFileError as error:
        raise ClassTableError(str(error)) from error
    return parse_class_table(text, str(path))


def default_class_table_path() -> Path:
    """``resources/rules/project_classes.csv`` in the checkout or the installed plugin."""
    package = Path(__file__).resolve().parent.parent
    for root in (package, package.parent):
        candidate = root / "resources" / "rules" / "project_classes.csv"
        if candidate.is_file():
            return candidate
    return package.parent / "resources" / "rules" / "project_classes.csv"


def classify(value, table: ClassTable | None) -> ProjectClass:
    """The class of one value of the class field (None / '' → unknown, reviewed as general)."""
    text = "" if value is None else str(value).strip()
    if not text:
        return ProjectClass(GENERAL, False)
    code = class_code(text)
    if code is not None:
        return ProjectClass(code, True, text)
    for entry in table.patterns if table is not None else ():
        if entry.pattern in text:
            return ProjectClass(entry.code, True, text, entry.pattern)
    return ProjectClass(GENERAL, False, text)


def classify_all(values, table: ClassTable | None, n: int) -> list[ProjectClass]:
    """:func:`classify` of a column of ``n`` values (None: no class field, all unknown)."""
    if values is None:
        return [ProjectClass(GENERAL, False)] * n
    cache: dict = {}
    out = []
    for value in values:
        key = "" if value is None else str(value)
        if key not in cache:
            cache[key] = classify(value, table)
        out.append(cache[key])
    return out
