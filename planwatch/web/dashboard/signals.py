"""An approval or a publication warms the evaluation cache once its transaction commits (``warming``).

One warm-up waiting in the queue covers every later change to the same plan, since it reads the figures
when it runs: a change that finds one waiting enqueues none. Without that, loading the demo (40 figures
in one transaction) queued 40 warm-ups of two seconds each, and a reviewer approving figures one by one
on deadline day would queue one per figure.

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
        from planwatch.web.dashboard.warming import warm_evaluation, warm_up_waiting

        if not warm_up_waiting(plan_id):
            warm_evaluation.enqueue(plan_id)

    transaction.on_commit(enqueue, robust=True)
