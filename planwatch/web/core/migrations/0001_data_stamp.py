"""The data stamp row (planwatch.web.core.stamp); its triggers are made after every migrate."""

import uuid

from django.db import migrations, models


def first_epoch(apps, schema_editor):
    apps.get_model("core", "DataStamp").objects.create(epoch=uuid.uuid4().hex)


class Migration(migrations.Migration):
    initial = True
    dependencies = []
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
        migrations.RunPython(first_epoch, migrations.RunPython.noop),
    ]
