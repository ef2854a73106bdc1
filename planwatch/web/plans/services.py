"""Changes of state for stored plans; each takes the acting user and a reason."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.dispatch import Signal

from planwatch.evaluation.vocabulary import QUALITATIVE_VOLUME_QUALITY
from planwatch.plan import Plan as PlanDocument
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry, Region
from planwatch.web.places.permissions import is_planner
from planwatch.web.plans import models

# Sent after a new plan version is stored (inside the transaction), so other apps (work: tasks and
# key projects) set up their rows without this app importing them.
plan_loaded = Signal()


@dataclass(frozen=True)
class LoadResult:
    plan: models.Plan
    created: bool


def load_plan(document: PlanDocument, *, user=None, reason: str = "") -> LoadResult:
    """Store a parsed plan; the same content twice is a no-op, a changed one a new version.

    The old version stays untouched so that evaluations and reports made on it
    can still be reproduced.
    """
    fingerprint = document.fingerprint()
    with transaction.atomic():
        same = models.Plan.objects.filter(
            title=document.title, region=document.region, fingerprint=fingerprint
        ).first()
        if same is not None:
            return LoadResult(same, created=False)
        family = models.Plan.objects.select_for_update().filter(title=document.title, region=document.region)
        last = family.aggregate(v=Max("version"))["v"] or 0
        family.update(is_current=False)
        stored = models.Plan.objects.create(
            title=document.title,
            region=document.region,
            base_year=document.base_year,
            target_year=document.target_year,
            vision_year=document.vision_year,
            version=last + 1,
            is_current=True,
            fingerprint=fingerprint,
            source_name=document.source_name,
            document=document.to_dict(),
            loaded_by=user,
        )
        _store_indicators(stored, document, user=user, reason=reason)
        _store_chapters(stored, document)
        _audit_load(stored, user=user, reason=reason or "载入规划", replaced=last)
        plan_loaded.send(sender=models.Plan, plan=stored)
        return LoadResult(stored, created=True)


def _audit_load(plan: models.Plan, *, user, reason: str, replaced: int) -> None:
    audit.record(actor=user, action="create", subject=AuditEntry.Subject.PLAN, object_id=plan.pk,
                 object_repr=str(plan), old={"version": replaced} if replaced else {},
                 new={"version": plan.version, "indicators": plan.indicators.count(), "source": plan.source_name},
                 reason=reason)


def _store_indicators(stored: models.Plan, document: PlanDocument, *, user, reason: str) -> None:
    pillars = {
        p.name: models.Pillar.objects.create(plan=stored, name=p.name, order=p.order) for p in document.pillars
    }
    for ind in document.indicators:
        row = models.Indicator.objects.create(
            plan=stored,
            pillar=pillars[ind.pillar],
            code=ind.code,
            name=ind.name,
            unit=ind.unit,
            attribute=ind.attribute.value,
            direction=ind.direction.value,
            baseline=ind.baseline,
            baseline_year=ind.baseline_year,
            baseline_text=ind.baseline_text,
            order=ind.order,
        )
        models.TargetVersion.objects.create(
            indicator=row,
            version=1,
            kind=ind.target.kind.value,
            text=ind.target.text,
            value=ind.target.value,
            year=ind.target.year,
            qualifier=ind.target.qualifier,
            strict=ind.target.strict,
            status=models.TargetVersion.Status.APPROVED,
            reason=reason or "规划原文",
            proposed_by=user,
            approved_by=user,
        )


def _store_chapters(stored: models.Plan, document: PlanDocument) -> None:
    sections: dict[tuple[int, int], models.Section] = {}
    for ch in document.chapters:
        chapter = models.Chapter.objects.create(plan=stored, number=ch.number, title=ch.title, intro=ch.intro)
        for sec in ch.sections:
            section = models.Section.objects.create(
                chapter=chapter, number=sec.number, title=sec.title, intro=sec.intro
            )
            sections[(ch.number, sec.number)] = section
            models.Task.objects.bulk_create(
                models.Task(section=section, order=t.order, title=t.title, text=t.text, places=list(t.places))
                for t in sec.tasks
            )
    for box in document.boxes:
        stored_box = models.ProjectBox.objects.create(
            plan=stored,
            number=box.number,
            title=box.title,
            section=sections.get((box.chapter_number, box.section_number)),
        )
        models.ProjectItem.objects.bulk_create(
            models.ProjectItem(box=stored_box, order=i.order, title=i.title, text=i.text, places=list(i.places))
            for i in box.items
        )


def current_plan() -> models.Plan | None:
    """The plan the app shows by default: the newest current version loaded."""
    return models.Plan.objects.filter(is_current=True).order_by("-loaded_at").first()


class JudgementRefused(ValueError):
    """A quality judgement that cannot be recorded, with the reason in Chinese (field named)."""


def is_volume_quality(indicator: models.Indicator) -> bool:
    """Whether the target in force is 量稳质升 (the only kind with a quality part to judge)."""
    target = indicator.current_target
    return bool(target and target.kind == "qualitative"
                and QUALITATIVE_VOLUME_QUALITY in f"{target.text}{target.qualifier}")


def record_quality_judgement(indicator: models.Indicator, *, region: Region, year: int, verdict: str, measure: str,
                             note: str = "", user, reason: str) -> models.QualityJudgement:
    """Record (or replace) the quality judgement of a 量稳质升 indicator for a region and year.

    Planners and administrators only (``places.permissions.is_planner``): the judgement changes a grade.
    A second judgement for the same region and year replaces the first; the history keeps both,
    each with its author and reason.
    """
    from django.core.exceptions import PermissionDenied
    from django.utils.translation import gettext as _

    if not is_planner(user):
        raise PermissionDenied(_("只有规划管理人员可以记录质量评判"))
    _check_judgement(indicator, region, year, verdict, measure, reason)
    with transaction.atomic():
        row = (models.QualityJudgement.objects.select_for_update()
               .filter(indicator=indicator, region=region, year=year).first())
        row = row or models.QualityJudgement(indicator=indicator, region=region, year=year)
        fields = ("verdict", "measure", "note", "author")
        before = {f: getattr(row, f) for f in fields} if row.pk else {}
        created = row.pk is None
        row.verdict, row.measure, row.note, row.author = verdict, measure.strip(), note.strip(), user
        row._change_reason, row._history_user = reason, user
        row.save()
        _audit_judgement(row, before, {f: getattr(row, f) for f in fields}, created, user=user, reason=reason)
        return row


def _audit_judgement(row, before: dict, after: dict, created: bool, *, user, reason: str) -> None:
    old, new = audit.diff(before, after)
    audit.record(actor=user, action="create" if created else "update", subject=AuditEntry.Subject.JUDGEMENT,
                 object_id=row.pk, object_repr=f"{row.indicator.name} · {row.region.name} · {row.year}", old=old,
                 new=new, reason=reason)


def _check_judgement(indicator, region: Region, year: int, verdict: str, measure: str, reason: str) -> None:
    from django.utils.translation import gettext as _

    plan = indicator.plan
    if not is_volume_quality(indicator):
        raise JudgementRefused(_("指标「%(name)s」的目标不是「量稳质升」,没有质的方面可评判") % {"name": indicator.name})
    if verdict not in models.QualityJudgement.Verdict.values:
        raise JudgementRefused(_("「评判」只能是达到质量提升或未达到质量提升"))
    if not measure.strip():
        raise JudgementRefused(_("「质量指标」不能为空:请写明据以评判的质量指标"))
    if not plan.base_year < year <= plan.target_year:
        raise JudgementRefused(_("「评判年份」须在%(first)s—%(last)s年之间") % {
            "first": plan.base_year + 1, "last": plan.target_year})
    if region is None:
        raise JudgementRefused(_("「地区」不能为空"))
    if not reason.strip():
        raise JudgementRefused(_("请填写记录理由"))


def quality_judgements(plan: models.Plan) -> list[models.QualityJudgement]:
    """Every quality judgement of the plan's indicators, oldest year first, with their authors."""
    return list(models.QualityJudgement.objects.filter(indicator__plan=plan)
                .select_related("author", "indicator", "region").order_by("indicator__order", "region", "year"))
