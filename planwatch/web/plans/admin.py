from __future__ import annotations

from django.contrib import admin

from planwatch.web.core.readonly_admin import ReadOnlyAdmin
from planwatch.web.plans import models

# Plans are stored by ``load_plan`` (a changed document is a new version) and targets change only
# through the target-version services (proposal, decision, audit): the admin shows them, read-only.


@admin.register(models.Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ("title", "region", "version", "is_current", "loaded_at")
    exclude = ("document",)


@admin.register(models.Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "unit", "pillar", "attribute", "baseline", "plan")
    list_filter = ("plan", "attribute")


@admin.register(models.TargetVersion)
class TargetVersionAdmin(ReadOnlyAdmin):
    list_display = ("indicator", "version", "kind", "text", "value", "status")
