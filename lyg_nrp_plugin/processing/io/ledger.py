"""What the three ledger algorithms (``ledger_credit``, ``ledger_debit``, ``ledger_report``)
share: the ``LEDGER`` and ``OPERATOR`` parameters, opening the ledger with clear messages,
its CRS, the translated messages of :class:`~...core.ledger.LedgerError`, the balances in the
log, and the balances for the check-results dock (one row per county after every run)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ... import results_bus
from ...core import ledger as lg
from ...core.units import format_area_en, format_area_zh, m2_to_ha
from ...translate import is_chinese, tr

LEDGER = "LEDGER"
OPERATOR = "OPERATOR"
DOCK_ID = "ledger"  # one entry in the check-results dock for all three algorithms


def add_ledger(alg) -> None:
    """LEDGER: the ledger file (.gpkg)."""
    title = tr("Quota ledger (GeoPackage)")
    alg.addParameter(QgsProcessingParameterFile(LEDGER, title, extension="gpkg"))


def add_operator(alg) -> None:
    alg.addParameter(QgsProcessingParameterString(OPERATOR, tr("Operator (经办人)"), optional=True))


def ledger_path(alg, parameters, context) -> str:
    path = alg.parameterAsFile(parameters, LEDGER, context) or ""
    if not path:
        raise QgsProcessingException(tr("Give the ledger file (LEDGER)."))
    return path


def operator(alg, parameters, context) -> str:
    return (alg.parameterAsString(parameters, OPERATOR, context) or "").strip() or lg.login_name()


def srs_of(crs: QgsCoordinateReferenceSystem) -> lg.Srs:
    """The GeoPackage record of a CRS (EPSG codes as they are, others as a custom id)."""
    organization, _, code = crs.authid().partition(":")
    if organization.upper() == "EPSG" and code.isdigit():
        srs_id, organization, code = int(code), "EPSG", int(code)
    else:
        srs_id, organization, code = 100000, "NONE", 100000
    wkt = crs.toWkt(QgsCoordinateReferenceSystem.WKT1_GDAL)
    return lg.Srs(srs_id, crs.description() or crs.authid(), organization, code, wkt)


def crs_of(ledger: lg.Ledger) -> QgsCoordinateReferenceSystem:
    if ledger.srs is not None and ledger.srs.wkt and ledger.srs.organization != "EPSG":
        return QgsCoordinateReferenceSystem.fromWkt(ledger.srs.wkt)
    return QgsCoordinateReferenceSystem(ledger.meta.get("crs", ""))


def open_existing(path: str) -> lg.Ledger:
    """An existing ledger; anything else is a clear QgsProcessingException."""
    try:
        return lg.Ledger.open(path)
    except lg.LedgerError as error:
        raise QgsProcessingException(ledger_error_message(error)) from None


def exists(path: str) -> bool:
    target = Path(path)
    return target.exists() and target.stat().st_size > 0


def area_text(area_m2: float) -> str:
    """公顷 and 亩 (4 decimals) in the interface language."""
    return format_area_zh(area_m2, 4) if is_chinese() else format_area_en(area_m2, 4)


def _short_text(short: dict) -> str:
    names = {
        "quantity_m2": tr("farmland quantity"),
        "paddy_m2": tr("paddy area"),
        "capacity_kg": tr("grain capacity"),
    }
    parts = []
    for key, value in short.items():
        if key == "capacity_kg":
            amount = tr("{t} t").format(t=f"{value / 1000:,.3f}")
        else:
            amount = area_text(value)
        parts.append(f"{names[key]} {amount}")
    return tr("; ").join(parts)


def ledger_error_message(error: lg.LedgerError) -> str:
    d = {k: "" if v is None else v for k, v in error.details.items()}
    d.setdefault("error", str(error))
    if error.kind == "debit_short":
        d["short"] = _short_text(error.details["short"])
        d["county"] = lg.county_label(d["county"])
    messages = {
        "ledger_missing": tr(
            "The ledger {path} does not exist; create it by crediting supplementary farmland "
            "(ledger_credit)."
        ),
        "not_a_ledger": tr(
            "{path} is not a 补充耕地指标台账 (ledger) of this plugin; choose a ledger file "
            "or a new file name."
        ),
        "ledger_newer": tr(
            "The ledger {path} has schema version {version}, newer than this plugin reads "
            "({supported}); update the plugin."
        ),
        "ledger_open": tr("The ledger {path} cannot be opened: {error}"),
        "ledger_busy": tr(
            "The ledger {path} is in use by another run and stayed locked ({error}); try again."
        ),
        "credit_nothing": tr("No plot adds any quota (指标): nothing is credited."),
        "credit_missing_ids": tr(
            "Layer {layer}: {n} credited plot(s) have no project code or county (fids {fids}); "
            "the ledger needs both."
        ),
        "credit_two_counties": tr(
            "Layer {layer}: project {project} has plots in two counties ({counties}); a "
            "project's quota belongs to one county."
        ),
        "credit_duplicate_project": tr(
            "Refused, nothing written: project(s) {projects} are already credited in the ledger."
        ),
        "credit_overlap": tr(
            "Refused, nothing written: {n} plot(s) overlap land already credited in the ledger "
            "(plot fid ↔ ledger project #plot): {clashes}."
        ),
        "debit_duplicate_project": tr(
            "Refused, nothing written: project {project} is already debited in the ledger."
        ),
        "debit_short": tr("Refused, nothing written: the quota of {county} is short of {short}."),
        "transfer_not_allowed": tr(
            "Refused, nothing written: paying county {source} differs from the occupying "
            "county {county} (跨区域调剂); set ALLOW_TRANSFER to record a transfer."
        ),
    }
    template = messages.get(error.kind)
    return template.format(**d) if template else str(error)


def balance_lines(balances: list[lg.Balance]) -> list[str]:
    return [
        tr("{county}: quantity {q}, paddy {p}, capacity {c} t available.").format(
            county=lg.county_label(b.county),
            q=area_text(b.available.quantity_m2),
            p=area_text(b.available.paddy_m2),
            c=f"{b.available.capacity_kg / 1000:,.3f}",
        )
        for b in balances
    ]


def publish_balances(balances: list[lg.Balance], output_ref: str = "", report: str = "") -> None:
    """The balances after a ledger run, one row per county, for the check-results dock."""
    rows = []
    for b in balances:
        empty = min(b.available.values()) <= lg.TOLERANCE
        rows.append(
            results_bus.ResultRow(
                item_id=b.county,
                label=lg.county_label(b.county),
                verdict="REVIEW" if empty else "PASS",
                verdict_zh=tr("quota used up") if empty else tr("quota available"),
                area_m2=b.available.quantity_m2,
                details=tr("paddy {p} ha, capacity {c} t").format(
                    p=f"{m2_to_ha(b.available.paddy_m2):,.4f}",
                    c=f"{b.available.capacity_kg / 1000:,.3f}",
                ),
            )
        )
    n_empty = sum(r.verdict == "REVIEW" for r in rows)
    results_bus.publish(
        results_bus.CheckResult(
            algorithm=DOCK_ID,
            title=tr("Supplementary farmland quota ledger report"),
            counts={"PASS": len(rows) - n_empty, "REVIEW": n_empty},
            rows=rows,
            output_ref=output_ref,
            report_path=report,
        )
    )
