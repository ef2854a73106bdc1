"""Who may open the dashboard and portal pages: one table of (role, url, expected status).

Policy: the 驾驶舱, indicator pages, county view and their downloads are open to every signed-in
role (they change nothing) and show approved figures — to a reporter only its own unit's approved
ones besides the published (what each role sees is tests/web/security/test_visibility.py); anonymous visitors are sent to the login page, and a
signed-in account without a Planwatch role is refused (403), as it would see unpublished figures. The portal, its downloads and the map script are public. An unknown indicator
is a 404 for everyone.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

SIGNED_IN = ["planner", "reviewer", "zhanggong", "nankang", "stats_reporter", "supervisor", "admin"]
PRIVATE = [
    "/dashboard/",
    "/dashboard/indicators/I01/",
    "/dashboard/indicators/I01/data.csv",
    "/dashboard/indicators/I01/data.xlsx",
    "/dashboard/counties/I01/",
]
PUBLIC = [
    "/portal/",
    "/portal/indicators/I01/",
    "/portal/indicators/I01/data.csv",
    "/portal/counties/I01/",
    "/portal/plan/",
    "/maps/ganzhou-counties.js",
]
TABLE = (
    [("anonymous", url, 302) for url in PRIVATE]
    + [("anonymous", url, 200) for url in PUBLIC]
    + [(role, url, 200) for role in SIGNED_IN for url in PRIVATE + PUBLIC]
    + [(role, "/dashboard/indicators/NOPE/", 404) for role in ("planner", "zhanggong")]
    + [("anonymous", "/portal/indicators/NOPE/", 404), ("anonymous", "/dashboard/indicators/I01/data.pdf", 302)]
    + [("planner", "/dashboard/indicators/I01/data.pdf", 404)]
    + [("no_role", url, 403) for url in PRIVATE] + [("no_role", url, 200) for url in PUBLIC]
)


@pytest.mark.parametrize(("role", "url", "status"), TABLE)
def test_role_url_status(role, url, status, cast, small_plan, assignments, client_for, anonymous_client,
                         django_user_model):
    if role == "no_role":
        client = client_for(django_user_model.objects.create_user("newcomer", password="newcomer-pass-123"))
    else:
        client = anonymous_client if role == "anonymous" else client_for(getattr(cast, role))
    response = client.get(url)
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/accounts/login/?next=")


def test_dashboard_reporting_status_names_units_that_have_not_reported(
    cast, small_plan, assignments, client_for
):
    """Nothing is in for 2024: each county government 0/1, 市统计局 0/4 (I01–I04 for 赣州市)."""
    html = client_for(cast.planner).get("/dashboard/").content.decode()
    section = html[html.index('id="reporting-title"'): html.index('id="changes-title"')]
    assert "2024" in section
    assert "市统计局" in section and "0/4" in section
    for county in ("章贡区", "南康区", "于都县", "瑞金市"):
        assert f"{county}人民政府" in section
    assert section.count("0/1") == 4
