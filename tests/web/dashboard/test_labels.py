"""A grade or a method's status reads the same on the pages as in the reason sentences and the reports.

The engine gives its words (``evaluation.vocabulary``); the pages translate them through
``dashboard.labels``, whose msgids are the same words spelt out for makemessages. A page that said
按期实现 beside a reason sentence saying 进展顺利 would be two names for one status.
"""

from __future__ import annotations

from django.utils import translation

from planwatch.evaluation import vocabulary as v
from planwatch.evaluation.phrases import ENGLISH
from planwatch.web.dashboard.labels import GRADE_LABELS, grade_label, method_status_label


def test_chinese_pages_show_the_engines_grade_words():
    assert set(GRADE_LABELS) == set(v.GRADES)
    with translation.override("zh-hans"):
        assert {g: grade_label(g) for g in v.GRADES} == {g: g for g in v.GRADES}


def test_chinese_pages_name_method_statuses_as_the_reason_sentences_do():
    with translation.override("zh-hans"):
        assert {s: method_status_label(s) for s in v.OPENSDG_STATUSES} == v.OPENSDG_LABELS
        assert {s: method_status_label(s) for s in v.UNSD_STATUSES} == v.UNSD_LABELS


def test_english_pages_use_the_english_reasons_words():
    """The catalog capitalises a badge ("Lagging"); the sentence writes it mid-line ("lagging")."""
    with translation.override("en"):
        assert {g: grade_label(g).lower() for g in v.GRADES} == {g: ENGLISH.grades[g] for g in v.GRADES}
        statuses = (*v.OPENSDG_STATUSES, *v.UNSD_STATUSES)
        assert {s: method_status_label(s).lower() for s in statuses} == {s: s for s in statuses}
