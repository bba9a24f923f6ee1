#!/usr/bin/env python3
"""Write ``resources/sample/lyg_sample.qgz``: the sample layers, styled as a planner expects.

三调 parcels coloured by first-level class, red lines hatched, the development boundary
outlined, corridors and protected areas translucent, projects labelled with XMMC — the styles
are ``resources/styles/sample_<LAYER>.qml`` (``scripts/make_sample_styles.py``). Layer sources
are relative (``./lyg_sample.gpkg``), so the project opens wherever the two files are copied;
the plugin's menu item 打开示例工程 copies both to a writable folder first.

    python scripts/make_sample_project.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsLayerTreeGroup,
    QgsProject,
    QgsReferencedRectangle,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "resources" / "sample"
GPKG = SAMPLE_DIR / "lyg_sample.gpkg"
STYLES = ROOT / "resources" / "styles"

# (group, [(layer, display name)]) top to bottom, as the layer tree shows them
GROUPS = [
    (
        "建设项目与补充耕地",
        [("JSXM", "JSXM 建设项目"), ("BCGD", "BCGD 补充耕地"), ("DLTB_JQ", "DLTB_JQ 基期地类图斑")],
    ),
    (
        "管控红线",
        [
            ("STBHHX", "STBHHX 生态保护红线"),
            ("ZRBHD", "ZRBHD 自然保护地"),
            ("YJJBNTBHTB", "YJJBNTBHTB 永久基本农田"),
            ("JBNTCBQ", "JBNTCBQ 永久基本农田储备区"),
            ("CZKFBJ", "CZKFBJ 城镇开发边界"),
            ("STKJGKQY", "STKJGKQY 生态空间管控区域"),
        ],
    ),
    (
        "其他管控要素",
        [
            ("LSWHBHX", "LSWHBHX 历史文化保护线"),
            ("YFKC", "YFKC 压覆重要矿产资源"),
            ("DZZHYFQ", "DZZHYFQ 地质灾害易发区"),
            ("STGYL", "STGYL 生态公益林"),
        ],
    ),
    ("一带一脉七廊", [("SX", "SX 河流"), ("YTS", "YTS 云台山系生态绿脉")]),
    (
        "海洋",
        [
            ("HAX", "HAX 海岸线"),
            ("HYSTHX", "HYSTHX 海洋生态红线"),
            ("HASD", "HASD 近海与海岸湿地"),
            ("HYGNQ", "HYGNQ 管辖海域"),
        ],
    ),
    ("基础数据", [("XZQ", "XZQ 行政区"), ("DLTB", "DLTB 三调地类图斑")]),
]


def build(project_path: Path) -> QgsProject:
    project = QgsProject()
    project.setFileName(str(project_path))
    project.setTitle("连云港自然资源规划 示例工程（示意性数据）")
    crs = QgsCoordinateReferenceSystem("EPSG:4549")
    project.setCrs(crs)
    project.setEllipsoid("EPSG:1024")
    root = project.layerTreeRoot()
    extent = None
    for group_name, layers in GROUPS:
        group: QgsLayerTreeGroup = root.addGroup(group_name)
        for name, title in layers:
            layer = QgsVectorLayer(f"{GPKG}|layername={name}", title, "ogr")
            if not layer.isValid():
                sys.exit(f"layer {name} missing from {GPKG}")
            style = STYLES / f"sample_{name}.qml"
            if style.is_file():
                layer.loadNamedStyle(str(style))
            project.addMapLayer(layer, False)
            group.addLayer(layer)
            if name == "XZQ":
                extent = layer.extent()
    if extent is not None:
        extent.grow(5000)
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, crs))
    return project


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    target = SAMPLE_DIR / "lyg_sample.qgz"
    project = build(target)
    if not project.write():
        sys.exit(f"could not write {target}: {project.error()}")
    print(f"wrote {target.relative_to(ROOT)}")
    project.clear()  # its layers go before QGIS does (else a crash at exit)
    del project
    app.exitQgis()


if __name__ == "__main__":
    main()
