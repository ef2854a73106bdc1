"""A qualitative target with one figure so far: the sentence says it has one year, not 序列无数据.

Seen on the demo's 实际使用外资金额 (保持稳定): 2022年为3.73 … 处于±5%稳定区间, and right below it
目标为“保持稳定”;序列无数据 — while the figure sat in the table beneath.
"""

from __future__ import annotations

from planwatch.reports.targets_text import direction_word, kind_detail


def test_no_figure_is_no_data_and_one_figure_is_no_trend_yet():
    assert direction_word([]) == "无数据"
    assert direction_word([(2022, 3.73)]) == "仅有一个年份的数据,尚看不出走势"
    assert direction_word([(2022, 3.73)], "en") == "a single year so far, no trend yet"


def test_the_qualitative_sentence_with_one_figure():
    detail = kind_detail(
        "qualitative",
        target_value=None,
        target_text="保持稳定",
        unit="亿美元",
        decimals=2,
        series=[(2022, 3.73)],
    )
    assert detail.startswith("目标为“保持稳定”;序列仅有一个年份的数据,尚看不出走势")
    assert "无数据" not in detail
