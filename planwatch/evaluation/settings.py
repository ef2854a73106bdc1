"""The one registry of evaluation thresholds: each a default and a line saying what it means.

Never write one of these numbers as a literal elsewhere; take it from ``EvaluationSettings``. A test
fails when a field has no documentation or when ``docs/evaluation.md`` does not mention it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TypeVar

_T = TypeVar("_T")


def _setting(default: _T, doc: str) -> _T:
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class EvaluationSettings:
    """Thresholds and options of ``evaluate``; frozen so one evaluation uses one set throughout."""

    time_share_margin: float = _setting(
        0.05,
        "时序进度容差:完成度与时序进度相差在±5个百分点(0.05)以内为基本符合预期,高出5个百分点及以上为快于预期。",
    )
    about_tolerance: float = _setting(
        0.01,
        "「左右」目标的区间:目标值的±1%(0.01);达到区间近端即视为达到目标。",
    )
    growth_about_tolerance: float = _setting(
        0.005,
        "增速目标的容差(绝对值,0.005即0.5个百分点):「年均7.5左右」为7.0%—8.0%;"
        "无限定词或「以上」时下限为目标本身,高出0.5个百分点及以上为快于预期。",
    )
    stable_band: float = _setting(
        0.05,
        "「保持稳定」的区间:基期值的±5%(0.05);高出区间(按期望方向)为快于预期,低于区间为滞后。",
    )
    rise_fall_tolerance: float = _setting(
        0.01,
        "「稳中有升」允许的单年回落:较上一观测值下降超过1%(0.01)即视为未能保持稳定。",
    )
    decimals: int = _setting(
        12,
        "比较前先四舍五入到12位小数,使100→100.5一年恰为0.5%增长,而非0.4999999999999893%。",
    )
    trend_points: int = _setting(6, "线性趋势外推所用的最近观测点数(最多6个)。")
    prefer_plan_baseline: bool = _setting(
        True,
        "规划区域(plan_region)使用规划文本给出的基期值;为False时一律使用基期年的观测值(例如按修订后口径)。",
    )
    forecast_level: float = _setting(0.80, "预测区间的置信水平(80%)。")
    loglinear_min_points: int = _setting(4, "对数线性趋势回归预测所需的最少观测点数(4)。")
    ets_min_points: int = _setting(
        10, "Holt线性趋势(statsmodels ETS)所需的最少观测点数(10);更短的年度序列其区间有误导性。"
    )
    ets_max_series: int = _setting(
        50,
        "evaluate逐个序列拟合Holt(每个约0.1—0.2秒)的上限:一次评估中≥ets_min_points个连续年度点的序列不超过50个时"
        "用Holt,超过时(如基准测试的60万个序列)这些序列改用对数线性回归,forecast_method写明所用方法;设为0则不用Holt。",
    )
    opensdg_thresholds: tuple[float, float, float] = _setting(
        (0.95, 0.60, 0.0),
        "Open SDG/加拿大统计局进展比R的阈值:≥0.95进展顺利,≥0.60需加速,≥0进展有限,否则倒退。",
    )
    opensdg_growth_thresholds: tuple[float, float, float] = _setting(
        (0.015, 0.005, 0.0),
        "Open SDG无目标值(仅方向)时按年均增速评判的阈值:≥1.5%进展顺利,≥0.5%需加速,≥0进展有限。",
    )
    opensdg_zero_substitute: float = _setting(
        0.001, "Open SDG对基期值或目标值为0的处理:以0.001代替(与sdg-build一致)。"
    )
    unsd_thresholds: tuple[float, float] = _setting(
        (0.95, 0.10),
        "联合国进展图CR=(预测值−基期值)/(目标值−基期值)的阈值:≥0.95进展顺利,≥0.10需加速,否则停滞或倒退。",
    )
    vision_ratio: float = _setting(
        1.0, "2035年远景「人均地区生产总值基本达到全国平均水平」所要求的与全国之比(1.0)。"
    )


def setting_docs() -> dict[str, str]:
    """Every setting with its documentation line (for the docs page and its test)."""
    return {f.name: f.metadata.get("doc", "") for f in fields(EvaluationSettings)}


DEFAULT_SETTINGS = EvaluationSettings()


def evaluation_years(base_year: int, target_year: int) -> range:
    """The years an evaluation may be asked for: after the plan's base year, up to ten years past its target
    year (a final evaluation written late). The report page, ``planwatch report`` and ``planwatch evaluate``
    refuse any other year alike: "--as-of 204" is a typo, not a plan with no figures yet."""
    return range(base_year + 1, target_year + 11)
