from __future__ import annotations

import pytest

from tests.web.dashboard.seed import seed


@pytest.fixture
def seeded(db):
    return seed()
