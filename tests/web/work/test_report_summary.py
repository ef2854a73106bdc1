"""The evaluation report's tasks section (planwatch.web.work.reporting): counted by hand from the work below."""

from __future__ import annotations

import datetime as dt

import pytest

from planwatch.web.work import services
from planwatch.web.work.models import WorkTask
from planwatch.web.work.reporting import report_summary
from planwatch.web.work.services import ReportInput

pytestmark = pytest.mark.django_db


def _accepted(task, cast, period, percent):
    report = services.save_report(task, user=cast.yudu, reason="季度报告", period=period,
                                  data=ReportInput(done_text="推进中", percent=percent))
    report = services.submit_report(report, user=cast.yudu, reason="报送")
    return services.review_report(report, user=cast.planner, reason="审核", accept=True)


def test_tasks_are_completed_late_or_on_schedule_as_of_the_years_end(ganzhou, cast, units, yudu_task,
                                                                      nankang_project):
    """As of 2025 (31 Dec 2025):
    task 1 (于都, due 2025-12-31): accepted 100% in 2025Q4 → completed;
    task 2 (于都, due 2024-06-30): accepted 60% only, deadline passed → late;
    task 3 (于都, due 2026-12-31): a draft of 100% does not count → on schedule.
    Project 长赣高铁: planned 12.5 亿元, done 3.2 亿元 → 125000 万元 and 32000 万元."""
    _accepted(yudu_task, cast, "2025Q4", 100)
    late = services.assign_task(WorkTask.objects.get(plan=ganzhou, number=2), user=cast.planner, reason="分工",
                                lead_unit=units["于都县人民政府"], cooperating_units=[], deadline=dt.date(2024, 6, 30))
    _accepted(late, cast, "2024Q2", 60)
    later = services.assign_task(WorkTask.objects.get(plan=ganzhou, number=3), user=cast.planner, reason="分工",
                                 lead_unit=units["于都县人民政府"], cooperating_units=[], deadline=dt.date(2026, 12, 31))
    services.save_report(later, user=cast.yudu, reason="草稿", period="2025Q4", data=ReportInput(percent=100))
    services.update_project(nankang_project, user=cast.planner, reason="台账", planned_investment=12.5,
                            investment_done=3.2)

    summary = report_summary(ganzhou, 2025, public=False)
    assert summary["tasks"] == {"total": 3, "completed": 1, "on_schedule": 1, "late": 1, "demo": 0}
    assert summary["projects"]["total"] == 1
    assert summary["projects"]["planned_wan"] == pytest.approx(125000)
    assert summary["projects"]["done_wan"] == pytest.approx(32000)

    as_of_2024 = report_summary(ganzhou, 2024, public=False)  # the 2025Q4 report is after 2024's end
    assert as_of_2024["tasks"] == {"total": 3, "completed": 0, "on_schedule": 2, "late": 1, "demo": 0}


def test_nothing_assigned_means_no_tasks_section(ganzhou):
    assert report_summary(ganzhou, 2025, public=False) is None


def test_the_internal_edition_counts_the_demo_assignments_and_says_so(ganzhou, yudu_task, nankang_project):
    """Task 1 (于都) is the bureau's; 长赣高铁 is marked 演示 (as ``planwatch demo`` marks its own).
    Internal: 1 task of which 0 demo, 1 project of which 1 demo; public: the demo project is left out."""
    type(nankang_project).objects.filter(pk=nankang_project.pk).update(is_demo=True)
    internal = report_summary(ganzhou, 2025, public=False)
    assert (internal["tasks"]["total"], internal["tasks"]["demo"]) == (1, 0)
    assert (internal["projects"]["total"], internal["projects"]["demo"]) == (1, 1)
    public = report_summary(ganzhou, 2025, public=True)
    assert "demo" not in public["tasks"] and public["projects"]["total"] == 0
