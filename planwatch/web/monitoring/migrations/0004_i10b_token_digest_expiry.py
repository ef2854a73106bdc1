"""API tokens: keep only each token's SHA-256, and give every token an expiry (issue 10).

Existing tokens keep working: their stored plain value is replaced by its digest, which is what
the API now compares against.
"""

import hashlib

from django.db import migrations, models

import planwatch.web.monitoring.models


def hash_existing(apps, schema_editor):
    ApiToken = apps.get_model("monitoring", "ApiToken")
    for row in ApiToken.objects.all():
        if len(row.key) != 64 or any(c not in "0123456789abcdef" for c in row.key):
            row.key = hashlib.sha256(row.key.encode("utf-8")).hexdigest()
            row.save(update_fields=["key"])


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0003_example_flag_qualifiers_default_rules"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(
                default=planwatch.web.monitoring.models.default_token_expiry, verbose_name="有效期至"
            ),
        ),
        migrations.AlterField(
            model_name="apitoken",
            name="key",
            field=models.CharField(
                default=planwatch.web.monitoring.models.new_token_key, max_length=64, unique=True,
                verbose_name="令牌摘要(SHA-256)",
            ),
        ),
        migrations.RunPython(hash_existing, migrations.RunPython.noop),
    ]
