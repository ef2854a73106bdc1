"""NaN, ±Infinity and overflow after unit conversion are refused with a message naming the field in every
entry path (page, API, service; the upload and the CLI in ``tests/web/collection/test_hostile_corpus.py``);
two identical creates at once answer with a message; a query id beyond 64 bits is no id, not a 500."""

from __future__ import annotations

import threading

import pytest
from django.contrib.messages import get_messages
from django.db import connection

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from tests.web.conftest import entered

RANGE = "「地区生产总值」:「数值」超出可保存的范围(绝对值不能超过 1e+15,换算单位后亦然)"
CONVERTED = "数值「1e+308」换算为「亿元」后超出可保存的范围(绝对值不能超过 1e+15)"


def _stored() -> int:
    return Observation.objects.count()


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), 2e15])
def test_the_service_refuses_a_value_that_is_not_a_sane_number(
    cast, assignments, small_plan, reference_data, value
):
    with pytest.raises(services.ServiceError) as refused:
        entered(cast.yudu, small_plan, reference_data.regions["于都县"], 2024, value)
    assert str(refused.value) in (RANGE, "「地区生产总值」:「数值」不是有效数字(NaN)")
    assert _stored() == 0


def test_1e308_in_trillions_overflows_after_conversion_and_is_refused(
    cast, assignments, small_plan, reference_data
):
    """1e308 万亿元 = 1e312 亿元: finite as typed, infinite once converted."""
    with pytest.raises(services.ServiceError, match="超出可保存的范围"):
        entered(cast.yudu, small_plan, reference_data.regions["于都县"], 2024, 1e308, measure_unit="万亿元")
    draft = entered(cast.yudu, small_plan, reference_data.regions["于都县"], 2024, 250.0)
    with pytest.raises(services.ServiceError, match="超出可保存的范围"):
        services.update_draft(draft.pk, user=cast.yudu, reason="改", value=1e308, measure_unit="万亿元")
    assert Observation.objects.get().value == 250.0


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        # The API reads values with the one value reader of the entry page and the import (issue 11), so its
        # messages are the reader's: the field, the value as sent, and what is wrong with it.
        ('{"indicator": "I01", "region": "于都县", "year": 2024, "value": NaN}', "数值「nan」不是有效数字"),
        ('{"indicator": "I01", "region": "于都县", "year": 2024, "value": Infinity}', "数值「inf」不是有效数字"),
        ('{"indicator": "I01", "region": "于都县", "year": 2024, "value": -1e999}', "数值「-inf」不是有效数字"),
        (
            '{"indicator": "I01", "region": "于都县", "year": 2024, "value": 1e308, "measure_unit": "万亿元"}',
            CONVERTED,
        ),
    ],
)
def test_the_api_answers_422_naming_the_field(cast, assignments, small_plan, client_for, body, detail):
    """422, as the entry page answers the same value (``refusal_status``), not a bare 400."""
    response = client_for(cast.yudu).post("/api/observations", body, content_type="application/json")
    assert response.status_code == 422, response.content.decode()
    assert response.json()["detail"] == detail
    assert _stored() == 0


def test_the_entry_page_refuses_overflow_with_a_message(
    cast, assignments, small_plan, reference_data, client_for
):
    client = client_for(cast.yudu)
    response = client.post(
        "/monitoring/entry/new/",
        {
            "assignment": assignments["于都县"].pk,
            "region": reference_data.regions["于都县"].pk,
            "year": 2024,
            "value": "1e308",
            "measure_unit": "万亿元",
        },
    )
    assert response.status_code == 422  # the entry page again, with the reason
    reason = "数值:数值「1e308」换算为「亿元」后超出可保存的范围(绝对值不能超过 1e+15)"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [reason]
    assert reason in response.content.decode()
    response = client.post(
        "/monitoring/entry/new/",
        {
            "assignment": assignments["于都县"].pk,
            "region": reference_data.regions["于都县"].pk,
            "year": 2024,
            "value": "NaN",
        },
    )
    assert response.status_code == 422
    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == "数值:数值「NaN」不是有效数字"
    assert "数值:数值「NaN」不是有效数字" in response.content.decode()
    assert _stored() == 0


def test_an_audit_filter_id_beyond_64_bits_is_ignored_not_a_500(cast, client_for):
    client = client_for(cast.supervisor)
    for unit in ("9223372036854775808", "99999999999999999999999", "²", "-1"):
        assert client.get(f"/monitoring/audit/?unit={unit}").status_code == 200, unit
        assert client.get(f"/monitoring/audit.csv?unit={unit}").status_code == 200, unit


def _at_once(call, count: int = 2) -> list[object]:
    barrier = threading.Barrier(count)
    results: list[object] = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(call())
        except Exception as error:  # the refusal is the result under test
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_two_identical_creates_at_once_store_one_and_tell_the_other(
    cast, assignments, small_plan, reference_data
):
    results = _at_once(
        lambda: entered(cast.yudu, small_plan, reference_data.regions["于都县"], 2024, 250.0)
    )
    stored = [r for r in results if isinstance(r, Observation)]
    refused = [r for r in results if not isinstance(r, Observation)]
    assert len(stored) == 1 and len(refused) == 1, results
    assert isinstance(refused[0], services.ServiceError)
    assert str(refused[0]) == "该指标、地区、期别已有数据:请修改草稿或对已发布数据提出修订"
    assert _stored() == 1


@pytest.mark.django_db(transaction=True)
def test_two_identical_imports_at_once_store_one_file_and_refuse_the_other_with_rows(
    cast, assignments, reference_data
):
    from planwatch.web.collection.services import import_upload

    data = "指标,地区,年份,数值,单位\n地区生产总值,于都县,2024,250,亿元\n地区生产总值,于都县,2023,240,亿元\n".encode()
    unit = reference_data.units["于都县人民政府"]
    results = _at_once(lambda: import_upload("于都.csv", data, user=cast.yudu, reason="导入", unit=unit))
    assert all(not isinstance(r, Exception) for r in results), results
    assert sorted(len(r.drafts) for r in results) in ([0, 2], [2, 2]), [r.problems for r in results]
    for result in results:
        if not result.ok:
            assert {p.text for p in result.errors} <= {
                "第2行 A列:「地区生产总值」「于都县」2024 在导入过程中已被他人修改(当前状态「草稿」),请重新导入",
                "第3行 A列:「地区生产总值」「于都县」2023 在导入过程中已被他人修改(当前状态「草稿」),请重新导入",
            }
    assert _stored() == 2
