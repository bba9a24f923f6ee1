"""Help of the parameters and outputs of ``lyg_nrp:ledger_debit`` (translated)."""

from __future__ import annotations

from ...translate import tr
from ..io.farmland import farmland_help


def parameter_help(alg) -> dict[str, str]:
    return {
        **farmland_help(),
        alg.LEDGER: tr("The quota ledger (.gpkg) written by ledger_credit; it must exist."),
        alg.OCC_GROUP_FIELD: tr(
            "Optional: the project field of the occupied layer (e.g. project_id of "
            "FARMLAND_PIECES); only pieces whose value is PROJECT_ID are debited. Without it "
            "every piece of the layer (or of its selection) belongs to the project."
        ),
        alg.PROJECT_ID: tr(
            "Id of the occupying construction project; a project is debited at most once."
        ),
        alg.COUNTY: tr("County (行政区划代码) where the project occupies farmland."),
        alg.SOURCE_COUNTY: tr(
            "County whose quota pays (default: COUNTY). Another county is a cross-county "
            "transfer (跨区域调剂), refused unless ALLOW_TRANSFER is set."
        ),
        alg.ALLOW_TRANSFER: tr(
            "Allow SOURCE_COUNTY to differ from COUNTY; the debit is then recorded as a transfer."
        ),
        alg.AREA_METHOD: tr(
            "Planar areas in the ledger's CRS, or ellipsoidal areas on the CGCS2000 ellipsoid "
            "(used when the area comes from the geometry)."
        ),
        alg.OPERATOR: tr("Who records the debit (经办人); default the login name."),
        alg.NOTE: tr("Optional note kept with the entry, e.g. the approval document number."),
        alg.KIND: tr("debit, or transfer when another county pays."),
        alg.QUANTITY_M2: tr("Net occupied farmland debited (m²)."),
        alg.PADDY_M2: tr("Occupied paddy (0101) debited (m²)."),
        alg.CAPACITY_KG: tr("Grain capacity of the occupied farmland debited (kg)."),
        alg.AVAILABLE_M2: tr("Quantity the paying county still holds after the debit (m²)."),
        alg.AVAILABLE_PADDY_M2: tr("Paddy the paying county still holds (m²)."),
        alg.AVAILABLE_CAP_KG: tr("Grain capacity the paying county still holds (kg)."),
    }
