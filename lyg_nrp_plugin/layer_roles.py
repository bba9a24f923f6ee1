"""Which layer of a project plays which role, by the names planners' data uses.

One matcher for the whole plugin: the indicator dashboard's settings dialog and every
algorithm dialog pre-select the same layer for the same role (the sample's XZQ, DLTB, STBHHX,
YJJBNTBHTB … and their Chinese names), and field parameters default to the field names of the
national databases (XMBH, XMMC, DLBM, KCXS, GDDB, GNFQ, AXLX …).

Only ``qgis.core``: importable from ``processing`` and ``gui`` alike. In ``qgis_process`` and
plain scripts no project layers are guessed (:func:`desktop_default` gives None there), so a
headless call never picks up a layer it was not given.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes

POLYGON = QgsWkbTypes.PolygonGeometry
LINE = QgsWkbTypes.LineGeometry
ANY = None


@dataclass(frozen=True)
class Role:
    key: str
    names: tuple[str, ...]  # layer names (or name fragments) that match, best first
    geometry: int | None = POLYGON


ROLES = {
    role.key: role
    for role in (
        Role("projects", ("JSXM", "建设项目", "拟建项目")),
        Role("landuse", ("DLTB", "地类图斑")),
        Role("base_landuse", ("DLTB_JQ", "基期地类图斑", "基期")),
        Role("boundary", ("XZQ", "行政区")),
        Role("sea_area", ("HYGNQ", "管辖海域", "海域")),
        Role("eco_redline", ("STBHHX", "生态保护红线")),
        Role("eco_space", ("STKJGKQY", "生态空间管控区域")),
        Role("farmland", ("YJJBNTBHTB", "YJJBNT", "永久基本农田")),
        Role("farmland_reserve", ("JBNTCBQ", "永久基本农田储备区", "储备区")),
        Role("dev_boundary", ("CZKFBJ", "城镇开发边界")),
        Role("protected_areas", ("ZRBHD", "自然保护地")),
        Role("marine_redline", ("HYSTHX", "海洋生态红线")),
        Role("coastline", ("HAX", "海岸线"), LINE),
        Role("coastal_wetland", ("HASD", "近海与海岸湿地")),
        Role("mariculture", ("HSZYQ", "ZYQ", "增养殖")),
        Role("mines", ("KS", "CK", "矿山"), ANY),
        Role("supplement", ("BCGD", "补充耕地")),
        Role("rivers", ("SX", "河流", "水系"), LINE),
        Role("green_vein", ("YTS", "云台山")),
        Role("mineral", ("YFKC", "压覆矿产", "重要矿产")),
        Role("geohazard", ("DZZHYFQ", "地质灾害")),
        Role("heritage", ("LSWHBHX", "历史文化", "紫线")),
        Role("public_forest", ("STGYL", "生态公益林", "公益林")),
    )
}

# field parameter -> names used by the national databases and the sample, best first
FIELD_NAMES = {
    "project_id": ("XMBH", "XMDM", "BSM"),
    "project_name": ("XMMC", "MC", "NAME"),
    "project_class": ("XMFL", "XMLB"),
    "project_type": ("XMLX",),
    "sea_use": ("YHFS", "YHLX"),
    "dlbm": ("DLBM",),
    "kcxs": ("KCXS",),
    "grade": ("GDDB", "ZLDJ"),
    "slope": ("GDPDJB", "PDJB"),
    "pa_zone": ("GNFQ",),
    "pa_type": ("ZRBHDLX", "LX"),
    "coast_type": ("AXLX",),
    "coast_class": ("GKFL", "AXGK"),
    "marine_zone": ("GKFL", "HXGK"),
    "river_name": ("HLMC", "MC"),
    "county": ("XZQDM", "ZLDWDM"),
    "farmland_area": ("YJJBNTMJ",),
    "area": ("TBDLMJ", "MJ"),
}


def _matches(layer: QgsVectorLayer, name: str, exact: bool) -> bool:
    layer_name = layer.name().upper()
    name = name.upper()
    if exact:
        return layer_name == name or layer_name.split(" ")[0] == name
    if len(name) < 3 and name.isascii():
        return False  # "KS" inside "PARKS" is no match
    return name in layer_name


def guess_layer(project: QgsProject | None, role: str) -> QgsVectorLayer | None:
    """The first vector layer whose name is (or else contains) one of the role's names, of
    the role's geometry type."""
    spec = ROLES[role]
    project = project or QgsProject.instance()
    layers = [lyr for lyr in project.mapLayers().values() if isinstance(lyr, QgsVectorLayer)]
    if spec.geometry is not None:
        layers = [lyr for lyr in layers if lyr.geometryType() == spec.geometry]
    for exact in (True, False):
        for name in spec.names:
            for layer in layers:
                if _matches(layer, name, exact):
                    return layer
    return None


def in_desktop() -> bool:
    try:
        from qgis.utils import iface
    except ImportError:
        return False
    return iface is not None


def desktop_default(role: str) -> str | None:
    """Default of a layer parameter: the id of the matching layer of the current project, in
    QGIS Desktop only (None in qgis_process and scripts)."""
    if not in_desktop():
        return None
    layer = guess_layer(QgsProject.instance(), role)
    return layer.id() if layer is not None else None


def field_default(kind: str) -> str:
    """The usual field name for a field parameter of this kind (its first convention)."""
    return FIELD_NAMES[kind][0]
