"""The one analysis-CRS policy: every geometry operation runs in a projected CRS in metres.

``analysis_crs`` takes the algorithm's ``ANALYSIS_CRS`` parameter when it has one and it is
set; otherwise the CRS of the first given source that is projected; otherwise
:data:`~.params.DEFAULT_ANALYSIS_CRS` (EPSG:4549, CGCS2000 / 3-degree Gauss-Krüger CM 120E).
A requested CRS that is not a local true-scale projection in metres — geographic, Web
Mercator (EPSG:3857) or World Mercator (EPSG:3395), plate carrée, or in feet — is refused: at
34.6°N Mercator inflates areas by 48 % (a 25 ha project reads 36.8 ha). Such a source is passed
over (with a warning when ``warn_geographic`` names it).
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingContext,
    QgsProcessingException,
    QgsUnitTypes,
)

from ..translate import tr
from .params import DEFAULT_ANALYSIS_CRS

# projections whose scale changes with latitude over a whole world map: not a local frame
WORLD_PROJECTIONS = ("+proj=merc", "+proj=eqc", "+proj=webmerc", "+proj=mill")


def is_true_scale(crs: QgsCoordinateReferenceSystem) -> bool:
    """A projected CRS in metres with a local (true-scale) projection."""
    if not crs.isValid() or crs.isGeographic():
        return False
    if crs.mapUnits() != QgsUnitTypes.DistanceMeters:
        return False
    proj = crs.toProj()
    return not any(method in proj for method in WORLD_PROJECTIONS)


def default_crs() -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem(DEFAULT_ANALYSIS_CRS)


def requested_crs(
    algorithm, parameters: dict, context: QgsProcessingContext, name: str = "ANALYSIS_CRS"
) -> QgsCoordinateReferenceSystem | None:
    """The CRS of parameter ``name`` when the algorithm declares it and it is valid."""
    if algorithm.parameterDefinition(name) is None:
        return None
    crs = algorithm.parameterAsCrs(parameters, name, context)
    return crs if crs.isValid() else None


def analysis_crs(
    requested: QgsCoordinateReferenceSystem | None = None,
    source_crss: Sequence[QgsCoordinateReferenceSystem | None] = (),
    feedback=None,
    warn_geographic: str = "",
) -> QgsCoordinateReferenceSystem:
    """The analysis CRS: ``requested`` (must be projected), else the first projected CRS of
    ``source_crss``, else the default. ``warn_geographic`` is the name of an input whose
    geographic CRS the caller wants reported when it is passed over."""
    if requested is not None and requested.isValid():
        if requested.isGeographic():
            raise QgsProcessingException(
                tr(
                    "The analysis CRS {crs} is geographic; choose a projected CRS such as "
                    "EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E)."
                ).format(crs=requested.authid())
            )
        if not is_true_scale(requested):
            raise QgsProcessingException(
                tr(
                    "The analysis CRS {crs} is not a local true-scale projection in metres "
                    "(Web or World Mercator distort areas by about 48 % at Lianyungang); choose "
                    "a Gauss-Krüger CRS such as EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM "
                    "120E)."
                ).format(crs=requested.authid())
            )
        return requested
    chosen = None
    for crs in source_crss:
        if crs is None or not crs.isValid():
            continue
        if crs.isGeographic():
            if warn_geographic and feedback is not None and chosen is None:
                feedback.pushWarning(
                    tr(
                        "{layer} is in a geographic CRS ({crs}); it is reprojected so that "
                        "distances and areas are in metres."
                    ).format(layer=warn_geographic, crs=crs.authid())
                )
            continue
        if not is_true_scale(crs):
            if feedback is not None and chosen is None:
                feedback.pushInfo(
                    tr(
                        "{crs} is not a local true-scale projection; the analysis runs in "
                        "another CRS."
                    ).format(crs=crs.authid())
                )
            continue
        chosen = chosen or crs
    return chosen if chosen is not None else default_crs()


def parameter_analysis_crs(
    algorithm, parameters: dict, context: QgsProcessingContext, name: str = "ANALYSIS_CRS"
) -> QgsCoordinateReferenceSystem:
    """:func:`analysis_crs` of an algorithm's ``ANALYSIS_CRS`` parameter (default EPSG:4549)."""
    return analysis_crs(requested_crs(algorithm, parameters, context, name))
