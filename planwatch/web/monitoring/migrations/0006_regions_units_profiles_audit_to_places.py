"""The other half of ``places.0001_from_monitoring``: monitoring's foreign keys now point at the
``places`` models and monitoring forgets its copies. State only: the columns, their constraints and the
tables are exactly as they were (a foreign key to ``places.Region`` is a key to the table
``monitoring_region``, which is where it already pointed).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('bulletins', '0002_regions_in_places'),
        ('collection', '0002_units_in_places'),
        ('monitoring', '0005_audit_subjects'),
        ('places', '0001_from_monitoring'),
        ('reporting', '0002_regions_in_places'),
        ('work', '0002_regions_units_in_places'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='historicalprofile',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalprofile',
                    name='unit',
                ),
                migrations.RemoveField(
                    model_name='historicalprofile',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='profile',
                    name='unit',
                ),
                migrations.RemoveField(
                    model_name='profile',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='region',
                    name='parent',
                ),
                migrations.AlterField(
                    model_name='historicalassignment_regions',
                    name='region',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.region'),
                ),
                migrations.AlterField(
                    model_name='historicalobservation',
                    name='region',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.region'),
                ),
                migrations.AlterField(
                    model_name='observation',
                    name='region',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='observations', to='places.region'),
                ),
                migrations.RemoveField(
                    model_name='unit',
                    name='region',
                ),
                migrations.AlterField(
                    model_name='observation',
                    name='unit',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='observations', to='places.unit', verbose_name='填报单位'),
                ),
                migrations.AlterField(
                    model_name='assignment',
                    name='unit',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='assignments', to='places.unit'),
                ),
                migrations.AlterField(
                    model_name='historicalobservation',
                    name='unit',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.unit', verbose_name='填报单位'),
                ),
                migrations.AlterField(
                    model_name='historicalassignment',
                    name='unit',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.unit'),
                ),
                migrations.AlterField(
                    model_name='assignment',
                    name='regions',
                    field=models.ManyToManyField(related_name='assignments', to='places.region'),
                ),
                migrations.DeleteModel(
                    name='AuditEntry',
                ),
                migrations.DeleteModel(
                    name='HistoricalProfile',
                ),
                migrations.DeleteModel(
                    name='Profile',
                ),
                migrations.DeleteModel(
                    name='Region',
                ),
                migrations.DeleteModel(
                    name='Unit',
                ),
            ],
        ),
    ]
