"""Taking a report snapshot from the database (the one place a report reads the live data).

Both editions leave out the example set (示例, invented figures) and every draft, submitted or returned
row. The internal edition reads approved and published figures, as signed-in pages do; the public
edition published figures only, as the portal does (``monitoring.audience`` defines both audiences).
Internal notes (target adjustment reasons, review comments) go into the internal edition only.
"""

from __future__ import annotations

import importlib
from dataclasses import asdict

from django.db import transaction
from django.utils import timezone

from planwatch.evaluation import DEFAULT_SETTINGS, EvaluationSettings
from planwatch.reports.snapshot import Snapshot, plan_header
from planwatch.web.dashboard.series import county_regions, plan_region
from planwatch.web.monitoring.audience import PUBLIC, SIGNED_IN, Audience
from planwatch.web.monitoring.queries import observation_frame
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry
from planwatch.web.plans.evaluation_inputs import indicator_specs, quality_judgements
from planwatch.web.plans.models import Plan, TargetVersion
from planwatch.web.reporting.models import CountyTarget, ReportSnapshot

# The work app (tasks and key projects, issue 14) offers ``report_summary(plan, as_of) -> dict`` here.
WORK_HOOK = "planwatch.web.work.reporting"


def build_snapshot(
    plan: Plan,
    *,
    kind: str,
    as_of: int,
    edition: str,
    settings: EvaluationSettings = DEFAULT_SETTINGS,
    audience: Audience | None = None,
) -> Snapshot:
    """``audience`` narrows what a page built on the snapshot reads (a reporter: its own unit's approved
    figures and everyone's published ones); by default the edition's audience."""
    public = edition == "public"
    region = plan_region(plan)
    region_name = region.name if region is not None else plan.region
    specs = indicator_specs(plan, targets="current")
    texts = dict(plan.indicators.values_list("code", "baseline_text"))
    specs["baseline_text"] = specs["indicator"].map(texts).fillna("")
    if audience is None:  # (an Audience is falsy unless public: test for None)
        audience = PUBLIC if public else SIGNED_IN
    frame = observation_frame(plan, audience=audience, vintage="latest")
    frame = frame[frame["year"] <= as_of]
    judgements = quality_judgements(plan)
    return Snapshot(
        plan=plan_header(plan, version=plan.version, id=plan.pk),
        kind=kind,
        as_of=as_of,
        edition=edition,
        plan_region=region_name,
        counties=[r.name for r in county_regions()],
        specs=specs.drop(columns=["indicator_id"]).to_dict("records"),
        observations=frame.to_dict("records"),
        settings=asdict(settings),
        judgements=judgements.to_dict("records"),
        targets=_targets(plan, public),
        county_targets=[
            {"indicator": t.indicator.code, "region": t.region.name, "value": t.value, "year": t.year}
            for t in CountyTarget.objects.filter(indicator__plan=plan)
            .select_related("indicator", "region")
            .order_by("indicator__order", "region__order")
        ],
        work=work_summary(plan, as_of, public),
        # Local time (Asia/Shanghai): the report prints the date part as 生成于, and until 08:00 the
        # UTC date is yesterday's.
        taken_at=timezone.localtime().isoformat(timespec="seconds"),
    )


def _targets(plan: Plan, public: bool) -> list[dict]:
    rows = (
        TargetVersion.objects.filter(indicator__plan=plan, status=TargetVersion.Status.APPROVED)
        .select_related("indicator")
        .order_by("indicator__order", "version")
    )
    out = []
    for t in rows:
        row = {
            "indicator": t.indicator.code,
            "name": t.indicator.name,
            "version": t.version,
            "kind": t.kind,
            "text": t.text,
            "value": t.value,
            "year": t.year,
            "origin": t.get_origin_display(),
            "decided_at": timezone.localdate(t.decided_at).isoformat() if t.decided_at else "",
        }
        if not public:
            row["reason"] = t.reason
        out.append(row)
    return out


def work_summary(plan: Plan, as_of: int, public: bool) -> dict | None:
    """Tasks and key projects from the work app when it is installed and has data; None otherwise."""
    try:
        module = importlib.import_module(WORK_HOOK)
    except ImportError:
        return None
    summary = getattr(module, "report_summary", None)
    return summary(plan, as_of, public=public) if summary else None


def take_snapshot(plan: Plan, *, kind: str, as_of: int, edition: str, user, reason: str) -> ReportSnapshot:
    """Freeze the figures a report is computed from; audited (who, which report, why) in the same
    transaction, from the page and from ``planwatch report`` alike."""
    snapshot = build_snapshot(plan, kind=kind, as_of=as_of, edition=edition)
    with transaction.atomic():
        row = ReportSnapshot(
            plan=plan,
            kind=kind,
            edition=edition,
            as_of=as_of,
            data=snapshot.to_json(),
            fingerprint=snapshot.fingerprint(),
            reason=reason,
            created_by=user if getattr(user, "pk", None) else None,
        )
        row._change_reason = reason
        row.save()
        audit.record(actor=user, action="create", subject=AuditEntry.Subject.REPORT, object_id=row.pk,
                     object_repr=str(row), new={"kind": kind, "as_of": as_of, "edition": edition}, reason=reason)
        return row
