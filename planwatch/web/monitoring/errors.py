"""Errors the services raise, each carrying a Chinese message the user can act on.

Callers (views, API, importers) catch ``ServiceError`` (``planwatch.web.core.errors``, the base of
these) and show ``str(error)``; the subclasses
carry structured detail: ``SubmissionBlocked.problems`` (validation at submission) and
``DraftsRejected.problems`` (bulk draft creation: one ``RowProblem`` per bad input row).
``django.core.exceptions.PermissionDenied`` is raised for rights (403), ``Http404`` for objects
the user may not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from planwatch.web.core.errors import ServiceError


class InvalidTransition(ServiceError):
    """The object's status does not allow this step (e.g. approving a draft)."""


class ConcurrentChange(ServiceError):
    """Someone else changed the object between the user's reading it and acting on it."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or _("已被他人修改,请刷新页面后重试"))


@dataclass(frozen=True)
class Problem:
    """One finding of the validation rules: ``severity`` is "error" (blocks) or "warning"."""

    severity: str
    message: str
    field: str = "value"
    rule: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"severity": self.severity, "message": self.message, "field": self.field, "rule": self.rule}


class SubmissionBlocked(ServiceError):
    """Errors found, or warnings found and no explanation given (``needs_comment``)."""

    def __init__(self, problems: list[Problem], *, needs_comment: bool = False) -> None:
        self.problems = problems
        self.needs_comment = needs_comment
        self.lead = _("存在预警,请填写说明后再提交") if needs_comment else _("数据未通过校验,不能提交")
        super().__init__(self.lead + ":" + ";".join(p.message for p in problems))


@dataclass(frozen=True)
class RowProblem:
    """A bad input row of ``create_drafts``: its position, the caller's ``ref`` (e.g. (sheet, row)),
    the field and the reason in Chinese."""

    index: int
    ref: Any
    field: str
    message: str


class DraftsRejected(ServiceError):
    """Bulk creation refused as a whole: nothing was stored."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        lead = _("%(count)s 处问题,未导入任何数据") % {"count": len(problems)}
        super().__init__(lead + ":" + ";".join(p.message for p in problems[:5]))


def refusal_status(error: BaseException) -> int:
    """The HTTP status a refused action answers: 403 not allowed, 409 the state does not allow it (already
    done, changed meanwhile), 422 the input is not acceptable. A refusal that wraps another (one row of a
    batch) answers as the row's refusal did."""
    cause = error.__cause__
    if isinstance(cause, PermissionDenied | ServiceError):
        return refusal_status(cause)
    if isinstance(error, PermissionDenied):
        return 403
    if isinstance(error, InvalidTransition | ConcurrentChange):
        return 409
    return 422
