"""Settings for a command that reads and grades data but serves no page (``planwatch evaluate``).

The production settings (``planwatch.web.settings``: the same database, var directory and thresholds)
without ``PAGE_APPS``: the admin, sessions, static files, the API, login throttling and background
jobs are not loaded, so Django starts in about half the time. A command that writes (loads a plan,
imports figures, runs a job) uses the full settings, where every app's signals and audit hooks are in.
"""

from planwatch.web.settings import *  # noqa: F403 - these settings are the full ones, less some apps
from planwatch.web.settings import INSTALLED_APPS, PAGE_APPS

INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in PAGE_APPS]
