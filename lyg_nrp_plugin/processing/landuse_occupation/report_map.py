"""The map of the occupation report: projects over the occupied pieces over the parcels."""

from __future__ import annotations

import numpy as np

from ...core import landuse
from ..report.html import esc
from ..report.maps import memory_layer, padded_extent, project_outlines, render_map_png
from .run import OccupationRun

# first-level class -> fill colour of the report map: the 三调 colours of
# resources/styles/sample_DLTB.qml (by the first two digits of DLBM); 湿地, a class of its own
# in 三调 工作分类, and unknown codes have no category there
CLASS_COLOURS = {
    "farmland": "255,255,100",
    "garden": "230,190,120",
    "forest": "0,150,0",
    "grass": "160,220,110",
    "commercial": "255,120,120",
    "industrial": "200,100,100",
    "residential": "255,160,160",
    "public": "255,100,170",
    "special": "180,90,120",
    "transport": "170,170,170",
    "water": "90,160,255",
    "other": "215,215,215",
    "wetland": "0,190,170",
    "unknown": "230,0,230",
}
MAX_LABELLED_PROJECTS = 300
# the pieces (opaque) over the whole occupied parcels (pale): fill alpha, outline colour, width
PIECE_STYLE = ("255", "60,60,60,255", "0.15")
PARCEL_STYLE = ("90", "150,150,150,255", "0.1")


def class_layers(shapes, classes, style: tuple[str, str, str], crs) -> list:
    """One layer per first-level class of ``shapes``, in the class order."""
    alpha, outline, width = style
    classes = np.asarray(classes, dtype=object)
    layers = []
    for key in landuse.CLASS_KEYS:
        selected = [g for g, k in zip(shapes, classes) if k == key]
        if selected:
            symbol = {
                "color": f"{CLASS_COLOURS[key]},{alpha}",
                "outline_color": outline,
                "outline_width": width,
            }
            layers.append(memory_layer(key, selected, crs, symbol))
    return layers


def render_map(run: OccupationRun) -> bytes:
    """Projects (labelled) over the occupied pieces over the occupied parcels (pale), PNG."""
    crs = run.inputs.crs
    outlines = project_outlines(
        run.projects.geoms, run.projects.ids, crs, ("20,20,20,255", "0.6"), MAX_LABELLED_PROJECTS
    )
    layers = [
        outlines,
        *class_layers(run.pieces.geoms, run.result.classes, PIECE_STYLE, crs),
        *class_layers(run.hit_parcels, run.parcel_classes, PARCEL_STYLE, crs),
    ]
    return render_map_png(layers, crs, padded_extent(run.projects.geoms))  # first = top


def legend(run: OccupationRun, class_names: dict[str, str]) -> str:
    """The colour of each class on the map (trusted markup; names escaped)."""
    shown = set(run.parcel_classes) | set(run.result.classes)
    present = [key for key in landuse.CLASS_KEYS if key in shown]
    return (
        "<p>"
        + " ".join(
            f'<span style="display:inline-block;width:14px;height:10px;'
            f'border:1px solid #555;background:rgb({CLASS_COLOURS[key]})"></span> '
            f"{esc(class_names[key])}&nbsp;&nbsp;"
            for key in present
        )
        + "</p>"
    )
