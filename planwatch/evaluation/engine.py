"""``evaluate``: every indicator × region as of a year, in one vectorised pass.

The steps: read the specs, build the panel (sort, vintage, series boundaries), then block by
block of whole series: measure, grade, flag 预警, grade again by Open SDG and the UN progress
chart, say where they disagree, write the reason sentence, forecast. See ``planwatch.evaluation``
for the columns.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from planwatch.evaluation.forecasting import RATE_LIKE_KINDS, long_series, series_forecasts
from planwatch.evaluation.frame import (
    OBSERVATION_COLUMNS,
    Panel,
    Specs,
    build_panel,
    read_specs,
    require_columns,
)
from planwatch.evaluation.international import disagreeing, disagreement_sentences, opensdg, unsd
from planwatch.evaluation.judgements import latest_judgements
from planwatch.evaluation.kinds import CODE, Assessment, Rows, assess, warning
from planwatch.evaluation.phrases import Phrasebook, phrasebook
from planwatch.evaluation.prices import PRICE_BASIS_LABELS, to_constant_prices
from planwatch.evaluation.reasons import reasons
from planwatch.evaluation.series import Series, describe
from planwatch.evaluation.settings import DEFAULT_SETTINGS, EvaluationSettings
from planwatch.evaluation.tables import Table
from planwatch.evaluation.vocabulary import (
    AWAITING,
    GRADES,
    NO_DATA,
    NOT_ASSESSABLE_STATUS,
    OPENSDG_STATUSES,
    UNSD_STATUSES,
)

if TYPE_CHECKING:
    import pandas as pd

# Rows per block: temporaries of 4 MB are reused from the heap; 72 MB ones are page-faulted anew.
BLOCK_ROWS = 1 << 19


def evaluate(specs: Table, observations: Table, as_of: int, **options: Any) -> pd.DataFrame:
    """One row per indicator × region with observations (or per ``regions`` entry), as a DataFrame:
    see the package for the columns and ``evaluated`` for the options."""
    return _frame(*evaluated(specs, observations, as_of, **options))


def evaluate_rows(specs: Table, observations: Table, as_of: int, **options: Any) -> list[dict[str, Any]]:
    """The rows of ``evaluate`` as plain dicts, without pandas: the same columns in the same order, labels as
    text, years as ints, None where a figure is missing. For a one-off command, which would spend a third
    of its time importing pandas for a hundred rows."""
    return _rows(*evaluated(specs, observations, as_of, **options))


def evaluated(specs: Table, observations: Table, as_of: int, *,
              settings: EvaluationSettings = DEFAULT_SETTINGS, vintage: str = "latest",
              regions: Sequence[str] | None = None, plan_region: str | None = None,
              vision_year: int | None = None, judgements: Table | None = None,
              language: str = "zh", reasons_for: Sequence[str] | None = None,
              deflators: Table | None = None) -> tuple[dict[str, np.ndarray], Specs, Panel]:
    """The output columns as arrays of codes, with the specs and panel that decode them.

    ``specs``, ``observations``, ``judgements`` and ``deflators`` are DataFrames or plain columns
    (``tables``).

    ``language`` (``zh`` or ``en``) is the language of the ``reason`` and ``disagreement`` sentences;
    grades and statuses stay the vocabulary's words whatever it is. ``reasons_for``: the indicator
    codes whose sentences are written (a page shows one indicator); the other rows get "" there.
    None (the default) writes them for every row; ``()`` for none (grades only, as the benchmark).
    ``deflators`` (``region year deflator`` [``indicator``]): price indices to bring the figures of an
    indicator whose target is at constant prices to those prices (``planwatch.evaluation.prices``).
    """
    say = phrasebook(language)
    spec = read_specs(specs)
    require_columns(observations, OBSERVATION_COLUMNS, "观测值表")  # before the price step reads them
    observations, price_codes = to_constant_prices(spec, observations, deflators)
    panel = build_panel(spec, observations, as_of, vintage=vintage, regions=regions)
    found = latest_judgements(spec, panel, judgements, as_of)
    prices = _price_keys(price_codes, spec, panel)
    with_ets = _few_long_series(spec, panel, settings)
    wanted = None if reasons_for is None else np.isin(spec.code, [str(c) for c in reasons_for])
    with _collector_paused():
        parts = [_block(spec, block, as_of, settings, plan_region, vision_year, found, with_ets, say, wanted, prices)
                 for block in panel.blocks(BLOCK_ROWS)]
        columns = {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}
        if regions is not None:
            columns = _with_missing(columns, spec, panel, as_of, say)
        return columns, spec, panel


def _price_keys(codes: dict, spec: Specs, panel: Panel) -> dict[tuple[int, int], int]:
    """{(spec row, region index): price-basis code} from {(indicator, region name): code}."""
    spec_of = {str(code): i for i, code in enumerate(spec.code)}
    region_of = {str(name): i for i, name in enumerate(panel.region_names)}
    return {(spec_of[c], region_of[r]): v for (c, r), v in codes.items() if c in spec_of and r in region_of}


def _few_long_series(spec: Specs, panel: Panel, settings: EvaluationSettings) -> bool:
    """Whether Holt's fit (one statsmodels call per series) is affordable: ≤ ``ets_max_series`` long series.

    Decided over the whole evaluation, not block by block, so a series' method does not depend
    on which block it falls in.
    """
    rate_like = np.isin(spec.kind, RATE_LIKE_KINDS)[panel.spec]  # per spec first: 36 lookups, not 900,000
    count = int(long_series(panel, rate_like, settings).sum())
    return 0 < count <= settings.ets_max_series


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of reason strings are made.

    The strings and the per-row argument tuples create no reference cycles, but their number
    triggers collections that walk every tracked object (900,000-row object arrays included):
    about a fifth of the run time at the benchmark's size.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _block(spec: Specs, panel: Panel, as_of: int, settings: EvaluationSettings, plan_region: str | None,
           vision_year: int | None, found: dict, with_ets: bool, say: Phrasebook,
           wanted: np.ndarray | None, prices: dict) -> dict[str, np.ndarray]:
    s = describe(spec, panel, as_of, settings, plan_region, found, len(panel.region_names), prices)
    a = assess(s, panel, as_of, settings)
    o_ratio, o_status, o_score, o_limit = opensdg(s, a, settings)
    u_ratio, u_status = unsd(s, a, settings)
    disagree = disagreeing(a.grade, o_status, u_status)
    reason = np.full(len(s), "", dtype=object)
    disagreement_text = np.full(len(s), "", dtype=object)
    rows = np.arange(len(s)) if wanted is None else np.flatnonzero(wanted[s.spec])
    if len(rows):
        some = len(rows) < len(s)
        s_rows = cast(Series, Rows(s, rows)) if some else s
        a_rows = cast(Assessment, Rows(a, rows)) if some else a
        reason[rows] = reasons(s_rows, a_rows, a.grade[rows], settings, say)
        disagreement_text[rows] = disagreement_sentences(a.grade[rows], o_status[rows], o_ratio[rows],
                                                         u_status[rows], u_ratio[rows], disagree[rows], say)
    horizons = {"forecast": s.target_year}
    if vision_year is not None:
        horizons["vision_forecast"] = np.full(len(s), float(vision_year))
    return {
        "_spec": panel.spec, "_region": panel.region, "_grade": a.grade.astype(np.int8),
        "latest_year": s.latest_year, "latest_value": s.latest, "latest_qualifier": s.latest_qualifier,
        "base_value": s.base, "base_year_used": s.base_year, "base_from_observation": s.base_from_observation,
        "observations": s.observations, "_price": s.price_basis_used, "completion": a.completion, "time_share": a.time_share,
        "actual_growth": a.actual_growth, "change_points": a.change_points, "points_per_year": a.points_per_year, "required_growth": a.required_growth,
        "required_points": a.required_points,
        "required_per_year": a.required_per_year, "achieved": a.achieved,
        "projected_by_growth": a.projected_by_growth, "projected_by_trend": a.projected_by_trend,
        "projected_miss": a.projected_miss, "warning": warning(s, a), "reason": reason,
        "opensdg_ratio": o_ratio, "opensdg_status": o_status, "opensdg_score": o_score,
        "opensdg_limit_coefficient": o_limit,
        "unsd_ratio": u_ratio, "unsd_status": u_status, "methods_disagree": disagree, "disagreement": disagreement_text,
        **series_forecasts(panel, s, a, as_of, settings, horizons, with_ets=with_ets),
    }


def _with_missing(columns: dict, spec: Specs, panel: Panel, as_of: int, say: Phrasebook) -> dict:
    """Rows for the requested regions that have no observation: 无数据 (待下达 for assigned)."""
    have = np.zeros((len(spec), len(panel.region_names)), dtype=bool)
    have[panel.spec, panel.region] = True
    s, r = np.nonzero(~have)
    if not len(s):
        return columns
    awaiting = spec.kind[s] == "assigned"
    n = len(s)
    fill: dict[str, np.ndarray] = {
        "_spec": s, "_region": r, "_grade": np.where(awaiting, CODE[AWAITING], CODE[NO_DATA]).astype(np.int8),
        "latest_qualifier": np.full(n, "", dtype=object), "disagreement": np.full(n, "", dtype=object),
        "forecast_method": np.full(n, "", dtype=object),
        "opensdg_status": np.full(n, OPENSDG_STATUSES.index(NOT_ASSESSABLE_STATUS), dtype=np.int8),
        "unsd_status": np.full(n, UNSD_STATUSES.index(NOT_ASSESSABLE_STATUS), dtype=np.int8),
        "reason": say.finish(np.where(awaiting, say.no_data_awaiting.format(as_of), say.no_data.format(as_of)).astype(object)),
    }
    blank = {np.dtype(bool): False, np.dtype(object): "", np.dtype(np.int64): 0, np.dtype(np.int8): 0}
    out = {}
    for name, values in columns.items():
        extra = fill[name] if name in fill else np.full(n, blank.get(values.dtype, np.nan), dtype=values.dtype)
        out[name] = np.concatenate([values, extra.astype(values.dtype)])
    order = np.lexsort((out["_region"], out["_spec"]))
    return {name: values[order] for name, values in out.items()}


def _small(codes: np.ndarray, count: int) -> np.ndarray:
    """Codes in the integer type a categorical of ``count`` categories keeps them in (no copy there)."""
    return codes.astype(np.int8 if count < 127 else np.int16 if count < 32767 else np.int32, copy=False)


# Text columns handed to pandas as its string type, as it would infer them, without the inference pass.
TEXT_COLUMNS = ("latest_qualifier", "reason", "disagreement", "forecast_method")
# The columns after the eight that describe the indicator and region; the rest follow in the order made.
LEADING_COLUMNS = ("latest_year", "latest_value", "latest_qualifier", "base_value", "base_year_used",
                   "base_from_observation", "observations", "completion", "time_share", "actual_growth",
                   "required_growth", "required_per_year", "achieved", "projected_by_growth", "projected_by_trend",
                   "projected_miss", "grade", "warning", "reason")
YEAR_COLUMNS = ("target_year", "latest_year", "base_year_used")

# How an output column is kept: codes into labels that are distinct ("codes") or may repeat ("labels",
# per-spec names and pillars), years (whole numbers with gaps), text, or plain values.
Column = tuple[str, np.ndarray, Any]


def _output(columns: dict, spec: Specs, panel: Panel) -> dict[str, Column]:
    """Every output column in its order, with how it is kept: what ``_frame`` and ``_rows`` both decode."""
    s, r = columns.pop("_spec").astype(np.int64, copy=False), columns.pop("_region").astype(np.int64, copy=False)
    coded = {"grade": GRADES, "price_basis_used": PRICE_BASIS_LABELS, "opensdg_status": OPENSDG_STATUSES,
             "unsd_status": UNSD_STATUSES}
    out: dict[str, Column] = {
        "indicator": ("codes", s, spec.code), "name": ("labels", s, spec.name), "pillar": ("labels", s, spec.pillar),
        "region": ("codes", r, panel.region_names), "kind": ("labels", s, spec.kind),
        "attribute": ("labels", s, spec.attribute), "target_value": ("values", spec.target[s], None),
        "target_year": ("years", spec.target_year[s], None),
    }
    columns["grade"] = columns.pop("_grade")
    columns["price_basis_used"] = columns.pop("_price")
    for name in [*LEADING_COLUMNS, *(n for n in columns if n not in LEADING_COLUMNS)]:
        values = columns[name]
        how = ("codes" if name in coded else "years" if name in YEAR_COLUMNS else "text" if name in TEXT_COLUMNS
               else "values")
        out[name] = (how, values, coded.get(name))
    return out


def _frame(columns: dict, spec: Specs, panel: Panel) -> pd.DataFrame:
    import pandas as pd

    def column(how: str, values: np.ndarray, labels: Sequence[str] | np.ndarray | None) -> Any:
        if how == "codes":
            # from_codes takes categories as any list; pandas-stubs accept only an Index.
            return pd.Categorical.from_codes(_small(values, len(labels)), categories=list(labels))  # type: ignore[arg-type,call-overload]
        if how == "labels":  # per-spec labels that may repeat: categories without hashing rows
            label_codes, categories = pd.factorize(pd.Series(np.asarray(labels, dtype=object)).astype(str), sort=False)
            return pd.Categorical.from_codes(_small(label_codes, len(categories))[values], categories=categories)
        if how == "years":
            years = np.asarray(values, dtype=float)
            missing = ~np.isfinite(years)
            return pd.arrays.IntegerArray(np.where(missing, 0, years).astype(np.int64), missing)
        if how == "text":
            return pd.array(values, dtype="str")
        return values

    # copy=False: the columns are fresh arrays; consolidating twenty float columns would copy 150 MB.
    return pd.DataFrame({name: column(*kept) for name, kept in _output(columns, spec, panel).items()}, copy=False)


def _rows(columns: dict, spec: Specs, panel: Panel) -> list[dict[str, Any]]:
    def column(how: str, values: np.ndarray, labels: Sequence[str] | np.ndarray | None) -> list:
        if how in ("codes", "labels"):
            return [str(x) for x in np.asarray(labels, dtype=object)[values]]
        if how == "years":
            return [int(y) if math.isfinite(y) else None for y in np.asarray(values, dtype=float).tolist()]
        if how == "text":
            return [str(x) for x in values]
        return [None if isinstance(x, float) and math.isnan(x) else x for x in values.tolist()]

    decoded = {name: column(*kept) for name, kept in _output(columns, spec, panel).items()}
    return [dict(zip(decoded, row, strict=True)) for row in zip(*decoded.values(), strict=True)]
