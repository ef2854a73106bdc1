"""The work pages' access policy as one table: (role, url, expected status).

Task 1 is led by 于都县 with 瑞金市 cooperating; 长赣高铁 is led by 南康区. A unit with no part in an item
gets 404 (it may not know it exists); a role that sees but may not change gets 403; nobody signed in is
sent to the login page.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

ROWS = [
    # role, url, status
    (None, "/work/", 302),
    ("yudu", "/work/", 200),
    ("supervisor", "/work/", 200),
    ("planner", "/work/tasks/", 200),
    ("yudu", "/work/tasks/", 200),
    ("yudu", "/work/tasks/{task}/", 200),
    ("ruijin", "/work/tasks/{task}/", 200),
    ("nankang", "/work/tasks/{task}/", 404),
    ("supervisor", "/work/tasks/{task}/", 200),
    ("nankang", "/work/projects/{project}/", 200),
    ("yudu", "/work/projects/{project}/", 404),
    ("yudu", "/work/task/{task}/report/", 200),
    ("ruijin", "/work/task/{task}/report/", 403),
    ("planner", "/work/task/{task}/report/", 403),
    ("supervisor", "/work/task/{task}/report/", 403),
    ("nankang", "/work/task/{task}/report/", 404),
    ("nankang", "/work/project/{project}/report/", 200),
    ("yudu", "/work/other/{task}/report/", 404),
    ("supervisor", "/work/supervision/", 200),
    ("reviewer", "/work/supervision/", 200),
    ("yudu", "/work/supervision/", 403),
    ("yudu", "/work/supervision.xlsx", 403),
    ("supervisor", "/work/supervision.xlsx", 200),
    ("yudu", "/work/escalations/", 200),
    ("supervisor", "/work/escalations/", 200),
    ("planner", "/work/sheets/tasks.xlsx", 200),
    ("planner", "/work/sheets/projects.xlsx", 200),
    ("planner", "/work/sheets/other.xlsx", 404),
    ("reviewer", "/work/sheets/tasks/import/", 403),
    ("planner", "/work/sheets/projects/import/", 200),
]


def test_access_policy(yudu_task, nankang_project, cast, client_for):
    """One test, not one per row: each row would load the whole plan again (3 s apiece)."""
    clients = {}
    wrong = []
    for role, url, status in ROWS:
        client = clients.setdefault(role, client_for(getattr(cast, role) if role else None))
        got = client.get(url.format(task=yudu_task.pk, project=nankang_project.pk)).status_code
        if got != status:
            wrong.append((role, url, status, got))
    assert wrong == []
