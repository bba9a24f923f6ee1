"""The map of the farmland balance report: occupied farmland, credited supplementary farmland,
flagged plots or parts, and the red line and protected areas."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import QgsRectangle

from ...translate import tr
from ..report.html import HtmlReport
from ..report.maps import memory_layer, render_map_png
from .run import BalanceRun


def _fill(color: str, outline: str, width: str) -> dict[str, str]:
    return {"color": color, "outline_color": outline, "outline_width": width}


def map_section(report: HtmlReport, run: BalanceRun) -> None:
    inputs, result = run.inputs, run.result
    crs = inputs.crs
    report.heading(tr("Map"))
    layers = []
    flagged = [f.geometry for f in result.flagged]
    if flagged:
        style = _fill("255,140,0,170", "120,60,0", "0.4")
        layers.append(memory_layer(tr("Flagged plots"), flagged, crs, style))
    credited = [g for g in result.credited_geoms if g is not None]
    if credited:
        style = _fill("60,170,60,170", "0,90,0", "0.3")
        layers.append(memory_layer(tr("Credited supplementary farmland"), credited, crs, style))
    o_geoms = inputs.occupied.geoms
    if len(o_geoms):
        style = _fill("220,40,40,170", "120,0,0", "0.3")
        layers.append(memory_layer(tr("Occupied farmland"), list(o_geoms), crs, style))
    for geom, name, color in (
        (inputs.eco_geom, tr("Ecological protection red line"), "0,120,0,60"),
        (inputs.pa_geom, tr("Protected areas"), "0,90,160,60"),
    ):
        if geom is not None and not geom.is_empty:
            style = {**_fill(color, "0,80,0", "0.5"), "outline_style": "dash"}
            layers.append(memory_layer(name, [geom], crs, style))
    if layers:
        extent = _extent(o_geoms, inputs.supplement.geoms)
        png = render_map_png(layers, crs, extent=extent)
        report.image(
            png,
            tr(
                "Red: occupied farmland; green: credited supplementary "
                "farmland; orange: flagged plots or parts; shaded: red line "
                "and protected areas."
            ),
        )


def _extent(o_geoms, s_geoms):
    geoms = [g for g in list(o_geoms) + list(s_geoms) if g is not None and not g.is_empty]
    if not geoms:
        return None
    xmin, ymin, xmax, ymax = shapely.total_bounds(np.array(geoms, dtype=object))
    return QgsRectangle(xmin, ymin, xmax, ymax)
