"""One value reader for the entry form, the API and the import (issue 11): the three accept and
refuse exactly the same strings, give the same numbers and say the same thing when they refuse.

Before, the form's FloatField refused "18,650" and "（万元）" that the import read, and 156 for a share
was kept as a draft by the form and the API while the import refused it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planwatch.collection.model import ObservationRow
from planwatch.collection.rows import Catalogue, clean_row
from planwatch.web.monitoring.forms import ObservationForm
from planwatch.web.monitoring.models import Observation
from tests.web.conftest import indicator

PIECES = st.tuples(
    st.sampled_from(["", "约", "超过", "近", "大约"]),
    st.one_of(
        st.integers(-2000, 200000).map(str),
        st.floats(-500, 5000, allow_nan=False).map(lambda f: f"{f:.3f}"),
        st.sampled_from(["18,650", "4,716.5", "12,3", "1,2345", "１２３", "1e3", ".5", "-0", "1.2.3"]),
    ),
    st.sampled_from(["", "%", "％", "万元", "亿元", "（万元）", "(亿元)", "元", "万人", "人", "公斤", "abc"]),
    st.sampled_from(["", "以上", "左右", "以下", "多"]),
).map("".join)
NOISE = st.text(alphabet="0123456789,.%约以上左右万元亿（）()-+e ", min_size=1, max_size=20)
ENTERED = st.one_of(PIECES, NOISE).filter(lambda s: s.strip() != "")


def _form(ind, text):
    form = ObservationForm({"value": text}, indicator=ind)
    if form.is_valid():
        return ("ok", form.cleaned_data["value"], form.cleaned_data["qualifier"])
    return ("refused", form.errors["value"][0])


def _api(client, ind, text):
    response = client.post(
        "/api/observations",
        {"indicator": ind.code, "region": "赣州市", "year": 2024, "value": text},
        content_type="application/json",
    )
    if response.status_code == 201:
        body = response.json()
        Observation.objects.filter(pk=body["id"]).delete()
        return ("ok", body["value"], body["qualifier"])
    assert response.status_code == 422, response.content
    return ("refused", response.json()["detail"])


def _import(catalogue, ind, text):
    found = clean_row(
        ObservationRow(indicator=ind.code, region="赣州市", period="2024", value=text), catalogue
    )
    if isinstance(found, list):
        return ("refused", found[0].message)
    return ("ok", found.value, found.qualifier)


@pytest.fixture
def paths(client_for, cast, assignments, small_plan):
    catalogue = Catalogue(small_plan.indicators.all(), plan_years=range(2022, 2028), regions=["赣州市"])
    return client_for(cast.stats_reporter), catalogue


@pytest.mark.parametrize("code", ["I01", "I03", "I04"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ENTERED)
@example(text="18,650")
@example(text="18,650（万元）")
@example(text="约4716")
@example(text="56.35%")
@example(text="156")
@example(text="-5")
def test_form_api_and_import_read_values_alike(paths, small_plan, code, text):
    client, catalogue = paths
    ind = indicator(small_plan, code)
    form, api, imported = _form(ind, text), _api(client, ind, text), _import(catalogue, ind, text)
    assert form == api == imported


def test_the_readings_the_issue_names(small_plan):
    gdp, urbanisation, population = (indicator(small_plan, c) for c in ("I01", "I04", "I03"))
    assert _form(gdp, "18,650") == ("ok", 18650.0, "")
    assert _form(gdp, "１８６５０（万元）") == ("ok", 1.865, "")  # 18650 万元 ÷ 10⁴ = 1.865 亿元
    assert _form(gdp, "约4716") == ("ok", 4716.0, "约")
    assert _form(urbanisation, "52左右") == ("ok", 52.0, "左右")
    assert _form(urbanisation, "56.35%") == ("ok", 56.35, "")
    assert _form(urbanisation, "156") == ("refused", "数值 156 超出百分比范围 0–100")
    assert _form(population, "-5") == ("refused", "数值 -5 不能为负数:「常住人口」的单位是「万人」")
    assert _form(gdp, "12,3") == ("refused", "数值「12,3」不是有效数字")


def test_a_year_that_has_not_happened_is_refused_by_the_api_as_by_the_import(client_for, cast, assignments):
    from django.utils import timezone

    year = timezone.localdate().year + 1
    response = client_for(cast.stats_reporter).post(
        "/api/observations",
        {"indicator": "I01", "region": "赣州市", "year": year, "value": "4716.5"},
        content_type="application/json",
    )
    assert (response.status_code, response.json()["detail"]) == (422, f"年份 {year} 尚未到来,不能填报")
