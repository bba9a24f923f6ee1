"""The outputs of a red-line check: OUTPUT (the project features as they are plus the results),
CONFLICTS (one piece per project and conflicting control), the counts and the results-bus
message."""

from __future__ import annotations

import numpy as np
from qgis.core import QgsProcessingContext, QgsWkbTypes

from ... import results_bus
from ...core import labels
from ...core.progress import Progress
from ...translate import tr
from ..io.projects import project_id_field
from ..io.write import FieldSpec, copy_input_with_columns, fields, input_copy_fields, write_features
from .run import RedlineRun

# OUTPUT: result field -> the piece keys it adds up (None: the project itself)
RESULT_FIELDS = (
    ("proj_m2", None),
    ("eco_m2", ("eco",)),
    ("eco_space_m2", ("eco_space",)),
    ("farm_m2", ("farm",)),
    ("udb_out_m2", ("udb_out",)),
    ("pa_m2", ("pa_core", "pa")),
    ("pa_core_m2", ("pa_core",)),
    ("marine_m2", ("marine", "marine_limit")),
    ("marine_ban_m2", ("marine",)),
    ("coast_m", ("coast", "coast_strict", "coast_limit", "coast_use")),
    ("coast_strict_m", ("coast_strict",)),
    ("coast_limit_m", ("coast_limit",)),
    ("coast_use_m", ("coast_use",)),
    ("mineral_m2", ("mineral",)),
    ("geohazard_m2", ("geohazard",)),
    ("heritage_m2", ("heritage",)),
    ("forest_m2", ("forest",)),
)
OUTPUT_FIELDS = (
    FieldSpec("project_name", "str", 254),
    FieldSpec("project_class", "str", 20),
    FieldSpec("class_zh", "str", 20),
    *(FieldSpec(name, "float", 20, 2) for name, _ in RESULT_FIELDS),
    FieldSpec("verdict", "str", 10),
    FieldSpec("verdict_zh", "str", 10),
    FieldSpec("reasons", "str", 2000),
    FieldSpec("basis", "str", 1000),
)
CONFLICT_FIELDS = (
    FieldSpec("project_name", "str", 254),
    FieldSpec("control", "str"),
    FieldSpec("control_zh", "str"),
    FieldSpec("level", "str"),
    FieldSpec("level_zh", "str"),
    FieldSpec("area_m2", "float", 20, 2),
    FieldSpec("area_ha", "float", 20, 4),
    FieldSpec("area_mu", "float", 20, 2),
    FieldSpec("length_m", "float", 20, 2),
)


def result_amounts(run: RedlineRun) -> dict[str, np.ndarray | None]:
    """Every OUTPUT amount field per project (None: not checked)."""
    out: dict[str, np.ndarray | None] = {}
    for name, keys in RESULT_FIELDS:
        if keys is None:
            out[name] = run.proj_m2
            continue
        present = [run.amounts[k] for k in keys if run.amounts[k] is not None]
        out[name] = np.sum(present, axis=0) if present else None
    return out


def output_rows(run: RedlineRun) -> list[list]:
    amounts = result_amounts(run)
    rows = []
    for j in range(run.n):
        verdict, project_class = run.verdicts[j], run.classes[j]
        values = [None if v is None else float(v[j]) for v in amounts.values()]
        rows.append(
            [
                run.projects.ids[j],
                None if run.names[j] is None else str(run.names[j]),
                project_class.code,
                project_class.name_zh,
                *values,
                verdict.verdict,
                verdict.verdict_zh,
                verdict.reasons,
                "；".join(verdict.basis),
            ]
        )
    return rows


def write_output(alg, parameters: dict, context: QgsProcessingContext, run, feedback) -> str:
    source = run.inputs.source
    specs = [project_id_field(source, run.inputs.id_field), *OUTPUT_FIELDS]
    out_fields, keep = input_copy_fields(source, specs, feedback, run.inputs.label)
    wkb_type = QgsWkbTypes.multiType(source.wkbType())
    sink, dest_id = alg.sink(
        parameters, alg.OUTPUT, context, out_fields, wkb_type, source.sourceCrs()
    )
    row_of = {int(fid): j for j, fid in enumerate(run.projects.fids)}
    rows = output_rows(run)
    copy_input_with_columns(source, sink, out_fields, keep, row_of, rows.__getitem__, feedback)
    Progress(feedback).set(0.95)
    return dest_id


def conflict_rows(run: RedlineRun) -> list[list]:
    """CONFLICTS rows: the project's id and name, then the piece's control and amounts."""
    out = []
    for j, control, control_zh, level, *amounts in run.conflict_rows:
        name = None if run.names[j] is None else str(run.names[j])
        head = [run.projects.ids[j], name, control, control_zh, level, labels.verdict_zh(level)]
        out.append(head + amounts)
    return out


def write_conflicts(
    alg, parameters: dict, context: QgsProcessingContext, run: RedlineRun, feedback
) -> str | None:
    """The CONFLICTS pieces (None when that output is skipped)."""
    specs = [project_id_field(run.inputs.source, run.inputs.id_field), *CONFLICT_FIELDS]
    out_fields = fields(specs)
    sink, dest_id = alg.sink(
        parameters, alg.CONFLICTS, context, out_fields, QgsWkbTypes.MultiPolygon, run.inputs.crs
    )
    if sink is not None:
        write_features(sink, out_fields, run.conflict_geoms, conflict_rows(run), feedback)
    return dest_id


def count_results(alg, run: RedlineRun, feedback) -> dict:
    """N_PROJECTS, N_FAIL, N_REVIEW, N_PASS and, with a reserve, RESERVE_SHORTFALL_M2."""
    counts = run.counts
    feedback.pushInfo(
        tr("{n} projects: {fail} fail, {review} need review, {ok} pass.").format(
            n=run.n, fail=counts["FAIL"], review=counts["REVIEW"], ok=counts["PASS"]
        )
    )
    results = {
        alg.N_PROJECTS: run.n,
        alg.N_FAIL: counts["FAIL"],
        alg.N_REVIEW: counts["REVIEW"],
        alg.N_PASS: counts["PASS"],
    }
    if run.reserve is not None:
        results[alg.RESERVE_SHORTFALL_M2] = run.reserve.shortfall_m2
    return results


def publish(alg, run: RedlineRun, dest_id: str, report_path: str) -> None:
    """Tell the check-results dock: one row per project with its verdict, named by its name."""
    rows = [
        results_bus.ResultRow(
            str(run.projects.ids[j]),
            run.label(j),
            run.verdicts[j].verdict,
            run.verdicts[j].verdict_zh,
            float(run.proj_m2[j]),
            run.verdicts[j].reasons,
            int(run.projects.fids[j]),
        )
        for j in range(run.n)
    ]
    message = results_bus.CheckResult(
        alg.ALG_ID, alg.displayName(), run.counts, rows, dest_id or "", report_path or ""
    )
    results_bus.publish(message)
