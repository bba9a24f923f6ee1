"""The outputs of a red-line check: OUTPUT (the project features as they are plus the results),
CONFLICTS (one piece per project and control), the counts and the results-bus message."""

from __future__ import annotations

from qgis.core import QgsProcessingContext, QgsWkbTypes

from ... import results_bus
from ...core.progress import Progress
from ...translate import tr
from ..io.projects import project_id_field
from ..io.write import FieldSpec, copy_input_with_columns, fields, input_copy_fields, write_features
from .run import RedlineRun

# OUTPUT: result field -> what it measures (the project itself, or a control key)
RESULT_FIELDS = (
    ("proj_m2", None),
    ("eco_m2", "eco"),
    ("farm_m2", "farm"),
    ("udb_out_m2", "udb_out"),
    ("pa_m2", "pa"),
    ("pa_core_m2", "pa_core"),
    ("marine_m2", "marine"),
    ("coast_m", "coast"),
)
OUTPUT_FIELDS = (
    *(FieldSpec(name, "float", 20, 2) for name, _ in RESULT_FIELDS),
    FieldSpec("verdict", "str", 10),
    FieldSpec("verdict_zh", "str", 10),
    FieldSpec("reasons", "str", 1000),
)
CONFLICT_FIELDS = (
    FieldSpec("control", "str"),
    FieldSpec("control_zh", "str"),
    FieldSpec("level", "str"),
    FieldSpec("area_m2"),
    FieldSpec("area_ha"),
    FieldSpec("area_mu"),
    FieldSpec("length_m"),
)


def output_row(run: RedlineRun, j: int) -> list:
    """The result columns of project ``j``: id, amounts (NULL when not checked), verdict."""
    columns = [run.proj_m2 if key is None else run.amounts[key] for _, key in RESULT_FIELDS]
    verdict = run.verdicts[j]
    amounts = [None if column is None else float(column[j]) for column in columns]
    return [run.projects.ids[j], *amounts, verdict.verdict, verdict.verdict_zh, verdict.reasons]


def write_output(alg, parameters: dict, context: QgsProcessingContext, run, feedback) -> str:
    source = run.inputs.source
    specs = [project_id_field(source, run.inputs.id_field), *OUTPUT_FIELDS]
    out_fields, keep = input_copy_fields(source, specs, feedback, run.inputs.label)
    wkb_type = QgsWkbTypes.multiType(source.wkbType())
    sink, dest_id = alg.sink(
        parameters, alg.OUTPUT, context, out_fields, wkb_type, source.sourceCrs()
    )
    row_of = {int(fid): j for j, fid in enumerate(run.projects.fids)}
    copy_input_with_columns(
        source, sink, out_fields, keep, row_of, lambda j: output_row(run, j), feedback
    )
    Progress(feedback).set(0.9)
    return dest_id


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
        write_features(sink, out_fields, run.conflict_geoms, run.conflict_rows, feedback)
    return dest_id


def count_results(alg, run: RedlineRun, feedback) -> dict:
    """N_PROJECTS, N_FAIL, N_REVIEW and N_PASS (said in the log too)."""
    counts = run.counts
    feedback.pushInfo(
        tr("{n} projects: {fail} fail, {review} need review, {ok} pass.").format(
            n=run.n, fail=counts["FAIL"], review=counts["REVIEW"], ok=counts["PASS"]
        )
    )
    return {
        alg.N_PROJECTS: run.n,
        alg.N_FAIL: counts["FAIL"],
        alg.N_REVIEW: counts["REVIEW"],
        alg.N_PASS: counts["PASS"],
    }


def publish(alg, run: RedlineRun, dest_id: str, report_path: str) -> None:
    """Tell the check-results dock: one row per project with its verdict."""
    rows = [
        results_bus.ResultRow(
            str(run.projects.ids[j]),
            str(run.projects.ids[j]),
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
