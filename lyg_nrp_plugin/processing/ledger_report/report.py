"""The HTML report of the ledger (Chinese when QGIS is): what the ledger is, the balances per
county in 公顷/亩 and 吨, the transfers, every entry, the integrity check and a map of the
credited plots. Everything it says comes from the run."""

from __future__ import annotations

import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

from ...core import ledger as lg
from ...core.units import m2_to_ha, m2_to_mu
from ...translate import is_chinese, tr
from ..report.html import HtmlReport
from ..report.maps import memory_layer, render_map_png
from ..report.sections import map_section
from .outputs import LedgerRun

PALETTE = ("31,120,180", "51,160,44", "227,26,28", "255,127,0", "106,61,154", "177,89,40")


def _ha_mu(area_m2: float) -> str:
    return f"{m2_to_ha(area_m2):,.4f} ({m2_to_mu(area_m2):,.2f})"


def _t(kg: float) -> str:
    return f"{kg / 1000:,.3f}"


def _signed(entry: lg.Entry, value: float, text) -> str:
    """A debit's amounts with a minus sign (none on zero)."""
    return ("−" if entry.sign < 0 and value > 0 else "") + text(value)


def write_report(path: str, run: LedgerRun) -> None:
    report = HtmlReport(tr("Supplementary farmland quota ledger report"))
    report.key_values(
        [
            (tr("Ledger file"), run.path),
            (tr("Schema version"), run.meta.get("version", "")),
            (tr("Created"), run.meta.get("created", "")),
            (tr("CRS"), run.crs_authid),
            (tr("Entries"), len(run.entries)),
            (tr("Integrity"), _integrity(run)),
        ]
    )
    report.paragraph(
        tr(
            "The ledger records every credit (补充耕地指标入库) and debit (占用耕地指标核销) "
            "of the three quotas of 国土资规〔2017〕13号 — farmland quantity, paddy area and grain "
            "capacity — per county, append-only: a county's balance is the sum of its history. "
            "A county's surplus may pay another county's project (跨区域调剂, the plan's 七（二）)."
        )
    )
    _balances(report, run)
    _transfers(report, run)
    _entries(report, run)
    map_section(report, lambda: _map(run), tr("Credited plots, one colour per county."))
    report.save(path, "zh-CN" if is_chinese() else "en")


def _integrity(run: LedgerRun) -> str:
    if not run.broken:
        return tr("intact: every entry follows from the ones before it")
    return tr("BROKEN: entries {ids} were changed outside the plugin").format(
        ids=", ".join(map(str, run.broken))
    )


def _balances(report: HtmlReport, run: LedgerRun) -> None:
    report.heading(tr("Balances per county"))
    report.paragraph(tr("Areas in 公顷 with 亩 in brackets; capacity in tonnes of grain."))
    report.table(
        [
            tr("County"),
            tr("Credited quantity, ha (mu)"),
            tr("Debited quantity, ha (mu)"),
            tr("Available quantity, ha (mu)"),
            tr("Available paddy, ha (mu)"),
            tr("Available capacity (t)"),
            tr("Transferred out, ha (mu)"),
            tr("Paid by others, ha (mu)"),
        ],
        [
            [
                lg.county_label(b.county),
                _ha_mu(b.credited.quantity_m2),
                _ha_mu(b.debited.quantity_m2),
                _ha_mu(b.available.quantity_m2),
                _ha_mu(b.available.paddy_m2),
                _t(b.available.capacity_kg),
                _ha_mu(b.transferred_out_m2),
                _ha_mu(b.transferred_in_m2),
            ]
            for b in run.balances
        ],
    )


def _transfers(report: HtmlReport, run: LedgerRun) -> None:
    transfers = [e for e in run.entries if e.kind == lg.TRANSFER]
    report.heading(tr("Cross-county transfers (跨区域调剂)"))
    if not transfers:
        report.paragraph(tr("No transfer is recorded."))
        return
    report.table(
        [tr("Time"), tr("Project"), tr("Paid by"), tr("For"), tr("Quantity, ha (mu)")],
        [
            [
                e.time,
                e.project,
                lg.county_label(e.county),
                lg.county_label(e.other_county),
                _ha_mu(e.amounts.quantity_m2),
            ]
            for e in transfers
        ],
    )


def _entries(report: HtmlReport, run: LedgerRun) -> None:
    report.heading(tr("Every entry"))
    report.table(
        [
            "#",
            tr("Time"),
            tr("Operator"),
            tr("Kind"),
            tr("Project"),
            tr("County"),
            tr("Quantity, ha (mu)"),
            tr("Paddy, ha (mu)"),
            tr("Capacity (t)"),
            tr("Digest of the inputs"),
            tr("Note"),
        ],
        [
            [
                e.id,
                e.time,
                e.user,
                e.kind_zh,
                e.project,
                lg.county_label(e.county)
                + (f" → {lg.county_label(e.other_county)}" if e.kind == lg.TRANSFER else ""),
                _signed(e, e.amounts.quantity_m2, _ha_mu),
                _signed(e, e.amounts.paddy_m2, _ha_mu),
                _signed(e, e.amounts.capacity_kg, _t),
                e.digest[:12],
                e.note,
            ]
            for e in run.entries
        ],
    )


def _map(run: LedgerRun) -> bytes:
    if not run.plots:
        raise ValueError(tr("no plot is credited yet"))
    crs = QgsCoordinateReferenceSystem(run.crs_authid)
    counties = sorted({county for _, _, county, _, _ in run.plots})
    layers = []
    for k, county in enumerate(counties):
        geoms = [g for _, _, c, _, g in run.plots if c == county]
        style = {"color": PALETTE[k % len(PALETTE)] + ",170", "outline_color": "40,40,40"}
        layers.append(memory_layer(lg.county_label(county), geoms, crs, style))
    xmin, ymin, xmax, ymax = shapely.total_bounds([g for *_, g in run.plots])
    pad = max(xmax - xmin, ymax - ymin) * 0.1 + 50
    extent = QgsRectangle(xmin - pad, ymin - pad, xmax + pad, ymax + pad)
    return render_map_png(layers, crs, extent=extent)
