"""Regenerate ``i18n/lyg_nrp_zh_CN.ts`` from the sources and fill it from ``i18n/zh_CN/*.json``.

Each JSON file maps English source strings to Chinese (one file per module area, so parallel
work never edits the same file). ``pylupdate5`` extracts the strings; this script writes every
translation it knows and reports the ones still missing (exit 1 with ``--check``).

    python scripts/update_translations.py            # rewrite the .ts
    python scripts/update_translations.py --check    # fail if a string has no translation
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "i18n" / "lyg_nrp_zh_CN.ts"
JSON_DIR = ROOT / "i18n" / "zh_CN"


def python_sources() -> list[Path]:
    package = ROOT / "lyg_nrp_plugin"
    return sorted(p for p in package.rglob("*.py") if "ext_libs" not in p.parts)


def load_translations() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(JSON_DIR.glob("*.json")):
        for source, target in json.loads(path.read_text(encoding="utf-8")).items():
            if source in merged and merged[source] != target:
                print(f"warning: {path.name} translates {source!r} differently", file=sys.stderr)
            merged.setdefault(source, target)
    return merged


def extract(ts_path: Path) -> None:
    """A fresh extraction (pylupdate5 would otherwise keep an existing file's order)."""
    ts_path.unlink(missing_ok=True)
    sources = [str(p) for p in python_sources()]
    subprocess.run(
        ["pylupdate5", "-noobsolete", *sources, "-ts", str(ts_path)],
        check=True,
        capture_output=True,
    )


def fill(ts_path: Path, translations: dict[str, str]) -> list[str]:
    tree = ET.parse(ts_path)
    root = tree.getroot()
    root.set("language", "zh_CN")
    missing = []
    for message in root.iter("message"):
        # file names only: line numbers would change the .ts with every edit of a module
        seen = set()
        for location in message.findall("location"):
            location.attrib.pop("line", None)
            filename = location.get("filename")
            if filename in seen:
                message.remove(location)
            seen.add(filename)
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in translations:
            translation.text = translations[source]
            translation.attrib.pop("type", None)
        else:
            translation.text = None
            translation.set("type", "unfinished")
            missing.append(source)
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def build(ts_path: Path) -> list[str]:
    extract(ts_path)
    return fill(ts_path, load_translations())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--check",
        action="store_true",
        help="only check: fail if the committed .ts is stale or incomplete",
    )
    args = parser.parse_args()
    if args.check:
        # beside the real file: pylupdate5 writes source locations relative to the .ts
        fresh = TS_FILE.with_name(".check_" + TS_FILE.name)
        try:
            missing = build(fresh)
            stale = not TS_FILE.is_file() or fresh.read_text("utf-8") != TS_FILE.read_text("utf-8")
        finally:
            fresh.unlink(missing_ok=True)
    else:
        missing = build(TS_FILE)
        stale = False
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    if stale:
        print(f"{TS_FILE.relative_to(ROOT)} is out of date: run `make transup`", file=sys.stderr)
    print(f"{len(missing)} untranslated string(s)")
    return 1 if (missing or stale) and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
