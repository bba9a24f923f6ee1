"""REPORT_PDF of redline_overlap and landuse_occupation: one page per project after the cover,
each page naming its project, Chinese text extractable (poppler's pdfinfo / pdftotext)."""

from __future__ import annotations

import re
import subprocess

import pytest

from .helpers.layers import make_layer
from .helpers.redline_case import PROJECTS, box, control_layers, project_layer
from .helpers.runner import run_algorithm


def pages(pdf) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def test_redline_pdf_has_the_cover_and_a_page_per_project(provider, tmp_path):
    pdf = tmp_path / "redline.pdf"
    result, _ = run_algorithm(
        "lyg_nrp:redline_overlap",
        {
            "INPUT": project_layer(),
            "ID_FIELD": "XMMC",
            **control_layers(),
            "PA_ZONE_FIELD": "GNFQ",
            "COAST_TYPE_FIELD": "AXLX",
            "OUTPUT": "memory:",
            "REPORT_PDF": str(pdf),
        },
    )
    assert result["REPORT_PDF"] == str(pdf)
    text = pages(pdf)
    assert len(text) == 1 + len(PROJECTS)
    assert "审查概况" in text[0]  # the cover
    named = {name for name, _ in PROJECTS if any(name in page for page in text[1:])}
    assert {"A-001", "B-002", "E-touch"} <= named
    assert all("审查人" in page and "日期" in page for page in text[1:])
    assert any("不合规" in page for page in text[1:]) and any("合规" in page for page in text[1:])


def test_landuse_pdf_lists_the_occupied_land(provider, tmp_path):
    from qgis.PyQt.QtCore import QVariant

    parcels = make_layer(
        "Polygon",
        "EPSG:4549",
        [("DLBM", QVariant.String)],
        [(("0101",), box(-100, -100, 150, 300)), (("0702",), box(150, -100, 2000, 2000))],
        "DLTB",
    )
    pdf = tmp_path / "occupation.pdf"
    result, _ = run_algorithm(
        "lyg_nrp:landuse_occupation",
        {
            "INPUT": project_layer(),
            "ID_FIELD": "XMMC",
            "LANDUSE": parcels,
            "OUTPUT": "memory:",
            "REPORT_PDF": str(pdf),
        },
    )
    text = pages(pdf)
    assert len(text) == 1 + len(PROJECTS)
    first = next(page for page in text[1:] if "A-001" in page)
    assert "耕地" in first and "公顷" in first and "亩" in first


@pytest.mark.slow
def test_redline_pdf_through_qgis_process(qgis_process, tmp_path):
    from .helpers.layers import write_gpkg

    gpkg = tmp_path / "data.gpkg"
    projects = write_gpkg(gpkg, project_layer())
    eco = write_gpkg(gpkg, control_layers()["ECO_REDLINE"])
    pdf = tmp_path / "sheet.pdf"
    result = qgis_process(
        "run",
        "lyg_nrp:redline_overlap",
        "--",
        f"INPUT={projects}",
        "ID_FIELD=XMMC",
        f"ECO_REDLINE={eco}",
        f"OUTPUT={tmp_path / 'out.gpkg'}",
        f"REPORT_PDF={pdf}",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(pages(pdf)) == 1 + len(PROJECTS)
