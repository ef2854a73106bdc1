"""重大事项: coordination requests (stored when a report asks for help) and binding indicators with a 预警.

A 预警 comes from the evaluation engine; the first time the list sees one it is stored as an
escalation (raised today, owner: the unit assigned the indicator for the plan's region), so it keeps
its date, status and resolution from then on. The stored row is written through the audited path.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from planwatch.plan.model import Attribute
from planwatch.web.monitoring.models import Assignment
from planwatch.web.monitoring.services import retry_when_locked
from planwatch.web.places import audit
from planwatch.web.plans.models import Plan
from planwatch.web.work.grades import plan_grades
from planwatch.web.work.models import Escalation

REASON = "约束性指标出现预警"


@retry_when_locked
def sync_warnings(plan: Plan) -> int:
    """Store each binding indicator's 预警 not yet on the list; returns how many were added."""
    warned = [g for g in plan_grades(plan) if g.warning and g.indicator.attribute == Attribute.BINDING]
    have = set(
        Escalation.objects.filter(plan=plan, kind=Escalation.Kind.WARNING).values_list(
            "indicator_id", flat=True
        )
    )
    added = 0
    for g in warned:
        if g.indicator.pk in have:
            continue
        owner = (
            Assignment.objects.filter(indicator=g.indicator, active=True)
            .select_related("unit")
            .order_by("-year")
            .first()
        )
        with transaction.atomic():
            esc = Escalation(
                plan=plan,
                kind=Escalation.Kind.WARNING,
                indicator=g.indicator,
                owner=owner.unit if owner else None,
                raised_on=timezone.localdate(),
                title=f"{g.indicator.name}:{g.grade or ''}预警",
                detail=g.reason,
            )
            esc._change_reason = REASON
            esc.save()
            audit.record(
                actor=None,
                action="create",
                subject="escalation",
                object_id=esc.pk,
                object_repr=str(esc),
                new={"indicator": g.indicator.code, "grade": g.grade},
                reason=REASON,
                unit=esc.owner,
            )
        added += 1
    return added
