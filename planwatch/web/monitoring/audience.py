"""Who is looking, and which stored figures they see: the visibility rule, here and nowhere else.

- the public (no sign-in) sees published rows only — never a draft, a submitted, returned or approved
  figure, and never one of the example set (示例, invented figures);
- a reporter (填报人) sees its own unit's approved figures and everyone's published ones, as the role
  table in docs/data-collection.md says — not another unit's approved-but-unpublished figure;
- every other signed-in role (the bureau, planners, supervisors) sees approved and published rows.

Signed-in audiences see the example set, marked 示例, unless the caller leaves it out (``examples=False``:
the command line, the report snapshot and the real-data checks grade real figures only).

Internal fields (备注 with its quality notes, 原文摘录) are read only by those who need them: the
public never, a reporter only for its own unit's figures (``Audience.reads_notes``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from planwatch.web.monitoring.models import Observation

S = Observation.Status
INTERNAL_STATUSES = (S.APPROVED, S.PUBLISHED)
PUBLIC_STATUSES = (S.PUBLISHED,)


def visible_statuses(public: bool) -> tuple[str, ...]:
    return PUBLIC_STATUSES if public else INTERNAL_STATUSES


@dataclass(frozen=True)
class Audience:
    """Who is looking. ``public``: no sign-in (published only, no examples). ``restricted``: a
    reporter, who sees approved figures of ``unit_id`` only (none without a unit).

    An Audience is truthy exactly when it is the public, so code written for ``public: bool`` (and
    every function taking ``public=``) accepts one unchanged.
    """

    public: bool
    restricted: bool = False
    unit_id: int | None = None

    def __bool__(self) -> bool:
        return self.public

    def reads_notes(self, unit_id: int | None) -> bool:
        """Whether 备注 and 原文摘录 of a figure entered by ``unit_id`` are for this audience's eyes."""
        if self.public:
            return False
        return not self.restricted or (self.unit_id is not None and unit_id == self.unit_id)


PUBLIC = Audience(public=True)
SIGNED_IN = Audience(public=False)


def as_audience(public: Audience | bool) -> Audience:
    return public if isinstance(public, Audience) else (PUBLIC if public else SIGNED_IN)


def audience_for(user) -> Audience:
    """The audience of a request's user, by the role table (``places.permissions``)."""
    from planwatch.web.places.models import Role
    from planwatch.web.places.permissions import PUBLIC as NO_ROLE
    from planwatch.web.places.permissions import role_of, unit_of

    role = role_of(user)
    if role == NO_ROLE:
        return PUBLIC
    if role == Role.REPORTER:
        unit = unit_of(user)
        return Audience(public=False, restricted=True, unit_id=unit.pk if unit else None)
    return SIGNED_IN


def visible(
    rows: QuerySet[Observation], public: Audience | bool, *, examples: bool | None = None, annual: bool = True
) -> QuerySet[Observation]:
    """The rows of ``rows`` the audience may see: annual ones only unless ``annual=False``.

    ``examples``: None follows the audience (the public never sees the example set, signed-in users
    see it marked); True or False is the caller's explicit choice.
    """
    audience = as_audience(public)
    rows = rows.filter(status__in=visible_statuses(audience.public))
    if annual:
        rows = rows.filter(quarter__isnull=True, month__isnull=True)
    if examples is False or (examples is None and audience.public):
        rows = rows.filter(is_example=False)
    if audience.restricted:
        rows = rows.filter(Q(status=S.PUBLISHED) | Q(unit_id=audience.unit_id or -1))
    return rows
