"""What went wrong with an uploaded row, said so the reporter can fix it.

An ``ImportProblem`` is a value, never an exception: readers and rules collect every
problem in a file so the reporter sees them all at once instead of fixing one per upload.

``message`` is the reason alone ("数值「12,3」不是有效数字"); ``text`` (and ``str()``)
puts the place in front of it the way a reporter looks for it in Excel:
"第5行 D列:数值「12,3」不是有效数字", or "工作表「其他」:…" for a problem with a whole sheet.

Severity follows DHIS2: an **error** blocks the import (nothing is stored); a **warning**
lets the row through as a draft but needs an explanation (备注/预警说明) before submission.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class ImportProblem:
    """One problem at one place. ``row`` is the 1-based line in the file; ``column`` a letter."""

    sheet: str
    row: int | None
    column: str
    message: str
    severity: Severity = Severity.ERROR
    rule: str = ""  # which check found it: "number", "unit", "yoy_change", …

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def place(self) -> str:
        """Where to look: "第5行 D列", "第5行", "工作表「填报」" or "" for the whole file."""
        parts = []
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(f"{self.column}列")
        if parts:
            return " ".join(parts)
        return f"工作表「{self.sheet}」" if self.sheet else ""

    @property
    def text(self) -> str:
        return f"{self.place}:{self.message}" if self.place else self.message

    def __str__(self) -> str:
        return self.text

    def to_dict(self) -> dict:
        """JSON-ready, e.g. for ``Observation.problems``."""
        data = asdict(self)
        data["severity"] = self.severity.value
        data["text"] = self.text
        return data


def file_problem(message: str, *, rule: str = "file") -> ImportProblem:
    """A problem with the file as a whole (too large, not Excel, …)."""
    return ImportProblem(sheet="", row=None, column="", message=message, rule=rule)


def errors(problems: list[ImportProblem]) -> list[ImportProblem]:
    return [p for p in problems if p.is_error]


def warnings(problems: list[ImportProblem]) -> list[ImportProblem]:
    return [p for p in problems if not p.is_error]


def column_letter(index: int) -> str:
    """1 → A, 26 → Z, 27 → AA (Excel's bijective base 26)."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


class ProblemTally:
    """Errors, warnings and the all-or-nothing verdict of anything that carries ``problems``."""

    problems: list[ImportProblem]

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[ImportProblem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        """All-or-nothing: store the rows only when no problem is an error."""
        return not self.errors
