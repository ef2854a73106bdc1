"""Changes to the validation rules (planners edit them as data), audited like every other change."""

from __future__ import annotations

from django.db import transaction

from planwatch.web.monitoring import audit
from planwatch.web.monitoring.models import AuditEntry, ValidationRule
from planwatch.web.monitoring.permissions import require

FIELDS = ("kind", "severity", "indicator", "threshold", "min_value", "max_value", "numerator", "denominator",
          "factor", "active", "note")


def _snapshot(rule: ValidationRule) -> dict:
    return {f: getattr(rule, f) for f in FIELDS} if rule.pk else {}


def save_rule(rule: ValidationRule, *, user, reason: str) -> ValidationRule:
    """Store a new or changed rule (the caller filled the instance, e.g. from a ModelForm)."""
    require(user, "rule.manage")
    with transaction.atomic():
        before = _snapshot(ValidationRule.objects.get(pk=rule.pk)) if rule.pk else {}
        created = rule.pk is None
        rule._change_reason = reason
        rule.save()
        old, new = audit.diff(before, _snapshot(rule))
        audit.record(actor=user, action="create" if created else "update", subject=AuditEntry.Subject.RULE,
                     object_id=rule.pk, object_repr=str(rule), old=old, new=new, reason=reason)
        return rule


def default_rules(*, user, reason: str = "默认规则") -> list[ValidationRule]:
    """The documented defaults as rows, so planners see and can change them."""
    if ValidationRule.objects.filter(indicator__isnull=True).exists():
        return []
    rows = [
        ValidationRule(kind=ValidationRule.Kind.YOY_CHANGE, severity="warning", threshold=0.30,
                       note="同比变动超过30%需说明"),
        ValidationRule(kind=ValidationRule.Kind.OUTLIER, severity="warning", threshold=3.0,
                       note="偏离历史均值3个标准差以上需说明"),
    ]
    return [save_rule(r, user=user, reason=reason) for r in rows]
