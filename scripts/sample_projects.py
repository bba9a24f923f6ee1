"""JSXM: the sample's 40 proposed construction projects, each placed so that it exercises one
case of the red-line check (field SJQK), with a class (XMFL) and a type (XMLX) that agree with
its name, and a 用海方式 (YHFS) when it reaches the sea (the table is in sample_tables).

The cases the review matrix must get right: the channel, the dyke and the waterway
(有限人为活动) overlap STBHHX and nothing that forbids them (→ 需论证); the industrial park,
the logistics parks and the photovoltaic array (一般建设项目) occupy YJJBNTBHTB (→ 不合规).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sample_geo as sg
import shapely
from sample_common import Cover, frame
from sample_shapes import clean, point, rect, union
from sample_tables import PROJECTS, SEA_USE
from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import substring


@dataclass
class Ctx:
    rng: np.random.Generator
    geo: sg.Geography
    red: Cover
    eco: Cover
    yj: Cover
    czk: Cover
    pa_core: Cover
    pa_all: Cover
    ban: Cover  # HYSTHX 禁止类
    lim: Cover  # HYSTHX 限制类
    strict: object  # natural mainland coast, 严格保护
    limited: object  # natural mainland coast, 限制开发
    artificial: object  # artificial mainland coast
    placed: list

    def free(self, g) -> bool:
        return all(not g.intersects(p.buffer(200)) for p in self.placed)

    def on_land(self, g) -> bool:
        return self.geo.land.contains(g)

    def clear(self, g, *covers) -> bool:
        return not any(c.intersects(g) for c in covers)


def _sample(ctx: Ctx, region, ok, size=(5e4, 1.5e6), aspect=(0.4, 2.5), tries=6000):
    shapely.prepare(region)
    bx = region.bounds
    for _ in range(tries):
        x, y = ctx.rng.uniform(bx[:2], bx[2:])
        if not shapely.contains_xy(region, x, y):
            continue
        a = float(np.exp(ctx.rng.uniform(np.log(size[0]), np.log(size[1]))))
        g = rect(x, y, a, float(ctx.rng.uniform(*aspect)), float(ctx.rng.uniform(0, np.pi)))
        if ctx.free(g) and ok(g):
            return g
    raise RuntimeError("could not place a project")


def _along(ctx: Ctx, line, ok, length, offset, half_width, tries=400):
    for _ in range(tries):
        s = float(ctx.rng.uniform(0, max(1.0, line.length - length)))
        piece = substring(line, s, s + length)
        if offset:
            piece = piece.offset_curve(offset * float(ctx.rng.choice([-1.0, 1.0])))
        g = piece.buffer(half_width, cap_style="flat")
        if isinstance(g, Polygon) and ctx.free(g) and ok(g):
            return g
    raise RuntimeError("could not place a project along a line")


def _across(ctx: Ctx, lines, ok, inland, offshore, width, tries=2000):
    """A rectangle across the coast (lines run south -> north, the sea on their right)."""
    parts = [p for p in getattr(lines, "geoms", [lines]) if p.length > width]
    weights = np.array([p.length for p in parts])
    for _ in range(tries):
        line = parts[int(ctx.rng.choice(len(parts), p=weights / weights.sum()))]
        s = float(ctx.rng.uniform(0, line.length - width))
        a, b = line.interpolate(s), line.interpolate(s + width)
        t = np.array([b.x - a.x, b.y - a.y]) / max(a.distance(b), 1e-9)
        n = np.array([t[1], -t[0]])
        p0 = np.array([a.x, a.y])
        corners = [p0 - n * inland, p0 + n * offshore, p0 + n * offshore + t * width]
        corners.append(p0 - n * inland + t * width)
        g = Polygon([tuple(c) for c in corners])
        if g.is_valid and ctx.free(g) and ok(g):
            return g
    raise RuntimeError("could not place a project across the coast")


def _touching(ctx: Ctx, stbhhx):
    """A polygon on the outside of a straight stretch of the red line: shares an edge."""
    for geom in stbhhx.geometry:
        for poly in geom.geoms:
            ring = np.asarray(poly.exterior.coords)
            for i in range(0, len(ring) - 8, 7):
                seg = ring[i : i + 8]
                chord = seg[-1] - seg[0]
                chord_len = np.hypot(*chord)
                if chord_len < 400:
                    continue
                nx, ny = chord[1] / chord_len, -chord[0] / chord_len
                for sgn in (1, -1):
                    off = np.array([nx, ny]) * sgn * 500
                    ring2 = list(map(tuple, seg)) + [tuple(seg[-1] + off), tuple(seg[0] + off)]
                    cand = Polygon(ring2)
                    if (
                        cand.is_valid
                        and ctx.on_land(cand)
                        and ctx.red.area(cand) == 0
                        and ctx.red.intersects(cand)
                        and ctx.free(cand)
                        and ctx.clear(cand, ctx.pa_all, ctx.yj)
                    ):
                        return cand
    raise RuntimeError("no place touching the red line")


def _hint_region(ctx: Ctx, hint):
    geo = ctx.geo
    if hint is None or _hint_is_pa(hint):
        return geo.land
    if hint in sg.DISTRICTS:
        return geo.districts[hint]
    kind, _, arg = hint.partition(":")
    if kind == "river":
        return _river(ctx, arg).buffer(2000)
    if kind == "res":
        return geo.reservoirs[arg].buffer(2000)
    if kind == "near":
        lon, lat = (float(v) for v in arg.split(","))
        return point(lon, lat).buffer(3000)
    return union(geo.yuntai.values()).buffer(2000)  # "yts"


def _hint_is_pa(hint: str) -> bool:
    return hint.endswith(("公园", "风景名胜区"))


def _river(ctx: Ctx, name: str):
    return union([ln for n, _g, ln in ctx.geo.rivers if n == name])


def _sea_share(ctx: Ctx, g) -> float:
    return g.difference(ctx.geo.land).area / g.area


def _inside_czk(ctx: Ctx, p: Place):
    area = p.xuwei if p.case == "XUWEI" else p.czk.intersection(p.region)

    def ok(g):
        return (
            p.czk_inner.contains(g)
            and ctx.on_land(g)
            and ctx.clear(g, ctx.yj, ctx.red, ctx.eco, ctx.pa_all)
        )

    return _sample(ctx, area, ok)


def _crossing_red(ctx: Ctx, p: Place):
    def ok(g):
        return ctx.on_land(g) and 0.1 < ctx.red.share(g) < 0.7 and ctx.clear(g, ctx.pa_all)

    return _sample(ctx, p.region, ok)


def _along_river(ctx: Ctx, p: Place):
    """The dyke (on a bank) or the waterway (on the centre line) inside the river's red line."""
    length, offset, half = (3000, 350, 45) if p.case == "DYKE" else (6000, 0, 60)

    def ok(g):
        return ctx.on_land(g) and ctx.red.intersects(g) and ctx.clear(g, ctx.yj, ctx.pa_all)

    return _along(ctx, _river(ctx, p.hint.split(":")[1]), ok, length, offset, half)


def _on_farmland(ctx: Ctx, p: Place):
    size = (1.0e6, 1.9e6) if "机场" in p.name else (1.5e5, 1.2e6)
    aspect = (8.0, 15.0) if p.case == "YJJBNT_LINEAR" else (0.4, 2.5)

    def ok(g):
        return ctx.on_land(g) and ctx.yj.share(g) > 0.2 and ctx.clear(g, ctx.red, ctx.pa_all)

    return _sample(ctx, p.region, ok, size, aspect)


def _partly_outside(ctx: Ctx, p: Place):
    def ok(g):
        return ctx.on_land(g) and 0.2 < ctx.czk.share(g) < 0.8 and ctx.clear(g, ctx.red)

    return _sample(ctx, p.czk.boundary.buffer(200).intersection(p.region), ok)


def _in_protected_area(ctx: Ctx, p: Place):
    """CORE: in the core zone of the protected area ``hint``; GENERAL: in a general zone of a
    protected area of type ``hint``, away from any core zone."""
    zr = p.zrbhd
    if p.case == "CORE":
        zone = union(zr[(zr.ZRBHDMC == p.hint) & (zr.GNFQ == "核心保护区")].geometry)
    else:
        zone = union(zr[(zr.ZRBHDLX == p.hint) & (zr.GNFQ == "一般控制区")].geometry)
        zone = zone.difference(ctx.pa_core.union().buffer(50))

    def ok(g):
        return ctx.on_land(g) and zone.contains(g)

    return _sample(ctx, zone, ok, (5e4, 2e5))


def _channel(ctx: Ctx, p: Place):
    """Across a 限制开发 natural coast: land part in STBHHX, sea part in a 限制类 zone only."""

    def ok(g):
        return (
            ctx.red.intersects(g)
            and ctx.lim.intersects(g)
            and ctx.clear(g, ctx.yj, ctx.pa_all, ctx.ban)
            and not g.intersects(ctx.strict)
            and _sea_share(ctx, g) > 0.5
        )

    line = p.segments["埒子口岸段"]  # its northern part, next to 徐圩港
    offshore = float(ctx.rng.uniform(3500, 5000))
    return _across(ctx, substring(line, 0.5 * line.length, line.length), ok, 400, offshore, 300)


def _fishing_port(ctx: Ctx, p: Place):
    """Across a 严格保护 natural coast."""

    def ok(g):
        return ctx.clear(g, ctx.yj, ctx.pa_all, ctx.ban) and _sea_share(ctx, g) > 0.3

    return _across(ctx, p.segments["赣榆区海头至青口岸段"], ok, 250, 700, 450)


def _sea_fill(ctx: Ctx, p: Place):
    """Reclamation off the port's artificial coast, into a 限制类 zone."""
    natural = union([ctx.strict, ctx.limited])

    def ok(g):
        return (
            _sea_share(ctx, g) > 0.9
            and ctx.lim.intersects(g)
            and ctx.clear(g, ctx.ban, ctx.pa_all)
            and not g.intersects(natural)
        )

    return _across(ctx, p.segments["连云港港及徐圩港岸段"], ok, 20, 1300, 800)


def _landing(ctx: Ctx, p: Place):
    """A cable landing across an artificial coast, clear of the 禁止类 zones."""
    natural = union([ctx.strict, ctx.limited])

    def ok(g):
        return ctx.clear(g, ctx.ban, ctx.red, ctx.pa_all, ctx.yj) and not g.intersects(natural)

    return _across(ctx, ctx.artificial, ok, 700, 1500, 160)


def _two_sites(ctx: Ctx, p: Place):
    def ok(g):
        return p.czk_inner.contains(g) and ctx.clear(g, ctx.red)

    a = _sample(ctx, p.czk, ok, (5e4, 3e5))
    ctx.placed.append(a)
    b = _sample(ctx, p.czk, ok, (5e4, 3e5))
    ctx.placed.remove(a)
    return MultiPolygon([a, b])


def _anywhere(ctx: Ctx, p: Place):
    if p.case == "OTHER_LINEAR":
        return _sample(ctx, p.region, ctx.on_land, (1.0e5, 5e5), (8.0, 15.0))
    return _sample(ctx, p.region, ctx.on_land)


@dataclass
class Place:
    name: str
    case: str
    hint: str | None
    region: object
    czk: object
    czk_inner: object
    xuwei: object
    zrbhd: object
    segments: dict
    stbhhx: object


PLACERS = {
    "PASS": _inside_czk,
    "HERITAGE": _inside_czk,
    "XUWEI": _inside_czk,
    "STBHHX": _crossing_red,
    "DYKE": _along_river,
    "WATERWAY": _along_river,
    "YJJBNT": _on_farmland,
    "YJJBNT_LINEAR": _on_farmland,
    "PARTOUT": _partly_outside,
    "CORE": _in_protected_area,
    "GENERAL": _in_protected_area,
    "COAST": _channel,
    "COAST_STRICT": _fishing_port,
    "SEA_FILL": _sea_fill,
    "LANDING": _landing,
    "TOUCH": lambda ctx, p: _touching(ctx, p.stbhhx),
    "MULTI": _two_sites,
    "OTHER": _anywhere,
    "OTHER_LINEAR": _anywhere,
}


def build_jsxm(rng, geo, layers: dict, segments):
    """JSXM from the control layers built so far (``layers``: name -> GeoDataFrame)."""
    zr = layers["ZRBHD"]
    hy = layers["HYSTHX"]
    czk = layers["CZKFBJ"]
    nat = {
        k: union([ln for _n, is_nat, kk, ln in segments if is_nat and kk == k])
        for k in ("严格保护", "限制开发")
    }
    ctx = Ctx(
        rng=rng,
        geo=geo,
        red=Cover(layers["STBHHX"].geometry),
        eco=Cover(layers["STKJGKQY"].geometry),
        yj=Cover(layers["YJJBNTBHTB"].geometry),
        czk=Cover(czk.geometry),
        pa_core=Cover(zr[zr.GNFQ == "核心保护区"].geometry),
        pa_all=Cover(zr.geometry),
        ban=Cover(hy[hy.GKFL == "禁止类"].geometry),
        lim=Cover(hy[hy.GKFL == "限制类"].geometry),
        strict=nat["严格保护"],
        limited=nat["限制开发"],
        artificial=union([ln for _n, is_nat, _k, ln in segments if not is_nat]),
        placed=[],
    )
    czk_union = union(czk.geometry)
    common = {
        "czk": czk_union,
        "czk_inner": czk_union.buffer(-20),
        "xuwei": union(czk[czk.MC.str.startswith("徐圩")].geometry),
        "zrbhd": zr,
        "segments": {n: ln for n, _nat, _k, ln in segments},
        "stbhhx": layers["STBHHX"],
    }
    geoms = []
    for name, _cls, _typ, case, hint in PROJECTS:
        p = Place(name, case, hint, _hint_region(ctx, hint), **common)
        g = PLACERS[case](ctx, p)
        ctx.placed.append(g)
        geoms.append(clean(g))
    dltb = layers["DLTB"]
    tree = shapely.STRtree(shapely.point_on_surface(dltb.geometry.to_numpy()))
    zl, sea_use = [], []
    for (_n, _c, _t, case, _h), g in zip(PROJECTS, geoms):
        on_land = g.intersection(geo.land)
        j = tree.query_nearest((on_land if not on_land.is_empty else g).representative_point())[0]
        zl.append(dltb["ZLDWDM"].iloc[int(j)])
        at_sea = g.difference(geo.land).area > 1.0
        assert at_sea == (case in SEA_USE), (case, at_sea)
        sea_use.append(SEA_USE.get(case))
    return frame(
        {
            "XMBH": [f"LYG2025-{i + 1:03d}" for i in range(len(PROJECTS))],
            "XMMC": [p[0] for p in PROJECTS],
            "XMFL": [p[1] for p in PROJECTS],
            "XMLX": [p[2] for p in PROJECTS],
            "YHFS": sea_use,
            "ZLDWDM": zl,
            "SJQK": [p[3] for p in PROJECTS],
        },
        geoms,
        area_field="YDMJ",
    )
