"""The floors stay honest: layering, module and method sizes, no copied blocks (read by ast)."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lyg_nrp_plugin"
SHARED_PROCESSING = {
    "base",
    "crs",
    "io",
    "pushdown",
    "measure",
    "models",
    "params",
    "provider",
    "report",
    "styles",
}
# what gui may import from processing: its public API
GUI_ALLOWED_PROCESSING = ("provider", "report", "models")
MAX_LINES_PROCESSING = 300
MAX_LINES = 400
MAX_PROCESS_LINES = 60


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "ext_libs" not in p.parts)


def dotted(path: Path) -> list[str]:
    return list(path.relative_to(PACKAGE).with_suffix("").parts)


def imported(path: Path) -> set[tuple[str, ...]]:
    """Absolute module paths (inside the package, as tuples) that ``path`` imports."""
    here = dotted(path)
    package = here[:-1] if here[-1] != "__init__" else here[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if node.module and node.module.startswith("lyg_nrp_plugin"):
                    out.add(tuple(node.module.split(".")[1:]))
                continue
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            target = [*base, *(node.module.split(".") if node.module else [])]
            out.add(tuple(target))
            for alias in node.names:
                out.add((*target, alias.name))
    return out


def algorithm_of(parts: list[str] | tuple[str, ...]) -> str | None:
    """The algorithm package a module belongs to (processing/<alg>/…), or None."""
    if len(parts) >= 2 and parts[0] == "processing" and parts[1] not in SHARED_PROCESSING:
        if (PACKAGE / "processing" / parts[1]).is_dir() or len(parts) > 2:
            return parts[1]
        return parts[1] if parts[1] != "__init__" else None
    return None


def test_processing_never_imports_gui():
    bad = [
        (str(p.relative_to(PACKAGE)), ".".join(t))
        for p in modules()
        if dotted(p)[0] == "processing"
        for t in imported(p)
        if t and t[0] == "gui"
    ]
    assert not bad, bad


def test_no_algorithm_imports_another():
    bad = []
    for path in modules():
        own = algorithm_of(dotted(path))
        for target in imported(path):
            other = algorithm_of(target)
            if other and own != other and (PACKAGE / "processing" / other).exists():
                bad.append((str(path.relative_to(PACKAGE)), ".".join(target)))
            elif other and own is None and dotted(path)[0] == "processing":
                if (PACKAGE / "processing" / other).is_dir() and dotted(path)[1] != "provider":
                    bad.append((str(path.relative_to(PACKAGE)), ".".join(target)))
    assert not bad, bad


def test_gui_uses_only_the_public_processing_api():
    bad = [
        (str(p.relative_to(PACKAGE)), ".".join(t))
        for p in modules()
        if dotted(p)[0] == "gui"
        for t in imported(p)
        if len(t) >= 2 and t[0] == "processing" and t[1] not in GUI_ALLOWED_PROCESSING
    ]
    assert not bad, bad


def test_module_sizes():
    too_long = []
    for path in modules():
        n = len(path.read_text(encoding="utf-8").splitlines())
        limit = MAX_LINES_PROCESSING if dotted(path)[0] == "processing" else MAX_LINES
        if n > limit:
            too_long.append((str(path.relative_to(PACKAGE)), n, limit))
    assert not too_long, too_long


def test_process_algorithm_is_short():
    long_ones = []
    for path in modules():
        if dotted(path)[0] != "processing":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name in ("process", "processAlgorithm"):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_PROCESS_LINES:
                    long_ones.append((str(path.relative_to(PACKAGE)), node.name, n))
    assert not long_ones, long_ones


def _import_lines(source: str) -> set[int]:
    """Line numbers of import statements and function signatures: a sorted import list or
    the same parameter list of two functions is no copied code."""
    lines = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            lines.update(range(node.lineno, node.end_lineno + 1))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            lines.update(range(node.lineno, node.body[0].lineno))
    return lines


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, whitespace-folded text) of the lines that carry code."""
    out = []
    in_doc = False
    source = path.read_text(encoding="utf-8")
    imports = _import_lines(source)
    for number, raw in enumerate(source.splitlines(), start=1):
        if number in imports:
            continue
        text = " ".join(raw.split())
        if text.count('"""') == 1:
            in_doc = not in_doc
            continue
        if in_doc or not text or text.startswith(("#", "import ", "from ")):
            continue
        if re.fullmatch(r"[\)\]\}\(\[\{,:]+", text) or text.startswith('"""'):
            continue
        out.append((number, text))
    return out


@pytest.mark.parametrize("window", [6])
def test_no_block_of_code_exists_twice(window):
    """No run of ``window`` identical code lines stands in two places of the package."""
    seen: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for path in modules():
        lines = _code_lines(path)
        for i in range(len(lines) - window + 1):
            key = tuple(text for _, text in lines[i : i + window])
            seen[key].append((str(path.relative_to(PACKAGE)), lines[i][0]))
    repeated = []
    for places in seen.values():
        distinct = {p for p in places}
        files = {f for f, _ in distinct}
        spread = (
            len(files) > 1 or max(n for _, n in distinct) - min(n for _, n in distinct) >= window
        )
        if len(distinct) > 1 and spread:
            repeated.append(sorted(distinct)[:3])
    assert not repeated, repeated[:10]
