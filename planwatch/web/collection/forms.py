from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    """The file is read by the pure importer (which checks size, type and content); the form only
    makes sure one arrived."""

    file = forms.FileField(label=_("文件(.xlsx 模板或 .csv)"), allow_empty_file=True)  # the reader says "是空的"
    reason = forms.CharField(label=_("说明"), max_length=200, required=False,
                             help_text=_("记入审计,例如「2024年度数据首次报送」"))
    dry_run = forms.BooleanField(label=_("只检查,不导入"), required=False)
