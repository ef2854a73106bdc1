"""The example mark moves onto the observation: a database marked the old way keeps its examples marked."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("realdata", "0001_initial"), ("monitoring", "0003_example_flag_qualifiers_default_rules")]
AFTER = [("realdata", "0003_drop_example_mark")]


@pytest.mark.django_db(transaction=True)
def test_an_observation_with_the_old_example_mark_gets_is_example_and_the_mark_table_goes(
        cast, assignments, small_plan, reference_data):
    from planwatch.web.monitoring import services
    from planwatch.web.monitoring.models import Observation

    marked, plain = (services.create_draft(user=cast.yudu, reason="填报", indicator=small_plan.indicators.get(code="I01"),
                                           region=reference_data.regions["于都县"], year=year, value=value)
                     for year, value in ((2023, 240.0), (2024, 260.0)))
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        old.get_model("realdata", "ExampleMark").objects.create(observation_id=marked.pk)
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        # Only the columns this state has: later monitoring migrations (发布机构, 文件标题) are not applied yet.
        flags = dict(Observation.objects.values_list("pk", "is_example"))
        assert flags == {marked.pk: True, plain.pk: False}
        assert "realdata_examplemark" not in connection.introspection.table_names()
    finally:
        # Going back to monitoring 0003 unapplied every later migration that depends on it (tokens,
        # audit subjects, the import jobs, work, reports …): the tests after this one need them all.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
