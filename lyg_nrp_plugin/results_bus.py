"""Where algorithms announce their results, so the check-results dock can show them.

An algorithm calls :func:`publish` at the end of ``processAlgorithm`` — whether it ran from the
toolbox, a model, ``processing.run`` or a dock button. The signal crosses from the Processing
worker thread to the GUI thread by Qt's queued connection. In ``qgis_process`` nobody listens.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.PyQt.QtCore import QObject, pyqtSignal


@dataclass
class ResultRow:
    """One project / group / corridor line of a result table."""

    item_id: str
    label: str
    verdict: str  # PASS / REVIEW / FAIL, or a grade code such as 优/良 for corridors
    verdict_zh: str
    area_m2: float | None = None
    details: str = ""
    feature_id: int | None = None  # fid in ``CheckResult.output_ref`` to select and zoom to


@dataclass
class CheckResult:
    algorithm: str  # algorithm id, e.g. "redline_overlap"
    title: str  # translated display name
    counts: dict[str, int] = field(default_factory=dict)  # verdict -> count
    rows: list[ResultRow] = field(default_factory=list)
    output_ref: str = ""  # layer id or source of the main output (what the rows refer to)
    report_path: str = ""
    # what the algorithm's own dock reads, as text (indicator_assessment: its JSON output)
    payload: str = ""


class ResultsBus(QObject):
    published = pyqtSignal(object)  # CheckResult


_bus: ResultsBus | None = None
_latest: dict[str, CheckResult] = {}


def bus() -> ResultsBus:
    global _bus
    if _bus is None:
        _bus = ResultsBus()
    return _bus


def publish(result: CheckResult) -> None:
    _latest[result.algorithm] = result
    bus().published.emit(result)


def latest() -> dict[str, CheckResult]:
    """The last result of each algorithm in this QGIS session."""
    return dict(_latest)
