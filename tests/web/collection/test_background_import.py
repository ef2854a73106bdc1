"""A large web upload is imported by a background task (django-tasks, database backend), not in the request:
the page answers at once with a job page that shows progress, and the worker stores all or nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from planwatch.collection.settings import configure, reset
from planwatch.web.collection.models import ImportJob
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry
from tests.web.collection.conftest import page_text, stored_rows

GOOD = "指标,地区,年份,数值,单位,来源\n地区生产总值,章贡区,2024,1190.5,亿元,2024年章贡区统计公报\n"
BAD = "指标,地区,年份,数值,单位\n地区生产总值,章贡区,2024,1190.5,亿元\n地区生产总值,章贡区,2023,12;3,亿元\n"


@pytest.fixture
def small_threshold():
    """Every file counts as large (the default threshold is 256 KB; a template is under 100 KB)."""
    configure(BACKGROUND_IMPORT_BYTES=10)
    yield
    reset()


def _work() -> None:
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


@pytest.mark.django_db(transaction=True)  # the job is enqueued when its row commits
def test_a_large_upload_becomes_a_job_the_worker_imports(
    cast, assignments, upload, client_for, small_threshold
):
    before = stored_rows()
    response = upload(cast.zhanggong, "章贡.csv", GOOD.encode(), reason="2024年度首次报送")
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/collection/jobs/{job.pk}/"
    assert stored_rows() == before  # nothing imported in the request
    page = page_text(client_for(cast.zhanggong).get(response["Location"]))
    assert "排队中:排队等待导入" in page and 'http-equiv="refresh"' in page

    _work()

    job.refresh_from_db()
    assert (job.status, job.stage, job.rows, job.data) == ("done", "完成", 1, b"")
    obs = Observation.objects.get()
    assert job.stored == [obs.pk]
    assert (obs.value, obs.created_by, obs.unit.name) == (1190.5, cast.zhanggong, "章贡区人民政府")
    entry = AuditEntry.objects.get(subject="observation", object_id=obs.pk)
    assert (entry.actor_name, entry.reason) == ("zhanggong", "2024年度首次报送")
    page = page_text(client_for(cast.zhanggong).get(f"/collection/jobs/{job.pk}/"))
    assert "已导入:完成" in page and "已导入 1 条草稿" in page and 'http-equiv="refresh"' not in page


@pytest.mark.django_db(transaction=True)
def test_a_refused_background_import_lists_its_problems_and_stores_nothing(
    cast, assignments, upload, client_for, small_threshold
):
    before = stored_rows()
    upload(cast.zhanggong, "章贡.csv", BAD.encode())
    _work()
    job = ImportJob.objects.get()
    assert (job.status, job.stage) == ("refused", "有错误,未导入任何数据")
    assert [p.text for p in job.problem_list()] == ["第3行 D列:数值「12;3」不是有效数字"]
    assert stored_rows() == before
    assert "数值「12;3」不是有效数字" in page_text(
        client_for(cast.zhanggong).get(f"/collection/jobs/{job.pk}/")
    )


def test_only_the_sender_or_an_administrator_sees_a_job(
    cast, assignments, upload, client_for, small_threshold
):
    upload(cast.zhanggong, "章贡.csv", GOOD.encode())
    job = ImportJob.objects.get()
    assert client_for(cast.nankang).get(f"/collection/jobs/{job.pk}/").status_code == 404
    assert client_for(cast.admin).get(f"/collection/jobs/{job.pk}/").status_code == 200
    assert client_for(cast.supervisor).get(f"/collection/jobs/{job.pk}/").status_code == 403


def test_a_small_upload_and_a_dry_run_stay_in_the_request(cast, assignments, upload):
    response = upload(cast.zhanggong, "章贡.csv", GOOD.encode())
    assert response.status_code == 200 and Observation.objects.count() == 1
    assert not ImportJob.objects.exists()


def test_a_jobs_stage_reads_in_the_readers_language(cast, assignments, upload, client_for, small_threshold):
    """The worker stores the stage untranslated; the page says it in Chinese or English, with the rows counted."""
    upload(cast.zhanggong, "章贡.csv", GOOD.encode())
    job = ImportJob.objects.get()
    english = client_for(cast.zhanggong)
    english.cookies["django_language"] = "en"
    assert "Queued: waiting to be imported" in page_text(english.get(f"/collection/jobs/{job.pk}/"))
    ImportJob.objects.filter(pk=job.pk).update(status="running", stage="核对并写入 %(rows)s 行", rows=1)
    assert "导入中:核对并写入 1 行" in page_text(client_for(cast.zhanggong).get(f"/collection/jobs/{job.pk}/"))
    assert "Importing: checking and storing the rows read: 1" in page_text(english.get(f"/collection/jobs/{job.pk}/"))
