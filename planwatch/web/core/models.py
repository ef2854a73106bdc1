"""The data stamp: one row whose counter moves whenever something a page shows has changed."""

from __future__ import annotations

from django.db import models


class DataStamp(models.Model):
    """``(epoch, counter)`` names one state of the shown data; see ``planwatch.web.core.stamp``.

    The counter is moved by database triggers, not by Python, so no write path (a service, a bulk
    update, the admin, raw SQL) can change a figure without moving it. The epoch is new whenever the
    row is made again or a backup is restored, so counters of another timeline never match."""

    epoch = models.CharField(max_length=32)
    counter = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "data stamp"
