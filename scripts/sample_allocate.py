"""Land-use allocation of the sample's 三调 parcels: each code takes the parcels that score best
for it (near rivers, the coast, towns, 云台山 …) until its area reaches a share of its group's
2020 figure in the plan (一(一)); the last code of a group takes the remainder, so that the eight
first-level classes match the plan; farmland takes what is left (水田 / 水浇地 / 旱地)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import sample_geo as sg
import shapely
from sample_shapes import KM2, xy, xys
from sample_tables import DLMC, GROUPS
from shapely.geometry import LineString, Point


def allocate(df: pd.DataFrame, geo: sg.Geography, rng: np.random.Generator, red):
    n = len(df)
    area = df["area"].to_numpy()
    cx, cy = df["cx"].to_numpy(), df["cy"].to_numpy()
    pts = shapely.points(cx, cy)
    code = np.full(n, "", dtype=object)
    noise = rng.normal(0, 1, n)

    def dist_to(geom):
        return shapely.distance(pts, geom)

    river_geo = {name: line for name, _g, line in geo.rivers}
    river_w = {"新沂河": 3.0, "灌河": 1.8, "新沭河": 1.8, "蔷薇河": 1.2, "临洪河": 1.4}
    d_river = np.full(n, 1e9)
    for name, line in river_geo.items():
        d_river = np.minimum(d_river, dist_to(line) / river_w.get(name, 0.7))
    d_coast = dist_to(geo.coast)
    seats = [Point(xy(*v[1])) for v in sg.DISTRICTS.values()]
    d_seat = np.min(np.vstack([dist_to(s) for s in seats]), axis=0)
    yts = shapely.union_all(list(geo.yuntai.values()))
    d_yts = dist_to(yts)
    in_yts = d_yts == 0
    in_red = shapely.contains_xy(red, cx, cy)
    # towns / villages
    town_pts = df.attrs["town_pts"]
    d_town = np.min(np.vstack([dist_to(Point(p)) for p in town_pts]), axis=0)
    vil = df.attrs["village_pts"]
    tree = shapely.STRtree(shapely.points(vil))
    _, nearest_d = tree.query_nearest(pts, return_distance=True, all_matches=False)
    d_vil = nearest_d

    def P(*ll):
        return Point(xy(*ll))

    d_res = np.full(n, 1e9)
    for r in geo.reservoirs.values():
        c = r.centroid
        rad = np.sqrt(r.area / np.pi)
        d_res = np.minimum(d_res, dist_to(c) / rad)
    ind_centers = [
        P(119.57, 34.585),
        P(119.62, 34.555),
        P(119.23, 34.975),
        P(119.74, 34.49),
        P(119.16, 34.60),
        P(118.80, 34.55),
        P(119.25, 34.30),
        P(119.33, 34.12),
    ]
    d_ind = np.min(np.vstack([dist_to(c) for c in ind_centers]), axis=0)
    salt_centers = [P(119.60, 34.535), P(119.68, 34.505), P(119.52, 34.56)]
    d_salt = np.min(np.vstack([dist_to(c) for c in salt_centers]), axis=0)
    ports = [
        P(119.50, 34.64),
        P(119.59, 34.58),
        P(119.20, 34.94),
        P(119.77, 34.495),
        P(119.43, 34.745),
    ]
    d_port = np.min(np.vstack([dist_to(c) for c in ports]), axis=0)
    rail = LineString(
        xys(
            [
                (118.45, 34.56),
                (118.77, 34.56),
                (119.00, 34.60),
                (119.18, 34.61),
                (119.30, 34.66),
                (119.42, 34.72),
            ]
        )
    )
    rail2 = LineString(xys([(119.18, 34.61), (119.22, 34.40), (119.30, 34.15)]))
    hw = [
        LineString(
            xys(
                [
                    (119.05, 35.07),
                    (119.10, 34.85),
                    (119.12, 34.70),
                    (119.15, 34.55),
                    (119.22, 34.30),
                    (119.28, 34.08),
                ]
            )
        ),
        LineString(
            xys(
                [
                    (118.45, 34.62),
                    (118.80, 34.60),
                    (119.05, 34.62),
                    (119.28, 34.64),
                    (119.45, 34.70),
                ]
            )
        ),
        LineString(xys([(118.78, 34.55), (118.90, 34.75), (118.98, 35.00)])),
        LineString(xys([(119.25, 34.30), (119.45, 34.45), (119.58, 34.56)])),
    ]
    d_rail = np.minimum(dist_to(rail), dist_to(rail2))
    d_hw = np.min(np.vstack([dist_to(h) for h in hw]), axis=0)
    airport = P(118.87, 34.57)
    d_air = dist_to(airport)
    hills = [P(118.55, 34.68), P(118.90, 34.93), P(119.18, 34.35), P(118.62, 34.78)]
    d_hill = np.min(np.vstack([dist_to(h) for h in hills]), axis=0)

    z = noise * 0.15
    urban = -d_seat / 1000.0 + 0.8 * (-d_town / 1000.0) * 0.5 + z
    urban = np.where(in_red, urban - 50, urban)
    village = -d_vil / 250.0 + z
    lon_rel = (cx - cx.min()) / (cx.max() - cx.min())
    lat_rel = (cy - cy.min()) / (cy.max() - cy.min())

    specs = [
        # water first (geometry-driven)
        ("1103", 75.0, -d_res + z * 0.05, None),
        ("1101", 380.0, -d_river / 100.0 + z * 0.2, None),
        ("1105", 200.0, -d_coast / 200.0 + z * 0.3 + np.where(d_port < 4000, -30, 0), None),
        ("1106", 110.0, -d_river / 300.0 + z, None),
        ("1108", 12.0, -np.minimum(d_coast, d_river) / 500.0 + z, None),
        ("0402", 6.0, -d_coast / 800.0 + z * 2, None),
        ("0304", 5.0, -d_river / 400.0 + z * 3, None),
        ("0306", 3.0, -d_coast / 600.0 + z * 3, None),
        ("1008", 15.0, -d_port / 300.0 + z * 0.2, None),
        ("0603", 70.0, -d_salt / 1000.0 + z, d_coast < 12000),
        # yuntai
        ("0301", 95.0, -d_yts / 300.0 + z * 2, None),
        ("0305", 20.0, -d_yts / 300.0 + z * 3, None),
        ("1207", 12.09, -d_yts / 300.0 + z * 4, None),
        ("0202", 25.0, -d_yts / 1000.0 - d_hill / 3000.0 + z * 3, None),
        ("0302", 1.0, -d_yts / 800.0 + z * 3, None),
        ("0307", 25.0, -np.minimum(d_hill, d_river * 0.5) / 1500.0 + z * 6, None),
        # built-up
        ("0601", 220.0, -d_ind / 1000.0 + z * 0.5 - in_red * 50, None),
        ("0701", 230.0, urban, None),
        ("05H1", 55.0, urban + z, None),
        ("0508", 30.0, -np.minimum(d_port, d_ind) / 1500.0 + z - in_red * 50, None),
        ("08H1", 25.0, urban + z, None),
        ("08H2", 60.0, urban + z, None),
        ("0809", 30.0, urban + z * 2, None),
        ("0810", 40.0, urban + z * 2, None),
        ("1004", 60.0, urban + z * 2, None),
        ("1005", 10.0, urban + z * 3, None),
        ("1007", 5.0, -d_air / 300.0, None),
        ("1001", 20.0, -d_rail / 200.0 + z * 0.1, None),
        ("1003", 150.0, -d_hw / 200.0 + z * 0.3, None),
        ("0602", 25.0, -d_hill / 2000.0 + z * 3, None),
        ("09", 44.71, urban * 0.3 + z * 8, None),
        ("0702", 620.0, village, None),
        ("1104A", 380.0, -d_coast / 4000.0 + z * 6, None),
        ("1104", 180.0, z * 5 - d_vil / 2000.0, None),
        ("1107", 170.0, z * 5, None),
        ("1109", 14.0, -d_river / 300.0 + z * 4, None),
        ("1006", 80.0, z * 5, None),
        ("0201", 90.0, -d_hill / 4000.0 - d_yts / 6000.0 + z * 4, None),
        ("0204", 37.0, z * 5 - d_vil / 3000.0, None),
        ("0404", 11.91, z * 5, None),
        ("1202", 45.0, z * 5 - d_vil / 2000.0, None),
        ("1204", 8.0, -d_coast / 3000.0 + z * 5, None),
        ("1206", 9.0, z * 5, None),
    ]
    # group targets: the last code of each group takes the remainder of its group target
    group_of = {}
    for gi, (_lab, prefixes, _t) in enumerate(GROUPS):
        for c in DLMC:
            if c.startswith(prefixes):
                group_of[c] = gi
    last_in_group = {}
    for c, *_ in specs:
        last_in_group[group_of[c]] = c
    achieved = {gi: 0.0 for gi in range(len(GROUPS))}
    for c, target, score, mask in specs:
        gi = group_of[c]
        if last_in_group[gi] == c:
            target = GROUPS[gi][2] - achieved[gi]
        free = code == ""
        if mask is not None:
            free &= mask
        cand = np.where(free)[0]
        order = cand[np.lexsort((cand, -score[cand]))]
        cum = np.cumsum(area[order]) / KM2
        k = int(np.searchsorted(cum, target))
        # pick k or k+1 whichever is closer
        if k < len(cum) and (k == 0 or abs(cum[k] - target) < abs(cum[k - 1] - target)):
            k += 1
        take = list(order[:k])
        resid = target - (cum[k - 1] if k > 0 else 0.0)
        if resid > 0:
            rest = order[k : k + 400]
            if len(rest):
                j = int(np.argmin(np.abs(area[rest] / KM2 - resid)))
                if abs(area[rest[j]] / KM2 - resid) < resid:
                    take.append(rest[j])
        code[np.array(take, dtype=int)] = c
        achieved[gi] += area[np.array(take, dtype=int)].sum() / KM2
    # farmland: everything left
    farm = code == ""
    paddy_score = 0.9 * lon_rel - 0.9 * lat_rel + z * 2 - (d_hill < 5000) * 1.0
    fi = np.where(farm)[0]
    order = fi[np.lexsort((fi, -paddy_score[fi]))]
    cum = np.cumsum(area[order])
    tot = cum[-1]
    n1 = int(np.searchsorted(cum, 0.45 * tot))
    n2 = int(np.searchsorted(cum, 0.65 * tot))
    code[order[:n1]] = "0101"
    rest = order[n1:]
    rest = rest[np.lexsort((rest, -(z[rest] - d_river[rest] / 20000.0)))]
    cum2 = np.cumsum(area[rest])
    n2 = int(np.searchsorted(cum2, 0.20 * tot))
    code[rest[:n2]] = "0102"
    code[rest[n2:]] = "0103"
    slope_field = (
        np.where(in_yts, 3.0, 0.0)
        + np.clip(3.0 - d_yts / 1500.0, 0, 3)
        + np.clip(1.5 - d_hill / 4000.0, 0, 1.5)
    )
    return code, slope_field, lon_rel, lat_rel, d_seat, noise
