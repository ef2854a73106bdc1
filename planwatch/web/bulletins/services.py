"""Bulletin proposals through the audited observation services, acting user and reason required.

- ``submit_bulletin``: each figure the plan needs becomes a draft observation of the submitting user's
  unit, with the bulletin as its source and the sentence as its quote, and is submitted for review
  (``monitoring.services.new_observation`` / ``submit_observation``). All or nothing. Nothing is published.
- ``accept_proposal``: a reviewer (never the submitter) approves and publishes the figure; with a new
  value, the reviewer's correction is saved first as an audited update of the figure.
- ``reject_proposal``: the figure is returned to its unit with the reviewer's reason.
- ``accept_confident``: every pending proposal at or above ``bulletin.CONFIDENT``, in one transaction.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.documents.bulletin import CONFIDENT, Reading, for_plan
from planwatch.documents.bulletin_dictionary import Dictionary, default_dictionary
from planwatch.web.bulletins.models import Bulletin, ExtraSynonym, Proposal
from planwatch.web.bulletins.permissions import require_decider, require_synonym_editor
from planwatch.web.core.errors import ServiceError
from planwatch.web.monitoring import services
from planwatch.web.monitoring.errors import InvalidTransition
from planwatch.web.monitoring.models import Observation, Qualifier
from planwatch.web.monitoring.permissions import is_own_entry, require
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry, Region
from planwatch.web.places.permissions import unit_of
from planwatch.web.plans.services import current_plan

P = Proposal.State
_Stored = TypeVar("_Stored", Bulletin, Proposal)
_QUALIFIERS = set(Qualifier.values)


def dictionary() -> Dictionary:
    """The shipped synonyms with the planners' additions merged in."""
    return default_dictionary().with_extra(ExtraSynonym.objects.values_list("indicator", "phrase"))


def plan_indicators(plan=None) -> list[tuple[str, str]]:
    plan = plan or current_plan()
    return [(i.name, i.unit) for i in plan.indicators.all()] if plan else []


def region_for(reading: Reading) -> Region | None:
    if reading.region is None:
        return None
    return Region.objects.filter(Q(code=reading.region.code) | Q(name=reading.region.name)).first()


def _note(proposal, title: str) -> str:
    parts = [
        _("摘自《%(title)s》第%(n)s句(第%(pos)s字起)")
        % {"title": title, "n": proposal.sentence_number, "pos": proposal.offset}
    ]
    if proposal.growth_rate is not None and proposal.kind != "growth":
        parts.append(_("比上年增长%(rate)s%%") % {"rate": f"{proposal.growth_rate:g}"})
    if proposal.derived:
        parts.append(_("由城镇、农村居民人均可支配收入相除得出"))
    if proposal.qualifier and proposal.qualifier not in _QUALIFIERS:
        parts.append(_("原文限定词「%(q)s」") % {"q": proposal.qualifier})
    return ";".join(parts)


def _draft(plan_proposal, bulletin: Bulletin, *, user, reason: str, unit, issuer: str = "") -> Observation:
    """``issuer``: the statistics bureau the reader found under the title (``Reading.issuer``), the public
    citation's 发布机构; the title is its 文件标题 when it is one (a bulletin's title ends 统计公报)."""
    p = plan_proposal.proposal
    indicator = bulletin_plan_indicator(plan_proposal.plan_indicator)
    value, entered = (
        (p.figure, "%") if p.kind == "growth" else (float(p.original_value or p.value), p.original_unit)
    )
    obs = services.new_observation(
        user=user,
        reason=reason,
        unit=unit,
        indicator=indicator,
        region=bulletin.region,
        year=bulletin.year,
        value=value,
        measure_unit=entered,
        qualifier=p.qualifier if p.qualifier in _QUALIFIERS else "",
        source=f"《{bulletin.title}》",
        publisher=issuer,
        document_title=bulletin.title if bulletin.title.endswith("统计公报") else "",
        quote=p.sentence,
        note=_note(p, bulletin.title),
    )
    return services.submit_observation(
        obs, user=user, reason=reason, warning_comment=_("统计公报原文数据,见原文摘录")
    )


def bulletin_plan_indicator(name: str):
    return current_plan().indicators.get(name=name)


def submit_bulletin(
    reading: Reading, *, user, reason: str, file_name: str = ""
) -> tuple[Bulletin, list[str]]:
    """Store the bulletin and submit its plan figures as drafts for review; returns it and the skipped."""
    if not reason.strip():
        raise ServiceError(_("提交公报数据必须说明理由"))
    require(user, "entry.use")
    region = region_for(reading)
    if region is None:
        raise ServiceError(
            _("地区「%(name)s」不在本系统的地区表中,无法提交(可先只读取)")
            % {"name": reading.region_name or _("未识别")}
        )
    if reading.year is None:
        raise ServiceError(_("未能确定公报年份,请指定年份"))
    found, message = for_plan(reading, plan_indicators())
    skipped = []
    with transaction.atomic():
        bulletin = Bulletin(
            title=reading.title or file_name,
            file_name=file_name,
            region=region,
            region_name=reading.region_name,
            year=reading.year,
            message=message,
            created_by=user,
        )
        _store(bulletin, user=user, reason=reason)
        for item in found:
            indicator = bulletin_plan_indicator(item.plan_indicator)
            if Observation.objects.filter(
                indicator=indicator, region=region, year=reading.year, quarter=None, month=None
            ).exists():
                skipped.append(
                    _("「%(name)s」%(region)s%(year)s年已有数据,未提交")
                    % {"name": indicator.name, "region": region.name, "year": reading.year}
                )
                continue
            obs = _draft(item, bulletin, user=user, reason=reason, unit=unit_of(user), issuer=reading.issuer)
            _store(
                Proposal(
                    bulletin=bulletin,
                    indicator=indicator,
                    observation=obs,
                    value=obs.value,
                    unit=obs.measure_unit,
                    original_value=item.proposal.original_value,
                    original_unit=item.proposal.original_unit,
                    growth_rate=item.proposal.growth_rate,
                    qualifier=item.proposal.qualifier,
                    sentence=item.proposal.sentence,
                    confidence=item.proposal.confidence,
                    position=f"{item.proposal.sentence_number}:{item.proposal.offset}",
                ),
                user=user,
                reason=reason,
            )
    return bulletin, skipped


def _store(row: _Stored, *, user, reason: str) -> _Stored:
    """Save a bulletin or a proposal with its history row's user and reason (django-simple-history)."""
    row._change_reason, row._history_user = reason, user
    row.save()
    return row


def _decided(proposal: Proposal, state: str, *, user, reason: str) -> Proposal:
    proposal.state, proposal.decided_by, proposal.decided_at, proposal.reason = (
        state,
        user,
        timezone.now(),
        reason,
    )
    return _store(proposal, user=user, reason=reason)


def _locked_pending(proposal: Proposal | int) -> Proposal:
    pk = proposal.pk if isinstance(proposal, Proposal) else proposal
    row = Proposal.objects.select_for_update().get(pk=pk)
    if row.state != P.PENDING:
        raise InvalidTransition(_("该建议已处理(%(state)s)") % {"state": row.get_state_display()})
    return row


@services.retry_when_locked
def accept_proposal(
    proposal: Proposal | int, *, user, reason: str = "", value: float | None = None
) -> Proposal:
    reason = reason.strip() or _("公报数据审核采用")
    with transaction.atomic():
        row = _locked_pending(proposal)
        require_decider(user, row)
        obs = services.locked(row.observation)
        if value is not None and value != obs.value:
            before = services._snapshot(obs)
            obs.value, obs.measure_unit, obs.original_value, obs.original_unit = services.in_indicator_unit(
                obs.indicator, float(value), obs.measure_unit
            )
            services.save(
                obs, before, user=user, action="update", reason=_("审核更正公报读数:%(r)s") % {"r": reason}
            )
            row.value = obs.value
            row.save(update_fields=["value"])
            # Four eyes: whoever typed a value may not approve it — the corrected figure waits for
            # another reviewer, who sees the correction and its reason in the figure's history.
            return row
        obs = services.approve_observation(obs.pk, user=user, comment=reason)
        services.publish_observation(obs.pk, user=user, reason=reason)
        return _decided(row, P.ACCEPTED, user=user, reason=reason)


@services.retry_when_locked
def reject_proposal(proposal: Proposal | int, *, user, reason: str) -> Proposal:
    if not reason.strip():
        raise ServiceError(_("驳回时必须说明理由"))
    with transaction.atomic():
        row = _locked_pending(proposal)
        require_decider(user, row)
        services.return_observation(row.observation.pk, user=user, comment=reason.strip())
        return _decided(row, P.REJECTED, user=user, reason=reason.strip())


def accept_confident(bulletin: Bulletin, *, user, reason: str = "") -> list[Proposal]:
    with transaction.atomic():
        rows = bulletin.proposals.filter(state=P.PENDING, confidence__gte=CONFIDENT).select_related("observation")
        # A proposal this reviewer corrected is left for another reviewer (four eyes), not refused in bulk.
        return [
            accept_proposal(p, user=user, reason=reason or _("公报数据审核采用(置信度高,一并采用)"))
            for p in rows.order_by("pk")
            if not _corrected_by(user, p.observation)
        ]


def _corrected_by(user, obs: Observation) -> bool:
    """The reviewer typed a correction into this figure (not: submitted it — that is refused, and said)."""
    return is_own_entry(user, obs) and user.pk not in (obs.created_by_id, obs.submitted_by_id)


def add_synonym(*, user, reason: str, indicator: str, phrase: str) -> ExtraSynonym:
    require_synonym_editor(user)
    phrase, indicator = phrase.strip(), indicator.strip()
    base = default_dictionary()
    if not base.named(indicator):
        raise ServiceError(_("指标「%(name)s」不在同义词表中") % {"name": indicator})
    if not phrase or base.entry(phrase) or ExtraSynonym.objects.filter(phrase=phrase).exists():
        raise ServiceError(_("写法「%(phrase)s」为空或已存在") % {"phrase": phrase})
    with transaction.atomic():
        row = ExtraSynonym(indicator=indicator, phrase=phrase, created_by=user)
        row._change_reason, row._history_user = reason, user
        row.save()
        audit.record(actor=user, action="create", subject=AuditEntry.Subject.SYNONYM, object_id=row.pk,
                     object_repr=f"「{phrase}」→ {indicator}", new={"indicator": indicator, "phrase": phrase},
                     reason=reason)
    return row
