"""The evaluation cache (planwatch.web.dashboard.cache): a draft keeps the cached result; an approval, a
publication, a revision or a target taking effect gives the next page a fresh one — and the page shows the
new figure at once."""

from __future__ import annotations

import pytest
from django.urls import reverse

from planwatch.web.dashboard.cache import Counter, digest
from planwatch.web.monitoring import services, targets
from planwatch.web.places.models import Region
from tests.web.conftest import indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_gdp(cast, small_plan, assignments):
    """赣州市 GDP 2023 = 4606.2, published (entered by 统计局, approved and published by two reviewers), and
    常住人口 2024 = 897.0, so the pages' as-of year is 2024 from the start: a new 2024 figure changes the
    evaluated figures, not the year."""
    gdp, city = indicator(small_plan, "I01"), Region.objects.get(name="赣州市")
    _published(cast, indicator(small_plan, "I03"), city, 2024, 897.0)
    return _published(cast, gdp, city, 2023, 4606.2)


def _published(cast, gdp, city, year, value):
    figure = services.create_draft(user=cast.stats_reporter, reason="录入", indicator=gdp, region=city,
                                   year=year, value=value)
    figure = services.submit_observation(figure, user=cast.stats_reporter, reason="报送")
    figure = services.approve_observation(figure, user=cast.reviewer, comment="核对无误")
    return services.publish_observation(figure, user=cast.reviewer2, reason="发布")


def _computed_on(client, url) -> tuple[int, str]:
    """How many evaluations the page had to compute (not read from the cache), and the page."""
    before = Counter.misses
    html = client.get(url).content.decode()
    return Counter.misses - before, html


def test_second_view_reads_the_cache(client_for, cast, city_gdp):
    planner = client_for(cast.planner)
    computed, _ = _computed_on(planner, reverse("dashboard"))
    assert computed >= 1
    assert _computed_on(planner, reverse("dashboard"))[0] == 0


def test_a_draft_or_a_submission_keeps_the_cached_result(client_for, cast, small_plan, city_gdp):
    planner = client_for(cast.planner)
    _computed_on(planner, reverse("dashboard"))
    draft = services.create_draft(user=cast.stats_reporter, reason="录入", indicator=indicator(small_plan, "I01"),
                                  region=city_gdp.region, year=2024, value=4940.5)
    assert _computed_on(planner, reverse("dashboard"))[0] == 0
    services.submit_observation(draft, user=cast.stats_reporter, reason="报送")
    assert _computed_on(planner, reverse("dashboard"))[0] == 0


def test_approval_gives_signed_in_pages_a_fresh_result(client_for, cast, small_plan, city_gdp):
    planner = client_for(cast.planner)
    _computed_on(planner, reverse("dashboard"))
    draft = services.create_draft(user=cast.stats_reporter, reason="录入", indicator=indicator(small_plan, "I01"),
                                  region=city_gdp.region, year=2024, value=4940.5)
    draft = services.submit_observation(draft, user=cast.stats_reporter, reason="报送")
    services.approve_observation(draft, user=cast.reviewer, comment="核对无误")
    computed, html = _computed_on(planner, reverse("dashboard"))
    assert computed >= 1 and "4940.5" in html


def test_publication_shows_on_the_public_page_at_once(client_for, cast, small_plan, city_gdp, anonymous_client):
    page = reverse("portal-indicator", args=["I01"])
    _computed_on(anonymous_client, page)
    assert _computed_on(anonymous_client, page)[0] == 0
    _published(cast, indicator(small_plan, "I01"), city_gdp.region, 2024, 4940.5)
    computed, html = _computed_on(anonymous_client, page)
    assert computed >= 1 and "4940.5" in html


def test_revision_gives_a_fresh_result(client_for, cast, city_gdp):
    planner, page = client_for(cast.planner), reverse("dashboard-indicator", args=["I01"])
    _computed_on(planner, page)
    assert _computed_on(planner, page)[0] == 0
    revised = services.revise_observation(city_gdp, user=cast.stats_reporter, reason="第五次经济普查修订",
                                          value=4716.0)
    revised = services.submit_observation(revised, user=cast.stats_reporter, reason="报送修订")
    services.approve_observation(revised, user=cast.reviewer, comment="修订核对无误")
    computed, html = _computed_on(planner, page)
    assert computed >= 1 and "4716" in html


def test_target_taking_effect_gives_a_fresh_result(client_for, cast, small_plan, city_gdp):
    """I05 单位GDP能耗降低 waits for the province (按省下达); once its figure is approved it is graded."""
    planner = client_for(cast.planner)
    _computed_on(planner, reverse("dashboard"))
    proposal = targets.enter_assigned_target(indicator(small_plan, "I05"), user=cast.planner,
                                             reason="省政府下达", value=13.5)
    assert _computed_on(planner, reverse("dashboard"))[0] == 0  # proposed, not yet in force
    targets.approve_target_adjustment(proposal, user=cast.admin, comment="同意")
    assert _computed_on(planner, reverse("dashboard"))[0] >= 1


def test_digest_depends_on_content_not_identity():
    import pandas as pd

    a = pd.DataFrame({"indicator": ["I01"], "value": [4606.2]})
    assert digest(a, 2024) == digest(a.copy(), 2024)
    assert digest(a, 2024) != digest(a.assign(value=[4606.3]), 2024)
    assert digest(a, 2024) != digest(a, 2025)


def _queued_warmups() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path__endswith="warming.warm_evaluation", status="READY").count()


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks, as in production
def test_publication_warms_the_cache_so_the_first_visitor_computes_nothing(
    client_for, cast, small_plan, city_gdp, anonymous_client
):
    from django.core.management import call_command

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)  # earlier steps' warm-ups
    draft = services.create_draft(user=cast.stats_reporter, reason="录入", indicator=indicator(small_plan, "I01"),
                                  region=city_gdp.region, year=2024, value=4940.5)
    draft = services.submit_observation(draft, user=cast.stats_reporter, reason="报送")
    assert _queued_warmups() == 0  # a draft and a submission change nothing anyone sees
    approved = services.approve_observation(draft, user=cast.reviewer, comment="核对无误")
    services.publish_observation(approved, user=cast.reviewer2, reason="发布")
    assert _queued_warmups() >= 1
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert _queued_warmups() == 0
    computed, html = _computed_on(anonymous_client, reverse("portal-indicator", args=["I01"]))
    assert computed == 0 and "4940.5" in html
    assert _computed_on(anonymous_client, reverse("portal-home"))[0] == 0
    assert _computed_on(client_for(cast.planner), reverse("dashboard"))[0] == 0


@pytest.mark.django_db(transaction=True)  # the warm-ups are enqueued as each transaction commits
def test_one_waiting_warm_up_covers_every_later_change_to_the_plan(cast, small_plan, city_gdp):
    """Three figures approved and published one by one (six transactions) and three in one transaction queue
    one warm-up, not one per figure: the waiting warm-up reads them all when it runs. Once it has run, the
    next change queues a new one."""
    from django.core.management import call_command
    from django.db import transaction

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)  # the fixture's warm-ups
    assert _queued_warmups() == 0
    city = Region.objects.get(name="赣州市")
    for year, value in ((2024, 4940.5), (2025, 5100.0), (2026, 5300.0)):
        _published(cast, indicator(small_plan, "I01"), city, year, value)
    assert _queued_warmups() == 1
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    with transaction.atomic():
        for year, value in ((2022, 897.9), (2023, 897.3), (2025, 896.8)):
            _published(cast, indicator(small_plan, "I03"), city, year, value)
    assert _queued_warmups() == 1
