from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.plans import models


@admin.register(models.Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("title", "region", "version", "is_current", "loaded_at")
    exclude = ("document",)


@admin.register(models.Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "unit", "pillar", "attribute", "baseline", "plan")
    list_filter = ("plan", "attribute")


@admin.register(models.TargetVersion)
class TargetVersionAdmin(SimpleHistoryAdmin):
    list_display = ("indicator", "version", "kind", "text", "value", "status")
