"""The outputs of ``corridor_assessment`` — corridors, breaks, transects — with their fields
as data (a :class:`FieldSpec` and the value it takes from a row), and the published result."""

from __future__ import annotations

from qgis.core import QgsProcessingContext, QgsWkbTypes

from ... import results_bus
from ...core import landuse
from ...core import transects as tx
from ...translate import tr
from ..io.write import FieldSpec, fields, write_features
from .run import AssessmentRun

# a row of OUTPUT: a core.transects.CorridorResult r
OUTPUT_COLUMNS = (
    (FieldSpec("corridor_id", "str"), lambda r: r.corridor.corridor_id),
    (FieldSpec("name", "str"), lambda r: r.corridor.name),
    (FieldSpec("kind", "str"), lambda r: r.corridor.kind),
    (FieldSpec("area_m2"), lambda r: r.assessment.stats.area_m2),
    (FieldSpec("water_m2"), lambda r: r.assessment.stats.water_m2),
    (FieldSpec("eco_m2"), lambda r: r.assessment.stats.eco_m2),
    (FieldSpec("eco_ratio"), lambda r: r.assessment.stats.eco_ratio),
    (FieldSpec("built_m2"), lambda r: r.assessment.stats.built_m2),
    (FieldSpec("built_ratio"), lambda r: r.assessment.stats.built_ratio),
    (FieldSpec("farm_m2"), lambda r: r.assessment.stats.farm_m2),
    (FieldSpec("project_m2"), lambda r: r.assessment.project_m2),
    (FieldSpec("n_transects", "int"), lambda r: r.assessment.n_transects),
    (FieldSpec("mean_eco_width_m"), lambda r: r.assessment.mean_eco_width),
    (FieldSpec("min_eco_width_m"), lambda r: r.assessment.min_eco_width),
    (FieldSpec("continuity"), lambda r: r.assessment.continuity),
    (FieldSpec("n_breaks", "int"), lambda r: len(r.breaks)),
    (FieldSpec("n_patches", "int"), lambda r: r.assessment.stats.n_patches),
    (FieldSpec("largest_patch_ratio"), lambda r: r.assessment.stats.largest_patch_ratio),
    (FieldSpec("grade", "str"), lambda r: r.grade or None),
    (FieldSpec("grade_zh", "str"), lambda r: r.grade_zh or None),
    (FieldSpec("axis_source", "str"), lambda r: r.axis_source),
    (FieldSpec("grade_note", "str"), lambda r: not_graded_text(r) or None),
)


def not_graded_text(r) -> str:
    """Why a corridor has no grade ('' when it has one)."""
    if r.not_graded == tx.NOT_GRADED_WATER:
        return tr(
            "Not graded: the corridor is {share:.1f} % water surface (1101-1103); less than "
            "{min:g} % is land beside the water, so its ecological share says nothing."
        ).format(share=100 * (1 - r.assessment.stats.land_share), min=100 * tx.MIN_LAND_SHARE)
    return ""


# a row of TRANSECTS: (r, t, share, k) — corridor result, its transects and their built
# shares, index
TRANSECT_COLUMNS = (
    (FieldSpec("corridor_id", "str"), lambda r, t, share, k: r.corridor.corridor_id),
    (FieldSpec("name", "str"), lambda r, t, share, k: r.corridor.name),
    (FieldSpec("transect_no", "int"), lambda r, t, share, k: k + 1),
    (FieldSpec("distance_m"), lambda r, t, share, k: float(t.chainage[k])),
    (FieldSpec("length_m"), lambda r, t, share, k: float(t.length[k])),
    (FieldSpec("eco_width_m"), lambda r, t, share, k: float(t.eco_width[k])),
    (FieldSpec("water_width_m"), lambda r, t, share, k: float(t.water[k])),
    (FieldSpec("built_share"), lambda r, t, share, k: float(share[k])),
    (FieldSpec("is_break", "int"), lambda r, t, share, k: int(bool(t.is_break[k]))),
)
# a row of BREAKS: (r, b, ids) — corridor result, break, ids of the projects touching it
BREAK_COLUMNS = (
    (FieldSpec("corridor_id", "str"), lambda r, b, ids: r.corridor.corridor_id),
    (FieldSpec("corridor", "str"), lambda r, b, ids: r.corridor.name),
    (FieldSpec("break_no", "int"), lambda r, b, ids: b.number),
    (FieldSpec("start_m"), lambda r, b, ids: b.start_m),
    (FieldSpec("end_m"), lambda r, b, ids: b.end_m),
    (FieldSpec("length_m"), lambda r, b, ids: b.length_m),
    (FieldSpec("n_transects", "int"), lambda r, b, ids: b.n_transects),
    (FieldSpec("built_m2"), lambda r, b, ids: b.built_m2),
    (FieldSpec("built_dlbm", "str"), lambda r, b, ids: b.built_dlbm),
    (FieldSpec("built_dlmc", "str"), lambda r, b, ids: landuse.name_of(b.built_dlbm) or None),
    (FieldSpec("cause", "str"), lambda r, b, ids: b.cause),
    (FieldSpec("projects", "str"), lambda r, b, ids: ",".join(ids)),
    (FieldSpec("n_projects", "int"), lambda r, b, ids: len(ids)),
)


def breaks_of(run: AssessmentRun) -> list[tuple]:
    """(corridor result, break, touching project ids) of every break, in corridor order."""
    return [(r, b, ids) for r in run.results for b, ids in zip(r.breaks, r.touching)]


def transects_of(run: AssessmentRun) -> list[tuple]:
    """(corridor result, its transects, their built shares, index) of every transect."""
    items = []
    for r in run.results:
        t = r.assessment.transects
        share = t.built_share
        items += [(r, t, share, k) for k in range(len(t))]
    return items


def write_outputs(
    alg, parameters: dict, context: QgsProcessingContext, run: AssessmentRun, feedback
) -> dict:
    """Write OUTPUT, BREAKS and (when asked for) TRANSECTS; their ids by output name."""
    results, crs = run.results, run.inputs.crs
    out_fields = fields([spec for spec, _ in OUTPUT_COLUMNS])
    sink, out_id = alg.sink(
        parameters, alg.OUTPUT, context, out_fields, QgsWkbTypes.MultiPolygon, crs
    )
    rows = [[value(r) for _, value in OUTPUT_COLUMNS] for r in results]
    write_features(sink, out_fields, [r.corridor.polygon for r in results], rows, feedback)
    alg.style(context, out_id, "corridor_assessment_OUTPUT")

    breaks = breaks_of(run)
    br_fields = fields([spec for spec, _ in BREAK_COLUMNS])
    sink, br_id = alg.sink(
        parameters, alg.BREAKS, context, br_fields, QgsWkbTypes.MultiPolygon, crs
    )
    if sink is not None:
        rows = [[value(*item) for _, value in BREAK_COLUMNS] for item in breaks]
        write_features(sink, br_fields, [b.polygon for _, b, _ in breaks], rows, feedback)
        alg.style(context, br_id, "corridor_assessment_BREAKS")

    tr_fields = fields([spec for spec, _ in TRANSECT_COLUMNS])
    sink, tr_id = alg.sink(
        parameters, alg.TRANSECTS, context, tr_fields, QgsWkbTypes.MultiLineString, crs
    )
    if sink is not None:
        items = transects_of(run)
        rows = [[value(*item) for _, value in TRANSECT_COLUMNS] for item in items]
        write_features(sink, tr_fields, [t.geoms[k] for _, t, _, k in items], rows, feedback)
        alg.style(context, tr_id, "corridor_assessment_TRANSECTS")
    return {alg.OUTPUT: out_id, alg.BREAKS: br_id, alg.TRANSECTS: tr_id}


def publish(alg_id: str, title: str, run: AssessmentRun, output_ref: str, report_path: str) -> None:
    """The check-results dock's view: one row per corridor, counted by grade."""
    rows, counts = [], {}
    for r in run.results:
        a = r.assessment
        status = r.grade or "NOT_GRADED"
        counts[status] = counts.get(status, 0) + 1
        details = tr("{b} breaks, continuity {c}").format(
            b=len(a.breaks), c="—" if a.continuity is None else f"{100 * a.continuity:.1f}%"
        )
        rows.append(
            results_bus.ResultRow(
                r.corridor.corridor_id,
                r.corridor.name,
                status,
                r.grade_zh or tr("not graded"),
                a.stats.area_m2,
                details,
            )
        )
    results_bus.publish(
        results_bus.CheckResult(alg_id, title, counts, rows, output_ref or "", report_path or "")
    )
