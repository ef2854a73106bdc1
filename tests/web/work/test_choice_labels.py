"""A planner's selects open on a word (未分工, 请选择), not Django's ``---------``."""

from __future__ import annotations

import pytest
from django import forms as django_forms

from planwatch.web.monitoring import forms as monitoring_forms
from planwatch.web.work import forms as work_forms


def _choice_fields():
    for module in (work_forms, monitoring_forms):
        for name, form in vars(module).items():
            if isinstance(form, type) and issubclass(form, django_forms.Form):
                for field_name, field in form.base_fields.items():
                    if isinstance(field, django_forms.ModelChoiceField) and not isinstance(
                        field, django_forms.ModelMultipleChoiceField
                    ):
                        yield pytest.param(field, id=f"{name}.{field_name}")


@pytest.mark.parametrize("field", list(_choice_fields()))
def test_no_select_opens_on_dashes(field):
    assert field.empty_label != "---------"


def test_an_unassigned_task_reads_unassigned():
    assert str(work_forms.AssignForm.base_fields["lead_unit"].empty_label) == "未分工"
