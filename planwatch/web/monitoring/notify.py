"""E-mails about observations and assignments, sent only after the change is committed.

Django's mail framework (console backend by default, ``PLANWATCH_EMAIL_BACKEND`` to change) so a
failed send never rolls back a figure, and a rolled-back figure never sends mail.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import Role, Unit


def _addresses(users) -> list[str]:
    return sorted({u.email for u in users if u.email})


def unit_members(unit: Unit) -> list[str]:
    return _addresses(get_user_model().objects.filter(planwatch__unit=unit, is_active=True))


def reviewers() -> list[str]:
    return _addresses(get_user_model().objects.filter(planwatch__role=Role.REVIEWER, is_active=True))


def later(subject: str, body: str, recipients: list[str]) -> None:
    """Send after commit; nothing when nobody has an address."""
    if not recipients:
        return
    transaction.on_commit(lambda: send_mail(subject, body, None, recipients, fail_silently=True))


def observation_changed(obs: Observation, step: str, comment: str = "") -> None:
    label = f"{_('【示例】') if obs.is_example else ''}{obs.indicator.name} · {obs.region.name} · {obs.period}"
    if step == "submitted":
        later(_("[Planwatch] 待审核:%(label)s") % {"label": label},
              _("%(unit)s 提交了 %(label)s = %(value)s,请审核。") % {
                  "unit": obs.unit, "label": label, "value": f"{obs.value:g}"}, reviewers())
    elif step in ("returned", "approved", "published"):
        word = {"returned": _("已退回"), "approved": _("已审核通过"), "published": _("已发布")}[step]
        body = f"{label} {word}。" + ("\n" + _("意见:%(comment)s") % {"comment": comment} if comment else "")
        later(_("[Planwatch] %(word)s:%(label)s") % {"word": word, "label": label}, body, unit_members(obs.unit))
