"""The translated messages of the farmland core's input errors (:class:`BalanceInputError`),
for ``farmland_balance`` and the ledger algorithms alike."""

from __future__ import annotations

from ...core.farmland_balance import BalanceInputError
from ...translate import tr


def input_error_message(error: BalanceInputError) -> str:
    """The translated message of a core input error."""
    d = {k: "" if v is None else v for k, v in error.details.items()}
    d.setdefault("error", str(error))
    messages = {
        "capacity_not_found": tr("Capacity table {table} not found."),
        "capacity_empty": tr(
            "Capacity table {table} has no rows (expected the header grade,kg_per_mu and one "
            "row per grade)."
        ),
        "capacity_header": tr(
            "Capacity table {table} must have the header grade,kg_per_mu (found: {header})."
        ),
        "capacity_value": tr(
            "Capacity table {table}, data row {row}: grade and kg_per_mu must be numbers and "
            "kg_per_mu positive ({text})."
        ),
        "capacity_grade_range": tr(
            "Capacity table {table}, data row {row}: grade {grade} is not an integer from 1 to 15."
        ),
        "capacity_duplicate": tr("Capacity table {table}: grade {grade} appears more than once."),
        "capacity_missing_grade": tr(
            "Capacity table {table} has no capacity for grade(s) {grades}, which the data uses."
        ),
        "grade_range": tr(
            "Layer {layer}: field “{field}” must hold quality grades from 1 to 15; "
            "{n} bad value(s) (fid: value): {values}."
        ),
        "occ_grade_missing": tr(
            "Layer {layer}: {n} occupied farmland piece(s) have no quality grade in field "
            "“{field}” (fids {fids}); the balance cannot be verified without it."
        ),
        "occ_dlbm_missing": tr("Layer {layer}: {n} piece(s) have no land-use code (fids {fids})."),
        "occ_area_value": tr(
            "Layer {layer}: field “{field}” holds {n} non-numeric or negative area(s) "
            "(fid: value): {values}. They would lower what must be made good; correct them."
        ),
        "capacity_read": tr("Capacity table {table} cannot be read: {error}"),
        "sources_read": tr("Source land-use rules {table} cannot be read: {error}"),
        "sources_header": tr(
            "Source land-use rules {table} must have the header code,class,name_zh,basis,judgement."
        ),
        "sources_row": tr(
            "Source land-use rules {table}, row {row}: a land-use code (or two-digit prefix) "
            "given once, and a class farmland, new or refused, are needed ({text})."
        ),
    }
    template = messages.get(error.kind)
    return template.format(**d) if template else str(error)
