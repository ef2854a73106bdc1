"""读取公报: a reviewer uploads a bulletin (.txt, .html, .pdf); its plan figures are submitted as drafts of the
reviewer's unit, and another reviewer accepts them on the bulletin's page (four-eyes)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planwatch.collection.settings import setting
from planwatch.documents.bulletin import read_bulletin
from planwatch.documents.bulletin_sources import BulletinFileError, bulletin_text
from planwatch.web.bulletins import services
from planwatch.web.bulletins.permissions import SEES
from planwatch.web.core.errors import ServiceError
from planwatch.web.monitoring.errors import refusal_status
from planwatch.web.monitoring.permissions import require
from planwatch.web.places.permissions import role_of

SUFFIXES = (".txt", ".html", ".htm", ".pdf")


class BulletinUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("公报文件(.txt、.html、.pdf)"))
    region = forms.CharField(label=gettext_lazy("地区(标题中读不出时填写)"), required=False, max_length=50)
    year = forms.IntegerField(
        label=gettext_lazy("年份(标题中读不出时填写)"), required=False, min_value=1949, max_value=2100
    )
    reason = forms.CharField(label=gettext_lazy("理由"), max_length=200)


def _text(upload) -> str:
    if upload.size > setting("MAX_UPLOAD_BYTES"):
        raise BulletinFileError(_("文件「%(name)s」超过上传上限") % {"name": upload.name})
    suffix = Path(upload.name).suffix.lower()
    if suffix not in SUFFIXES:
        raise BulletinFileError(_("文件「%(name)s」不是 .txt、.html 或 .pdf") % {"name": upload.name})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bulletin{suffix}"
        path.write_bytes(upload.read())
        return bulletin_text(path)


@login_required
def bulletin_upload(request: HttpRequest) -> HttpResponse:
    if role_of(request.user) not in SEES:
        raise Http404(_("没有这个页面"))
    require(request.user, "entry.use")
    form = BulletinUploadForm(request.POST or None, request.FILES or None)  # reading them parses the upload
    refused = getattr(request, "upload_refused", None)  # stopped while it arrived (core.uploads)
    if refused:
        # The fields after the file (理由) never came, so the form would only say "required": the
        # reason is the size.
        messages.error(request, refused)
        return render(request, "bulletins/upload.html", {"form": BulletinUploadForm()}, status=413)
    if request.method != "POST" or not form.is_valid():
        return render(
            request, "bulletins/upload.html", {"form": form}, status=422 if request.method == "POST" else 200
        )
    data = form.cleaned_data
    try:
        reading = read_bulletin(
            _text(data["file"]),
            region=data["region"] or None,
            year=data["year"],
            dictionary=services.dictionary(),
        )
        bulletin, skipped = services.submit_bulletin(
            reading, user=request.user, reason=data["reason"], file_name=data["file"].name
        )
    except (BulletinFileError, ServiceError, PermissionDenied) as refused:
        messages.error(request, str(refused))
        return render(request, "bulletins/upload.html", {"form": form}, status=refusal_status(refused))
    for line in skipped:
        messages.warning(request, line)
    messages.success(request, bulletin.message)
    return redirect("bulletin-detail", pk=bulletin.pk)
