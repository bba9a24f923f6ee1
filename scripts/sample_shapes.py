"""Shape helpers of the sample generator: projection, deterministic wiggle, noisy blobs, piers.

Everything is in EPSG:4549 metres (CGCS2000 / 3-degree Gauss-Kruger CM 120E); positions are
given in lon/lat (EPSG:4326) and projected at once with :func:`xy` / :func:`xys`.
"""

from __future__ import annotations

import numpy as np
import shapely
import shapely.affinity
from pyproj import Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.ops import substring

CRS = "EPSG:4549"
KM2 = 1e6
_T = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)
_TI = Transformer.from_crs(CRS, "EPSG:4326", always_xy=True)


def xy(lon: float, lat: float) -> tuple[float, float]:
    x, y = _T.transform(lon, lat)
    return float(x), float(y)


def xys(coords) -> list[tuple[float, float]]:
    arr = np.asarray(coords, dtype=float)
    x, y = _T.transform(arr[:, 0], arr[:, 1])
    return list(zip(np.asarray(x, dtype=float).tolist(), np.asarray(y, dtype=float).tolist()))


def lonlat(x: float, y: float) -> tuple[float, float]:
    lon, lat = _TI.transform(x, y)
    return float(lon), float(lat)


def point(lon: float, lat: float) -> Point:
    return Point(xy(lon, lat))


def to_multi(geom):
    """A MultiPolygon of the polygonal parts of ``geom`` (None when there are none)."""
    if geom is None or geom.is_empty:
        return None
    if isinstance(geom, Polygon):
        return MultiPolygon([geom])
    if isinstance(geom, MultiPolygon):
        return geom
    flat = []
    for part in getattr(geom, "geoms", []):
        if isinstance(part, (Polygon, MultiPolygon)):
            flat.extend(getattr(part, "geoms", [part]))
    return MultiPolygon(flat) if flat else None


def clean(geom, grid: float = 0.01):
    """Round to 1 cm and make a valid multi-polygon."""
    return to_multi(shapely.set_precision(geom, grid))


def union(geoms):
    geoms = [g for g in geoms if g is not None and not g.is_empty]
    return shapely.union_all(geoms) if geoms else Polygon()


def rect(cx: float, cy: float, area: float, aspect: float, rot: float) -> Polygon:
    """A rectangle of ``area`` m², width/height ``aspect``, rotated by ``rot`` radians."""
    w = np.sqrt(area * aspect)
    h = area / w
    c, s = np.cos(rot), np.sin(rot)
    return shapely.affinity.affine_transform(
        box(-w / 2, -h / 2, w / 2, h / 2), [c, -s, s, c, cx, cy]
    )


def blob(
    center_ll, axes_km, rot_deg, rng: np.random.Generator, n: int = 96, roughness: float = 0.12
) -> Polygon:
    """A noisy ellipse (metres), deterministic for the rng state."""
    cx, cy = xy(*center_ll)
    a, b = axes_km[0] * 1000.0, axes_km[1] * 1000.0
    th = np.linspace(0, 2 * np.pi, n, endpoint=False)
    r = np.ones(n)
    for k in (2, 3, 5, 7):
        r += roughness / k**0.7 * np.sin(k * th + rng.uniform(0, 2 * np.pi))
    rot = np.deg2rad(rot_deg)
    px, py = a * r * np.cos(th), b * r * np.sin(th)
    x = cx + px * np.cos(rot) - py * np.sin(rot)
    y = cy + px * np.sin(rot) + py * np.cos(rot)
    return Polygon(np.column_stack([x, y])).buffer(0)


def wiggle(
    coords,
    rng: np.random.Generator,
    spacing: float,
    waves,
    gain: float = 1.0,
    fixed_ends: bool = True,
    phases=None,
    clearance=False,
    calm=(),
):
    """Densify a line and offset it sideways by a sum of sinusoids (deterministic).

    With clearance=True the offset fades out where other parts of the line are near (narrow
    estuaries, piers, sharp corners, the ``calm`` lon/lat points), so that the line stays
    simple; an array is used as the fade factor itself."""
    line = shapely.segmentize(LineString(coords), spacing)
    c = np.asarray(line.coords, dtype=float)
    seg = np.hypot(*np.diff(c, axis=0).T)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    if phases is None:
        phases = rng.uniform(0, 2 * np.pi, size=len(waves))
    off = np.zeros(len(c))
    for (amp, lam), ph in zip(waves, phases):
        off += amp * np.sin(2 * np.pi * s / lam + ph)
    off *= gain
    if fixed_ends:
        off *= np.clip(np.minimum(s, s[-1] - s) / 1500.0, 0, 1)
    if clearance is True:
        off *= clearance_factor(line, s, calm)
    elif clearance is not False:
        off *= clearance
    k = 5  # smoothed tangent
    pad = np.pad(c, ((k, k), (0, 0)), mode="edge")
    t = pad[2 * k :] - pad[: -2 * k]
    n = np.column_stack([-t[:, 1], t[:, 0]])
    n /= np.maximum(np.hypot(n[:, 0], n[:, 1]), 1e-9)[:, None]
    out = c + n * off[:, None]
    return [tuple(p) for p in out.tolist()], phases


def clearance_factor(
    line: LineString,
    s: np.ndarray,
    calm=(),
    window: float = 2500.0,
    full: float = 2500.0,
    zero: float = 500.0,
) -> np.ndarray:
    """1 where the line is clear of its other parts, 0 where they are within `zero` m."""
    pts = shapely.points(np.asarray(line.coords))
    step = 10
    idx = np.arange(0, len(s), step)
    vals = []
    for i in idx:
        parts = []
        if s[i] - window > 0:
            parts.append(substring(line, 0, s[i] - window))
        if s[i] + window < line.length:
            parts.append(substring(line, s[i] + window, line.length))
        vals.append(min((pts[i].distance(p) for p in parts), default=1e9))
    clear = np.interp(np.arange(len(s)), idx, np.asarray(vals))
    fac = np.clip((clear - zero) / (full - zero), 0.0, 1.0)
    # sharp corners: fade where the direction turns quickly
    c = np.asarray(line.coords)
    k = 6
    pad = np.pad(c, ((k, k), (0, 0)), mode="edge")
    a1 = np.arctan2(*(c - pad[: -2 * k]).T[::-1])
    a2 = np.arctan2(*(pad[2 * k :] - c).T[::-1])
    turn = np.abs((a2 - a1 + np.pi) % (2 * np.pi) - np.pi)
    fac *= np.clip(1.0 - turn / np.deg2rad(100), 0.0, 1.0)
    for ll in calm:  # known tight corners (bay corners next to piers)
        px, py = xy(*ll)
        dist = np.hypot(c[:, 0] - px, c[:, 1] - py)
        fac *= np.clip((dist - 900.0) / 1800.0, 0.0, 1.0)
    ker = np.ones(15) / 15
    return np.convolve(np.pad(fac, 7, mode="edge"), ker, mode="valid")


def add_piers(coords: list, piers: dict) -> list:
    """Insert rectangular piers / breakwaters on the sea side (right of a S->N coast).

    ``piers``: port -> [(base lon/lat, length km, width m)]."""
    line = LineString(coords)
    specs = []
    for port in piers:
        for ll, length, width in piers[port]:
            specs.append((line.project(Point(xy(*ll))), length * 1000.0, width))
    specs.sort()
    out, last = [], 0.0
    for s0, length, width in specs:
        a, b = line.interpolate(s0), line.interpolate(s0 + width)
        tx, ty = b.x - a.x, b.y - a.y
        nrm = np.hypot(tx, ty)
        nx, ny = ty / nrm, -tx / nrm  # right-hand normal = seaward
        piece = substring(line, last, s0)
        out.extend(list(piece.coords) if not out else list(piece.coords)[1:])
        out.append((a.x + nx * length, a.y + ny * length))
        out.append((b.x + nx * length, b.y + ny * length))
        out.append((b.x, b.y))
        last = s0 + width
    out.extend(list(substring(line, last, line.length).coords)[1:])
    return out


def split_line(line: LineString, breaks_m, names, flags, natural_target: float, tune: int):
    """Split ``line`` at the distances ``breaks_m`` (sorted); the break ``tune`` is moved so
    that the segments whose flag is true add up to ``natural_target`` m."""
    d = [0.0, *breaks_m, line.length]

    def nat_len(dd):
        return sum(dd[i + 1] - dd[i] for i in range(len(dd) - 1) if flags[i])

    lo, hi = d[tune - 1] + 100, d[tune + 1] - 100
    more_if_up = flags[tune - 1] and not flags[tune]
    for _ in range(60):
        m = 0.5 * (lo + hi)
        dd = d.copy()
        dd[tune] = m
        if (nat_len(dd) < natural_target) == more_if_up:
            lo = m
        else:
            hi = m
    d[tune] = 0.5 * (lo + hi)
    return [(names[i], flags[i], substring(line, d[i], d[i + 1])) for i in range(len(d) - 1)]


def bisect(fn, lo: float, hi: float, target: float, steps: int = 40, increasing: bool = True):
    """The x in [lo, hi] where the monotonic ``fn(x)`` reaches ``target``."""
    for _ in range(steps):
        mid = 0.5 * (lo + hi)
        if (fn(mid) < target) == increasing:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)
