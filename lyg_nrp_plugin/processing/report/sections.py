"""Report pieces every algorithm shares: the inputs table, area and verdict texts, warnings.

Verdict, status and grade labels and colours come from :mod:`lyg_nrp_plugin.core.labels`
(one home, shared with the docks).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from qgis.core import QgsCoordinateReferenceSystem

from ...core import labels
from ...core.units import m2_to_ha, m2_to_mu
from ...translate import tr
from ..params import AREA_ELLIPSOIDAL
from .html import HtmlReport


@dataclass(frozen=True)
class InputRow:
    """One line of the "Inputs and data sources" table."""

    label: str
    layer: str
    data_source: str
    crs: str
    features: int
    repaired: int = 0
    empty: int = 0


def inputs_section(report: HtmlReport, rows: Iterable[InputRow]) -> None:
    report.heading(tr("Inputs and data sources"))
    report.table(
        [
            tr("Input"),
            tr("Layer"),
            tr("Data source"),
            tr("CRS"),
            tr("Features"),
            tr("Repaired geometries"),
            tr("Skipped empty geometries"),
        ],
        [[r.label, r.layer, r.data_source, r.crs, r.features, r.repaired, r.empty] for r in rows],
    )


def warnings_section(report: HtmlReport, warnings: Sequence[str]) -> None:
    if warnings:
        report.heading(tr("Warnings"))
        for text in warnings:
            report.paragraph(text)


def area_method_text(method: int) -> str:
    if method == AREA_ELLIPSOIDAL:
        return tr("Ellipsoidal (CGCS2000)")
    return tr("Planar (analysis CRS)")


def crs_text(crs: QgsCoordinateReferenceSystem) -> str:
    return f"{crs.authid()} {crs.description()}"


def area_text(area_m2: float | None) -> str:
    """``公顷 / 亩`` of an area in m² (— when not measured)."""
    if area_m2 is None:
        return "—"
    return f"{m2_to_ha(area_m2):,.4f} / {m2_to_mu(area_m2):,.2f}"


def verdict_text(code: str) -> str:
    """``FAIL 不合规`` — the code (which colours the row) and its Chinese label."""
    return f"{code} {labels.verdict_zh(code)}"


def source_row(
    label: str, source, data_source: str, stats, features: int | None = None
) -> InputRow:
    """The inputs-table row of a ``QgsFeatureSource``: its name, CRS and feature count (or
    ``features``) and what repair did (a ``RepairStats``)."""
    count = source.featureCount() if features is None else features
    crs = source.sourceCrs().authid()
    return InputRow(
        label, source.sourceName(), data_source, crs, count, stats.n_repaired, stats.n_empty
    )


def map_section(report: HtmlReport, render: Callable[[], bytes], caption: str) -> bool:
    """The "Map" section: the PNG that ``render()`` returns, with ``caption``; when rendering
    fails, why (a map failure must not lose the report). True when the map is in."""
    report.heading(tr("Map"))
    try:
        png = render()
    except Exception as error:  # noqa: BLE001 - any failure: say it, keep the report
        report.paragraph(tr("The map could not be rendered: {error}").format(error=error))
        return False
    report.image(png, caption)
    return True


def verdict_label(code: str) -> str:
    """A verdict cell: ``不合规`` in a Chinese report (no English code), else ``FAIL 不合规``."""
    from ...translate import is_chinese

    return labels.verdict_zh(code) if is_chinese() else verdict_text(code)
