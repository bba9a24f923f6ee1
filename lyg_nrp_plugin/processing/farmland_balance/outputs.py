"""The outputs of a run as data — the BALANCE sheet, the FLAGGED plots and the PARTS (each
plot's credited land cut by the base parcels): each field with the value it takes from a
balance row, a flagged plot or a part — and their writers, the count outputs and the
``results_bus`` payload."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ... import results_bus
from ...core.progress import Progress
from ...translate import tr
from ..io.write import FieldSpec, fields, write_features
from .run import BalanceRun, format_area

# (field, value of a row or plot in a run)
Column = tuple[FieldSpec, Callable]


def _attribute(name: str, kind: str, attribute: str = "") -> Column:
    return FieldSpec(name, kind), lambda item, run: getattr(item, attribute or name)


def _flag(name: str) -> Column:
    return FieldSpec(name, "int"), lambda row, run: int(getattr(row, name))


BALANCE_COLUMNS: tuple[Column, ...] = (
    _attribute("group", "str"),
    _attribute("row_type", "str"),
    *(
        _attribute(name, "float")
        for name in (
            "occ_m2",
            "sup_m2",
            "occ_paddy_m2",
            "sup_paddy_m2",
            "occ_grade",
            "sup_grade",
            "occ_cap_kg",
            "sup_cap_kg",
            "sup_upg_m2",
        )
    ),
    *(_flag(name) for name in ("qty_ok", "paddy_ok", "grade_ok", "cap_ok")),
    _attribute("verdict", "str"),
    _attribute("verdict_zh", "str"),
    *(_attribute(name, "float") for name in ("def_m2", "def_paddy_m2", "def_cap_kg")),
    _attribute("occ_n", "int"),
    _attribute("sup_n", "int"),
)

FLAGGED_COLUMNS: tuple[Column, ...] = (
    _attribute("sup_fid", "int64", "fid"),
    _attribute("group", "str"),
    _attribute("DLBM", "str", "dlbm"),
    _attribute("GDDB", "float", "grade"),
    _attribute("GDPDJB", "int", "slope"),
    _attribute("reason", "str"),
    _attribute("reason_zh", "str"),
    *(_attribute(name, "float") for name in ("plot_m2", "excluded_m2", "credited_m2")),
    (FieldSpec("overlaps", "str"), lambda plot, run: ",".join(map(str, plot.overlaps))),
    (FieldSpec("base_dlbm", "str"), lambda plot, run: ",".join(plot.base_codes) or None),
    (FieldSpec("detail_zh", "str"), lambda plot, run: run.detail_zh(plot)),
)

PARTS_COLUMNS: tuple[Column, ...] = (
    _attribute("sup_fid", "int64", "fid"),
    _attribute("group", "str"),
    _attribute("DLBM", "str", "plot_code"),
    _attribute("GDDB", "float", "plot_grade"),
    _attribute("base_fid", "int64"),
    _attribute("base_dlbm", "str", "base_code"),
    _attribute("base_gddb", "float", "base_grade"),
    _attribute("part_class", "str", "klass"),
    _attribute("class_zh", "str", "klass_zh"),
    *(
        _attribute(name, "float")
        for name in ("gross_m2", "net_m2", "qty_m2", "paddy_m2", "upg_m2", "cap_kg")
    ),
)


def output_fields(columns: Sequence[Column]):
    return fields([spec for spec, _ in columns])


def _rows(columns: Sequence[Column], items: Sequence, run: BalanceRun) -> list[list]:
    return [[value(item, run) for _, value in columns] for item in items]


def write_balance(sink, run: BalanceRun, feedback) -> None:
    """The balance sheet: the group rows, then the total row (a table, no geometry)."""
    rows = _rows(BALANCE_COLUMNS, run.result.rows, run)
    write_features(sink, output_fields(BALANCE_COLUMNS), None, rows, feedback)


def write_flagged(sink, run: BalanceRun, feedback) -> None:
    """The excluded plots and trimmed overlapping parts, with their geometry."""
    flagged = run.result.flagged
    geoms = [plot.geometry for plot in flagged]
    rows = _rows(FLAGGED_COLUMNS, flagged, run)
    write_features(sink, output_fields(FLAGGED_COLUMNS), geoms, rows, feedback)
    Progress(feedback).check()


def write_parts(sink, run: BalanceRun, feedback) -> None:
    """Each plot's credited land by base parcel, with its class and credits."""
    parts = run.result.parts
    rows = _rows(PARTS_COLUMNS, parts, run)
    write_features(sink, output_fields(PARTS_COLUMNS), [p.geometry for p in parts], rows, feedback)


def count_outputs(alg, run: BalanceRun) -> dict:
    """The number outputs models and qgis_process read back."""
    total = run.result.total
    return {
        alg.N_GROUPS: len(run.group_rows),
        alg.N_FAIL: run.n_fail,
        alg.N_FLAGGED: len(run.result.flagged),
        alg.DEF_M2: total.def_m2,
        alg.DEF_PADDY_M2: total.def_paddy_m2,
        alg.DEF_CAP_KG: total.def_cap_kg,
    }


def publish(run: BalanceRun, algorithm: str, title: str, balance_id) -> None:
    """The groups and their verdicts for the results dock."""
    group_rows = run.group_rows
    results_bus.publish(
        results_bus.CheckResult(
            algorithm=algorithm,
            title=title,
            counts={"PASS": len(group_rows) - run.n_fail, "FAIL": run.n_fail},
            rows=[
                results_bus.ResultRow(
                    item_id=r.group,
                    label=r.group or tr("(all)"),
                    verdict=r.verdict,
                    verdict_zh=r.verdict_zh,
                    area_m2=r.occ_m2,
                    details=tr("deficit {area}, paddy {paddy}, capacity {kg} kg").format(
                        area=format_area(r.def_m2),
                        paddy=format_area(r.def_paddy_m2),
                        kg=f"{r.def_cap_kg:,.1f}",
                    ),
                )
                for r in group_rows
            ],
            output_ref=str(balance_id or ""),
            report_path=run.report_path or "",
        )
    )
