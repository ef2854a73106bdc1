"""The qualifiers a stored figure may carry are the seven real sources use, understood by the document reader."""

from __future__ import annotations

import pytest

from planwatch.collection import ObservationRow, clean_observations
from planwatch.collection.rows import QUALIFIERS
from planwatch.collection.workbook import COLUMNS
from planwatch.documents.qualifiers import Bound, bound_of

SEVEN = ("以上", "左右", "约", "超过", "近", "以内", "以下")


def row(**values) -> ObservationRow:
    base = {"indicator": "GDP", "region": "章贡区", "period": "2023", "value": 4524}
    return ObservationRow(**{**base, **values}, sheet="填报", line=2, columns=COLUMNS)


def test_the_import_accepts_exactly_the_seven_qualifiers_real_sources_use():
    assert QUALIFIERS == SEVEN


@pytest.mark.parametrize("word", SEVEN)
def test_each_qualifier_is_kept_with_the_value(context, word):
    result = clean_observations([row(qualifier=word)], **context)
    assert result.ok and result.observations[0].qualifier == word


def test_each_qualifier_says_which_way_it_bounds_the_value():
    """以上/超过: not below; 左右/约: either side; 近/以内/以下: not above — the reader's meaning, so a grade on
    a qualified figure can say what it rests on."""
    assert {word: bound_of(word) for word in SEVEN} == {
        "以上": Bound.AT_LEAST, "超过": Bound.AT_LEAST, "左右": Bound.APPROXIMATE, "约": Bound.APPROXIMATE,
        "近": Bound.AT_MOST, "以内": Bound.AT_MOST, "以下": Bound.AT_MOST,
    }


@pytest.mark.parametrize("word", ["多", "逾", "大约", "above"])
def test_any_other_word_is_refused_with_the_list(context, word):
    result = clean_observations([row(qualifier=word)], **context)
    assert [p.text for p in result.errors] == [
        f"第2行 H列:限定词「{word}」无效,可填:以上、左右、约、超过、近、以内、以下"]
