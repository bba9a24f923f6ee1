"""Find the layers a published result refers to, select a row's features and zoom to them."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsMapLayer,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..layer_roles import ROLES

MIN_ZOOM_SIZE = 20.0  # map units: a point still shows its surroundings


def find_layer(ref: str, project: QgsProject | None = None) -> QgsVectorLayer | None:
    """The vector layer of ``ref``: a layer id, else a layer with that data source — exactly,
    else the same file (``out.gpkg`` loaded as ``out.gpkg|layername=out``)."""
    if not ref:
        return None
    project = project or QgsProject.instance()
    layer = project.mapLayer(ref)
    if isinstance(layer, QgsVectorLayer):
        return layer
    vectors = [lyr for lyr in project.mapLayers().values() if isinstance(lyr, QgsVectorLayer)]
    for candidate in vectors:
        if candidate.source() == ref:
            return candidate
    file = ref.split("|")[0]
    same_file = [c for c in vectors if c.source().split("|")[0] == file]
    if "|layername=" in ref:
        name = ref.split("|layername=")[1].split("|")[0]
        same_file = [c for c in same_file if f"layername={name}" in c.source()]
    return same_file[0] if same_file else None


def targets(result, row, project: QgsProject | None = None) -> list[tuple[QgsVectorLayer, list]]:
    """(layer, fids) to select for ``row``: its feature in the output layer and every pair
    of its ``selections`` whose layer is in the project."""
    out = []
    if row.feature_id is not None:
        layer = find_layer(result.output_ref, project)
        if layer is not None:
            out.append((layer, [int(row.feature_id)]))
    for ref, fids in getattr(row, "selections", []) or []:
        layer = find_layer(ref, project)
        if layer is not None and fids:
            out.append((layer, [int(f) for f in fids]))
    return out


def select(pairs: list[tuple[QgsVectorLayer, list]], previous: list[QgsMapLayer]) -> None:
    """Select ``pairs``; what an earlier click selected in other layers is cleared."""
    chosen = {layer.id() for layer, _ in pairs}
    for layer in previous:
        try:
            if layer.id() not in chosen:
                layer.removeSelection()
        except RuntimeError:  # deleted meanwhile
            continue
    merged: dict[str, tuple[QgsVectorLayer, set]] = {}
    for layer, fids in pairs:
        merged.setdefault(layer.id(), (layer, set()))[1].update(fids)
    for layer, fids in merged.values():
        layer.selectByIds(sorted(fids))


def selected_extent(pairs, canvas_crs, project: QgsProject | None = None) -> QgsRectangle | None:
    """The box around the selected features, in the canvas CRS."""
    project = project or QgsProject.instance()
    extent = QgsRectangle()
    extent.setMinimal()
    for layer, _ in pairs:
        if layer.geometryType() in (QgsWkbTypes.NullGeometry, QgsWkbTypes.UnknownGeometry):
            continue
        box = layer.boundingBoxOfSelected()
        if box.isNull():
            continue
        if layer.crs() != canvas_crs and canvas_crs.isValid():
            box = QgsCoordinateTransform(layer.crs(), canvas_crs, project).transformBoundingBox(box)
        extent.combineExtentWith(box)
    if extent.isNull() or extent.xMinimum() > extent.xMaximum():
        return None
    if extent.width() <= 0 and extent.height() <= 0:
        centre = extent.center()
        half = MIN_ZOOM_SIZE / 2
        extent = QgsRectangle(
            centre.x() - half, centre.y() - half, centre.x() + half, centre.y() + half
        )
    return extent


def is_projects_layer(layer: QgsVectorLayer) -> bool:
    """A layer of construction projects by its name (JSXM, 建设项目 …): the items themselves."""
    name = layer.name().strip().upper()
    names = [n.upper() for n in ROLES["projects"].names]
    return any(
        name == n or name.split(" ")[0] == n or (not n.isascii() and n in name) for n in names
    )


def context_layers(project: QgsProject, exclude: set[str], limit: int = 8) -> list[QgsVectorLayer]:
    """The vector layers the planner sees (checked in the layer tree, top first), polygons and
    lines, other than ``exclude`` (layer ids) and the project layers (the items are drawn
    already): the backdrop of the printed maps."""
    out = []
    for layer in project.layerTreeRoot().checkedLayers():
        if not isinstance(layer, QgsVectorLayer) or layer.id() in exclude:
            continue
        if is_projects_layer(layer):
            continue
        if layer.geometryType() in (QgsWkbTypes.PolygonGeometry, QgsWkbTypes.LineGeometry):
            out.append(layer)
        if len(out) >= limit:
            break
    return out
