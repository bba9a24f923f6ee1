"""Benchmark: ``lyg_nrp:redline_overlap`` / ``lyg_nrp:landuse_occupation`` against QGIS's own.

    .venv/bin/python scripts/bench_redline.py            # 50k, 200k and 400k parcels
    .venv/bin/python scripts/bench_redline.py --quick    # 20k parcels

Synthetic data (written with geopandas/pyogrio to a temporary GeoPackage, EPSG:4549):
Voronoi parcels (三调 DLTB with DLBM/KCXS/GDDB; ~2 500 m² each), 5 000 project polygons,
an ecological red line of overlapping blobs, permanent basic farmland (a third of the parcels)
and an urban development boundary. In one run it times

- ``lyg_nrp:redline_overlap`` (ECO_REDLINE, FARMLAND, DEV_BOUNDARY) against
  ``native:calculatevectoroverlaps`` on the same projects and the same three layers (ours also
  dissolves overlapping control features, computes the part outside the boundary, verdicts and
  reasons);
- ``lyg_nrp:landuse_occupation`` (table + summary + farmland pieces) against
  ``native:intersection`` followed by a Python group-by of the piece areas per (project, DLBM).

Each tool runs ``--repeat`` times (default 2, interleaved with the other tool) and the best
time counts, since the machine may be shared. Each timed run happens in its own Python
process (QGIS started, Processing initialised, the plugin's provider loaded, then only the
algorithm is timed), so that memory can be measured
without one run's peak hiding another's: ``peak_mb`` is the rise of the process's peak resident
set size during the run (``VmHWM`` from /proc/self/status after the run minus ``VmRSS`` just
before it). ``getrusage(RUSAGE_SELF).ru_maxrss`` is not used: Linux carries it over ``exec``
from the parent (which holds the generated data), and tracemalloc sees only Python
allocations, not GEOS's or QGIS's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
N_PROJECTS = 5_000
PARCEL_M2 = 2_500.0
CODES = (
    ["0101"] * 20
    + ["0102"] * 8
    + ["0103"] * 12
    + ["0201"] * 3
    + ["0301"] * 8
    + ["0305"] * 2
    + ["0404"] * 2
    + ["0702"] * 10
    + ["0601"] * 4
    + ["1003"] * 3
    + ["1006"] * 4
    + ["1101"] * 3
    + ["1104"] * 6
    + ["1107"] * 3
    + ["1203"] * 3
    + ["1105"] * 2
    + ["0603"] * 1
    + ["1109"] * 1
)


# --- data ------------------------------------------------------------------------------------


def make_data(n_parcels: int, folder: Path, seed: int = 7) -> Path:
    import geopandas as gpd
    import numpy as np
    import shapely

    rng = np.random.default_rng(seed)
    side = float(np.sqrt(n_parcels * PARCEL_M2))
    x0, y0 = 400_000.0, 3_800_000.0
    extent = shapely.box(x0, y0, x0 + side, y0 + side)
    points = shapely.multipoints(rng.uniform((x0, y0), (x0 + side, y0 + side), (n_parcels, 2)))
    cells = shapely.get_parts(shapely.voronoi_polygons(points, extend_to=extent))
    cells = shapely.intersection(cells, extent)
    cells = cells[shapely.area(cells) > 0]
    codes = rng.choice(CODES, len(cells))
    farmland = np.char.startswith(codes.astype(str), "01")
    kcxs = np.where(farmland, rng.choice([0.0, 0.05, 0.1, 0.15], len(cells)), 0.0)
    grade = np.where(farmland, rng.integers(1, 16, len(cells)).astype(str), None)
    slope = np.where(farmland, rng.integers(1, 6, len(cells)).astype(str), None)
    dltb = gpd.GeoDataFrame(
        {"DLBM": codes, "KCXS": kcxs, "GDDB": grade, "GDPDJB": slope},
        geometry=cells,
        crs="EPSG:4549",
    )

    # projects: rotated rectangles 60–400 m, some as two-part multipolygons
    centres = rng.uniform((x0, y0), (x0 + side, y0 + side), (N_PROJECTS, 2))
    w, h = rng.uniform(60, 400, N_PROJECTS), rng.uniform(60, 400, N_PROJECTS)
    rects = shapely.box(
        centres[:, 0] - w / 2, centres[:, 1] - h / 2, centres[:, 0] + w / 2, centres[:, 1] + h / 2
    )
    angles = rng.uniform(0, 90, N_PROJECTS)
    import shapely.affinity as affinity

    rects = np.array([affinity.rotate(r, a) for r, a in zip(rects, angles)], dtype=object)
    projects = gpd.GeoDataFrame(
        {
            "XMBH": [f"XM{i:05d}" for i in range(N_PROJECTS)],
            "XMMC": [f"项目 {i}" for i in range(N_PROJECTS)],
        },
        geometry=rects,
        crs="EPSG:4549",
    )

    def blobs(n, rmin, rmax):
        c = rng.uniform((x0, y0), (x0 + side, y0 + side), (n, 2))
        return shapely.buffer(shapely.points(c), rng.uniform(rmin, rmax, n), quad_segs=16)

    scale = side / 20_000.0
    eco_geoms = blobs(max(int(60 * scale**2), 8), 300, 1500)
    eco = gpd.GeoDataFrame(
        {"NAME": ["生态保护红线"] * len(eco_geoms)}, geometry=eco_geoms, crs="EPSG:4549"
    )
    pick = farmland & (rng.uniform(size=len(cells)) < 0.6)
    farm = gpd.GeoDataFrame(
        {"NAME": ["永久基本农田"] * int(pick.sum())}, geometry=cells[pick], crs="EPSG:4549"
    )
    udb_geoms = blobs(max(int(15 * scale**2), 3), 1500, 4000)
    udb = gpd.GeoDataFrame(
        {"NAME": ["城镇开发边界"] * len(udb_geoms)}, geometry=udb_geoms, crs="EPSG:4549"
    )
    path = folder / f"bench_{n_parcels}.gpkg"
    for name, frame in (
        ("DLTB", dltb),
        ("JSXM", projects),
        ("STBHHX", eco),
        ("YJJBNTBHTB", farm),
        ("CZKFBJ", udb),
    ):
        frame.to_file(path, layer=name, driver="GPKG", engine="pyogrio")
    return path


# --- one timed run (in a child process) --------------------------------------------------------


def _status_mb(key: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of this process from /proc/self/status, in MiB."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def worker(task: str, tool: str, gpkg: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import lyg_nrp_plugin

    plugin = lyg_nrp_plugin.classFactory(None)
    plugin.initProcessing()
    import processing

    def uri(layer):
        return f"{gpkg}|layername={layer}"

    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    before = _status_mb("VmRSS")
    start = time.perf_counter()
    check = {}
    if task == "redline_overlap" and tool == "ours":
        result = processing.run(
            "lyg_nrp:redline_overlap",
            {
                "INPUT": uri("JSXM"),
                "ID_FIELD": "XMBH",
                "ECO_REDLINE": uri("STBHHX"),
                "FARMLAND": uri("YJJBNTBHTB"),
                "DEV_BOUNDARY": uri("CZKFBJ"),
                "OUTPUT": "TEMPORARY_OUTPUT",
                "CONFLICTS": "TEMPORARY_OUTPUT",
            },
            context=context,
            feedback=feedback,
        )
        elapsed = time.perf_counter() - start
        layer = result["OUTPUT"]
        check = {
            "eco": sum(f["eco_m2"] for f in layer.getFeatures()),
            "farm": sum(f["farm_m2"] for f in layer.getFeatures()),
            "fail": result["N_FAIL"],
        }
    elif task == "redline_overlap":
        result = processing.run(
            "native:calculatevectoroverlaps",
            {
                "INPUT": uri("JSXM"),
                "LAYERS": [uri("STBHHX"), uri("YJJBNTBHTB"), uri("CZKFBJ")],
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
            context=context,
            feedback=feedback,
        )
        elapsed = time.perf_counter() - start
        layer = result["OUTPUT"]
        names = [
            f.name() for f in layer.fields() if f.name().endswith("_area") or "_area_" in f.name()
        ]
        check = {
            "fields": names,
            "eco": sum(f[names[0]] or 0 for f in layer.getFeatures()) if names else None,
            "farm": sum(f[names[1]] or 0 for f in layer.getFeatures()) if len(names) > 1 else None,
        }
    elif task == "landuse_occupation" and tool == "ours":
        result = processing.run(
            "lyg_nrp:landuse_occupation",
            {
                "INPUT": uri("JSXM"),
                "ID_FIELD": "XMBH",
                "LANDUSE": uri("DLTB"),
                "OUTPUT": "TEMPORARY_OUTPUT",
                "SUMMARY": "TEMPORARY_OUTPUT",
                "FARMLAND_PIECES": "TEMPORARY_OUTPUT",
            },
            context=context,
            feedback=feedback,
        )
        elapsed = time.perf_counter() - start
        check = {
            "gross": sum(f["gross_m2"] for f in result["OUTPUT"].getFeatures()),
            "rows": result["OUTPUT"].featureCount(),
        }
    else:
        result = processing.run(
            "native:intersection",
            {
                "INPUT": uri("JSXM"),
                "OVERLAY": uri("DLTB"),
                "INPUT_FIELDS": ["XMBH"],
                "OVERLAY_FIELDS": ["DLBM", "KCXS"],
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
            context=context,
            feedback=feedback,
        )
        layer = result["OUTPUT"]
        groups: dict[tuple, list[float]] = {}
        i_id, i_code, i_k = (layer.fields().lookupField(n) for n in ("XMBH", "DLBM", "KCXS"))
        for feature in layer.getFeatures():
            attributes = feature.attributes()
            area = feature.geometry().area()
            acc = groups.setdefault((attributes[i_id], attributes[i_code]), [0.0, 0.0])
            acc[0] += area
            acc[1] += area * (1 - (attributes[i_k] or 0))
        elapsed = time.perf_counter() - start
        check = {"gross": sum(v[0] for v in groups.values()), "rows": len(groups)}
    peak = _status_mb("VmHWM")
    return {"seconds": elapsed, "peak_mb": max(peak - before, 0.0), "check": check}


def timed(task: str, tool: str, gpkg: Path) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--worker", task, tool, str(gpkg)],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(
            f"{task}/{tool} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
        )
    return json.loads(lines[-1])


# --- driver ------------------------------------------------------------------------------------


def run(quick: bool = False, repeat: int = 2) -> list[dict]:
    """Rows of timings: each tool ``repeat`` times per size, best time, highest peak memory."""
    sizes = [20_000] if quick else [50_000, 200_000, 400_000]
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench_redline_") as tmp:
        for size in sizes:
            start = time.perf_counter()
            gpkg = make_data(size, Path(tmp))
            print(f"# {size} parcels: data in {time.perf_counter() - start:.1f} s", file=sys.stderr)
            for task, peer in (
                ("redline_overlap", "native:calculatevectoroverlaps"),
                ("landuse_occupation", "native:intersection + group-by"),
            ):
                ours_runs, peer_runs = [], []
                for _ in range(repeat):  # interleaved; the best of each (the machine is shared)
                    ours_runs.append(timed(task, "ours", gpkg))
                    peer_runs.append(timed(task, "peer", gpkg))
                ours = min(ours_runs, key=lambda r: r["seconds"])
                theirs = min(peer_runs, key=lambda r: r["seconds"])
                ours["peak_mb"] = max(r["peak_mb"] for r in ours_runs)
                theirs["peak_mb"] = max(r["peak_mb"] for r in peer_runs)
                if task == "redline_overlap":
                    eco_ok = theirs["check"].get("eco") is not None and abs(
                        ours["check"]["eco"] - theirs["check"]["eco"]
                    ) <= 1e-6 * max(ours["check"]["eco"], 1.0)
                    note = (
                        f"eco total ours {ours['check']['eco']:.1f} vs peer "
                        f"{theirs['check'].get('eco') or 0:.1f} m² "
                        f"({'equal' if eco_ok else 'differ'}); peer field names "
                        f"{theirs['check'].get('fields')}; ours also: outside-boundary, "
                        "verdicts, conflict pieces"
                    )
                else:
                    note = (
                        f"gross total ours {ours['check']['gross']:.1f} vs peer "
                        f"{theirs['check']['gross']:.1f} m²; rows {ours['check']['rows']} "
                        f"vs {theirs['check']['rows']}; ours also: summary + farmland "
                        "pieces"
                    )
                rows.append(
                    {
                        "task": task,
                        "size": size,
                        "ours": f"lyg_nrp:{task}",
                        "ours_s": round(ours["seconds"], 3),
                        "peer": peer,
                        "peer_s": round(theirs["seconds"], 3),
                        "ratio": round(ours["seconds"] / theirs["seconds"], 3),
                        "ours_peak_mb": round(ours["peak_mb"], 1),
                        "peer_peak_mb": round(theirs["peak_mb"], 1),
                        "note": note,
                    }
                )
                print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="20k parcels only")
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="runs of each tool per size; the best time counts (default 2)",
    )
    parser.add_argument(
        "--worker", nargs=3, metavar=("TASK", "TOOL", "GPKG"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return 0
    rows = run(args.quick, max(args.repeat, 1))
    print(
        f"{'task':<20}{'parcels':>9}{'ours s':>9}{'peer s':>9}{'ratio':>7}"
        f"{'ours MB':>9}{'peer MB':>9}"
    )
    for row in rows:
        print(
            f"{row['task']:<20}{row['size']:>9}{row['ours_s']:>9.2f}{row['peer_s']:>9.2f}"
            f"{row['ratio']:>7.2f}{row['ours_peak_mb']:>9.0f}{row['peer_peak_mb']:>9.0f}"
        )
    for row in rows:
        print(f"- {row['task']} {row['size']}: {row['note']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
