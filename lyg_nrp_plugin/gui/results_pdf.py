"""导出PDF: a published result as a 审查意见书.

The sheet is read from the project in the GUI thread (the layers live there) — the output
layer, the layers of the rows' selections, and the layers the planner has switched on as the
maps' backdrop — and is plain data afterwards, so a background task writes the PDF while QGIS
stays usable (cancel it from the task bar).
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProject, QgsTask

from ..translate import tr
from . import results_select


def sheet_of(result, rows):
    """The ReviewSheet of ``result`` with its ``rows`` in the order to print."""
    from ..processing.report.result_sheet import sheet_from_result  # shapely 2: when printing

    output = results_select.find_layer(result.output_ref)
    exclude = {output.id()} if output is not None else set()
    for row in result.rows:
        for ref, _ in row.selections:
            layer = results_select.find_layer(ref)
            if layer is not None:
                exclude.add(layer.id())
    context = results_select.context_layers(QgsProject.instance(), exclude)
    return sheet_from_result(result, output, results_select.find_layer, context, rows)


class TaskFeedback(QgsProcessingFeedback):
    """What write_review_pdf reports goes to the task (progress, cancel), warnings to a list."""

    def __init__(self, task: QgsTask):
        super().__init__()
        self.task = task
        self.warnings: list[str] = []

    def isCanceled(self) -> bool:  # noqa: N802
        return self.task.isCanceled() or super().isCanceled()

    def setProgress(self, progress: float) -> None:  # noqa: N802
        self.task.setProgress(progress)

    def pushWarning(self, text: str) -> None:  # noqa: N802
        self.warnings.append(text)


def write(path: str, sheet, feedback=None) -> int:
    from ..processing.report.pdf import write_review_pdf

    return write_review_pdf(path, sheet, feedback)


def write_in_background(path: str, sheet, done: Callable[[int, str], None]) -> QgsTask:
    """Start a task writing ``sheet`` to ``path``; ``done(pages, error)`` runs in the GUI
    thread when it ends (pages 0 and the reason when it failed or was canceled)."""

    def run(task):
        return write(path, sheet, TaskFeedback(task))

    def finished(exception, pages=None):
        if exception is None and pages:
            done(int(pages), "")
        else:
            done(0, str(exception) if exception is not None else tr("Canceled."))

    task = QgsTask.fromFunction(tr("Review sheet (PDF)"), run, on_finished=finished)
    QgsApplication.taskManager().addTask(task)
    return task
