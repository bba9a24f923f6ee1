"""Benchmark of the PostGIS push-down (issue 16 §3) on the city tier of scripts/city_data.py:
1 M parcels, 5 000 projects (quick: 0.2 M).

    .venv/bin/python scripts/bench_postgis.py [--quick] [--sizes 200000] [--only redline_overlap]

A throw-away cluster (test/helpers/postgis.py) is loaded with the tier's layers (ogr2ogr,
GiST-indexed, ANALYZEd; loading is not timed). Then, per algorithm, in the same run:

- ours, push-down: ``qgis_process.bin run lyg_nrp:<alg>`` with ``postgres://`` layers and
  ``EXECUTION=2`` (the whole process: QGIS start-up, SQL, core, writing a GeoPackage);
- the same overlay as one SQL statement through ``psql`` (rows sent to the client);
- ours, local: the same algorithm on the GeoPackage (``EXECUTION=1``).

``ratio`` is push-down ÷ plain SQL (target ≤ 1.5); ``note`` has the local time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench_city import OUT, plugin_profile, qgis_run, row, timed  # noqa: E402
from city_data import ensure_city  # noqa: E402

from test.helpers.postgis import Cluster  # noqa: E402

SIZES = (1_000_000,)
QUICK_SIZES = (200_000,)
TABLES = ("JSXM", "DLTB", "YJJBNTBHTB", "STBHHX", "CZKFBJ")

# the plain-SQL peers: the same overlay, as one statement each
SQL = {
    "landuse_occupation": (
        'SELECT p.fid, l."DLBM", sum(a), sum(a * (1 - coalesce(l."KCXS", 0))) FROM ('
        "SELECT p.fid, l.fid AS lf, ST_Area(ST_Intersection(ST_MakeValid(p.geom), "
        'ST_MakeValid(l.geom))) AS a FROM "JSXM" p JOIN "DLTB" l ON ST_Intersects(p.geom, '
        'l.geom)) x JOIN "JSXM" p ON p.fid = x.fid JOIN "DLTB" l ON l.fid = x.lf GROUP BY 1, 2'
    ),
    "redline_overlap": " UNION ALL ".join(
        f"SELECT p.fid, '{t}', sum(ST_Area(ST_Intersection(ST_MakeValid(p.geom), "
        f'ST_MakeValid(c.geom)))) FROM "JSXM" p JOIN "{t}" c ON ST_Intersects(p.geom, c.geom) '
        "GROUP BY 1"
        for t in ("STBHHX", "YJJBNTBHTB", "CZKFBJ")
    ),
    "indicator_assessment": (
        'SELECT "DLBM", sum(ST_Area(geom)), sum("TBMJ") FROM "DLTB" GROUP BY 1 UNION ALL '
        "SELECT 'STBHHX', ST_Area(ST_Union(geom)), 0 FROM \"STBHHX\" UNION ALL "
        "SELECT 'YJJBNTBHTB', sum(ST_Area(geom)), 0 FROM \"YJJBNTBHTB\""
    ),
}
NOTES = {
    "landuse_occupation": "JSXM × DLTB + 永久基本农田; SQL: the overlay grouped by DLBM, KCXS net",
    "redline_overlap": "5 000 projects × 3 controls; SQL: the three overlays",
    "indicator_assessment": "DLTB + red line + 永久基本农田; SQL: area by DLBM, red-line union",
}


def cases(db: dict[str, str], gpkg: Path, tmp: Path) -> dict[str, tuple[str, dict, dict]]:
    """alg -> (algorithm id, parameters with PostGIS layers, with GeoPackage layers)."""

    def both(layers: dict[str, str], outputs: dict[str, str]) -> tuple[dict, dict]:
        pg = {k: db[v] for k, v in layers.items()} | outputs | {"EXECUTION": 2}
        local = {k: f"{gpkg}|layername={v}" for k, v in layers.items()} | outputs
        return pg, local | {"EXECUTION": 1}

    def out(name: str) -> str:
        return str(tmp / f"{name}.gpkg")

    landuse = {"INPUT": "JSXM", "LANDUSE": "DLTB", "FARMLAND": "YJJBNTBHTB"}
    redline = {"INPUT": "JSXM", "ECO_REDLINE": "STBHHX", "FARMLAND": "YJJBNTBHTB",
               "DEV_BOUNDARY": "CZKFBJ"}  # fmt: skip
    indicator = {"LANDUSE": "DLTB", "ECO_REDLINE": "STBHHX", "FARMLAND": "YJJBNTBHTB"}
    return {
        "landuse_occupation": (
            "lyg_nrp:landuse_occupation",
            *both(landuse, {"OUTPUT": out("occ"), "SUMMARY": out("occ_summary")}),
        ),
        "redline_overlap": ("lyg_nrp:redline_overlap", *both(redline, {"OUTPUT": out("red")})),
        "indicator_assessment": (
            "lyg_nrp:indicator_assessment",
            *both(indicator, {"OUTPUT": out("ind")}),
        ),
    }


def load(cluster: Cluster, gpkg: Path) -> dict[str, str]:
    return {t: "postgres://" + cluster.load(f"{gpkg}|layername={t}", t) for t in TABLES}


def bench_size(n: int, profile: Path, plugins: Path, only=None) -> list[dict]:
    gpkg = ensure_city(n)
    cluster = Cluster()
    rows = []
    try:
        db = load(cluster, gpkg)
        with tempfile.TemporaryDirectory(prefix="bench_pg_") as folder:
            for task, (alg, pg, local) in cases(db, gpkg, Path(folder)).items():
                if only and task not in only:
                    continue
                ours_s, ours_mb, log = qgis_run(alg, pg, profile, plugins)
                if "Runs in the database" not in log:
                    raise RuntimeError(f"{task} did not push down:\n{log[-1500:]}")
                psql = ["psql", cluster.conninfo, "-qAtX", "-o", "/dev/null", "-c", SQL[task]]
                sql_s, sql_mb, _ = timed(psql, {"PATH": "/usr/bin:/bin"})
                local_s, local_mb, _ = qgis_run(alg, local, profile, plugins)
                note = f"{NOTES[task]}; local (GeoPackage) {local_s:.2f} s, {local_mb:.0f} MB"
                rows.append(row(f"{task} (PostGIS push-down)", n, alg, ours_s, ours_mb,
                                "psql: one SQL statement", sql_s, None, note))  # fmt: skip
                print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    finally:
        cluster.stop()
    return rows


def run(quick: bool = False, sizes=None, only=None) -> list[dict]:
    profile, plugins = plugin_profile()
    rows: list[dict] = []
    for n in sizes or (QUICK_SIZES if quick else SIZES):
        rows += bench_size(n, profile, plugins, only)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sizes", help="comma-separated parcel counts")
    parser.add_argument("--only", help="comma-separated algorithm names")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else None
    rows = run(args.quick, sizes, args.only.split(",") if args.only else None)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"bench_postgis{'_quick' if args.quick else ''}.json").write_text(
        json.dumps(rows, indent=1, ensure_ascii=False)
    )
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
