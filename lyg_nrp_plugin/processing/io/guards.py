"""Checks before a run and around its sinks, so that no output silently loses data.

- :func:`check_destinations` — before any work: an output must not overwrite a file the run
  reads (writing ``OUTPUT=<the inputs' GeoPackage>`` would delete every other layer in it), and
  every file destination (reports, rasters) must be writable.
- :func:`shapefile_guard` — a Shapefile output keeps field names of ≤ 10 ASCII characters and
  text of ≤ 254 bytes; an output that would break either is refused with the advice to write a
  GeoPackage instead (never truncated silently).
"""

from __future__ import annotations

import os
from pathlib import Path

from qgis.core import (
    QgsFeatureSink,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingDestinationParameter,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
    QgsProperty,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QVariant

from ...translate import tr

SHAPEFILE_NAME_BYTES = 10
SHAPEFILE_TEXT_BYTES = 254


def file_of(uri: str) -> str:
    """The file behind a layer source or destination string ('' when it is not a file)."""
    if not uri or uri.startswith(("memory:", "TEMPORARY_OUTPUT", "postgres", "postgis:")):
        return ""
    if uri.startswith("ogr:"):
        decoded = QgsProviderRegistry.instance().decodeUri("ogr", uri[4:])
        return decoded.get("path") or ""
    decoded = QgsProviderRegistry.instance().decodeUri("ogr", uri)
    path = decoded.get("path") or uri.split("|")[0]
    return path if Path(path).suffix else ""


def destination_text(parameters: dict, name: str, context: QgsProcessingContext) -> str:
    """The destination string of an output parameter, read without side effects
    (``parameterAsOutputLayer`` would register the layer to load on completion)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value = value.valueAsString(context.expressionContext())
    return str(value) if value is not None else ""


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except OSError:
        return False


def input_files(algorithm, parameters: dict, context: QgsProcessingContext) -> dict[str, str]:
    """File of every layer or file the run reads: {file: parameter name}."""
    files: dict[str, str] = {}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() or definition.name() not in parameters:
            continue
        name = definition.name()
        path = ""
        if isinstance(definition, QgsProcessingParameterRasterLayer):
            layer = algorithm.parameterAsRasterLayer(parameters, name, context)
            path = layer.source() if layer is not None else ""
        elif isinstance(definition, QgsProcessingParameterFile):
            path = algorithm.parameterAsFile(parameters, name, context) or ""
        elif definition.type() in ("source", "vector") or isinstance(
            definition, QgsProcessingParameterVectorLayer
        ):
            try:
                layer = algorithm.parameterAsVectorLayer(parameters, name, context)
            except Exception:  # noqa: BLE001 - not a layer parameter after all
                layer = None
            path = file_of(layer.source()) if layer is not None else ""
        if path and os.path.exists(path):
            files[path] = name
    return files


def check_destinations(algorithm, parameters: dict, context: QgsProcessingContext) -> None:
    """Refuse outputs that overwrite an input file, and unwritable file destinations."""
    inputs = input_files(algorithm, parameters, context)
    for definition in algorithm.destinationParameterDefinitions():
        name = definition.name()
        if name not in parameters or parameters[name] is None:
            continue
        if isinstance(definition, QgsProcessingParameterFileDestination):
            target = algorithm.parameterAsFileOutput(parameters, name, context) or ""
        elif isinstance(definition, QgsProcessingDestinationParameter):
            destination = destination_text(parameters, name, context)
            plain_file = not destination.startswith("ogr:")  # ogr:… table=… adds a layer
            target = file_of(destination) if plain_file else ""
        else:
            continue
        _require_writable(target, definition.description())
        for path, input_name in inputs.items():
            if target and _same_file(target, path):
                raise QgsProcessingException(
                    tr(
                        "The output {output} would overwrite {file}, which the input {input} is "
                        "read from (every other layer in it would be lost). Choose another file."
                    ).format(
                        output=definition.description(),
                        file=path,
                        input=algorithm.parameterDefinition(input_name).description(),
                    )
                )


def _require_writable(path: str, title: str) -> None:
    if not path or path.startswith("TEMPORARY_OUTPUT") or path.startswith("memory:"):
        return
    target = Path(path)
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if target.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
        raise QgsProcessingException(
            tr("{output}: cannot write {path} (the folder is missing or not writable).").format(
                output=title, path=path
            )
        )


def is_shapefile(destination: str) -> bool:
    return destination.lower().split("|")[0].endswith(".shp")


def shapefile_name_problems(fields: QgsFields) -> list[str]:
    """Field names a Shapefile cannot keep (longer than 10 bytes, or not ASCII)."""
    return [
        f.name()
        for f in fields
        if len(f.name().encode("utf-8")) > SHAPEFILE_NAME_BYTES or not f.name().isascii()
    ]


def refuse_shapefile_names(fields: QgsFields, title: str) -> None:
    bad = shapefile_name_problems(fields)
    if bad:
        raise QgsProcessingException(
            tr(
                "{output}: a Shapefile keeps field names of at most 10 ASCII characters; "
                "{fields} would be cut or garbled. Write it as a GeoPackage (.gpkg) instead."
            ).format(output=title, fields=", ".join(bad))
        )


class ShapefileTextGuard(QgsFeatureSink):
    """A sink in front of a Shapefile sink that refuses text longer than 254 bytes."""

    def __init__(self, sink: QgsFeatureSink, fields: QgsFields, title: str):
        super().__init__()
        self._sink = sink
        self._title = title
        self._text = [i for i, f in enumerate(fields) if f.type() == QVariant.String]
        self._names = fields.names()

    def _check(self, feature) -> None:
        attributes = feature.attributes()
        for i in self._text:
            value = attributes[i] if i < len(attributes) else None
            if isinstance(value, str) and len(value.encode("utf-8")) > SHAPEFILE_TEXT_BYTES:
                raise QgsProcessingException(
                    tr(
                        "{output}: the text of field {field} is longer than a Shapefile keeps "
                        "(254 bytes) and would be cut. Write it as a GeoPackage (.gpkg) instead."
                    ).format(output=self._title, field=self._names[i])
                )

    def addFeature(self, feature, flags=None):  # noqa: N802
        self._check(feature)
        return self._sink.addFeature(feature, flags or QgsFeatureSink.Flags())

    def addFeatures(self, features, flags=None):  # noqa: N802
        for feature in features:
            self._check(feature)
        return self._sink.addFeatures(features, flags or QgsFeatureSink.Flags())

    def flushBuffer(self):  # noqa: N802
        return self._sink.flushBuffer()

    def lastError(self):  # noqa: N802
        return self._sink.lastError()


def table_as_dbf(context: QgsProcessingContext, dest_id: str, feedback=None) -> str:
    """A table (no geometry) written to ``x.shp`` is the file ``x.dbf``: say so, return it."""
    dbf = dest_id[:-4] + ".dbf"
    if context.willLoadLayerOnCompletion(dest_id):
        layers = context.layersToLoadOnCompletion()
        layers[dbf] = layers.pop(dest_id)
        context.setLayersToLoadOnCompletion(layers)
    if feedback is not None:
        feedback.pushInfo(
            tr("{path} has no geometry: it is written as the table {dbf}.").format(
                path=dest_id, dbf=dbf
            )
        )
    return dbf
