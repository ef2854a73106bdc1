"""The data stamp (planwatch.web.core.stamp) and the pages kept under it (planwatch.web.core.pagecache):
the stamp moves with every change a page shows — whatever path wrote it, raw SQL included — and not
with a draft; a kept page is never served after its data changed."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from planwatch.web.core import stamp
from planwatch.web.core.pagecache import Counter
from planwatch.web.monitoring import services, targets
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import Region
from tests.web.conftest import indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(cast, small_plan, assignments):
    return Region.objects.get(name="赣州市")


def _draft(cast, small_plan, city, value=4606.2, year=2023, code="I01"):
    return services.create_draft(user=cast.stats_reporter, reason="录入", indicator=indicator(small_plan, code),
                                 region=city, year=year, value=value)


def _moves(action) -> bool:
    before = stamp.current()
    action()
    return stamp.current() != before


def test_every_table_pages_are_made_from_has_its_triggers():
    tables = stamp.stamped_tables(apps.get_models())
    assert {"monitoring_observation", "plans_targetversion", "plans_indicator", "monitoring_region",
            "plans_qualityjudgement", "monitoring_assignment_regions"} <= set(tables)
    assert not any("historical" in t for t in tables) and "monitoring_auditentry" not in tables
    expected = 3 if connection.vendor == "sqlite" else 1
    found = stamp.triggers_present(tables)
    assert {t: n for t, n in found.items() if n != (3 if t == stamp.OBSERVATIONS else expected)} == {}


def test_a_draft_keeps_the_stamp_and_each_later_step_moves_it(cast, small_plan, city):
    holder = {}
    assert not _moves(lambda: holder.update(figure=_draft(cast, small_plan, city)))
    assert not _moves(lambda: holder.update(figure=services.update_draft(
        holder["figure"], user=cast.stats_reporter, reason="改正", value=4606.3)))
    assert _moves(lambda: holder.update(figure=services.submit_observation(
        holder["figure"], user=cast.stats_reporter, reason="报送")))
    assert _moves(lambda: holder.update(figure=services.approve_observation(
        holder["figure"], user=cast.reviewer, comment="核对无误")))
    assert _moves(lambda: holder.update(figure=services.publish_observation(
        holder["figure"], user=cast.reviewer2, reason="发布")))
    # A revision is a new draft version: nothing shown changes until it is submitted and approved.
    assert not _moves(lambda: holder.update(figure=services.revise_observation(
        holder["figure"], user=cast.stats_reporter, reason="普查修订", value=4716.0)))
    assert _moves(lambda: holder.update(figure=services.submit_observation(
        holder["figure"], user=cast.stats_reporter, reason="报送修订")))


def test_a_target_a_bulk_update_and_raw_sql_move_it(cast, small_plan, city):
    assert _moves(lambda: targets.enter_assigned_target(indicator(small_plan, "I05"), user=cast.planner,
                                                        reason="省政府下达", value=13.5))
    figure = _draft(cast, small_plan, city)
    # Paths that bypass the services (and Django's signals) still move it: the database does.
    assert _moves(lambda: Observation.objects.filter(pk=figure.pk).update(status="approved"))
    with connection.cursor() as cursor:
        assert _moves(lambda: cursor.execute("UPDATE monitoring_observation SET value = 1 WHERE id = %s",
                                             [figure.pk]))
        assert _moves(lambda: cursor.execute("UPDATE plans_indicator SET name = name || '' WHERE id = %s",
                                             [indicator(small_plan, "I01").pk]))
    assert not _moves(lambda: Observation.objects.filter(status="draft").update(note="草稿备注"))


def test_a_flushed_stamp_row_comes_back_with_a_new_epoch():
    before = stamp.current()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {stamp.STAMP_TABLE}")
    after = stamp.current()
    assert after.split(":")[0] != before.split(":")[0]
    stamp.renew_epoch()
    assert stamp.current().split(":")[0] not in (before.split(":")[0], after.split(":")[0])


def _made(client, url) -> tuple[int, str]:
    before = Counter.misses
    html = client.get(url).content.decode()
    return Counter.misses - before, html


def _publish(cast, small_plan, city, value, year=2024):
    figure = services.submit_observation(_draft(cast, small_plan, city, value, year), user=cast.stats_reporter,
                                         reason="报送")
    figure = services.approve_observation(figure, user=cast.reviewer, comment="核对无误")
    return services.publish_observation(figure, user=cast.reviewer2, reason="发布")


def test_the_portal_page_is_kept_until_a_publication_and_then_shows_it(cast, small_plan, city, anonymous_client):
    _publish(cast, small_plan, city, 4606.2, 2023)
    page = reverse("portal-indicator", args=["I01"])
    assert _made(anonymous_client, page)[0] == 1
    assert _made(anonymous_client, page)[0] == 0
    _draft(cast, small_plan, city, 4940.5, 2024)
    made, html = _made(anonymous_client, page)
    assert made == 0 and "4940.5" not in html  # a draft: the kept page still answers
    _publish(cast, small_plan, city, 5120.8, 2025)
    made, html = _made(anonymous_client, page)
    assert made == 1 and "5120.8" in html


def test_signed_in_pages_keep_their_body_per_audience(client_for, cast, small_plan, city):
    _publish(cast, small_plan, city, 4606.2, 2023)
    planner, yudu = client_for(cast.planner), client_for(cast.yudu)
    assert _made(planner, reverse("dashboard"))[0] == 1
    assert _made(planner, reverse("dashboard"))[0] == 0
    assert _made(yudu, reverse("dashboard"))[0] == 1  # a unit's reporters see their own figures: own body
    figure = services.submit_observation(_draft(cast, small_plan, city, 4940.5, 2024), user=cast.stats_reporter,
                                         reason="报送")
    services.approve_observation(figure, user=cast.reviewer, comment="核对无误")
    made, html = _made(planner, reverse("dashboard"))
    assert made == 1 and "4940.5" in html  # approved: the bureau sees it at once


def test_kept_body_holds_nothing_of_one_user(client_for, cast, small_plan, city):
    """The quality form (with its CSRF token) and the navigation are rendered around the kept body."""
    _publish(cast, small_plan, city, 4606.2, 2023)
    first, second = client_for(cast.planner), client_for(cast.admin)
    first.get(reverse("dashboard"))
    page = second.get(reverse("dashboard")).content.decode()
    assert cast.admin.get_username() in page or cast.admin.get_full_name() in page
    assert cast.planner.get_full_name() not in page.split('<main id="main">')[0]


def test_a_restore_never_serves_pages_kept_before_it(cast, small_plan, city, anonymous_client, tmp_path, settings):
    from planwatch.web.core.backup import create_backup, restore_backup

    settings.MEDIA_ROOT = tmp_path / "media"
    _publish(cast, small_plan, city, 4606.2, 2023)
    create_backup(tmp_path / "b.zip")
    before = stamp.current()
    restore_backup(tmp_path / "b.zip")
    assert stamp.current().split(":")[0] != before.split(":")[0]
