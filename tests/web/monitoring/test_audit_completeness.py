"""Every write leaves an audit row with the acting user and a reason — or is refused.

Two walks, so a new model or URL cannot slip past:

- every model registered with the Django admin: a read-only one refuses add, change and delete
  (403); an editable one (``ADMIN_CHANGES``, which must list exactly the editable ones) stores a change
  only with a typed 「修改理由」 and audits it with the admin user and that reason;
- every URL in the URLconf (admin aside) is POSTed to by each role with an empty body and must either
  write nothing or audit what it wrote; the URLs that write (``WRITES``) are also POSTed with valid
  data, and must have written and audited.

"Wrote" is seen two ways: model signals (``post_save``/``post_delete``/``m2m_changed``) and the
row counts of every table (bulk writes send no signals). Sessions, history tables, audit entries
and a login's ``last_login`` are bookkeeping, not changes of state.
"""

from __future__ import annotations

import json
import re
from contextlib import contextmanager

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import URLPattern, URLResolver, get_resolver

from planwatch.web.monitoring.models import Observation, ValidationRule
from planwatch.web.places.models import AuditEntry, Profile, Region, Unit
from tests.web.conftest import indicator

BOOKKEEPING = {"AuditEntry", "Session", "LogEntry"}


def _bookkeeping(model) -> bool:
    return model.__name__ in BOOKKEEPING or model.__name__.startswith("Historical")


def _counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models() if not _bookkeeping(m)}


@contextmanager
def watching():
    """What was written while the block ran: model labels."""
    seen: list[str] = []

    def saved(sender, instance=None, update_fields=None, **kwargs):
        if _bookkeeping(sender) or (update_fields and set(update_fields) <= {"last_login"}):
            return
        seen.append(sender._meta.label)

    def related(sender, action="", **kwargs):
        if action.startswith("post_"):
            seen.append(str(sender))

    before = _counts()
    post_save.connect(saved, weak=False)
    post_delete.connect(saved, weak=False)
    m2m_changed.connect(related, weak=False)
    try:
        yield seen
    finally:
        post_save.disconnect(saved)
        post_delete.disconnect(saved)
        m2m_changed.disconnect(related)
        seen.extend(label for label, n in _counts().items() if before.get(label) != n)


def _audited_since(last_id: int, user) -> list[AuditEntry]:
    entries = list(AuditEntry.objects.filter(id__gt=last_id))
    for entry in entries:
        assert entry.actor_id == user.pk, (entry, entry.actor_name)
        assert entry.reason.strip(), entry
    return entries


def _last_audit_id() -> int:
    last = AuditEntry.objects.order_by("-id").first()
    return last.id if last else 0


# --- the admin -------------------------------------------------------------------------------------------


def _admin_url(model, action: str, pk=None) -> str:
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    return base + ("add/" if action == "add" else f"{pk}/{action}/")


def _change_data(cast, reference_data, assignments, small_plan):
    """Valid change forms for the editable admin models: (instance, POST data without the reason)."""
    yudu, city = reference_data.regions["于都县"], reference_data.regions["赣州市"]
    unit = reference_data.units["于都县人民政府"]
    a = assignments["于都县"]
    from planwatch.web.monitoring.rulebook import save_rule

    rule = save_rule(
        ValidationRule(kind="range", severity="error", min_value=0, max_value=100),
        user=cast.planner,
        reason="百分比范围",
    )
    user = cast.nankang
    return {
        Region: (
            yudu,
            {
                "key": yudu.key,
                "code": yudu.code,
                "name": yudu.name,
                "short_name": "于都",
                "kind": yudu.kind,
                "parent": city.pk,
                "order": yudu.order,
            },
        ),
        Unit: (unit, {"name": unit.name, "kind": unit.kind, "region": yudu.pk, "order": 7}),
        Profile: (
            Profile.objects.get(user=cast.ruijin),
            {"user": cast.ruijin.pk, "role": "reviewer", "unit": reference_data.units["瑞金市人民政府"].pk},
        ),
        ValidationRule: (
            rule,
            {
                "kind": "range",
                "severity": "error",
                "min_value": 0,
                "max_value": 120,
                "factor": 1,
                "active": "on",
            },
        ),
        get_user_model(): (
            user,
            {
                "username": "nankang",
                "first_name": "南康区填报员",
                "last_name": "",
                "email": "nk@example.gov.cn",
                "is_active": "on",
                "date_joined_0": "2024-01-01",
                "date_joined_1": "08:00:00",
            },
        ),
        type(a): (
            a,
            {
                "unit": a.unit_id,
                "indicator": a.indicator_id,
                "regions": [r.pk for r in a.regions.all()],
                "year": 2024,
                "frequency": "annual",
                "due_date": "2025-04-15",
                "active": "on",
            },
        ),
    }


def _editable(model_admin, request) -> bool:
    return model_admin.has_add_permission(request) or model_admin.has_change_permission(request)


def test_every_admin_model_is_read_only_or_writes_through_an_audited_service(
    client_for, cast, reference_data, assignments, small_plan, rf
):
    client = client_for(cast.admin)
    request = rf.get("/admin/")
    request.user = cast.admin
    changes = _change_data(cast, reference_data, assignments, small_plan)
    editable = {m for m, ma in admin.site._registry.items() if _editable(ma, request)}
    assert editable == set(changes), "list a valid change form for each editable admin model"
    for model in admin.site._registry:
        if model in editable:
            continue
        row = model._default_manager.first()
        with watching() as wrote:
            assert client.post(_admin_url(model, "add"), {}).status_code == 403, model
            if row is not None:
                assert client.post(_admin_url(model, "change", row.pk), {}).status_code == 403, model
                assert client.post(_admin_url(model, "delete", row.pk), {"post": "yes"}).status_code == 403, (
                    model
                )
        assert wrote == [], model
    for model, (row, data) in changes.items():
        url = _admin_url(model, "change", row.pk)
        with watching() as wrote:
            refused = client.post(url, data)
        assert refused.status_code == 200 and "修改理由" in refused.content.decode(), model
        assert wrote == [], (model, wrote)
        last = _last_audit_id()
        with watching() as wrote:
            response = client.post(url, {**data, "audit_reason": f"测试修改{model.__name__}"})
        assert response.status_code == 302, (model, response.content.decode()[:1500])
        assert wrote, model
        entries = _audited_since(last, cast.admin)
        assert entries and {e.reason for e in entries} == {f"测试修改{model.__name__}"}, (model, entries)


def test_an_approved_target_cannot_be_changed_in_the_admin(client_for, cast, small_plan):
    """The issue's case: 5500 → 9999 in the admin, with no version and no audit."""
    target = indicator(small_plan, "I01").current_target
    response = client_for(cast.admin).post(
        f"/admin/plans/targetversion/{target.pk}/change/", {"value": "9999"}
    )
    assert response.status_code == 403
    target.refresh_from_db()
    assert (target.value, target.version) == (5500.0, 1)


# --- every URL ------------------------------------------------------------------------------------------


def _patterns(patterns=None, prefix=""):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if str(p.pattern).startswith("admin/"):
                continue
            yield from _patterns(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def _fill(route: str, figures) -> str:
    values = {
        "<int:pk>": figures.ruijin_submitted.pk,
        "<obs_id>": figures.ruijin_submitted.pk,
        "<str:code>": "I01",
        "<int:plan_id>": figures.gdp.plan_id,
        "<int:number>": 1,
        "<str:decision>": "approve",
        "<str:fmt>": "csv",
        "<int:year>": 2024,
    }
    for key, value in values.items():
        route = route.replace(key, str(value))
    # Routes added later get a plausible value: an id for an int, a code for anything else.
    route = re.sub(r"<int:\w+>", "1", route)
    route = re.sub(r"<(?:\w+:)?\w+>", "I01", route)
    return "/" + route.lstrip("^").rstrip("$")


def test_an_empty_post_to_any_url_writes_nothing_unaudited(client_for, anonymous_client, cast, figures):
    clients = {"anonymous": (anonymous_client, None)}
    for name in ("admin", "planner", "reviewer", "ruijin", "supervisor"):
        clients[name] = (client_for(getattr(cast, name)), getattr(cast, name))
    for route in _patterns():
        url = _fill(route, figures)
        for name, (client, user) in clients.items():
            last = _last_audit_id()
            with watching() as wrote:
                response = client.post(url, {})
            assert response.status_code < 500, (url, name)
            if wrote:
                assert user is not None and _audited_since(last, user), (url, name, wrote)


def _writes(cast, figures, small_plan, reference_data, assignments):
    """(who, url, data or a callable making it, JSON?) for URLs that write when given valid data."""
    ruijin_draft, submitted = figures.ruijin_draft, figures.ruijin_submitted
    yudu = assignments["于都县"]
    csv_file = "指标,地区,年份,数值,单位\n地区生产总值,瑞金市,2022,250,亿元\n".encode()
    return [
        (
            cast.yudu,
            "/monitoring/entry/new/",
            {
                "assignment": yudu.pk,
                "region": reference_data.regions["于都县"].pk,
                "year": 2022,
                "value": 240,
            },
            False,
        ),
        (
            cast.ruijin,
            f"/monitoring/observations/{ruijin_draft.pk}/edit/",
            {"value": 301, "reason": "改正"},
            False,
        ),
        (cast.ruijin, f"/monitoring/observations/{ruijin_draft.pk}/submit/", {}, False),
        (cast.reviewer, f"/monitoring/observations/{submitted.pk}/return/", {"comment": "请核对来源"}, False),
        (
            cast.yudu,
            f"/monitoring/observations/{figures.published.pk}/revise/",
            {"value": 241, "reason": "年鉴修订"},
            False,
        ),
        (
            cast.planner,
            f"/monitoring/targets/{indicator(small_plan, 'I02').pk}/propose/",
            {"value": 5400, "reason": "调整"},
            False,
        ),
        (
            cast.admin,
            f"/monitoring/targets/versions/{figures.gdp_target.pk}/approve/",
            {"comment": "同意"},
            False,
        ),
        (cast.planner, "/monitoring/rules/seed/", {}, False),
        (
            cast.planner,
            "/monitoring/rules/",
            {
                "kind": "range",
                "severity": "error",
                "min_value": 0,
                "max_value": 1e6,
                "factor": 1,
                "active": "on",
                "reason": "范围",
            },
            False,
        ),
        (
            cast.planner,
            "/monitoring/assignments/",
            {
                "unit": reference_data.units["瑞金市人民政府"].pk,
                "indicator": indicator(small_plan, "I02").pk,
                "regions": [reference_data.regions["瑞金市"].pk],
                "year": 2024,
                "frequency": "annual",
                "due_date": "2025-03-31",
                "reason": "新任务",
            },
            False,
        ),
        (cast.ruijin, "/collection/upload/", {"file": SimpleUploadedFile("瑞金.csv", csv_file)}, False),
        (
            cast.ruijin,
            "/api/observations",
            {"indicator": "I01", "region": "瑞金市", "year": 2021, "value": 200},
            True,
        ),
        (cast.reviewer2, f"/api/observations/{figures.stats_own.pk}/approve", {"comment": ""}, True),
    ]


def test_every_url_that_writes_audits_with_user_and_reason(
    client_for, cast, figures, small_plan, reference_data, assignments
):
    for user, url, data, as_json in _writes(cast, figures, small_plan, reference_data, assignments):
        client = client_for(user)
        last = _last_audit_id()
        with watching() as wrote:
            if as_json:
                response = client.post(url, json.dumps(data), content_type="application/json")
            else:
                response = client.post(url, data)
        assert response.status_code < 400, (
            url,
            response.status_code,
            [p.text for p in response.context["outcome"].problems]
            if response.context and "outcome" in response.context
            else "",
        )
        assert wrote, (url, "wrote nothing: the scenario is stale")
        assert _audited_since(last, user), (url, wrote)
    assert Observation.objects.filter(status="returned").exists()
