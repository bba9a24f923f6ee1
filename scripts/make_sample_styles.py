"""Write resources/styles/sample_<LAYER>.qml for the sample GeoPackage (standalone PyQGIS).

QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_sample_styles.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pyogrio

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_HASH_SEED", "0")  # the same attribute order in every run

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSimpleLineSymbolLayer,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GPKG = ROOT / "resources" / "sample" / "lyg_sample.gpkg"
OUT = ROOT / "resources" / "styles"
FONT = "Noto Sans CJK SC"

# 三调 first-level classes, conventional colours
DLTB_CLASSES = [
    ("01", "耕地", "255,255,100"),
    ("02", "园地", "230,190,120"),
    ("03", "林地", "0,150,0"),
    ("04", "草地", "160,220,110"),
    ("05", "商服用地", "255,120,120"),
    ("06", "工矿用地", "200,100,100"),
    ("07", "住宅用地", "255,160,160"),
    ("08", "公共管理与公共服务用地", "255,100,170"),
    ("09", "特殊用地", "180,90,120"),
    ("10", "交通运输用地", "170,170,170"),
    ("11", "水域及水利设施用地", "90,160,255"),
    ("12", "其他土地", "215,215,215"),
]


def fill(color: str, outline: str = "no", width: str = "0", style: str = "solid"):
    return QgsFillSymbol.createSimple(
        {
            "color": color,
            "outline_color": outline or "0,0,0,0",
            "outline_width": width,
            "style": style,
            "outline_style": "solid" if outline != "no" else "no",
        }
    )


def hatched(
    color: str,
    outline: str,
    angle: float,
    spacing: float = 1.6,
    width: float = 0.5,
    base: str = "0,0,0,0",
):
    sym = fill(base, outline, "0.5")
    pat = QgsLinePatternFillSymbolLayer()
    pat.setLineAngle(angle)
    pat.setDistance(spacing)
    pat.setLineWidth(width)
    pat.setColor(QColor(*[int(v) for v in color.split(",")]))
    sym.appendSymbolLayer(pat)
    return sym


def labels(layer, field: str, size: float = 9.0, color: str = "0,0,0"):
    fmt = QgsTextFormat()
    fmt.setFont(QFont(FONT))
    fmt.setSize(size)
    fmt.setColor(QColor(*[int(v) for v in color.split(",")]))
    buf = fmt.buffer()
    buf.setEnabled(True)
    buf.setSize(0.8)
    fmt.setBuffer(buf)
    pal = QgsPalLayerSettings()
    pal.fieldName = field
    pal.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    layer.setLabelsEnabled(True)


def style(name: str, layer: QgsVectorLayer) -> None:
    if name == "DLTB":
        cats = [
            QgsRendererCategory(code, fill(rgb), f"{code} {label}")
            for code, label, rgb in DLTB_CLASSES
        ]
        layer.setRenderer(QgsCategorizedSymbolRenderer('left("DLBM", 2)', cats))
    elif name == "XZQ":
        sym = fill("0,0,0,0", "0,0,0", "0.6")
        sym.symbolLayer(0).setStrokeStyle(Qt.DashLine)
        layer.setRenderer(QgsSingleSymbolRenderer(sym))
        labels(layer, "XZQMC", 12)
    elif name == "STBHHX":
        layer.setRenderer(QgsSingleSymbolRenderer(hatched("220,0,0", "220,0,0", 45)))
    elif name == "YJJBNTBHTB":
        layer.setRenderer(
            QgsSingleSymbolRenderer(
                hatched("120,170,0", "120,170,0", 135, 1.2, 0.3, "230,240,120,90")
            )
        )
    elif name == "CZKFBJ":
        layer.setRenderer(QgsSingleSymbolRenderer(fill("0,0,0,0", "160,60,200", "1.0")))
        labels(layer, "MC", 9, "120,30,160")
    elif name == "ZRBHD":
        layer.setRenderer(QgsSingleSymbolRenderer(fill("0,160,60,70", "0,120,40", "0.6")))
        labels(layer, "ZRBHDMC", 8, "0,90,30")
    elif name == "HYGNQ":
        layer.setRenderer(QgsSingleSymbolRenderer(fill("200,230,255", "120,170,220", "0.3")))
        labels(layer, "GNQMC", 8, "30,80,150")
    elif name == "HYSTHX":
        cats = [
            QgsRendererCategory("禁止类", hatched("0,40,140", "0,40,140", 45, 1.2, 0.6), "禁止类"),
            QgsRendererCategory("限制类", hatched("60,110,200", "60,110,200", 45, 2.4), "限制类"),
        ]
        layer.setRenderer(QgsCategorizedSymbolRenderer("GKFL", cats))
    elif name == "HAX":
        cats = []
        for value, color, dash in (
            ("自然岸线 · 严格保护", "0,130,0", False),
            ("自然岸线 · 限制开发", "90,190,60", True),
            ("人工岸线 · 限制开发", "60,60,60", True),
            ("人工岸线 · 优化利用", "110,110,110", False),
        ):
            sym = QgsLineSymbol.createSimple({"line_color": color, "line_width": "0.8"})
            if dash:
                sym.symbolLayer(0).setPenStyle(Qt.DashLine)
            cats.append(QgsRendererCategory(value, sym, value))
        layer.setRenderer(QgsCategorizedSymbolRenderer('"AXLX" || \' · \' || "GKFL"', cats))
    elif name == "SX":
        layer.setRenderer(
            QgsSingleSymbolRenderer(
                QgsLineSymbol.createSimple({"line_color": "30,110,230", "line_width": "0.6"})
            )
        )
        labels(layer, "HLMC", 9, "20,70,180")
        pal = layer.labeling().settings()
        pal.placement = QgsPalLayerSettings.Line
        layer.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    elif name == "YTS":
        layer.setRenderer(QgsSingleSymbolRenderer(fill("40,150,60,90", "30,110,40", "0.4")))
    elif name == "JSXM":
        cats = [
            QgsRendererCategory(cls, fill(rgb + ",40", rgb, "0.8"), cls)
            for cls, rgb in (
                ("一般建设项目", "255,120,0"),
                ("线性基础设施", "150,80,200"),
                ("国家重大项目", "200,0,60"),
                ("省级重大项目", "220,80,120"),
                ("有限人为活动", "0,140,160"),
                ("军事国防", "90,90,90"),
            )
        ]
        layer.setRenderer(QgsCategorizedSymbolRenderer("XMFL", cats))
        labels(layer, "XMMC", 8, "160,70,0")
    elif name == "BCGD":
        layer.setRenderer(QgsSingleSymbolRenderer(hatched("140,80,30", "140,80,30", 0, 1.2)))
    else:
        style_new(name, layer)


def style_new(name: str, layer: QgsVectorLayer) -> None:
    """The layers added for the review matrix, the balance's base year and the indicators."""
    if name == "DLTB_JQ":
        cats = [
            QgsRendererCategory(code, fill(rgb + ",170", "90,90,90", "0.2"), f"{code} {label}")
            for code, label, rgb in DLTB_CLASSES
        ]
        layer.setRenderer(QgsCategorizedSymbolRenderer('left("DLBM", 2)', cats))
    elif name == "STKJGKQY":
        layer.setRenderer(
            QgsSingleSymbolRenderer(
                hatched("60,150,40", "60,150,40", 135, 2.4, 0.4, "150,210,110,60")
            )
        )
    elif name == "JBNTCBQ":
        layer.setRenderer(QgsSingleSymbolRenderer(fill("255,170,60,140", "200,120,20", "0.3")))
    elif name == "HASD":
        cats = [
            QgsRendererCategory(value, fill(rgb, "no"), value)
            for value, rgb in (
                ("浅海水域", "150,210,235,110"),
                ("淤泥质海滩", "205,185,140,160"),
                ("河口水域", "90,160,225,150"),
                ("岩石海岸", "150,150,150,160"),
            )
        ]
        layer.setRenderer(QgsCategorizedSymbolRenderer("SDLX", cats))
    elif name == "YFKC":
        layer.setRenderer(QgsSingleSymbolRenderer(hatched("150,90,40", "150,90,40", 90, 1.4)))
        labels(layer, "MC", 7, "110,60,20")
    elif name == "DZZHYFQ":
        cats = [
            QgsRendererCategory("高", fill("230,60,30,110", "200,40,20", "0.3"), "高易发区"),
            QgsRendererCategory("中", fill("250,170,60,80", "220,140,40", "0.3"), "中易发区"),
        ]
        layer.setRenderer(QgsCategorizedSymbolRenderer("YFCD", cats))
    elif name == "LSWHBHX":
        sym = fill("150,0,150,40", "150,0,150", "0.8")
        sym.symbolLayer(0).setStrokeStyle(Qt.DashLine)
        layer.setRenderer(QgsSingleSymbolRenderer(sym))
        labels(layer, "MC", 7, "120,0,120")
    elif name == "STGYL":
        layer.setRenderer(QgsSingleSymbolRenderer(hatched("0,110,40", "0,110,40", 135, 1.8, 0.3)))


def main() -> int:
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    OUT.mkdir(parents=True, exist_ok=True)
    names = [name for name, _ in pyogrio.list_layers(GPKG)]
    for name in names:
        layer = QgsVectorLayer(f"{GPKG}|layername={name}", name, "ogr")
        if not layer.isValid():
            print(f"cannot open {name}", file=sys.stderr)
            return 1
        style(name, layer)
        path = OUT / f"sample_{name}.qml"
        msg, ok = layer.saveNamedStyle(str(path))
        print(path, ok, msg)
        del layer  # before exitQgis: a layer outliving the providers crashes the exit
    _ = QgsSimpleLineSymbolLayer  # imported for readers extending the styles
    app.exitQgis()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
