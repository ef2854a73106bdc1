"""An approval or a publication warms the evaluation cache once its transaction commits (``warming``).

Connected at start-up (``apps.py``); the task module, and django-tasks with it, is imported only when a
figure becomes visible, not by every process that starts Django (``planwatch evaluate`` among them).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from planwatch.web.monitoring.models import Observation

VISIBLE = (Observation.Status.APPROVED, Observation.Status.PUBLISHED)


@receiver(post_save, sender=Observation, dispatch_uid="warm-evaluation-on-visible-change")
def _visible_change(sender, instance: Observation, raw: bool = False, **kwargs) -> None:
    if raw or instance.status not in VISIBLE:
        return
    plan_id = instance.indicator.plan_id

    def enqueue() -> None:
        from planwatch.web.dashboard.warming import warm_evaluation

        warm_evaluation.enqueue(plan_id)

    transaction.on_commit(enqueue, robust=True)
