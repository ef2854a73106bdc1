"""``planwatch demo``'s work step: demo units lead a share of the plan's work, reports in every state, all marked."""

from __future__ import annotations

import pytest

from planwatch.web.work.demo import demo_step
from planwatch.web.work.models import KeyProject, ProgressReport, WorkTask

pytestmark = pytest.mark.django_db


def test_demo_assigns_work_with_reports_in_every_state_and_marks_it(ganzhou):
    from planwatch.cli.monitoring import demo_step as users_step

    users_step()
    demo_step()
    tasks = WorkTask.objects.filter(plan=ganzhou).exclude(lead_unit=None)
    assert tasks.count() == 23 and not tasks.filter(is_demo=False).exists()  # every third of 67
    assert (
        KeyProject.objects.filter(is_demo=True).count()
        == KeyProject.objects.exclude(lead_unit=None).count()
        > 0
    )
    states = set(ProgressReport.objects.values_list("status", flat=True))
    assert states == {"draft", "submitted", "returned", "accepted"}
    assert not ProgressReport.objects.filter(is_demo=False).exists()
    before = ProgressReport.objects.count()
    demo_step()  # a second run leaves the demo alone
    assert ProgressReport.objects.count() == before


def test_demo_assignments_and_reports_are_marked_on_the_pages(ganzhou, client):
    """The plan's text and names are real; who leads and what was reported is invented, and says so."""
    from django.contrib.auth import get_user_model

    from planwatch.cli.monitoring import demo_step as users_step

    users_step()
    demo_step()
    client.force_login(get_user_model().objects.get(username="planner"))
    task = WorkTask.objects.filter(is_demo=True).order_by("number").first()
    listing = client.get("/work/tasks/").content.decode()
    row = listing[listing.index(f'href="/work/tasks/{task.pk}/"') :].split("</tr>")[0]
    assert '<span class="demo">演示分工</span>' in row
    assert '<span class="demo">演示分工</span>' in client.get(f"/work/tasks/{task.pk}/").content.decode()
    report = ProgressReport.objects.filter(is_demo=True).first()
    assert '<span class="demo">演示报告</span>' in client.get(f"/work/reports/{report.pk}/").content.decode()
    unassigned = WorkTask.objects.filter(lead_unit=None).order_by("number").first()
    row = listing[listing.index(f'href="/work/tasks/{unassigned.pk}/"') :].split("</tr>")[0]
    assert "演示" not in row
