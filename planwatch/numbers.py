"""The one rounding rule of Planwatch: half up, as statisticians print figures (pure; NumPy only); and
the one reading of a stored figure that may be missing (``finite_or_none``).

0.3125 at one decimal of a per cent is 31.3%, 0.25 at one decimal is 0.3, −0.25 is −0.3 (halves go
away from zero) — never banker's rounding (Python's ``round`` and NumPy's ``rint`` give 0.2).
A figure is first cleaned of its binary error at nine decimals of the scaled value, so 0.35, stored
as 0.34999999999999997, still rounds to 0.4. Both the sentences of the evaluation
(``planwatch.evaluation.text``) and the tables of the reports (``planwatch.reports.formatting``)
round here; this module sits below both layers so neither imports the other for it.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import numpy.typing as npt

# Binary error of a double is ~1e-16 of the value; cleaning at 9 decimals of the scaled value is exact
# for every figure below 10^6 in the last printed digit, far beyond what a statistical table holds.
_CLEAN_DECIMALS = 9
_LARGEST = 2.0**62


def scaled_half_up(values: npt.ArrayLike, decimals: int) -> np.ndarray:
    """``values · 10^decimals`` rounded half up (away from zero) as int64; NaN, ±inf and huge → 0.

    The caller masks what is not finite (or beyond 2^62 after scaling) itself.
    """
    v = np.asarray(values, dtype=float)
    scaled = np.abs(v) * (10.0**decimals)
    ok = np.isfinite(scaled) & (scaled < _LARGEST)
    clean = np.round(np.where(ok, scaled, 0.0), _CLEAN_DECIMALS)
    magnitude = np.floor(clean + 0.5).astype(np.int64)
    return np.where(v < 0, -magnitude, magnitude)


def round_half_up(value: float, decimals: int) -> Decimal:
    """One figure rounded half up to ``decimals`` places, exactly as ``scaled_half_up`` rounds it."""
    value = float(value)
    scaled = abs(value) * 10.0**decimals
    if not math.isfinite(scaled) or scaled >= _LARGEST:
        return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    k = int(scaled_half_up(np.array([value]), decimals)[0])
    return Decimal(k).scaleb(-decimals)


def same_figure(a: float, b: float) -> bool:
    """Two floats are one stated figure: equal but for binary error (5500 typed and 5500.000000001 stored,
    0.1 + 0.2 and 0.3); a real difference in the last printed digit (5500.01) is not."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def finite_or_none(value: object) -> float | None:
    """A figure as a float, or None for a missing one (None, NaN, NA) or one that is no finite number."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None
