"""Observations as the pages read them: annual values, newest visible vintage per period.

Two audiences, two sets of statuses, chosen here and nowhere else:

- signed-in users see what the reviewers approved (approved and published rows);
- the public sees published rows only — never a draft, a submitted, returned or approved figure,
  and never one of the example set (示例, invented figures);
- a reporter (填报人) sees its own unit's approved figures and everyone's published ones, as the role
  table in docs/data-collection.md says — not another unit's approved-but-unpublished figure.

Internal fields (备注 with its quality notes, 原文摘录) are read only by those who need them: the
public never, a reporter only for its own unit's figures (``Audience.reads_notes``).

A revision is a new row with ``vintage`` + 1; a page shows the newest visible vintage and marks the
period as revised when an older visible vintage exists with a different value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, Q

from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import Region
from planwatch.web.places.reference import find_region
from planwatch.web.plans.models import Indicator, Plan

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
    every function here taking ``public=``) accepts one unchanged.
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


def as_audience(public) -> Audience:
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


def visible(rows, public):
    """Annual rows the audience may see; the public never sees the example set's invented figures
    (as ``monitoring.queries`` leaves them out of public queries), signed-in users see them marked."""
    audience = as_audience(public)
    rows = rows.filter(status__in=visible_statuses(audience.public), quarter__isnull=True, month__isnull=True)
    if audience.public:
        return rows.filter(is_example=False)
    if audience.restricted:
        return rows.filter(Q(status=S.PUBLISHED) | Q(unit_id=audience.unit_id or -1))
    return rows


@dataclass(frozen=True)
class Point:
    """One period's value as shown, with where it came from."""

    indicator_id: int
    region_id: int
    year: int
    value: float
    vintage: int
    source: str
    quote: str
    note: str
    qualifier: str
    status: str
    measure_unit: str
    example: bool = False  # from the example set (示例): invented figures, shown as such everywhere
    revised_from: float | None = None  # the earlier visible vintage's value, when it differed
    unit_id: int | None = None  # the unit that entered it (decides who reads its 备注)

    @property
    def revised(self) -> bool:
        return self.revised_from is not None


_FIELDS = (
    "indicator_id", "region_id", "year", "value", "vintage", "source", "quote", "note",
    "qualifier", "status", "measure_unit", "example", "unit_id",
)


def _with_example_flag(rows):
    """``example``: the figure belongs to the example set (示例, invented for trying the workflow)."""
    return rows.annotate(example=F("is_example"))


def annual_points(
    plan: Plan,
    *,
    public: bool,
    indicators: Iterable[Indicator] | None = None,
    regions: Iterable[Region] | None = None,
) -> list[Point]:
    """Newest visible vintage of every annual (indicator, region, year), ordered by year.

    One query; the vintages are folded in Python (a few thousand rows for a city plan). 备注 and
    原文摘录 are blank where the audience may not read them.
    """
    audience = as_audience(public)
    rows = visible(Observation.objects.filter(indicator__plan=plan), public)
    if indicators is not None:
        rows = rows.filter(indicator__in=list(indicators))
    if regions is not None:
        rows = rows.filter(region__in=list(regions))
    latest: dict[tuple[int, int, int], dict] = {}
    first_value: dict[tuple[int, int, int], float] = {}
    for row in _with_example_flag(rows).order_by("vintage").values(*_FIELDS):
        key = (row["indicator_id"], row["region_id"], row["year"])
        first_value.setdefault(key, row["value"])
        if not audience.reads_notes(row["unit_id"]):
            row.update(note="", quote="")
        latest[key] = row
    points = []
    for key, row in latest.items():
        earlier = first_value[key]
        revised_from = earlier if row["vintage"] > 1 and earlier != row["value"] else None
        points.append(Point(**row, revised_from=revised_from))
    points.sort(key=lambda p: (p.indicator_id, p.region_id, p.year))
    return points


def vintages(indicator: Indicator, region: Region, *, public: bool) -> list[Observation]:
    """Every visible vintage of every annual period, newest first per year.

    ``is_revision`` is set on a row when an older *visible* vintage of the same year exists: a
    figure whose earlier vintages were drafts or returned is a first release to its readers.
    """
    rows = list(
        _with_example_flag(
            visible(Observation.objects.filter(indicator=indicator, region=region), public)
        )
        .select_related("unit")
        .order_by("-year", "-vintage")
    )
    oldest = {}
    for row in rows:
        oldest[row.year] = row.vintage  # rows run newest → oldest, so the last one wins
    audience = as_audience(public)
    for row in rows:
        row.is_revision = row.vintage > oldest[row.year]
        if not audience.reads_notes(row.unit_id):
            row.note = row.quote = ""  # shown, never saved: this audience reads the public fields only
    return rows


def plan_region(plan: Plan) -> Region | None:
    """The region the plan is about: the plan says 赣州, the region list 赣州市 (name, short name or
    code), else the first city-level region."""
    region = find_region(plan.region) if plan.region else None
    if region is None:
        region = Region.objects.filter(kind=Region.Kind.CITY).order_by("order").first()
    return region


def county_regions() -> list[Region]:
    """The county-level units (县(市、区)) that the map draws, in the official order."""
    return list(Region.objects.filter(kind=Region.Kind.COUNTY).order_by("order", "name"))
