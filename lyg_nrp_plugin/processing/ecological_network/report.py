"""The HTML report of ``ecological_network``: parameters, indices, a map and the tables of
sources, links and nodes. Everything it says comes from the :class:`~.run.NetworkRun`."""

from __future__ import annotations

import math

from qgis.core import QgsRectangle

from ...core.units import format_area_en, format_area_zh
from ...translate import is_chinese, tr
from ..report.html import HtmlReport
from ..report.maps import memory_layer, render_map_png
from .grid import describe
from .parameters import preset_names, resampling_names
from .run import NetworkRun

NODE_STYLES = (("junction", "#7b3294"), ("pinch", "#e66101"), ("barrier", "#d7191c"))


def ratio(value: float, digits: int = 3) -> str:
    return f"{value:.{digits}f}" if math.isfinite(value) else "—"


def grid_rows(run: NetworkRun) -> list[tuple[str, object]]:
    """The real grid: origin, cell size, size, how it was made, the neighbourhood."""
    grid, choice = run.grid, run.surface.choice
    rows = [
        (tr("Cell size (m)"), f"{grid.cell:g}"),
        (tr("Grid"), f"{grid.rows} × {grid.cols}"),
        (tr("Grid origin (upper-left corner)"), f"({grid.x0:.3f}, {grid.y0:.3f})"),
        (tr("CRS"), run.inputs.crs.authid()),
    ]
    if choice is not None:
        resampled = tr("yes") if choice.resampled else tr("no")
        rows.append((tr("Grid made from"), describe(choice)))
        if run.inputs.raster is not None:
            rows.append((tr("Resampled"), resampled))
            if choice.resampled:
                method = resampling_names()[run.inputs.resampling]
                rows.append((tr("Resampling method"), f"{method} [{choice.method}]"))
    rows.append((tr("Neighbourhood"), tr("{n} neighbours").format(n=run.neighbours)))
    return rows


def preset_rows(run: NetworkRun) -> list[tuple[str, object]]:
    inputs = run.inputs
    if inputs.raster is not None or inputs.user_table:
        return []
    names = preset_names()
    return [(tr("Resistance preset"), names[inputs.preset if inputs.preset < len(names) else 0])]


def parameters_section(report: HtmlReport, run: NetworkRun) -> None:
    params = run.inputs.params
    report.heading(tr("Inputs and parameters"))
    report.key_values(
        [
            (tr("Resistance from"), run.inputs.resistance_from),
            *preset_rows(run),
            *grid_rows(run),
            (tr("Corridor width (cost-weighted m)"), params.corridor_width),
            (tr("Distance threshold for IIC/PC"), round(run.result.dist_threshold, 2)),
            (tr("Probability at the distance threshold"), params.probability),
        ]
    )


def indices_section(report: HtmlReport, run: NetworkRun) -> None:
    ix = run.result.indices
    report.heading(tr("Network indices"))
    report.key_values(
        [
            (tr("Number of sources"), len(run.sources)),
            (tr("Number of links"), len(run.links)),
            (tr("IIC"), f"{ix.iic:.6g}"),
            (tr("PC"), f"{ix.pc:.6g}"),
            (tr("α (closure)"), ratio(ix.alpha)),
            (tr("β (links/nodes)"), ratio(ix.beta)),
            (tr("γ (connectivity)"), ratio(ix.gamma)),
        ]
    )


def map_layers(run: NetworkRun, zh: bool) -> list:
    """Nodes, least-cost paths, corridors and sources, top to bottom."""
    crs = run.inputs.crs
    layers = []
    for kind, colour in NODE_STYLES:
        nodes = [n for n in run.nodes if n.kind == kind]
        if nodes:
            style = {"name": "circle", "color": colour, "size": "2.4"}
            name = nodes[0].kind_zh if zh else kind
            layers.append(memory_layer(name, [n.point for n in nodes], crs, style))
    lines = [lk.path for lk in run.links if lk.path.length > 0]
    if lines:
        layers.append(memory_layer(tr("Links"), lines, crs, {"color": "#2b83ba", "width": "0.6"}))
    corridors = [lk.corridor for lk in run.links if lk.corridor is not None]
    if corridors:
        style = {"color": "#abdda4", "outline_style": "no"}
        layers.append(memory_layer(tr("Corridors"), corridors, crs, style))
    sources = [s.geometry for s in run.sources if s.geometry is not None]
    if sources:
        style = {"color": "#1a9641", "outline_color": "#0b5d1e"}
        layers.append(memory_layer(tr("Sources"), sources, crs, style))
    return layers


def map_section(report: HtmlReport, run: NetworkRun, zh: bool) -> None:
    layers = map_layers(run, zh)
    if not layers:
        return
    xmin, ymin, xmax, ymax = run.grid.bounds
    png = render_map_png(layers, run.inputs.crs, extent=QgsRectangle(xmin, ymin, xmax, ymax))
    report.image(
        png,
        tr(
            "Sources (green), corridors (light green), least-cost paths "
            "(blue), junctions (purple), pinch points (orange), barriers "
            "(red)."
        ),
    )


def tables_section(report: HtmlReport, run: NetworkRun, zh: bool) -> None:
    area_text = format_area_zh if zh else format_area_en
    report.heading(tr("Sources"))
    report.table(
        [tr("Source"), tr("Area"), "dPC (%)", tr("Rank")],
        [
            (s.source_id, area_text(s.area_m2), round(s.dpc, 3), s.rank)
            for s in sorted(run.sources, key=lambda s: s.rank)
        ],
    )
    report.heading(tr("Links"))
    report.table(
        [
            tr("Link"),
            tr("From"),
            tr("To"),
            "LCD",
            tr("Length (m)"),
            tr("Edge-to-edge (m)"),
            "LCD/Euc",
            tr("Effective resistance"),
        ],
        [
            (
                lk.link_id,
                lk.from_id,
                lk.to_id,
                lk.lcd,
                lk.length_m,
                lk.euc_m,
                lk.cwd_to_euc,
                lk.eff_resistance,
            )
            for lk in run.links
        ],
    )
    report.heading(tr("Nodes"))
    report.table(
        [tr("Type"), tr("Score"), tr("Links")],
        [(n.kind_zh if zh else n.kind, round(n.score, 6), n.link_ids) for n in run.nodes],
    )


def method_text(run: NetworkRun) -> str:
    return tr(
        "Method: cost distance on the {n}-neighbour grid (step cost d·(r_a + r_b)/2); links "
        "between sources whose cost-allocation zones touch (Linkage Mapper); corridors "
        "NLCC = CWD_A + CWD_B − LCD ≤ width; circuit current with 1 A between the two "
        "sources of each link (Circuitscape conventions); IIC and PC after Pascual-Hortal "
        "& Saura (2006) and Saura & Pascual-Hortal (2007)."
    ).format(n=run.neighbours)


def write_report(path: str, run: NetworkRun) -> None:
    zh = is_chinese()
    report = HtmlReport(tr("Ecological network report (sources, corridors, nodes)"))
    parameters_section(report, run)
    indices_section(report, run)
    map_section(report, run, zh)
    tables_section(report, run, zh)
    report.paragraph(method_text(run))
    report.save(path, "zh-CN" if zh else "en")
