"""Foreign keys to regions and units now name the ``places`` app, which owns those models (see
``places.0001_from_monitoring``). State only: the tables they point at did not move or change.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0001_from_monitoring'),
        ('work', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='escalation',
                    name='owner',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='escalations', to='places.unit', verbose_name='责任单位'),
                ),
                migrations.AlterField(
                    model_name='historicalescalation',
                    name='owner',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.unit', verbose_name='责任单位'),
                ),
                migrations.AlterField(
                    model_name='historicalkeyproject',
                    name='county',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.region', verbose_name='所在县(市、区)'),
                ),
                migrations.AlterField(
                    model_name='historicalkeyproject',
                    name='lead_unit',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.unit', verbose_name='牵头单位'),
                ),
                migrations.AlterField(
                    model_name='historicalprogressreport',
                    name='unit',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.unit', verbose_name='报告单位'),
                ),
                migrations.AlterField(
                    model_name='historicalworktask',
                    name='lead_unit',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.unit', verbose_name='牵头单位'),
                ),
                migrations.AlterField(
                    model_name='historicalworktask_cooperating_units',
                    name='unit',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.unit'),
                ),
                migrations.AlterField(
                    model_name='keyproject',
                    name='county',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='key_projects', to='places.region', verbose_name='所在县(市、区)'),
                ),
                migrations.AlterField(
                    model_name='keyproject',
                    name='lead_unit',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='led_projects', to='places.unit', verbose_name='牵头单位'),
                ),
                migrations.AlterField(
                    model_name='progressreport',
                    name='unit',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='progress_reports', to='places.unit', verbose_name='报告单位'),
                ),
                migrations.AlterField(
                    model_name='worktask',
                    name='cooperating_units',
                    field=models.ManyToManyField(blank=True, related_name='cooperating_tasks', to='places.unit', verbose_name='配合单位'),
                ),
                migrations.AlterField(
                    model_name='worktask',
                    name='lead_unit',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='led_tasks', to='places.unit', verbose_name='牵头单位'),
                ),
            ],
        ),
    ]
