"""Django settings, all overridable from the environment (twelve-factor).

SQLite is the zero-setup default; ``DATABASE_URL`` selects PostgreSQL in
production and in the second half of the test run.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from planwatch.web import security

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("PLANWATCH_VAR_DIR", PROJECT_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

# Production by default: a key generated into the var directory on first run (mode 600), DEBUG off
# unless PLANWATCH_DEBUG=1 asks for it (docs/deployment.md).
SECRET_KEY = security.secret_key(VAR_DIR)
DEBUG = security.flag("PLANWATCH_DEBUG")
ALLOWED_HOSTS = os.environ.get("PLANWATCH_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver").split(",")

# The apps that serve pages, the API, sign-in and background jobs. A command that only reads and grades
# data starts Django without them (planwatch.web.command_settings): half of Django's start-up.
PAGE_APPS = (
    "django.contrib.admin", "django.contrib.sessions", "django.contrib.messages", "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles", "django.contrib.humanize", "django_htmx", "template_partials",
    "rules.apps.AutodiscoverRulesConfig", "ninja", "axes", "django_tasks", "django_tasks_db",
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "planwatch.web.core",
    "planwatch.web.places",
    "planwatch.web.plans",
    "planwatch.web.monitoring",
    "planwatch.web.dashboard",
    "planwatch.web.portal",
    "planwatch.web.realdata",
    "planwatch.web.collection",
    "planwatch.web.bulletins",
    "ninja",  # Swagger UI from django-ninja's own static files, not from a CDN
    "axes",
    "django_tasks",
    "django_tasks_db",
    "planwatch.web.reporting",
    "planwatch.web.work",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "planwatch.web.core.middleware.PublicPageCaching",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "planwatch.web.security.ContentSecurityPolicyMiddleware",
    "planwatch.web.security.RefuseNulMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "planwatch.web.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "planwatch.web.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'planwatch.sqlite3'}",
        # Keep connections between requests (a new one per request cost more than most queries),
        # checked before reuse so a restarted database costs one failed check, not a broken worker.
        conn_max_age=int(os.environ.get("PLANWATCH_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a writer rather than fail at once: two reviewers, one file.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Evaluation results (planwatch.web.dashboard.cache) are shared by every worker: Redis when
# PLANWATCH_CACHE_URL names one (redis://127.0.0.1:6379/1), else files in the var folder.
_CACHE_URL = os.environ.get("PLANWATCH_CACHE_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "evaluation": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _CACHE_URL}
        if _CACHE_URL.startswith(("redis://", "rediss://", "unix://"))
        else {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
              "LOCATION": str(VAR_DIR / "cache" / "evaluation"), "OPTIONS": {"MAX_ENTRIES": 5000}}
    ),
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out name before any password check
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "work-home"  # each role lands on its 待办; "/" stays the plan
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The reader's choice of language outlives the browser (Django's default is a session cookie, so English
# readers were back on Chinese pages after a restart). Lax: sent on links from other sites, not on their
# forms. Over TLS the switch marks it Secure (core.views.switch_language).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "planwatch.web.core.static.HashedWhenCollected"},
}
# Serve static files straight from the apps (no collectstatic step needed for the demo or tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = VAR_DIR / "media"
# Seconds a browser or proxy may keep an anonymous portal page before revalidating it by its ETag. 0: ask
# every time (a 304 from the kept page costs about a millisecond), so a publication shows at once.
PLANWATCH_PUBLIC_MAX_AGE = int(os.environ.get("PLANWATCH_PUBLIC_MAX_AGE", "0"))
MEDIA_URL = "/media/"

EMAIL_BACKEND = os.environ.get("PLANWATCH_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("PLANWATCH_FROM_EMAIL", "planwatch@localhost")

# Uploads: refuse oversized bodies at the edge; the importers check again per file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Background work (large imports, report files, cache warm-up): django-tasks with its database backend,
# run by `python -m django db_worker` (`planwatch serve` starts one beside the server).
# PLANWATCH_TASKS_IMMEDIATE=1 runs tasks inside the request instead (a one-process demo without a worker);
# PLANWATCH_TASK_BACKEND names another backend outright.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("PLANWATCH_TASK_BACKEND") or (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("PLANWATCH_TASKS_IMMEDIATE") == "1"
            else "django_tasks_db.DatabaseBackend"
        ),
    }
}

# Count a file's bytes as they arrive and stop reading past the import limit (planwatch/web/core/uploads.py).
FILE_UPLOAD_HANDLERS = [
    "planwatch.web.core.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"

# --- Deployment (issue 10): TLS-only settings, login throttling; docs/deployment.md -------------
globals().update(security.tls_settings())
globals().update(security.proxy_settings())
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one name from one address, that pair is
# refused (429) for an hour, even with the right password; a success resets the count.
AXES_FAILURE_LIMIT = int(os.environ.get("PLANWATCH_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("PLANWATCH_LOGIN_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "planwatch.web.security.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False  # its records are shown read-only by planwatch/web/core/admin.py
# API tokens: how long a new one is valid (days).
PLANWATCH_TOKEN_DAYS = int(os.environ.get("PLANWATCH_TOKEN_DAYS", "90"))

