"""What the base-year land use under a supplementary plot makes of it: the rule table
``resources/rules/farmland_sources.csv`` (code or prefix → farmland / new / refused, with the
document and article each row rests on)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..landuse import base_code, normalise_code
from ..textfile import TextFileError, read_text
from .model import BalanceInputError

FARMLAND = "farmland"  # already 耕地: 旱改水, 提质改造 or not new
NEW = "new"  # an admissible source: new farmland
REFUSED = "refused"  # not to be reclaimed: the whole plot is excluded
CLASSES = (FARMLAND, NEW, REFUSED)
COLUMNS = ("code", "class", "name_zh", "basis", "judgement")


@dataclass(frozen=True)
class SourceRule:
    code: str  # a DLBM or a two-digit prefix
    klass: str  # FARMLAND / NEW / REFUSED
    name_zh: str
    basis: str
    judgement: bool


UNKNOWN = SourceRule("", REFUSED, "未知地类", "未列入三调工作分类的地类，从严不予认定", True)


@dataclass(frozen=True)
class SourceRules:
    rules: dict[str, SourceRule]
    source: str = ""

    def rule(self, code) -> SourceRule:
        """The rule of a base DLBM: the code itself, its four-character base, its prefix;
        :data:`UNKNOWN` (refused) when none matches or the code is empty."""
        code = normalise_code(code)
        if code is None:
            return UNKNOWN
        for key in (code, base_code(code), code[:2]):
            if key in self.rules:
                return self.rules[key]
        return UNKNOWN


def parse_source_rules(text: str, source: str = "") -> SourceRules:
    """Parse the rule CSV (``#`` comments, header ``code,class,name_zh,basis,judgement``)."""
    lines = [ln for ln in text.lstrip("\ufeff").splitlines() if not ln.lstrip().startswith("#")]
    rows = [r for r in csv.reader(io.StringIO("\n".join(lines))) if any(c.strip() for c in r)]
    if not rows or [c.strip().lower() for c in rows[0]][: len(COLUMNS)] != list(COLUMNS):
        raise BalanceInputError(
            "sources_header",
            f"source rules {source}: header must be {','.join(COLUMNS)}",
            table=source,
        )
    rules: dict[str, SourceRule] = {}
    for line_no, row in enumerate(rows[1:], start=1):
        cells = [c.strip() for c in row] + [""] * len(COLUMNS)
        code, klass = normalise_code(cells[0]) or "", cells[1].lower()
        if len(code) not in (2, 4, 5) or klass not in CLASSES or code in rules:
            raise BalanceInputError(
                "sources_row",
                f"source rules {source}: row {line_no} is not a code and a class {CLASSES}",
                table=source,
                row=line_no,
                text=",".join(row),
            )
        judgement = cells[4].lower() in ("yes", "y", "true", "1", "是")
        rules[code] = SourceRule(code, klass, cells[2], cells[3], judgement)
    return SourceRules(rules, source)


def default_sources_path() -> Path:
    """``resources/rules/farmland_sources.csv`` in the checkout or the installed plugin."""
    package = Path(__file__).resolve().parent.parent.parent
    for root in (package, package.parent):
        candidate = root / "resources" / "rules" / "farmland_sources.csv"
        if candidate.is_file():
            return candidate
    return package.parent / "resources" / "rules" / "farmland_sources.csv"


def load_source_rules(path: str | Path | None = None) -> SourceRules:
    path = Path(path) if path else default_sources_path()
    try:
        text = read_text(path)
    except TextFileError as error:
        raise BalanceInputError("sources_read", str(error), table=str(path)) from None
    return parse_source_rules(text, str(path))
