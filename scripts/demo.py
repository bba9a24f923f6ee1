#!/usr/bin/env python3
"""``make demo``: the main job on the bundled sample data, headless, through ``qgis_process``.

Deploys the plugin into a temporary QGIS profile (your own profile is not touched), loads the
sample data, runs the three bundled models — project compliance review, corridor assessment
with the ecological network, annual indicator assessment — and writes every report plus
``out/demo/index.html`` linking them, with a short summary on the terminal.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deploy import deploy  # noqa: E402
from qgis_env import headless_env, qgis_process_binary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "demo"
SAMPLE = ROOT / "resources" / "sample" / "lyg_sample.gpkg"


class QgisProcess:
    """``qgis_process`` bound to one profile folder."""

    def __init__(self, config_path: Path):
        self.config_path = config_path

    def run(self, algorithm: str, **parameters) -> dict:
        args = [qgis_process_binary(), "run", algorithm, "--json", "--"]
        args += [f"{key}={value}" for key, value in parameters.items()]
        started = time.perf_counter()
        result = subprocess.run(
            args, env=headless_env(self.config_path), capture_output=True, text=True, timeout=3600
        )
        if result.returncode != 0:
            sys.exit(
                f"{algorithm} failed (rc {result.returncode}):\n{result.stdout[-3000:]}\n"
                f"{result.stderr[-3000:]}"
            )
        print(f"  {algorithm}: {time.perf_counter() - started:.1f} s", flush=True)
        return json.loads(result.stdout)["results"]


def layer(name: str) -> str:
    return f"{SAMPLE}|layername={name}"


def layer_summary(uri: str) -> tuple[str, int, str]:
    """(geometry kind, feature count, size) of a ``path|layername=X`` layer, via GDAL/OGR."""
    from osgeo import ogr

    path, _, name = uri.partition("|layername=")
    dataset = ogr.Open(path)
    source = dataset.GetLayerByName(name)
    kind = ogr.GeometryTypeToName(source.GetGeomType())
    polygons = ogr.GT_Flatten(source.GetGeomType()) in (ogr.wkbPolygon, ogr.wkbMultiPolygon)
    total_area = total_length = 0.0
    for feature in source:
        geometry = feature.GetGeometryRef()
        if geometry is None:
            continue
        # GetArea of a polygon, Length of a line: OGR_G_Length() on a polygon is an error
        # ("called against a non-curve geometry type"), printed once per feature
        if polygons:
            total_area += geometry.GetArea()
        elif geometry.GetDimension() == 1:
            total_length += geometry.Length()
    if polygons:
        size = f"{total_area / 1e6:,.2f} km² ({total_area / 1e4:,.0f} 公顷)"
    else:
        size = f"{total_length / 1e3:,.2f} km"
    return kind, source.GetFeatureCount(), size


def read_rows(gpkg: Path, fields: list[str]) -> list[dict]:
    from osgeo import ogr

    dataset = ogr.Open(str(gpkg))
    source = dataset.GetLayer(0)
    return [{name: feature.GetField(name) for name in fields} for feature in source]


def load_sample(qgis: QgisProcess) -> None:
    print("== 1/5 sample data (lyg_nrp:sample_data)")
    results = qgis.run("lyg_nrp:sample_data", DESTINATION=OUT / "lyg_sample.gpkg")
    print(f"   {'layer':<12}{'geometry':<18}{'features':>9}  size")
    for name, uri in results.items():
        if isinstance(uri, str) and "|layername=" in uri:
            kind, count, size = layer_summary(uri)
            print(f"   {name:<12}{kind:<18}{count:>9}  {size}")


PROJECT_INPUTS = {
    "projects": layer("JSXM"),
    "id_field": "XMBH",
    "name_field": "XMMC",
    "class_field": "XMFL",
    "sea_use_field": "YHFS",
    "eco_redline": layer("STBHHX"),
    "eco_space": layer("STKJGKQY"),
    "farmland": layer("YJJBNTBHTB"),
    "farmland_reserve": layer("JBNTCBQ"),
    "dev_boundary": layer("CZKFBJ"),
    "land_boundary": layer("XZQ"),
    "protected_areas": layer("ZRBHD"),
    "pa_zone_field": "GNFQ",
    "marine_redline": layer("HYSTHX"),
    "marine_zone_field": "GKFL",
    "coastline": layer("HAX"),
    "coast_type_field": "AXLX",
    "coast_class_field": "GKFL",
    "mineral": layer("YFKC"),
    "geohazard": layer("DZZHYFQ"),
    "heritage": layer("LSWHBHX"),
    "public_forest": layer("STGYL"),
    "landuse": layer("DLTB"),
    "supplement": layer("BCGD"),
    "base_landuse": layer("DLTB_JQ"),
}


def project_review(qgis: QgisProcess) -> list[tuple[str, str]]:
    print("== 2/5 建设项目合规审查 project compliance review (model)")
    out = OUT / "project_review"
    out.mkdir(parents=True, exist_ok=True)
    qgis.run(
        "lyg_nrp:model_project_review",
        **PROJECT_INPUTS,
        **{
            "redline:redline_result": out / "redline.gpkg",
            "redline:conflicts": out / "conflicts.gpkg",
            "redline:redline_report": out / "redline_report.html",
            "occupation:occupation_detail": out / "occupation_detail.gpkg",
            "occupation:occupation_summary": out / "occupation_summary.gpkg",
            "occupation:farmland_pieces": out / "farmland_pieces.gpkg",
            "occupation:occupation_report": out / "occupation_report.html",
            "balance:balance_sheet": out / "balance.gpkg",
            "balance:flagged_plots": out / "flagged.gpkg",
            "balance:balance_report": out / "balance_report.html",
            "redline:redline_pdf": out / "redline_review.pdf",
            "occupation:occupation_pdf": out / "occupation_review.pdf",
            "balance:balance_pdf": out / "balance_review.pdf",
        },
    )
    # qgis_process reports a model's outputs, not its steps' numbers: read the outputs
    verdicts = [r["verdict"] for r in read_rows(out / "redline.gpkg", ["verdict"])]
    print(
        f"   projects {len(verdicts)}: 合规 PASS {verdicts.count('PASS')}, "
        f"需论证 REVIEW {verdicts.count('REVIEW')}, 不合规 FAIL {verdicts.count('FAIL')}"
    )
    for row in read_rows(
        out / "balance.gpkg", ["group", "verdict_zh", "def_m2", "def_paddy_m2", "def_cap_kg"]
    ):
        print(
            f"   占补平衡 {row['group']}: {row['verdict_zh']}; 缺口 "
            f"{(row['def_m2'] or 0) / 1e4:.2f} 公顷, 水田 {(row['def_paddy_m2'] or 0) / 1e4:.2f}"
            f" 公顷, 产能 {(row['def_cap_kg'] or 0) / 1000:.1f} 吨"
        )
    print(f"   flagged supplementary plots: {len(read_rows(out / 'flagged.gpkg', []))}")
    return [
        ("红线冲突审查报告 Red-line review", "project_review/redline_report.html"),
        ("占用地类分析报告 Land-use occupation", "project_review/occupation_report.html"),
        ("耕地占补平衡报告 Farmland balance", "project_review/balance_report.html"),
        ("红线冲突审查意见书（PDF）", "project_review/redline_review.pdf"),
        ("占用地类审查意见书（PDF）", "project_review/occupation_review.pdf"),
        ("耕地占补平衡审查意见书（PDF）", "project_review/balance_review.pdf"),
    ]


def corridor_review(qgis: QgisProcess) -> list[tuple[str, str]]:
    print("== 3/5 生态廊道评估 corridor assessment + ecological network (model)")
    out = OUT / "corridor_review"
    out.mkdir(parents=True, exist_ok=True)
    qgis.run(
        "lyg_nrp:model_corridor_review",
        rivers=layer("SX"),
        name_field="HLMC",
        coastline=layer("HAX"),
        green_vein=layer("YTS"),
        boundary=layer("XZQ"),
        landuse=layer("DLTB"),
        projects=layer("JSXM"),
        project_id_field="XMBH",
        cell_size=0,  # automatic: within 1 M cells
        **{
            "build:corridors": out / "corridors.gpkg",
            "build:axes": out / "axes.gpkg",
            "assess:assessment": out / "assessment.gpkg",
            "assess:breaks": out / "breaks.gpkg",
            "assess:corridor_report": out / "corridor_report.html",
            "network:sources": out / "sources.gpkg",
            "network:links": out / "links.gpkg",
            "network:network_corridors": out / "network_corridors.gpkg",
            "network:nodes": out / "nodes.gpkg",
            "network:network_report": out / "network_report.html",
        },
    )
    for row in read_rows(out / "assessment.gpkg", ["name", "grade_zh", "eco_ratio", "n_breaks"]):
        print(
            f"   {row['name']:<10} {row['grade_zh'] or '不评级'}  两岸生态用地 "
            + (f"{row['eco_ratio']:.0%}" if row["grade_zh"] else "—")
            + f"  断点 {row['n_breaks']}"
        )
    indices = dict(
        re.findall(
            r"<th>(IIC|PC)</th><td>([^<]+)</td>",
            (out / "network_report.html").read_text(encoding="utf-8"),
        )
    )
    print(
        f"   network: {len(read_rows(out / 'sources.gpkg', []))} sources, "
        f"{len(read_rows(out / 'links.gpkg', []))} links, IIC {indices.get('IIC', '?')}, "
        f"PC {indices.get('PC', '?')}"
    )
    return [
        ("廊道管控评估报告 Corridor assessment", "corridor_review/corridor_report.html"),
        ("生态网络报告 Ecological network", "corridor_review/network_report.html"),
    ]


def indicator_review(qgis: QgisProcess) -> list[tuple[str, str]]:
    print("== 4/5 规划指标年度评估 annual indicator assessment (model)")
    out = OUT / "indicator_review"
    out.mkdir(parents=True, exist_ok=True)
    qgis.run(
        "lyg_nrp:model_indicator_review",
        landuse=layer("DLTB"),
        boundary=layer("XZQ"),
        sea_area=layer("HYGNQ"),
        eco_redline=layer("STBHHX"),
        farmland=layer("YJJBNTBHTB"),
        protected_areas=layer("ZRBHD"),
        marine_redline=layer("HYSTHX"),
        coastline=layer("HAX"),
        eco_space=layer("STKJGKQY"),
        coastal_wetland=layer("HASD"),
        wetland_definition=1,  # the wetland-resource survey definition the plan uses
        **{
            "indicators:indicators": out / "indicators.gpkg",
            "indicators:indicators_json": out / "indicators.json",
            "indicators:indicator_report": out / "indicator_report.html",
        },
    )
    rows = read_rows(out / "indicators.gpkg", ["name_zh", "status", "status_zh", "value", "unit"])
    statuses = [r["status"] for r in rows]
    print(
        f"   indicators met {statuses.count('MET')}, not met {statuses.count('NOT_MET')}, "
        f"口径不同 not comparable {statuses.count('NOT_COMPARABLE')}, "
        f"no target {statuses.count('NO_TARGET')}, no data {statuses.count('NO_DATA')}"
    )
    for row in rows:
        if row["status"] in ("MET", "NOT_MET", "NOT_COMPARABLE"):
            value = "—" if row["value"] is None else f"{row['value']:.6g}"
            print(f"   {row['status_zh']}  {row['name_zh']}: {value} {row['unit'] or ''}")
    return [("规划指标评估报告 Plan indicators", "indicator_review/indicator_report.html")]


def ledger(config_path: Path) -> list[tuple[str, str]]:
    """The 补充耕地指标台账 story: two counties, one transfer (scripts/ledger_story.py)."""
    print("== 5/5 补充耕地指标台账 farmland-credit ledger (ledger_credit / debit / report)")
    from ledger_story import ledger_story, qgis_process_runner

    report = ledger_story(OUT / "ledger", qgis_process_runner(config_path))
    return [("补充耕地指标台账 Farmland-credit ledger", str(report.relative_to(OUT)))]


def chinese_profile(config_path: Path) -> None:
    """QGIS's own 简体中文 setting in the temporary profile: messages and reports in Chinese."""
    from qgis_env import profile_dir

    ini = profile_dir(config_path) / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    text = ini.read_text(encoding="utf-8") if ini.is_file() else ""
    if "[locale]" not in text:
        ini.write_text(text + "\n[locale]\noverrideFlag=true\nuserLocale=zh-Hans\n", "utf-8")


def write_index(links: list[tuple[str, str]], seconds: float) -> Path:
    items = "".join(
        f'<li><a href="{html.escape(href)}">{html.escape(title)}</a></li>' for title, href in links
    )
    page = (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"/>'
        '<title>连云港自然资源规划 示例审查</title></head><body style="font-family:sans-serif">'
        "<h1>连云港自然资源规划插件 — 示例数据审查结果</h1>"
        "<p>Sample data: schematic and synthetic (resources/sample/lyg_sample.gpkg). "
        f"All runs headless through qgis_process, {seconds:.0f} s in total.</p>"
        f"<ul>{items}</ul></body></html>"
    )
    index = OUT / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lyg_nrp_demo_profile_") as profile:
        config_path = Path(profile)
        print("== deploying the plugin into a temporary QGIS profile", flush=True)
        deploy(config_path)
        chinese_profile(config_path)
        qgis = QgisProcess(config_path)
        load_sample(qgis)
        links = project_review(qgis) + corridor_review(qgis) + indicator_review(qgis)
        links += ledger(config_path)
    index = write_index(links, time.perf_counter() - started)
    print(f"\nreports: {index}  ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
