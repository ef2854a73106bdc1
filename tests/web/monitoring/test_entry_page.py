"""The entry page's rules (issue 11): hard limits refuse beside the row, soft rules warn and ask for an
explanation beside the row, and nothing typed is lost on a refusal."""

from __future__ import annotations

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from tests.web.conftest import indicator


def _key(assignment, region, period="2024") -> str:
    return f"{assignment.pk}-{region.pk}-{period}"


def test_a_share_over_100_and_a_negative_population_are_refused_beside_their_rows(
    client_for, cast, assignments, reference_data
):
    city = reference_data.regions["赣州市"]
    post = {
        f"value-{_key(assignments['统计局I03'], city)}": "-5",
        f"value-{_key(assignments['统计局I04'], city)}": "156",
        f"value-{_key(assignments['统计局I01'], city)}": "18,650",
        "act": "save",
    }
    response = client_for(cast.stats_reporter).post("/monitoring/entry/", post)
    page = response.content.decode()
    assert response.status_code == 422  # the input refused, the reasons beside their rows
    assert "第3行(常住人口 · 赣州市 · 2024):数值 -5 不能为负数:「常住人口」的单位是「万人」" in page
    assert "第4行(常住人口城镇化率 · 赣州市 · 2024):数值 156 超出百分比范围 0–100" in page
    assert 'value="18,650"' in page  # row 1 kept as typed
    assert Observation.objects.count() == 0


def test_a_soft_rule_warns_and_asks_for_an_explanation_before_submitting(
    client_for, cast, assignments, small_plan, reference_data
):
    """2023 GDP 4000 (approved); 2024 typed 6000: (6000 / 4000 − 1) = +50% > the 30% year-on-year rule."""
    city, gdp = reference_data.regions["赣州市"], indicator(small_plan, "I01")
    old = services.create_draft(
        user=cast.stats_reporter,
        reason="填报",
        indicator=gdp,
        region=city,
        year=2023,
        value=4000.0,
        source="公报",
    )
    services.approve_observation(
        services.submit_observation(old, user=cast.stats_reporter), user=cast.reviewer
    )
    key = _key(assignments["统计局I01"], city)
    client = client_for(cast.stats_reporter)
    first = client.post(
        "/monitoring/entry/", {f"value-{key}": "6000", f"source-{key}": "公报", "act": f"submit:{key}"}
    )
    page = first.content.decode()
    assert first.status_code == 422  # a warning without its explanation: the input is not yet acceptable
    assert "存在预警,请填写说明后再提交" in page and "+50%" in page
    assert f'name="comment-{key}"' in page and 'value="6000"' in page
    assert not Observation.objects.filter(year=2024).exists()  # nothing half-done

    second = client.post(
        "/monitoring/entry/",
        {
            f"value-{key}": "6000",
            f"source-{key}": "公报",
            f"comment-{key}": "新能源项目集中投产",
            "act": f"submit:{key}",
        },
    )
    assert second.status_code == 302
    obs = Observation.objects.get(year=2024)
    assert (obs.value, obs.status, obs.warning_comment) == (6000.0, "submitted", "新能源项目集中投产")
    queue = client_for(cast.reviewer2).get("/monitoring/review/").content.decode()
    assert "新能源项目集中投产" in queue and "+50%" in queue


def test_a_row_changed_by_someone_else_since_the_page_was_loaded_is_not_overwritten(
    client_for, cast, assignments, small_plan, reference_data
):
    city, gdp = reference_data.regions["赣州市"], indicator(small_plan, "I01")
    draft = services.create_draft(
        user=cast.stats_reporter,
        reason="填报",
        indicator=gdp,
        region=city,
        year=2024,
        value=4700.0,
        source="公报",
    )
    seen = draft.lock_version
    services.update_draft(draft, user=cast.stats_reporter, reason="同事修改", value=4716.5)
    key = _key(assignments["统计局I01"], city)
    response = client_for(cast.stats_reporter).post(
        "/monitoring/entry/",
        {f"value-{key}": "4800", f"source-{key}": "公报", f"version-{key}": str(seen), "act": "save"},
    )
    assert response.status_code == 409  # changed meanwhile: a conflict, not bad input
    assert (
        "第1行(地区生产总值 · 赣州市 · 2024):已被他人修改(现为「草稿」),请核对后再保存"
        in response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.value == 4716.5


def test_an_explanation_typed_before_saving_is_kept_on_the_page(
    client_for, cast, assignments, small_plan, reference_data, figures
):
    """The explanation is stored with the submission; pressing 保存 first must not drop what was typed."""
    obs = figures.yudu_draft
    response = client_for(cast.yudu).post(
        f"/monitoring/observations/{obs.pk}/edit/",
        {
            "value": "261",
            "measure_unit": "亿元",
            "warning_comment": "新口径,含开发区",
            "act": "save",
            "lock_version": str(obs.lock_version),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "新口径,含开发区" in page and "预警说明将在“提交审核”时一并保存" in page
    obs.refresh_from_db()
    assert obs.value == 261.0


def test_a_withdrawal_refused_because_the_reviewer_acted_meanwhile_is_headed_as_not_withdrawn(
    client_for, cast, assignments, small_plan, reference_data
):
    """The clerk's page showed the submission; the reviewer approved it before 撤回 was pressed. The row says
    so and the page is headed 未撤回 — it read 「未保存:有 1 行需要改正」, words for a save."""
    city, gdp = reference_data.regions["赣州市"], indicator(small_plan, "I01")
    draft = services.create_draft(user=cast.stats_reporter, reason="填报", indicator=gdp, region=city, year=2024,
                                  value=4716.5, source="公报")
    submitted = services.submit_observation(draft, user=cast.stats_reporter)
    seen = submitted.lock_version
    services.approve_observation(submitted, user=cast.reviewer)
    key = _key(assignments["统计局I01"], city)
    response = client_for(cast.stats_reporter).post(
        "/monitoring/entry/", {f"version-{key}": str(seen), "act": f"withdraw:{key}"}
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "未撤回,也未保存:有 1 行需要处理,请按各行提示核对;已填写的内容已保留" in page
    assert "需要改正" not in page
    assert "第1行(地区生产总值 · 赣州市 · 2024):已被他人修改(现为「已通过」),请核对后再保存" in page
    submitted.refresh_from_db()
    assert submitted.status == "approved"
