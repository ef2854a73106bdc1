"""数据导入: a reporter downloads the unit's template and uploads a filled one (or a CSV).

Thin views: permission (``entry.use``: reporters and reviewers of a unit; others 403, anonymous to
the login page), read the file, call ``services``, render. The unit is always the user's own:
there is no unit in the URL to tamper with, and rows outside the unit's assignments are refused
row by row.
"""

from __future__ import annotations

from urllib.parse import quote

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.collection.problems import file_problem
from planwatch.collection.settings import setting
from planwatch.web.collection import services
from planwatch.web.collection.forms import UploadForm
from planwatch.web.monitoring.permissions import unit_of
from planwatch.web.monitoring.views._common import needs

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@needs("entry.use")
def template_download(request: HttpRequest) -> HttpResponse:
    unit = unit_of(request.user)
    response = HttpResponse(services.template_for(unit, generated=timezone.localtime()), content_type=XLSX)
    filename = f"{unit.name}-填报模板-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@needs("entry.use")
def upload(request: HttpRequest) -> HttpResponse:
    unit = unit_of(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form, "unit": unit, "limit_mb": setting("MAX_UPLOAD_BYTES") // (1024 * 1024)}
    if request.method != "POST" or not form.is_valid():
        return render(request, "collection/upload.html", context, status=400 if request.method == "POST" else 200)
    upload = form.cleaned_data["file"]
    reason = form.cleaned_data["reason"] or _("上传文件导入:%(name)s") % {"name": upload.name}
    if upload.size > setting("MAX_UPLOAD_BYTES"):
        # Refuse from the declared size without reading the body into memory.
        limit = setting("MAX_UPLOAD_BYTES") / 1024 / 1024
        problem = file_problem(f"文件「{upload.name}」大小 {upload.size / 1024 / 1024:.1f} MB,超过上限 {limit:.1f} MB",
                               rule="size")
        outcome = services.ImportOutcome(problems=[problem])
    else:
        outcome = services.import_upload(upload.name, upload.read(), user=request.user, reason=reason, unit=unit,
                                         dry_run=form.cleaned_data["dry_run"])
    context.update(outcome=outcome, filename=upload.name)
    return render(request, "collection/result.html", context, status=200 if outcome.ok else 422)
