"""Login throttling's records (django-axes) in the admin: shown, never edited there.

A lockout is lifted with ``python -m django axes_reset_username NAME`` (or it expires after
``AXES_COOLOFF_TIME``); editing or deleting the records by hand would leave no audit trail.
"""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin

from planwatch.web.core.readonly_admin import ReadOnlyAdmin


class ThrottleRecordAdmin(ReadOnlyAdmin):
    list_display = ("username", "ip_address", "attempt_time")


for model in (AccessAttempt, AccessLog, AccessFailureLog):
    admin.site.register(model, ThrottleRecordAdmin)
