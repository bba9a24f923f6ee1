"""Display names of the algorithms, by id — importable without numpy/scipy/shapely, so that a
stand-in for an algorithm whose module cannot load keeps its (translated) name."""

from __future__ import annotations

from ..translate import tr


def display_names() -> dict[str, str]:
    return {
        "redline_overlap": tr("Red-line conflict check"),
        "landuse_occupation": tr("Land-use occupation analysis"),
        "farmland_balance": tr("Farmland balance verification"),
        "ledger_credit": tr("Credit supplementary farmland quota"),
        "ledger_debit": tr("Debit occupied farmland quota"),
        "ledger_report": tr("Supplementary farmland quota ledger report"),
        "build_corridors": tr("Build corridors (一带一脉七廊)"),
        "corridor_assessment": tr("Corridor assessment (廊道管控评估)"),
        "ecological_network": tr("Ecological network (sources, corridors, nodes)"),
        "indicator_assessment": tr("Plan indicator assessment"),
        "sample_data": tr("Load sample data"),
    }


def display_name(alg_id: str) -> str:
    return display_names().get(alg_id, alg_id)
