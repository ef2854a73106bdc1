"""Evaluation results kept between requests, keyed by what they were computed from.

The engine and the forecast fits cost more than anything else a page does (profiled at 200 users: the
forecasts alone were a third of worker time, fitted twice per page). Their results depend only on their
inputs — the visible figures, the targets in force, the judgements, the settings, the as-of year, the
language, and the code of the engine itself — so the key is a digest of exactly those inputs:

- a draft changes nothing a page evaluates, so it keeps the key and the cached result;
- an approval, a publication, a revision or a target taking effect changes the inputs, so the next
  page computes afresh — there is no version counter to forget to bump, and no path that can leave a
  stale result behind;
- each audience (public: published figures only; a unit; the bureau) sees its own figures, so it gets
  its own key without being named;
- the same key always holds the same result, so workers sharing the cache can never disagree, and a
  per-process backend would be merely slower, not wrong.

The backend is Django's cache (``CACHES['evaluation']``): Redis in production (``PLANWATCH_CACHE_URL``),
a file cache in the var folder otherwise — both shared between worker processes.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from planwatch.web.core import pagecache
from planwatch.web.core.pagecache import kept  # one store, one read-or-make, for results and kept pages

TIMEOUT_SECONDS = 7 * 24 * 3600  # a result never goes stale; the timeout only lets unused keys go
T = TypeVar("T")


class Counter(pagecache.Counter):
    """How often the cache answered and how often the engine computed, per process (kept pages are
    counted apart, in ``pagecache.Counter``): for tests and the bench."""

    hits = 0
    misses = 0


@cache
def engine_version() -> str:
    """A digest of the evaluation package's source: a deploy with other rules never reads old results."""
    package = Path(__file__).resolve().parents[2] / "evaluation"
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def digest(*parts: Any) -> str:
    """A stable digest of the inputs: data frames by their content, anything else by its pickle."""
    hasher = hashlib.blake2b(engine_version().encode(), digest_size=20)
    for part in parts:
        if isinstance(part, pd.DataFrame):
            hasher.update(repr((list(part.columns), [str(t) for t in part.dtypes])).encode())
            hasher.update(pd.util.hash_pandas_object(part, index=False).to_numpy().tobytes())
        else:
            hasher.update(pickle.dumps(part, protocol=5))
        hasher.update(b"\x1f")
    return hasher.hexdigest()


def remembered(kind: str, inputs: Iterable[Any], compute: Callable[[], T]) -> T:
    """The result of ``compute()`` for these inputs, computed once for every worker sharing the cache."""
    return kept(f"{kind}:{digest(*inputs)}", compute, counter=Counter, timeout=TIMEOUT_SECONDS)
