"""Many figures at once: submit, withdraw, approve, return and publish a selection.

Each function calls the per-object service (``services.submit_observation`` …) for every row inside
one transaction, so a selection goes through whole or not at all, and every row gets its own history
row and ``AuditEntry`` with the acting user and the one reason given for the selection. A refusal
names the row it concerns (``BatchRefused.row``), so the page can show it beside that row.

``withdraw_submission`` is the one new step: a clerk takes back a submission nobody has reviewed
yet (submitted → draft), audited like every other change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planwatch.web.core.errors import ServiceError
from planwatch.web.monitoring import permissions, services
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import ACTION_LABELS
from planwatch.web.places.permissions import enters_data

S = Observation.Status

# The withdraw right and words live beside the one step that needs them (added, not edited, so the
# shared permission table stays as it is).
if not permissions.checks.rule_exists("observation.withdraw"):
    permissions.checks.add_rule(
        "observation.withdraw", enters_data & permissions.of_own_unit & permissions.is_submitted
    )
permissions.DENIED.setdefault("observation.withdraw", gettext_lazy("只能撤回本单位已提交、尚未审核的数据"))
ACTION_LABELS.setdefault("withdraw", gettext_lazy("撤回"))


class BatchRefused(ServiceError):
    """One row of a selection was refused; nothing of the selection was changed."""

    def __init__(self, row: Observation, error: Exception) -> None:
        self.row, self.error = row, error
        super().__init__(_("%(row)s:%(error)s(所选数据均未处理)") % {"row": _label(row), "error": error})


def _label(obs: Observation) -> str:
    return f"{obs.indicator.name} · {obs.region.name} · {obs.period}"


def _each(rows: Sequence[Observation], step: Callable[[Observation], Observation]) -> list[Observation]:
    if not rows:
        raise ServiceError(_("请先勾选要处理的数据"))
    with transaction.atomic():
        done = []
        for row in rows:
            try:
                done.append(step(row))
            except (ServiceError, PermissionDenied) as error:  # one row refused refuses the selection
                raise BatchRefused(row, error) from error
        return done


@services.retry_when_locked
def withdraw_submission(
    obs: Observation | int, *, user, reason: str, expected_version: int | None = None
) -> Observation:
    """Take back a submission nobody has reviewed yet: submitted → draft, audited."""
    if not reason.strip():
        raise ServiceError(_("撤回必须说明理由"))
    with transaction.atomic():
        row = services.locked(obs, expected_version)
        permissions.require(user, "observation.withdraw", row)
        before = services._snapshot(row)
        row.status = S.DRAFT
        return services.save(row, before, user=user, action="withdraw", reason=reason.strip())


def submit_many(
    rows: Sequence[Observation], *, user, reason: str = "", comments: dict[int, str] | None = None
) -> list[Observation]:
    """Submit a selection; ``comments`` maps a row's id to its warning explanation."""
    comments = comments or {}
    return _each(
        rows,
        lambda o: services.submit_observation(
            o, user=user, reason=reason, warning_comment=comments.get(o.pk, "")
        ),
    )


def withdraw_many(rows: Sequence[Observation], *, user, reason: str) -> list[Observation]:
    return _each(rows, lambda o: withdraw_submission(o, user=user, reason=reason))


# ``seen`` maps a row's id to the version the reviewer's page showed: a figure corrected and submitted
# again since then is refused (409, named), not approved or published unseen.


def approve_many(rows: Sequence[Observation], *, user, comment: str = "",
                 seen: Mapping[int, int] | None = None) -> list[Observation]:
    return _each(rows, lambda o: services.approve_observation(
        o, user=user, comment=comment, expected_version=(seen or {}).get(o.pk)))


def return_many(rows: Sequence[Observation], *, user, comment: str,
                seen: Mapping[int, int] | None = None) -> list[Observation]:
    if not comment.strip():
        raise ServiceError(_("退回时必须填写审核意见"))
    return _each(rows, lambda o: services.return_observation(
        o, user=user, comment=comment, expected_version=(seen or {}).get(o.pk)))


def publish_many(rows: Sequence[Observation], *, user, reason: str = "",
                 seen: Mapping[int, int] | None = None) -> list[Observation]:
    return _each(rows, lambda o: services.publish_observation(
        o, user=user, reason=reason, expected_version=(seen or {}).get(o.pk)))
