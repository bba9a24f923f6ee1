"""core/wkb.py (the numpy WKB reader) against GEOS's own reader, ``shapely.from_wkb``: the same
geometries, types and coordinates bit for bit, the same errors, and a coordinate map applied
once whichever reader took a row."""

from __future__ import annotations

import struct

import numpy as np
import shapely

from lyg_nrp_plugin.core.wkb import MAX_ITEMS, from_wkb


def _same(ours: np.ndarray, geos: np.ndarray) -> None:
    assert len(ours) == len(geos)
    for a, b in zip(ours, geos):
        if b is None:
            assert a is None
            continue
        assert a.geom_type == b.geom_type
        assert shapely.to_wkb(a) == shapely.to_wkb(b)  # every double, every count


def _mixed() -> np.ndarray:
    rng = np.random.default_rng(11)
    centres = shapely.points(rng.uniform(0, 5_000, (600, 2)))
    polys = shapely.buffer(centres, rng.uniform(2, 40, 600), quad_segs=int(rng.integers(1, 9)))
    holed = shapely.difference(polys[:100], shapely.buffer(centres[:100], 1.0))
    multi = shapely.multipolygons([list(polys[i : i + 3]) + [holed[i]] for i in range(0, 90, 3)])
    lines = shapely.boundary(polys[100:200])  # linestrings
    multilines = shapely.boundary(holed[:50])  # multilinestrings (shell + hole)
    many = np.arange(MAX_ITEMS + 5.0)
    others = [
        shapely.Point(1, 2),
        shapely.from_wkt("POLYGON Z ((0 0 1, 1 0 1, 1 1 1, 0 0 1))"),
        shapely.from_wkt("POLYGON EMPTY"),
        shapely.from_wkt("MULTIPOLYGON EMPTY"),
        shapely.from_wkt("LINESTRING EMPTY"),
        shapely.from_wkt("GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1))"),
        shapely.MultiPolygon(list(shapely.box(many, 0.0, many + 1.0, 1.0))),  # GEOS's reader
    ]
    geoms = np.concatenate([polys, holed, multi, lines, multilines, np.array(others, object)])
    return geoms[np.random.default_rng(2).permutation(len(geoms))]


def test_the_same_geometries_as_geos_reads(monkeypatch):
    geoms = _mixed()
    blobs = np.array(list(shapely.to_wkb(geoms)) + [None, b""], dtype=object)
    blobs[0] = shapely.to_wkb(geoms[0], byte_order=0)  # big-endian: GEOS's reader takes it
    expected = shapely.from_wkb(np.array([b if b else None for b in blobs], dtype=object))
    handed_over = []
    geos_reader = shapely.from_wkb

    def counting(data, *args, **kwargs):
        handed_over.append(len(data))
        return geos_reader(data, *args, **kwargs)

    monkeypatch.setattr(shapely, "from_wkb", counting)
    _same(from_wkb(blobs), expected)
    # only what the numpy reader leaves went to GEOS: the big-endian blob, the point, Z,
    # the three empties, the collection and the multipolygon of MAX_ITEMS + 5 parts
    assert sum(handed_over) == 8


def test_fixed_width_blobs_are_read_in_place():
    boxes = shapely.box(np.arange(300.0), 0.0, np.arange(1.0, 301.0), 2.5)
    blobs = np.array(shapely.to_wkb(boxes).tolist()).astype("V")  # as GDAL's stream gives them
    assert blobs.dtype.kind == "V"
    _same(from_wkb(blobs), boxes)


def test_coordinates_mapped_once_whichever_reader_took_the_row():
    geoms = _mixed()

    def shift(xy: np.ndarray) -> np.ndarray:
        return xy * 2.0 + (40_000_000.0, -3.5)

    ours = from_wkb(np.array(shapely.to_wkb(geoms), dtype=object), points=shift)
    _same(ours, shapely.transform(geoms, shift))


def _polygon_wkb(points: list[tuple[float, float]], declared: int | None = None) -> bytes:
    count = len(points) if declared is None else declared
    body = b"".join(struct.pack("<dd", *p) for p in points)
    return struct.pack("<BIII", 1, 3, 1, count) + body


def _outcome(read, blobs: np.ndarray):
    try:
        return read(blobs)
    except shapely.errors.GEOSException as error:
        return str(error)


def test_broken_blobs_read_or_fail_as_geos_does():
    square = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]
    cases = [
        _polygon_wkb(square)[:-3],  # truncated
        _polygon_wkb(square, declared=9),  # claims more points than it holds
        _polygon_wkb(square) + b"\x00\x00",  # bytes left over (GEOS ignores them)
        _polygon_wkb(square[:-1]),  # a ring that does not close
        _polygon_wkb(square[:3]),  # too few points for a ring
    ]
    raised = 0
    for blob in cases:
        blobs = np.array([_polygon_wkb(square), blob], dtype=object)
        geos, ours = _outcome(shapely.from_wkb, blobs), _outcome(from_wkb, blobs)
        if isinstance(geos, str):
            raised += 1
            assert ours == geos
        else:
            _same(ours, geos)
    assert raised >= 3


def test_batches_no_row_of_which_the_numpy_reader_keeps():
    many = shapely.MultiPolygon(
        list(shapely.box(np.arange(300.0), 0.0, np.arange(1.0, 301.0), 1.0))
    )
    for geoms in (
        [shapely.from_wkt("MULTIPOLYGON EMPTY")],
        [shapely.box(0, 0, 1, 1), many],
        [many, shapely.from_wkt("MULTILINESTRING EMPTY")],
    ):
        blobs = np.array(list(shapely.to_wkb(np.array(geoms, dtype=object))), dtype=object)
        _same(from_wkb(blobs), shapely.from_wkb(blobs))


def test_a_ring_ending_on_nan_does_not_close():
    nan = float("nan")
    ring = [(nan, 0.0), (1.0, 0.0), (1.0, 1.0), (nan, 0.0)]
    blobs = np.array([_polygon_wkb(ring)], dtype=object)
    assert _outcome(from_wkb, blobs) == _outcome(shapely.from_wkb, blobs)
    assert isinstance(_outcome(shapely.from_wkb, blobs), str)  # GEOS refuses it
