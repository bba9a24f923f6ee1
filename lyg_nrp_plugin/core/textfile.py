"""Reading the plugin's text inputs (rule tables, capacity tables, targets) as offices save them.

Excel on Chinese Windows saves CSV as GBK (GB18030 is its superset); newer tools save UTF-8,
often with a byte-order mark. :func:`read_text` accepts both and says clearly when a file is
neither, instead of a ``UnicodeDecodeError`` traceback.
"""

from __future__ import annotations

import codecs
from pathlib import Path

ENCODINGS = ("utf-8", "gb18030")


class TextFileError(ValueError):
    """A text input that cannot be read; the message names the file."""


def decode(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """(text, encoding) of ``data``: UTF-8 (a BOM is dropped), else GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise TextFileError(f"{source}: not UTF-8 and not GBK/GB18030 text")


def read_text(path: str | Path) -> str:
    """The text of ``path`` (UTF-8 with or without BOM, or GBK/GB18030)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TextFileError(f"{path}: {error.strerror or error}") from error
    return decode(data, str(path))[0]
