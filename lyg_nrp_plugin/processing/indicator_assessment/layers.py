"""Read the optional layers of ``lyg_nrp:indicator_assessment`` into the arrays of
:class:`~...core.indicators.compute.IndicatorInputs` (analysis CRS, null geometries dropped)."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsProcessingContext

from ...core.indicators.compute import IndicatorInputs
from ...core.indicators.units import TONNES_PER
from ...core.progress import Progress
from ...translate import tr
from ..base import LINE, POLYGON
from ..io.read import python_value, read_source

OUTPUT_UNITS = ("t", "万吨", "亿吨")  # the options of MINE_OUTPUT_UNIT


class LayerReader:
    """What reading one layer of a run needs; collects (input title, layer label) of the used
    layers in reading order."""

    def __init__(
        self,
        alg,
        parameters: dict,
        context: QgsProcessingContext,
        feedback,
        crs: QgsCoordinateReferenceSystem,
    ):
        self.alg = alg
        self.parameters = parameters
        self.context = context
        self.feedback = feedback
        self.crs = crs
        self.progress = Progress(feedback)
        self.used: list[tuple[str, str]] = []

    def source(self, name: str, geometry: int | None = POLYGON):
        """The source of parameter ``name`` and its label; (None, …) when not given."""
        source, label = self.alg.source(
            self.parameters, name, self.context, geometry, required=False
        )
        if source is not None:
            self.used.append((self.alg.parameterDefinition(name).description(), label))
        return source, label

    def field(self, name: str, source, label: str) -> str:
        return self.alg.optional_field(
            self.parameters, name, self.context, source, label, self.feedback
        )

    def read(self, source, label: str, span: tuple[float, float], fields=(), dimension: int = 2):
        """(geometries, {field: values}) of the features that have a geometry."""
        table = read_source(
            source,
            label,
            self.crs,
            self.context,
            self.feedback,
            fields=[f for f in fields if f],
            dimension=dimension,
            progress=span,
        )
        self.progress.check()
        keep = [i for i, g in enumerate(table.geoms) if g is not None]
        geoms = table.geoms[keep] if len(keep) != len(table.geoms) else table.geoms
        columns = {f: [table.attributes[f][i] for i in keep] for f in fields if f}
        return geoms, columns


def read_layers(
    alg, parameters: dict, context: QgsProcessingContext, feedback, crs, layers: IndicatorInputs
) -> list[tuple[str, str]]:
    """Fill ``layers`` from the given layers; returns (input title, layer label) of each."""
    reader = LayerReader(alg, parameters, context, feedback, crs)
    _landuse(reader, layers)
    _sea(reader, layers)
    simple = (
        (alg.BOUNDARY, "boundary_geoms"),
        (alg.ECO_REDLINE, "eco_redline_geoms"),
        (alg.FARMLAND, "farmland_geoms"),
        (alg.MARINE_REDLINE, "marine_redline_geoms"),
        (alg.MARICULTURE, "mariculture_geoms"),
    )
    for i, (name, attribute) in enumerate(simple):
        source, label = reader.source(name)
        if source is not None:
            setattr(layers, attribute, reader.read(source, label, (35 + i * 3, 38 + i * 3))[0])
    _protected(reader, layers)
    _coast(reader, layers)
    _mines(reader, layers)
    return reader.used


def _landuse(reader: LayerReader, layers: IndicatorInputs) -> None:
    alg = reader.alg
    source, label = reader.source(alg.LANDUSE)
    if source is None:
        return
    dlbm = alg.required_field(
        reader.parameters, alg.DLBM_FIELD, reader.context, source, label, "DLBM"
    )
    area_field = reader.field(alg.AREA_FIELD, source, label)
    if not area_field:
        reader.feedback.pushInfo(
            tr("{layer}: no parcel area field; geometry areas are used.").format(layer=label)
        )
    geoms, columns = reader.read(source, label, (0, 35), (dlbm, area_field))
    layers.landuse_geoms = geoms
    layers.landuse_codes = columns[dlbm]
    if area_field:
        layers.landuse_areas = columns[area_field]


def _sea(reader: LayerReader, layers: IndicatorInputs) -> None:
    alg = reader.alg
    source, label = reader.source(alg.SEA_AREA)
    if source is None:
        return
    zone_field = reader.field(alg.SEA_ZONE_FIELD, source, label)
    layers.sea_geoms, columns = reader.read(source, label, (35, 38), (zone_field,))
    layers.sea_zone_types = columns[zone_field] if zone_field else None
    words = alg.parameterAsString(reader.parameters, alg.MARICULTURE_ZONES, reader.context)
    layers.mariculture_words = tuple(
        w.strip() for w in words.replace("，", ",").split(",") if w.strip()
    )


def _protected(reader: LayerReader, layers: IndicatorInputs) -> None:
    alg = reader.alg
    source, label = reader.source(alg.PROTECTED_AREAS)
    if source is None:
        return
    type_field = reader.field(alg.PA_TYPE_FIELD, source, label)
    layers.protected_geoms, columns = reader.read(source, label, (53, 56), (type_field,))
    layers.protected_types = columns[type_field] if type_field else None
    if not type_field:
        reader.feedback.pushWarning(
            tr(
                "{layer}: no type field, so marine parks and scenic areas cannot be excluded."
            ).format(layer=label)
        )


def _coast(reader: LayerReader, layers: IndicatorInputs) -> None:
    alg = reader.alg
    source, label = reader.source(alg.COASTLINE, LINE)
    if source is None:
        return
    type_field = reader.field(alg.COAST_TYPE_FIELD, source, label)
    class_field = reader.field(alg.COAST_CLASS_FIELD, source, label)
    layers.coast_geoms, columns = reader.read(
        source, label, (56, 58), (type_field, class_field), dimension=1
    )
    layers.coast_types = columns[type_field] if type_field else None
    layers.coast_classes = columns[class_field] if class_field else None
    if not type_field:
        reader.feedback.pushWarning(
            tr("{layer}: no coastline type field; no line counts as natural.").format(layer=label)
        )


def _mines(reader: LayerReader, layers: IndicatorInputs) -> None:
    """Count, scales and annual outputs (t/a) of the mines (any geometry, or a table)."""
    alg = reader.alg
    source, label = reader.source(alg.MINES, None)
    if source is None:
        return
    scale = reader.field(alg.MINE_SCALE_FIELD, source, label)
    output = reader.field(alg.MINE_OUTPUT_FIELD, source, label)
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([f for f in (scale, output) if f], source.fields())
    unit = alg.parameterAsEnum(reader.parameters, alg.MINE_OUTPUT_UNIT, reader.context)
    factor = TONNES_PER[OUTPUT_UNITS[unit]]
    scales, outputs, count = [], [], 0
    for feature in source.getFeatures(request):
        reader.progress.check()
        count += 1
        if scale:
            scales.append(python_value(feature[scale]))
        if output:
            value = python_value(feature[output])
            try:
                outputs.append(None if value is None else float(value) * factor)
            except (TypeError, ValueError):
                outputs.append(None)
    layers.mine_count = count
    layers.mine_scales = scales if scale else None
    layers.mine_outputs_t = outputs if output else None
