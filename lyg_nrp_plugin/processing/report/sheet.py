"""The content of a printable 审查意见书 (review sheet), as data.

A review algorithm (``redline_overlap``, ``landuse_occupation``, ``farmland_balance``) turns
its run into a :class:`ReviewSheet`; ``report.pdf.write_review_pdf`` lays it out with a QGIS
print layout (a cover with the summary, then one atlas page per item with its own map, its
table of areas in 公顷 and 亩, the verdict, the reasons with their basis, and an empty block
for 审查单位 / 审查人 / 审查意见 / 日期). The check-results dock builds the same sheet from a
published result, so both print the same pages.

Everything here is plain data (shapely geometries in the sheet's CRS, text, m²): the builders
are tested without rendering, and the renderer never needs to know which algorithm ran.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shapely


@dataclass
class SheetLayer:
    """A control layer drawn under the items on their maps (and named in the legend)."""

    name: str  # legend label, e.g. 生态保护红线
    geoms: list[shapely.Geometry]
    style: dict[str, str]  # QgsFillSymbol / QgsLineSymbol createSimple properties


@dataclass
class SheetRow:
    """One line of an item's table: an area in m² (shown as 公顷 and 亩), or a text value."""

    label: str
    area_m2: float | None = None
    text: str = ""  # used when there is no area (a length, a grade, a count …)


@dataclass
class SheetItem:
    """One atlas page: a project (or, for the balance, a group)."""

    code: str  # 项目编号
    name: str  # 项目名称
    category: str = ""  # 项目类别 (or the group kind)
    verdict: str = ""  # PASS / REVIEW / FAIL
    verdict_zh: str = ""  # 合规 / 需论证 / 不合规
    geometry: shapely.Geometry | None = None
    area_m2: float | None = None
    rows: list[SheetRow] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)  # document and article of each rule applied
    highlight: list[shapely.Geometry] = field(default_factory=list)  # conflict pieces


@dataclass
class ReviewSheet:
    title: str  # e.g. 建设项目用地红线审查意见书
    algorithm: str  # the algorithm id that produced it
    crs_authid: str  # CRS of every geometry in the sheet
    summary: list[tuple[str, str]] = field(default_factory=list)  # cover: label, value
    items: list[SheetItem] = field(default_factory=list)
    layers: list[SheetLayer] = field(default_factory=list)
    crs_wkt: str = ""  # when the CRS has no authority id

    @property
    def page_count(self) -> int:
        """Cover + one page per item."""
        return 1 + len(self.items)
