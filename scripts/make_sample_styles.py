"""Write resources/styles/sample_<LAYER>.qml for the sample GeoPackage (standalone PyQGIS).

QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_sample_styles.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
        sym.symbolLayer(0).setStrokeStyle(2)  # Qt.DashLine
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
        layer.setRenderer(QgsSingleSymbolRenderer(hatched("0,40,140", "0,40,140", 45, 2.0)))
    elif name == "HAX":
        cats = []
        for value, color in (("自然岸线", "0,160,0"), ("人工岸线", "60,60,60")):
            sym = QgsLineSymbol.createSimple({"line_color": color, "line_width": "0.8"})
            cats.append(QgsRendererCategory(value, sym, value))
        layer.setRenderer(QgsCategorizedSymbolRenderer("AXLX", cats))
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
        layer.setRenderer(QgsSingleSymbolRenderer(fill("255,140,0,40", "255,120,0", "0.8")))
        labels(layer, "XMMC", 8, "160,70,0")
    elif name == "BCGD":
        layer.setRenderer(QgsSingleSymbolRenderer(hatched("140,80,30", "140,80,30", 0, 1.2)))


def main() -> int:
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    OUT.mkdir(parents=True, exist_ok=True)
    names = [
        "XZQ",
        "DLTB",
        "STBHHX",
        "YJJBNTBHTB",
        "CZKFBJ",
        "ZRBHD",
        "HYGNQ",
        "HYSTHX",
        "HAX",
        "SX",
        "YTS",
        "JSXM",
        "BCGD",
    ]
    for name in names:
        layer = QgsVectorLayer(f"{GPKG}|layername={name}", name, "ogr")
        if not layer.isValid():
            print(f"cannot open {name}", file=sys.stderr)
            return 1
        style(name, layer)
        path = OUT / f"sample_{name}.qml"
        msg, ok = layer.saveNamedStyle(str(path))
        print(path, ok, msg)
    _ = QgsSimpleLineSymbolLayer  # imported for readers extending the styles
    app.exitQgis()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
