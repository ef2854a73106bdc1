"""``QualityJudgement.region`` becomes a foreign key to ``places.Region`` (it was the region's name as text).

Each stored name, in the judgements and in their history, is matched to the region of that exact
name (surrounding spaces ignored). A name that matches no region is not guessed at and not dropped:
the migration stops, changes nothing (it runs in one transaction) and names every such row, so
whoever upgrades can correct the text (or add the region) and run ``migrate`` again.
"""

import django.db.models.deletion
from django.db import migrations, models


class UnknownRegion(Exception):
    """A stored region name that names no region; the message lists them all."""


def _unmatched(rows, known: dict[str, int], label: str) -> list[str]:
    return [f"{label} {row['pk']}(指标编号 {row['indicator_id']},{row['year']} 年):「{row['region']}」"
            for row in rows if row["region"].strip() not in known]


def names_to_keys(apps, schema_editor) -> None:
    db = schema_editor.connection.alias
    Region = apps.get_model("places", "Region")
    known = dict(Region.objects.using(db).values_list("name", "pk"))
    models_ = [(apps.get_model("plans", "QualityJudgement"), "质量评判"),
               (apps.get_model("plans", "HistoricalQualityJudgement"), "质量评判历史记录")]
    problems = []
    for model, label in models_:
        rows = model.objects.using(db).values("pk", "indicator_id", "year", "region")
        problems += _unmatched(rows, known, label)
    if problems:
        raise UnknownRegion(
            "以下质量评判的「地区」不是任何地区的名称,本迁移(plans 0004)未做任何修改;请把地区改为地区表中的名称"
            "(或先在地区表中添加该地区)后再运行 migrate:\n" + "\n".join(problems))
    for model, _label in models_:
        for pk, name in model.objects.using(db).values_list("pk", "region"):
            model.objects.using(db).filter(pk=pk).update(region_key=known[name.strip()])


def keys_to_names(apps, schema_editor) -> None:
    db = schema_editor.connection.alias
    Region = apps.get_model("places", "Region")
    names = dict(Region.objects.using(db).values_list("pk", "name"))
    for model in (apps.get_model("plans", "QualityJudgement"), apps.get_model("plans", "HistoricalQualityJudgement")):
        for pk, name in names.items():
            model.objects.using(db).filter(region_key=pk).update(region=name)


class Migration(migrations.Migration):

    dependencies = [
        ("plans", "0003_quality_judgement"),
        ("places", "0001_from_monitoring"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="qualityjudgement", name="quality_judgement_unique"),
        migrations.AddField(
            model_name="qualityjudgement",
            name="region_key",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                    to="places.region"),
        ),
        migrations.AddField(
            model_name="historicalqualityjudgement",
            name="region_key",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True,
                                    on_delete=django.db.models.deletion.DO_NOTHING, related_name="+",
                                    to="places.region"),
        ),
        migrations.RunPython(names_to_keys, keys_to_names),
        migrations.RemoveField(model_name="qualityjudgement", name="region"),
        migrations.RemoveField(model_name="historicalqualityjudgement", name="region"),
        migrations.RenameField(model_name="qualityjudgement", old_name="region_key", new_name="region"),
        migrations.RenameField(model_name="historicalqualityjudgement", old_name="region_key", new_name="region"),
        migrations.AlterField(
            model_name="qualityjudgement",
            name="region",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="quality_judgements",
                                    to="places.region", verbose_name="地区"),
        ),
        migrations.AlterField(
            model_name="historicalqualityjudgement",
            name="region",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True,
                                    on_delete=django.db.models.deletion.DO_NOTHING, related_name="+",
                                    to="places.region", verbose_name="地区"),
        ),
        migrations.AddConstraint(
            model_name="qualityjudgement",
            constraint=models.UniqueConstraint(fields=("indicator", "region", "year"),
                                               name="quality_judgement_unique"),
        ),
    ]
