"""Read the optional layers of ``lyg_nrp:indicator_assessment`` into the arrays of
:class:`~...core.indicators.compute.IndicatorInputs` (analysis CRS, null geometries dropped),
with the ids that name features in warnings (BSM when the layer has it, else fids)."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsProcessingContext

from ...core.indicators.compute import IndicatorInputs
from ...core.indicators.units import CUBIC_METRES_PER, TONNES_PER
from ...core.progress import Progress
from ...translate import tr
from ..base import LINE, POLYGON
from ..io.read import python_value, read_attributes, read_source
from .parameters import OUTPUT_UNITS, WATER_UNITS

ID_FIELD = "BSM"  # 标识码 of the national databases: names a parcel in warnings


class LayerReader:
    """What reading one layer of a run needs; collects (input title, layer label) of the used
    layers in reading order, and the label of each parameter read."""

    def __init__(
        self,
        alg,
        parameters: dict,
        context: QgsProcessingContext,
        feedback,
        crs: QgsCoordinateReferenceSystem,
        engine=None,
    ):
        self.alg = alg
        self.engine = engine  # the push-down, or None: read through QGIS
        self.names: dict[int, str] = {}  # id(source) -> parameter name
        self.parameters = parameters
        self.context = context
        self.feedback = feedback
        self.crs = crs
        self.progress = Progress(feedback)
        self.used: list[tuple[str, str]] = []
        self.labels: dict[str, str] = {}  # parameter name -> layer label

    def source(self, name: str, geometry: int | None = POLYGON):
        """The source of parameter ``name`` and its label; (None, …) when not given."""
        source, label = self.alg.source(
            self.parameters, name, self.context, geometry, required=False
        )
        if source is not None:
            self.used.append((self.alg.parameterDefinition(name).description(), label))
            self.labels[name] = label
            self.names[id(source)] = name
        return source, label

    def field(self, name: str, source, label: str) -> str:
        return self.alg.optional_field(
            self.parameters, name, self.context, source, label, self.feedback
        )

    def read(self, source, label: str, span: tuple[float, float], fields=(), dimension: int = 2):
        """(geometries, {field: values}, fids) of the features that have a geometry."""
        if self.engine is not None:
            args = (self.names[id(source)], source, label, [f for f in fields if f], dimension)
            table = self.engine.whole(*args)
        else:
            table = self.local(source, label, span, fields, dimension)
        self.progress.check()
        present = ~shapely.is_missing(table.geoms) if len(table.geoms) else np.zeros(0, bool)
        fids = np.asarray(table.fids)
        if present.all():  # the usual case: no copies of a million-row layer
            return table.geoms, {f: table.attributes[f] for f in fields if f}, fids.tolist()
        keep = np.flatnonzero(present)
        columns = {f: [table.attributes[f][i] for i in keep.tolist()] for f in fields if f}
        return table.geoms[keep], columns, fids[keep].tolist()

    def local(self, source, label: str, span, fields, dimension: int):
        return read_source(
            source,
            label,
            self.crs,
            self.context,
            self.feedback,
            fields=[f for f in fields if f],
            dimension=dimension,
            progress=span,
        )

    def read_identified(self, source, label, span, fields):
        """:meth:`read` plus the display ids (BSM, else fids; read from QGIS only for the
        features a warning names)."""
        has_id = source.fields().lookupField(ID_FIELD) >= 0
        if has_id and self.engine is None:
            geoms, columns, fids = self.read(source, label, span, fields)
            return geoms, columns, fids, DisplayIds(source, fids, self.feedback)
        geoms, columns, fids = self.read(source, label, span, (*fields, ID_FIELD if has_id else ""))
        if not has_id:
            return geoms, columns, fids, fids
        ids = [f if b in (None, "") else b for b, f in zip(columns[ID_FIELD], fids)]
        return geoms, columns, fids, ids

    def attributes(self, source, fields):
        """(fids, {field: values}) of every feature, without geometry (tables too)."""
        request = QgsFeatureRequest()
        request.setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes([f for f in fields if f], source.fields())
        fids, columns = [], {f: [] for f in fields if f}
        for feature in source.getFeatures(request):
            self.progress.check()
            fids.append(feature.id())
            for name in columns:
                columns[name].append(python_value(feature[name]))
        return fids, columns


class DisplayIds:
    """The BSM of a layer's features (the fid where it is empty), read when a warning names
    them: a city's DLTB would otherwise hold a million strings for a handful of warnings."""

    def __init__(self, source, fids: list, feedback):
        self.source, self.fids, self.feedback = source, np.asarray(fids, np.int64), feedback

    def __len__(self) -> int:
        return len(self.fids)

    def display_ids(self, positions: np.ndarray) -> list:
        """The ids at ``positions`` (repeats allowed: a parcel in several overlaps)."""
        fids, back = np.unique(self.fids[positions], return_inverse=True)
        column = read_attributes(self.source, fids, [ID_FIELD], self.feedback)[ID_FIELD]
        ids = [f if b in (None, "") else b for b, f in zip(column, fids.tolist())]
        return [ids[i] for i in back.tolist()]

    def __getitem__(self, i: int):
        return self.display_ids(np.array([i], np.int64))[0]


def read_layers(
    alg, parameters, context: QgsProcessingContext, feedback, crs, layers: IndicatorInputs, engine
) -> LayerReader:
    """Fill ``layers`` from the given layers (through the push-down ``engine`` when given);
    the reader says what was used."""
    reader = LayerReader(alg, parameters, context, feedback, crs, engine)
    _landuse(reader, layers)
    _sea(reader, layers)
    simple = (
        (alg.BOUNDARY, "boundary_geoms"),
        (alg.ECO_REDLINE, "eco_redline_geoms"),
        (alg.ECO_SPACE, "eco_space_geoms"),
        (alg.MARINE_REDLINE, "marine_redline_geoms"),
        (alg.MARICULTURE, "mariculture_geoms"),
        (alg.COASTAL_WETLAND, "coastal_wetland_geoms"),
    )
    for i, (name, attribute) in enumerate(simple):
        source, label = reader.source(name)
        if source is not None:
            setattr(layers, attribute, reader.read(source, label, (35 + i * 3, 38 + i * 3))[0])
    _farmland(reader, layers)
    _protected(reader, layers)
    _coast(reader, layers)
    _mines(reader, layers)
    _occupation(reader, layers)
    return reader


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
    geoms, columns, fids, ids = reader.read_identified(source, label, (0, 35), (dlbm, area_field))
    layers.landuse_geoms, layers.landuse_codes = geoms, columns[dlbm]
    layers.landuse_order, layers.landuse_ids = fids, ids
    if area_field:
        layers.landuse_areas, layers.landuse_area_field = columns[area_field], area_field


def _sea(reader: LayerReader, layers: IndicatorInputs) -> None:
    alg = reader.alg
    source, label = reader.source(alg.SEA_AREA)
    if source is None:
        return
    zone_field = reader.field(alg.SEA_ZONE_FIELD, source, label)
    layers.sea_geoms, columns, _ = reader.read(source, label, (35, 38), (zone_field,))
    layers.sea_zone_types = columns[zone_field] if zone_field else None
    words = alg.parameterAsString(reader.parameters, alg.MARICULTURE_ZONES, reader.context)
    layers.mariculture_words = tuple(
        w.strip() for w in words.replace("，", ",").split(",") if w.strip()
    )


def _farmland(reader: LayerReader, layers: IndicatorInputs) -> None:
    alg = reader.alg
    source, label = reader.source(alg.FARMLAND)
    if source is None:
        return
    area_field = reader.field(alg.FARMLAND_AREA_FIELD, source, label)
    geoms, columns, fids, ids = reader.read_identified(source, label, (50, 53), (area_field,))
    layers.farmland_geoms, layers.farmland_order, layers.farmland_ids = geoms, fids, ids
    if area_field:
        layers.farmland_areas, layers.farmland_area_field = columns[area_field], area_field


def _protected(reader: LayerReader, layers: IndicatorInputs) -> None:
    alg = reader.alg
    source, label = reader.source(alg.PROTECTED_AREAS)
    if source is None:
        return
    type_field = reader.field(alg.PA_TYPE_FIELD, source, label)
    layers.protected_geoms, columns, layers.protected_ids = reader.read(
        source, label, (53, 56), (type_field,)
    )
    layers.protected_types = columns[type_field] if type_field else None
    if not type_field:
        reader.feedback.pushWarning(
            tr(
                "{layer}: no type field, so marine parks and scenic areas cannot be excluded; "
                "the protected-area indicators are shown as measured under another definition."
            ).format(layer=label)
        )


def _coast(reader: LayerReader, layers: IndicatorInputs) -> None:
    alg = reader.alg
    source, label = reader.source(alg.COASTLINE, LINE)
    if source is None:
        return
    type_field = reader.field(alg.COAST_TYPE_FIELD, source, label)
    class_field = reader.field(alg.COAST_CLASS_FIELD, source, label)
    layers.coast_geoms, columns, _ = reader.read(
        source, label, (56, 58), (type_field, class_field), dimension=1
    )
    layers.coast_types = columns[type_field] if type_field else None
    layers.coast_classes = columns[class_field] if class_field else None
    if not type_field:
        reader.feedback.pushWarning(
            tr("{layer}: no coastline type field; no line counts as natural.").format(layer=label)
        )


def _mines(reader: LayerReader, layers: IndicatorInputs) -> None:
    """Count, types, scales and annual outputs of the mines (any geometry, or a table)."""
    alg = reader.alg
    source, label = reader.source(alg.MINES, None)
    if source is None:
        return
    kind = reader.field(alg.MINE_TYPE_FIELD, source, label)
    scale = reader.field(alg.MINE_SCALE_FIELD, source, label)
    output = reader.field(alg.MINE_OUTPUT_FIELD, source, label)
    fids, columns = reader.attributes(source, (kind, scale, output))
    unit = alg.parameterAsEnum(reader.parameters, alg.MINE_OUTPUT_UNIT, reader.context)
    water = alg.parameterAsEnum(reader.parameters, alg.MINE_WATER_UNIT, reader.context)
    layers.mine_count, layers.mine_ids = len(fids), fids
    layers.mine_types = columns[kind] if kind else None
    layers.mine_scales = columns[scale] if scale else None
    layers.mine_outputs = columns[output] if output else None
    layers.mine_output_field = output
    layers.mine_solid_factor = TONNES_PER[OUTPUT_UNITS[unit]]
    layers.mine_water_factor = CUBIC_METRES_PER[WATER_UNITS[water]]


def _occupation(reader: LayerReader, layers: IndicatorInputs) -> None:
    """The forest field of a ``landuse_occupation`` SUMMARY (required when it is given)."""
    alg = reader.alg
    source, label = reader.source(alg.OCCUPATION, None)
    if source is None:
        return
    definition = alg.parameterDefinition(alg.OCCUPATION_FOREST_FIELD)
    field = alg.required_field(
        reader.parameters,
        alg.OCCUPATION_FOREST_FIELD,
        reader.context,
        source,
        label,
        definition.defaultValue(),
    )
    fids, columns = reader.attributes(source, (field,))
    layers.occupation_forest, layers.occupation_ids = columns[field], fids
    layers.occupation_field = field
