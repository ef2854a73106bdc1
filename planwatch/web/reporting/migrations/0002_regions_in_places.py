"""Foreign keys to regions and units now name the ``places`` app, which owns those models (see
``places.0001_from_monitoring``). State only: the tables they point at did not move or change.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0001_from_monitoring'),
        ('reporting', '0001_i15_reports'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='countytarget',
                    name='region',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='county_targets', to='places.region'),
                ),
                migrations.AlterField(
                    model_name='historicalcountytarget',
                    name='region',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.region'),
                ),
            ],
        ),
    ]
