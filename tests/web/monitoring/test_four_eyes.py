"""Four eyes: whoever typed a value — created, submitted, edited or imported over it — can neither
approve nor publish it; someone else can."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import PermissionDenied

from planwatch.web.collection.services import import_upload
from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from tests.web.conftest import entered, indicator

NOT_OWN_REVIEW = "只能审核他人已提交的数据(不能审核本人填报的数据)"
NOT_OWN_PUBLISH = "只能发布他人填报且已审核的数据"


def test_a_reviewer_who_edited_a_units_draft_cannot_approve_or_publish_it(
    cast, assignments, small_plan, reference_data
):
    """市统计局's reporter enters 常住人口; the bureau's reviewer corrects the figure in the draft; the
    reporter submits. The reviewer typed the value now under review."""
    draft = services.create_draft(
        user=cast.stats_reporter,
        reason="填报",
        indicator=indicator(small_plan, "I03"),
        region=reference_data.regions["赣州市"],
        year=2024,
        value=897.0,
    )
    services.update_draft(draft.pk, user=cast.reviewer, reason="改正笔误", value=898.0)
    submitted = services.submit_observation(draft.pk, user=cast.stats_reporter)
    with pytest.raises(PermissionDenied, match=re.escape(NOT_OWN_REVIEW)):
        services.approve_observation(submitted.pk, user=cast.reviewer)
    approved = services.approve_observation(submitted.pk, user=cast.reviewer2)
    with pytest.raises(PermissionDenied, match=re.escape(NOT_OWN_PUBLISH)):
        services.publish_observation(approved.pk, user=cast.reviewer)
    assert services.publish_observation(approved.pk, user=cast.reviewer2).status == "published"


def test_an_administrator_who_imported_over_a_units_draft_cannot_approve_it(
    cast, assignments, small_plan, reference_data
):
    """于都县 enters 250; the administrator imports 260 over the draft for 于都县 (on behalf of the unit);
    于都县 submits. The administrator typed 260 and may not approve it."""
    unit = reference_data.units["于都县人民政府"]
    draft = entered(cast.yudu, small_plan, reference_data.regions["于都县"], 2024, 250.0)
    outcome = import_upload(
        "代报.csv",
        "指标,地区,年份,数值,单位\n地区生产总值,于都县,2024,260,亿元\n".encode(),
        user=cast.admin,
        reason="代于都县导入",
        unit=unit,
    )
    assert outcome.ok and [o.pk for o in outcome.drafts] == [draft.pk]
    services.submit_observation(draft.pk, user=cast.yudu)
    with pytest.raises(PermissionDenied, match=re.escape(NOT_OWN_REVIEW)):
        services.approve_observation(draft.pk, user=cast.admin)
    assert services.approve_observation(draft.pk, user=cast.reviewer).value == 260.0


def test_the_review_page_does_not_offer_approval_to_someone_who_typed_the_value(
    cast, assignments, small_plan, reference_data, client_for
):
    draft = services.create_draft(
        user=cast.stats_reporter,
        reason="填报",
        indicator=indicator(small_plan, "I03"),
        region=reference_data.regions["赣州市"],
        year=2024,
        value=897.0,
    )
    services.update_draft(draft.pk, user=cast.reviewer, reason="改正笔误", value=898.0)
    services.submit_observation(draft.pk, user=cast.stats_reporter)
    row = Observation.objects.get(pk=draft.pk)
    response = client_for(cast.reviewer).post(
        f"/monitoring/observations/{row.pk}/approve/", {"lock_version": row.lock_version, "comment": ""}
    )
    assert response.status_code == 403
    assert Observation.objects.get(pk=draft.pk).status == "submitted"
