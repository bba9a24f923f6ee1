"""Hand-built 审查意见书 sheets and PDF readers (poppler's pdfinfo / pdftotext / pdffonts)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import shapely

X0, Y0 = 500_000.0, 3_800_000.0  # EPSG:4549 (CGCS2000 / 3-degree GK CM 120E)


def square(x: float, y: float, side: float) -> shapely.Polygon:
    return shapely.box(X0 + x, Y0 + y, X0 + x + side, Y0 + y + side)


def three_item_sheet():
    """Three projects: one fails (touches the red line), one passes far away, one has no
    geometry; two control layers, one of them touched by the first project only."""
    from lyg_nrp_plugin.processing.report.sheet import ReviewSheet, SheetItem, SheetLayer, SheetRow

    items = [
        SheetItem(
            code="JSXM-001",
            name="徐圩港区疏港道路工程",
            category="交通运输用地",
            verdict="FAIL",
            geometry=square(0, 0, 300),
            area_m2=90_000.0,
            rows=[
                SheetRow("生态保护红线", 12_000.0),
                SheetRow("永久基本农田", 3_000.0),
                SheetRow("大陆自然岸线", None, "120.0 米"),
            ],
            reasons=["占用生态保护红线 1.2000 公顷", "占用永久基本农田 0.3000 公顷"],
            basis=["自然资发〔2022〕142号 第二条", "自然资规〔2019〕1号"],
            highlight=[square(0, 0, 100)],
        ),
        SheetItem(
            code="JSXM-002",
            name="海州区生活垃圾焚烧发电项目",
            category="公用设施用地",
            verdict="PASS",
            geometry=square(8_000, 0, 80),
            area_m2=6_400.0,
            rows=[SheetRow("生态保护红线", 0.0)],
            reasons=["未占用所检查的管控区"],
        ),
        SheetItem(
            code="JSXM-003",
            name="东海县光伏复合项目",
            verdict="REVIEW",
            reasons=["项目无图形，需补充用地范围"],
        ),
    ]
    layers = [
        SheetLayer(
            "生态保护红线",
            [shapely.box(X0 - 200, Y0 - 200, X0 + 100, Y0 + 100)],
            {"color": "90,170,90,90", "outline_color": "40,120,40,200"},
        ),
        SheetLayer(
            "城镇开发边界",
            [shapely.box(X0 + 30_000, Y0, X0 + 31_000, Y0 + 1_000)],
            {"color": "0,0,0,0", "outline_color": "160,60,160,255"},
        ),
    ]
    return ReviewSheet(
        title="建设项目用地红线审查意见书",
        algorithm="红线冲突检测（redline_overlap）",
        crs_authid="EPSG:4549",
        summary=[("审查项目", "3 项"), ("不合规", "1"), ("需论证", "1"), ("合规", "1")],
        items=items,
        layers=layers,
    )


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def pdf_text(path: Path, page: int) -> str:
    """The text of one page as pdftotext extracts it (what copy and search see)."""
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def flat(text: str) -> str:
    """Whitespace removed: a table cell may wrap a long value over two lines."""
    return re.sub(r"\s+", "", text)


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) of every font of the PDF."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    fonts = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        if len(parts) >= 5:
            emb = parts[-5] if parts[-5] in ("yes", "no") else parts[-4]
            fonts.append((parts[0], emb == "yes"))
    return fonts
