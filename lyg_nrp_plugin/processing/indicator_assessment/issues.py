"""The warnings of a run about its input data (:class:`~...core.indicators.model.DataIssue`):
overlapping features counted once, negative or non-numeric values left out, unknown types read
the stricter way. Said in the Processing log and listed in the report."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.indicators.model import DataIssue
from ...translate import tr

MAX_IDS = 10  # features named in one warning; the rest are counted


def id_list(ids: Sequence) -> str:
    shown = ", ".join(str(i) for i in ids[:MAX_IDS])
    return shown + (tr(" … ({n} more)").format(n=len(ids) - MAX_IDS) if len(ids) > MAX_IDS else "")


def issue_text(issue: DataIssue, label: str) -> str:
    """One warning, naming the layer (its label) and the features."""
    ids = id_list(issue.ids)
    if issue.kind == "overlap":
        return tr(
            "{layer}: {n} pairs of features overlap ({area} m² would be counted twice); each "
            "overlap is counted once, the feature with the lower fid keeps it: {ids}"
        ).format(layer=label, n=issue.count, area=f"{issue.area:,.2f}", ids=ids)
    if issue.kind == "bad_value":
        return tr(
            "{layer}: {n} features have a negative or non-numeric “{field}”; they are left out "
            "of the sums: {ids}"
        ).format(layer=label, n=issue.count, field=issue.field, ids=ids)
    if issue.kind == "unknown_type" and issue.layer == "MINES":
        return tr(
            "{layer}: {n} mines have no type; they are counted as solid minerals (the stricter "
            "reading): {ids}"
        ).format(layer=label, n=issue.count, ids=ids)
    if issue.kind == "unknown_type":
        return tr(
            "{layer}: {n} protected areas have no type; they are not counted in the share of the "
            "land (the stricter reading): {ids}"
        ).format(layer=label, n=issue.count, ids=ids)
    return tr(
        "{layer}: {area} m² of the coastal wetland lie over land-use parcels; that part is "
        "counted once, by the parcels' land-use code."
    ).format(layer=label, area=f"{issue.area:,.2f}")


def warn_issues(issues: Sequence[DataIssue], labels: dict[str, str], feedback) -> list[str]:
    """Push one warning per issue; returns the texts (for the report)."""
    texts = [issue_text(issue, labels.get(issue.layer, issue.layer)) for issue in issues]
    for text in texts:
        feedback.pushWarning(text)
    return texts
