from __future__ import annotations

import re
from pathlib import Path

import pytest

from planwatch.collection import settings
from planwatch.collection.problems import ImportProblem, Severity, column_letter, file_problem

COLLECTION = Path(settings.__file__).parent


def test_problem_text_puts_row_and_column_before_the_reason():
    problem = ImportProblem("填报", 5, "D", "数值「12,3」不是有效数字")
    assert str(problem) == "第5行 D列:数值「12,3」不是有效数字"
    assert problem.severity is Severity.ERROR


def test_problem_without_row_names_the_sheet_or_nothing():
    assert ImportProblem("Sheet2", None, "", "多出工作表").text == "工作表「Sheet2」:多出工作表"
    assert file_problem("文件是空的").text == "文件是空的"


def test_problem_as_dict_is_json_ready():
    data = ImportProblem("", 3, "", "x", Severity.WARNING, "yoy_change").to_dict()
    assert data == {"sheet": "", "row": 3, "column": "", "message": "x", "severity": "warning",
                    "rule": "yoy_change", "text": "第3行:x"}


@pytest.mark.parametrize(("index", "letter"), [(1, "A"), (4, "D"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA")])
def test_column_letters_follow_excel(index, letter):
    assert column_letter(index) == letter


def test_every_setting_has_documentation_and_a_default():
    for item in settings.SETTINGS.values():
        assert len(item.doc.strip()) >= 20, f"{item.name} lacks documentation"
        assert item.default is not None


def test_every_setting_used_in_the_code_is_registered():
    used = set()
    for path in COLLECTION.glob("*.py"):
        used |= set(re.findall(r"""setting\(["']([A-Z_]+)["']\)""", path.read_text(encoding="utf-8")))
    assert used, "the scan found no setting() calls: the pattern is stale"
    assert used <= set(settings.SETTINGS), f"undocumented settings: {used - set(settings.SETTINGS)}"


def test_configure_overrides_and_reset_restores():
    try:
        settings.configure(YOY_THRESHOLD=0.5)
        assert settings.setting("YOY_THRESHOLD") == 0.5
    finally:
        settings.reset()
    assert settings.setting("YOY_THRESHOLD") == 0.30
    with pytest.raises(KeyError):
        settings.configure(NO_SUCH_SETTING=1)
