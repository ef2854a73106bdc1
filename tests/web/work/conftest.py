"""Fixtures for the work app: the shipped Ganzhou plan loaded (its work items created by the load),
a task and a project assigned to units of the shared cast."""

from __future__ import annotations

import datetime as dt

import pytest

from planwatch.web.work import services
from planwatch.web.work.models import KeyProject, WorkTask


@pytest.fixture
def ganzhou(reference_data):
    from planwatch.data import GANZHOU_PLAN
    from planwatch.documents import read_plan
    from planwatch.web.plans.services import load_plan

    return load_plan(read_plan(GANZHOU_PLAN), reason="测试").plan


@pytest.fixture
def units(reference_data):
    return reference_data.units


@pytest.fixture
def yudu_task(ganzhou, cast, units) -> WorkTask:
    """Task 1 led by 于都县人民政府 with 瑞金市人民政府 cooperating, due at the end of 2025."""
    task = WorkTask.objects.get(plan=ganzhou, number=1)
    return services.assign_task(
        task,
        user=cast.planner,
        reason="测试分工",
        lead_unit=units["于都县人民政府"],
        cooperating_units=[units["瑞金市人民政府"]],
        deadline=dt.date(2025, 12, 31),
    )


@pytest.fixture
def nankang_project(ganzhou, cast, units) -> KeyProject:
    """长赣高铁 led by 南康区人民政府, under construction (no yearly investment plan entered yet)."""
    project = KeyProject.objects.get(plan=ganzhou, name="长赣高铁")
    return services.update_project(
        project, user=cast.planner, reason="测试台账", lead_unit=units["南康区人民政府"], stage="在建"
    )
