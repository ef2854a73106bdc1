"""The access policy of every data-collection page and API endpoint, as one table.

Each row: role, method, URL (``{name}`` is filled from the ``figures`` fixture), expected status.
302 for an anonymous visitor on a page is the redirect to the login page; for a permitted POST it
is the redirect back after the action. Not visible → 404; visible but not the user's to change → 403;
a permitted POST whose input is refused (an empty selection, no task chosen) → 422; one the state refuses
(a second target adjustment while the fixture's is still pending) → 409.
"""

from __future__ import annotations

import pytest

TABLE = """
anonymous  GET  /monitoring/entry/                                   302
yudu       GET  /monitoring/entry/                                   200
reviewer   GET  /monitoring/entry/                                   200
planner    GET  /monitoring/entry/                                   403
supervisor GET  /monitoring/entry/                                   403
admin      GET  /monitoring/entry/                                   403
anonymous  GET  /monitoring/observations/                            302
yudu       GET  /monitoring/observations/                            200
supervisor GET  /monitoring/observations/                            200
anonymous  GET  /monitoring/observations/export.csv                  302
yudu       GET  /monitoring/observations/export.csv                  200
supervisor GET  /monitoring/observations/export.csv                  200
anonymous  GET  /monitoring/observations/{ruijin_draft}/             302
yudu       GET  /monitoring/observations/{ruijin_draft}/             404
ruijin     GET  /monitoring/observations/{ruijin_draft}/             200
reviewer   GET  /monitoring/observations/{ruijin_draft}/             404
planner    GET  /monitoring/observations/{ruijin_draft}/             200
supervisor GET  /monitoring/observations/{ruijin_draft}/             200
admin      GET  /monitoring/observations/{ruijin_draft}/             200
yudu       GET  /monitoring/observations/{published}/                200
ruijin     GET  /monitoring/observations/{published}/                200
anonymous  GET  /monitoring/review/                                  302
yudu       GET  /monitoring/review/                                  403
reviewer   GET  /monitoring/review/                                  200
planner    GET  /monitoring/review/                                  403
supervisor GET  /monitoring/review/                                  403
admin      GET  /monitoring/review/                                  200
anonymous  GET  /monitoring/indicators/{gdp}/history/                302
yudu       GET  /monitoring/indicators/{gdp}/history/                200
supervisor GET  /monitoring/indicators/{gdp}/history/                200
anonymous  GET  /monitoring/assignments/                             302
yudu       GET  /monitoring/assignments/                             200
planner    GET  /monitoring/assignments/                             200
supervisor GET  /monitoring/assignments/                             200
yudu       POST /monitoring/assignments/                             403
supervisor POST /monitoring/assignments/                             403
reviewer   POST /monitoring/assignments/                             403
planner    POST /monitoring/assignments/                             302
anonymous  GET  /monitoring/overdue/                                 302
yudu       GET  /monitoring/overdue/                                 200
supervisor GET  /monitoring/overdue/                                 200
anonymous  GET  /monitoring/targets/                                 302
yudu       GET  /monitoring/targets/                                 403
reviewer   GET  /monitoring/targets/                                 200
planner    GET  /monitoring/targets/                                 200
supervisor GET  /monitoring/targets/                                 200
admin      GET  /monitoring/targets/                                 200
anonymous  GET  /monitoring/audit/                                   302
yudu       GET  /monitoring/audit/                                   403
reviewer   GET  /monitoring/audit/                                   403
planner    GET  /monitoring/audit/                                   200
supervisor GET  /monitoring/audit/                                   200
admin      GET  /monitoring/audit/                                   200
yudu       GET  /monitoring/audit.csv                                403
supervisor GET  /monitoring/audit.csv                                200
anonymous  GET  /monitoring/rules/                                   302
yudu       GET  /monitoring/rules/                                   403
reviewer   GET  /monitoring/rules/                                   403
planner    GET  /monitoring/rules/                                   200
supervisor GET  /monitoring/rules/                                   200
anonymous  GET  /portal/indicators/I01/published/                    200
yudu       GET  /portal/indicators/I01/published/                    200
anonymous  GET  /portal/indicators/NOPE/published/                   404
anonymous  GET  /public/indicators/I01/                              301
anonymous  POST /monitoring/entry/new/                               302
planner    POST /monitoring/entry/new/                               403
supervisor POST /monitoring/entry/new/                               403
yudu       POST /monitoring/entry/new/                               422
anonymous  POST /monitoring/entry/                                   302
planner    POST /monitoring/entry/                                   403
yudu       POST /monitoring/entry/                                   302
anonymous  POST /monitoring/review/batch/                            302
yudu       POST /monitoring/review/batch/                            403
reviewer   POST /monitoring/review/batch/                            422
yudu       POST /monitoring/observations/{ruijin_submitted}/withdraw/ 404
reviewer   POST /monitoring/observations/{ruijin_submitted}/withdraw/ 403
ruijin     POST /monitoring/observations/{ruijin_submitted}/withdraw/ 302
anonymous  POST /monitoring/observations/{ruijin_draft}/edit/        302
yudu       POST /monitoring/observations/{ruijin_draft}/edit/        404
reviewer   POST /monitoring/observations/{ruijin_draft}/edit/        404
supervisor POST /monitoring/observations/{ruijin_draft}/edit/        403
ruijin     POST /monitoring/observations/{ruijin_draft}/edit/        302
yudu       POST /monitoring/observations/{ruijin_draft}/submit/      404
supervisor POST /monitoring/observations/{ruijin_draft}/submit/      403
ruijin     POST /monitoring/observations/{ruijin_draft}/submit/      302
yudu       POST /monitoring/observations/{published}/revise/         302
ruijin     POST /monitoring/observations/{published}/revise/         403
anonymous  POST /monitoring/observations/{ruijin_submitted}/approve/ 302
yudu       POST /monitoring/observations/{ruijin_submitted}/approve/ 404
ruijin     POST /monitoring/observations/{ruijin_submitted}/approve/ 403
planner    POST /monitoring/observations/{ruijin_submitted}/approve/ 403
supervisor POST /monitoring/observations/{ruijin_submitted}/approve/ 403
reviewer   POST /monitoring/observations/{ruijin_submitted}/approve/ 302
reviewer   POST /monitoring/observations/{stats_own}/approve/        403
reviewer2  POST /monitoring/observations/{stats_own}/approve/        302
supervisor POST /monitoring/observations/{ruijin_submitted}/return/  403
reviewer   POST /monitoring/observations/{ruijin_submitted}/return/  302
supervisor POST /monitoring/observations/{published}/publish/        403
yudu       POST /monitoring/observations/{published}/publish/        403
anonymous  POST /monitoring/targets/{gdp}/propose/                   302
yudu       POST /monitoring/targets/{gdp}/propose/                   403
reviewer   POST /monitoring/targets/{gdp}/propose/                   403
supervisor POST /monitoring/targets/{gdp}/propose/                   403
planner    POST /monitoring/targets/{gdp}/propose/                   409
planner    POST /monitoring/targets/versions/{gdp_target}/approve/   403
supervisor POST /monitoring/targets/versions/{gdp_target}/approve/   403
admin      POST /monitoring/targets/versions/{gdp_target}/approve/   302
supervisor POST /monitoring/rules/                                   403
yudu       POST /monitoring/rules/                                   403
planner    POST /monitoring/rules/                                   302
anonymous  POST /monitoring/rules/seed/                              302
yudu       POST /monitoring/rules/seed/                              403
reviewer   POST /monitoring/rules/seed/                              403
supervisor POST /monitoring/rules/seed/                              403
planner    POST /monitoring/rules/seed/                              302
planner    GET  /monitoring/rules/seed/                              405
anonymous  GET  /api/regions                                         200
anonymous  GET  /api/indicators                                      200
anonymous  GET  /api/observations                                    200
yudu       GET  /api/observations                                    200
anonymous  GET  /api/observations/{ruijin_draft}                     404
yudu       GET  /api/observations/{ruijin_draft}                     404
ruijin     GET  /api/observations/{ruijin_draft}                     200
supervisor GET  /api/observations/{ruijin_draft}                     200
anonymous  POST /api/observations                                    401
supervisor POST /api/observations                                    403
yudu       POST /api/observations                                    201
anonymous  POST /api/observations/{ruijin_draft}/submit              401
yudu       POST /api/observations/{ruijin_draft}/submit              404
supervisor POST /api/observations/{ruijin_draft}/submit              403
ruijin     POST /api/observations/{ruijin_draft}/submit              200
anonymous  POST /api/observations/{ruijin_submitted}/approve         401
yudu       POST /api/observations/{ruijin_submitted}/approve         404
ruijin     POST /api/observations/{ruijin_submitted}/approve         403
supervisor POST /api/observations/{ruijin_submitted}/approve         403
reviewer   POST /api/observations/{ruijin_submitted}/approve         200
reviewer   POST /api/observations/{stats_own}/approve                403
supervisor POST /api/observations/{published}/publish                403
reviewer   POST /api/observations/{ruijin_submitted}/return          200
"""

ROWS = [tuple(line.split()) for line in TABLE.strip().splitlines()]
# Bodies that make the permitted POSTs succeed (a refused one never reads them).
BODIES = {
    "/edit/": {"value": "301", "lock_version": "1"},
    "/revise/": {"value": "241", "reason": "年报修订"},
    "/return/": {"comment": "请核对"},
    "/propose/": {"value": "5600", "reason": "中期评估调整"},
    "/monitoring/assignments/": {"unit": "{unit}", "indicator": "{gdp}", "regions": "{region}", "year": "2025",
                                 "frequency": "annual", "due_date": "2026-03-31", "reason": "2025年度任务"},
    "/monitoring/rules/": {"kind": "range", "severity": "error", "min_value": "0", "max_value": "100",
                           "factor": "1", "active": "on", "reason": "百分比范围"},
}
API_BODIES = {"/api/observations": {"indicator": "I01", "region": "于都县", "year": 2022, "value": 230},
              "/return": {"comment": "请核对"}}


def _body(url: str, table: dict) -> dict:
    return next((body for tail, body in table.items() if url.endswith(tail)), {})


@pytest.mark.parametrize(("role", "method", "url", "expected"), ROWS, ids=[" ".join(r) for r in ROWS])
def test_access_policy(role, method, url, expected, cast, figures, client_for, anonymous_client):
    names = {"ruijin_draft": figures.ruijin_draft.pk, "ruijin_submitted": figures.ruijin_submitted.pk,
             "published": figures.published.pk, "stats_own": figures.stats_own.pk, "gdp": figures.gdp.pk,
             "gdp_target": figures.gdp_target.pk}
    target = url.format(**names)
    client = anonymous_client if role == "anonymous" else client_for(getattr(cast, role))
    if method == "GET":
        response = client.get(target)
    elif target.startswith("/api/"):
        response = client.post(target, _body(target, API_BODIES), content_type="application/json")
    else:
        body = {k: v.format(unit=figures.yudu_draft.unit_id, gdp=figures.gdp.pk, region=figures.yudu_draft.region_id)
                for k, v in _body(target, BODIES).items()}
        response = client.post(target, body)
    assert response.status_code == int(expected), response.content[:300].decode(errors="replace")
