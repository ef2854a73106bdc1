"""Who sees what, on every page, download, map and API route: the role table of
docs/data-collection.md, checked against the answers themselves.

One table gives the status each role gets for each URL (columns: roles; 302 = sent to sign in).
Then every answer that is a 200 is searched — HTML, JSON, CSV, and XLSX read back with openpyxl —
for what that role must not see (``HIDDEN``): figures not yet published of other units, and the
internal notes, quotes and review comments of figures that are not its own. The portal, its
downloads and the map script are the public's view whoever asks. ``SHOWN`` checks the other side,
so that a page showing nothing cannot pass.

Figures (tests/web/security/conftest.py): published 4606.2 (市统计局, with notes) and 246.8 (于都县,
returned once); approved-unpublished 4712.3 (市统计局) and 287.3 (瑞金市); 瑞金市 draft 301.9 and
returned 277.7.
"""

from __future__ import annotations

import io
import itertools
import json
import re

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "yudu", "ruijin", "stats_reporter", "reviewer", "planner", "supervisor"]
TABLE = """
url                                          anonymous yudu ruijin stats_reporter reviewer planner supervisor
/                                            200       200  200    200            200      200     200
/portal/                                     200       200  200    200            200      200     200
/portal/indicators/I01/                      200       200  200    200            200      200     200
/portal/indicators/I01/published/            200       200  200    200            200      200     200
/portal/indicators/I01/data.csv              200       200  200    200            200      200     200
/portal/indicators/I01/data.xlsx             200       200  200    200            200      200     200
/portal/counties/I01/                        200       200  200    200            200      200     200
/portal/counties/I01/2023/                   200       200  200    200            200      200     200
/maps/ganzhou-counties.js                    200       200  200    200            200      200     200
/favicon.ico                                 200       200  200    200            200      200     200
/dashboard/                                  302       200  200    200            200      200     200
/dashboard/indicators/I01/                   302       200  200    200            200      200     200
/dashboard/indicators/I01/data.csv           302       200  200    200            200      200     200
/dashboard/indicators/I01/data.xlsx          302       200  200    200            200      200     200
/dashboard/counties/I01/                     302       200  200    200            200      200     200
/dashboard/counties/I01/2023/                302       200  200    200            200      200     200
/monitoring/observations/                    302       200  200    200            200      200     200
/monitoring/observations/export.csv          302       200  200    200            200      200     200
/monitoring/observations/{stats_pub}/        302       200  200    200            200      200     200
/monitoring/observations/{yudu_pub}/         302       200  200    200            200      200     200
/monitoring/observations/{ruijin_approved}/  302       404  200    404            200      200     200
/monitoring/observations/{ruijin_draft}/     302       404  200    404            404      200     200
/monitoring/indicators/{gdp}/history/        302       200  200    200            200      200     200
/monitoring/review/                          302       403  403    403            200      403     403
/monitoring/audit/                           302       403  403    403            403      200     200
/monitoring/audit.csv                        302       403  403    403            403      200     200
/realdata/series/                            302       200  200    200            200      200     200
/api/observations                            200       200  200    200            200      200     200
/api/observations/{stats_pub}                200       200  200    200            200      200     200
/api/observations/{yudu_pub}                 200       200  200    200            200      200     200
/api/observations/{ruijin_approved}          404       404  200    404            200      200     200
/api/observations/{ruijin_draft}             404       404  200    404            404      200     200
/api/evaluation                              200       200  200    200            200      200     200
/api/evaluation?region=瑞金市&as_of=2023       200       200  200    200            200      200     200
/api/docs                                    200       200  200    200            200      200     200
/api/openapi.json                            200       200  200    200            200      200     200
"""
ROWS = [line.split() for line in TABLE.strip().splitlines()[1:]]

STATS_NOTES = ["NOTE-MARK", "QUOTE-MARK", "APPROVE-MARK", "来源类型", "可信度", "secondary_news"]
YUDU_NOTES = ["YUDU-NOTE", "SENT-BACK-MARK"]
RUIJIN_NOTES = ["RUIJIN-RETURN-MARK"]
UNPUBLISHED = {"stats": ["4712.3"], "ruijin": ["287.3", "301.9", "277.7"]}
EVERYTHING_INTERNAL = [
    *UNPUBLISHED["stats"],
    *UNPUBLISHED["ruijin"],
    *STATS_NOTES,
    *YUDU_NOTES,
    *RUIJIN_NOTES,
]
HIDDEN = {
    "anonymous": EVERYTHING_INTERNAL,
    "yudu": [*UNPUBLISHED["stats"], *UNPUBLISHED["ruijin"], *STATS_NOTES, *RUIJIN_NOTES],
    "ruijin": [*UNPUBLISHED["stats"], *STATS_NOTES, *YUDU_NOTES],
    "stats_reporter": [*UNPUBLISHED["ruijin"], *YUDU_NOTES, *RUIJIN_NOTES],
    "reviewer": ["301.9"],  # everything but other units' drafts
    "planner": [],
    "supervisor": [],
}
PUBLIC_VIEW = ("/portal/", "/maps/", "/favicon.ico")
SHOWN = {
    ("anonymous", "/portal/indicators/I01/"): ["4606.2", "tjj.ganzhou.gov.cn"],
    ("anonymous", "/portal/indicators/I01/data.csv"): ["4606.2", "tjj.ganzhou.gov.cn"],
    ("anonymous", "/portal/indicators/I01/data.xlsx"): ["4606.2", "tjj.ganzhou.gov.cn"],
    ("anonymous", "/portal/counties/I01/2023/"): ["246.8"],
    ("anonymous", "/api/observations/{yudu_pub}"): ["246.8"],
    ("yudu", "/dashboard/indicators/I01/"): ["4606.2"],
    ("yudu", "/monitoring/observations/{yudu_pub}/"): ["YUDU-NOTE", "SENT-BACK-MARK"],
    ("yudu", "/api/observations/{yudu_pub}"): ["YUDU-NOTE"],
    ("ruijin", "/dashboard/counties/I01/2023/"): ["287.3", "246.8"],
    ("ruijin", "/dashboard/indicators/I01/data.xlsx"): ["4606.2"],
    ("stats_reporter", "/dashboard/indicators/I01/"): ["4712.3", "NOTE-MARK", "QUOTE-MARK"],
    ("stats_reporter", "/api/evaluation"): ["4712.3"],
    ("yudu", "/api/evaluation"): ["4606.2"],
    ("reviewer", "/api/observations/{stats_pub}"): ["NOTE-MARK", "APPROVE-MARK"],
    ("planner", "/dashboard/counties/I01/2023/"): ["287.3"],
    ("planner", "/dashboard/indicators/I01/data.csv"): ["4712.3", "NOTE-MARK", "QUOTE-MARK"],
    ("planner", "/monitoring/observations/{stats_pub}/"): ["NOTE-MARK", "APPROVE-MARK"],
    ("supervisor", "/api/evaluation"): ["4712.3"],
}


def readable(response) -> str:
    """The answer as a person or a spreadsheet would read it."""
    kind = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if "spreadsheetml" in kind:
        book = load_workbook(io.BytesIO(body))
        return "\n".join(
            ",".join("" if c is None else str(c) for c in row)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    if kind.startswith("image/"):
        return ""
    text = body.decode("utf-8")
    if kind.startswith("application/json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_status_of_the_table_and_sees_nothing_it_should_not(
    role, cast, states, client_for, anonymous_client
):
    client = anonymous_client if role == "anonymous" else client_for(getattr(cast, role))
    names = {
        "stats_pub": states.stats_pub.pk,
        "yudu_pub": states.yudu_pub.pk,
        "gdp": states.gdp.pk,
        "ruijin_approved": states.ruijin_approved.pk,
        "ruijin_draft": states.ruijin_draft.pk,
    }
    column = ["anonymous", *ROLES[1:]].index(role) + 1
    problems = []
    for row in ROWS:
        url, expected = row[0].format(**names), int(row[column])
        response = client.get(url)
        if response.status_code != expected:
            problems.append(f"{url}: HTTP {response.status_code}, expected {expected}")
            continue
        if expected != 200:
            continue
        text = readable(response)
        hidden = HIDDEN["anonymous"] if url.startswith(PUBLIC_VIEW) else HIDDEN[role]
        problems += [f"{url}: shows {mark}" for mark in hidden if mark in text]
        problems += [f"{url}: lacks {mark}" for mark in SHOWN.get((role, row[0]), []) if mark not in text]
    assert problems == []


def test_every_shown_expectation_names_a_row_of_the_table():
    urls = {row[0] for row in ROWS}
    assert {url for _, url in SHOWN} <= urls


# --- every route, not only the table's ------------------------------------------------------------------

FILLS = {
    "<str:code>": ["I01"],
    "<str:fmt>": ["csv", "xlsx"],
    "<int:year>": [2023],
    "<int:number>": [1],
    "<str:kind>": ["tasks", "projects"],
    "<str:decision>": ["approve"],
}


def _routes(patterns=None, prefix=""):
    from django.urls import URLPattern, URLResolver, get_resolver

    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            if not str(p.pattern).startswith("admin/"):
                yield from _routes(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield "/" + prefix + str(p.pattern)


def _urls(states) -> list[str]:
    """Every route of the URLconf (admin aside), each parameter filled with the fixture's objects."""
    figures = [
        states.stats_pub,
        states.stats_approved,
        states.yudu_pub,
        states.ruijin_approved,
        states.ruijin_draft,
        states.ruijin_returned,
    ]
    fills = {
        **FILLS,
        "<int:pk>": [o.pk for o in figures] + [states.gdp.pk],
        "<obs_id>": [o.pk for o in figures],
        "<int:plan_id>": [states.gdp.plan_id],
    }
    urls = []
    for route in _routes():
        keys = re.findall(r"<[^>]+>", route)
        for combo in itertools.product(*[fills.get(k, ["1"]) for k in keys]):
            url = route
            for key, value in zip(keys, combo, strict=True):
                url = url.replace(key, str(value), 1)
            urls.append(url)
    return urls


@pytest.mark.parametrize("role", ["anonymous", "yudu", "ruijin", "stats_reporter", "reviewer"])
def test_no_route_of_the_urlconf_shows_a_role_what_it_must_not_see(
    role, cast, states, client_for, anonymous_client
):
    """The table above names the pages of the role table; this walks every GET route there is (a page, a
    download or an API answer added later included), so a new one cannot show what the table forbids."""
    client = anonymous_client if role == "anonymous" else client_for(getattr(cast, role))
    problems, read = [], 0
    for url in _urls(states):
        response = client.get(url)
        if response.status_code != 200:
            continue
        read += 1
        try:
            text = readable(response)
        except UnicodeDecodeError:  # a PDF or another binary answer: search its bytes
            text = response.content.decode("latin-1")
        hidden = HIDDEN["anonymous"] if url.startswith(PUBLIC_VIEW) else HIDDEN[role]
        problems += [f"{url}: shows {mark}" for mark in hidden if mark in text]
    assert problems == []
    assert read >= 20  # the walk reached the pages, not only refusals
