"""The API says which figures are invented examples, as the pages and exports do."""

from __future__ import annotations

from planwatch.web.monitoring.models import Observation


def test_api_marks_example_figures_and_only_those(client_for, cast, figures):
    # Mark one of 于都县's two figures as an example the way the example loader stores it.
    Observation.objects.filter(pk=figures.yudu_draft.pk).update(is_example=True)
    client = client_for(cast.yudu)
    assert client.get(f"/api/observations/{figures.yudu_draft.pk}").json()["is_example"] is True
    assert client.get(f"/api/observations/{figures.published.pk}").json()["is_example"] is False
    listed = {row["id"]: row["is_example"] for row in client.get("/api/observations").json()}
    assert listed == {figures.yudu_draft.pk: True, figures.published.pk: False}
