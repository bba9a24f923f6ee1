"""The HTML report prints on A4 without orphaned headings or split figures, and its
per-project thumbnails show the project large, with its conflicts and a true scale bar."""

from __future__ import annotations

import re

import pytest
import shapely
from qgis.core import QgsCoordinateReferenceSystem
from qgis.PyQt.QtGui import QColor, QImage

from lyg_nrp_plugin.processing.report.html import KEEP_ROWS, HtmlReport
from lyg_nrp_plugin.processing.report.maps import memory_layer, scale_bar_length, thumbnail_png

CRS = QgsCoordinateReferenceSystem("EPSG:4549")
X0, Y0 = 500_000.0, 3_800_000.0


def sections(markup: str) -> list[tuple[str, str]]:
    return re.findall(r'<section class="(\w+)">(.*?)</section>', markup, re.S)


def test_print_css_pages_a4_and_keeps_blocks_whole():
    markup = HtmlReport("t").to_html()
    css = markup.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@page{size:A4" in css
    assert "break-after:avoid" in css and "page-break-after:avoid" in css
    assert "thead{display:table-header-group}" in css  # a long table repeats its header
    rule = re.search(r"([^{}]*)\{break-inside:avoid", css.split("@media print", 1)[1])
    assert {"section.keep", "figure", "tr", "img"} <= set(rule.group(1).strip().split(","))


def test_a_heading_stays_with_what_follows_it():
    report = HtmlReport("审查报告")
    report.heading("地图")
    report.image(b"\x89PNG fake", "项目 <A&B>")
    report.heading("项目")
    report.table(["编号"], [[f"P{i}"] for i in range(3)])
    report.heading("全部项目")
    report.table(["编号"], [[f"P{i}"] for i in range(KEEP_ROWS + 5)])
    report.heading("末尾")  # a heading with nothing after it is still written
    markup = report.to_html()
    found = sections(markup)
    assert [kind for kind, _ in found] == ["keep", "keep", "block"]
    assert found[0][1].startswith("<h2>地图</h2>") and "<figure>" in found[0][1]
    assert found[2][1].count("<tr>") + found[2][1].count('<tr class="">') == KEEP_ROWS + 6
    assert "项目 &lt;A&amp;B&gt;" in markup and "<A&B>" not in markup
    assert markup.rstrip().endswith("<h2>末尾</h2></body></html>")


def test_gallery_lays_out_captioned_thumbnails():
    report = HtmlReport("r")
    report.heading("逐项目示意图")
    report.gallery([(b"a", "JSXM-001 <x>"), (b"b", "JSXM-002")])
    markup = report.to_html()
    ((kind, body),) = sections(markup)
    assert kind == "block" and body.count("<figure>") == 2 and 'class="gallery"' in body
    assert "JSXM-001 &lt;x&gt;" in body


@pytest.mark.parametrize(
    "width, expected", [(421.6, 100.0), (1234.0, 200.0), (9.0, 2.0), (50_000.0, 10_000.0)]
)
def test_scale_bar_length_is_round_and_at_most_three_tenths(width, expected):
    assert scale_bar_length(width) == expected


def dark(colour: QColor) -> bool:
    return colour.red() < 80 and colour.green() < 80 and colour.blue() < 80


def test_thumbnail_frames_the_project_with_its_conflicts_and_scale_bar():
    project = shapely.box(X0, Y0, X0 + 100, Y0 + 100)
    conflict = shapely.box(X0, Y0, X0 + 50, Y0 + 50)
    far = memory_layer("far", [shapely.box(X0 + 5000, Y0, X0 + 6000, Y0 + 100)], CRS)
    image = QImage.fromData(thumbnail_png(project, CRS, [far], [conflict]), "PNG")
    assert (image.width(), image.height()) == (340, 250)
    # extent: the 100 m box grown by 0.35 × max(100, 300 minimum) = 105 m a side → 310 m,
    # widened to 340 : 250 → 421.6 m × 310 m centred on the project (50, 50)
    width, height = 310 * 340 / 250, 310.0
    left, top = 50 - width / 2, 50 + height / 2

    def pixel(x, y):
        return round((x - left) / width * 340), round((top - y) / height * 250)

    px, py = pixel(0, 75)  # the project's left edge, above the conflict
    assert any(dark(image.pixelColor(px + d, py)) for d in (-1, 0, 1))
    red = image.pixelColor(*pixel(25, 25))  # inside the conflict piece
    assert red.red() > 200 and red.green() < 150 and red.blue() < 150
    assert image.pixelColor(*pixel(75, 75)).name() == "#ffffff"  # inside, no conflict
    # scale bar: 100 m = 100 / 421.6 × 340 = 80.6 px long, from x = 10, 12 px above the bottom
    row = 250 - 14
    assert dark(image.pixelColor(50, row)) and dark(image.pixelColor(89, row))
    assert not dark(image.pixelColor(95, row))
