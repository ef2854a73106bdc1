"""The background worker beside the one-machine server: django-tasks' ``db_worker`` as a child process.

``planwatch serve`` starts it so that a report asked for on the web is written without a second
command; a deployment with several web processes runs ``python -m django db_worker`` on its own instead.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import signal
import subprocess
import sys

PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Linux: the worker gets SIGTERM when the server dies, even when the server is killed."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


def start_worker() -> subprocess.Popen | None:
    """Start ``db_worker`` (stopped when this process exits); None when tasks run inside the request."""
    from django.conf import settings

    if not settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
        return None  # tasks run inside the request (or elsewhere): no database queue to work
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "planwatch.web.settings"),
    }
    command = [sys.executable, "-m", "django", "db_worker", "--interval", "1", "--no-reload"]
    worker = subprocess.Popen(
        command, env=env, preexec_fn=_die_with_parent if sys.platform == "linux" else None
    )
    atexit.register(worker.terminate)
    return worker
