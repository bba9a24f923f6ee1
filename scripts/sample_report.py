"""The generator's summary: the achieved figures next to the plan's (Markdown, for the README)."""

from __future__ import annotations

import shapely
from sample_shapes import KM2
from sample_tables import GROUPS, WETLAND

LAND_PLAN = 7615.71
WATER = ("1101", "1102", "1103", "1104", "1104A", "1107")  # wetland-survey water surfaces


def _u(gdf):
    return shapely.union_all(gdf.geometry.to_numpy())


def summary(layers: dict) -> str:
    dltb = layers["DLTB"]
    land = dltb["TBMJ"].sum() / KM2
    lines = ["| 一级类 | 样例 km² | 规划 2020 km² | 偏差 |", "|---|---:|---:|---:|"]
    for label, prefixes, target in GROUPS:
        a = dltb.loc[dltb["DLBM"].str.startswith(prefixes), "TBMJ"].sum() / KM2
        lines.append(f"| {label} | {a:.2f} | {target:.2f} | {100 * (a / target - 1):+.2f}% |")
    lines.append(f"| 合计 | {land:.2f} | {LAND_PLAN} | {100 * (land / LAND_PLAN - 1):+.3f}% |")
    xzq = layers["XZQ"].area.sum()
    red, eco = _u(layers["STBHHX"]), _u(layers["STKJGKQY"])
    sea = layers["HYGNQ"].area.sum() / KM2
    hy = layers["HYSTHX"]
    hax = layers["HAX"]
    main = hax[hax["AXLB"] == "大陆岸线"]
    nat = main[main["AXLX"] == "自然岸线"]
    strict = nat.loc[nat["GKFL"] == "严格保护", "CD"].sum()
    wet = dltb.loc[dltb["DLBM"].isin(WETLAND), "TBMJ"].sum() / KM2
    farm = dltb.loc[dltb["DLBM"].str.startswith("01"), "TBMJ"].sum()
    pa = layers["ZRBHD"]
    pa_land = _u(pa[~pa["ZRBHDLX"].isin(["风景名胜区", "海洋公园"])]).area / KM2
    scenic = pa.loc[pa["ZRBHDLX"] == "风景名胜区"].area.sum() / KM2
    park = pa.loc[pa["ZRBHDLX"] == "海洋公园"].area.sum() / KM2
    hasd = layers["HASD"].area.sum() / KM2
    water = dltb.loc[dltb["DLBM"].isin(WATER + WETLAND + ("0603",)), "TBMJ"].sum() / KM2
    reserve = layers["JBNTCBQ"]["MJ"].sum()
    lines += [
        "",
        "| 指标 | 样例 | 规划 |",
        "|---|---:|---:|",
        f"| DLTB 图斑数 | {len(dltb)} | — |",
        f"| 陆域面积 km² | {land:.2f} | 7615.71 |",
        f"| 湿地地类 (三调湿地 {', '.join(WETLAND)}) km² | {wet:.1f} | — |",
        f"| 湿地（湿地调查口径：三调湿地 + 0603 + 水面 + HASD）km² | {water + hasd:.1f} "
        "| 2331.10 |",
        f"| 近海与海岸湿地 HASD km² | {hasd:.2f} | 1047.45 |",
        f"| 生态保护红线 STBHHX 占陆域 | {100 * red.area / xzq:.2f}% | 示意 (≈8%) |",
        f"| 生态空间管控区域 STKJGKQY 占陆域 | {100 * eco.area / xzq:.2f}% | 21.96% |",
        f"| STBHHX 位于 STKJGKQY 内 | {100 * red.intersection(eco).area / red.area:.1f}% | — |",
        f"| 永久基本农田占耕地 | {100 * layers['YJJBNTBHTB'].area.sum() / farm:.1f}% | — |",
        f"| 永久基本农田储备区 JBNTCBQ 公顷（万亩） | {reserve / 1e4:.1f} "
        f"({reserve / 1e4 * 15 / 1e4:.2f}) | 5333.3 (8) |",
        f"| 自然保护地（除海洋公园、风景名胜区）km²（占陆域） | {pa_land:.2f} "
        f"({100 * pa_land / land:.3f}%) | ≈106 (≥1.38%) |",
        f"| 海州湾国家级海洋公园 km² | {park:.2f} | ≈514 |",
        f"| 自然保护地（不包含风景名胜区）km² | {pa_land + park:.2f} | ≥620 |",
        f"| 云台山风景名胜区 km² | {scenic:.2f} | — |",
        f"| 管辖海域 km² | {sea:.1f} | 6677 |",
        f"| 海洋生态红线占海域 | {100 * _u(hy).area / KM2 / sea:.2f}% | ≥26.41% |",
        f"| 其中禁止类 km² | {hy.loc[hy['GKFL'] == '禁止类'].area.sum() / KM2:.1f} | — |",
        f"| 大陆岸线 km | {main['CD'].sum() / 1000:.2f} | 211.6 |",
        f"| 自然岸线 km（占比） | {nat['CD'].sum() / 1000:.2f} "
        f"({100 * nat['CD'].sum() / main['CD'].sum():.1f}%) | 112.44 (53.1%) |",
        f"| 自然岸线中严格保护 | {100 * strict / nat['CD'].sum():.1f}% | — |",
        f"| JSXM / BCGD / DLTB_JQ 要素数 | {len(layers['JSXM'])} / {len(layers['BCGD'])} / "
        f"{len(layers['DLTB_JQ'])} | — |",
    ]
    return "\n".join(lines)
