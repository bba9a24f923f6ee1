"""``ecological_network``'s CELL_SIZE in the Desktop dialog: the number, and under it the grid
the run will build ("格网 699,885 格（927 × 755），像元 150 米"), updated when the land use, the
boundary, the extent, the resistance raster or the cell size change.

Only the standard algorithm dialog gets this widget; the batch dialog and the Graphical Modeler
get QGIS's own number widget (so a model can still bind CELL_SIZE to a model input). The figure
is computed as the run computes it (``core.network.cells``) from the chosen layers' extents in
their own CRS; a layer in degrees shows no figure (the run measures in the analysis CRS).
"""

from __future__ import annotations

from processing.gui.wrappers import DIALOG_BATCH, DIALOG_STANDARD, WidgetWrapper, dialogTypes
from qgis.core import QgsProcessingUtils, QgsProject, QgsRasterLayer, QgsRectangle
from qgis.gui import QgsDoubleSpinBox, QgsGui
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..core.network.cells import AUTO_MAX_CELLS, auto_cell_size, grid_shape
from ..translate import tr

# the parameters whose extent decides the grid, in the order the run looks at them
EXTENT_SOURCES = ("RESISTANCE_RASTER", "EXTENT", "BOUNDARY", "LANDUSE")


def grid_text(bounds, cell: float, auto: bool) -> str:
    """What the dialog says about the grid of ``cell`` m over ``bounds``."""
    cols, rows = grid_shape(bounds, cell)
    text = tr("Grid: {cells:,} cells ({cols} × {rows}), cell {cell:g} m").format(
        cells=cols * rows, cols=cols, rows=rows, cell=cell
    )
    if auto:
        text += tr(" (automatic: at most {n:,} cells)").format(n=AUTO_MAX_CELLS)
    return text


def _qgis_wrapper(param, dialog):
    """The wrapper QGIS itself would make (batch dialog, modeler)."""
    registry = QgsGui.processingGuiRegistry()
    if dialog.__class__.__name__ == "ModelerParametersDialog":
        return registry.createModelerParameterWidget(
            dialog.model, dialog.childId, param, dialog.context
        )
    wrapper = registry.createParameterWidgetWrapper(param, DIALOG_BATCH)
    wrapper.setDialog(dialog)
    return wrapper


class CellSizeWrapper(WidgetWrapper):
    def __new__(cls, param, dialog, row=0, col=0, **kwargs):
        if dialogTypes.get(dialog.__class__.__name__, DIALOG_STANDARD) != DIALOG_STANDARD:
            return _qgis_wrapper(param, dialog)
        return super().__new__(cls)

    def createWidget(self, **kwargs):  # noqa: N802
        definition = self.parameterDefinition()
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.spin = QgsDoubleSpinBox(widget)
        self.spin.setDecimals(1)
        self.spin.setRange(definition.minimum(), definition.maximum())
        self.spin.setSpecialValueText(tr("automatic"))
        self.spin.setClearValue(0.0)
        self.hint = QLabel(widget)
        self.hint.setWordWrap(True)
        layout.addWidget(self.spin)
        layout.addWidget(self.hint)
        self.spin.valueChanged.connect(self.update_hint)
        self._sources: dict = {}
        return widget

    def setValue(self, value):  # noqa: N802
        try:
            self.spin.setValue(float(value or 0.0))
        except (TypeError, ValueError):
            self.spin.setValue(0.0)

    def value(self):
        return self.spin.value()

    def postInitialize(self, wrappers):  # noqa: N802
        for wrapper in wrappers:
            name = wrapper.parameterDefinition().name()
            if name in EXTENT_SOURCES:
                self._sources[name] = wrapper
                wrapper.widgetValueHasChanged.connect(self.update_hint)
        self.update_hint()

    def _bounds(self):
        """(bounds, raster cell or None) of the first source given, in its own CRS."""
        for name in EXTENT_SOURCES:
            wrapper = self._sources.get(name)
            value = wrapper.parameterValue() if wrapper is not None else None
            if not value:
                continue
            if isinstance(value, QgsRectangle):
                return value, None
            layer = value if hasattr(value, "extent") else None
            if layer is None and isinstance(value, str):
                layer = QgsProject.instance().mapLayer(value)
                if layer is None and name != "EXTENT":
                    layer = QgsProcessingUtils.mapLayerFromString(value, self._context())
            if layer is None or not layer.isValid() or layer.crs().isGeographic():
                return None, None
            cell = layer.rasterUnitsPerPixelX() if isinstance(layer, QgsRasterLayer) else None
            return layer.extent(), cell
        return None, None

    def _context(self):
        from qgis.core import QgsProcessingContext

        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return context

    def update_hint(self, *_args) -> None:
        try:
            extent, raster_cell = self._bounds()
        except Exception:  # a half-typed value in another widget: say nothing yet
            extent, raster_cell = None, None
        if extent is None or extent.isEmpty():
            self.hint.setText(tr("The grid size is shown once the land use is chosen."))
            return
        bounds = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        requested = self.spin.value()
        if requested <= 0 and raster_cell:
            self.hint.setText(
                grid_text(bounds, raster_cell, False) + tr(" (the raster's own grid)")
            )
            return
        cell = requested if requested > 0 else auto_cell_size(bounds)
        self.hint.setText(grid_text(bounds, cell, requested <= 0))
