"""填报: a reporter's assignments, one row per region and period, each row its own value, source and
explanation, saved and submitted together.

Whatever is typed is what is saved and submitted — or the page refuses and shows everything typed
again, with each problem beside the row it belongs to ("第3行 …"). Nothing is half-saved: the rows
typed are stored and the chosen rows submitted in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.collection.checks import year_on_year
from planwatch.collection.model import as_indicator
from planwatch.collection.settings import setting
from planwatch.collection.values import parse_period
from planwatch.documents.qualifiers import format_qualified
from planwatch.web.core.refusals import CONFLICT, UNPROCESSABLE, refuse
from planwatch.web.monitoring import batch, services
from planwatch.web.monitoring.assignments import DONE, expected_periods, past_due
from planwatch.web.monitoring.errors import SubmissionBlocked, refusal_status
from planwatch.web.monitoring.forms import NewObservationForm, read_entered
from planwatch.web.monitoring.models import Assignment, Observation
from planwatch.web.monitoring.permissions import assignments_for_user
from planwatch.web.monitoring.views._common import needs
from planwatch.web.places.models import Region
from planwatch.web.places.permissions import unit_of

S = Observation.Status
COUNTED = (S.SUBMITTED, S.APPROVED, S.PUBLISHED)


@dataclass
class EntryRow:
    assignment: Assignment
    region: Region
    period: str
    year: int
    quarter: int | None
    month: int | None
    latest: Observation | None
    overdue: bool = False  # past the due date with nothing submitted yet
    number: int = 0  # 第N行 as the clerk sees it
    last: float | None = None  # the same period a year earlier (submitted, approved or published)
    typed: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.assignment.pk}-{self.region.pk}-{self.period}"

    @property
    def indicator(self):
        return self.assignment.indicator

    @property
    def editable(self) -> bool:
        return self.latest is None or self.latest.status in (S.DRAFT, S.RETURNED)

    @property
    def withdrawable(self) -> bool:
        return self.latest is not None and self.latest.status == S.SUBMITTED

    @property
    def stored_text(self) -> str:
        """The stored value as the clerk would type it (约4716, 52左右)."""
        if self.latest is None:
            return ""
        return format_qualified(f"{self.latest.value:.12g}", self.latest.qualifier)

    @property
    def change(self) -> str:
        value = self.latest.value if self.latest is not None else None
        return year_on_year(value, self.last, points=as_indicator(self.indicator).is_percent,
                           points_word=_("个百分点"))

    @property
    def label(self) -> str:
        return _("第%(n)s行(%(indicator)s · %(region)s · %(period)s)") % {
            "n": self.number,
            "indicator": self.indicator.name,
            "region": self.region.name,
            "period": self.period,
        }


def _split(period: str) -> tuple[int, int | None, int | None]:
    if "Q" in period:
        year, q = period.split("Q")
        return int(year), int(q), None
    if "M" in period:
        year, m = period.split("M")
        return int(year), None, int(m)
    return int(period), None, None


def _previous(period: str) -> str:
    parsed = parse_period(period)
    return parsed if isinstance(parsed, str) else parsed.previous_year().key


def entry_rows(user) -> list[EntryRow]:
    unit = unit_of(user)
    mine = Observation.objects.filter(unit=unit).select_related("indicator").order_by("vintage")
    latest = {(o.indicator_id, o.region_id, o.period): o for o in mine}
    assignments = list(
        assignments_for_user(user)
        .filter(active=True, unit=unit)
        .select_related("indicator")
        .prefetch_related("regions")
        .order_by("due_date", "indicator__order")
    )
    regions = {r.pk for a in assignments for r in a.regions.all()}
    known = (  # last year's figures of the rows shown (not of every region: the city has eighteen)
        Observation.objects.filter(indicator__in=[a.indicator_id for a in assignments], region__in=regions,
                                   status__in=COUNTED)
        .order_by("vintage")
        .values_list("indicator_id", "region_id", "period", "value")
    )
    counted = {(i, r, p): v for i, r, p, v in known}
    rows = []
    for a in assignments:
        for region in a.regions.all():
            for period in expected_periods(a):
                year, quarter, month = _split(period)
                found = latest.get((a.indicator_id, region.pk, period))
                late = past_due(a.due_date) and (found is None or found.status not in DONE)
                rows.append(
                    EntryRow(
                        a,
                        region,
                        period,
                        year,
                        quarter,
                        month,
                        found,
                        late,
                        number=len(rows) + 1,
                        last=counted.get((a.indicator_id, region.pk, _previous(period))),
                    )
                )
    return rows


def _page(request: HttpRequest, rows: list[EntryRow], status: int = 200) -> HttpResponse:
    return render(
        request,
        "monitoring/entry.html",
        {
            "rows": rows,
            "unit": unit_of(request.user),
            "any_errors": any(r.errors for r in rows),
            "picked": set(request.POST.getlist("pick")) if request.method == "POST" else set(),
            # The year-on-year rule's default limits, for the preview while typing (the server decides).
            "yoy_limit": setting("YOY_THRESHOLD") * 100,
            "yoy_points": setting("YOY_PERCENT_POINTS"),
        },
        status=status,
    )


@needs("entry.use")
def entry(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return entry_post(request)
    return _page(request, entry_rows(request.user))


def _read(request: HttpRequest, row: EntryRow) -> dict | None:
    """What the clerk typed in the row, parsed; None when the row is as stored (nothing to save)."""
    post = request.POST
    if f"value-{row.key}" not in post:
        return None  # the row was not on the page that was sent: nothing typed in it
    row.typed = {
        "value": post.get(f"value-{row.key}", "").strip(),
        "source": post.get(f"source-{row.key}", "").strip(),
        "comment": post.get(f"comment-{row.key}", "").strip(),
    }
    stored_source = row.latest.source if row.latest else ""
    if row.typed["value"] == row.stored_text and row.typed["source"] == stored_source:
        return None
    if not row.typed["value"]:
        if row.latest is not None or row.typed["source"]:
            row.errors.append(_("%(row)s:数值为空") % {"row": row.label})
        return None
    if row.year > timezone.localdate().year:
        row.errors.append(_("%(row)s:年份 %(year)s 尚未到来,不能填报") % {"row": row.label, "year": row.year})
        return None
    entered = read_entered(row.typed["value"], row.indicator)
    if isinstance(entered, str):
        row.errors.append(f"{row.label}:{entered}")
        return None
    return {
        "value": entered.value,
        "qualifier": entered.qualifier,
        "measure_unit": row.indicator.unit,
        "original_value": entered.original_value,
        "original_unit": entered.original_unit,
        "source": row.typed["source"],
    }


def _check_version(request: HttpRequest, row: EntryRow) -> bool:
    """The row as the clerk saw it: if someone changed it since (a reviewer returned it, a colleague
    saved it), say so beside the row instead of overwriting or submitting what the clerk did not see.
    True when the row was changed meanwhile (the page then answers 409)."""
    seen = request.POST.get(f"version-{row.key}", "")
    if row.latest is not None and seen.isdigit() and int(seen) != row.latest.lock_version:
        row.errors.append(
            _("%(row)s:已被他人修改(现为「%(status)s」),请核对后再保存")
            % {"row": row.label, "status": row.latest.get_status_display()}
        )
        return True
    return False


def _store(user, row: EntryRow, fields: dict) -> Observation:
    if row.latest is None:
        return services.create_draft(
            user=user,
            reason=_("网页填报"),
            indicator=row.indicator,
            region=row.region,
            year=row.year,
            quarter=row.quarter,
            month=row.month,
            **fields,
        )
    return services.update_draft(row.latest, user=user, reason=_("网页修改"), **fields)


def _chosen(request: HttpRequest, rows: list[EntryRow]) -> tuple[str, list[EntryRow]]:
    """(action, rows): a row's own button ("submit:<key>") or the selection's ("submit" + ticked rows)."""
    act = request.POST.get("act", "save")
    action, _sep, key = act.partition(":")
    picked = {key} if key else set(request.POST.getlist("pick"))
    return action, [r for r in rows if r.key in picked]


def entry_post(request: HttpRequest) -> HttpResponse:
    user = request.user
    rows = entry_rows(user)
    action, chosen = _chosen(request, rows)
    typed = {row.key: _read(request, row) for row in rows if row.editable}
    stale = [row for row in rows if _check_version(request, row)]
    if action in ("submit", "withdraw") and not chosen:
        messages.error(request, _("请先勾选要提交或撤回的行"))
        return _page(request, rows, UNPROCESSABLE)
    if any(r.errors for r in rows):
        messages.error(request, _refused_heading(action) % {"n": sum(bool(r.errors) for r in rows)})
        return _page(request, rows, CONFLICT if stale else UNPROCESSABLE)
    try:
        with transaction.atomic():
            stored = {
                key: _store(user, row, typed[key])
                for row in rows
                if (key := row.key) in typed and typed[key] is not None
            }
            done = _act(user, action, chosen, stored, request)
    except batch.BatchRefused as refused:
        _place(rows, refused)
        messages.error(request, _("未保存,也未提交:请按各行提示处理;已填写的内容已保留"))
        return _page(request, rows, refusal_status(refused))
    except services.ServiceError as error:
        messages.error(request, str(error))
        return _page(request, rows, refusal_status(error))
    messages.success(request, done or _("已保存 %(n)s 行草稿") % {"n": len(stored)})
    explained = {r.key: r.typed["comment"] for r in rows if r.typed.get("comment") and r not in chosen}
    if action == "save" and explained:
        # Explanations are stored with the submission: show the page again with them still typed.
        messages.info(request, _("预警说明将在“提交审核”时一并保存"))
        fresh = entry_rows(user)
        for row in fresh:
            if row.key in explained:
                row.typed = {
                    "value": row.stored_text,
                    "source": row.latest.source if row.latest else "",
                    "comment": explained[row.key],
                }
        return _page(request, fresh)
    return redirect("monitoring-entry")


def _refused_heading(action: str) -> str:
    """The page's heading names what was not done: 撤回 or 提交 pressed on a row the reviewer has acted on
    meanwhile is not a save with a typing mistake (nothing was saved either: the action and the typed
    rows are stored together or not at all)."""
    if action == "withdraw":
        return _("未撤回,也未保存:有 %(n)s 行需要处理,请按各行提示核对;已填写的内容已保留")
    if action == "submit":
        return _("未提交,也未保存:有 %(n)s 行需要处理,请按各行提示核对;已填写的内容已保留")
    return _("未保存:有 %(n)s 行需要改正,其余各行填写的内容已保留")


def _act(user, action: str, chosen: list[EntryRow], stored: dict, request: HttpRequest) -> str:
    if action == "submit":
        targets = [stored.get(r.key) or r.latest for r in chosen]
        missing = [r for r, t in zip(chosen, targets, strict=True) if t is None]
        if missing:
            raise services.ServiceError(_("%(row)s:尚未填写数值,不能提交") % {"row": missing[0].label})
        comments = {
            t.pk: request.POST.get(f"comment-{r.key}", "") for r, t in zip(chosen, targets, strict=True)
        }
        batch.submit_many(targets, user=user, comments=comments)
        return _("已提交审核 %(n)s 行") % {"n": len(targets)}
    if action == "withdraw":
        batch.withdraw_many(
            [r.latest for r in chosen if r.latest is not None], user=user, reason=_("填报单位撤回")
        )
        return _("已撤回 %(n)s 行,可修改后重新提交") % {"n": len(chosen)}
    return ""


def _place(rows: list[EntryRow], refused: batch.BatchRefused) -> None:
    """Put a refusal beside its row: the warnings that need an explanation, or the error."""
    for row in rows:
        if (
            row.latest is not None
            and row.latest.pk == refused.row.pk
            or (
                row.latest is None
                and (row.indicator.pk, row.region.pk, row.period)
                == (refused.row.indicator_id, refused.row.region_id, refused.row.period)
            )
        ):
            error = refused.error
            if isinstance(error, SubmissionBlocked):
                target = row.warnings if error.needs_comment else row.errors
                target.extend(f"{row.label}:{p.message}" for p in error.problems)
                if error.needs_comment:
                    row.errors.append(f"{row.label}:{error.lead}")
            else:
                row.errors.append(f"{row.label}:{error}")
            return


@require_POST
@needs("entry.use")
def entry_new(request: HttpRequest) -> HttpResponse:
    """One new draft (the older single-row form; kept for links and scripts that post to it)."""
    chosen = str(request.POST.get("assignment", ""))
    if not chosen.isdigit():
        return refuse(request, [_("没有这项填报任务")], status=UNPROCESSABLE, back="monitoring-entry")
    assignment = (
        assignments_for_user(request.user)
        .filter(pk=int(chosen), unit=unit_of(request.user))
        .select_related("indicator")
        .first()
    )
    if assignment is None:
        raise Http404(_("没有这项填报任务"))
    form = NewObservationForm(request.POST, indicator=assignment.indicator)
    if not form.is_valid():
        reasons = [
            f"{form.fields[name].label if name in form.fields else name}:{';'.join(errors)}"
            for name, errors in form.errors.items()
        ]
        return refuse(request, reasons, status=UNPROCESSABLE, back="monitoring-entry")
    data = form.cleaned_data
    region = assignment.regions.filter(pk=data["region"]).first()
    if region is None:
        raise PermissionDenied(_("该地区不在本单位的填报任务中"))
    fields = {
        k: v
        for k, v in form.fields_for_service().items()
        if k not in ("assignment", "region", "year", "quarter", "month", "value") and v != ""
    }
    try:
        obs = services.create_draft(
            user=request.user,
            reason=_("网页填报"),
            indicator=assignment.indicator,
            region=region,
            year=data["year"],
            quarter=data["quarter"],
            month=data["month"],
            value=data["value"],
            **fields,
        )
    except services.ServiceError as error:
        return refuse(request, [str(error)], status=refusal_status(error), back="monitoring-entry")
    messages.success(request, _("已保存草稿,请核对后提交审核"))
    return redirect("observation-detail", obs.pk)
