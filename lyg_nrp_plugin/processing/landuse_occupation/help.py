"""Help of the parameters and outputs of ``lyg_nrp:landuse_occupation`` (translated)."""

from __future__ import annotations

from ...translate import tr
from ..pushdown import EXECUTION, execution_help


def parameter_help(alg) -> dict[str, str]:
    """One line per parameter or output name of ``alg`` (a LanduseOccupationAlgorithm)."""
    return {
        alg.INPUT: tr("Proposed project polygons (any CRS), e.g. the JSXM layer."),
        alg.LANDUSE: tr("Land-use parcels of the third national land survey (DLTB)."),
        alg.ID_FIELD: tr(
            "Field that identifies a project (default XMBH; the feature id when the layer "
            "has no such field)."
        ),
        alg.NAME_FIELD: tr(
            "Project name (default XMMC), carried into the table, the summary, the report "
            "and the check-results dock."
        ),
        alg.DLBM_FIELD: tr("Land-use code field (DLBM)."),
        alg.KCXS_FIELD: tr(
            "Deduction coefficient field (KCXS); net area = gross × (1 − KCXS). The unit is "
            "decided per layer: all values ≤ 1 are fractions, any value above 1 makes the "
            "layer percent-coded. Skipped when the layer has no such field."
        ),
        alg.AREA_FIELD: tr(
            "Optional: the parcels' official net area (TBDLMJ, m²); given, a piece's net area "
            "is its parcel's TBDLMJ × the piece's share of the parcel. Parcels with a missing, "
            "negative or unreadable value fall back to the geometry (warned, by parcel id)."
        ),
        alg.GRADE_FIELD: tr("Cultivated-land quality grade field (GDDB)."),
        alg.SLOPE_FIELD: tr("Cultivated-land slope class field (GDPDJB)."),
        alg.FARMLAND: tr(
            "Optional: permanent basic farmland (YJJBNTBHTB); gives the occupied cultivated "
            "land inside it (gd_jbnt_m2) and outside it (gd_yb_m2)."
        ),
        alg.SALTPAN_AS_WETLAND: tr("Count salt pans (0603) as wetland."),
        alg.AREA_METHOD: tr(
            "Planar areas in the analysis CRS, or ellipsoidal areas on the "
            "CGCS2000 ellipsoid (as official survey areas are)."
        ),
        alg.ANALYSIS_CRS: tr("Projected CRS in which the overlay is computed."),
        EXECUTION: execution_help(),
        alg.OUTPUT: tr("Table: one row per project and land-use code."),
        alg.SUMMARY: tr(
            "One feature per project with the occupied area per class, the three classes of "
            "the Land Administration Law (农用地 / 建设用地 / 未利用地) and the farmland split."
        ),
        alg.FARMLAND_PIECES: tr(
            "The occupied cultivated-land pieces (input of the farmland balance check)."
        ),
        alg.REPORT: tr(
            "HTML report of the occupation: totals by class, a table per "
            "project, occupied cultivated land and a map."
        ),
        alg.REPORT_PDF: tr(
            "Printable 审查意见书 (PDF): a cover with the totals, then one page per project with "
            "its map, the occupied land by class in 公顷 and 亩 and an empty block for 审查单位 / "
            "审查人 / 审查意见 / 日期."
        ),
        alg.N_PROJECTS: tr("Number of projects analysed."),
        alg.FARM_M2: tr("Total occupied cultivated land (net, m²)."),
    }
