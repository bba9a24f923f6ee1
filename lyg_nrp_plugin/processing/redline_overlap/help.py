"""Help of the parameters and outputs of ``lyg_nrp:redline_overlap`` (translated)."""

from __future__ import annotations

from ...translate import tr
from ..pushdown import EXECUTION, execution_help


def project_help(alg) -> dict[str, str]:
    return {
        alg.INPUT: tr("Proposed project polygons (any CRS), e.g. the JSXM layer."),
        alg.ID_FIELD: tr(
            "Field that identifies a project (default XMBH; the feature id when the layer "
            "has no such field)."
        ),
        alg.NAME_FIELD: tr(
            "Project name (default XMMC), carried into the outputs, the report and the "
            "check-results dock."
        ),
        alg.PROJECT_CLASS_FIELD: tr(
            "Project class (default XMFL): 一般建设项目, 线性基础设施, 国家重大项目, 省级重大项目, "
            "有限人为活动 or 军事国防 (or their codes), or an ordinary project-type value that "
            "the class table maps. An empty or unrecognised value is reviewed as 一般建设项目 "
            "and the reasons say so."
        ),
        alg.CLASS_TABLE: tr(
            "Class table (CSV: pattern, class, basis) that maps other values of the class "
            "field to a class; default: the plugin's resources/rules/project_classes.csv."
        ),
        alg.SEA_USE_FIELD: tr(
            "Sea-use type of sea projects (用海方式, default YHFS); a value containing 填海 or "
            "围海 is reclamation, which a restriction zone of the marine red line refuses. An "
            "empty value is read as reclamation."
        ),
    }


def control_help(alg) -> dict[str, str]:
    return {
        alg.ECO_REDLINE: tr("Ecological protection red line polygons (STBHHX)."),
        alg.ECO_SPACE: tr(
            "Jiangsu's ecological space control areas (生态空间管控区域, STKJGKQY): a "
            "restriction, not a prohibition."
        ),
        alg.FARMLAND: tr("Permanent basic farmland polygons (YJJBNTBHTB)."),
        alg.FARMLAND_GRADE_FIELD: tr(
            "Quality grade of the permanent basic farmland (default GDDB), for the "
            "quality comparison with the reserve."
        ),
        alg.FARMLAND_RESERVE: tr(
            "Permanent basic farmland reserve (永久基本农田储备区, JBNTCBQ): the report says "
            "whether it can take the supplementary designation of the projects allowed to "
            "occupy permanent basic farmland."
        ),
        alg.RESERVE_GRADE_FIELD: tr("Quality grade of the reserve (default GDDB)."),
        alg.DEV_BOUNDARY: tr(
            "Urban development boundary polygons; the conflict is the part of a project "
            "outside them."
        ),
        alg.LAND_BOUNDARY: tr(
            "Land area (e.g. the XZQ districts): given, only the part of a project on land "
            "counts as outside the urban development boundary (a sea project is not)."
        ),
        alg.PROTECTED_AREAS: tr("Protected area polygons (nature reserves, parks …), ZRBHD."),
        alg.PA_ZONE_FIELD: tr(
            "Zone field of the protected areas (default GNFQ): 核心保护区 / 核心区 / 缓冲区 are "
            "core, 一般控制区 / 实验区 general; any other value, or no zone field, counts as "
            "core and the reasons say so."
        ),
        alg.MARINE_REDLINE: tr("Marine ecological red line polygons (HYSTHX)."),
        alg.MARINE_ZONE_FIELD: tr(
            "Zone of the marine red line (default GKFL): 禁止类 or 限制类. Without it, or for "
            "another value, a zone counts as 禁止类."
        ),
        alg.COASTLINE: tr(
            "Coastline lines (HAX); the length of natural coastline inside a project is measured."
        ),
        alg.COAST_TYPE_FIELD: tr(
            "Field of the coastline type (default AXLX; every line counts when the layer has "
            "no such field)."
        ),
        alg.COAST_TYPE_VALUE: tr("Value of the coastline type field that marks natural coastline."),
        alg.COAST_CLASS_FIELD: tr(
            "Coastline class (default GKFL): 严格保护 (FAIL), 限制开发 (REVIEW), 优化利用 "
            "(informational). An unknown class counts as 严格保护; without the field natural "
            "coastline needs a review."
        ),
        alg.MINERAL: tr("Important mineral resources that a project would overlie (YFKC)."),
        alg.GEOHAZARD: tr("High and medium geohazard susceptibility zones (DZZHYFQ)."),
        alg.HERITAGE: tr("Historic and cultural protection lines / purple lines (LSWHBHX)."),
        alg.PUBLIC_FOREST: tr("Ecological public-welfare forest (STGYL)."),
    }


def setting_help(alg) -> dict[str, str]:
    return {
        alg.AREA_METHOD: tr(
            "Planar areas in the analysis CRS, or ellipsoidal areas on the "
            "CGCS2000 ellipsoid (as official survey areas are)."
        ),
        alg.ANALYSIS_CRS: tr("Projected CRS in which the overlay is computed."),
        EXECUTION: execution_help(),
        alg.MIN_AREA: tr(
            "Overlaps smaller than this (m²) are slivers: reported, but not a conflict."
        ),
        alg.RULES_FILE: tr(
            "Rule matrix (CSV: control × project class → level, wording, basis); the controls "
            "it names replace the plugin's rows, the others keep them. Default: the plugin's "
            "resources/rules/redline_rules.csv."
        ),
        alg.OUTPUT: tr("One feature per project with the overlap areas, verdict and reasons."),
        alg.CONFLICTS: tr("One feature per project and control with the overlap geometry."),
        alg.REPORT: tr("HTML review report with tables and a map."),
        alg.REPORT_PDF: tr(
            "Printable 审查意见书 (PDF): a cover with the summary, then one page per project "
            "with its map, the occupied areas in 公顷 and 亩, the verdict, the reasons with their "
            "basis and an empty block for 审查单位 / 审查人 / 审查意见 / 日期."
        ),
        alg.N_PROJECTS: tr("Number of projects checked."),
        alg.N_FAIL: tr("Number of projects that fail."),
        alg.N_REVIEW: tr("Number of projects that need a review."),
        alg.N_PASS: tr("Number of projects that pass."),
        alg.RESERVE_SHORTFALL_M2: tr(
            "Permanent basic farmland (m²) to be supplemented that the reserve cannot take "
            "(0 when it can; only with a reserve layer)."
        ),
    }


def parameter_help(alg) -> dict[str, str]:
    """One line per parameter or output name of ``alg`` (a RedlineOverlapAlgorithm)."""
    return {**project_help(alg), **control_help(alg), **setting_help(alg)}
