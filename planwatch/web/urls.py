from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from planwatch.web.core import views as core_views

urlpatterns = [
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("language/", core_views.switch_language, name="switch-language"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("planwatch.web.monitoring.urls")),
    path("api/", include("planwatch.web.api.urls")),
    path("", include("planwatch.web.dashboard.urls")),
    path("portal/", include("planwatch.web.portal.urls")),
    path("", include("planwatch.web.realdata.urls")),
    path("", include("planwatch.web.collection.urls")),
    path("work/", include("planwatch.web.work.urls")),
    path("", include("planwatch.web.plans.urls")),
    path("", include("planwatch.web.bulletins.urls")),
    path("", include("planwatch.web.reporting.urls")),
]

handler500 = "planwatch.web.core.views.server_error"
