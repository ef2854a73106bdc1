from __future__ import annotations

from django.urls import path

from planwatch.web.work.views import escalations, home, projects, reports, sheets, supervision, tasks

urlpatterns = [
    path("", home.work_home, name="work-home"),
    path("tasks/", tasks.task_list, name="work-tasks"),
    path("tasks/<int:pk>/", tasks.task_detail, name="work-task"),
    path("tasks/<int:pk>/assign/", tasks.task_assign, name="work-task-assign"),
    path("tasks/<int:pk>/milestones/", tasks.milestone_add, name="work-milestone-add"),
    path("tasks/<int:pk>/milestones/<int:milestone_id>/", tasks.milestone_reach, name="work-milestone-reach"),
    path("projects/", projects.project_list, name="work-projects"),
    path("projects/<int:pk>/", projects.project_detail, name="work-project"),
    path("projects/<int:pk>/update/", projects.project_update, name="work-project-update"),
    path("<str:kind>/<int:pk>/report/", reports.report_new, name="work-report-new"),
    path("reports/<int:pk>/", reports.report_detail, name="work-report"),
    path("reports/<int:pk>/save/", reports.report_save, name="work-report-save"),
    path("reports/<int:pk>/evidence/", reports.evidence_upload, name="work-evidence-upload"),
    path("reports/<int:pk>/submit/", reports.report_submit, name="work-report-submit"),
    path("reports/<int:pk>/<str:decision>/", reports.report_review, name="work-report-review"),
    path("evidence/<int:pk>/", reports.evidence_download, name="work-evidence"),
    path("supervision/", supervision.supervision, name="work-supervision"),
    path("supervision.xlsx", supervision.supervision_export, name="work-supervision-export"),
    path("supervision/remind/", supervision.supervision_remind, name="work-supervision-remind"),
    path("escalations/", escalations.escalation_list, name="work-escalations"),
    path("escalations/<int:pk>/", escalations.escalation_resolve, name="work-escalation-resolve"),
    path("sheets/<str:kind>.xlsx", sheets.sheet_export, name="work-sheet-export"),
    path("sheets/<str:kind>/import/", sheets.sheet_import, name="work-sheet-import"),
]
