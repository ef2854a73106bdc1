"""The child process of ``test_faults.py``: seeds a fresh database, says READY, then imports a large file
when told to — and is killed with SIGKILL somewhere in the middle by the test.

Run as ``python -m tests.web.faults_child ROWS`` with ``DATABASE_URL`` set to an empty database.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    rows = int(sys.argv[1])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.web.settings")
    sys.path.insert(0, os.getcwd())
    from bench.import_rows import _seed, _setup

    _setup(use_postgres=True)
    from planwatch.web.collection.services import import_upload

    _plan, unit, user, _regions, data, _corrected = _seed(rows)
    print("READY", flush=True)
    sys.stdin.readline()  # the test starts its watch, then says go
    outcome = import_upload("大批导入.csv", data, user=user, reason="故障测试导入", unit=unit)
    print("DONE" if outcome.ok else "REFUSED", flush=True)


if __name__ == "__main__":
    main()
