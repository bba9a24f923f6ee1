"""Corridor names: the plan's 七廊, matching rules and the editable alias table.

See :mod:`.corridors` for the rules (hyphenated names, aliases). No qgis import.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

DEFAULT_CORRIDOR_NAMES = (
    "龙王河",
    "青口河",
    "蔷薇河-临洪河",
    "古泊善后河",
    "通榆河",
    "新沂河",
    "灌河",
)
_DASHES = re.compile(r"\s*[-－—–~～]\s*")


def normalise_name(name) -> str:
    """Name used for matching: stripped, hyphen variants unified to ``-``."""
    if name is None:
        return ""
    return _DASHES.sub("-", str(name).strip())


def load_aliases(path) -> dict[str, str]:
    """``{alias: canonical}`` from an alias table (columns alias, canonical, basis; ``#`` lines
    are comments; names normalised). Raises ``ValueError`` on a row without both names or an
    alias given two canonical names."""
    with open(path, encoding="utf-8-sig") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    aliases: dict[str, str] = {}
    for row in csv.DictReader(lines):
        alias = normalise_name(row.get("alias"))
        canonical = normalise_name(row.get("canonical"))
        if not alias or not canonical:
            raise ValueError(f"alias row without alias or canonical name: {row}")
        if aliases.get(alias, canonical) != canonical:
            raise ValueError(f"alias {alias} given two canonical names")
        if alias != canonical:
            aliases[alias] = canonical
    return aliases


def canonical(name, aliases: Mapping[str, str] | None) -> str:
    """The canonical corridor name of ``name`` (itself when it is no alias)."""
    key = normalise_name(name)
    return (aliases or {}).get(key, key)


def parse_names(
    text: str | Sequence[str] | None, aliases: Mapping[str, str] | None = None
) -> list[str]:
    """Corridor names from a comma/semicolon/newline separated text (Chinese commas too),
    aliases read as their canonical names, duplicates dropped."""
    if text is None:
        return list(DEFAULT_CORRIDOR_NAMES)
    if isinstance(text, str):
        items = re.split(r"[,，;；、\n]+", text)
    else:
        items = list(text)
    names = [canonical(t, aliases) for t in items]
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out


@dataclass
class NameMatch:
    """Which input features a corridor name matched."""

    name: str
    indices: list[int]
    matched_names: list[str]
    missing_parts: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.indices)


def _is_part(alias: str, name: str) -> bool:
    return "-" in name and alias in name.split("-")


def match_names(
    corridor_names: Sequence[str],
    feature_names: Sequence,
    aliases: Mapping[str, str] | None = None,
) -> list[NameMatch]:
    """For each corridor name the indices of the features it takes (see module doc)."""
    aliases = {a: c for a, c in (aliases or {}).items() if not _is_part(a, c)}
    keys = [canonical(n, aliases) for n in feature_names]
    by_name: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key:
            by_name.setdefault(key, []).append(i)
    matches = []
    for name in corridor_names:
        name = normalise_name(name)
        if name in by_name:
            own = list(dict.fromkeys(normalise_name(feature_names[i]) for i in by_name[name]))
            matches.append(NameMatch(name, list(by_name[name]), own))
            continue
        parts = [p for p in name.split("-") if p] if "-" in name else []
        indices: list[int] = []
        found: list[str] = []
        missing: list[str] = []
        for part in parts:
            if part in by_name:
                indices.extend(by_name[part])
                found.append(part)
            else:
                missing.append(part)
        if not parts:
            missing = [name]
        matches.append(NameMatch(name, indices, found, missing))
    return matches
