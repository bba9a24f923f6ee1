"""Checks of farmland_balance and the ledger on a sample-like GeoPackage (layers JSXM, DLTB,
BCGD, DLTB_JQ as the sample has them), with a geopandas oracle that classes every plot's
land by the base-year land use independently of the plugin (its own reading of
resources/rules/farmland_sources.csv). Used on the real sample (``@pytest.mark.sample``) and on
a synthetic one, so that the checks themselves are exercised."""

from __future__ import annotations

import csv
from pathlib import Path

from .runner import run_algorithm

ROOT = Path(__file__).resolve().parents[2]
SLIVER = 1.0


def source_classes() -> dict[str, str]:
    text = (ROOT / "resources" / "rules" / "farmland_sources.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {r["code"]: r["class"] for r in rows}


def _class(code, classes) -> str:
    code = str(code or "").strip()
    if len(code) == 3 and code.isdigit():
        code = "0" + code
    for key in (code, code[:4], code[:2]):
        if key in classes:
            return classes[key]
    return "refused"


def oracle(gpkg: Path) -> dict:
    """Per plot (row order of BCGD): new quantity (net), or None when excluded; per county."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    bcgd = gpd.read_file(gpkg, layer="BCGD").reset_index(drop=True)
    base = gpd.read_file(gpkg, layer="DLTB_JQ").to_crs(bcgd.crs)
    classes = source_classes()
    kcxs = pd.to_numeric(bcgd.get("KCXS", pd.Series(0.0, index=bcgd.index)), errors="coerce")
    kcxs = kcxs.fillna(0.0)
    if (kcxs > 1).any():
        kcxs = kcxs / 100.0
    qty, excluded_for, eligible = [], {}, []
    for i, plot in bcgd.iterrows():
        code = str(plot["DLBM"] or "")
        slope = pd.to_numeric(pd.Series([plot.get("GDPDJB")]), errors="coerce")[0]
        if (
            not code.startswith("01")
            or plot["GDDB"] in (None, "")
            or (slope == slope and slope > 4)
        ):
            continue
        pieces = gpd.overlay(gpd.GeoDataFrame([plot], crs=bcgd.crs), base, how="intersection")
        klass = [_class(c, classes) for c in pieces["DLBM_2"]]
        refused = pieces.area[[k == "refused" for k in klass]].sum()
        uncovered = plot.geometry.area - pieces.area.sum()
        if refused >= SLIVER:
            excluded_for[i] = "source"
        elif uncovered >= SLIVER:
            excluded_for[i] = "no_base"
        else:
            eligible.append(i)
    # overlapping plots count once: in fid (row) order, a plot keeps what earlier ones left
    kept = {}
    for i in eligible:
        geom = bcgd.geometry[i]
        earlier = [kept[j] for j in kept if kept[j].intersects(geom)]
        for other in earlier:
            geom = geom.difference(other)
        kept[i] = bcgd.geometry[i]
        trimmed = gpd.GeoDataFrame({"i": [i]}, geometry=[geom], crs=bcgd.crs)
        pieces = gpd.overlay(trimmed, base, how="intersection")
        new = [_class(c, classes) == "new" for c in pieces["DLBM"]]
        kept_area = float(pieces.area[new].sum()) if len(pieces) else 0.0
        qty.append((i, kept_area * (1 - kcxs[i])))
    by_plot = dict(qty)
    qty = [by_plot.get(i) for i in range(len(bcgd))]
    counties = {}
    if "XZQDM" in bcgd:
        for county, q in zip(bcgd["XZQDM"], qty):
            counties[str(county)] = counties.get(str(county), 0.0) + (q or 0.0)
    overlaps = sum(
        bcgd.geometry[i].intersection(bcgd.geometry[j]).area
        for i in range(len(bcgd))
        for j in range(i + 1, len(bcgd))
        if bcgd.geometry[i].intersects(bcgd.geometry[j])
    )
    return {
        "qty": qty,
        "total": float(np.nansum([q or 0.0 for q in qty])),
        "excluded": excluded_for,
        "counties": counties,
        "overlap_m2": overlaps,
    }


def layer(gpkg: Path, name: str) -> str:
    return f"{gpkg}|layername={name}"


def check_balance(gpkg: Path, tmp_path: Path) -> None:
    """New, upgraded and refused plots on the sample; quantity = the oracle's new land."""
    import pyogrio

    expected = oracle(gpkg)
    pieces = tmp_path / "pieces.gpkg"
    run_algorithm(
        "lyg_nrp:landuse_occupation",
        {
            "INPUT": layer(gpkg, "JSXM"),
            "LANDUSE": layer(gpkg, "DLTB"),
            "OUTPUT": str(tmp_path / "occ.gpkg"),
            "FARMLAND_PIECES": str(pieces),
        },
    )
    outputs = {name: tmp_path / f"{name.lower()}.gpkg" for name in ("BALANCE", "FLAGGED", "PARTS")}
    run_algorithm(
        "lyg_nrp:farmland_balance",
        {
            "OCCUPIED": str(pieces),
            "SUPPLEMENT": layer(gpkg, "BCGD"),
            "BASE_LANDUSE": layer(gpkg, "DLTB_JQ"),
            **{k: str(v) for k, v in outputs.items()},
        },
    )
    (total,) = pyogrio.read_dataframe(outputs["BALANCE"]).itertuples()
    assert abs(total.sup_m2 - expected["total"]) <= 1e-6 * max(1.0, expected["total"])
    classes = set(pyogrio.read_dataframe(outputs["PARTS"])["part_class"])
    assert {"new", "paddy_upgrade", "quality_upgrade", "not_new"} <= classes, classes
    reasons = ";".join(pyogrio.read_dataframe(outputs["FLAGGED"])["reason"])
    assert "source" in reasons and "no_base" in reasons and "not_new" in reasons
    assert total.sup_upg_m2 > 0


def check_ledger(gpkg: Path, tmp_path: Path) -> None:
    """Crediting the sample's plots gives each county the oracle's new quantity."""
    import pyogrio

    expected = oracle(gpkg)
    ledger = tmp_path / "ledger.gpkg"
    run_algorithm(
        "lyg_nrp:ledger_credit",
        {
            "LEDGER": str(ledger),
            "SUPPLEMENT": layer(gpkg, "BCGD"),
            "BASE_LANDUSE": layer(gpkg, "DLTB_JQ"),
            "CREDITED": str(tmp_path / "credited.gpkg"),
        },
    )
    run_algorithm(
        "lyg_nrp:ledger_report",
        {
            "LEDGER": str(ledger),
            "OUTPUT": str(tmp_path / "balances.gpkg"),
            "AUDIT": str(tmp_path / "audit.gpkg"),
        },
    )
    frame = pyogrio.read_dataframe(tmp_path / "balances.gpkg")
    got = dict(zip(frame["county"], frame["quantity_m2"]))
    wanted = {k: v for k, v in expected["counties"].items() if v > 0}
    assert set(got) <= set(expected["counties"]) and len(got) >= 2
    for county, value in wanted.items():
        assert abs(got.get(county, 0.0) - value) <= 1e-6 * max(1.0, value), county
