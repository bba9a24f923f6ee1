#!/usr/bin/env python3
"""``make bench``: run every ``scripts/bench_*.py`` and collect one report, ``out/bench/bench.md``.

Each bench module exposes ``run(quick: bool = False) -> list[dict]`` with rows
``task, size, ours, ours_s, peer, peer_s, ratio, ours_peak_mb, peer_peak_mb, note``; our
algorithm and its peer (a QGIS native algorithm or scikit-image) are timed in the same run.
Each module runs in its own process, so QGIS start-up and peak memory do not mix.

    bench.py [--quick] [--only redline]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "out" / "bench"
COLUMNS = (
    "task",
    "size",
    "ours",
    "ours_s",
    "peer",
    "peer_s",
    "ratio",
    "ours_peak_mb",
    "peer_peak_mb",
    "note",
)
MARKER = "BENCH-ROWS:"


def run_module(name: str, quick: bool) -> list[dict]:
    code = (
        f"import json, sys; sys.path.insert(0, {str(HERE)!r}); import {name}; "
        f"rows = {name}.run(quick={quick}); print({MARKER!r} + json.dumps(rows))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    sys.stderr.write(result.stderr[-2000:] if result.returncode else "")
    for line in result.stdout.splitlines():
        if line.startswith(MARKER):
            return json.loads(line[len(MARKER) :])
    raise RuntimeError(f"{name} failed (rc {result.returncode}):\n{result.stdout[-2000:]}")


def fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:,.0f}"
    return str(value)


def to_markdown(rows: list[dict], quick: bool) -> str:
    lines = [
        "# lyg_nrp_plugin benchmark",
        "",
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, {platform.node()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}{' (quick sizes)' if quick else ''}.",
        "ratio = our time / peer time, both measured in the same run (lower is better).",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for row in rows:
        lines.append("| " + " | ".join(fmt(row.get(c)) for c in COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    parser.add_argument("--only", help="run only bench_<ONLY>.py")
    args = parser.parse_args()
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if args.only:
        modules = [m for m in modules if m == f"bench_{args.only}"]
    rows: list[dict] = []
    if args.only and (OUT / "bench.json").is_file():  # keep the other modules' latest rows
        previous = json.loads((OUT / "bench.json").read_text(encoding="utf-8"))
        rows = [row for row in previous if row.get("module") not in modules]
    failures = []
    for name in modules:
        print(f"== {name}", flush=True)
        try:
            module_rows = run_module(name, args.quick)
        except RuntimeError as error:
            failures.append(str(error))
            print(error, file=sys.stderr)
            continue
        for row in module_rows:
            row["module"] = name
            print("   " + ", ".join(f"{c}={fmt(row.get(c))}" for c in COLUMNS if c in row))
        rows.extend(module_rows)
    OUT.mkdir(parents=True, exist_ok=True)
    report = to_markdown(rows, args.quick)
    (OUT / "bench.md").write_text(report, encoding="utf-8")
    (OUT / "bench.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"\nwrote {OUT / 'bench.md'}")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
