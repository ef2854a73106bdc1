"""Who may see and change what in data collection: the one place to read, the one place to test.

Who a user is (role, unit, the role predicates) is ``planwatch.web.places.permissions``; this module
says what each role may do with observations, targets, assignments and rules:

| role | sees observations | changes |
| --- | --- | --- |
| administrator | all | approves target versions; may review |
| planner (发改委) | all | targets, assignments, validation rules |
| reviewer (统计局) | all but other units' drafts | approves/returns/publishes, never own entries; enters its own unit's assignments |
| reporter | own unit's, plus published | drafts and submits for its unit's assigned indicator × region |
| supervisor (督查) | all | nothing |
| public | published | nothing |

An object a user may not see is a 404 (no hint that it exists); a visible object the user may not
change is a 403.
"""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planwatch.web.monitoring.models import Assignment, Observation
from planwatch.web.places.models import AuditEntry, Role, Unit
from planwatch.web.places.permissions import (
    ENTERS_DATA,
    READS_ALL,
    enters_data,
    is_administrator,
    is_planner,
    is_reviewer,
    reads_audit,
    role_of,
    unit_of,
    visible_or_404,
)

S = Observation.Status


@rules.predicate
def of_own_unit(user, obs: Observation) -> bool:
    unit = unit_of(user)
    return unit is not None and obs.unit_id == unit.pk


TYPING_ACTIONS = ("create", "update", "import")


@rules.predicate
def is_own_entry(user, obs: Observation) -> bool:
    """Four eyes: whoever typed this row's value — its creator, its submitter, anyone who edited or
    imported over it (the audit trail of the row) — may neither approve nor publish it."""
    if user.pk is None:
        return False
    if user.pk in (obs.created_by_id, obs.submitted_by_id):
        return True
    return AuditEntry.objects.filter(subject=AuditEntry.Subject.OBSERVATION, object_id=obs.pk, actor_id=user.pk,
                                     action__in=TYPING_ACTIONS).exists()


@rules.predicate
def is_editable(user, obs: Observation) -> bool:
    return obs.status in (S.DRAFT, S.RETURNED)


@rules.predicate
def is_submitted(user, obs: Observation) -> bool:
    return obs.status == S.SUBMITTED


@rules.predicate
def is_approved(user, obs: Observation) -> bool:
    return obs.status == S.APPROVED


@rules.predicate
def is_final(user, obs: Observation) -> bool:
    return obs.status in (S.APPROVED, S.PUBLISHED)


checks = rules.RuleSet()
checks.add_rule("observation.edit", enters_data & of_own_unit & is_editable)
checks.add_rule("observation.submit", enters_data & of_own_unit & is_editable)
checks.add_rule("observation.review", is_reviewer & is_submitted & ~is_own_entry)
checks.add_rule("observation.publish", is_reviewer & is_approved & ~is_own_entry)
checks.add_rule("observation.revise", enters_data & of_own_unit & is_final)
checks.add_rule("target.propose", is_planner)
checks.add_rule("target.decide", is_administrator)
checks.add_rule("assignment.manage", is_planner)
checks.add_rule("rule.manage", is_planner)
checks.add_rule("audit.read", reads_audit)
checks.add_rule("entry.use", enters_data)
checks.add_rule("import.use", enters_data | is_administrator)
checks.add_rule("review.use", is_reviewer)

DENIED = {
    "observation.edit": gettext_lazy("只能修改本单位的草稿或被退回的数据"),
    "observation.submit": gettext_lazy("只能提交本单位的草稿或被退回的数据"),
    "observation.review": gettext_lazy("只能审核他人已提交的数据(不能审核本人填报的数据)"),
    "observation.publish": gettext_lazy("只能发布他人填报且已审核的数据"),
    "observation.revise": gettext_lazy("只能修订本单位已审核或已发布的数据"),
    "target.propose": gettext_lazy("只有规划管理人员可以调整目标"),
    "target.decide": gettext_lazy("只有系统管理员可以审批目标调整"),
    "assignment.manage": gettext_lazy("只有规划管理人员可以分配填报任务"),
    "rule.manage": gettext_lazy("只有规划管理人员可以修改校验规则"),
    "audit.read": gettext_lazy("无权查看审计记录"),
    "entry.use": gettext_lazy("只有填报单位的用户可以填报数据"),
    "review.use": gettext_lazy("只有审核人员可以审核数据"),
    "import.use": gettext_lazy("只有填报单位的用户或系统管理员可以导入数据"),
}


def may(user, rule: str, obj=None) -> bool:
    return checks.test_rule(rule, user, obj)


def require(user, rule: str, obj=None) -> None:
    """Raise ``PermissionDenied`` with the Chinese reason; views turn it into a 403."""
    if not may(user, rule, obj):
        raise PermissionDenied(str(DENIED[rule]))


def may_enter(user, indicator_id: int, region_id: int) -> bool:
    """Reporters enter only what an active assignment of their unit names."""
    unit = unit_of(user)
    if not enters_data(user) or unit is None:
        return False
    return Assignment.objects.filter(
        unit=unit, indicator_id=indicator_id, regions__pk=region_id, active=True
    ).exists()


# --- query sets -------------------------------------------------------------------------------

def observations_for_user(user) -> QuerySet[Observation]:
    base = Observation.objects.select_related("indicator", "region", "unit")
    role = role_of(user)
    if role in READS_ALL:
        return base
    unit = unit_of(user)
    own = Q(unit=unit) if unit is not None else Q(pk__in=[])
    if role == Role.REVIEWER:
        return base.filter(own | ~Q(status=S.DRAFT))
    if role == Role.REPORTER:
        return base.filter(own | Q(status=S.PUBLISHED))
    return base.filter(status=S.PUBLISHED)


def assignments_for_user(user) -> QuerySet[Assignment]:
    base = Assignment.objects.select_related("unit", "indicator").prefetch_related("regions")
    if role_of(user) in READS_ALL:
        return base
    unit = unit_of(user)
    if unit is not None and role_of(user) in ENTERS_DATA | {Role.REVIEWER}:
        return base.filter(unit=unit)
    return base.none()


def may_write(user, obs: Observation) -> bool:
    """Whether any change to this observation is open to the user."""
    return any(
        may(user, rule, obs)
        for rule in ("observation.edit", "observation.review", "observation.publish", "observation.revise")
    )


def get_observation_for_user(request_or_user, pk: int) -> tuple[Observation, bool]:
    """The observation and whether the user may change it; 404 when it is not theirs to see."""
    user = getattr(request_or_user, "user", request_or_user)
    obs = visible_or_404(observations_for_user(user), pk, _("没有这条数据"))
    return obs, may_write(user, obs)


def import_unit(user, chosen: Unit | None = None) -> Unit | None:
    """The unit an upload is imported for: a reporter's (or reviewer's) own unit — choosing another is
    refused — or, for an administrator, the unit they chose (None until they choose)."""
    own = unit_of(user)
    if is_administrator(user):
        return chosen or own
    require(user, "import.use")
    if chosen is not None and chosen != own:
        raise PermissionDenied(_("只能导入本单位(%(unit)s)的数据,不能为%(other)s导入") % {
            "unit": own.name, "other": chosen.name})
    return own


def request_user(request: HttpRequest):
    return getattr(request, "user", None)


def reads_internals(user, obs: Observation) -> bool:
    """Whether the user may read a figure's internal fields — 备注 (quality notes), 原文摘录, review
    and warning comments, stored problems and its history — not just its public fields (value,
    period, source). Everyone who reads all figures does; a reviewer does (it reviews them); a
    reporter only for its own unit's figures, not for another unit's published one; the public never.
    """
    role = role_of(user)
    if role in READS_ALL or role == Role.REVIEWER:
        return True
    unit = unit_of(user)
    return role == Role.REPORTER and unit is not None and obs.unit_id == unit.pk
