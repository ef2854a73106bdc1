"""Regions, units, profiles and the audit log moved from ``monitoring`` to ``places`` without moving a row.

A database made before the move (``monitoring`` 0005, ``plans`` 0003) is filled through the models as
they were then, migrated forward, and read through today's models: every row is there with the same
keys, the foreign keys of other apps still find their regions and units, the content types (and the
permissions on them) moved with the models, and the tables look exactly as on a new database.
``QualityJudgement.region`` becomes a key: a stored name that names no region stops the migration
with every such row named, and nothing is lost.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("monitoring", "0005_audit_subjects"), ("plans", "0003_quality_judgement"), ("places", None),
    ("work", "0001_initial"), ("reporting", "0001_i15_reports"), ("bulletins", "0001_initial"),
    ("collection", "0001_i10_import_job"),
]
TABLES = ("monitoring_region", "monitoring_unit", "monitoring_profile", "monitoring_historicalprofile",
          "monitoring_auditentry", "plans_qualityjudgement", "plans_historicalqualityjudgement",
          "monitoring_observation", "monitoring_assignment_regions")
pytestmark = pytest.mark.django_db(transaction=True)


def _shape() -> dict:
    """Columns and constraints of the tables concerned, as the database itself reports them."""
    with connection.cursor() as cursor:
        return {table: (
            sorted((c.name, c.null_ok) for c in connection.introspection.get_table_description(cursor, table)),
            sorted((tuple(c["columns"]), bool(c["unique"]), bool(c["primary_key"]), c["foreign_key"] or ())
                   for c in connection.introspection.get_constraints(cursor, table).values()),
        ) for table in TABLES}


@pytest.fixture
def new_database() -> dict:
    """The shape of the tables on a new database (the test database is one), before ``old`` rolls back."""
    return _shape()


@pytest.fixture
def old(new_database):
    """The database rolled back to before the move (the models as they were), rolled forward after."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        # The models of the other apps (users, content types) as they are: they did not change.
        others = [node for node in executor.loader.graph.leaf_nodes() if node[0] in ("auth", "contenttypes")]
        yield executor.loader.project_state([node for node in BEFORE if node[1]] + others).apps
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def _forward():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _fill(apps, *, judged_region: str = "章贡区") -> dict:
    """Rows in the old state: two regions, a unit, a reporter with a role (and its history), an
    observation and an assignment naming them, an audit entry, a quality judgement (and its history)."""
    Region, Unit = apps.get_model("monitoring", "Region"), apps.get_model("monitoring", "Unit")
    city = Region.objects.create(key="ganzhou", code="360700", name="赣州市", short_name="赣州", kind="city")
    county = Region.objects.create(key="zhanggong", code="360702", name="章贡区", short_name="章贡", kind="county",
                                   parent=city, order=1)
    unit = Unit.objects.create(name="章贡区人民政府", kind="county_government", region=county)
    user = apps.get_model("auth", "User").objects.create(username="zg_reporter")
    profile = apps.get_model("monitoring", "Profile").objects.create(user=user, role="reporter", unit=unit)
    apps.get_model("monitoring", "HistoricalProfile").objects.create(
        id=profile.pk, user=user, role="reporter", unit=unit, history_date=dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
        history_type="+", history_change_reason="建立账号")
    plan = apps.get_model("plans", "Plan").objects.create(title="赣州市十四五规划", region="赣州市", base_year=2020,
                                                          target_year=2025, fingerprint="f" * 64)
    pillar = apps.get_model("plans", "Pillar").objects.create(plan=plan, name="综合实力")
    exports = apps.get_model("plans", "Indicator").objects.create(
        plan=plan, pillar=pillar, code="I22", name="出口总额", attribute="预期性", direction="increase")
    observation = apps.get_model("monitoring", "Observation").objects.create(
        indicator=exports, region=county, unit=unit, year=2023, period="2023", value=590.0)
    assignment = apps.get_model("monitoring", "Assignment").objects.create(
        unit=unit, indicator=exports, year=2024, due_date=dt.date(2024, 3, 31))
    assignment.regions.set([city, county])
    entry = apps.get_model("monitoring", "AuditEntry").objects.create(
        actor=user, actor_name="zg_reporter", action="create", subject="observation", object_id=observation.pk,
        object_repr="出口总额 · 章贡区 · 2023", unit=unit, new={"value": 590.0}, reason="填报")
    judgement = apps.get_model("plans", "QualityJudgement").objects.create(
        indicator=exports, region=judged_region, year=2023, verdict="achieved", measure="高新技术产品出口占比",
        author=user)
    apps.get_model("plans", "HistoricalQualityJudgement").objects.create(
        id=judgement.pk, indicator=exports, region=judged_region, year=2023, verdict="achieved",
        measure="高新技术产品出口占比", author=user, created_at=judgement.created_at,
        history_date=dt.datetime(2026, 1, 3, tzinfo=dt.UTC), history_type="+")
    return {"city": city.pk, "county": county.pk, "unit": unit.pk, "user": user.pk, "profile": profile.pk,
            "observation": observation.pk, "assignment": assignment.pk, "entry": entry.pk,
            "judgement": judgement.pk}


def test_rows_made_before_the_move_are_all_there_after_it_with_the_same_keys(new_database, old):
    ContentType = old.get_model("contenttypes", "ContentType")
    region_type = ContentType.objects.get(app_label="monitoring", model="region").pk
    keys = _fill(old)

    _forward()
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType as NowContentType

    from planwatch.web.monitoring.models import Assignment, Observation
    from planwatch.web.places.models import AuditEntry, Profile, Region, Unit
    from planwatch.web.plans.models import QualityJudgement

    county = Region.objects.get(pk=keys["county"])
    assert (county.name, county.parent_id, county.code) == ("章贡区", keys["city"], "360702")
    assert Unit.objects.get(pk=keys["unit"]).region == county
    profile = Profile.objects.get(pk=keys["profile"])
    assert (profile.user_id, profile.role, profile.unit_id) == (keys["user"], "reporter", keys["unit"])
    assert list(profile.history.values_list("history_change_reason", flat=True)) == ["建立账号"]
    observation = Observation.objects.get(pk=keys["observation"])
    assert (observation.region, observation.unit_id) == (county, keys["unit"])
    assert sorted(Assignment.objects.get(pk=keys["assignment"]).regions.values_list("name", flat=True)) == [
        "章贡区", "赣州市"]
    entry = AuditEntry.objects.get(pk=keys["entry"])
    assert (entry.unit_id, entry.reason, entry.new) == (keys["unit"], "填报", {"value": 590.0})
    judgement = QualityJudgement.objects.get(pk=keys["judgement"])
    assert judgement.region == county
    assert list(judgement.history.values_list("region__name", flat=True)) == ["章贡区"]
    # The content type (and so its permissions and admin log entries) moved with the model.
    assert NowContentType.objects.get_for_model(Region).pk == region_type
    assert Permission.objects.filter(content_type_id=region_type, codename="change_region").exists()
    assert _shape() == new_database


def test_a_judgement_naming_no_region_stops_the_migration_naming_it_and_keeps_its_text(old):
    keys = _fill(old, judged_region="章贡")  # the short name, not the name
    with pytest.raises(Exception, match=(
            r"质量评判的「地区」不是任何地区的名称,本迁移\(plans 0004\)未做任何修改.*\n"
            rf"质量评判 {keys['judgement']}\(指标编号 \d+,2023 年\):「章贡」\n"
            rf"质量评判历史记录 \d+\(指标编号 \d+,2023 年\):「章贡」$")):
        _forward()
    QualityJudgement = MigrationExecutor(connection).loader.project_state(
        [("plans", "0003_quality_judgement")]).apps.get_model("plans", "QualityJudgement")
    assert QualityJudgement.objects.get(pk=keys["judgement"]).region == "章贡"

    QualityJudgement.objects.filter(pk=keys["judgement"]).update(region="章贡区")
    old.get_model("plans", "HistoricalQualityJudgement").objects.update(region=" 章贡区 ")
    _forward()
    from planwatch.web.plans.models import QualityJudgement as Now

    judgement = Now.objects.get(pk=keys["judgement"])
    assert judgement.region_id == keys["county"]
    assert list(judgement.history.values_list("region_id", flat=True)) == [keys["county"]]
