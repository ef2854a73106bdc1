"""Foreign keys to regions and units now name the ``places`` app, which owns those models (see
``places.0001_from_monitoring``). State only: the tables they point at did not move or change.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('collection', '0001_i10_import_job'),
        ('places', '0001_from_monitoring'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='importjob',
                    name='unit',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.unit'),
                ),
            ],
        ),
    ]
