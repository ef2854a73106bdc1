"""Qualifiers: one list for the model, the import and the loader; shown where Chinese puts them."""

from __future__ import annotations

import pytest

from planwatch.collection.rows import QUALIFIERS
from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation, Qualifier
from tests.web.conftest import indicator


def test_the_model_choices_are_the_imports_qualifiers():
    assert tuple(Qualifier.values) == ("", *QUALIFIERS)


@pytest.mark.parametrize("word", QUALIFIERS)
def test_a_csv_upload_stores_each_qualifier(cast, assignments, client_for, word):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = f"指标,地区,年份,数值,限定词\n地区生产总值,于都县,2024,560.3,{word}\n"
    response = client_for(cast.yudu).post("/collection/upload/", {"file": SimpleUploadedFile("于都.csv", text.encode())})
    assert response.status_code == 200, response.content.decode()[-800:]
    assert Observation.objects.get().qualifier == word


@pytest.mark.parametrize(("word", "shown"), [("约", "约560.3亿元"), ("超过", "超过560.3亿元"), ("近", "近560.3亿元"),
                                             ("以上", "560.3亿元以上"), ("以内", "560.3亿元以内"), ("", "560.3亿元")])
def test_a_qualified_figure_is_printed_with_its_qualifier_where_chinese_puts_it(
        cast, assignments, small_plan, reference_data, client_for, word, shown):
    """Prefixes (约, 超过, 近) before the number, suffixes (以上, 左右, 以内, 以下) after the unit — on the figure's
    page, in the lists, and on the public page once published."""
    obs = services.create_draft(user=cast.yudu, reason="填报", indicator=indicator(small_plan, "I01"),
                                region=reference_data.regions["于都县"], year=2024, value=560.3, qualifier=word)
    client = client_for(cast.yudu)
    assert f'id="obs-value">{shown}</dd>' in client.get(f"/monitoring/observations/{obs.pk}/").content.decode()
    assert f'<td class="num">{shown}</td>' in client.get("/monitoring/observations/").content.decode()
    obs = services.approve_observation(services.submit_observation(obs, user=cast.yudu), user=cast.reviewer)
    services.publish_observation(obs, user=cast.reviewer)
    assert f'<td class="num">{shown}</td>' in client_for(None).get("/portal/indicators/I01/published/").content.decode()


def test_the_form_offers_the_seven_qualifiers(cast, assignments, small_plan, reference_data, client_for):
    obs = services.create_draft(user=cast.yudu, reason="填报", indicator=indicator(small_plan, "I01"),
                                region=reference_data.regions["于都县"], year=2024, value=560.3)
    page = client_for(cast.yudu).get(f"/monitoring/observations/{obs.pk}/").content.decode()
    assert all(f'<option value="{word}">{word}</option>' in page for word in QUALIFIERS)
    response = client_for(cast.yudu).post(f"/monitoring/observations/{obs.pk}/edit/",
                                          {"value": "560.3", "qualifier": "以内", "lock_version": obs.lock_version})
    assert response.status_code == 302 and Observation.objects.get().qualifier == "以内"
