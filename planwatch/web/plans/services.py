"""Changes of state for stored plans; each takes the acting user and a reason."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from planwatch.plan import Plan as PlanDocument
from planwatch.web.plans import models


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
        return LoadResult(stored, created=True)


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
