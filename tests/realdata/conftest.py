"""Fixtures for the real-data web tests: the shipped plan and the shipped figures in the database.

The shared cast of users comes from ``tests/web/conftest.py`` (imported, not copied).
"""

from __future__ import annotations

import pytest

from tests.web.conftest import (  # noqa: F401  (fixtures re-used by name)
    anonymous_client,
    assignments,
    cast,
    client_for,
    reference_data,
    small_plan,
)


@pytest.fixture
def ganzhou_plan(db):
    """The real plan, read from the shipped document by the plan reader."""
    from planwatch.data import GANZHOU_PLAN
    from planwatch.documents import read_plan
    from planwatch.web.plans.services import load_plan

    return load_plan(read_plan(GANZHOU_PLAN), reason="测试:载入赣州规划").plan


@pytest.fixture
def real_data(ganzhou_plan):
    """The shipped dataset loaded as the first README command loads it."""
    from planwatch.web.realdata.services import load_dataset

    return load_dataset(reason="测试:载入真实数据")
