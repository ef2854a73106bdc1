"""An import never overwrites a figure that changed after it was read.

The race the issue found: an import reads the rows it will update, and while it runs (a 20,000-row
file takes a while) the unit submits one of them and a reviewer approves and publishes it. Saving
the stale copy would turn the published figure back into a draft with the file's value. The import
must instead lock what it changes, see the row changed, and refuse the whole file naming the row.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from planwatch.web.collection import services as imports
from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from tests.web.conftest import indicator

FILE = (
    "指标,地区,年份,数值,单位,来源\n"
    "地区生产总值,于都县,2024,999,亿元,于都县统计公报\n"
    "地区生产总值,于都县,2023,888,亿元,于都县统计公报\n"
)
REFUSAL = "第2行 A列:「地区生产总值」「于都县」2024 在导入过程中已被他人修改(当前状态「已发布」),请重新导入"


def _draft(cast, small_plan, reference_data, year=2024, value=250.0):
    return services.create_draft(
        user=cast.yudu,
        reason="填报",
        indicator=indicator(small_plan, "I01"),
        region=reference_data.regions["于都县"],
        year=year,
        value=value,
    )


def _waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # else the view is frozen for the transaction
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks queue writers on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_import_racing_a_review_leaves_the_published_figure_and_is_refused_naming_the_row(
    cast, assignments, small_plan, reference_data
):
    """Thread A imports; this thread submits, approves and publishes the 2024 row inside one
    transaction that holds the row until A is queued behind it, then commits."""
    draft = _draft(cast, small_plan, reference_data)
    outcome: dict[str, object] = {}

    def run_import() -> None:
        try:
            outcome["result"] = imports.import_upload(
                "于都.csv", FILE.encode(), user=cast.yudu, reason="导入", unit=draft.unit
            )
        except Exception as error:  # the outcome is what the test looks at
            outcome["result"] = error
        finally:
            connection.close()

    with transaction.atomic():
        row = services.submit_observation(draft, user=cast.yudu)
        row = services.approve_observation(row, user=cast.reviewer)
        row = services.publish_observation(row, user=cast.reviewer)
        worker = threading.Thread(target=run_import)
        worker.start()
        deadline = time.monotonic() + 30
        while not _waiting_on_a_lock() and worker.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
    worker.join(timeout=60)

    published = Observation.objects.get(pk=draft.pk)
    assert (published.status, published.value, published.lock_version) == ("published", 250.0, 4)
    assert (published.submitted_by, published.reviewed_by, published.published_by) == (
        cast.yudu,
        cast.reviewer,
        cast.reviewer,
    )
    result = outcome["result"]
    assert isinstance(result, imports.ImportOutcome), result
    assert [p.text for p in result.problems if p.is_error] == [REFUSAL]
    assert Observation.objects.filter(year=2023).count() == 0  # all or nothing
    assert not result.drafts


@pytest.mark.django_db(transaction=True)
def test_rows_read_then_changed_before_the_write_refuse_the_whole_file(
    cast, assignments, small_plan, reference_data
):
    """The same check without threads, on every backend: prepare (read), the row is published,
    then store — refused, naming the file's row."""
    draft = _draft(cast, small_plan, reference_data)
    prepared = imports.prepare_upload(
        "于都.csv", FILE.encode(), user=cast.yudu, reason="导入", unit=draft.unit
    )
    assert prepared.ok
    services.publish_observation(
        services.approve_observation(services.submit_observation(draft, user=cast.yudu), user=cast.reviewer),
        user=cast.reviewer,
    )
    result = imports.store_prepared(prepared)
    assert [p.text for p in result.problems if p.is_error] == [REFUSAL]
    published = Observation.objects.get(pk=draft.pk)
    assert (published.status, published.value) == ("published", 250.0)
    assert Observation.objects.count() == 1
