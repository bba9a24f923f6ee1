"""Two counties for the ledger tests, hand-worked with the bundled illustrative capacity table
(kg per 亩 = 1050 − 50 × grade; 1 亩 = 10 000/15 m²), in EPSG:4549 near Lianyungang.

County A 320722 (东海县), project BC-A-1:
- plot 1, 100 × 100, now 0101 grade 4, KCXS 0.1, on 0404 其他草地 → new: 9000 m² quantity and
  paddy, 13.5 亩 × 850 = 11 475 kg;
- plot 2, 100 × 100, now 0101 grade 5, on 0103 grade 7 → 旱改水: 10 000 m² paddy, gain
  15 亩 × (800 − 700) = 1500 kg, no quantity;
- plot 3, 100 × 100, now 0101 grade 5, on 0301 林地 → refused.
  A: quantity 9000, paddy 19 000, capacity 12 975.
County B 320723 (灌云县), project BC-B-1:
- plot 4, 100 × 50, now 0103 grade 6, on 1202 → new: 5000 m², 7.5 亩 × 750 = 5625 kg.
  B: quantity 5000, paddy 0, capacity 5625.
Occupied (FARMLAND_PIECES-like):
- JS-B-1 in B: 0103 net 4000 m² grade 6 → 4000 m², 0, 6 亩 × 750 = 4500 kg (fits B);
- JS-B-2 in B: 0101 net 3000 m² grade 5 → 3000, 3000, 4.5 亩 × 800 = 3600 kg (B is short
  after JS-B-1: 2000 m² quantity, 3000 m² paddy, 2475 kg; A can pay it as a transfer);
- JS-B-3 in B: like JS-B-1 (4000 m²): JS-B-1 and JS-B-3 fit B one at a time, not together.
"""

from __future__ import annotations

from shapely import box

X0, Y0 = 425_000.0, 3_830_000.0
A, B = "320722", "320723"

BCGD_FIELDS = (
    "XMBH:string",
    "XZQDM:string",
    "DLBM:string",
    "GDDB:string",
    "GDPDJB:string",
    "KCXS:double",
    "MJ:double",
)
BASE_FIELDS = ("DLBM:string", "GDDB:integer", "ZLDWDM:string")
PIECE_FIELDS = ("project_id:string", "DLBM:string", "GDDB:integer", "net_m2:double")


def b(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def memory_layer(fields, features, name="layer", crs="EPSG:4549"):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    uri = f"Polygon?crs={crs}&" + "&".join(f"field={f}" for f in fields)
    layer = QgsVectorLayer(uri, name, "memory")
    feats = []
    for geom, attrs in features:
        feat = QgsFeature(layer.fields())
        feat.setGeometry(QgsGeometry.fromWkt(geom.wkt))
        feat.setAttributes(list(attrs))
        feats.append(feat)
    layer.dataProvider().addFeatures(feats)
    return layer


def bcgd(rows=None):
    rows = rows or [
        (b(0, 0, 100, 100), ["BC-A-1", A, "0101", "4", "1", 0.1, None]),
        (b(200, 0, 300, 100), ["BC-A-1", A, "0101", "5", "1", 0.0, None]),
        (b(400, 0, 500, 100), ["BC-A-1", A, "0101", "5", "1", 0.0, None]),
        (b(1000, 0, 1100, 50), ["BC-B-1", B, "0103", "6", "2", 0.0, None]),
    ]
    return memory_layer(BCGD_FIELDS, rows, "BCGD")


def dltb_jq():
    return memory_layer(
        BASE_FIELDS,
        [
            (b(0, 0, 100, 100), ["0404", None, A]),
            (b(200, 0, 300, 100), ["0103", 7, A]),
            (b(400, 0, 500, 100), ["0301", None, A]),
            (b(1000, 0, 1100, 100), ["1202", None, B]),
        ],
        "DLTB_JQ",
    )


def pieces():
    return memory_layer(
        PIECE_FIELDS,
        [
            (b(5000, 0, 5100, 40), ["JS-B-1", "0103", 6, 4000.0]),
            (b(5000, 100, 5100, 130), ["JS-B-2", "0101", 5, 3000.0]),
            (b(5000, 200, 5100, 240), ["JS-B-3", "0103", 6, 4000.0]),
        ],
        "FARMLAND_PIECES",
    )


EXPECTED = {  # county: (quantity m², paddy m², capacity kg) after the credits
    A: (9000.0, 19_000.0, 11_475.0 + 1500.0),
    B: (5000.0, 0.0, 5625.0),
}
