"""Two reviewers approving the same submission at the same moment, on real threads and connections."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry
from tests.web.conftest import indicator


def _race(obs_pk: int, seen_version: int, reviewers) -> dict[str, object]:
    """Each reviewer acts on the version both saw on their screen; a barrier starts them together."""
    barrier = threading.Barrier(len(reviewers))
    outcome: dict[str, object] = {}

    def approve(user) -> None:
        try:
            barrier.wait(timeout=10)
            services.approve_observation(obs_pk, user=user, comment=f"{user.username} 审核",
                                         expected_version=seen_version)
            outcome[user.username] = "ok"
        except Exception as error:  # the refusal is the result under test
            outcome[user.username] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(u,)) for u in reviewers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcome


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_approving_at_once_one_wins_the_other_is_told_it_changed(cast, assignments, small_plan,
                                                                                reference_data):
    obs = services.create_draft(user=cast.yudu, reason="填报", indicator=indicator(small_plan, "I01"),
                                region=reference_data.regions["于都县"], year=2024, value=250.0)
    obs = services.submit_observation(obs, user=cast.yudu)
    outcome = _race(obs.pk, obs.lock_version, [cast.reviewer, cast.reviewer2])

    winners = [name for name, result in outcome.items() if result == "ok"]
    losers = [result for result in outcome.values() if result != "ok"]
    assert len(winners) == 1 and len(losers) == 1, outcome
    assert isinstance(losers[0], services.ConcurrentChange)
    assert str(losers[0]).startswith("已被他人修改:该数据当前状态为「已通过」")
    row = Observation.objects.get(pk=obs.pk)
    assert (row.status, row.reviewed_by.username, row.lock_version) == ("approved", winners[0], obs.lock_version + 1)
    assert row.review_comment == f"{winners[0]} 审核"
    approvals = AuditEntry.objects.filter(object_id=obs.pk, action="approve")
    assert [a.actor_name for a in approvals] == winners
    assert row.history.filter(status="approved").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_planners_loading_the_default_rules_at_once_store_them_once(cast, small_plan):
    """Both press 「载入默认规则」 together: three rows and three audit entries, not six; the second planner
    is told the rules were just loaded (PostgreSQL) or finds them loaded (SQLite queues the writers)."""
    from planwatch.web.monitoring.models import ValidationRule
    from planwatch.web.monitoring.rulebook import seed_default_rules

    admin_as_planner = cast.admin
    barrier = threading.Barrier(2)
    outcome: dict[str, object] = {}

    def seed(user) -> None:
        try:
            barrier.wait(timeout=10)
            outcome[user.username] = len(seed_default_rules(user=user, reason="载入").created)
        except Exception as error:  # the refusal is the result under test
            outcome[user.username] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=seed, args=(u,)) for u in (cast.planner, admin_as_planner)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(r if isinstance(r, int) else 0 for r in outcome.values()) == [0, 3], outcome
    assert all(isinstance(r, int | services.ConcurrentChange) for r in outcome.values()), outcome
    assert ValidationRule.objects.count() == 3
    assert AuditEntry.objects.filter(subject="rule", action="create").count() == 3
