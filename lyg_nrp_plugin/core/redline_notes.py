"""What a project's reasons must say besides its conflicts: where the check read something as
the stricter case because the data did not say (a review tool fails closed, and says so).

- the project class was not given or not recognised → 一般建设项目;
- a protected area's zone was unknown (or no zone field) → 核心保护区;
- a marine red-line zone was unknown (or no zone field) → 禁止类;
- a coastline's 管控分类 was unknown → 严格保护岸线;
- the 用海方式 of a project in a 限制类 zone was empty (or no field) → 围填海.

A note is written only where it changed the reading of this project (it occupies the control
concerned), except the class, which always is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .project_classes import ProjectClass


@dataclass
class Facts:
    """What the check knew about the projects and the zoned controls."""

    classes: list[ProjectClass]
    class_field: bool  # a class field was given
    zone_fields: dict[str, bool] = field(default_factory=dict)  # "pa" / "marine" / "coast"
    unknown: dict[str, list[list[str]]] = field(default_factory=dict)  # layer -> per project
    sea_use_field: bool = False
    sea_use_unknown: np.ndarray | None = None  # per project


# layer key -> (what, read as, the piece key whose amount shows the project occupies it)
ZONED = {
    "pa": ("自然保护地功能分区", "核心保护区", "pa_core"),
    "marine": ("海洋生态红线管控分类", "禁止类", "marine"),
    "coast": ("岸线管控分类", "严格保护岸线", "coast_strict"),
}


def class_note(project_class: ProjectClass, class_field: bool) -> str | None:
    if project_class.known:
        return None
    if not class_field:
        return "未指定项目类别字段，按一般建设项目审查"
    if not project_class.value:
        return "项目类别未填写，按一般建设项目审查"
    return f"项目类别“{project_class.value}”无法识别，按一般建设项目审查"


def zone_note(layer: str, j: int, facts: Facts, occupied: dict[str, bool]) -> str | None:
    what, read_as, piece = ZONED[layer]
    if layer not in facts.zone_fields:
        return None
    if not facts.zone_fields[layer]:
        if layer != "coast" and occupied.get(piece):
            return f"未提供{what}字段，占用部分按{read_as}审查"
        return None
    values = facts.unknown.get(layer, [])
    touched = values[j] if j < len(values) else []
    if not touched:
        return None
    shown = "、".join(f"“{v}”" if v else "（空）" for v in touched)
    return f"{what}{shown}无法识别，按{read_as}审查"


def sea_use_note(j: int, facts: Facts, occupied: dict[str, bool]) -> str | None:
    if facts.sea_use_unknown is None or not occupied.get("marine_limit"):
        return None
    if not facts.sea_use_unknown[j]:
        return None
    if not facts.sea_use_field:
        return "未指定用海方式字段，占用海洋生态红线限制类红线区按围填海从严审查"
    return "用海方式未填写，占用海洋生态红线限制类红线区按围填海从严审查"


def project_notes(j: int, facts: Facts, occupied: dict[str, bool]) -> tuple[str, ...]:
    """The notes of project ``j``; ``occupied`` says which piece keys it occupies (from the
    threshold)."""
    notes = [class_note(facts.classes[j], facts.class_field)]
    notes += [zone_note(layer, j, facts, occupied) for layer in ZONED]
    notes.append(sea_use_note(j, facts, occupied))
    return tuple(n for n in notes if n)
