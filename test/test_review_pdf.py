"""The printable 审查意见书: a hand-built ReviewSheet through the print layout to a PDF, read
back with poppler (pdfinfo, pdftotext, pdffonts) — pages, Chinese text, each page's item."""

from __future__ import annotations

import re
import shutil
import time

import pytest
import shapely
from qgis.core import QgsApplication, QgsFeedback, QgsProcessingException, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, QThread
from qgis.PyQt.QtGui import QFont

from lyg_nrp_plugin.core.progress import Canceled
from lyg_nrp_plugin.processing.report import layout as layout_mod
from lyg_nrp_plugin.processing.report import pdf_text
from lyg_nrp_plugin.processing.report.pdf import nice_scale, write_review_pdf
from lyg_nrp_plugin.processing.report.sheet import ReviewSheet, SheetItem

from .helpers.runner import Recorder
from .helpers.sheet_case import flat, pdf_fonts, pdf_pages, square, three_item_sheet
from .helpers.sheet_case import pdf_text as page_text

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext") or not shutil.which("pdfinfo"), reason="needs poppler-utils"
)
RADICALS = [chr(c) for c in range(0x2E80, 0x2FE0)]


@pytest.fixture(scope="module")
def sheet_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "sheet.pdf"
    pages = write_review_pdf(path, three_item_sheet())
    return path, pages


def test_page_count_is_items_plus_cover(sheet_pdf):
    path, pages = sheet_pdf
    assert pages == 1 + 3
    assert pdf_pages(path) == 4


def test_chinese_text_is_embedded_text_not_boxes(sheet_pdf):
    path, _ = sheet_pdf
    fonts = pdf_fonts(path)
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("CJK" in name for name, _ in fonts)  # e.g. NotoSansCJKsc-Regular
    text = "".join(page_text(path, p) for p in range(1, 5))
    assert "建设项目用地红线审查意见书" in text
    # copy and search see 项目 and 生态, not the Kangxi radicals ⽬ ⽣ the font shares glyphs with
    assert not [c for c in text if c in RADICALS]
    assert "项目名称" in text and "生态保护红线" in text
    assert "\ufffd" not in text


def test_cover_summarises_and_lists_every_item(sheet_pdf):
    path, _ = sheet_pdf
    cover = page_text(path, 1)
    assert "审查概况" in cover and "审查项目一览" in cover
    for code in ("JSXM-001", "JSXM-002", "JSXM-003"):
        assert code in cover  # digits after a hyphen survive extraction
    assert "共3项" in flat(cover)
    assert "第1页共4页" in flat(cover)


def test_each_item_page_names_its_item_and_says_its_verdict(sheet_pdf):
    path, _ = sheet_pdf
    sheet = three_item_sheet()
    for k, item in enumerate(sheet.items):
        text = page_text(path, k + 2)
        assert item.name in text and item.code in text
        assert f"第{k + 2}页共4页" in flat(text)
        others = [it.name for it in sheet.items if it is not item]
        assert not any(name in text for name in others)
    first, second, third = (flat(page_text(path, p)) for p in (2, 3, 4))
    assert "不合规" in first and "合规" in second and "需论证" in third
    assert "交通运输用地" in first


def test_item_page_has_areas_in_hectares_and_mu(sheet_pdf):
    path, _ = sheet_pdf
    text = flat(page_text(path, 2))
    # 90 000 m² = 9 公顷 = 135 亩; 12 000 m² = 1.2 公顷 = 18 亩; 3 000 m² = 0.3 公顷 = 4.5 亩
    assert "9.0000公顷（135.00亩）" in text
    assert "生态保护红线1.200018.00" in text
    assert "永久基本农田0.30004.50" in text
    assert "120.0米" in text


def test_item_page_has_reasons_basis_and_the_block_to_sign(sheet_pdf):
    path, _ = sheet_pdf
    text = flat(page_text(path, 2))
    assert "占用生态保护红线1.2000公顷" in text and "自然资发〔2022〕142号第二条" in text
    for field in ("审查单位", "审查人", "审查意见", "日期", "年", "月", "日"):
        assert field in text


def test_legend_lists_only_the_controls_an_item_touches(sheet_pdf):
    path, _ = sheet_pdf
    near, far = page_text(path, 2), page_text(path, 3)
    assert "生态保护红线" in near.split("图例", 1)[1].split("占用及重叠面积", 1)[0]
    legend_far = far.split("图例", 1)[1].split("占用及重叠面积", 1)[0]
    assert "生态保护红线" not in legend_far and "城镇开发边界" not in legend_far
    assert "冲突部分" in near and "冲突部分" not in legend_far


def test_map_scale_is_rounded_up_to_a_nice_one(sheet_pdf):
    path, _ = sheet_pdf
    # item 1 is 300 m across; the atlas adds a 60 % margin: 480 m over the 60 mm map height
    # = 1:8 000, rounded up to 1:10 000. Item 2 (80 m) would be 1:2 133 but the map never shows
    # less than 400 m across its 133 mm width: 1:3 008 → 1:5 000.
    assert "比例尺1:10,000" in flat(page_text(path, 2))
    assert "比例尺1:5,000" in flat(page_text(path, 3))
    assert nice_scale(4800) == 5000 and nice_scale(5000) == 5000 and nice_scale(12000) == 25000


def test_runs_in_a_worker_thread(tmp_path):
    """As in a Processing background task (a QgsTask on the task manager's thread pool): no
    iface, not the GUI thread."""
    out = {}

    def work(task):
        out["thread"] = QThread.currentThread() is not QCoreApplication.instance().thread()
        out["pages"] = write_review_pdf(tmp_path / "thread.pdf", three_item_sheet())
        return True

    task = QgsTask.fromFunction("review sheet", work)
    QgsApplication.taskManager().addTask(task)
    end = time.time() + 300
    while task.status() not in (QgsTask.Complete, QgsTask.Terminated) and time.time() < end:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert task.status() == QgsTask.Complete, out
    assert out["thread"] and out["pages"] == 4 and pdf_pages(tmp_path / "thread.pdf") == 4
    assert "徐圩港区疏港道路工程" in page_text(tmp_path / "thread.pdf", 2)


def test_an_empty_sheet_is_a_cover(tmp_path):
    sheet = ReviewSheet("耕地占补平衡核验意见书", "farmland_balance", "EPSG:4549")
    assert write_review_pdf(tmp_path / "empty.pdf", sheet) == 1
    assert "无审查项目" in page_text(tmp_path / "empty.pdf", 1)


def test_reasons_that_do_not_fit_are_summed_up_not_lost(tmp_path):
    reasons = [f"第{i}条理由" for i in range(1, 41)]
    item = SheetItem(
        "G1", "连云港市本级", verdict="FAIL", geometry=square(0, 0, 50), reasons=reasons
    )
    sheet = ReviewSheet("耕地占补平衡核验意见书", "farmland_balance", "EPSG:4549", items=[item])
    feedback = Recorder()
    assert write_review_pdf(tmp_path / "many.pdf", sheet, feedback) == 2  # still one page
    text = flat(page_text(tmp_path / "many.pdf", 2))
    shown = [i for i in range(1, 41) if f"第{i}条理由" in text]
    assert shown == list(range(1, len(shown) + 1)) and shown  # the first ones, in order
    more = int(re.search(r"另有(\d+)条", text).group(1))
    assert len(shown) + more == 40  # every reason is shown or counted
    assert any("G1" in w and str(more) in w for w in feedback.warnings)


def test_canceled_run_leaves_no_file(tmp_path):
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(Canceled):
        write_review_pdf(tmp_path / "c.pdf", three_item_sheet(), feedback)
    assert not (tmp_path / "c.pdf").exists()


def test_an_office_template_is_used_and_a_broken_one_refused(tmp_path):
    text = layout_mod.bundled_template().read_text(encoding="utf-8")
    assert text.count("审查意见") >= 1
    restyled = tmp_path / "office.qpt"
    restyled.write_text(
        text.replace("审查概况", "连云港市自然资源和规划局 审查概况"), encoding="utf-8"
    )
    write_review_pdf(tmp_path / "office.pdf", three_item_sheet(), template=restyled)
    assert "连云港市自然资源和规划局" in page_text(tmp_path / "office.pdf", 1)
    broken = tmp_path / "broken.qpt"
    broken.write_text(text.replace('id="item_map"', 'id="other_map"'), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="item_map"):
        write_review_pdf(tmp_path / "broken.pdf", three_item_sheet(), template=broken)
    (tmp_path / "junk.qpt").write_text("not xml", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="junk.qpt"):
        write_review_pdf(tmp_path / "junk.pdf", three_item_sheet(), template=tmp_path / "junk.qpt")


def test_bundled_template_has_every_item_the_code_binds():
    text = layout_mod.bundled_template().read_text(encoding="utf-8")
    ids = [
        layout_mod.ITEM_MAP,
        layout_mod.ITEM_LEGEND,
        layout_mod.ITEM_NORTH,
        layout_mod.OVERVIEW_MAP,
        layout_mod.OVERVIEW_LEGEND,
        layout_mod.OVERVIEW_NORTH,
        *layout_mod.TABLE_SOURCES,
    ]
    for item_id in ids:
        assert f'id="{item_id}"' in text, item_id
    assert layout_mod.north_arrow_svg().is_file()


# --- the text helpers, by hand ------------------------------------------------------------------


def test_tounicode_radicals_become_the_characters_drawn():
    cmap = (
        b"2 beginbfrange\n<0000> <0000> <0000>\n<2F00> <2F02> [<2F6C> <0041> <2EC5>]\nendbfrange\n"
        b"1 beginbfchar\n<2F63> <2F63>\nendbfchar\n"
    )
    mapping = {0x2F6C: 0x76EE, 0x2EC5: 0x89C1, 0x2F63: 0x751F}  # ⽬→目 ⻅→见 ⽣→生
    body, n = pdf_text._rewrite_cmap(cmap, mapping)
    assert n == 3 and len(body) == len(cmap)  # same length: no offset in the PDF moves
    assert b"[<76EE> <0041> <89C1>]" in body
    assert b"<2F00> <2F02>" in body  # source codes untouched
    assert b"<2F63> <751F>" in body


def test_radical_map_of_the_cjk_font():
    family = pdf_text.cjk_family()
    if not family:
        pytest.skip("no CJK font installed")
    mapping = pdf_text.radical_map(family)
    assert chr(mapping[0x2F6C]) == "目" and chr(mapping[0x2F63]) == "生"
    assert chr(mapping[0x2EC5]) == "见"  # no compatibility decomposition: from the font


def test_wrap_text_breaks_chinese_between_characters():
    family = pdf_text.cjk_family()
    if not family:
        pytest.skip("no CJK font installed")
    font = QFont(family)
    # a CJK character is 1 em wide: at 10 pt = 10/72 inch = 3.528 mm; 20 mm holds 5 of them
    wrapped = pdf_text.wrap_text("一二三四五六七八九十甲乙", font, 10, 20.0)
    assert wrapped.split("\n") == ["一二三四五", "六七八九十", "甲乙"]
    # never a line that starts with a closing mark: 五 moves down with its 。
    assert pdf_text.wrap_text("一二三四五。六", font, 10, 20.0).split("\n") == [
        "一二三四",
        "五。六",
    ]
    assert pdf_text.wrap_text("", font, 10, 20.0) == ""


def test_shapely_geometry_types_survive_in_the_items_layer():
    from lyg_nrp_plugin.processing.report.sheet_layers import sheet_layers

    sheet = three_item_sheet()
    layers = sheet_layers(sheet)
    features = list(layers["items"].getFeatures())
    assert [f["code"] for f in features] == ["JSXM-001", "JSXM-002", "JSXM-003"]
    assert features[2].geometry().isNull()  # kept, so that its page is printed
    area = shapely.from_wkb(bytes(features[0].geometry().asWkb())).area
    assert area == pytest.approx(90_000.0)
    rows = list(layers["rows"].getFeatures())
    # 12 000 m² → "1.2000" 公顷, "18.00" 亩
    assert (rows[0]["label"], rows[0]["ha"], rows[0]["mu"]) == ("生态保护红线", "1.2000", "18.00")


def test_a_template_with_two_pages_per_item(tmp_path):
    """An office adds an annex page after the item page: every item gets both."""
    from qgis.core import (
        QgsLayoutItemLabel,
        QgsLayoutItemPage,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsProject,
        QgsReadWriteContext,
    )

    project = QgsProject()
    layout = layout_mod.load_layout(project)
    annex = QgsLayoutItemPage(layout)
    annex.setPageSize("A4", QgsLayoutItemPage.Portrait)
    layout.pageCollection().addPage(annex)
    note = QgsLayoutItemLabel(layout)
    note.setText('附页：[% "code" %] 第 [% "page" %] 页起')
    layout.addLayoutItem(note)
    note.attemptMove(QgsLayoutPoint(20, 20), page=2)
    note.attemptResize(QgsLayoutSize(150, 10))
    template = tmp_path / "annex.qpt"
    assert layout.saveAsTemplate(str(template), QgsReadWriteContext())
    pages = write_review_pdf(tmp_path / "annex.pdf", three_item_sheet(), template=template)
    assert pages == 1 + 3 * 2 and pdf_pages(tmp_path / "annex.pdf") == 7
    # item 2 starts on page 1 + 2 + 1 = 4; its annex is page 5
    assert "附页：JSXM-002第4页起" in flat(page_text(tmp_path / "annex.pdf", 5))
    assert "共7页" in flat(page_text(tmp_path / "annex.pdf", 1))
