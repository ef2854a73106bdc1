"""Regions, units, profiles (and their history) and the audit log move from ``monitoring`` to ``places``.

Only Django's picture of the models moves: the tables stay where they are and keep their names
(``monitoring_region``, ``monitoring_unit``, ``monitoring_profile``, ``monitoring_historicalprofile``,
``monitoring_auditentry``; each model says so in ``db_table``), so no row is copied and nothing can be
lost. On a new database ``monitoring.0001`` creates those tables, hence the dependency on
``monitoring.0005``. The content types follow the models (``app_label`` monitoring → places), so
permissions and the admin's log entries that name them still do.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED = ("region", "unit", "profile", "historicalprofile", "auditentry")


def content_types_follow(source: str, target: str):
    def move(apps, schema_editor) -> None:
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for name in MOVED:
            # Where both exist (a half-migrated database), leave both: deleting one would delete the
            # permissions and admin log entries that hang on it.
            if not ContentType.objects.using(db).filter(app_label=target, model=name).exists():
                ContentType.objects.using(db).filter(app_label=source, model=name).update(app_label=target)
    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("monitoring", "0005_audit_subjects"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Region',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(blank=True, max_length=40, verbose_name='标识')),
                        ('code', models.CharField(blank=True, max_length=12, verbose_name='行政区划代码')),
                        ('name', models.CharField(max_length=50, unique=True, verbose_name='名称')),
                        ('short_name', models.CharField(blank=True, max_length=20, verbose_name='简称')),
                        ('kind', models.CharField(choices=[('city', '设区市'), ('county', '县(市、区)'), ('zone', '功能区')], max_length=8, verbose_name='类型')),
                        ('order', models.PositiveSmallIntegerField(default=0)),
                        ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='places.region')),
                    ],
                    options={
                        'verbose_name': '地区',
                        'verbose_name_plural': '地区',
                        'db_table': 'monitoring_region',
                        'ordering': ['order', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='Unit',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=80, unique=True, verbose_name='单位名称')),
                        ('kind', models.CharField(choices=[('department', '市直部门'), ('county_government', '县级政府/管委会'), ('bureau', '其他机构')], max_length=20, verbose_name='类型')),
                        ('order', models.PositiveSmallIntegerField(default=0)),
                        ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='units', to='places.region')),
                    ],
                    options={
                        'verbose_name': '填报单位',
                        'verbose_name_plural': '填报单位',
                        'db_table': 'monitoring_unit',
                        'ordering': ['order', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='Profile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('administrator', '系统管理员'), ('planner', '规划管理(发改委)'), ('reporter', '填报人'), ('reviewer', '审核人'), ('supervisor', '督查(只读)')], max_length=16, verbose_name='角色')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='planwatch', to=settings.AUTH_USER_MODEL)),
                        ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='members', to='places.unit')),
                    ],
                    options={
                        'verbose_name': '用户角色',
                        'verbose_name_plural': '用户角色',
                        'db_table': 'monitoring_profile',
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalProfile',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('role', models.CharField(choices=[('administrator', '系统管理员'), ('planner', '规划管理(发改委)'), ('reporter', '填报人'), ('reviewer', '审核人'), ('supervisor', '督查(只读)')], max_length=16, verbose_name='角色')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('unit', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.unit')),
                    ],
                    options={
                        'verbose_name': 'historical 用户角色',
                        'verbose_name_plural': 'historical 用户角色',
                        'db_table': 'monitoring_historicalprofile',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='AuditEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='时间')),
                        ('actor_name', models.CharField(blank=True, max_length=150, verbose_name='操作人')),
                        ('action', models.CharField(max_length=30, verbose_name='操作')),
                        ('subject', models.CharField(choices=[('observation', '观测值'), ('target', '目标'), ('assignment', '填报任务'), ('user', '用户'), ('rule', '校验规则'), ('flag', '数据核查'), ('reference', '基础数据'), ('judgement', '质量评判'), ('plan', '规划')], max_length=12, verbose_name='对象类型')),
                        ('object_id', models.PositiveBigIntegerField(verbose_name='对象编号')),
                        ('object_repr', models.CharField(max_length=300, verbose_name='对象')),
                        ('old', models.JSONField(blank=True, default=dict, verbose_name='原值')),
                        ('new', models.JSONField(blank=True, default=dict, verbose_name='新值')),
                        ('reason', models.TextField(blank=True, verbose_name='理由')),
                        ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='places.unit')),
                    ],
                    options={
                        'verbose_name': '审计记录',
                        'verbose_name_plural': '审计记录',
                        'db_table': 'monitoring_auditentry',
                        'ordering': ['-at', '-id'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='region',
                    constraint=models.UniqueConstraint(condition=models.Q(('code', ''), _negated=True), fields=('code',), name='region_code_unique'),
                ),
                migrations.AddIndex(
                    model_name='auditentry',
                    index=models.Index(fields=['subject', 'object_id'], name='monitoring__subject_f5bfe2_idx'),
                ),
            ],
        ),
        migrations.RunPython(content_types_follow("monitoring", "places"),
                             content_types_follow("places", "monitoring")),
    ]
