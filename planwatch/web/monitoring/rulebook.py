"""Changes to the validation rules (planners edit them as data), audited like every other change.

``seed_default_rules`` stores the documented defaults (``planwatch.collection.settings.DEFAULT_RULES``:
year-on-year change, distance from history, 人均GDP ≈ GDP ÷ 常住人口, 城乡收入比 = 城镇 ÷ 农村) as
ordinary rows planners can then change or switch off. Why: the engine applies the defaults only
while the table is empty, so the first rule a planner adds would otherwise silently end them.
Each stored default remembers its key (``default_key``), so seeding again adds only what is
missing and never overwrites a planner's change; a default whose indicators the plan lacks is
skipped with the reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from planwatch.collection.checks import number, percent
from planwatch.collection.rows import Catalogue
from planwatch.collection.settings import setting
from planwatch.web.monitoring.errors import ConcurrentChange
from planwatch.web.monitoring.models import ValidationRule
from planwatch.web.monitoring.permissions import require
from planwatch.web.monitoring.services import retry_when_locked
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry

FIELDS = ("kind", "severity", "indicator", "threshold", "min_value", "max_value", "numerator", "denominator",
          "factor", "active", "note", "default_key")
INDICATOR_FIELDS = ("indicator", "numerator", "denominator")


def _snapshot(rule: ValidationRule) -> dict:
    return {f: getattr(rule, f) for f in FIELDS} if rule.pk else {}


def fingerprint(rule: ValidationRule) -> str:
    """The rule as stored, in a few characters: the page sends back the one it showed, so an edit made
    on a page that is out of date is refused instead of silently overwriting someone else's."""
    values = _snapshot(rule)
    return hashlib.sha256(repr(sorted((k, str(v)) for k, v in values.items())).encode()).hexdigest()[:16]


def save_rule(rule: ValidationRule, *, user, reason: str, seen: str | None = None) -> ValidationRule:
    """Store a new or changed rule (the caller filled the instance, e.g. from a ModelForm); ``seen`` is the
    ``fingerprint`` of the rule as the user saw it — a rule changed since then is refused."""
    require(user, "rule.manage")
    with transaction.atomic():
        stored = ValidationRule.objects.select_for_update().get(pk=rule.pk) if rule.pk else None
        if stored is not None and seen is not None and fingerprint(stored) != seen:
            raise ConcurrentChange(_("这条规则在您打开页面后已被他人修改,请刷新页面查看最新内容后再改"))
        before = _snapshot(stored) if stored is not None else {}
        created = rule.pk is None
        rule._change_reason, rule._history_user = reason, user
        rule.save()
        old, new = audit.diff(before, _snapshot(rule))
        audit.record(actor=user, action="create" if created else "update", subject=AuditEntry.Subject.RULE,
                     object_id=rule.pk, object_repr=str(rule), old=old, new=new, reason=reason)
        return rule


def delete_rule(rule: ValidationRule, *, user, reason: str) -> None:
    """Remove a rule (the admin's delete); the audit keeps what it was. Switching off (``active``) is
    the usual way: it keeps the row."""
    require(user, "rule.manage")
    with transaction.atomic():
        old, pk, text = _snapshot(rule), rule.pk, str(rule)
        rule._change_reason, rule._history_user = reason, user
        rule.delete()
        audit.record(actor=user, action="delete", subject=AuditEntry.Subject.RULE, object_id=pk,
                     object_repr=text, old=old, new={}, reason=reason)


@dataclass
class SeedReport:
    """What seeding did: rows created, defaults already stored (by key), defaults skipped (why)."""

    created: list[ValidationRule] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@retry_when_locked
def seed_default_rules(*, user, reason: str = "", plan=None) -> SeedReport:
    """Store every documented default rule not stored yet, each audited; idempotent.

    Two planners pressing the button at once: the unique ``default_key`` lets one through and the
    other is told (``ConcurrentChange``; on SQLite it waits, then finds them loaded), with nothing
    stored twice."""
    from planwatch.web.plans.services import current_plan

    require(user, "rule.manage")
    plan = plan or current_plan()
    indicators = {i.code: i for i in plan.indicators.all()} if plan is not None else {}
    try:
        with transaction.atomic():
            return _seed(user, reason or _("载入默认校验规则"), Catalogue(indicators.values(), plan_years=()),
                         indicators)
    except IntegrityError as clash:
        raise ConcurrentChange(_("默认规则刚被他人载入,请刷新页面查看")) from clash


def _seed(user, reason: str, catalogue: Catalogue, indicators: dict) -> SeedReport:
    report = SeedReport()
    stored = set(ValidationRule.objects.exclude(default_key="").values_list("default_key", flat=True))
    for spec in setting("DEFAULT_RULES"):
        if spec["id"] in stored:
            report.present.append(spec["id"])
            continue
        links = _indicators_of(spec, catalogue, indicators)
        if isinstance(links, str):
            report.skipped.append(links)
            continue
        rule = ValidationRule(kind=spec["kind"], severity=spec.get("severity", "warning"),
                              threshold=spec.get("threshold"), min_value=spec.get("min_value"),
                              max_value=spec.get("max_value"), factor=spec.get("factor") or 1.0,
                              default_key=spec["id"], **links)
        rule.note = default_note(rule)
        report.created.append(save_rule(rule, user=user, reason=reason))
    return report


def _indicators_of(spec: dict[str, Any], catalogue: Catalogue, indicators: dict) -> dict | str:
    """The plan's indicators a default names (by code, name or a synonym), or why it cannot be stored."""
    links = {}
    for name in INDICATOR_FIELDS:
        wanted = spec.get(name)
        if not wanted:
            continue
        found = catalogue.indicator(wanted)
        if found is None:
            return _("默认规则「%(key)s」未载入:当前规划中没有指标「%(name)s」") % {"key": spec["id"], "name": wanted}
        links[name] = indicators[found.code]
    return links


def default_note(rule: ValidationRule) -> str:
    """The rule in a sentence, for the 说明 column: 默认规则:同比变动超过30%需说明."""
    names = {f: getattr(rule, f).name if getattr(rule, f) is not None else "" for f in INDICATOR_FIELDS}
    return _("默认规则:%(rule)s") % {"rule": sentence(rule.kind, rule.threshold, rule.factor, **names)}


def missing_defaults() -> list[str]:
    """The documented defaults not stored as rows, each in a sentence (what the rules page lists)."""
    stored = set(ValidationRule.objects.exclude(default_key="").values_list("default_key", flat=True))
    return [sentence(d["kind"], d.get("threshold"), d.get("factor") or 1.0,
                     **{f: d.get(f) or "" for f in INDICATOR_FIELDS})
            for d in setting("DEFAULT_RULES") if d["id"] not in stored]


def sentence(kind: str, threshold: float | None, factor: float, *, indicator: str, numerator: str,
             denominator: str) -> str:
    if kind == ValidationRule.Kind.YOY_CHANGE:
        return _("同比变动超过%(limit)s需说明") % {"limit": percent(threshold or setting("YOY_THRESHOLD"))}
    if kind == ValidationRule.Kind.OUTLIER:
        return _("较上年变动远离历年变动(稳健 z 值超过 %(limit)s)需说明") % {
            "limit": number(threshold or setting("OUTLIER_THRESHOLD"))}
    if kind == ValidationRule.Kind.RATIO:
        return _("%(indicator)s ≈ %(numerator)s ÷ %(denominator)s × %(factor)s,相差超过%(limit)s需说明") % {
            "indicator": indicator, "numerator": numerator, "denominator": denominator, "factor": number(factor),
            "limit": percent(threshold or setting("RATIO_TOLERANCE"))}
    return str(ValidationRule.Kind(kind).label)
