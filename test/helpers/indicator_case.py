"""The hand-worked indicator dataset shared by the core, algorithm and dock tests.

The land is the square 0..1000 m × 0..1000 m (1 000 000 m² = 100 ha), tiled by twelve
parcels (below, with their TBDLMJ); the sea is 1000..3000 × 0..1000 (2 000 000 m²).
"""

from __future__ import annotations

from shapely.geometry import LineString, box

PARCELS = [  # (geometry, DLBM, TBDLMJ m²)
    (box(0, 0, 200, 1000), "0101", 190_000.0),  # 水田; 10 000 m² of 田坎 deducted
    (box(200, 0, 400, 1000), "103", 200_000.0),  # 旱地, code written without leading 0
    (box(400, 0, 500, 1000), "1105", 100_000.0),  # 沿海滩涂: wetland, natural
    (box(500, 0, 600, 1000), "1101", 100_000.0),  # 河流水面: natural wetland, not 三调 wetland
    (box(600, 0, 700, 1000), "1104A", 100_000.0),  # 养殖坑塘: neither
    (box(700, 0, 800, 1000), "0603", 100_000.0),  # 盐田: wetland only with the option
    (box(800, 0, 900, 500), "0301", 50_000.0),  # 乔木林地: forest land and forest cover
    (box(800, 500, 900, 1000), "0305", 50_000.0),  # 灌木林地: forest land only
    (box(900, 0, 1000, 500), "0702", 50_000.0),  # 农村宅基地: built
    (box(900, 500, 1000, 700), "1006", 20_000.0),  # 农村道路: not built
    (box(900, 700, 1000, 850), "1003", 15_000.0),  # 公路用地: built
    (box(900, 850, 1000, 1000), "1109", 15_000.0),  # 水工建筑用地: built
]
LAND = box(0, 0, 1000, 1000)
SEA = box(1000, 0, 3000, 1000)
PROTECTED = [  # (geometry, type)
    (box(400, 0, 550, 1000), "湿地公园"),  # all of the 1105 parcel + half of the 1101 parcel
    (box(1000, 0, 1200, 1000), "海洋公园"),  # at sea: 200 000 m²
    (box(800, 0, 900, 500), "风景名胜区"),  # the 0301 parcel: 50 000 m²
]
ECO_REDLINE = [box(0, 0, 100, 1000), box(50, 0, 150, 1000), box(1000, 0, 1100, 100)]
FARMLAND = [box(0, 0, 200, 500), box(100, 0, 300, 500)]
MARINE_REDLINE = [box(1000, 0, 1500, 1000), box(2900, 0, 3100, 1000)]
MARICULTURE = [box(2000, 0, 2500, 1000)]
COAST = [  # (line, AXLX, AXLB)
    (LineString([(1000, 0), (1000, 1000)]), "自然岸线", "大陆岸线"),  # 1000 m
    (LineString([(1000, 1000), (1000, 2500)]), "人工岸线", "大陆岸线"),  # 1500 m
    (LineString([(1500, 0), (1500, 400)]), "自然岸线", "海岛岸线"),  # 400 m, island
    (LineString([(0, 1000), (500, 1000)]), "河口岸线", "大陆岸线"),  # 500 m, unknown type
]
MINES = [("大型", 10e6), ("中型", 5e6), ("小型", 1e6), ("小型", 0.5e6), (None, None)]

# --- the additions of issue 14 (hand-worked in test_indicators_core) ---------------------------
# 近海与海岸湿地 (HASD) at sea, overlapping the land's eastern strip 900..1000 (100 000 m² of
# parcels 0702/1006/1003/1109) so that only 1000..1600 × 0..1000 (600 000 m²) is added.
COASTAL_WETLAND = [box(900, 0, 1600, 1000)]
# 永久基本农田 with net areas (YJJBNTMJ): the two FARMLAND boxes overlap by 100..200 × 0..500
FARMLAND_NET = [95_000.0, 90_000.0]
# mines: (scale, 矿种, annual output in the field's unit: 万吨 for solids, 万立方米 for water)
MINES_TYPED = [
    ("大型", "建筑用石料", 1000.0),
    ("中型", "金红石", 500.0),
    ("小型", "建筑用石料", -5.0),  # negative: left out of the output, still a mine
    ("小型", "地热", 12.0),
    ("小型", "矿泉水", 3.0),
    ("中型", None, 100.0),  # unknown type: counted as solid (the stricter reading)
]
# forest_m2 of a landuse_occupation SUMMARY (the year's approved projects)
OCCUPATION_FOREST = [300_000.0, 250_000.0, "abc", -10.0, None, 200_000.0]


# --- the dataset as project layers (memory layers in EPSG:4549, for the dock tests) ----------
DX, DY = 500_000.0, 3_800_000.0  # into the EPSG:4549 coordinate range


def memory_layer(name: str, kind: str, geoms, **columns):
    """A memory layer of ``geoms`` (shifted by DX, DY) with the given attribute columns."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant
    from shapely import affinity

    layer = QgsVectorLayer(f"{kind}?crs=EPSG:4549", name, "memory")
    types = {
        k: QVariant.Double if any(isinstance(x, float) for x in v) else QVariant.String
        for k, v in columns.items()
    }
    layer.dataProvider().addAttributes([QgsField(k, t) for k, t in types.items()])
    layer.updateFields()
    features = []
    for i, g in enumerate(geoms):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(affinity.translate(g, DX, DY).wkt))
        feature.setAttributes([columns[k][i] for k in columns])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def project_layers() -> list:
    """The hand-worked dataset as the layers a planner's project holds (named as the sample)."""
    return [
        memory_layer(
            "DLTB",
            "MultiPolygon",
            [p[0] for p in PARCELS],
            DLBM=[p[1] for p in PARCELS],
            TBDLMJ=[p[2] for p in PARCELS],
        ),
        memory_layer("XZQ", "MultiPolygon", [LAND], XZQMC=["示例"]),
        memory_layer("HYGNQ", "MultiPolygon", [SEA], MC=["海域"]),
        memory_layer("STBHHX", "MultiPolygon", ECO_REDLINE, MC=["a", "b", "c"]),
        memory_layer("YJJBNTBHTB", "MultiPolygon", FARMLAND, YJJBNTMJ=FARMLAND_NET),
        memory_layer(
            "ZRBHD", "MultiPolygon", [p[0] for p in PROTECTED], ZRBHDLX=[p[1] for p in PROTECTED]
        ),
        memory_layer("HYSTHX", "MultiPolygon", MARINE_REDLINE, MC=["a", "b"]),
        memory_layer(
            "HAX",
            "MultiLineString",
            [c[0] for c in COAST],
            AXLX=[c[1] for c in COAST],
            AXLB=[c[2] for c in COAST],
        ),
        memory_layer("HASD", "MultiPolygon", COASTAL_WETLAND, MC=["海州湾浅海"]),
    ]
