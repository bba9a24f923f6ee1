"""Generate the SCHEMATIC synthetic Lianyungang sample (resources/sample/lyg_sample.gpkg).

    .venv/bin/python scripts/make_sample.py [--out PATH] [--seed N] [--quiet]

geopandas / shapely / numpy only. Deterministic for a given seed: the same seed gives the same
geometries and attributes (each layer draws from its own random stream). Nothing here is
surveyed: positions are schematic (scripts/sample_places.py, sample_geo.py), areas and lengths
are tuned to the figures of the 14th five-year plan. The recipe, layer by layer:

- sample_geo / sample_districts: land, coast, sea, rivers, districts (XZQ, SX, YTS);
- sample_controls: ZRBHD (land), STBHHX, STKJGKQY, CZKFBJ;
- sample_parcels / sample_allocate: DLTB, YJJBNTBHTB, JBNTCBQ;
- sample_sea: HAX, HYGNQ, HYSTHX, ZRBHD (sea), HASD;
- sample_projects: JSXM; sample_extras: YFKC, DZZHYFQ, LSWHBHX, STGYL;
- sample_farmland: BCGD, DLTB_JQ.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_controls as sc  # noqa: E402
import sample_extras as se  # noqa: E402
import sample_farmland as sf  # noqa: E402
import sample_geo as sg  # noqa: E402
import sample_parcels as sp  # noqa: E402
import sample_projects as sj  # noqa: E402
import sample_sea as ss  # noqa: E402
from sample_common import NOTE, frame, log, stage_rng  # noqa: E402
from sample_report import summary  # noqa: E402
from sample_shapes import CRS, clean, union  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "resources" / "sample" / "lyg_sample.gpkg"
SEED = 20211231
DESCRIPTIONS = {
    "XZQ": "行政区 districts/counties",
    "DLTB": "三调地类图斑 land-use parcels (third national land survey style)",
    "STBHHX": "生态保护红线 ecological protection red line (national, 8 % of the land, schematic)",
    "YJJBNTBHTB": "永久基本农田保护图斑 permanent basic farmland",
    "CZKFBJ": "城镇开发边界 urban development boundary",
    "ZRBHD": "自然保护地 protected areas (core / general zones)",
    "HYGNQ": "管辖海域 sea area under jurisdiction (function zones)",
    "HYSTHX": "海洋生态红线 marine ecological red line (GKFL 禁止类/限制类)",
    "HAX": "海岸线 coastline (GKFL 严格保护/限制开发/优化利用)",
    "SX": "河流 rivers (schematic centre lines)",
    "YTS": "云台山系生态绿脉 Yuntai mountains green vein",
    "JSXM": "建设项目 proposed construction projects (synthetic)",
    "BCGD": "补充耕地 supplementary farmland plots",
    "STKJGKQY": "生态空间管控区域 Jiangsu ecological space control areas (21.96 % of the land)",
    "JBNTCBQ": "永久基本农田储备区 permanent basic farmland reserve (8 万亩)",
    "DLTB_JQ": "基期三调地类图斑 base-year land-use parcels around the supplementary plots",
    "HASD": "近海与海岸湿地 coastal and offshore wetlands at sea (104 744.55 ha)",
    "YFKC": "压覆重要矿产资源 important mineral deposits",
    "DZZHYFQ": "地质灾害高、中易发区 geological hazard prone areas (YFCD 高/中)",
    "LSWHBHX": "历史文化保护线 / 紫线 historic and cultural protection lines",
    "STGYL": "生态公益林 ecological public-welfare forest",
}


def build_all(geo: sg.Geography, seed: int) -> dict:
    """Layer name -> GeoDataFrame, in the GeoPackage's order (the older layers first)."""
    L = {}  # noqa: N806
    L["XZQ"] = frame(
        {"XZQDM": list(sg.DISTRICTS), "XZQMC": [v[0] for v in sg.DISTRICTS.values()]},
        [geo.districts[c] for c in sg.DISTRICTS],
        area_field=None,
    )
    geo.districts = dict(zip(sg.DISTRICTS, L["XZQ"].geometry))
    segments = ss.coast_segments(geo)
    pa_land = sc.build_protected_areas(geo, stage_rng(seed, "ZRBHD"))
    L["STBHHX"], red_rows = sc.build_redline(geo, pa_land, segments)
    log(f"STBHHX {L['STBHHX'].area.sum() / geo.land.area:.4f} of the land")
    eco = sc.build_eco_space(geo, pa_land, red_rows)
    red_u = union(L["STBHHX"].geometry)
    pa_u = union([r[4] for r in pa_land])
    L["CZKFBJ"] = sc.build_czkfbj(geo, stage_rng(seed, "CZKFBJ"), union([red_u, pa_u]))
    L["DLTB"] = sp.build_dltb(geo, stage_rng(seed, "DLTB"), red_u)
    exclude = union([red_u, union(L["CZKFBJ"].geometry), pa_u])
    L["YJJBNTBHTB"], reserve, _sel = sp.build_farmland(
        L["DLTB"], stage_rng(seed, "YJJBNTBHTB"), exclude
    )
    sea = clean(geo.sea)
    L["HYGNQ"] = ss.build_hygnq(sea)
    L["HAX"] = ss.build_hax(geo, segments)
    hpa, hc = ss.marine_park(sea, stage_rng(seed, "ZRBHD-sea"))
    natural = union([ln for _n, nat, _k, ln in segments if nat])
    L["HYSTHX"] = ss.build_hysthx(geo, sea, hpa, hc, natural)
    pa = pa_land + [
        ("海州湾国家级海洋公园", "海洋公园", "国家级", "核心保护区", hc),
        ("海州湾国家级海洋公园", "海洋公园", "国家级", "一般控制区", hpa.difference(hc)),
    ]
    L["ZRBHD"] = frame(
        {k: [r[i] for r in pa] for i, k in enumerate(("ZRBHDMC", "ZRBHDLX", "JB", "GNFQ"))},
        [r[4] for r in pa],
    )
    L["SX"] = gpd.GeoDataFrame(
        {
            "HLMC": [n.replace("北段", "") for n, _g, _ln in geo.rivers],
            "HLDJ": [g for _n, g, _ln in geo.rivers],
            "CD": [round(ln.length, 2) for _n, _g, ln in geo.rivers],
        },
        geometry=[shapely.set_precision(ln, 0.01) for _n, _g, ln in geo.rivers],
        crs=CRS,
    )
    L["YTS"] = frame(
        {"MC": ["云台山系生态绿脉"] * len(geo.yuntai), "SM": list(geo.yuntai)},
        list(geo.yuntai.values()),
    )
    L["STKJGKQY"] = eco
    L["JSXM"] = sj.build_jsxm(stage_rng(seed, "JSXM"), geo, L, segments)
    log("JSXM")
    avoid = list(L["CZKFBJ"].geometry) + list(L["ZRBHD"].geometry) + list(L["JSXM"].geometry)
    L["BCGD"], base = sf.build_bcgd(stage_rng(seed, "BCGD"), L["DLTB"], L["STBHHX"].geometry, avoid)
    L["JBNTCBQ"] = reserve
    L["DLTB_JQ"] = base
    L["HASD"] = ss.build_hasd(geo, sea, segments)
    L.update(se.build_extras(geo, stage_rng(seed, "extras"), L["JSXM"], L["DLTB"]))
    order = [*DESCRIPTIONS]
    return {name: L[name] for name in order}


def write(layers: dict, out: Path, seed: int) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    for i, (name, gdf) in enumerate(layers.items()):
        # GeoPackage 1.3: Debian 12's GDAL 3.6 warns on every open of a 1.4 file
        dataset_options = {"VERSION": "1.3"} if i == 0 else None
        pyogrio.write_dataframe(
            gdf,
            out,
            layer=name,
            driver="GPKG",
            dataset_options=dataset_options,
            layer_options={
                "DESCRIPTION": f"{DESCRIPTIONS[name]} — " + NOTE.format(seed=seed),
                "SPATIAL_INDEX": "YES",
            },
            metadata={"NOTE": NOTE.format(seed=seed)},
            promote_to_multi=True,
        )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    geo = sg.build(args.seed, verbose=not args.quiet)
    log("geography")
    layers = build_all(geo, args.seed)
    write(layers, args.out, args.seed)
    log(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    if not args.quiet:
        print(summary(layers))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
