"""PostGIS push-down (issue 16 §3): when every input of a check is a table of one PostGIS
database, the database selects the rows the check needs and streams back only those.

``EXECUTION`` (advanced): 0 自动 — push down when every input can be, else run locally, the log
says which and why; 1 本地计算 — always local; 2 数据库计算 — push down or stop with the reason.
:func:`choose` makes that decision and returns a :class:`~.engine.Pushdown` (or None); the
algorithms then read their layers through it instead of the QGIS feature iterator.
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
)

from ...translate import tr
from .connection import Database, pg_layer
from .engine import Pushdown, target_of

EXECUTION = "EXECUTION"
AUTO, LOCAL, DATABASE = 0, 1, 2

__all__ = [
    "AUTO",
    "DATABASE",
    "EXECUTION",
    "LOCAL",
    "Pushdown",
    "add_execution",
    "choose",
    "layer_parameters",
]


def execution_options() -> list[str]:
    return [tr("Auto"), tr("Local"), tr("In the database")]


def execution_help(near: bool = True) -> str:
    """The help of ``EXECUTION``: for checks of projects (``near``) or of whole layers."""
    rule = tr(
        "Where the check runs. Auto: in the database when every layer is a PostGIS table of "
        "one database (no selection, no filter), else locally; the log says which and why. "
        "Local: always in QGIS."
    )
    if near:
        return (
            rule
            + " "
            + tr(
                "In the database: the database selects the rows near the projects (indexed join) "
                "and streams back only those; an error when a layer is not such a table. Both "
                "give the same results."
            )
        )
    return (
        rule
        + " "
        + tr(
            "In the database: the database reads the layers and streams them back in bulk, "
            "instead of feature by feature; an error when a layer is not such a table. Both "
            "give the same results."
        )
    )


def add_execution(algorithm) -> None:
    """The advanced ``EXECUTION`` parameter (default and when not given: auto)."""
    parameter = QgsProcessingParameterEnum(
        EXECUTION, tr("Execution"), execution_options(), defaultValue=AUTO, optional=True
    )  # optional: models made before it existed stay valid (auto)
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    algorithm.addParameter(parameter)


def layer_parameters(alg) -> list[str]:
    """The names of an algorithm's layer (feature source) parameters."""
    return [
        p.name()
        for p in alg.parameterDefinitions()
        if isinstance(p, QgsProcessingParameterFeatureSource)
    ]


def _title(alg, name: str) -> str:
    definition = alg.parameterDefinition(name)
    return definition.description() if definition is not None else name


def _given(parameters: dict, name: str) -> bool:
    value = parameters.get(name)
    return value is not None and value != ""


def _refuse(mode: int, feedback, reason: str) -> None:
    if mode == DATABASE:
        raise QgsProcessingException(
            tr("Execution “In the database” is not possible: {reason}").format(reason=reason)
        )
    feedback.pushInfo(tr("Runs locally: {reason}").format(reason=reason))


def _own_operation(alg, parameters: dict, name: str, context, crs) -> bool:
    """Whether the run's transform context names an operation for the layer's CRS → ``crs``
    (the database would apply PROJ's default one instead)."""
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    if layer is None or crs is None or not crs.isValid() or layer.crs() == crs:
        return False
    return bool(context.transformContext().calculateCoordinateOperation(layer.crs(), crs))


def choose(
    alg,
    parameters: dict,
    context,
    feedback,
    names: Sequence[str],
    crs: QgsCoordinateReferenceSystem,
    projects: str = "",
) -> Pushdown | None:
    """The push-down for the layer parameters ``names`` (those given), or None to run locally.

    ``projects`` names the parameter the near reads join with."""
    mode = alg.parameterAsEnum(parameters, EXECUTION, context) if EXECUTION in parameters else AUTO
    if mode == LOCAL:
        feedback.pushInfo(tr("Runs locally (execution: local)."))
        return None
    layers = {}
    for name in (n for n in names if _given(parameters, n)):
        layer, reason = pg_layer(alg, parameters, name, context)
        if layer is None or _own_operation(alg, parameters, name, context, crs):
            reason = reason or tr(
                "the project sets its own coordinate operation from this layer's CRS to the "
                "analysis CRS, which only QGIS applies"
            )
            return _refuse(mode, feedback, f"{_title(alg, name)}: {reason}")
        layers[name] = layer
    connections = {layer.connection.key for layer in layers.values()}
    if len(connections) != 1:
        return _refuse(mode, feedback, tr("the layers are in different databases"))
    connection = next(iter(layers.values())).connection
    tables = {}
    try:
        with Database(connection) as db:
            for name, layer in layers.items():
                table, reason = db.table(layer)
                if table is None:
                    return _refuse(mode, feedback, f"{_title(alg, name)}: {reason}")
                tables[name] = table
            target = target_of(crs, db)
    except QgsProcessingException as error:
        if mode == DATABASE:
            raise
        return _refuse(mode, feedback, str(error))
    if projects:
        text = tr(
            "Runs in the database {db} (every input is a PostGIS table of it): the database "
            "selects the rows near the projects and streams back only those."
        )
    else:
        text = tr(
            "Runs in the database {db} (every input is a PostGIS table of it): the database "
            "streams the layers back in bulk."
        )
    feedback.pushInfo(text.format(db=connection.dbname))
    return Pushdown(connection, tables, projects, target, feedback, crs, context)
