"""The parameters of ``build_corridors`` as one :class:`BuildInputs`."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSource,
    QgsProcessingContext,
    QgsProcessingException,
)

from ...core import corridors as cc
from ...translate import tr
from ..base import LINE, POLYGON
from ..crs import analysis_crs
from ..io.layers import require_geometry
from ..params import read_aliases


@dataclass
class Layer:
    """An optional input source with the label errors and messages name it by."""

    source: QgsFeatureSource | None
    label: str


@dataclass
class BuildInputs:
    rivers: Layer
    coast: Layer
    vein: Layer
    boundary: Layer
    crs: QgsCoordinateReferenceSystem
    names: list[str]  # corridor names, in order (R1, R2, …)
    name_field: str
    width_field: str
    half_width: float
    coast_width: float
    sea_width: float
    aliases: dict[str, str]


def read_inputs(alg, parameters: dict, context: QgsProcessingContext, feedback) -> BuildInputs:
    """Sources (at least one of rivers, coastline, vein; a boundary with the coastline),
    their geometry types, the river fields, widths and corridor names."""
    layers = {
        key: Layer(*alg.source(parameters, name, context, geometry=None, required=False))
        for key, name in (
            ("rivers", alg.RIVERS),
            ("coast", alg.COASTLINE),
            ("vein", alg.GREEN_VEIN),
            ("boundary", alg.BOUNDARY),
        )
    }
    rivers, coast, vein, boundary = (layers[k] for k in ("rivers", "coast", "vein", "boundary"))
    if rivers.source is None and coast.source is None and vein.source is None:
        raise QgsProcessingException(
            tr("Give at least one of: rivers, coastline, green vein polygons.")
        )
    if coast.source is not None and boundary.source is None:
        raise QgsProcessingException(
            tr(
                "A land boundary is needed with the coastline: it tells which side of the "
                "coastline is land."
            )
        )
    for layer, geometry in ((rivers, LINE), (coast, LINE), (vein, POLYGON), (boundary, POLYGON)):
        if layer.source is not None:
            require_geometry(layer.source, geometry, layer.label)
    name_field = width_field = ""
    if rivers.source is not None:
        name_field = alg.required_field(
            parameters, alg.NAME_FIELD, context, rivers.source, rivers.label
        )
        if not name_field:
            raise QgsProcessingException(
                tr("Choose the river name field of {layer}.").format(layer=rivers.label)
            )
        width_field = alg.optional_field(
            parameters, alg.WIDTH_FIELD, context, rivers.source, rivers.label, feedback
        )
    sources = [layer.source for layer in layers.values() if layer.source is not None]
    aliases = read_aliases(alg.parameterAsFile(parameters, alg.NAME_ALIASES, context))
    return BuildInputs(
        rivers,
        coast,
        vein,
        boundary,
        analysis_crs(None, [s.sourceCrs() for s in sources]),
        cc.parse_names(alg.parameterAsString(parameters, alg.CORRIDOR_NAMES, context), aliases),
        name_field,
        width_field,
        alg.parameterAsDouble(parameters, alg.HALF_WIDTH, context),
        alg.parameterAsDouble(parameters, alg.COAST_WIDTH, context),
        alg.parameterAsDouble(parameters, alg.SEA_WIDTH, context),
        aliases,
    )
