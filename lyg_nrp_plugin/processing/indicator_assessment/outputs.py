"""The outputs of ``lyg_nrp:indicator_assessment``: the table (one row per indicator, its fields
named after :class:`~...core.indicators.model.IndicatorResult` attributes), the JSON of the
dashboard, and the result published on ``results_bus``."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsWkbTypes

from ... import results_bus
from ...core.indicators.model import to_json, value_target_text
from ..io.write import FieldSpec, fields, write_features
from .inputs import IndicatorRun

OUTPUT_FIELDS = (
    FieldSpec("code", "str"),
    FieldSpec("name_zh", "str"),
    FieldSpec("name_en", "str"),
    FieldSpec("category", "str"),
    FieldSpec("unit", "str"),
    FieldSpec("value", "float"),
    FieldSpec("target", "float"),
    FieldSpec("comparator", "str"),
    FieldSpec("attribute", "str"),
    FieldSpec("baseline_2020", "float"),
    FieldSpec("status", "str"),
    FieldSpec("status_zh", "str"),
    FieldSpec("source", "str"),
    FieldSpec("note", "str"),
    FieldSpec("target_text", "str"),
    FieldSpec("value_source", "str"),
    FieldSpec("value_source_zh", "str"),
    FieldSpec("difference", "str"),
    FieldSpec("arithmetic", "str"),
    FieldSpec("baseline_text", "str"),
)


def write_table(alg, parameters: dict, context, run: IndicatorRun, feedback) -> str:
    """The OUTPUT table (no geometry); returns its destination id."""
    table_fields = fields(OUTPUT_FIELDS)
    sink, dest_id = alg.sink(
        parameters, alg.OUTPUT, context, table_fields, QgsWkbTypes.NoGeometry, run.inputs.crs
    )
    rows = [[getattr(r, spec.name) for spec in OUTPUT_FIELDS] for r in run.results]
    write_features(sink, table_fields, None, rows, feedback)
    return dest_id


def write_json(path: str, run: IndicatorRun) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(to_json(run.results, run.meta()), encoding="utf-8")


def publish(run: IndicatorRun, alg_id: str, title: str, dest_id: str, report_path: str) -> None:
    """Announce the run on ``results_bus``; the payload is the JSON the dashboard reads."""
    zh = run.inputs.lang == "zh"
    results_bus.publish(
        results_bus.CheckResult(
            algorithm=alg_id,
            title=title,
            counts=dict(run.counts),
            rows=[
                results_bus.ResultRow(
                    item_id=r.code,
                    label=r.name_zh if zh else r.name_en,
                    verdict=r.status,
                    verdict_zh=r.status_zh,
                    details=f"{value_target_text(r)} ({r.value_source_zh or '—'})",
                )
                for r in run.results
            ],
            output_ref=str(dest_id or ""),
            report_path=report_path or "",
            payload=to_json(run.results, run.meta()),
        )
    )
