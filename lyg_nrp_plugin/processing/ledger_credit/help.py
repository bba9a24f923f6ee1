"""Help of the parameters and outputs of ``lyg_nrp:ledger_credit`` (translated)."""

from __future__ import annotations

from ...translate import tr
from ..io.farmland import farmland_help


def parameter_help(alg) -> dict[str, str]:
    return {
        **farmland_help(),
        alg.LEDGER: tr(
            "The quota ledger, a GeoPackage (.gpkg); created when the file does not exist. "
            "A file that is not a ledger, or of a newer version, is refused."
        ),
        alg.COUNTY_FIELD: tr(
            "County (行政区划代码, e.g. XZQDM) that owns the quota of each plot; all plots of "
            "a project must have the same."
        ),
        alg.PROJECT_FIELD: tr(
            "Code of the supplementary farmland project (补充耕地项目编号, e.g. XMBH); one "
            "ledger entry per project. A project already credited is refused."
        ),
        alg.AREA_METHOD: tr(
            "Planar areas in the ledger's CRS, or ellipsoidal areas on the CGCS2000 ellipsoid."
        ),
        alg.ANALYSIS_CRS: tr(
            "CRS of a new ledger (default EPSG:4549); an existing ledger keeps its own CRS."
        ),
        alg.OPERATOR: tr("Who records the credit (经办人); default the login name."),
        alg.NOTE: tr("Optional note kept with the entries, e.g. the acceptance document number."),
        alg.CREDITED: tr(
            "The credited land of each plot with its project, county and credited quota."
        ),
        alg.N_PROJECTS: tr("Number of projects credited."),
        alg.N_PLOTS: tr("Number of plots credited."),
        alg.QUANTITY_M2: tr("Net new farmland quantity credited (m²)."),
        alg.PADDY_M2: tr("Paddy credited (m²): new paddy and 旱改水."),
        alg.CAPACITY_KG: tr("Standard grain capacity credited (kg)."),
    }
