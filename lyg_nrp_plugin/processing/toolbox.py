"""Where an algorithm sits in the Processing toolbox, and where its help page is.

QGIS 3.22 sorts a provider's groups by their display name (by character code: 审查模型 <
生态廊道 < 示例数据 < 红线管控 …), so the names carry their place in the planner's workflow —
red line → farmland → ledger → ecology → indicators → data → models — as a leading number
("1 红线管控"). The group ids stay as they were (models and scripts refer to algorithms by
id, never by group).

:func:`help_url` is what the algorithm dialog's Help button opens: the algorithm's page of the
bundled documentation (``docs/algorithms/<id>.html`` or ``.md``) as a ``file://`` URL, else the
same page in the repository named in ``metadata.txt``.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QUrl

from ..paths import metadata, plugin_root
from ..translate import tr

GROUP_REDLINE = "redline"
GROUP_FARMLAND = "farmland"
GROUP_LEDGER = "ledger"
GROUP_ECOLOGY = "ecology"
GROUP_INDICATORS = "indicators"
GROUP_DATA = "data"
GROUP_MODELS = "models"  # the bundled models (processing/models.py)
WORKFLOW = (
    GROUP_REDLINE,
    GROUP_FARMLAND,
    GROUP_LEDGER,
    GROUP_ECOLOGY,
    GROUP_INDICATORS,
    GROUP_DATA,
    GROUP_MODELS,
)


def group_title(group_id: str) -> str:
    """The group's name without its number."""
    names = {
        GROUP_REDLINE: tr("Red-line control"),
        GROUP_FARMLAND: tr("Farmland protection"),
        GROUP_LEDGER: tr("Supplementary farmland quota ledger"),
        GROUP_ECOLOGY: tr("Ecological corridors"),
        GROUP_INDICATORS: tr("Plan indicators"),
        GROUP_DATA: tr("Sample data"),
        GROUP_MODELS: tr("Review models"),
    }
    return names[group_id]


def group_name(group_id: str) -> str:
    """The toolbox group name: its place in the workflow, then its title ("1 红线管控")."""
    return f"{WORKFLOW.index(group_id) + 1} {group_title(group_id)}"


def help_url(alg_id: str) -> str:
    """The algorithm's documentation page: bundled (file://) when there, else online."""
    folder = plugin_root() / "docs" / "algorithms"
    for suffix in (".html", ".md"):
        page = folder / f"{alg_id}{suffix}"
        if page.is_file():
            return QUrl.fromLocalFile(str(page)).toString()
    base = (metadata().get("repository") or metadata().get("homepage") or "").rstrip("/")
    return f"{base}/blob/main/docs/algorithms/{alg_id}.md" if base else ""
