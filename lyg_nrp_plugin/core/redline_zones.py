"""How the red-line check reads the zone and class fields of its control layers — failing
closed: a value it cannot place is read as the strictest tier, and the project says so.

- 自然保护地功能分区 (ZRBHD.GNFQ): 核心 (核心保护区, 核心区) and 缓冲 (缓冲区 of pre-integration
  data; 《自然保护区条例》第三十二条 treats it like the core) → core; 一般 (一般控制区) and 实验
  (实验区) → general; anything else → core, unknown.
- 海洋生态红线管控分类 (HYSTHX.GKFL): 禁止 → prohibition; 限制 → restriction; else → prohibition,
  unknown.
- 岸线管控分类 (HAX.GKFL): 严格 → strict protection; 限制 → restricted development; 优化 →
  optimised use; else → strict, unknown.
- 用海方式 (JSXM.YHFS): containing 填海 or 围海 → reclamation (围填海); empty → unknown, read as
  reclamation; other values → not reclamation.

Each classifier returns the tier of every feature (0 = strictest) and the mask of the values it
could not place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

PA_CORE, PA_GENERAL = 0, 1
MARINE_BAN, MARINE_LIMIT = 0, 1
COAST_STRICT, COAST_LIMIT, COAST_USE = 0, 1, 2

# (word, tier) in the order they are tried; the first word found in a value decides
PA_WORDS = (("核心", PA_CORE), ("缓冲", PA_CORE), ("一般", PA_GENERAL), ("实验", PA_GENERAL))
MARINE_WORDS = (("禁止", MARINE_BAN), ("限制", MARINE_LIMIT))
COAST_WORDS = (("严格", COAST_STRICT), ("限制", COAST_LIMIT), ("优化", COAST_USE))
RECLAMATION_WORDS = ("填海", "围海")


@dataclass(frozen=True)
class Tiers:
    """The tier of every feature and which values were not recognised (read as tier 0)."""

    tiers: np.ndarray
    unknown: np.ndarray  # mask
    values: list[str]  # the value of every feature, as text

    def unknown_values(self, mask: np.ndarray | None = None) -> list[str]:
        """The distinct unrecognised values (of the features in ``mask``), sorted."""
        chosen = self.unknown if mask is None else self.unknown & mask
        return sorted({self.values[i] for i in np.flatnonzero(chosen)})


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def classify_values(values: Sequence | None, words: tuple, n: int) -> Tiers:
    """The tier of each value by ``words``; ``values`` None (no field): all tier 0, unknown."""
    if values is None:
        return Tiers(np.zeros(n, np.int64), np.ones(n, bool), [""] * n)
    texts = [_text(v) for v in values]
    tiers = np.zeros(len(texts), np.int64)
    unknown = np.zeros(len(texts), bool)
    cache: dict[str, int | None] = {}
    for i, text in enumerate(texts):
        if text not in cache:
            cache[text] = next((tier for word, tier in words if word in text), None)
        tier = cache[text]
        if tier is None:
            unknown[i] = True
        else:
            tiers[i] = tier
    return Tiers(tiers, unknown, texts)


def pa_zones(values: Sequence | None, n: int) -> Tiers:
    return classify_values(values, PA_WORDS, n)


def marine_zones(values: Sequence | None, n: int) -> Tiers:
    return classify_values(values, MARINE_WORDS, n)


def coast_classes(values: Sequence | None, n: int) -> Tiers:
    return classify_values(values, COAST_WORDS, n)


def reclamation(values: Sequence | None, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per project: reclamation (围填海) or not, and whether its 用海方式 was unknown (empty or
    no field at all, read as reclamation)."""
    if values is None:
        return np.ones(n, bool), np.ones(n, bool)
    texts = [_text(v) for v in values]
    unknown = np.array([not t for t in texts], dtype=bool)
    reclaim = np.array([any(w in t for w in RECLAMATION_WORDS) for t in texts], dtype=bool)
    return reclaim | unknown, unknown


def value_mask(values: Sequence, wanted: str) -> np.ndarray:
    """Which features have the (stripped) value ``wanted``, e.g. the natural coastline type."""
    texts = np.array([_text(v) for v in values], dtype=object)
    return texts == wanted
