"""Where algorithms announce their results, so the check-results dock can show them.

An algorithm calls :func:`publish` at the end of ``processAlgorithm`` — whether it ran from the
toolbox, a model, ``processing.run`` or a dock button. The signal crosses from the Processing
worker thread to the GUI thread by Qt's queued connection. In ``qgis_process`` nobody listens.

What the check-results dock does with a row (for the algorithm owners who fill them in):

- ``label`` is the item's *name* (项目名称, e.g. from ``NAME_FIELD``); the dock shows it in
  名称 unless it merely repeats ``item_id`` (编号).
- clicking a row selects ``feature_id`` in the layer ``CheckResult.output_ref`` *and* every
  ``(layer ref, fids)`` pair of ``selections`` — a layer ref is a layer id or a data source,
  as the algorithm returns it (``dest_id``) — then zooms to all of them. A balance group lists
  its occupied pieces and its supplementary plots there, a corridor row its corridor.
- the 审查意见书 the dock prints (导出PDF) takes the item's geometry from ``feature_id`` (or,
  without one, from its ``selections``), draws the features of ``selections`` in other layers
  as the item's conflict pieces, and prints ``category``, ``reasons`` (``details`` when
  empty) and ``basis`` (the document and article of each rule, paired with ``reasons`` by
  position).
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
    # --- additive (issue 17); all optional -------------------------------------------------
    # (layer id or source, fids) to select with the row: a balance group's occupied pieces and
    # plots, a corridor, a project's conflict pieces …
    selections: list[tuple[str, list[int]]] = field(default_factory=list)
    category: str = ""  # 项目类别 (XMFL / XMLX …) or the group kind
    reasons: list[str] = field(default_factory=list)  # one line each (default: ``details``)
    basis: list[str] = field(default_factory=list)  # document and article, per reason


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
