from __future__ import annotations

import pytest

from tests.web.dashboard.seed import seed


@pytest.fixture
def seeded(db):
    return seed()


@pytest.fixture
def signed_in(db, django_user_model):
    """A signed-in user (市发改委 planner); the dashboard is for every signed-in role."""
    return django_user_model.objects.create_user("planner", password="planner-pass-123")
