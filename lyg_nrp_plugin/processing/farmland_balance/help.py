"""Help of the parameters and outputs of ``lyg_nrp:farmland_balance`` (translated)."""

from __future__ import annotations

from ...translate import tr
from ..io.farmland import farmland_help


def parameter_help(alg) -> dict[str, str]:
    """One line per parameter or output name of ``alg`` (a FarmlandBalanceAlgorithm)."""
    return {
        **farmland_help(),
        alg.AREA_METHOD: tr(
            "Planar areas in the analysis CRS, or ellipsoidal areas on the CGCS2000 ellipsoid."
        ),
        alg.ANALYSIS_CRS: tr("CRS in which geometries are compared and measured."),
        alg.BALANCE: tr(
            "Balance sheet: one row per group and a total row, with the checks, the verdict "
            "and the deficits (0 when satisfied). sup_m2 is the net new quantity, "
            "sup_paddy_m2 new paddy plus 旱改水, sup_cap_kg the capacity of new land plus "
            "gains, sup_upg_m2 the net area credited as upgrade only."
        ),
        alg.FLAGGED: tr(
            "Excluded supplementary plots, trimmed overlapping parts and parts that were "
            "already farmland, with the reason, the base land uses found and the excluded area."
        ),
        alg.PARTS: tr(
            "Each plot's credited land cut by the base-year parcels: its class (new, 旱改水, "
            "提质改造, not new) and what it is credited (net m² and kg)."
        ),
        alg.REPORT: tr(
            "HTML report with the balance sheet in 公顷 and 亩, the class of each part, the "
            "flagged plots and a map (created by default)."
        ),
        alg.REPORT_PDF: tr(
            "Printable 审查意见书 (PDF): a cover with the summary, then one page per balance "
            "group with its map, the balance in 公顷 and 亩, the verdict, the reasons and an "
            "empty block for 审查单位 / 审查人 / 审查意见 / 日期."
        ),
        alg.N_GROUPS: tr("Number of balance groups."),
        alg.N_FAIL: tr("Number of groups that do not balance."),
        alg.N_FLAGGED: tr("Number of flagged supplementary plots or parts."),
        alg.DEF_M2: tr("Total area deficit (m²), the sum of the group deficits."),
        alg.DEF_PADDY_M2: tr("Total paddy deficit (m²), the sum of the group deficits."),
        alg.DEF_CAP_KG: tr("Total grain capacity deficit (kg), the sum of the group deficits."),
    }
