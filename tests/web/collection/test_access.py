"""Who may use the import pages: reporters and reviewers of a unit; others 403; anonymous to login."""

from __future__ import annotations

import pytest

from tests.web.collection.conftest import TEMPLATE, UPLOAD

ACCESS = [
    # (cast member, url, expected status)
    ("zhanggong", TEMPLATE, 200),
    ("zhanggong", UPLOAD, 200),
    ("stats_reporter", TEMPLATE, 200),
    ("reviewer", UPLOAD, 200),  # a reviewer's unit may report too
    ("planner", TEMPLATE, 403),
    ("planner", UPLOAD, 403),
    ("supervisor", TEMPLATE, 403),
    ("supervisor", UPLOAD, 403),
    ("admin", UPLOAD, 200),  # no unit of their own: chooses the unit to import for
    ("admin", TEMPLATE, 422),  # no unit chosen yet: the upload page, saying to choose one
]


@pytest.mark.parametrize(("member", "url", "status"), ACCESS)
def test_access_policy_of_the_import_pages(cast, assignments, client_for, member, url, status):
    assert client_for(getattr(cast, member)).get(url).status_code == status


@pytest.mark.parametrize("url", [TEMPLATE, UPLOAD])
def test_import_pages_require_login(anonymous_client, db, url):
    response = anonymous_client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_supervisor_cannot_post_an_upload(cast, assignments, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(cast.supervisor).post(UPLOAD, {"file": SimpleUploadedFile("x.csv", b"a")})
    assert response.status_code == 403


def test_nav_shows_the_import_link_to_reporters_only(cast, assignments, client_for):
    assert "/collection/upload/" in client_for(cast.zhanggong).get("/collection/upload/").content.decode()
    assert "/collection/upload/" not in client_for(cast.supervisor).get("/").content.decode()
