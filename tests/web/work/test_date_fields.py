"""A calendar field shows the stored date, so saving a form again keeps it.

``<input type="date">`` takes only ``YYYY-MM-DD``. Django's zh-hans format writes ``2025/12/31``, which
Chromium drops: the field looks empty and the next save of the assignment clears the 完成时限 the planner
never touched (seen on the demo: 市科技局's task lost its deadline when a cooperating unit was added).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django import forms as django_forms
from django.utils import translation

from planwatch.web.monitoring import forms as monitoring_forms
from planwatch.web.work import forms as work_forms


def _date_fields():
    for module in (work_forms, monitoring_forms):
        for name, form in vars(module).items():
            if isinstance(form, type) and issubclass(form, django_forms.Form):
                for field_name, field in form.base_fields.items():
                    if isinstance(field, django_forms.DateField):
                        yield f"{module.__name__}.{name}.{field_name}", field


@pytest.mark.parametrize(
    ("where", "field"), list(_date_fields()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_calendar_field_writes_its_date_as_the_browser_reads_it(where, field):
    with translation.override("zh-hans"):
        html = field.widget.render("d", dt.date(2025, 12, 31))
    assert 'type="date"' in html
    assert 'value="2025-12-31"' in html, where


@pytest.mark.django_db
def test_saving_a_task_assignment_again_keeps_its_deadline(yudu_task, cast, units, client_for):
    """The page as a zh-hans planner gets it, posted back as the browser would: 2025-12-31 stays."""
    client = client_for(cast.planner)
    page = client.get(f"/work/tasks/{yudu_task.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    shown = re.search(r'<input type="date" name="deadline" value="([^"]*)"', page)
    assert shown is not None and shown.group(1) == "2025-12-31"
    client.post(
        f"/work/tasks/{yudu_task.pk}/assign/",
        {
            "lead_unit": units["于都县人民政府"].pk,
            "cooperating_units": [units["瑞金市人民政府"].pk, units["市数据局"].pk],
            "deadline": shown.group(1),
            "reason": "增加配合单位",
        },
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    yudu_task.refresh_from_db()
    assert yudu_task.deadline == dt.date(2025, 12, 31)
    assert set(yudu_task.cooperating_units.values_list("name", flat=True)) == {"瑞金市人民政府", "市数据局"}
