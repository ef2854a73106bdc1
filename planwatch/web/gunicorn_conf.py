"""Gunicorn settings for Planwatch (``gunicorn -c python:planwatch.web.gunicorn_conf planwatch.web.wsgi``).

Sized from the machine, overridable from the environment:

- ``PLANWATCH_WORKERS``: worker processes, default one per core plus one. Pages are mostly CPU (templates,
  the evaluation on a cache miss); more processes than cores only queue behind each other, while one
  spare keeps a core busy while another worker waits on the database.
- ``PLANWATCH_THREADS``: threads per worker (gthread), default 4, so a worker waiting on the database or
  a slow client still serves others. Django's connections are per thread.
- ``PLANWATCH_BIND``: address, default 127.0.0.1:8000.

The application is loaded once before forking (``preload_app``): workers share the imported code
(NumPy, pandas, Django) and start in milliseconds; no database connection is opened before the fork.
Each worker is recycled after some twenty thousand requests (with jitter, so not all at once), and a worker
stuck longer than ``timeout`` is replaced.
"""

from __future__ import annotations

import os

# Before the application (and NumPy) is loaded: one BLAS thread per worker (see wsgi.py).
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

bind = os.environ.get("PLANWATCH_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("PLANWATCH_WORKERS", str((os.cpu_count() or 1) + 1)))
threads = int(os.environ.get("PLANWATCH_THREADS", "4"))
worker_class = "gthread"
preload_app = True
timeout = 60
graceful_timeout = 30
# An idle connection is kept longer than a person pauses between pages: closed after 5 s, a browser's
# next request raced the close and was reset (seen at 200 users as "connection reset by peer").
keepalive = 75
max_requests = 20000
max_requests_jitter = 2000
accesslog = os.environ.get("PLANWATCH_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("PLANWATCH_LOG_LEVEL", "info")
