"""What every ``lyg_nrp`` algorithm shares: naming, groups, icon, help, dependency check.

Subclasses stay ordinary ``QgsProcessingAlgorithm``s (the modeler sees their parameters as
declared in ``initAlgorithm``). They set ``ALG_ID`` and ``GROUP_ID`` and implement
``displayName``, ``summary`` and ``parameter_help`` (one line per parameter name).
"""

from __future__ import annotations

import html

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..deps import dependency_message
from ..paths import icon_path
from ..translate import tr

GROUP_REDLINE = "redline"
GROUP_FARMLAND = "farmland"
GROUP_ECOLOGY = "ecology"
GROUP_INDICATORS = "indicators"
GROUP_DATA = "data"


def group_name(group_id: str) -> str:
    names = {
        GROUP_REDLINE: tr("Red-line control"),
        GROUP_FARMLAND: tr("Farmland protection"),
        GROUP_ECOLOGY: tr("Ecological corridors"),
        GROUP_INDICATORS: tr("Plan indicators"),
        GROUP_DATA: tr("Sample data"),
    }
    return names[group_id]


class LygAlgorithm(QgsProcessingAlgorithm):
    ALG_ID = ""
    GROUP_ID = GROUP_DATA
    ICON = "icon.svg"
    NEEDS_DEPENDENCIES = True  # shapely >= 2 / scipy

    def __init__(self):
        super().__init__()
        # layer post-processors (styles, see styles.attach_style) must outlive processAlgorithm
        self._post_processors: list = []

    def name(self) -> str:
        return self.ALG_ID

    def group(self) -> str:
        return group_name(self.GROUP_ID)

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(icon_path(self.ICON))

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
