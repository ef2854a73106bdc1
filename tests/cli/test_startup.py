"""Start-up of the command line stays light: ``planwatch --help`` and ``planwatch evaluate --help`` load
no heavy library.

Every command imports ``planwatch.cli`` and so every command module; a module-level ``import pandas``
in any of them (``cli/evaluate.py`` had one) costs every command about 0.2 s before it does anything.
The heavy libraries are imported inside the functions that need them. Each case runs the command in a
fresh interpreter with ``-X importtime`` and reads the modules it imported from the interpreter's own
report, so a module pulled in indirectly (a package ``__init__`` importing its whole engine) is seen too.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("pandas", "numpy", "statsmodels", "scipy", "matplotlib", "weasyprint", "docx", "openpyxl", "django")


PLANWATCH = "import sys; sys.argv = ['planwatch', *sys.argv[1:]]; from planwatch.cli import main; main()"


def imported_modules(*args: str, program: str = PLANWATCH, env: dict | None = None) -> set[str]:
    """The modules a fresh ``planwatch ARGS`` imports, from ``python -X importtime``'s report on stderr."""
    env = {**(env or os.environ), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", program, *args], capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    modules = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
               if line.startswith("import time:") and line.count("|") == 2}
    # The report was read: the command's own modules are in it (else an empty set would pass below).
    assert {"typer", "planwatch.cli", "planwatch.cli.evaluate"} <= modules
    return modules


@pytest.mark.parametrize("args", [("--help",), ("evaluate", "--help")], ids=["planwatch", "evaluate"])
def test_help_imports_no_heavy_library(args: tuple[str, ...]) -> None:
    modules = imported_modules(*args)
    loaded = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert loaded == [], f"planwatch {' '.join(args)} imported {loaded[:10]}"


def test_the_check_sees_a_heavy_import() -> None:
    """The same reading finds pandas when start-up does import it, as ``cli/evaluate.py`` once did."""
    eager = "import pandas; " + PLANWATCH
    modules = imported_modules("--help", program=eager)
    assert "pandas" in modules


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> dict:
    """The environment of a user's shell over a database with the plan and the real figures loaded (no
    DJANGO_SETTINGS_MODULE: the test run's would choose the full settings)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["PLANWATCH_VAR_DIR"] = str(tmp_path_factory.mktemp("evaluate-start-up"))
    load = subprocess.run([sys.executable, "-c", PLANWATCH, "dataset", "load"], capture_output=True, text=True,
                          timeout=300, env=env)
    assert load.returncode == 0, load.stderr[-2000:]
    return env


def test_evaluate_on_stored_data_imports_no_pandas_and_no_page_app(loaded):
    """``planwatch evaluate --as-of 2024`` on a loaded database (the README demo's plan and figures) grades
    them without pandas, Rich or statsmodels, and without the apps that serve pages (the API, login
    throttling): the reason it runs in about half a second (bench/evaluate_cli.py)."""
    modules = imported_modules("evaluate", "--as-of", "2024", env=loaded)
    assert {"django", "numpy", "planwatch.evaluation.kinds"} <= modules  # it did grade, from the database
    heavy = ("pandas", "rich", "statsmodels", "scipy", "ninja", "axes")
    loaded_heavy = sorted(m for m in modules if m.split(".")[0] in heavy)
    assert loaded_heavy == [], f"planwatch evaluate imported {loaded_heavy[:10]}"


def test_evaluate_leaving_quickly_keeps_its_whole_output_and_its_exit_status(loaded):
    """The command ends without the interpreter's teardown (``cli.LEAVE_QUICKLY``): what it printed is all
    there, to the last reason line, and a refusal still exits 2 with its message."""
    buffered = {k: v for k, v in loaded.items() if k != "PYTHONUNBUFFERED"}  # output to a pipe waits in a buffer

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", PLANWATCH, "evaluate", *args], capture_output=True,
                              text=True, timeout=120, env=buffered)

    done = run("--as-of", "2024")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].endswith("项有数据,预警0项") and lines[-1].startswith("I36 ") and "爱国主义教育基地" in lines[-1]
    as_json = run("--as-of", "2024", "--format", "json")
    assert as_json.stdout.rstrip().endswith("}") and '"plan_id"' in as_json.stdout
    as_csv = run("--as-of", "2024", "--format", "csv")  # written in one piece, the last thing before leaving
    assert as_csv.stdout.splitlines()[-1].startswith("I36,")
    refused = run("--as-of", "2024", "--plan", "999")
    assert (refused.returncode, refused.stderr.strip()) == (2, "错误:没有编号为 999 的规划")
