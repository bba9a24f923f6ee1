"""Which land counts as ecological: the ``ECO_CLASSES`` syntax (:class:`EcoClasses`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import landuse

# 1104A 养殖坑塘 is not ecological by default: the plan's "科学实施退养还湿" (六(四) 加强滨海湿地
# 保护) treats aquaculture ponds as land to be returned to wetland, not as wetland. The water
# surface 1101-1103 is measured apart (``land.WATER_SURFACE_CODES``) whatever this says.
DEFAULT_ECO_CLASSES = "forest,grass,wetland,water,-1109,-1107,-1104A"

_CLASS_ALIASES = {name: key for key, name in landuse.CLASS_NAMES_ZH.items()}
_CLASS_ALIASES.update({"水域": "water", "林": "forest", "草": "grass"})


@dataclass(frozen=True)
class EcoClasses:
    """Which DLBM codes count as ecological land.

    Syntax (``ECO_CLASSES``): comma-separated tokens; a token is a 三调 first-level class key
    (``forest``, ``grass``, ``wetland``, ``water``, ``farmland``, ``garden``, ``other`` …) or
    its Chinese name (林地, 草地, 湿地, 水域 …), or a DLBM code / code prefix (``0603``, ``12``,
    ``1104A``). A leading ``-`` excludes: ``-1109`` removes 水工建筑用地. A code is ecological
    when some positive token matches it and no negative token does. Codes match by prefix after
    normalisation (``-1107`` excludes 1107 and 1107A). Class keys use ``landuse.first_level``
    (wetland codes 1105/1106/1108 are 'wetland', not 'water').
    """

    include_classes: frozenset[str]
    include_codes: tuple[str, ...]
    exclude_classes: frozenset[str]
    exclude_codes: tuple[str, ...]
    text: str = DEFAULT_ECO_CLASSES

    def is_eco(self, code) -> bool:
        code = landuse.normalise_code(code)
        if code is None:
            return False
        cls = landuse.first_level(code)
        if cls in self.exclude_classes or any(code.startswith(c) for c in self.exclude_codes):
            return False
        return cls in self.include_classes or any(code.startswith(c) for c in self.include_codes)

    def mask(self, codes: Sequence) -> np.ndarray:
        cache: dict = {}
        out = np.zeros(len(codes), dtype=bool)
        for i, code in enumerate(codes):
            if code not in cache:
                cache[code] = self.is_eco(code)
            out[i] = cache[code]
        return out


def parse_eco_classes(text: str | None) -> EcoClasses:
    """Parse the ``ECO_CLASSES`` syntax; raises ``ValueError`` naming an unknown token."""
    text = DEFAULT_ECO_CLASSES if text is None or not str(text).strip() else str(text)
    inc_c: set[str] = set()
    exc_c: set[str] = set()
    inc_k: list[str] = []
    exc_k: list[str] = []
    tokens = [t.strip() for t in re.split(r"[,，;；、\s]+", text) if t.strip()]
    if not tokens:
        raise ValueError("no ecological class given")
    for token in tokens:
        negative = token.startswith("-")
        body = token[1:].strip() if negative else token
        key = body.lower()
        if key in landuse.CLASS_KEYS:
            (exc_c if negative else inc_c).add(key)
        elif body in _CLASS_ALIASES:
            (exc_c if negative else inc_c).add(_CLASS_ALIASES[body])
        elif re.fullmatch(r"\d{2}[0-9A-Za-z]{0,3}", body):
            code = body.upper() if len(body) != 3 else landuse.normalise_code(body)
            (exc_k if negative else inc_k).append(code)
        else:
            raise ValueError(token)
    if not inc_c and not inc_k:
        raise ValueError(text)
    return EcoClasses(frozenset(inc_c), tuple(inc_k), frozenset(exc_c), tuple(exc_k), text)
