"""The map of the red-line report: projects over their conflicts over the control layers."""

from __future__ import annotations

import shapely

from ..report.maps import memory_layer, padded_extent, project_outlines, render_map_png
from .run import RedlineRun

# backdrop of the report map: control key -> symbol properties (coast: a line layer)
BACKDROP = {
    "eco": {"color": "90,170,90,90", "outline_color": "40,120,40,200", "outline_width": "0.2"},
    "marine": {"color": "90,150,220,80", "outline_color": "40,90,170,200", "outline_width": "0.2"},
    "pa": {
        "color": "150,200,120,60",
        "outline_color": "60,130,60,200",
        "outline_width": "0.3",
        "outline_style": "dash",
    },
    "farm": {"color": "250,230,140,90", "outline_color": "0,0,0,0"},
    "udb": {
        "color": "0,0,0,0",
        "outline_color": "160,60,160,255",
        "outline_width": "0.5",
        "outline_style": "dash",
    },
    "coast": {"line_color": "20,90,200,255", "line_width": "0.6"},
    "eco_space": {
        "color": "170,210,140,60",
        "outline_color": "90,150,60,200",
        "outline_width": "0.2",
    },
    "mineral": {"color": "150,110,80,70", "outline_color": "120,80,50,220", "outline_width": "0.2"},
    "geohazard": {
        "color": "230,120,60,60",
        "outline_color": "200,90,40,220",
        "outline_width": "0.2",
    },
    "heritage": {
        "color": "150,60,170,60",
        "outline_color": "120,40,150,220",
        "outline_width": "0.3",
    },
    "forest": {"color": "60,140,60,70", "outline_color": "30,100,30,200", "outline_width": "0.2"},
}
# first = top
BACKDROP_ORDER = (
    "udb",
    "coast",
    "heritage",
    "pa",
    "eco",
    "marine",
    "eco_space",
    "forest",
    "mineral",
    "geohazard",
    "farm",
)
# conflicts by verdict level: fill colour (the outline is the same colour, opaque)
CONFLICT_COLOURS = (
    ("FAIL", "227,26,28,190"),
    ("REVIEW", "255,170,0,190"),
    ("PASS", "120,120,120,150"),
)


def conflict_layers(run: RedlineRun) -> list:
    levels = [row[3] for row in run.conflict_rows]
    layers = []
    for level, colour in CONFLICT_COLOURS:
        selected = [g for g, lv in zip(run.conflict_geoms, levels) if lv == level]
        if selected:
            style = {
                "color": colour,
                "outline_color": colour.rsplit(",", 1)[0] + ",255",
                "outline_width": "0.3",
            }
            layers.append(memory_layer(level, selected, run.inputs.crs, style))
    return layers


def backdrop_layers(run: RedlineRun, extent) -> list:
    """The control features within the map's extent."""
    if extent is None:
        return []
    window = shapely.box(extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
    layers = []
    for key in BACKDROP_ORDER:
        if key not in run.backdrop:
            continue
        control = run.backdrop[key]
        near = control[shapely.intersects(control, window)] if len(control) else control
        if len(near):
            layers.append(memory_layer(key, list(near), run.inputs.crs, BACKDROP[key]))
    return layers


def render_map(run: RedlineRun) -> bytes:
    """Projects (labelled outlines) over their conflicts over the control layers (PNG)."""
    extent = padded_extent(run.projects.geoms)
    outlines = project_outlines(
        run.projects.geoms, run.projects.ids, run.inputs.crs, ("30,30,30,255", "0.5")
    )
    layers = [outlines, *conflict_layers(run), *backdrop_layers(run, extent)]  # first = top
    return render_map_png(layers, run.inputs.crs, extent)
