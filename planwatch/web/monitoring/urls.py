from __future__ import annotations

from django.urls import path
from django.views.generic import RedirectView

from planwatch.web.monitoring.views import (
    assignments,
    audit,
    entry,
    observations,
    overdue,
    review,
    rules,
    targets,
)

urlpatterns = [
    path("monitoring/entry/", entry.entry, name="monitoring-entry"),
    path("monitoring/entry/new/", entry.entry_new, name="monitoring-entry-new"),
    path("monitoring/observations/", observations.observation_list, name="observation-list"),
    path("monitoring/observations/export.csv", observations.observation_export, name="observation-export"),
    path("monitoring/observations/<int:pk>/", observations.observation_detail, name="observation-detail"),
    path("monitoring/observations/<int:pk>/edit/", observations.observation_edit, name="observation-edit"),
    path("monitoring/observations/<int:pk>/submit/", observations.observation_submit, name="observation-submit"),
    path("monitoring/observations/<int:pk>/withdraw/", observations.observation_withdraw,
         name="observation-withdraw"),
    path("monitoring/review/batch/", review.review_batch, name="review-batch"),
    path("monitoring/observations/<int:pk>/revise/", observations.observation_revise, name="observation-revise"),
    path("monitoring/observations/<int:pk>/approve/", review.observation_approve, name="observation-approve"),
    path("monitoring/observations/<int:pk>/return/", review.observation_return, name="observation-return"),
    path("monitoring/observations/<int:pk>/publish/", review.observation_publish, name="observation-publish"),
    path("monitoring/review/", review.review_queue, name="review-queue"),
    path("monitoring/indicators/<int:pk>/history/", observations.indicator_history, name="indicator-history"),
    path("monitoring/assignments/", assignments.assignment_list, name="assignment-list"),
    path("monitoring/overdue/", overdue.overdue_list, name="overdue-list"),
    path("monitoring/targets/", targets.target_list, name="target-list"),
    path("monitoring/targets/<int:pk>/propose/", targets.target_propose, name="target-propose"),
    path("monitoring/targets/versions/<int:pk>/<str:decision>/", targets.target_decide, name="target-decide"),
    path("monitoring/audit/", audit.audit_list, name="audit-list"),
    path("monitoring/audit.csv", audit.audit_export, name="audit-export"),
    path("monitoring/rules/", rules.rule_list, name="rule-list"),
    path("monitoring/rules/<int:pk>/", rules.rule_list, name="rule-edit"),
    path("monitoring/rules/seed/", rules.rule_seed, name="rule-seed"),
    # The first public page, before the portal: old links still land on its successor.
    path("public/indicators/<str:code>/",
         RedirectView.as_view(pattern_name="portal-indicator-published", permanent=True)),
]
