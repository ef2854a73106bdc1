"""A reviewer's comments as history: once the clerk has answered one (submitted again), it is no
longer the figure's open comment but a line of its past, with who wrote it and when it was answered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry


@dataclass(frozen=True)
class AnsweredComment:
    comment: str
    by: str
    at: datetime
    answered_at: datetime | None  # None: still open (the figure is 已退回)


def answered_comments(obs: Observation) -> list[AnsweredComment]:
    """Every 退回 of this figure, oldest first, each with the time the clerk submitted again."""
    steps = list(
        AuditEntry.objects.filter(
            subject=AuditEntry.Subject.OBSERVATION, object_id=obs.pk, action__in=("return", "submit")
        ).order_by("at", "pk")
    )
    found = []
    for i, step in enumerate(steps):
        if step.action != "return":
            continue
        answer = next((later.at for later in steps[i + 1 :] if later.action == "submit"), None)
        found.append(AnsweredComment(step.reason, step.actor_name, step.at, answer))
    return found


def open_comment(obs: Observation) -> str:
    """The reviewer's comment the clerk still has to answer ('' once the figure is submitted again)."""
    return obs.review_comment if obs.status == Observation.Status.RETURNED else ""
