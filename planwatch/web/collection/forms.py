from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.web.places.models import Unit


def units_with_assignments():
    """The units an administrator may import for: those with something to report."""
    return Unit.objects.filter(assignments__active=True).distinct().order_by("order", "name")


class UploadForm(forms.Form):
    """The file is read by the pure importer (which checks size, type and content); the form only
    makes sure one arrived. The unit field exists only for an administrator (who has no unit of
    their own); a reporter always imports for their own unit."""

    unit = forms.ModelChoiceField(label=_("填报单位"), queryset=Unit.objects.none(),
                                  help_text=_("系统管理员代为导入时选择数据所属的填报单位"))
    file = forms.FileField(label=_("文件(.xlsx 模板或 .csv)"), allow_empty_file=True)  # the reader says "是空的"
    reason = forms.CharField(label=_("说明"), max_length=200, required=False,
                             help_text=_("记入审计,例如「2024年度数据首次报送」"))
    dry_run = forms.BooleanField(label=_("只检查,不导入"), required=False)

    def __init__(self, *args, choose_unit: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if choose_unit:
            self.fields["unit"].queryset = units_with_assignments()
        else:
            del self.fields["unit"]


class TemplateUnitForm(forms.Form):
    """An administrator's choice of whose template to download."""

    unit = forms.ModelChoiceField(label=_("填报单位"), queryset=Unit.objects.none())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_with_assignments()
