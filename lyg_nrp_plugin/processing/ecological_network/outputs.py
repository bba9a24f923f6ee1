"""The outputs of ``ecological_network``: four vector layers whose fields are given here as data
(field spec, record attribute), three rasters, the number outputs, the log summary and the
payload for the results dock."""

from __future__ import annotations

import math

import numpy as np
from qgis.core import QgsProcessingContext, QgsWkbTypes

from ... import results_bus
from ...translate import tr
from ..io.raster import write_geotiff
from ..io.write import FieldSpec, fields, write_features
from .run import NetworkRun

# (output field, attribute of the record it is read from)
SOURCE_COLUMNS = (
    (FieldSpec("source_id", "str"), "source_id"),
    (FieldSpec("area_m2"), "area_m2"),
    (FieldSpec("dPC"), "dpc"),
    (FieldSpec("rank", "int"), "rank"),
    (FieldSpec("n_links", "int"), "n_links"),
)
LINK_COLUMNS = (
    (FieldSpec("link_id", "int"), "link_id"),
    (FieldSpec("from_id", "str"), "from_id"),
    (FieldSpec("to_id", "str"), "to_id"),
    (FieldSpec("lcd"), "lcd"),
    (FieldSpec("length_m"), "length_m"),
    (FieldSpec("euc_m"), "euc_m"),
    (FieldSpec("cwd_to_euc"), "cwd_to_euc"),
    (FieldSpec("eff_resistance"), "eff_resistance"),
    (FieldSpec("adjacent", "int"), "adjacent"),
    (FieldSpec("corr_m2"), "corr_m2"),
)
CORRIDOR_COLUMNS = (
    (FieldSpec("link_id", "int"), "link_id"),
    (FieldSpec("from_id", "str"), "from_id"),
    (FieldSpec("to_id", "str"), "to_id"),
    (FieldSpec("lcd"), "lcd"),
    (FieldSpec("area_m2"), "corr_m2"),
)
NODE_COLUMNS = (
    (FieldSpec("node_id", "int"), "node_id"),
    (FieldSpec("type", "str"), "kind"),
    (FieldSpec("type_zh", "str"), "kind_zh"),
    (FieldSpec("score"), "score"),
    (FieldSpec("link_ids", "str"), "link_ids"),
)


def vector_outputs(alg, run: NetworkRun):
    """(output name, columns, geometry type, records, geometry attribute, multi-part)."""
    multi_polygon, multi_line = QgsWkbTypes.MultiPolygon, QgsWkbTypes.MultiLineString
    return (
        (alg.SOURCES_OUT, SOURCE_COLUMNS, multi_polygon, run.sources, "geometry", True),
        (alg.LINKS, LINK_COLUMNS, multi_line, run.links, "line", True),
        (alg.CORRIDORS, CORRIDOR_COLUMNS, multi_polygon, run.links, "corridor", True),
        (alg.NODES, NODE_COLUMNS, QgsWkbTypes.Point, run.nodes, "point", False),
    )


def write_vectors(alg, parameters: dict, context: QgsProcessingContext, feedback, run) -> dict:
    outputs = {}
    for name, columns, wkb, records, geometry, multi in vector_outputs(alg, run):
        layer_fields = fields([spec for spec, _ in columns])
        sink, dest = alg.sink(parameters, name, context, layer_fields, wkb, run.inputs.crs)
        if sink is None:  # an optional output that was skipped
            continue
        rows = [tuple(getattr(r, attr) for _, attr in columns) for r in records]
        geoms = [getattr(r, geometry) for r in records]
        write_features(sink, layer_fields, geoms, rows, feedback, multi=multi)
        outputs[name] = dest
    return outputs


def write_rasters(alg, parameters: dict, context: QgsProcessingContext, run) -> dict:
    """The rasters whose destination is set: resistance, cost distance, current density."""
    surface, result = run.surface, run.result
    current = np.where(np.isfinite(surface.resistance), result.current, np.nan)
    outputs = {}
    for name, array in (
        (alg.RESISTANCE_OUT, surface.resistance),
        (alg.COST_DISTANCE, result.network.cost_distance),
        (alg.CURRENT, current),
    ):
        path = alg.parameterAsOutputLayer(parameters, name, context)
        if path:
            write_geotiff(path, array, surface.grid)
            outputs[name] = path
    return outputs


def number_outputs(alg, run: NetworkRun) -> dict:
    ix = run.result.indices
    outputs = {alg.N_SOURCES: len(run.sources), alg.N_LINKS: len(run.links)}
    for name, value in (
        (alg.IIC, ix.iic),
        (alg.PC, ix.pc),
        (alg.ALPHA, ix.alpha),
        (alg.BETA, ix.beta),
        (alg.GAMMA, ix.gamma),
    ):
        outputs[name] = None if value is None or not math.isfinite(value) else float(value)
    return outputs


def log_summary(run: NetworkRun, feedback) -> None:
    ix = run.result.indices
    if not run.links and len(run.sources) > 1:
        feedback.pushWarning(tr("No link between the sources (check MAX_LINK_COST and barriers)."))
    feedback.pushInfo(
        tr("{s} sources, {l} links, {n} nodes; IIC {iic}, PC {pc}.").format(
            s=len(run.sources),
            l=len(run.links),
            n=len(run.nodes),
            iic=f"{ix.iic:.6g}",
            pc=f"{ix.pc:.6g}",
        )
    )


def write_outputs(alg, parameters: dict, context: QgsProcessingContext, feedback, run) -> dict:
    """Every layer, raster and number output; says what was found in the log."""
    outputs = write_vectors(alg, parameters, context, feedback, run)
    outputs.update(write_rasters(alg, parameters, context, run))
    outputs.update(number_outputs(alg, run))
    log_summary(run, feedback)
    return outputs


def publish(alg, run: NetworkRun, outputs: dict, report_path: str) -> None:
    """The sources ranked by dPC, for the results dock."""
    results_bus.publish(
        results_bus.CheckResult(
            algorithm=alg.ALG_ID,
            title=alg.displayName(),
            counts={tr("sources"): len(run.sources), tr("links"): len(run.links)},
            rows=[
                results_bus.ResultRow(
                    item_id=s.source_id,
                    label=s.source_id,
                    verdict=f"#{s.rank}",
                    verdict_zh=f"第{s.rank}位",
                    area_m2=s.area_m2,
                    details=tr("dPC {dpc} %").format(dpc=f"{s.dpc:.2f}"),
                    feature_id=k,
                )
                for k, s in enumerate(run.sources, start=1)
            ],
            output_ref=str(outputs.get(alg.SOURCES_OUT, "")),
            report_path=report_path or "",
        )
    )
