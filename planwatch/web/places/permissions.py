"""Who is who: a user's role and unit, and the predicates every app's permission module builds on.

Roles (``Profile.role``; a Django superuser counts as administrator; nobody logged in is "public"):

| role | reads | typical rights (each app's ``permissions`` module says exactly) |
| --- | --- | --- |
| administrator | all | approves target versions; may review |
| planner (发改委) | all | targets, assignments, validation rules, quality judgements |
| reviewer (统计局) | all but other units' drafts | reviews others' entries; enters its own unit's |
| reporter | own unit's, plus published | enters its unit's assigned figures |
| supervisor (督查) | all | nothing |
| public | published | nothing |

What a role may do with an object of an app (an observation, a task, a bulletin) is that app's
``permissions`` module; this one only answers who the user is. ``Django``'s ``user.has_perm`` is not
used because it grants a superuser every permission, and an administrator must not approve their
own entries either.
"""

from __future__ import annotations

from typing import TypeVar

import rules
from django.db.models import Model, QuerySet
from django.http import Http404

from planwatch.web.places.models import AuditEntry, Role, Unit

_M = TypeVar("_M", bound=Model)

PUBLIC = "public"
READS_ALL = {Role.ADMINISTRATOR, Role.PLANNER, Role.SUPERVISOR}
ENTERS_DATA = {Role.REPORTER, Role.REVIEWER}
REVIEWS = {Role.REVIEWER, Role.ADMINISTRATOR}


def role_of(user) -> str:
    if user is None or not user.is_authenticated or not user.is_active:
        return PUBLIC
    if user.is_superuser:
        return Role.ADMINISTRATOR
    profile = getattr(user, "planwatch", None)
    return profile.role if profile is not None else PUBLIC


def unit_of(user) -> Unit | None:
    profile = getattr(user, "planwatch", None) if user is not None and user.is_authenticated else None
    return profile.unit if profile is not None else None


def has_role(user, *roles: str) -> bool:
    return role_of(user) in roles


@rules.predicate
def enters_data(user) -> bool:
    return role_of(user) in ENTERS_DATA and unit_of(user) is not None


@rules.predicate
def is_reviewer(user) -> bool:
    return role_of(user) in REVIEWS


@rules.predicate
def is_planner(user) -> bool:
    return role_of(user) in {Role.PLANNER, Role.ADMINISTRATOR}


@rules.predicate
def is_administrator(user) -> bool:
    return role_of(user) == Role.ADMINISTRATOR


@rules.predicate
def reads_audit(user) -> bool:
    return role_of(user) in READS_ALL


def audit_for_user(user) -> QuerySet[AuditEntry]:
    """The audit log as the user may read it: all of it for those who read everything, else nothing."""
    if not reads_audit(user):
        return AuditEntry.objects.none()
    return AuditEntry.objects.select_related("actor", "unit")


def visible_or_404(rows: QuerySet[_M], pk: int, message: str) -> _M:
    """Row ``pk`` of what a user may see (an app's ``*_for_user`` query set), or a 404 with ``message``:
    what a user may not see, they may not know exists."""
    row = rows.filter(pk=pk).first()
    if row is None:
        raise Http404(message)
    return row
