"""Help of the parameters and outputs of ``lyg_nrp:farmland_balance`` (translated)."""

from __future__ import annotations

from ...translate import tr


def parameter_help(alg) -> dict[str, str]:
    """One line per parameter or output name of ``alg`` (a FarmlandBalanceAlgorithm)."""
    return {
        alg.OCCUPIED: tr(
            "Occupied farmland polygons, e.g. FARMLAND_PIECES of landuse_occupation. "
            "Pieces not coded as cultivated land (01xx) are skipped with a warning."
        ),
        alg.OCC_AREA_FIELD: tr(
            "Net occupied area in m² (default net_m2). When the layer has no such field, "
            "the geometry area × (1 − KCXS) is used."
        ),
        alg.OCC_DLBM_FIELD: tr("Land-use code (DLBM) of the occupied pieces."),
        alg.OCC_GRADE_FIELD: tr(
            "Quality grade (GDDB, 1–15, 1 best) of the occupied pieces; required on every "
            "occupied farmland piece."
        ),
        alg.OCC_GROUP_FIELD: tr(
            "Optional: balance per value of this field (project id or county code). Give "
            "the matching supplementary field too."
        ),
        alg.OCC_KCXS_FIELD: tr(
            "Deduction coefficient for field ridges (KCXS, a fraction) used when the area "
            "comes from the geometry."
        ),
        alg.SUPPLEMENT: tr("Supplementary farmland plots (补充耕地), e.g. the BCGD layer."),
        alg.SUP_AREA_FIELD: tr(
            "Optional: area of the plots in m²; default the geometry area. A plot trimmed "
            "for overlap keeps the same share of this area as of its geometry."
        ),
        alg.SUP_DLBM_FIELD: tr(
            "Land-use code of the plots; plots not coded as cultivated land are excluded."
        ),
        alg.SUP_GRADE_FIELD: tr(
            "Quality grade (1–15) of the plots; plots without a grade are excluded."
        ),
        alg.SUP_SLOPE_FIELD: tr(
            "Slope level (GDPDJB, 1–5); plots above the maximum level are excluded. Empty "
            "values are not checked."
        ),
        alg.SUP_GROUP_FIELD: tr(
            "Optional: group of each plot; its values must match the occupied groups."
        ),
        alg.CAPACITY_TABLE: tr(
            "CSV with the header grade,kg_per_mu: standard grain capacity per 亩 of each "
            "quality grade. Default: the bundled ILLUSTRATIVE table — replace it by the "
            "provincial one for a real verification."
        ),
        alg.ECO_REDLINE: tr("Optional ecological protection red line; plots in it are excluded."),
        alg.PROTECTED_AREAS: tr("Optional protected areas; plots in them are excluded."),
        alg.MAX_SLOPE_LEVEL: tr(
            "Highest admissible slope level of a supplementary plot (default 4; level 5 is "
            "steeper than 25°)."
        ),
        alg.MIN_AREA: tr(
            "Overlaps smaller than this (m²) are slivers and ignored, both with the red "
            "line / protected areas and between plots."
        ),
        alg.AREA_METHOD: tr(
            "Planar areas in the analysis CRS, or ellipsoidal areas on the CGCS2000 ellipsoid."
        ),
        alg.ANALYSIS_CRS: tr("CRS in which geometries are compared and measured."),
        alg.BALANCE: tr(
            "Balance sheet: one row per group and a total row, with the checks, the verdict "
            "and the deficits (0 when satisfied)."
        ),
        alg.FLAGGED: tr(
            "Excluded supplementary plots and trimmed overlapping parts, with the reason and "
            "the excluded area."
        ),
        alg.REPORT: tr(
            "Optional HTML report with the balance sheet in 公顷 and 亩, the "
            "flagged plots and a map."
        ),
        alg.N_GROUPS: tr("Number of balance groups."),
        alg.N_FAIL: tr("Number of groups that do not balance."),
        alg.N_FLAGGED: tr("Number of flagged supplementary plots or parts."),
        alg.DEF_M2: tr("Total area deficit (m²), the sum of the group deficits."),
        alg.DEF_PADDY_M2: tr("Total paddy deficit (m²), the sum of the group deficits."),
        alg.DEF_CAP_KG: tr("Total grain capacity deficit (kg), the sum of the group deficits."),
    }
