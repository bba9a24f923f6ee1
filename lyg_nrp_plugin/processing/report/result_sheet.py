"""A 审查意见书 from what a check published: ``CheckResult`` rows + the output layer.

The check-results dock prints any published result with :func:`sheet_from_result` — without
knowing which algorithm ran. Each row becomes an item: its geometry is the output feature
``feature_id`` (or the union of its ``selections``), the features of ``selections`` in other
layers are its conflict pieces, its table lists the row's area and the area of each selected
layer, its reasons are ``reasons`` (else ``details`` split at semicolons). The layers the
planner has on the map (``context_layers``) are drawn under the items, clipped to their
surroundings. The algorithms' own builders (``review_sheet(run)``) know more and say more.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...core import labels
from ...core.units import format_area_zh
from ...layer_roles import FIELD_NAMES, ROLES
from ..io.write import to_qgs_geometry
from .sheet import ReviewSheet, SheetItem, SheetLayer, SheetRow

SHEET_TITLES = {
    "redline_overlap": "建设项目用地红线审查意见书",
    "landuse_occupation": "建设项目占用地类审查意见书",
    "farmland_balance": "耕地占补平衡核验意见书",
    "corridor_assessment": "生态廊道管控评估意见书",
    "ecological_network": "生态网络评估意见书",
    "build_corridors": "生态廊道构建核查意见书",
}
MAX_CONTEXT_FEATURES = 3000  # per context layer, inside the items' surroundings
CONTEXT_MARGIN_M = 1500.0  # how far around the items context features are drawn
_SPLIT = re.compile(r"\s*[；;]\s*")

Resolver = Callable[[str], "QgsVectorLayer | None"]


def to_shapely(geometry: QgsGeometry) -> shapely.Geometry | None:
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    abstract = geometry.constGet().clone()
    if abstract.hasCurvedSegments():
        abstract = abstract.segmentize()
    abstract.dropMValue()
    abstract.dropZValue()
    return shapely.from_wkb(bytes(QgsGeometry(abstract).asWkb()))


def read_features(
    layer: QgsVectorLayer, crs: QgsCoordinateReferenceSystem, fids=None, rect=None, limit=-1
) -> dict[int, tuple[shapely.Geometry, object]]:
    """fid -> (shapely geometry in ``crs``, QgsFeature) of the chosen features."""
    request = QgsFeatureRequest()
    if fids is not None:
        request.setFilterFids([int(f) for f in fids])
    if rect is not None:
        back = QgsCoordinateTransform(crs, layer.crs(), QgsProject.instance())
        request.setFilterRect(back.transformBoundingBox(rect))
    if limit > 0:
        request.setLimit(limit)
    transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    out = {}
    for feature in layer.getFeatures(request):
        geometry = QgsGeometry(feature.geometry())
        if not geometry.isNull() and layer.crs() != crs:
            geometry.transform(transform)
        shape = to_shapely(geometry)
        if shape is not None:
            out[feature.id()] = (shape, feature)
    return out


def layer_style(layer: QgsVectorLayer) -> dict[str, str]:
    """The properties of the first simple symbol layer of the layer's renderer."""
    renderer = layer.renderer()
    symbols = renderer.symbols(QgsRenderContext()) if renderer is not None else []
    if symbols and symbols[0].symbolLayerCount():
        return {str(k): str(v) for k, v in symbols[0].symbolLayer(0).properties().items()}
    return {}


def _measure(crs: QgsCoordinateReferenceSystem) -> QgsDistanceArea:
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, QgsProject.instance().transformContext())
    measure.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7019")
    return measure


def _attribute(feature, kinds: Sequence[str]) -> str:
    """The first non-empty value of the conventional fields of ``kinds`` (layer_roles)."""
    if feature is None:
        return ""
    names = feature.fields().names()
    for kind in kinds:
        for name in FIELD_NAMES[kind]:
            if name in names and feature[name] not in (None, "") and str(feature[name]) != "NULL":
                return str(feature[name])
    return ""


def legend_name(layer_name: str) -> str:
    """A layer named by its database code (STBHHX) gets its Chinese name in the legend:
    生态保护红线（STBHHX）; any other name stays."""
    code = layer_name.strip().upper()
    for role in ROLES.values():
        if code in (n.upper() for n in role.names if n.isascii()):
            chinese = next((n for n in role.names if not n.isascii()), "")
            return f"{chinese}（{layer_name}）" if chinese else layer_name
    return layer_name


def _reasons(row) -> list[str]:
    if row.reasons:
        return list(row.reasons)
    return [part for part in _SPLIT.split(row.details or "") if part]


def _item(row, output, crs, resolve, measure) -> SheetItem:
    own = output.get(row.feature_id) if row.feature_id is not None else None
    pieces, table = [], [SheetRow("审查面积", row.area_m2)] if row.area_m2 is not None else []
    for ref, fids in row.selections:
        layer = resolve(ref) if resolve else None
        if layer is None or not fids:
            continue
        found = read_features(layer, crs, fids)
        shapes = [shape for shape, _ in found.values()]
        pieces += shapes
        name = legend_name(layer.name())
        if layer.geometryType() == QgsWkbTypes.PolygonGeometry:
            area = sum(measure.measureArea(to_qgs_geometry(s)) for s in shapes)
            table.append(SheetRow(name, area, f"{len(found)} 个图斑"))
        else:
            table.append(SheetRow(name, None, f"{len(found)} 个要素"))
    geometry = own[0] if own else (shapely.union_all(pieces) if pieces else None)
    verdict = (row.verdict or "").upper()
    reasons = _reasons(row)
    if (
        verdict in labels.VERDICT_ZH
        and row.verdict_zh
        and row.verdict_zh != labels.VERDICT_ZH[verdict]
    ):
        reasons.insert(0, row.verdict_zh)  # e.g. 占用耕地: said, besides 需论证
    feature = own[1] if own else None
    named = row.label if row.label and row.label != str(row.item_id) else ""
    return SheetItem(
        code=str(row.item_id),
        name=named or _attribute(feature, ("project_name",)) or str(row.item_id),
        category=row.category or _attribute(feature, ("project_class", "project_type")),
        verdict=row.verdict,
        verdict_zh=labels.VERDICT_ZH.get(verdict) or row.verdict_zh or row.verdict,
        geometry=geometry,
        area_m2=row.area_m2,
        rows=table,
        reasons=reasons,
        basis=list(row.basis),
        highlight=pieces if own else [],
    )


def _context(layers: Sequence[QgsVectorLayer], crs, items: list[SheetItem]) -> list[SheetLayer]:
    shapes = [it.geometry for it in items if it.geometry is not None]
    if not shapes:
        return []
    boxes = shapely.buffer(shapely.envelope(shapely.union_all(shapes)), CONTEXT_MARGIN_M)
    xmin, ymin, xmax, ymax = boxes.bounds
    rect = QgsRectangle(xmin, ymin, xmax, ymax)
    out = []
    for layer in layers:
        found = read_features(layer, crs, rect=rect, limit=MAX_CONTEXT_FEATURES)
        if found:
            geoms = [shape for shape, _ in found.values()]
            out.append(SheetLayer(legend_name(layer.name()), geoms, layer_style(layer)))
    return out


def _summary(result, items: list[SheetItem], output) -> list[tuple[str, str]]:
    summary = [("检查", result.title), ("审查项目", f"{len(items)} 项")]
    for code in (*labels.VERDICT_ORDER, *sorted(set(result.counts) - set(labels.VERDICT_ORDER))):
        if code in result.counts:
            name = labels.VERDICT_ZH.get(code) or next(
                (it.verdict_zh for it in items if it.verdict == code), code
            )
            summary.append((name, str(result.counts[code])))
    areas = [it.area_m2 for it in items if it.area_m2 is not None]
    if areas:
        summary.append(("审查面积合计", format_area_zh(sum(areas), 4)))
    if output is not None:
        summary.append(("成果图层", output.name()))
    if result.report_path:
        summary.append(("审查报告", result.report_path))
    return summary


def sheet_from_result(
    result,
    output_layer: QgsVectorLayer | None = None,
    resolve: Resolver | None = None,
    context_layers: Sequence[QgsVectorLayer] = (),
    rows: Sequence | None = None,
) -> ReviewSheet:
    """The sheet of a published ``CheckResult`` (``rows``: in the order to print, default the
    result's); ``resolve`` finds the layer of a ``selections`` ref."""
    spatial = output_layer is not None and output_layer.isSpatial()
    crs = output_layer.crs() if spatial else None
    if crs is None:
        refs = [ref for row in result.rows for ref, _ in row.selections]
        found = [resolve(ref) for ref in refs] if resolve else []
        crs = next((lyr.crs() for lyr in found if lyr is not None), QgsProject.instance().crs())
    fids = [r.feature_id for r in result.rows if r.feature_id is not None]
    output = read_features(output_layer, crs, fids) if spatial and fids else {}
    measure = _measure(crs)
    items = [_item(row, output, crs, resolve, measure) for row in (rows or result.rows)]
    return ReviewSheet(
        title=SHEET_TITLES.get(result.algorithm, f"{result.title} 审查意见书"),
        algorithm=f"{result.title}（{result.algorithm}）",
        crs_authid=crs.authid(),
        summary=_summary(result, items, output_layer),
        items=items,
        layers=_context(context_layers, crs, items),
        crs_wkt=crs.toWkt(),
    )
