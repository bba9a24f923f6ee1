"""The outputs of an occupation analysis: OUTPUT (a table per project and DLBM), SUMMARY (the
project features as they are plus the class areas), FARMLAND_PIECES (the occupied 耕地 in
the form ``lyg_nrp:farmland_balance`` takes), the numbers and the results-bus message."""

from __future__ import annotations

import numpy as np
from qgis.core import QgsProcessingContext, QgsWkbTypes

from ... import results_bus
from ...core.occupation import SUMMARY_FIELDS
from ...core.progress import Progress
from ...core.units import format_area_zh
from ...translate import tr
from ..io.guards import destination_text, is_shapefile
from ..io.projects import project_id_field
from ..io.write import FieldSpec, copy_input_with_columns, fields, input_copy_fields, write_features
from .run import OccupationRun

TABLE_FIELDS = (
    FieldSpec("DLBM", "str"),
    FieldSpec("DLMC", "str"),
    FieldSpec("class_zh", "str"),
    FieldSpec("gross_m2"),
    FieldSpec("net_m2"),
)
SUMMARY_SPECS = tuple(FieldSpec(name, "float", 20, 2) for name in SUMMARY_FIELDS)
NAME_SPEC = FieldSpec("project_name", "str", 254)
PIECE_FIELDS = (
    FieldSpec("DLBM", "str"),
    FieldSpec("GDDB", "str"),
    FieldSpec("GDPDJB", "str"),
    FieldSpec("gross_m2"),
    FieldSpec("net_m2"),
    FieldSpec("paddy", "int"),
)


def _text(values: list | None, k: int) -> str | None:
    return None if values is None or values[k] is None else str(values[k])


def with_project_id(run: OccupationRun, specs, name: bool = False) -> list:
    head = [project_id_field(run.inputs.source, run.inputs.id_field)]
    return [*head, NAME_SPEC, *specs] if name else [*head, *specs]


def keeps_name(alg, parameters: dict, name: str, context, feedback) -> bool:
    """``project_name`` (12 characters) cannot be a Shapefile field: a Shapefile output goes
    without it, said in the log (the other outputs carry it)."""
    if not is_shapefile(destination_text(parameters, name, context)):
        return True
    title = alg.parameterDefinition(name).description()
    feedback.pushWarning(
        tr(
            "{output}: a Shapefile cannot keep the field project_name; it is left out "
            "(write a GeoPackage to keep it)."
        ).format(output=title)
    )
    return False


def _name(run: OccupationRun, j: int) -> str | None:
    return None if run.names[j] is None else str(run.names[j])


def write_table(alg, parameters: dict, context: QgsProcessingContext, run, feedback) -> str:
    name = keeps_name(alg, parameters, alg.OUTPUT, context, feedback)
    out_fields = fields(with_project_id(run, TABLE_FIELDS, name))
    sink, dest_id = alg.sink(parameters, alg.OUTPUT, context, out_fields)
    rows = [
        [
            run.projects.ids[r.project],
            *([_name(run, r.project)] if name else []),
            r.dlbm or None,
            r.dlmc or None,
            r.class_zh,
            r.gross_m2,
            r.net_m2,
        ]
        for r in run.result.rows
    ]
    write_features(sink, out_fields, None, rows, feedback)
    return dest_id


def write_summary(
    alg, parameters: dict, context: QgsProcessingContext, run: OccupationRun, feedback
) -> str | None:
    """SUMMARY (None when that output is skipped)."""
    source = run.inputs.source
    name = keeps_name(alg, parameters, alg.SUMMARY, context, feedback)
    specs = with_project_id(run, SUMMARY_SPECS, name)
    out_fields, keep = input_copy_fields(source, specs, feedback, run.inputs.label)
    wkb_type = QgsWkbTypes.multiType(source.wkbType())
    sink, dest_id = alg.sink(
        parameters, alg.SUMMARY, context, out_fields, wkb_type, source.sourceCrs()
    )
    if sink is None:
        return None
    summary = run.result.summary
    row_of = {int(fid): j for j, fid in enumerate(run.projects.fids)}

    def columns(j: int) -> list:
        head = [run.projects.ids[j], *([_name(run, j)] if name else [])]
        return [*head, *(summary[j][field] for field in SUMMARY_FIELDS)]

    copy_input_with_columns(source, sink, out_fields, keep, row_of, columns, feedback)
    Progress(feedback).check()
    return dest_id


def write_farmland_pieces(
    alg, parameters: dict, context: QgsProcessingContext, run: OccupationRun, feedback
) -> str | None:
    """FARMLAND_PIECES (None when that output is skipped)."""
    out_fields = fields(with_project_id(run, PIECE_FIELDS))
    sink, dest_id = alg.sink(
        parameters,
        alg.FARMLAND_PIECES,
        context,
        out_fields,
        QgsWkbTypes.MultiPolygon,
        run.inputs.crs,
    )
    if sink is None:
        return None
    result = run.result
    farm = np.nonzero(result.farmland)[0]
    rows = [
        [
            run.projects.ids[int(run.pieces.left[k])],
            result.codes[k],
            _text(run.grades, k),
            _text(run.slopes, k),
            float(run.gross[k]),
            float(result.net[k]),
            int(result.paddy[k]),
        ]
        for k in farm
    ]
    write_features(sink, out_fields, run.pieces.geoms[farm], rows, feedback)
    return dest_id


def number_results(alg, run: OccupationRun, feedback) -> dict:
    """N_PROJECTS and FARM_M2 (said in the log too)."""
    feedback.pushInfo(
        tr("{n} projects occupy {pieces} parcel pieces; cultivated land (net): {farm}.").format(
            n=run.n, pieces=len(run.pieces), farm=format_area_zh(run.farm_total)
        )
    )
    return {alg.N_PROJECTS: run.n, alg.FARM_M2: run.farm_total}


def publish(alg, run: OccupationRun, output_ref: str, report_path: str) -> None:
    """Tell the check-results dock: a project that occupies cultivated land needs a review."""
    summary = run.result.summary
    occupies = [summary[j]["farm_m2"] > 0 for j in range(run.n)]
    rows = [
        results_bus.ResultRow(
            str(run.projects.ids[j]),
            run.label(j),
            "REVIEW" if occupies[j] else "PASS",
            "占用耕地" if occupies[j] else "未占用耕地",
            summary[j]["total_m2"],
            "耕地 " + format_area_zh(summary[j]["farm_m2"]),
            int(run.projects.fids[j]),
        )
        for j in range(run.n)
    ]
    counts = {"REVIEW": sum(occupies), "PASS": run.n - sum(occupies)}
    message = results_bus.CheckResult(
        alg.ALG_ID, alg.displayName(), counts, rows, output_ref or "", report_path or ""
    )
    results_bus.publish(message)
