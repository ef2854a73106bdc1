"""Title, region and vision year of a plan, read from its own words.

Nothing here names a particular plan. The title is taken, in this order, from:
a title line at the top of the document ("…规划" / "…纲要" / "…方案"); the
sentence that announces the plan ("科学谋划X建设,特制定本规划" → "X建设规划");
the indicator table's caption ("X主要发展指标" → "X规划"); the file name.
The region is the place the title begins with, as printed ("赣州"), found in
the gazetteer or else by its suffix (市/县/区/州/省/旗).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from planwatch.documents.errors import PlanReadError
from planwatch.documents.gazetteer import Gazetteer
from planwatch.documents.normalize import chinese_year, ends_paragraph
from planwatch.documents.patterns import FIVE_YEAR_PLAN, YEAR, five_year_plan_end

_TITLE_ENDINGS = (
    "规划",
    "纲要",
    "方案",
    "计划",
    "报告",
    "规划(草案)",
    "规划（草案）",
    "纲要(草案)",
    "纲要（草案）",
    "计划(草案)",
    "纲要(摘录)",
    "纲要（摘录）",
)
# "关于印发《X》的通知": the plan is X.
_ISSUED = re.compile(r"关于印发\s*《(?P<title>[^》]{4,80})》")
_TITLE_YEAR = re.compile(rf"(?<!\d)({YEAR})(?!\d)\s*年(?:度)?")
_PERIOD = re.compile(rf"(?<!\d)({YEAR})\s*[—\-–~～至到]+\s*({YEAR})(?!\d)\s*年?")
_BY_YEAR = re.compile(rf"到\s*({YEAR})(?!\d)\s*年")
# "…科学谋划X建设,特制定本规划": the object of the verb before "制定/编制本规划".
_ANNOUNCED = re.compile(
    r"(?:谋划|推进|加快|促进|推动|做好|实施|指导|围绕)(?P<subject>[^，,。；;、]{4,40}?)[，,]\s*(?:特|现)?(?:制定|编制|编写)本规划"
)
_TABLE_CAPTION_TAIL = re.compile(
    rf"(?:[“\"”]?{FIVE_YEAR_PLAN}[”\"]?)?(?:经济社会)?(?:主要)?(?:发展)?(?:目标)?指标(?:表)?$"
)
_VISION = re.compile(
    rf"(?:展望|远景目标|远期展望)\s*(?:到|至)?\s*(?P<year>{YEAR}|[〇零一二三四五六七八九]{{4}})\s*年"
    rf"|(?P<year2>{YEAR}|[〇零一二三四五六七八九]{{4}})\s*年\s*远景目标"
)
# "…规划(2021—2025年)": a period printed after the title word.
_PERIOD_SUFFIX = re.compile(r"[(\uff08][^()\uff08\uff09]*\d{4}[^()\uff08\uff09]*[)\uff09]$")
_REGION_SUFFIX = re.compile(r"^(.{1,8}?(?:自治州|自治县|省|市|县|区|州|旗|盟))")


def find_title(preface_lines: list[str], full_text: str, table_title: str, source_name: str) -> str:
    for candidate in (
        _title_line(preface_lines),
        _announced_title(full_text),
        _caption_title(table_title),
    ):
        if candidate:
            return candidate
    return PurePath(source_name).stem if source_name else ""


def _title_line(lines: list[str]) -> str:
    """A title printed at the top: one of the first lines, ending in 规划/纲要/方案, not a sentence;
    or the document a notice issues (关于印发《X》的通知)."""
    for line in lines[:5]:
        if match := _ISSUED.search(line):
            return match.group("title")
    for line in lines[:5]:
        core = _PERIOD_SUFFIX.sub("", line).strip("《》")
        if core.endswith(_TITLE_ENDINGS) and not ends_paragraph(line) and len(line) <= 80:
            return line.strip("《》")
    return ""


def _announced_title(text: str) -> str:
    match = _ANNOUNCED.search(text)
    if match is None:
        return ""
    subject = match.group("subject").strip('“”"')
    return subject if subject.endswith(_TITLE_ENDINGS) else f"{subject}规划"


def _caption_title(caption: str) -> str:
    stem = _TABLE_CAPTION_TAIL.sub("", caption).strip()
    return f"{stem}规划" if stem and stem != caption else ""


def find_region(title: str, gazetteer: Gazetteer) -> str:
    """The region as the title names it: "赣州革命老区…" → "赣州", "青溪县国民经济…" → "青溪县"."""
    if name := gazetteer.leading_name(title):
        return name
    match = _REGION_SUFFIX.match(title)
    return match.group(1) if match else ""


def find_vision_year(text: str, target_year: int) -> int | None:
    """ "展望到2035年", "远期展望至2035年", "二〇三五年远景目标" → 2035; only a year after the target year."""
    for match in _VISION.finditer(text):
        year = chinese_year(match.group("year") or match.group("year2"))
        if year and year > target_year:
            return year
    return None


def plan_years(title: str, text: str) -> tuple[int, int]:
    """Base and target year of a plan without an indicator table, from its own words.

    "…(2021—2025年)" → (2020, 2025); "十四五", "第十四个五年" → (2020, 2025); "2023年…计划" → (2022, 2023), of two years in the title
    the later ("2025年计划执行情况与2026年计划草案" → (2025, 2026)); else the
    first "到2025年" in the text → (2024, 2025). A broken date (2022127) is not a year.
    """
    if match := _PERIOD.search(title):
        return int(match.group(1)) - 1, int(match.group(2))
    if year := five_year_plan_end(title):
        return year - 5, year
    if years := [int(y) for y in _TITLE_YEAR.findall(title)]:
        # "关于2025年计划执行情况与2026年计划草案的报告": the plan is for the latest year the title names.
        year = max(years)
        return year - 1, year
    if match := _BY_YEAR.search(text):
        year = int(match.group(1))
        return year - 1, year
    raise PlanReadError("无法确定规划的目标年：标题和正文都没有写明年份（如「2023年」「到2025年」）")
