"""Chinese text in the PDF: a CJK font to draw it, and text that copies as it reads.

Noto Sans CJK shapes digits and letters inside Latin runs ("JSXM-001", "0.1.0") to glyphs
that no character maps to, so the PDF would lose them when copied or extracted.
:func:`plain_shaping` asks Qt not to shape text that needs no shaping (Latin, digits, Han) —
the glyphs are the same, their characters survive.

Qt's PDF writer maps each glyph back to the *first* code point the font draws with it. CJK
fonts draw the Kangxi radicals (U+2F00–U+2FDF) and the CJK radical supplement (U+2E80–U+2EFF)
with the glyphs of the ordinary characters, so 项目 and 生态 would copy (and search, and
``pdftotext``) as 项⽬ and ⽣态. :func:`fix_radicals` rewrites those entries of the PDF's
ToUnicode maps to the character the font draws: same byte length, so nothing else moves.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemScaleBar,
    QgsLegendStyle,
    QgsTextFormat,
)
from qgis.PyQt.QtGui import QFont, QFontDatabase, QFontMetricsF, QImage, QRawFont

CJK_FAMILY = "Noto Sans CJK SC"  # fonts-noto-cjk; the template's font
# what may stand in for Noto Sans CJK SC, best first (Debian/Ubuntu, Windows, macOS)
CJK_SUBSTITUTES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "SimSun",
)
RADICALS = (0x2E80, 0x2FE0)  # CJK radicals supplement + Kangxi radicals
UNIFIED = (0x4E00, 0xA000)  # CJK unified ideographs


def cjk_family() -> str:
    """The CJK family the layout's text is drawn with ("" when none is installed).

    When Noto Sans CJK SC is missing, the first installed substitute is registered for it,
    so a template that names Noto prints with e.g. Microsoft YaHei instead of boxes.
    """
    families = set(QFontDatabase().families())
    if CJK_FAMILY in families:
        return CJK_FAMILY
    present = [f for f in CJK_SUBSTITUTES if f in families]
    if present:
        QFont.insertSubstitutions(CJK_FAMILY, present)
        return present[0]
    return ""


def unshaped(font: QFont) -> QFont:
    font = QFont(font)
    font.setStyleStrategy(QFont.StyleStrategy(font.styleStrategy() | QFont.PreferNoShaping))
    return font


def unshaped_format(text_format: QgsTextFormat) -> QgsTextFormat:
    text_format = QgsTextFormat(text_format)
    text_format.setFont(unshaped(text_format.font()))
    return text_format


LEGEND_STYLES = (
    QgsLegendStyle.Title,
    QgsLegendStyle.Group,
    QgsLegendStyle.Subgroup,
    QgsLegendStyle.SymbolLabel,
)


def plain_shaping(layout) -> None:
    """Every font of the layout's labels, legends, scale bars and tables without shaping."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            item.setFont(unshaped(item.font()))
        elif isinstance(item, QgsLayoutItemLegend):
            for style in LEGEND_STYLES:
                item.setStyleFont(style, unshaped(item.styleFont(style)))
        elif isinstance(item, QgsLayoutItemScaleBar):
            item.setTextFormat(unshaped_format(item.textFormat()))
    for table in layout.multiFrames():
        if hasattr(table, "setContentTextFormat"):
            table.setContentTextFormat(unshaped_format(table.contentTextFormat()))
            table.setHeaderTextFormat(unshaped_format(table.headerTextFormat()))


NO_LINE_START = set("，。、；：？！）》」』】〕”’,.;:?!)%")
NO_LINE_END = set("（《「『【〔“‘(")
POINTS_PER_MM = 72 / 25.4


def _metrics(font: QFont, size_pt: float) -> QFontMetricsF:
    font = QFont(font)
    font.setPointSizeF(size_pt)
    image = QImage(1, 1, QImage.Format_ARGB32)
    image.setDotsPerMeterX(round(72 / 0.0254))  # 1 pixel = 1 point
    image.setDotsPerMeterY(round(72 / 0.0254))
    return QFontMetricsF(font, image)


def _break(line: str, char: str) -> tuple[str, str]:
    """Where a full ``line`` breaks before ``char``: (the line kept, what starts the next)."""
    if char == " ":
        return line, ""
    cut = line.rfind(" ")
    if char.isascii() and cut > 0 and line[cut + 1 :].isascii():
        return line[:cut], line[cut + 1 :]  # a Latin word moves down whole
    if len(line) > 1 and (char in NO_LINE_START or line[-1] in NO_LINE_END):
        return line[:-1], line[-1]  # 。 never starts a line, （ never ends one
    return line, ""


def wrap_text(text: str, font: QFont, size_pt: float, width_mm: float) -> str:
    """``text`` with line breaks so that no line is wider than ``width_mm``: Chinese breaks
    between any two characters (never before closing punctuation), Latin at spaces when it
    can. Layout tables wrap at spaces only, which Chinese has none of."""
    if not text or width_mm <= 0:
        return text or ""
    metrics = _metrics(font, size_pt)
    room = width_mm * POINTS_PER_MM
    lines = []
    for paragraph in str(text).split("\n"):
        line = ""
        for char in paragraph:
            if line and metrics.horizontalAdvance(line + char) > room:
                kept, line = _break(line, char)
                lines.append(kept)
                if char == " ":
                    continue
            line += char
        lines.append(line)
    return "\n".join(lines)


@lru_cache(maxsize=4)
def radical_map(family: str) -> dict[int, int]:
    """Radical code point -> the ideograph ``family`` draws with the same glyph (the
    compatibility decomposition when the font says nothing)."""
    mapping: dict[int, int] = {}
    raw = QRawFont.fromFont(QFont(family)) if family else QRawFont()
    glyph_of: dict[int, int] = {}
    if raw.isValid():
        unified = "".join(chr(c) for c in range(*UNIFIED))
        for char, glyph in zip(unified, raw.glyphIndexesForString(unified)):
            if glyph:
                glyph_of.setdefault(glyph, ord(char))
    for code in range(*RADICALS):
        target = None
        if raw.isValid():
            glyphs = raw.glyphIndexesForString(chr(code))
            target = glyph_of.get(glyphs[0]) if glyphs and glyphs[0] else None
        if target is None:
            folded = unicodedata.normalize("NFKC", chr(code))
            target = ord(folded) if len(folded) == 1 and folded != chr(code) else None
        if target is not None and target < 0x10000:
            mapping[code] = target
    return mapping


_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")
_RANGES = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_CHARS = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_ARRAY = re.compile(rb"\[[^\]]*\]")
_CHAR_LINE = re.compile(rb"(<[0-9A-Fa-f]+>\s+)(<[0-9A-Fa-f]{4}>)")


def _rewrite_cmap(body: bytes, mapping: dict[int, int]) -> tuple[bytes, int]:
    """Replace the destination code points of a ToUnicode CMap: the bracketed lists of its
    ``bfrange`` sections and the second code of its ``bfchar`` lines (never a source code)."""
    count = 0

    def code(match: re.Match) -> bytes:
        nonlocal count
        value = int(match.group(1), 16)
        if value in mapping:
            count += 1
            return b"<%04X>" % mapping[value]
        return match.group(0)

    def array(match: re.Match) -> bytes:
        return _HEX4.sub(code, match.group(0))

    def char_line(match: re.Match) -> bytes:
        return match.group(1) + _HEX4.sub(code, match.group(2))

    body = _RANGES.sub(lambda m: _ARRAY.sub(array, m.group(0)), body)
    body = _CHARS.sub(lambda m: _CHAR_LINE.sub(char_line, m.group(0)), body)
    return body, count


def fix_radicals(path: str | Path, family: str) -> int:
    """Rewrite the radicals in the uncompressed ToUnicode maps of the PDF at ``path``; the
    number of entries changed."""
    path = Path(path)
    data = bytearray(path.read_bytes())
    mapping = radical_map(family)
    changed = 0
    for number in set(_TO_UNICODE.findall(data)):
        start = data.find(b"\n" + number + b" 0 obj")
        begin = data.find(b"stream\n", start) + len(b"stream\n")
        end = data.find(b"endstream", begin)
        if start < 0 or begin < len(b"stream\n") or end < 0:
            continue
        if b"/Filter" in data[start:begin]:
            continue  # compressed (not what Qt writes): left alone
        body, n = _rewrite_cmap(bytes(data[begin:end]), mapping)
        if n and len(body) == end - begin:
            data[begin:end] = body
            changed += n
    if changed:
        path.write_bytes(bytes(data))
    return changed
