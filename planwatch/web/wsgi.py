from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

# One BLAS thread per worker process: forecasts fit small matrices, and with several workers on a few
# cores each worker's own thread pool only fights the others for the same cores (6 ms a fit alone,
# 17 ms with the pools contending). Set before NumPy is first imported; the environment may override.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.web.settings")
application = get_wsgi_application()
