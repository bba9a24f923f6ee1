"""One run of ``corridor_assessment``: every corridor assessed, and what the writers need."""

from __future__ import annotations

from dataclasses import dataclass

from ...core import transects as tx
from ...core.progress import Progress
from ...translate import tr
from .inputs import AssessmentInputs
from .layers import Layers


@dataclass
class AssessmentRun:
    """The inputs and the result of each corridor: what outputs and report are made of."""

    inputs: AssessmentInputs
    results: list[tx.CorridorResult]
    n_repaired: int

    @property
    def n_breaks(self) -> int:
        return sum(len(r.breaks) for r in self.results)


def assess_all(
    inputs: AssessmentInputs, layers: Layers, feedback, progress: Progress
) -> AssessmentRun:
    """Assess the corridors one by one (each on its own); raises ``Canceled``."""
    results = []
    corridors = layers.corridors
    for n, corridor in enumerate(corridors):
        progress.check()
        if corridor.needs_axis:
            feedback.pushWarning(
                tr(
                    "Corridor {id} {name}: no axis given; using the "
                    "longest internal axis of its polygon."
                ).format(id=corridor.corridor_id, name=corridor.name)
            )
        result = tx.assess_corridor(
            corridor,
            layers.land,
            inputs.spacing,
            inputs.min_eco_width,
            inputs.break_built_share,
            inputs.rules,
            layers.projects,
            progress,
        )
        results.append(result)
        feedback.pushInfo(
            tr("{id} {name}: {n} transects, {b} breaks, grade {grade}").format(
                id=corridor.corridor_id,
                name=corridor.name,
                n=result.assessment.n_transects,
                b=len(result.breaks),
                grade=result.grade_zh or result.grade or tr("not graded"),
            )
        )
        progress.set((n + 1) / max(len(corridors), 1))
    return AssessmentRun(inputs, results, layers.n_repaired)
