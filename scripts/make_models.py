#!/usr/bin/env python3
"""Write the bundled Processing models to ``resources/models/*.model3`` with PyQGIS.

The models are built in code (reviewable, reproducible) rather than drawn by hand; open them in
the Graphical Modeler to see or change them. The ``lyg_nrp`` provider lists them in the toolbox.

    python scripts/make_models.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QPointF  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "resources" / "models"
POLYGON = [QgsProcessing.TypeVectorPolygon]
LINE = [QgsProcessing.TypeVectorLine]
ANY = [QgsProcessing.TypeVector]


class ModelBuilder:
    """Small helpers over the QgsProcessingModel* API (QGIS 3.22+).

    Inputs are laid out in one column in the order they are added (which is also the order of
    the dialog: ``setParameterOrder``), steps in a second column, each step's outputs beside it
    one under the other, so that nothing overlaps in the Graphical Modeler.
    """

    def __init__(self, name: str, group: str, help_text: dict[str, str]):
        self.model = QgsProcessingModelAlgorithm(name, group)
        self.model.setHelpContent(help_text)
        self._order: list[str] = []

    def layer(self, name: str, description: str, types=POLYGON, optional: bool = False) -> str:
        definition = QgsProcessingParameterFeatureSource(
            name, description, types, optional=optional
        )
        return self._add(definition)

    def field(
        self, name: str, description: str, parent: str, default: str, optional: bool = True
    ) -> str:
        definition = QgsProcessingParameterField(
            name, description, default, parent, optional=optional
        )
        return self._add(definition)

    def number(self, name: str, description: str, default: float, minimum: float = 0) -> str:
        definition = QgsProcessingParameterNumber(
            name, description, QgsProcessingParameterNumber.Double, default, minValue=minimum
        )
        return self._add(definition)

    def boolean(self, name: str, description: str, default: bool) -> str:
        return self._add(QgsProcessingParameterBoolean(name, description, default))

    def enum(self, name: str, description: str, options: list[str], default: int) -> str:
        return self._add(
            QgsProcessingParameterEnum(name, description, options, defaultValue=default)
        )

    def file(self, name: str, description: str, file_filter: str, optional: bool = True) -> str:
        return self._add(
            QgsProcessingParameterFile(name, description, optional=optional, fileFilter=file_filter)
        )

    def _add(self, definition) -> str:
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(120.0, 60.0 + 55.0 * len(self._order)))
        self.model.addModelParameter(definition, component)
        self._order.append(definition.name())
        return definition.name()

    def step(
        self,
        child_id: str,
        algorithm: str,
        description: str,
        y: float,
        inputs: dict[str, object],
        outputs: dict[str, tuple[str, str]],
    ) -> str:
        """Add a child algorithm. ``inputs`` values: ``param:NAME`` (a model parameter),
        ``child:ID:OUTPUT`` (another step's output) or a static value; every other parameter
        that is not optional gets its default, so that the model validates. ``outputs`` maps a
        child output to (model output name, Chinese description): qgis_process takes
        ``--<child id>:<model output name>=...``; Desktop loads the layer under the description
        (``processing.models.BundledModel``)."""
        child = QgsProcessingModelChildAlgorithm(algorithm)
        child.setChildId(child_id)
        child.setDescription(description)
        child.setPosition(QPointF(480.0, y))
        definitions = QgsApplication.processingRegistry().algorithmById(algorithm)
        values = dict(inputs)
        for definition in definitions.parameterDefinitions():
            optional = definition.flags() & definition.FlagOptional
            if definition.isDestination() or optional or definition.name() in values:
                continue
            if definition.defaultValue() is not None:
                values[definition.name()] = definition.defaultValue()
        for name, value in values.items():
            if isinstance(value, str) and value.startswith("param:"):
                source = QgsProcessingModelChildParameterSource.fromModelParameter(value[6:])
            elif isinstance(value, str) and value.startswith("child:"):
                _, other, output = value.split(":")
                source = QgsProcessingModelChildParameterSource.fromChildOutput(other, output)
            else:
                source = QgsProcessingModelChildParameterSource.fromStaticValue(value)
            child.addParameterSources(name, [source])
        model_outputs = {}
        for k, (output_name, (model_name, description_text)) in enumerate(outputs.items()):
            output = QgsProcessingModelOutput(model_name, description_text)
            output.setChildId(child_id)
            output.setChildOutputName(output_name)
            output.setDefaultValue("TEMPORARY_OUTPUT")  # qgis_process runs need no value
            output.setPosition(QPointF(820.0, y - 60.0 + 45.0 * k))
            model_outputs[model_name] = output
        child.setModelOutputs(model_outputs)
        self.model.addChildAlgorithm(child)
        return child_id

    def save(self, file_name: str) -> Path:
        path = MODELS / file_name
        MODELS.mkdir(parents=True, exist_ok=True)
        self.model.setParameterOrder(self._order)  # the dialog lists inputs in workflow order
        ok, errors = self.model.validate()
        if not ok:
            sys.exit(f"{file_name} does not validate: {errors}")
        if not self.model.toFile(str(path)):
            sys.exit(f"could not write {path}")
        return path


def project_review() -> ModelBuilder:
    b = ModelBuilder(
        "建设项目合规审查",
        "连云港自然资源规划",
        {
            "ALG_DESC": (
                "建设项目合规审查（用地预审）：红线冲突检测 → 占用地类分析 → 耕地占补平衡核验，"
                "每一步输出一份报告。Project compliance review: red-line conflicts, land-use "
                "occupation by 三调 class, then the farmland balance of the occupied farmland "
                "against the supplementary plots."
            ),
            "ALG_CREATOR": "lyg_nrp_plugin",
            "projects": "建设项目用地范围（面）/ proposed project polygons (e.g. JSXM)",
            "id_field": "项目编号字段 / project id field (XMBH)",
            "eco_redline": "生态保护红线 / ecological protection red line (STBHHX)",
            "farmland": "永久基本农田 / permanent basic farmland (YJJBNTBHTB)",
            "dev_boundary": "城镇开发边界 / urban development boundary (CZKFBJ)",
            "protected_areas": "自然保护地 / protected areas (ZRBHD)",
            "pa_zone_field": "功能分区字段 / zone field (GNFQ; 核心保护区 = core)",
            "marine_redline": "海洋生态红线 / marine ecological red line (HYSTHX)",
            "coastline": "海岸线 / coastline (HAX)",
            "coast_type_field": "岸线类型字段 / coastline type field (AXLX = 自然岸线)",
            "landuse": "三调地类图斑 / land-use parcels (DLTB)",
            "supplement": "补充耕地 / supplementary farmland plots (BCGD)",
            "name_field": "项目名称字段 / project name field (XMMC)",
            "class_field": "项目类别字段 / project class field (XMFL)",
            "sea_use_field": "用海方式字段 / sea-use field (YHFS)",
            "eco_space": "生态空间管控区域 / Jiangsu ecological space control areas (STKJGKQY)",
            "farmland_reserve": "永久基本农田储备区 / farmland reserve (JBNTCBQ)",
            "land_boundary": "陆域范围 / land boundary (XZQ)",
            "marine_zone_field": "海洋红线管控类别字段 / marine red line class field (GKFL)",
            "coast_class_field": "岸线管控分类字段 / coastline control class field (GKFL)",
            "mineral": "压覆重要矿产 / important mineral resources (YFKC)",
            "geohazard": "地质灾害易发区 / geohazard-prone areas (DZZHYFQ)",
            "heritage": "历史文化保护线 / heritage protection lines (LSWHBHX)",
            "public_forest": "生态公益林 / public-welfare forest (STGYL)",
            "base_landuse": "基期三调地类图斑 / base-year land use for newness (DLTB_JQ)",
        },
    )
    b.layer("projects", "建设项目 Projects")
    b.field("id_field", "项目编号字段 Project id field", "projects", "XMBH")
    b.field("name_field", "项目名称字段 Project name field", "projects", "XMMC")
    b.field("class_field", "项目类别字段 Project class field", "projects", "XMFL")
    b.field("sea_use_field", "用海方式字段 Sea-use field", "projects", "YHFS")
    b.layer("eco_redline", "生态保护红线 Ecological red line", optional=True)
    b.layer("eco_space", "生态空间管控区域 Ecological space control areas", optional=True)
    b.layer("farmland", "永久基本农田 Permanent basic farmland", optional=True)
    b.layer("farmland_reserve", "永久基本农田储备区 Farmland reserve", optional=True)
    b.layer("dev_boundary", "城镇开发边界 Urban development boundary", optional=True)
    b.layer("land_boundary", "陆域范围 Land boundary", optional=True)
    b.layer("protected_areas", "自然保护地 Protected areas", optional=True)
    b.field("pa_zone_field", "功能分区字段 Zone field", "protected_areas", "GNFQ")
    b.layer("marine_redline", "海洋生态红线 Marine red line", optional=True)
    b.field("marine_zone_field", "海洋红线管控类别字段 Class field", "marine_redline", "GKFL")
    b.layer("coastline", "海岸线 Coastline", LINE, optional=True)
    b.field("coast_type_field", "岸线类型字段 Coastline type field", "coastline", "AXLX")
    b.field("coast_class_field", "岸线管控分类字段 Control class field", "coastline", "GKFL")
    b.layer("mineral", "压覆重要矿产 Important mineral resources", optional=True)
    b.layer("geohazard", "地质灾害易发区 Geohazard-prone areas", optional=True)
    b.layer("heritage", "历史文化保护线 Heritage protection lines", optional=True)
    b.layer("public_forest", "生态公益林 Public-welfare forest", optional=True)
    b.layer("landuse", "三调地类图斑 Land-use parcels (DLTB)")
    b.layer("supplement", "补充耕地 Supplementary farmland")
    b.layer("base_landuse", "基期三调地类图斑 Base-year land use (DLTB_JQ)", optional=True)
    b.step(
        "redline",
        "lyg_nrp:redline_overlap",
        "红线冲突检测",
        200,
        {
            "INPUT": "param:projects",
            "ID_FIELD": "param:id_field",
            "NAME_FIELD": "param:name_field",
            "PROJECT_CLASS_FIELD": "param:class_field",
            "SEA_USE_FIELD": "param:sea_use_field",
            "ECO_REDLINE": "param:eco_redline",
            "ECO_SPACE": "param:eco_space",
            "FARMLAND": "param:farmland",
            "FARMLAND_RESERVE": "param:farmland_reserve",
            "DEV_BOUNDARY": "param:dev_boundary",
            "LAND_BOUNDARY": "param:land_boundary",
            "PROTECTED_AREAS": "param:protected_areas",
            "PA_ZONE_FIELD": "param:pa_zone_field",
            "MARINE_REDLINE": "param:marine_redline",
            "MARINE_ZONE_FIELD": "param:marine_zone_field",
            "COASTLINE": "param:coastline",
            "COAST_TYPE_FIELD": "param:coast_type_field",
            "COAST_TYPE_VALUE": "自然岸线",
            "COAST_CLASS_FIELD": "param:coast_class_field",
            "MINERAL": "param:mineral",
            "GEOHAZARD": "param:geohazard",
            "HERITAGE": "param:heritage",
            "PUBLIC_FOREST": "param:public_forest",
            "AREA_METHOD": 0,
            "MIN_AREA": 1.0,
        },
        {
            "OUTPUT": ("redline_result", "红线冲突检测结果"),
            "CONFLICTS": ("conflicts", "冲突图斑"),
            "REPORT": ("redline_report", "红线冲突审查报告"),
            "REPORT_PDF": ("redline_pdf", "红线冲突审查意见书（PDF）"),
        },
    )
    b.step(
        "occupation",
        "lyg_nrp:landuse_occupation",
        "占用地类分析",
        400,
        {
            "INPUT": "param:projects",
            "ID_FIELD": "param:id_field",
            "NAME_FIELD": "param:name_field",
            "LANDUSE": "param:landuse",
            "FARMLAND": "param:farmland",
            "DLBM_FIELD": "DLBM",
            "KCXS_FIELD": "KCXS",
            "GRADE_FIELD": "GDDB",
            "SLOPE_FIELD": "GDPDJB",
            "AREA_METHOD": 0,
        },
        {
            "OUTPUT": ("occupation_detail", "占用地类明细"),
            "SUMMARY": ("occupation_summary", "占用地类汇总"),
            "FARMLAND_PIECES": ("farmland_pieces", "占用耕地图斑"),
            "REPORT": ("occupation_report", "占用地类分析报告"),
            "REPORT_PDF": ("occupation_pdf", "占用地类审查意见书（PDF）"),
        },
    )
    b.step(
        "balance",
        "lyg_nrp:farmland_balance",
        "耕地占补平衡核验",
        600,
        {
            "OCCUPIED": "child:occupation:FARMLAND_PIECES",
            "SUPPLEMENT": "param:supplement",
            "BASE_LANDUSE": "param:base_landuse",
            "ECO_REDLINE": "param:eco_redline",
            "PROTECTED_AREAS": "param:protected_areas",
            "MAX_SLOPE_LEVEL": 4,
            "AREA_METHOD": 0,
        },
        {
            "BALANCE": ("balance_sheet", "占补平衡表"),
            "FLAGGED": ("flagged_plots", "问题补充耕地"),
            "REPORT": ("balance_report", "耕地占补平衡报告"),
            "REPORT_PDF": ("balance_pdf", "耕地占补平衡审查意见书（PDF）"),
        },
    )
    return b


def corridor_review() -> ModelBuilder:
    b = ModelBuilder(
        "生态廊道评估",
        "连云港自然资源规划",
        {
            "ALG_DESC": (
                "生态廊道评估：构建一带一脉七廊 → 廊道管控评估，并构建源地-廊道-节点生态网络。"
                "Corridor assessment: build the coastal belt, the Yuntai green vein and the seven "
                "river corridors, assess each one, and build the ecological network."
            ),
            "ALG_CREATOR": "lyg_nrp_plugin",
            "rivers": "河流 / rivers (SX)",
            "name_field": "河流名称字段 / river name field (HLMC)",
            "project_id_field": "项目编号字段 / project id field (XMBH)",
            "coastline": "海岸线 / coastline (HAX)",
            "green_vein": "云台山系生态绿脉 / green vein (YTS)",
            "boundary": "陆域范围 / land boundary (XZQ)",
            "landuse": "三调地类图斑 / land-use parcels (DLTB)",
            "projects": "建设项目 / proposed projects (JSXM)",
            "cell_size": "生态网络栅格大小（米）/ network cell size (m); 0 = the smallest "
            "round size that keeps the grid within 1 M cells",
            "resistance_preset": "阻力表 / resistance table: "
            "0 陆域生态网络, 1 水域/水鸟生态网络 (规划图3)",
        },
    )
    b.layer("rivers", "河流 Rivers", LINE)
    b.field("name_field", "河流名称字段 River name field", "rivers", "HLMC")
    b.layer("coastline", "海岸线 Coastline", LINE, optional=True)
    b.layer("green_vein", "生态绿脉 Green vein", optional=True)
    b.layer("boundary", "陆域范围 Land boundary", optional=True)
    b.layer("landuse", "三调地类图斑 Land-use parcels (DLTB)")
    b.layer("projects", "建设项目 Projects", optional=True)
    b.field("project_id_field", "项目编号字段 Project id field", "projects", "XMBH")
    b.number(
        "cell_size", "生态网络栅格大小（米，0 = 自动）Network cell size (m, 0 = auto)", 0.0, 0.0
    )
    b.enum(
        "resistance_preset",
        "阻力表 Resistance table",
        ["陆域生态网络 Land network", "水域/水鸟生态网络 Water / waterbird network (图3)"],
        0,
    )
    b.step(
        "build",
        "lyg_nrp:build_corridors",
        "构建一带一脉七廊",
        200,
        {
            "RIVERS": "param:rivers",
            "NAME_FIELD": "param:name_field",
            "COASTLINE": "param:coastline",
            "GREEN_VEIN": "param:green_vein",
            "BOUNDARY": "param:boundary",
            "HALF_WIDTH": 200.0,
            "COAST_WIDTH": 1000.0,
        },
        {"OUTPUT": ("corridors", "生态廊道"), "AXES": ("axes", "廊道中心线")},
    )
    b.step(
        "assess",
        "lyg_nrp:corridor_assessment",
        "廊道管控评估",
        400,
        {
            "CORRIDORS": "child:build:OUTPUT",
            "AXES": "child:build:AXES",
            "LANDUSE": "param:landuse",
            "DLBM_FIELD": "DLBM",
            "PROJECTS": "param:projects",
            "PROJECT_ID_FIELD": "param:project_id_field",
            "TRANSECT_SPACING": 100.0,
            "MIN_ECO_WIDTH": 30.0,
            "BREAK_BUILT_SHARE": 0.5,
        },
        {
            "OUTPUT": ("assessment", "廊道评估结果"),
            "BREAKS": ("breaks", "廊道断点"),
            "REPORT": ("corridor_report", "廊道管控评估报告"),
        },
    )
    b.step(
        "network",
        "lyg_nrp:ecological_network",
        "源地-廊道-节点生态网络",
        600,
        {
            "LANDUSE": "param:landuse",
            "DLBM_FIELD": "DLBM",
            "CELL_SIZE": "param:cell_size",
            "RESISTANCE_PRESET": "param:resistance_preset",
            "BOUNDARY": "param:boundary",
        },
        {
            "SOURCES_OUT": ("sources", "生态源地"),
            "LINKS": ("links", "生态廊道连接"),
            "CORRIDORS": ("network_corridors", "网络廊道"),
            "NODES": ("nodes", "生态节点"),
            "REPORT": ("network_report", "生态网络报告"),
        },
    )
    return b


def indicator_review() -> ModelBuilder:
    b = ModelBuilder(
        "规划指标年度评估",
        "连云港自然资源规划",
        {
            "ALG_DESC": (
                "规划指标年度评估：按规划表2计算各项指标并与2025年目标比较。Annual indicator "
                "assessment against the plan's Table 2 targets."
            ),
            "ALG_CREATOR": "lyg_nrp_plugin",
            "landuse": "三调地类图斑 / land-use parcels (DLTB)",
            "boundary": "陆域范围 / land boundary (XZQ)",
            "sea_area": "管辖海域 / sea area under jurisdiction (HYGNQ)",
            "eco_redline": "生态保护红线 / ecological protection red line (STBHHX)",
            "farmland": "永久基本农田 / permanent basic farmland (YJJBNTBHTB)",
            "protected_areas": "自然保护地 / protected areas (ZRBHD, type field ZRBHDLX)",
            "marine_redline": "海洋生态红线 / marine ecological red line (HYSTHX)",
            "coastline": "海岸线 / coastline (HAX, fields AXLX, AXLB)",
            "eco_space": "生态空间管控区域 / ecological space control areas (STKJGKQY)",
            "coastal_wetland": "近海与海岸湿地 / coastal wetland at sea (HASD)",
            "occupation": "当年项目占用地类汇总 / the year's occupation summary (SUMMARY of "
            "landuse_occupation) for 林地年征占用",
            "targets": "目标与填报值文件 / targets and manual values (JSON/CSV)",
            "wetland_definition": "湿地口径 / wetland definition: "
            "0 三调湿地地类, 1 湿地资源调查口径",
        },
    )
    names = {
        "landuse": ("三调地类图斑 Land-use parcels (DLTB)", False),
        "boundary": ("陆域范围 Land boundary (XZQ)", True),
        "sea_area": ("管辖海域 Sea area (HYGNQ)", True),
        "eco_redline": ("生态保护红线 Ecological red line (STBHHX)", True),
        "eco_space": ("生态空间管控区域 Ecological space control areas (STKJGKQY)", True),
        "farmland": ("永久基本农田 Permanent basic farmland (YJJBNTBHTB)", True),
        "protected_areas": ("自然保护地 Protected areas (ZRBHD)", True),
        "marine_redline": ("海洋生态红线 Marine red line (HYSTHX)", True),
    }
    for name, (description, optional) in names.items():
        b.layer(name, description, optional=optional)
    b.layer("coastline", "海岸线 Coastline (HAX)", LINE, optional=True)
    b.layer("coastal_wetland", "近海与海岸湿地 Coastal wetland (HASD)", optional=True)
    b.layer("occupation", "当年项目占用汇总 Occupation summary", ANY, optional=True)
    b.file("targets", "目标与填报值文件 Targets and manual values", "目标文件 (*.json *.csv)")
    b.enum(
        "wetland_definition",
        "湿地口径 Wetland definition",
        ["三调湿地地类 3rd land survey wetland class", "湿地资源调查口径 The plan's definition"],
        0,
    )
    b.step(
        "indicators",
        "lyg_nrp:indicator_assessment",
        "规划指标评估",
        200,
        {
            "LANDUSE": "param:landuse",
            "BOUNDARY": "param:boundary",
            "SEA_AREA": "param:sea_area",
            "ECO_REDLINE": "param:eco_redline",
            "FARMLAND": "param:farmland",
            "PROTECTED_AREAS": "param:protected_areas",
            "MARINE_REDLINE": "param:marine_redline",
            "COASTLINE": "param:coastline",
            "ECO_SPACE": "param:eco_space",
            "COASTAL_WETLAND": "param:coastal_wetland",
            "OCCUPATION": "param:occupation",
            "TARGETS": "param:targets",
            "WETLAND_DEFINITION": "param:wetland_definition",
        },
        {
            "OUTPUT": ("indicators", "规划指标评估表"),
            "JSON": ("indicators_json", "指标JSON"),
            "REPORT": ("indicator_report", "规划指标评估报告"),
        },
    )
    return b


MODEL_FILES = {
    "project_review.model3": project_review,
    "corridor_review.model3": corridor_review,
    "indicator_review.model3": indicator_review,
}


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, str(ROOT))
    import lyg_nrp_plugin  # child algorithms must resolve, so the model knows their outputs

    plugin = lyg_nrp_plugin.classFactory(None)
    plugin.initProcessing()
    for file_name, build in MODEL_FILES.items():
        print(f"wrote {build().save(file_name).relative_to(ROOT)}")
    plugin.unload()
    app.exitQgis()


if __name__ == "__main__":
    main()
