"""The data stamp row and its triggers on every table pages are made from (planwatch.web.core.stamp)."""

import uuid

from django.db import migrations, models

from planwatch.web.core import stamp


def forwards(apps, schema_editor):
    apps.get_model("core", "DataStamp").objects.create(epoch=uuid.uuid4().hex)
    stamp.install_triggers(schema_editor, stamp.stamped_tables(apps.get_models()))


def backwards(apps, schema_editor):
    stamp.remove_triggers(schema_editor, stamp.stamped_tables(apps.get_models()))


class Migration(migrations.Migration):
    initial = True
    dependencies = [
        ("plans", "0003_quality_judgement"),
        ("monitoring", "0005_audit_subjects"),
        ("realdata", "0003_drop_example_mark"),
        ("reporting", "0001_i15_reports"),
    ]
    operations = [
        migrations.CreateModel(
            name="DataStamp",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("epoch", models.CharField(max_length=32)),
                ("counter", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "data stamp"},
        ),
        migrations.RunPython(forwards, backwards),
    ]
