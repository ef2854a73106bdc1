"""数据导入: a reporter downloads the unit's template and uploads a filled one (or a CSV).

Thin views: permission (``import.use``: reporters and reviewers of a unit, and administrators;
others 403, anonymous to the login page), read the file, call ``services``, render.

Whose figures: a reporter's always go to the reporter's own unit — a ``unit`` sent with the request
that names another unit is refused (403), never silently ignored — and rows outside the unit's
assignments are refused row by row. An administrator has no unit and chooses one (the form's
``unit``, the template's ``?unit=``); the import is audited as the administrator's, with that unit.
"""

from __future__ import annotations

from urllib.parse import quote

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.collection.guard import sizes_apart
from planwatch.collection.problems import file_problem
from planwatch.collection.settings import setting
from planwatch.web.collection import services, tasks
from planwatch.web.collection.forms import TemplateUnitForm, UploadForm
from planwatch.web.collection.models import ImportJob
from planwatch.web.core.params import row_id
from planwatch.web.core.refusals import UNPROCESSABLE, refuse
from planwatch.web.monitoring.models import Observation
from planwatch.web.monitoring.permissions import import_unit
from planwatch.web.monitoring.views._common import needs
from planwatch.web.places.models import Unit
from planwatch.web.places.permissions import is_administrator

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _requested_unit(request: HttpRequest) -> Unit | None:
    """The unit a reporter's request names, if any; one that does not exist is refused like another unit."""
    raw = (request.POST.get("unit") or request.GET.get("unit") or "").strip()
    if not raw:
        return None
    pk = row_id(raw)
    chosen = Unit.objects.filter(pk=pk).first() if pk is not None else None
    if chosen is None:
        raise PermissionDenied(_("只能导入本单位的数据"))
    return chosen


@needs("import.use")
def template_download(request: HttpRequest) -> HttpResponse:
    if is_administrator(request.user):
        form = TemplateUnitForm(request.GET)
        if not form.is_valid():
            return refuse(request, [_("请先选择要下载模板的填报单位")], status=UNPROCESSABLE, back="collection-upload")
        unit = form.cleaned_data["unit"]
    else:
        unit = import_unit(request.user, _requested_unit(request))
    response = HttpResponse(services.template_for(unit, generated=timezone.localtime()), content_type=XLSX)
    filename = _("%(unit)s-填报模板-%(date)s.xlsx") % {"unit": unit.name, "date": f"{timezone.localdate():%Y%m%d}"}
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@needs("import.use")
def upload(request: HttpRequest) -> HttpResponse:
    chooses = is_administrator(request.user)
    unit = None if chooses else import_unit(request.user, _requested_unit(request))
    form = UploadForm(request.POST or None, request.FILES or None, choose_unit=chooses)
    context = {"form": form, "unit": unit, "chooses_unit": chooses, "template_form": TemplateUnitForm(),
               "limit_mb": setting("MAX_UPLOAD_BYTES") // (1024 * 1024)}
    refused = getattr(request, "upload_refused", None)  # set while receiving (core.uploads)
    if refused:
        context["outcome"] = services.ImportOutcome(problems=[file_problem(refused, rule="size")])
        context["filename"] = getattr(request, "upload_refused_name", "")
        return render(request, "collection/result.html", context, status=413)
    if request.method != "POST" or not form.is_valid():
        return render(request, "collection/upload.html", context,
                      status=UNPROCESSABLE if request.method == "POST" else 200)
    unit = form.cleaned_data["unit"] if chooses else unit
    upload = form.cleaned_data["file"]
    if _in_background(upload, form.cleaned_data["dry_run"]):
        job = tasks.start_import(upload.name, upload.read(), user=request.user, unit=unit,
                                 reason=_reason(form, upload.name, unit, chooses))
        return redirect("collection-job", job.pk)
    context.update(unit=unit, filename=upload.name,
                   outcome=_import(upload, unit, user=request.user, reason=_reason(form, upload.name, unit, chooses),
                                   dry_run=form.cleaned_data["dry_run"]))
    return render(request, "collection/result.html", context, status=200 if context["outcome"].ok else 422)


def _in_background(upload, dry_run: bool) -> bool:
    """A large file is imported by a worker, not in the request (a dry run stays: it only reads)."""
    return not dry_run and setting("BACKGROUND_IMPORT_BYTES") < upload.size <= setting("MAX_UPLOAD_BYTES")


@needs("import.use")
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    """A background import's progress and outcome; only its sender (or an administrator) may see it."""
    job = ImportJob.objects.select_related("unit").filter(pk=pk).first()
    if job is None or not (job.user_id == request.user.pk or is_administrator(request.user)):
        raise Http404(_("没有这项导入"))
    drafts = Observation.objects.filter(pk__in=job.stored).select_related("indicator", "region")
    return render(request, "collection/job.html", {"job": job, "problems": job.problem_list(), "drafts": drafts})


def _reason(form: UploadForm, name: str, unit: Unit, on_behalf: bool) -> str:
    given = form.cleaned_data["reason"]
    if on_behalf:
        return _("系统管理员代%(unit)s导入:%(text)s") % {"unit": unit.name, "text": given or name}
    return given or _("上传文件导入:%(name)s") % {"name": name}


def _import(upload, unit: Unit, *, user, reason: str, dry_run: bool) -> services.ImportOutcome:
    if upload.size > setting("MAX_UPLOAD_BYTES"):
        # Refuse from the declared size without reading the body into memory.
        size, limit = sizes_apart(upload.size, setting("MAX_UPLOAD_BYTES"))
        message = _("文件「%(name)s」大小 %(size)s,超过上限 %(limit)s") % {"name": upload.name, "size": size, "limit": limit}
        return services.ImportOutcome(problems=[file_problem(message, rule="size")])
    return services.import_upload(upload.name, upload.read(), user=user, reason=reason, unit=unit, dry_run=dry_run)
