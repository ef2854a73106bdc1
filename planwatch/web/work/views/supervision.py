"""督查督办: lights by unit, by county, for the whole plan; Excel export; reminders to units that owe."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.reports.formats.xlsx import xlsx_bytes
from planwatch.web.places.permissions import is_planner
from planwatch.web.work import permissions as perm
from planwatch.web.work.reminders import send_work_reminders
from planwatch.web.work.supervision import EXPORT_HEADER, board_rows, build_board
from planwatch.web.work.views._common import plan_in_force
from planwatch.work.settings import setting

PAGE_SIZE = 100  # worst first: the red items are on the first page; the tallies count everything
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def supervision(request: HttpRequest) -> HttpResponse:
    perm.require_supervise(request.user)
    plan = plan_in_force()
    board = build_board(plan)
    light = request.GET.get("light", "")
    lines = [line for line in board.lines if not light or line.light.css == light]
    lines.sort(key=lambda line: (-line.light, line.unit.name, line.title))
    page = Paginator(lines, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "work/supervision.html",
        {
            "plan": plan,
            "board": board,
            "lines": page.object_list,
            "page": page,
            "light": light,
            "yellow_days": setting("YELLOW_DAYS"),
            "may_remind": is_planner(request.user) or perm.role_of(request.user) == "supervisor",
        },
    )


@login_required
def supervision_export(request: HttpRequest) -> HttpResponse:
    perm.require_supervise(request.user)
    board = build_board(plan_in_force())
    summary = [[t.name, t.of("red"), t.of("yellow"), t.of("green")] for t in [board.whole, *board.by_unit]]
    counties = [[t.name, t.of("red"), t.of("yellow"), t.of("green")] for t in board.by_county]
    body = xlsx_bytes(
        [
            ("督查督办", EXPORT_HEADER, board_rows(board)),
            ("按单位", ("单位", "红灯", "黄灯", "绿灯"), summary),
            ("按县(市、区)", ("县(市、区)", "红灯", "黄灯", "绿灯"), counties),
            (
                "滞后指标无任务",
                ("指标", "评价"),
                [[g.indicator.name, g.grade] for g in board.unlinked_lagging],
            ),
        ]
    )
    response = HttpResponse(body, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="supervision.xlsx"'
    return response


@login_required
@require_POST
def supervision_remind(request: HttpRequest) -> HttpResponse:
    perm.require_supervise(request.user)
    sent = send_work_reminders(plan_in_force(), force=True)
    if sent:
        messages.success(
            request,
            _("已向 %(n)s 个尚未报告的单位发送催报:%(units)s")
            % {"n": len(sent), "units": "、".join(o.unit.name for o in sent)},
        )
    else:
        messages.info(request, _("没有需要催报的单位"))
    return redirect("work-supervision")
