"""The hand-built red-line case: six projects (a multipolygon with a hole, a bow-tie, duplicate
vertices, a touching one, a hostile name) and every control layer, in EPSG:4549 near 连云港."""

from __future__ import annotations

import shapely

from .layers import make_layer

X0, Y0 = 430_000.0, 3_830_000.0  # EPSG:4549 near Lianyungang
SCRIPT_NAME = "<script>alert(1)</script> & Co"


def box(x1, y1, x2, y2):
    return shapely.box(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


def poly(*coords, holes=()):
    return shapely.Polygon(
        [(X0 + x, Y0 + y) for x, y in coords], [[(X0 + x, Y0 + y) for x, y in h] for h in holes]
    )


# projects: (name, geometry); the raw shapes include invalid ones on purpose
PROJECTS = [
    ("A-001", box(0, 0, 200, 200)),  # crosses the eco red line (two overlapping features)
    (
        "B-002",
        shapely.MultiPolygon(
            [  # multipolygon, one part with a hole
                poly(
                    (400, 0),
                    (700, 0),
                    (700, 300),
                    (400, 300),
                    holes=[[(450, 50), (650, 50), (650, 250), (450, 250)]],
                ),
                box(800, 0, 900, 100),
            ]
        ),
    ),
    ("C-bowtie", poly((0, 400), (300, 700), (300, 400), (0, 700))),  # self-intersecting
    ("D-dup", poly((400, 400), (400, 400), (600, 400), (600, 600), (600, 600), (400, 600))),
    ("E-touch", box(300, 0, 350, 50)),  # touches the eco red line at x=300, nothing else
    (SCRIPT_NAME, box(1000, 400, 1300, 700)),  # partly outside the dev boundary, on the coast
]
ECO = [
    box(150, 0, 300, 100),
    box(100, 50, 250, 150),
    poly((0, 500), (100, 500), (100, 600), (0, 600)),
]
FARM = [box(450, 250, 700, 350), box(500, 300, 560, 420), box(850, 50, 950, 150)]
UDB = [box(-50, -50, 1100, 1000)]
PA = [
    ("核心保护区", box(150, 550, 250, 650)),
    ("一般控制区", box(100, 450, 350, 750)),
    ("一般控制区", box(820, 20, 840, 40)),
]
MARINE = [box(1200, 600, 1500, 900)]
COAST = [
    ("自然岸线", shapely.LineString([(X0 + 1050, Y0 + 300), (X0 + 1050, Y0 + 800)])),
    ("人工岸线", shapely.LineString([(X0 + 1100, Y0 + 300), (X0 + 1100, Y0 + 800)])),
]


def project_layer(crs="EPSG:4549", projects=PROJECTS, transform=None):
    from qgis.PyQt.QtCore import QVariant

    rows = [((name, i), transform(g) if transform else g) for i, (name, g) in enumerate(projects)]
    return make_layer(
        "MultiPolygon", crs, [("XMMC", QVariant.String), ("SEQ", QVariant.Int)], rows, "JSXM"
    )


def control_layers():
    from qgis.PyQt.QtCore import QVariant

    s = QVariant.String
    return {
        "ECO_REDLINE": make_layer(
            "Polygon", "EPSG:4549", [("NAME", s)], [(("eco",), g) for g in ECO], "STBHHX"
        ),
        "FARMLAND": make_layer(
            "Polygon", "EPSG:4549", [("NAME", s)], [(("farm",), g) for g in FARM], "YJJBNTBHTB"
        ),
        "DEV_BOUNDARY": make_layer(
            "Polygon", "EPSG:4549", [("NAME", s)], [(("udb",), g) for g in UDB], "CZKFBJ"
        ),
        "PROTECTED_AREAS": make_layer(
            "Polygon", "EPSG:4549", [("GNFQ", s)], [((z,), g) for z, g in PA], "ZRBHD"
        ),
        "MARINE_REDLINE": make_layer(
            "Polygon", "EPSG:4549", [("NAME", s)], [(("marine",), g) for g in MARINE], "HYSTHX"
        ),
        "COASTLINE": make_layer(
            "LineString", "EPSG:4549", [("AXLX", s)], [((t,), g) for t, g in COAST], "HAX"
        ),
    }


# --- the matrix cases: one 100 × 100 m project per class, half of it in the control ----------
CLASS_NAMES = {
    "general": "一般建设项目",
    "linear_infra": "线性基础设施",
    "major_national": "国家重大项目",
    "major_provincial": "省级重大项目",
    "limited_activity": "有限人为活动",
    "military": "军事国防",
}
SIDE = 100.0  # project side (m): 10 000 m² = 1.00 ha = 15.00 亩
STEP = 300.0  # projects stand 300 m apart


def row_box(k: int, x1: float, x2: float, y1: float = 0.0, y2: float = SIDE):
    """A box in the strip of project ``k`` (x relative to the project's left edge)."""
    return box(k * STEP + x1, y1, k * STEP + x2, y2)


def projects_layer(rows, name="JSXM", fields=("XMBH", "XMMC", "XMFL", "YHFS")):
    """Projects from rows (XMBH, XMMC, XMFL, YHFS, geometry); every value a string or None."""
    from qgis.PyQt.QtCore import QVariant

    return make_layer(
        "Polygon",
        "EPSG:4549",
        [(f, QVariant.String) for f in fields],
        [(tuple(r[:-1]), r[-1]) for r in rows],
        name,
    )


def class_projects(values):
    """One project per class value (k-th at x = k·STEP): XMBH = P<k>, XMMC = 项目<k>."""
    return projects_layer(
        [(f"P{k}", f"项目{k}", v, None, row_box(k, 0, SIDE)) for k, v in enumerate(values)]
    )


def polygons(geoms, name, fields=(), values=None):
    """A polygon layer of ``geoms`` with string fields (``values``: one tuple per geometry)."""
    from qgis.PyQt.QtCore import QVariant

    values = values or [tuple("" for _ in fields)] * len(geoms)
    return make_layer(
        "Polygon",
        "EPSG:4549",
        [(f, QVariant.String) for f in fields],
        list(zip(values, geoms)),
        name,
    )


def lines(geoms, name, fields=(), values=None):
    from qgis.PyQt.QtCore import QVariant

    values = values or [tuple("" for _ in fields)] * len(geoms)
    return make_layer(
        "LineString",
        "EPSG:4549",
        [(f, QVariant.String) for f in fields],
        list(zip(values, geoms)),
        name,
    )


# redline_overlap's parameters → the sample's layers and fields (every control the sample has)
SAMPLE_LAYERS = {
    "INPUT": "JSXM",
    "ECO_REDLINE": "STBHHX",
    "ECO_SPACE": "STKJGKQY",
    "FARMLAND": "YJJBNTBHTB",
    "FARMLAND_RESERVE": "JBNTCBQ",
    "DEV_BOUNDARY": "CZKFBJ",
    "LAND_BOUNDARY": "XZQ",
    "PROTECTED_AREAS": "ZRBHD",
    "MARINE_REDLINE": "HYSTHX",
    "COASTLINE": "HAX",
    "MINERAL": "YFKC",
    "GEOHAZARD": "DZZHYFQ",
    "HERITAGE": "LSWHBHX",
    "PUBLIC_FOREST": "STGYL",
}
SAMPLE_FIELDS = {
    "ID_FIELD": "XMBH",
    "NAME_FIELD": "XMMC",
    "PROJECT_CLASS_FIELD": "XMFL",
    "SEA_USE_FIELD": "YHFS",
    "PA_ZONE_FIELD": "GNFQ",
    "MARINE_ZONE_FIELD": "GKFL",
    "COAST_TYPE_FIELD": "AXLX",
    "COAST_TYPE_VALUE": "自然岸线",
    "COAST_CLASS_FIELD": "GKFL",
}
