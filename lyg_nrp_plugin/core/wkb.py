"""Well-known binary to shapely through numpy: the reader of a million parcels.

GEOS's WKB reader takes ≈ 4 µs a 17-vertex polygon (4.4 s for a city's DLTB on one core);
shapely's ``from_ragged_array`` builds the same geometries from coordinate arrays in a tenth
of that. :func:`from_wkb` walks the binary structure of many geometries at once in numpy —
the headers, the part and ring counts, the offsets of the coordinates — gathers the
coordinates in one pass, optionally maps them (a reprojection: no second pass over the
geometries), and builds the geometries with ``from_ragged_array``.

It reads little-endian 2-D Polygon, MultiPolygon, LineString and MultiLineString (what GDAL's
Arrow stream gives for parcels, red lines and coastlines). Everything else — points, Z/M,
EWKB, big-endian, curves, empty rings, rings that do not close, a geometry of more than
:data:`MAX_ITEMS` parts or rings, a truncated or over-long blob — goes to GEOS's reader
(``shapely.from_wkb``) row by row, so the results are those of ``shapely.from_wkb`` in every
case, errors included.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import shapely
from shapely import GeometryType

LINESTRING, POLYGON, MULTILINESTRING, MULTIPOLYGON = 2, 3, 5, 6
MAX_ITEMS = 256  # parts of a geometry, rings of a polygon: beyond, GEOS's reader takes it
_FOUR = np.arange(4, dtype=np.int64)
_KINDS = {
    LINESTRING: GeometryType.LINESTRING,
    POLYGON: GeometryType.POLYGON,
    MULTILINESTRING: GeometryType.MULTILINESTRING,
    MULTIPOLYGON: GeometryType.MULTIPOLYGON,
}

Points = Callable[[np.ndarray], np.ndarray]  # (n, 2) coordinates -> (n, 2) coordinates


def from_wkb(blobs: np.ndarray, points: Points | None = None) -> np.ndarray:
    """``shapely.from_wkb(blobs)`` (then ``points`` applied to the coordinates): ``blobs`` a
    fixed-width void array (every blob of one length) or an object array of bytes / None.
    Empty or None blobs give None."""
    buf, starts, ends = _buffer(blobs)
    n = len(starts)
    out = np.full(n, None, dtype=object)
    present = ends > starts
    rest = present.copy()
    if n and len(buf) >= 9:
        head = np.flatnonzero(present & (ends - starts >= 9))
        order = buf[np.minimum(starts[head], len(buf) - 1)]
        kind = _u32(buf, starts[head] + 1)
        for code, geometry_type in _KINDS.items():
            rows = head[(order == 1) & (kind == code)]
            if len(rows):
                geoms, ok = _build(buf, starts[rows], ends[rows], code, geometry_type, points)
                out[rows[ok]] = geoms
                rest[rows[ok]] = False
    others = np.flatnonzero(rest)
    if len(others):
        parsed = shapely.from_wkb(np.array([_blob(blobs, i) for i in others], dtype=object))
        if points is not None:
            coords = shapely.get_coordinates(parsed)
            if len(coords):
                parsed = shapely.set_coordinates(parsed, points(coords))
        out[others] = parsed
    return out


def _blob(blobs: np.ndarray, i: int) -> bytes:
    value = blobs[i]
    return bytes(value) if value is not None else None


def _buffer(blobs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(all bytes in one uint8 array, start and end of each blob; end == start: no blob)."""
    n = len(blobs)
    if blobs.dtype.kind == "V":  # fixed width: the array's own memory, no copy
        width = blobs.dtype.itemsize
        buf = np.frombuffer(np.ascontiguousarray(blobs), dtype=np.uint8)
        starts = np.arange(n, dtype=np.int64) * width
        return buf, starts, starts + width
    items = [b if b else b"" for b in blobs.tolist()]
    lengths = np.fromiter(map(len, items), dtype=np.int64, count=n)
    ends = np.cumsum(lengths)
    buf = np.frombuffer(b"".join(items), dtype=np.uint8)
    return buf, ends - lengths, ends


def _u32(buf: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """Little-endian uint32 at each byte position (clipped to the buffer: a position past
    its end reads garbage that the length checks then reject)."""
    index = np.minimum(pos[:, None] + _FOUR, len(buf) - 1)
    return np.ascontiguousarray(buf[index]).view("<u4").ravel().astype(np.int64)


class _Walk:
    """The binary structure of rows of one type: ring records (row, part, ring, start byte,
    points) and which rows stay readable."""

    def __init__(self, buf: np.ndarray, ends: np.ndarray):
        self.buf, self.ends = buf, ends
        self.ok = np.ones(len(ends), dtype=bool)
        self.records: list[tuple] = []  # (rows, part, ring, start, points)
        self.parts: list[tuple] = []  # (rows, part, rings)

    def count(self, rows: np.ndarray, pos: np.ndarray, most: int | None = MAX_ITEMS):
        """The count at ``pos``; rows with none (empty geometries, parts or rings) or more
        than ``most`` are given up (count 0), so GEOS's reader takes them."""
        value = _u32(self.buf, pos)
        over = (value == 0) | (pos + 4 > self.ends[rows])
        if most is not None:
            over |= value > most
        self.ok[rows[over]] = False
        return np.where(over, 0, value)

    def header(self, rows: np.ndarray, pos: np.ndarray, code: int) -> None:
        """A part's byte order and type must be little-endian ``code``."""
        inside = pos + 5 <= self.ends[rows]
        order = self.buf[np.minimum(pos, len(self.buf) - 1)]
        self.ok[rows[~inside | (order != 1) | (_u32(self.buf, pos + 1) != code)]] = False

    def sequence(self, rows, pos, part: int, ring: int) -> np.ndarray:
        """A point sequence at ``pos`` (count, then x y doubles); the position after it."""
        n = self.count(rows, pos, None)
        fits = pos + 4 + 16 * n <= self.ends[rows]
        self.ok[rows[~fits]] = False
        n = np.where(fits, n, 0)
        self.records.append((rows, part, ring, pos + 4, n))
        return pos + 4 + 16 * n

    def rings(self, rows, pos, part: int) -> np.ndarray:
        """The rings of one polygon of each row at ``pos``; the position after them."""
        rings = self.count(rows, pos)
        self.parts.append((rows, part, rings))
        pos = pos + 4
        for k in range(int(rings.max()) if len(rings) else 0):
            more = rings > k
            pos[more] = self.sequence(rows[more], pos[more], part, k)
        return pos


def _build(buf, starts, ends, code: int, geometry_type, points) -> tuple[np.ndarray, np.ndarray]:
    """(geometries of the readable rows, mask of them) for rows of one WKB type."""
    walk = _Walk(buf, ends)
    rows = np.arange(len(starts))
    pos = starts + 5
    multi = code in (MULTIPOLYGON, MULTILINESTRING)
    if multi:
        parts = walk.count(rows, pos)
        pos = pos + 4
        part_code = POLYGON if code == MULTIPOLYGON else LINESTRING
        for j in range(int(parts.max()) if len(parts) else 0):
            more = np.flatnonzero(parts > j)
            walk.header(more, pos[more], part_code)
            if code == MULTIPOLYGON:
                pos[more] = walk.rings(more, pos[more] + 5, j)
            else:
                pos[more] = walk.sequence(more, pos[more] + 5, j, 0)
        walk.parts.append((rows, -1, parts))  # the part count of each row
    elif code == POLYGON:
        pos = walk.rings(rows, pos, 0)
    else:
        pos = walk.sequence(rows, pos, 0, 0)
    walk.ok &= pos == ends  # every byte read, none left over
    return _assemble(walk, code, geometry_type, points)


def _assemble(walk: _Walk, code: int, geometry_type, points):
    rows, part, ring, start, count = _records(walk)
    polygonal = code in (POLYGON, MULTIPOLYGON)
    least = 4 if polygonal else 2  # GEOS refuses shorter rings and lines
    walk.ok[rows[count < least]] = False
    for _ in range(2):  # once more after giving up rows whose rings do not close (rare: a
        # second gather then, rather than a separate read of every ring's ends each time)
        keep = walk.ok[rows]
        order = np.lexsort((ring[keep], part[keep], rows[keep]))
        kept_rows, kept_start = rows[keep][order], start[keep][order]
        kept_count = count[keep][order]
        coords = _coordinates(walk.buf, kept_start, kept_count)
        offsets = np.concatenate([[0], np.cumsum(kept_count)])
        if not polygonal or not len(kept_count):
            break
        first, last = coords[offsets[:-1]], coords[offsets[1:] - 1]
        same = first == last  # as GEOS's reader: a NaN end never closes a ring
        open_rings = np.flatnonzero(~np.all(same, axis=1))
        if not len(open_rings):
            break
        walk.ok[kept_rows[open_rings]] = False  # GEOS's reader says what it says of them
    if points is not None and len(coords):
        coords = np.ascontiguousarray(points(coords), dtype=np.float64)
    good = np.flatnonzero(walk.ok)
    geoms = shapely.from_ragged_array(geometry_type, coords, _offsets(walk, code, good, offsets))
    return geoms, walk.ok


def _records(walk: _Walk) -> tuple[np.ndarray, ...]:
    """(row, part, ring, start byte, points) of every point sequence, as arrays."""
    if not walk.records:
        return tuple(np.zeros(0, np.int64) for _ in range(5))
    rows = np.concatenate([r[0] for r in walk.records])
    part = np.concatenate([np.full(len(r[0]), r[1], np.int64) for r in walk.records])
    ring = np.concatenate([np.full(len(r[0]), r[2], np.int64) for r in walk.records])
    start = np.concatenate([r[3] for r in walk.records])
    count = np.concatenate([r[4] for r in walk.records])
    return rows, part, ring, start, count


def _offsets(walk: _Walk, code: int, good: np.ndarray, ring_offsets: np.ndarray) -> tuple:
    """The offset arrays of ``from_ragged_array`` for the readable rows."""
    ok = walk.ok

    def per_row(entries) -> np.ndarray:  # (rows, part, value) → values in (row, part) order
        if not entries:  # no row got past its part count: none is read here
            return np.zeros(0, np.int64)
        rows = np.concatenate([e[0] for e in entries])
        parts = np.concatenate([np.full(len(e[0]), e[1]) for e in entries])
        values = np.concatenate([e[2] for e in entries])
        keep = ok[rows]
        order = np.lexsort((parts[keep], rows[keep]))
        return values[keep][order]

    if code == LINESTRING:
        return (ring_offsets,)
    if code == POLYGON:
        rings = per_row([p for p in walk.parts if p[1] >= 0])
        return ring_offsets, np.concatenate([[0], np.cumsum(rings)])
    parts = np.zeros(len(ok), np.int64)
    top = [p for p in walk.parts if p[1] == -1][0]
    parts[top[0]] = top[2]
    geom_offsets = np.concatenate([[0], np.cumsum(parts[good])])
    if code == MULTILINESTRING:
        return ring_offsets, geom_offsets
    rings = per_row([p for p in walk.parts if p[1] >= 0])
    return ring_offsets, np.concatenate([[0], np.cumsum(rings)]), geom_offsets


def _coordinates(buf: np.ndarray, start: np.ndarray, count: np.ndarray) -> np.ndarray:
    """The (Σ count, 2) doubles of the point sequences at byte positions ``start``."""
    out = np.empty((int(count.sum()), 2), dtype=np.float64)
    flat = out.reshape(-1)
    doubles = 2 * count
    dest_start = np.concatenate([[0], np.cumsum(doubles)[:-1]]) if len(count) else doubles
    shift = start % 8
    for a in np.unique(shift).tolist():
        sel = shift == a
        view = np.frombuffer(buf, dtype="<f8", count=(len(buf) - a) // 8, offset=a)
        flat[_ragged(dest_start[sel], doubles[sel])] = view[
            _ragged((start[sel] - a) // 8, doubles[sel])
        ]
    return out


def _ragged(first: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(f, f + n)`` for each (f, n)."""
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, np.int64)
    before = np.cumsum(lengths) - lengths
    return np.repeat(first - before, lengths) + np.arange(total, dtype=np.int64)
