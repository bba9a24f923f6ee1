"""Area and length units. Areas are m² internally; people read 公顷 (ha) and 亩 (mu)."""

from __future__ import annotations

M2_PER_HA = 10_000.0
MU_PER_HA = 15.0
M2_PER_MU = M2_PER_HA / MU_PER_HA  # 666.67 m²
M2_PER_KM2 = 1_000_000.0


def m2_to_ha(area_m2: float) -> float:
    return area_m2 / M2_PER_HA


def m2_to_mu(area_m2: float) -> float:
    return area_m2 / M2_PER_MU


def m2_to_km2(area_m2: float) -> float:
    return area_m2 / M2_PER_KM2


def mu_to_m2(area_mu: float) -> float:
    return area_mu * M2_PER_MU


def ha_to_m2(area_ha: float) -> float:
    return area_ha * M2_PER_HA


def _shown(area_m2: float) -> float:
    """The area a text quotes, from the mm²: two computations that agree to a µm² (QGIS's
    reprojection and the push-down's, say) never quote 1.87 and 1.88 公顷 for 18 750 m²."""
    return round(float(area_m2), 3)


def format_area_zh(area_m2: float, decimals: int = 2) -> str:
    """``'1.23 公顷（18.52 亩）'`` — how Chinese planning documents quote an area."""
    area_m2 = _shown(area_m2)
    return f"{m2_to_ha(area_m2):,.{decimals}f} 公顷（{m2_to_mu(area_m2):,.{decimals}f} 亩）"


def format_area_en(area_m2: float, decimals: int = 2) -> str:
    area_m2 = _shown(area_m2)
    return f"{m2_to_ha(area_m2):,.{decimals}f} ha ({m2_to_mu(area_m2):,.{decimals}f} mu)"


def format_length_zh(length_m: float, decimals: int = 1) -> str:
    if length_m >= 1000:
        return f"{length_m / 1000:,.{decimals + 1}f} 千米"
    return f"{length_m:,.{decimals}f} 米"
