#!/usr/bin/env python3
"""The ledger story of ``make demo``: two counties, one transfer (补充耕地指标台账).

Schematic data (not surveyed) in 东海县 (320722) and 灌云县 (320723), EPSG:4549:

1. ``ledger_credit`` — 东海县's project BC-320722-01 (four plots: new land on 其他草地 and a
   养殖坑塘, a 旱改水 plot, and a plot on 林地 that is refused) and 灌云县's BC-320723-01 (one
   plot on 设施农用地) are credited, checked against the base-year land use DLTB_JQ;
2. ``ledger_debit`` — 灌云县's project JS-320723-01 is debited from 灌云县;
3. JS-320723-02 is too large for 灌云县: refused (short), then refused again when 东海县 is
   named as payer without ALLOW_TRANSFER, then recorded as a 跨区域调剂 with it;
4. ``ledger_report`` — the balances, every entry and the HTML report.

``ledger_story(out_dir)`` runs it in-process (its own QGIS application and settings folder when
none is running) and returns the path of the ledger report; ``ledger_story(out_dir,
qgis_process_runner(config_path))`` runs every step through ``qgis_process`` in a profile where
the plugin is enabled (as ``make demo`` does).

    python scripts/ledger_story.py out/demo/ledger
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EAST, SOUTH = "320722", "320723"  # 东海县, 灌云县
Runner = Callable[[str, dict], dict]  # (algorithm id, parameters) -> results; raises on refusal


class RefusalError(RuntimeError):
    """A step the ledger refused (its message says why)."""


def _anchor(lon: float, lat: float) -> tuple[float, float]:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4490", "EPSG:4549", always_xy=True).transform(lon, lat)


def _write_gpkg(path: Path, layers: dict) -> None:
    """Write with GDAL's own bindings (the GDAL QGIS uses: no version warnings on reading)."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    kinds = {str: ogr.OFTString, float: ogr.OFTReal, int: ogr.OFTInteger}
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, (columns, rows) in layers.items():
        layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
        for i, column in enumerate(columns):
            kind = next((type(r[i]) for r in rows if r[i] is not None), str)
            layer.CreateField(ogr.FieldDefn(column, kinds[kind]))
        for row in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for i, column in enumerate(columns):
                if row[i] is not None:
                    feature.SetField(column, row[i])
            feature.SetGeometry(ogr.CreateGeometryFromWkb(row[-1].wkb))
            layer.CreateFeature(feature)
    ds = None


def write_inputs(path: Path) -> dict[str, str]:
    """BCGD, DLTB_JQ and FARMLAND_PIECES (schematic) in one GeoPackage; their layer URIs."""
    from shapely import box

    ex, ey = _anchor(118.77, 34.54)  # near the 东海县 seat
    sx, sy = _anchor(119.24, 34.28)  # near the 灌云县 seat

    def e(x0, y0, x1, y1):
        return box(ex + x0, ey + y0, ex + x1, ey + y1)

    def s(x0, y0, x1, y1):
        return box(sx + x0, sy + y0, sx + x1, sy + y1)

    bcgd = [  # XMBH, XZQDM, DLBM, GDDB, GDPDJB, KCXS, geometry
        ("BC-320722-01", EAST, "0101", "4", "1", 0.05, e(0, 0, 300, 200)),  # on 其他草地
        ("BC-320722-01", EAST, "0101", "5", "1", 0.05, e(400, 0, 600, 200)),  # 旱改水
        ("BC-320722-01", EAST, "0103", "5", "2", 0.08, e(0, 300, 250, 500)),  # on 养殖坑塘
        ("BC-320722-01", EAST, "0101", "5", "1", 0.05, e(400, 300, 600, 500)),  # on 林地
        ("BC-320723-01", SOUTH, "0101", "6", "1", 0.06, s(0, 0, 150, 120)),  # on 设施农用地
    ]
    base = [  # DLBM, GDDB, ZLDWDM, geometry
        ("0404", None, EAST, e(0, 0, 300, 200)),
        ("0103", 7, EAST, e(400, 0, 600, 200)),
        ("1104A", None, EAST, e(0, 300, 250, 500)),
        ("0301", None, EAST, e(400, 300, 600, 500)),
        ("1202", None, SOUTH, s(0, 0, 150, 120)),
    ]
    pieces = [  # project_id, DLBM, GDDB, net_m2, geometry
        ("JS-320723-01", "0103", 6, 15_000.0, s(1000, 0, 1160, 100)),
        ("JS-320723-02", "0101", 5, 30_000.0, s(1000, 300, 1180, 480)),
    ]
    path.unlink(missing_ok=True)
    layers = {
        "BCGD": (("XMBH", "XZQDM", "DLBM", "GDDB", "GDPDJB", "KCXS"), bcgd),
        "DLTB_JQ": (("DLBM", "GDDB", "ZLDWDM"), base),
        "FARMLAND_PIECES": (("project_id", "DLBM", "GDDB", "net_m2"), pieces),
    }
    _write_gpkg(path, layers)
    return {name: f"{path}|layername={name}" for name in layers}


def in_process_runner(chinese: bool = True) -> Runner:
    """``processing.run`` in this Python (a QGIS application with its own settings folder is
    started when none runs, so the user's QGIS settings are never touched)."""
    from qgis.core import QgsApplication, QgsProcessingException, QgsSettings

    if QgsApplication.instance() is None:
        app = QgsApplication([], False, tempfile.mkdtemp(prefix="lyg_ledger_story_"))
        app.initQgis()
        in_process_runner.app = app  # keep it alive
        if chinese:
            QgsSettings().setValue("locale/overrideFlag", True)
            QgsSettings().setValue("locale/userLocale", "zh_CN")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    import lyg_nrp_plugin
    from lyg_nrp_plugin.translate import install_translator

    Processing.initialize()
    if QgsApplication.processingRegistry().providerById("lyg_nrp") is None:
        plugin = lyg_nrp_plugin.classFactory(None)
        plugin.initProcessing()
        in_process_runner.plugin = plugin
    install_translator()

    def run(algorithm: str, parameters: dict) -> dict:
        try:
            return processing.run(algorithm, {k: str(v) for k, v in parameters.items()})
        except QgsProcessingException as error:
            raise RefusalError(str(error)) from None

    return run


def qgis_process_runner(config_path: Path, env: dict | None = None) -> Runner:
    """Every step through the real ``qgis_process`` with the profile ``config_path``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from qgis_env import headless_env, qgis_process_binary

    def run(algorithm: str, parameters: dict) -> dict:
        args = [qgis_process_binary(), "run", algorithm, "--json", "--"]
        args += [f"{key}={value}" for key, value in parameters.items()]
        result = subprocess.run(
            args, env=headless_env(config_path, env), capture_output=True, text=True, timeout=600
        )
        if result.returncode != 0:
            lines = [ln for ln in (result.stdout + result.stderr).splitlines() if ln.strip()]
            raise RefusalError(
                next(
                    (ln for ln in reversed(lines) if "RefusalError" in ln or "已拒绝" in ln),
                    lines[-1] if lines else f"exit code {result.returncode}",
                )
            )
        return json.loads(result.stdout)["results"]

    return run


def ledger_story(out_dir: str | Path, runner: Runner | None = None) -> Path:
    """Run the story into ``out_dir`` (a fresh ledger each time); the ledger report's path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    run = runner or in_process_runner()
    layers = write_inputs(out / "ledger_story_inputs.gpkg")
    ledger = out / "ledger.gpkg"
    ledger.unlink(missing_ok=True)
    say = print
    credited = run(
        "lyg_nrp:ledger_credit",
        {
            "LEDGER": ledger,
            "SUPPLEMENT": layers["BCGD"],
            "BASE_LANDUSE": layers["DLTB_JQ"],
            "OPERATOR": "示例经办人",
            "NOTE": "示意数据 schematic",
            "CREDITED": out / "credited.gpkg",
        },
    )
    say(
        f"   入库 {credited['N_PROJECTS']} 个项目 {credited['N_PLOTS']} 个地块: 数量 "
        f"{credited['QUANTITY_M2'] / 1e4:.4f} 公顷, 水田 {credited['PADDY_M2'] / 1e4:.4f} 公顷, "
        f"产能 {credited['CAPACITY_KG'] / 1000:.3f} 吨"
    )
    occupied = {
        "OCCUPIED": layers["FARMLAND_PIECES"],
        "OCC_GROUP_FIELD": "project_id",
        "OPERATOR": "示例经办人",
    }
    first = run(
        "lyg_nrp:ledger_debit",
        {"LEDGER": ledger, **occupied, "PROJECT_ID": "JS-320723-01", "COUNTY": SOUTH},
    )
    say(f"   核销 JS-320723-01（灌云县）: 剩余数量 {first['AVAILABLE_M2'] / 1e4:.4f} 公顷")
    second = {"LEDGER": ledger, **occupied, "PROJECT_ID": "JS-320723-02", "COUNTY": SOUTH}
    for extra in ({}, {"SOURCE_COUNTY": EAST}):
        try:
            run("lyg_nrp:ledger_debit", {**second, **extra})
        except RefusalError as refusal:
            say(f"   拒绝（预期）: {refusal}")
        else:
            raise RuntimeError("the ledger accepted a debit it must refuse")
    transfer = run(
        "lyg_nrp:ledger_debit",
        {**second, "SOURCE_COUNTY": EAST, "ALLOW_TRANSFER": "true", "NOTE": "跨区域调剂（示例）"},
    )
    say(f"   跨区域调剂 JS-320723-02 由东海县出指标: {transfer['KIND']}")
    report = out / "ledger_report.html"
    result = run(
        "lyg_nrp:ledger_report",
        {
            "LEDGER": ledger,
            "OUTPUT": out / "ledger_balances.gpkg",
            "AUDIT": out / "ledger_audit.gpkg",
            "REPORT": report,
        },
    )
    say(f"   台账: {result['N_COUNTIES']} 个县（区）, {result['N_ENTRIES']} 条记录 → {report}")
    return report


if __name__ == "__main__":
    print(ledger_story(sys.argv[1] if len(sys.argv) > 1 else ROOT / "out" / "demo" / "ledger"))
