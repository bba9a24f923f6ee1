#!/usr/bin/env python3
"""Review every project GeoPackage in a folder with ``qgis_process``: one report set per file.

Each GeoPackage holds the proposed projects (layer ``--project-layer``, default JSXM; a file
with a single layer uses that one). The control layers (red lines, farmland, development
boundary, land use, supplementary farmland …) come from ``--controls`` (default: the bundled
sample). For each file the compliance model ``lyg_nrp:model_project_review`` runs headless
(red-line check → land-use occupation → farmland balance) and writes its three HTML reports
and a GeoPackage of results into ``--out/<file stem>/``.

    python scripts/batch_review.py projects/ --out out/batch
    python scripts/batch_review.py projects/ --controls city_controls.gpkg --algorithm redline

Exit status: 0 when every file was reviewed, 1 when any run failed.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from qgis_env import headless_env, qgis_process_binary  # noqa: E402

ROOT = HERE.parent
SAMPLE = ROOT / "resources" / "sample" / "lyg_sample.gpkg"
CONTROL_LAYERS = {  # model parameter -> layer name in the controls GeoPackage
    "eco_redline": "STBHHX",
    "farmland": "YJJBNTBHTB",
    "dev_boundary": "CZKFBJ",
    "protected_areas": "ZRBHD",
    "marine_redline": "HYSTHX",
    "coastline": "HAX",
    "landuse": "DLTB",
    "supplement": "BCGD",
}


def gpkg_layers(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT table_name FROM gpkg_contents WHERE data_type='features'")
        return [r[0] for r in rows]


def project_layer(path: Path, wanted: str) -> str:
    layers = gpkg_layers(path)
    if wanted in layers:
        return wanted
    if len(layers) == 1:
        return layers[0]
    raise ValueError(f"{path.name}: no layer {wanted!r} (layers: {', '.join(layers)})")


def model_arguments(projects: str, controls: Path, out_dir: Path) -> list[str]:
    args = [f"projects={projects}", "id_field=XMBH"]
    present = set(gpkg_layers(controls))
    for parameter, layer in CONTROL_LAYERS.items():
        if layer in present:
            args.append(f"{parameter}={controls}|layername={layer}")
    outputs = {
        "redline:redline_result": out_dir / "redline.gpkg",
        "redline:conflicts": out_dir / "conflicts.gpkg",
        "redline:redline_report": out_dir / "redline_report.html",
        "occupation:occupation_detail": out_dir / "occupation_detail.gpkg",
        "occupation:occupation_summary": out_dir / "occupation_summary.gpkg",
        "occupation:farmland_pieces": out_dir / "farmland_pieces.gpkg",
        "occupation:occupation_report": out_dir / "occupation_report.html",
        "balance:balance_sheet": out_dir / "balance.gpkg",
        "balance:flagged_plots": out_dir / "flagged.gpkg",
        "balance:balance_report": out_dir / "balance_report.html",
    }
    return args + [f"{name}={path}" for name, path in outputs.items()]


def redline_arguments(projects: str, controls: Path, out_dir: Path) -> list[str]:
    names = {
        "ECO_REDLINE": "STBHHX",
        "FARMLAND": "YJJBNTBHTB",
        "DEV_BOUNDARY": "CZKFBJ",
        "PROTECTED_AREAS": "ZRBHD",
        "MARINE_REDLINE": "HYSTHX",
        "COASTLINE": "HAX",
    }
    present = set(gpkg_layers(controls))
    args = [
        f"INPUT={projects}",
        "ID_FIELD=XMBH",
        "PA_ZONE_FIELD=GNFQ",
        "COAST_TYPE_FIELD=AXLX",
        "COAST_TYPE_VALUE=自然岸线",
    ]
    args += [f"{p}={controls}|layername={n}" for p, n in names.items() if n in present]
    return args + [
        f"OUTPUT={out_dir / 'redline.gpkg'}",
        f"CONFLICTS={out_dir / 'conflicts.gpkg'}",
        f"REPORT={out_dir / 'redline_report.html'}",
    ]


def gpkg_rows(path: Path, columns: list[str]) -> list[dict]:
    """Rows of the (single) table of an output GeoPackage (features or attributes only)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        table = db.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
        quoted = ", ".join(f'"{c}"' for c in columns)
        return [dict(zip(columns, row)) for row in db.execute(f'SELECT {quoted} FROM "{table}"')]


def summarise(out_dir: Path) -> str:
    """Verdict counts and the balance sheet, read from the output GeoPackages.

    (qgis_process reports only a model's outputs, not its steps' numeric results.)
    """
    parts = []
    verdicts = [r["verdict"] for r in gpkg_rows(out_dir / "redline.gpkg", ["verdict"])]
    parts.append(
        f"{len(verdicts)} projects: FAIL {verdicts.count('FAIL')}, "
        f"REVIEW {verdicts.count('REVIEW')}, PASS {verdicts.count('PASS')}"
    )
    balance = out_dir / "balance.gpkg"
    if balance.is_file():
        for row in gpkg_rows(balance, ["group", "verdict", "def_m2"]):
            parts.append(
                f"balance {row['group']}: {row['verdict']}, deficit "
                f"{(row['def_m2'] or 0) / 10000:.2f} ha"
            )
    return "; ".join(parts)


def enable_plugin(config_path: Path) -> None:
    from deploy import deploy

    deploy(config_path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of project GeoPackages (*.gpkg)")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "batch")
    parser.add_argument(
        "--controls",
        type=Path,
        default=SAMPLE,
        help="GeoPackage with the control layers (default: the sample data)",
    )
    parser.add_argument("--project-layer", default="JSXM")
    parser.add_argument(
        "--algorithm",
        choices=("model", "redline"),
        default="model",
        help="model = compliance model (3 reports); redline = red-line check",
    )
    parser.add_argument(
        "--config-path",
        type=Path,
        help="QGIS profile folder where the plugin is enabled "
        "(default: deploy into a temporary profile)",
    )
    args = parser.parse_args()
    files = sorted(
        p
        for p in args.folder.glob("*.gpkg")
        if p.resolve() != args.controls.resolve()
        or args.folder.resolve() != args.controls.parent.resolve()
    )
    if not files:
        print(f"no *.gpkg in {args.folder}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="lyg_nrp_batch_") as tmp:
        config_path = args.config_path
        if config_path is None:
            config_path = Path(tmp)
            enable_plugin(config_path)
        failures = 0
        for index, path in enumerate(files, 1):
            started = time.perf_counter()
            out_dir = args.out / path.stem
            out_dir.mkdir(parents=True, exist_ok=True)
            prefix = f"[{index}/{len(files)}] {path.name}"
            try:
                projects = f"{path}|layername={project_layer(path, args.project_layer)}"
            except (ValueError, sqlite3.DatabaseError) as error:
                print(f"{prefix}: FAILED — {error}", flush=True)
                failures += 1
                continue
            if args.algorithm == "model":
                algorithm = "lyg_nrp:model_project_review"
                parameters = model_arguments(projects, args.controls, out_dir)
            else:
                algorithm = "lyg_nrp:redline_overlap"
                parameters = redline_arguments(projects, args.controls, out_dir)
            command = [qgis_process_binary(), "run", algorithm, "--json", "--", *parameters]
            result = subprocess.run(
                command, env=headless_env(config_path), capture_output=True, text=True
            )
            seconds = time.perf_counter() - started
            if result.returncode != 0:
                failures += 1
                (out_dir / "qgis_process.log").write_text(
                    result.stdout + result.stderr, encoding="utf-8"
                )
                print(
                    f"{prefix}: FAILED (rc {result.returncode}, {seconds:.1f} s) — see "
                    f"{out_dir / 'qgis_process.log'}",
                    flush=True,
                )
                continue
            results = json.loads(result.stdout)["results"]
            (out_dir / "results.json").write_text(
                json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
            )
            print(f"{prefix}: ok ({seconds:.1f} s) {summarise(out_dir)} → {out_dir}", flush=True)
    print(f"{len(files) - failures} of {len(files)} file(s) reviewed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
