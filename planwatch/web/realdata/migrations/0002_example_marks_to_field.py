"""Observations marked as examples before ``Observation.is_example`` existed get the flag set.

The next migration drops ``ExampleMark``: the flag on the observation is the one record of it.
"""

from __future__ import annotations

from django.db import migrations


def forward(apps, schema_editor) -> None:
    ExampleMark = apps.get_model("realdata", "ExampleMark")
    Observation = apps.get_model("monitoring", "Observation")
    marked = ExampleMark.objects.values_list("observation_id", flat=True)
    Observation.objects.filter(pk__in=list(marked)).update(is_example=True)


class Migration(migrations.Migration):
    dependencies = [
        ("realdata", "0001_initial"),
        ("monitoring", "0003_example_flag_qualifiers_default_rules"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
