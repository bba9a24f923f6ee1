"""The two outputs of ``build_corridors`` (fields as data), its log summary and its result."""

from __future__ import annotations

from qgis.core import QgsProcessingContext, QgsWkbTypes

from ... import results_bus
from ...translate import tr
from ..io.write import FieldSpec, fields, write_features
from .build import Built

MULTI_POLYGON, MULTI_LINE = QgsWkbTypes.MultiPolygon, QgsWkbTypes.MultiLineString

# (field, its value for a corridor)
OUTPUT_COLUMNS = (
    (FieldSpec("corridor_id", "str"), lambda c: c.corridor_id),
    (FieldSpec("name", "str"), lambda c: c.name),
    (FieldSpec("kind", "str"), lambda c: c.kind),
    (FieldSpec("kind_zh", "str"), lambda c: c.kind_zh),
    (FieldSpec("half_width_m"), lambda c: c.half_width_m),
    (FieldSpec("area_m2"), lambda c: c.area_m2),
    (FieldSpec("length_m"), lambda c: c.length_m),
    (FieldSpec("source", "str"), lambda c: "+".join(c.source_names)),
    (FieldSpec("outside_m2"), lambda c: c.outside_m2),
)
AXIS_COLUMNS = (
    (FieldSpec("corridor_id", "str"), lambda c: c.corridor_id),
    (FieldSpec("name", "str"), lambda c: c.name),
    (FieldSpec("kind", "str"), lambda c: c.kind),
    (FieldSpec("length_m"), lambda c: c.length_m),
)


def write_outputs(
    alg, parameters: dict, context: QgsProcessingContext, crs, built: Built, feedback
) -> tuple[str, str]:
    """The corridors (polygons) and the axes of those that have one (lines): their ids."""
    corridors = built.corridors
    with_axis = [c for c in corridors if not c.axis.is_empty]
    ids = []
    for name, columns, wkb_type, items, geoms in (
        (alg.OUTPUT, OUTPUT_COLUMNS, MULTI_POLYGON, corridors, [c.polygon for c in corridors]),
        (alg.AXES, AXIS_COLUMNS, MULTI_LINE, with_axis, [c.axis for c in with_axis]),
    ):
        out_fields = fields([spec for spec, _ in columns])
        sink, dest_id = alg.sink(parameters, name, context, out_fields, wkb_type, crs)
        rows = [[value(c) for _, value in columns] for c in items]
        write_features(sink, out_fields, geoms, rows, feedback)
        alg.style(context, dest_id, f"build_corridors_{name}")  # styles: <alg>_<output>
        ids.append(dest_id)
    return ids[0], ids[1]


def log_summary(built: Built, feedback) -> None:
    for c in built.corridors:
        feedback.pushInfo(
            tr("{id} {name}: {area:,.2f} ha, axis {length:,.0f} m").format(
                id=c.corridor_id, name=c.name, area=c.area_m2 / 10000, length=c.length_m
            )
        )
    if built.missing:
        feedback.pushWarning(
            tr("Corridors not found in the rivers: {names}").format(names=", ".join(built.missing))
        )


def publish(alg_id: str, title: str, built: Built, dest_id: str) -> None:
    """The check-results dock's view: one row per corridor built (PASS), per name missing."""
    rows = [
        results_bus.ResultRow(
            c.corridor_id, c.name, "PASS", "已构建", c.area_m2, f"{c.kind_zh} {c.length_m:,.0f} m"
        )
        for c in built.corridors
    ]
    rows += [
        results_bus.ResultRow("", name, "FAIL", "缺失", None, tr("not found in the rivers"))
        for name in built.missing
    ]
    counts = {"PASS": len(built.corridors), "FAIL": len(built.missing)}
    results_bus.publish(results_bus.CheckResult(alg_id, title, counts, rows, dest_id))
