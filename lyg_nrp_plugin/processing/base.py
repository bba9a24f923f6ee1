"""What every ``lyg_nrp`` algorithm shares: naming, groups (numbered in workflow order, see
``toolbox``), icon, help (and the help page, ``helpUrl``), dependency check,
and the plumbing of a run — sources, fields, sinks, styles, cancellation.

Subclasses stay ordinary ``QgsProcessingAlgorithm``s (the modeler sees their parameters as
declared in ``initAlgorithm``). They set ``ALG_ID`` and ``GROUP_ID``, implement
``displayName``, ``summary``, ``parameter_help`` (one line per parameter name) and
``process`` — the body of ``processAlgorithm``. :meth:`LygAlgorithm.processAlgorithm` checks
the dependencies, calls ``process`` and catches :class:`~..core.progress.Canceled` once: core
raises it, nobody returns partial results.

One policy for optional fields (:meth:`LygAlgorithm.optional_field`): a field the user chose
that the layer does not have is an error; a default that the layer lacks is not used (said in
the log).
"""

from __future__ import annotations

import html

from qgis.core import (
    QgsFeatureSink,
    QgsFeatureSource,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QIcon

from ..core.progress import Canceled, collector_paused
from ..deps import dependency_message
from ..paths import icon_path
from ..translate import tr
from .io.encoding import gbk_fallback
from .io.guards import (
    ShapefileTextGuard,
    check_destinations,
    destination_text,
    is_shapefile,
    refuse_shapefile_names,
    table_as_dbf,
)
from .io.layers import layer_label, layer_name, require_crs, require_fields, require_geometry
from .styles import attach_style
from .toolbox import (  # noqa: F401  (the algorithms import the group ids from here)
    GROUP_DATA,
    GROUP_ECOLOGY,
    GROUP_FARMLAND,
    GROUP_INDICATORS,
    GROUP_LEDGER,
    GROUP_REDLINE,
    group_name,
    help_url,
)

POLYGON = QgsWkbTypes.PolygonGeometry
LINE = QgsWkbTypes.LineGeometry
POINT = QgsWkbTypes.PointGeometry


class LygAlgorithm(QgsProcessingAlgorithm):
    ALG_ID = ""
    GROUP_ID = GROUP_DATA
    ICON = "icon.svg"
    NEEDS_DEPENDENCIES = True  # shapely >= 2 / scipy

    def __init__(self):
        super().__init__()
        self._post_processors: list = []  # objects that must live as long as the run
        self._feedback = None  # set by processAlgorithm: the log source() warns in

    def name(self) -> str:
        return self.ALG_ID

    def group(self) -> str:
        return group_name(self.GROUP_ID)

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(icon_path(self.ICON))

    def helpUrl(self) -> str:  # noqa: N802
        return help_url(self.ALG_ID)

    def createInstance(self):  # noqa: N802
        return type(self)()

    # --- help -----------------------------------------------------------------------------
    def summary(self) -> str:
        """One paragraph: what the algorithm does and for whom (translated)."""
        return ""

    def parameter_help(self) -> dict[str, str]:
        """Translated help per parameter or output name."""
        return {}

    def initAlgorithm(self, configuration=None):  # noqa: N802
        raise NotImplementedError

    def add_help_to_parameters(self) -> None:
        """Give each declared parameter its help text (shown as a tooltip in the dialog)."""
        helps = self.parameter_help()
        for definition in self.parameterDefinitions():
            if definition.name() in helps and hasattr(definition, "setHelp"):
                definition.setHelp(helps[definition.name()])

    def shortHelpString(self) -> str:  # noqa: N802
        helps = self.parameter_help()
        parts = [f"<p>{html.escape(self.summary())}</p>"] if self.summary() else []
        items = []
        for definition in self.parameterDefinitions():
            if definition.name() in helps:
                items.append(
                    f"<dt><b>{html.escape(definition.description())}</b> "
                    f"(<code>{definition.name()}</code>)</dt>"
                    f"<dd>{html.escape(helps[definition.name()])}</dd>"
                )
        for output in self.outputDefinitions():
            if output.name() in helps and self.parameterDefinition(output.name()) is None:
                items.append(
                    f"<dt><b>{html.escape(output.description())}</b> "
                    f"(<code>{output.name()}</code>)</dt>"
                    f"<dd>{html.escape(helps[output.name()])}</dd>"
                )
        if items:
            heading = tr("Parameters and outputs")
            parts.append(f"<h3>{html.escape(heading)}</h3>")
            parts.append("<dl>" + "".join(items) + "</dl>")
        return "".join(parts)

    # --- dependencies ------------------------------------------------------------------------
    def canExecute(self):  # noqa: N802
        message = dependency_message() if self.NEEDS_DEPENDENCIES else ""
        return (not message, message)

    def check_dependencies(self) -> None:
        """Call first in ``processAlgorithm``: refuses with the install command."""
        ok, message = self.canExecute()
        if not ok:
            raise QgsProcessingException(message)

    # --- the run -------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self.check_dependencies()
        check_destinations(self, parameters, context)
        self._feedback = feedback  # the log of this run, for source() warnings
        try:
            with collector_paused():  # a million geometries alive: see core.progress
                return self.process(parameters, context, feedback)
        except Canceled:
            feedback.pushInfo(tr("Canceled."))
            return {}

    def process(self, parameters: dict, context: QgsProcessingContext, feedback) -> dict:
        """The algorithm's work: read inputs → core → write outputs → report."""
        raise NotImplementedError

    # --- sources and fields ------------------------------------------------------------------
    def source(
        self,
        parameters: dict,
        name: str,
        context: QgsProcessingContext,
        geometry: int | None = POLYGON,
        required: bool = True,
        feedback=None,
    ) -> tuple[QgsFeatureSource | None, str]:
        """The source of parameter ``name`` and its label (parameter title and layer name).

        A required source that is missing raises; an optional one gives ``(None, title)``.
        ``geometry`` (``POLYGON``, ``LINE``, ``POINT`` or None for any) is checked, and so is
        the CRS (a spatial layer without one is refused). A GBK Shapefile without ``.cpg`` is
        read as GBK; an empty layer is warned about (with ``feedback``).
        """
        definition = self.parameterDefinition(name)
        title = definition.description() if definition is not None else name
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            if required:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            return None, title
        label = layer_label(source, title, layer_name(self, parameters, name, context))
        if geometry is not None:
            require_geometry(source, geometry, label)
        require_crs(source, label)
        value = parameters.get(name)
        whole = not getattr(value, "selectedFeaturesOnly", False)
        feedback = feedback or self._feedback
        layer = self.parameterAsVectorLayer(parameters, name, context)
        original = source
        source = gbk_fallback(layer, source, label, context, feedback, whole)
        if source is original:
            from .io.arrow import remember_origin  # shapely inside: not at plugin load

            remember_origin(source, layer, value)
        if feedback is not None and source.featureCount() == 0:
            feedback.pushWarning(tr("{layer} has no features.").format(layer=label))
        return source, label

    def required_field(
        self,
        parameters: dict,
        name: str,
        context: QgsProcessingContext,
        source: QgsFeatureSource,
        label: str,
        default: str = "",
    ) -> str:
        """The field of parameter ``name`` (``default`` when none is given); it must exist."""
        fields = self.parameterAsFields(parameters, name, context)
        field = fields[0] if fields else default
        require_fields(source, [field], label)
        return field

    def optional_field(
        self,
        parameters: dict,
        name: str,
        context: QgsProcessingContext,
        source: QgsFeatureSource,
        label: str,
        feedback=None,
    ) -> str:
        """The field of parameter ``name``, or "" when none applies.

        A field the user chose that ``source`` does not have is an error. The parameter's
        default that ``source`` lacks is not used (an info line says so).
        """
        fields = self.parameterAsFields(parameters, name, context)
        field = fields[0] if fields else ""
        if not field or source.fields().lookupField(field) >= 0:
            return field
        definition = self.parameterDefinition(name)
        default = definition.defaultValue() if definition is not None else None
        if isinstance(default, (list, tuple)):
            default = default[0] if default else None
        if field == default:
            if feedback is not None:
                feedback.pushInfo(
                    tr("{layer} has no field “{field}”; it is not used.").format(
                        layer=label, field=field
                    )
                )
            return ""
        require_fields(source, [field], label)  # raises
        return ""

    # --- sinks and styles --------------------------------------------------------------------
    def sink(
        self,
        parameters: dict,
        name: str,
        context: QgsProcessingContext,
        fields: QgsFields,
        wkb_type: int = QgsWkbTypes.NoGeometry,
        crs=None,
        feedback=None,
    ) -> tuple[QgsFeatureSink | None, str | None]:
        """The sink of parameter ``name``; a required sink that cannot be created raises, an
        optional one that is skipped gives ``(None, None)``.

        A Shapefile destination is guarded (field names ≤ 10 ASCII characters, text ≤ 254
        bytes, else refused with the advice to write a GeoPackage); a table written to ``.shp``
        is reported as the ``.dbf`` file it really is.
        """
        definition = self.parameterDefinition(name)
        destination = destination_text(parameters, name, context)
        shapefile = is_shapefile(destination)
        if shapefile:
            refuse_shapefile_names(fields, definition.description())
        if crs is None:
            sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type)
        else:
            sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            optional = definition is not None and bool(definition.flags() & definition.FlagOptional)
            if not optional:
                raise QgsProcessingException(self.invalidSinkError(parameters, name))
            return None, None
        if shapefile:
            sink = ShapefileTextGuard(sink, fields, definition.description())
            self._post_processors.append(sink)  # keep the wrapper alive with the run
            if wkb_type == QgsWkbTypes.NoGeometry and dest_id and is_shapefile(dest_id):
                dest_id = table_as_dbf(context, dest_id, feedback)
        return sink, dest_id

    def style(self, context: QgsProcessingContext, dest_id: str | None, style: str) -> None:
        """In Desktop give the loaded output ``dest_id`` the style ``resources/styles/<style>``."""
        if dest_id:
            attach_style(self, context, dest_id, style)
