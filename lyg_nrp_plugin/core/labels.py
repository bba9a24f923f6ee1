"""Verdict, status and grade codes with their Chinese labels and colours — one home for all.

Reports (``processing.report``), docks (``gui``) and exports read them from here, so that a
verdict is called and coloured the same everywhere. Translated English labels are the
callers' business (``tr()`` lives outside ``core``).
"""

from __future__ import annotations

# --- verdicts of the review algorithms (redline_overlap, farmland_balance …) ------------------
PASS = "PASS"
REVIEW = "REVIEW"
FAIL = "FAIL"
VERDICT_ZH = {PASS: "合规", REVIEW: "需论证", FAIL: "不合规"}
VERDICT_ORDER = (FAIL, REVIEW, PASS)  # strictest first: how result lists are sorted
VERDICT_RANK = {FAIL: 2, REVIEW: 1, PASS: 0}  # strictness, for "the strictest level wins"

# --- indicator statuses -----------------------------------------------------------------------
STATUS_MET = "MET"
STATUS_NOT_MET = "NOT_MET"
STATUS_NO_TARGET = "NO_TARGET"
STATUS_NO_DATA = "NO_DATA"
# measured under another definition (口径) than the plan's figure: computed from 三调 classes
# while the plan uses a wider one (forestry survey, wetland resource survey). Never counted as
# met or not met; shown apart.
STATUS_NOT_COMPARABLE = "NOT_COMPARABLE"
STATUS_ZH = {
    STATUS_MET: "达标",
    STATUS_NOT_MET: "未达标",
    STATUS_NO_TARGET: "无目标",
    STATUS_NO_DATA: "无数据",
    STATUS_NOT_COMPARABLE: "口径不同，仅供参考",
}

# --- corridor grades (resources/rules/corridor_grades.csv) -----------------------------------
GRADE_ORDER = ("优", "良", "中", "差")

# --- colours (background of a verdict / status / grade cell) ----------------------------------
COLOURS = {
    PASS: "#c8e6c9",
    REVIEW: "#ffe0b2",
    FAIL: "#ffcdd2",
    STATUS_MET: "#c8e6c9",
    STATUS_NOT_MET: "#ffcdd2",
    STATUS_NO_TARGET: "#eeeeee",
    STATUS_NO_DATA: "#ffffff",
    STATUS_NOT_COMPARABLE: "#e3f2fd",
    "优": "#c8e6c9",
    "良": "#dcedc8",
    "中": "#fff9c4",
    "差": "#ffcdd2",
}
NEUTRAL_COLOUR = "#eeeeee"


def colour_of(code: str | None) -> str | None:
    """Background colour of a verdict, status or grade code (``"FAIL 不合规"`` works too)."""
    if not code:
        return None
    key = str(code).split(" ")[0]
    return COLOURS.get(key.upper(), COLOURS.get(key))


def verdict_zh(code: str | None) -> str:
    return VERDICT_ZH.get(str(code or "").upper(), str(code or ""))


# --- comparators of the indicator catalogue ---------------------------------------------------
COMPARATOR_SYMBOL = {">=": "≥", "<=": "≤", "=": "="}


def comparator_symbol(comparator: str | None) -> str:
    return COMPARATOR_SYMBOL.get(comparator or "", "")


# --- indicator statuses in the order results are listed --------------------------------------
# rated statuses first, then the ones that say why there is no rating
STATUS_ORDER = (
    STATUS_NOT_MET,
    STATUS_MET,
    STATUS_NOT_COMPARABLE,
    STATUS_NO_TARGET,
    STATUS_NO_DATA,
)

# --- where an indicator value comes from ------------------------------------------------------
SOURCE_COMPUTED = "COMPUTED"  # measured from the layers under the plan's definition
SOURCE_APPROXIMATE = "APPROXIMATE"  # measured from the layers, an approximation of the plan's
SOURCE_MANUAL = "MANUAL"  # entered in a TARGETS file (forestry survey, ledgers)
SOURCE_EXAMPLE = "EXAMPLE"  # from an illustrative file (bundled example, not official data)
VALUE_SOURCE_ZH = {
    SOURCE_COMPUTED: "计算",
    SOURCE_APPROXIMATE: "近似",
    SOURCE_MANUAL: "填报",
    SOURCE_EXAMPLE: "示例",
}
