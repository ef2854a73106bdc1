"""Observations as the pages read them: annual values, newest visible vintage per period.

Which rows an audience sees and which vintage counts are decided in ``monitoring.audience`` and
``monitoring.queries`` (one query for the pages, the API, the command line and the report snapshot);
this module adds what only the pages need: every vintage of one series, the plan's region and the
counties the map draws.

A revision is a new row with ``vintage`` + 1; a page shows the newest visible vintage and marks the
period as revised when an older visible vintage exists with a different value.
"""

from __future__ import annotations

from django.db.models import F

from planwatch.web.monitoring.audience import (
    PUBLIC,
    SIGNED_IN,
    Audience,
    as_audience,
    audience_for,
    visible,
    visible_statuses,
)
from planwatch.web.monitoring.models import Observation
from planwatch.web.monitoring.queries import Point, annual_points
from planwatch.web.places.models import Region
from planwatch.web.places.reference import find_region
from planwatch.web.plans.models import Indicator, Plan

__all__ = [
    "PUBLIC", "SIGNED_IN", "Audience", "Point", "annual_points", "as_audience", "audience_for", "county_regions",
    "plan_region", "vintages", "visible", "visible_statuses",
]


def vintages(indicator: Indicator, region: Region, *, public: bool) -> list[Observation]:
    """Every visible vintage of every annual period, newest first per year.

    ``is_revision`` is set on a row when an older *visible* vintage of the same year exists: a
    figure whose earlier vintages were drafts or returned is a first release to its readers.
    """
    rows = list(
        visible(Observation.objects.filter(indicator=indicator, region=region), public)
        .annotate(example=F("is_example"))  # marked 示例 wherever shown
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
