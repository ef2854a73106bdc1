"""Pages: consistency flags for reviewers, set-aside rows, series with sources; 示例 wherever an example shows."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry
from planwatch.web.realdata.models import ConsistencyFlag
from planwatch.web.realdata.services import load_dataset
from tests.realdata.pages import gettable_urls

pytestmark = pytest.mark.django_db

EXAMPLE_INDICATORS = ("社会消费品零售总额", "高标准农田面积", "森林覆盖率", "红色旅游接待总人数", "农村居民人均可支配收入")
# Values only the example set has (real data has none of them): 2105, 2248 (22480000 万元), 2360, 76.25, 16880.
EXAMPLE_VALUES = ("2105", "2248", "2360", "76.25", "16880")


def _urls(plan) -> list[str]:
    codes = list(plan.indicators.filter(name__in=(*EXAMPLE_INDICATORS, "GDP")).values_list("code", flat=True))
    ids = list(Observation.objects.values_list("pk", flat=True))
    return gettable_urls(codes=codes, observation_ids=ids, plan_id=plan.pk)


BADGE = 'class="tag example"'
ROW = re.compile(r'<tr data-pk="(\d+)">(.*?)</tr>', re.S)


def _history_urls(plan) -> list[str]:
    """The indicator history pages (the sweep skips them: their pk is an indicator's, not an observation's)."""
    ids = plan.indicators.filter(name__in=(*EXAMPLE_INDICATORS, "GDP")).values_list("pk", flat=True)
    return [f"/monitoring/indicators/{pk}/history/" for pk in ids]


def _export_rows(client) -> list[dict[str, str]]:
    text = client.get("/monitoring/observations/export.csv").content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _pages(client, urls):
    """(url, text) of every page that answers 200; JSON is re-dumped so escaped Chinese can be searched.

    A page that fails (500) is skipped here: its own app's smoke tests catch that, and this sweep
    is about what the pages that work show.
    """
    client.raise_request_exception = False
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            continue
        text = response.content.decode("utf-8", "replace")
        if response.get("Content-Type", "").startswith("application/json"):
            text = json.dumps(json.loads(text), ensure_ascii=False)
        if response.get("Content-Type", "").startswith("text/csv"):
            # A CSV's header may name a 示例 column (the dashboard's downloads do): the header is the same
            # whether or not examples are loaded, so only the rows below it can show an example figure.
            text = text.split("\n", 1)[1] if "\n" in text else ""
        yield url, text


def test_cargo_inconsistency_is_flagged_for_reviewers(real_data, client_for, cast):
    flag = ConsistencyFlag.objects.get(indicator="机场货邮吞吐量", year=2025)
    assert flag.status == ConsistencyFlag.Status.OPEN
    page = client_for(cast.reviewer).get("/realdata/flags/").content.decode()
    assert "1574.5÷5814.2=27.08%" in page and "与所述32.7%相差5.62个百分点" in page
    assert "https://caac.wrjsj.cn/2/5/202512/t20251229_1392200.html" in page
    explained = ConsistencyFlag.objects.get(indicator="GDP", year=2024)
    assert explained.status == ConsistencyFlag.Status.EXPLAINED and "第五次全国经济普查" in explained.explanation


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("zhanggong", 403), ("stats_reporter", 403), ("reviewer", 200), ("planner", 200),
     ("supervisor", 200), ("admin", 200)],
)
def test_who_may_read_the_flags_and_the_set_aside_list(real_data, client_for, cast, role, status):
    client = client_for(None if role == "anonymous" else getattr(cast, role))
    assert client.get("/realdata/flags/").status_code == status
    assert client.get("/realdata/set-aside/").status_code == status


def test_a_reviewer_records_what_they_found_and_others_may_not(real_data, client_for, cast):
    flag = ConsistencyFlag.objects.get(indicator="机场货邮吞吐量", year=2025)
    url = f"/realdata/flags/{flag.pk}/review/"
    assert client_for(cast.planner).post(url, {"note": "规划科看过"}).status_code == 403
    refused = client_for(cast.reviewer).post(url, {"note": ""})
    assert refused.status_code == 422 and "请填写核实意见" in refused.content.decode()  # on the flags page
    flag.refresh_from_db()
    assert flag.status == ConsistencyFlag.Status.OPEN  # an empty note is refused
    client_for(cast.reviewer).post(url, {"note": "已向机场集团核实:增速32.7%有误"})
    flag.refresh_from_db()
    assert (flag.status, flag.reviewed_by, flag.review_note) == ("reviewed", cast.reviewer, "已向机场集团核实:增速32.7%有误")
    assert flag.history.first().history_change_reason == "已向机场集团核实:增速32.7%有误"
    entry = AuditEntry.objects.get(subject="flag", object_id=flag.pk)
    assert (entry.actor_name, entry.action_label, entry.old, entry.new["status"], entry.reason) == (
        "reviewer", "核实", {"status": "open", "review_note": ""}, "reviewed", "已向机场集团核实:增速32.7%有误")


def test_the_set_aside_page_gives_every_reason(real_data, client_for, cast):
    page = client_for(cast.reviewer).get("/realdata/set-aside/").content.decode()
    assert "ganzhou_observations.csv 第26行" in page and "自相矛盾" in page
    assert "ganzhou_observations.csv 第27行" in page and "同一数值" in page


def test_series_page_shows_auxiliary_and_reference_figures_with_sources(real_data, anonymous_client, client_for,
                                                                       cast):
    """Signed-in roles only: the page carries the loading notes (来源类型, 可信度), not for the public."""
    assert anonymous_client.get("/realdata/series/").status_code == 302
    page = client_for(cast.yudu).get("/realdata/series/").content.decode()
    assert "898.81万人" in page and "http://hbzqbyyxgs.com/news/693455.html" in page
    assert "约1400000亿元" in page and "第2版(修订)" in page


def test_the_gdp_page_shows_the_real_series_with_its_sources(real_data, ganzhou_plan, anonymous_client, client_for,
                                                              cast):
    code = ganzhou_plan.indicators.get(name="GDP").code
    for client, url in ((anonymous_client, f"/portal/indicators/{code}/"),
                        (client_for(cast.admin), f"/dashboard/indicators/{code}/")):
        page = client.get(url).content.decode()
        assert "4940.5" in page, url
        assert "https://sdzhengyuanfeiye.com/11/4327.html" in page and "https://maigoo.com/news/684228.html" in page
        # The loading notes (source kind, reliability, the compiler's English remarks) are internal.
        internal = ("来源类型", "可信度", "原注", "secondary_")
        if client is anonymous_client:
            assert not [word for word in internal if word in page], url
        else:
            assert all(word in page for word in internal[:3]), url


def test_no_example_figure_appears_on_any_page_or_export_when_the_example_set_is_not_loaded(
    real_data, ganzhou_plan, client_for, cast, anonymous_client
):
    urls = _urls(ganzhou_plan)
    seen = 0
    for client in (anonymous_client, client_for(cast.admin), client_for(cast.reviewer)):
        for url, body in _pages(client, urls):
            seen += 1
            assert "示例" not in body and "虚构" not in body, url
    assert seen > 40  # the sweep really reached the pages
    admin = client_for(cast.admin)
    for url in _history_urls(ganzhou_plan):
        body = admin.get(url).content.decode()
        assert "示例" not in body and BADGE not in body, url
    assert {row["数据性质"] for row in _export_rows(admin)} == {""}


def test_every_page_that_shows_an_example_figure_says_so_and_the_public_sees_none(
    real_data, ganzhou_plan, client_for, cast, anonymous_client
):
    load_dataset(reason="测试:示例", example=True)
    urls = _urls(ganzhou_plan)
    showing = []
    for url, body in _pages(client_for(cast.admin), urls):
        if any(value in body for value in EXAMPLE_VALUES):
            showing.append(url)
            assert "示例" in body, url
    assert any(url.startswith("/monitoring/observations/") for url in showing)  # the sweep saw examples
    for url, body in _pages(anonymous_client, urls):
        assert "示例" not in body and not any(value in body for value in EXAMPLE_VALUES), url


def test_every_row_and_page_of_an_example_figure_carries_the_badge_and_no_real_one_does(
    real_data, ganzhou_plan, client_for, cast
):
    """Not just somewhere on the page: each table row of an example figure (list, review queue, history) has
    the 示例 badge, each example's own page says so next to the value, and no real figure is badged."""
    load_dataset(reason="测试:示例", example=True)
    examples = set(Observation.objects.filter(is_example=True).values_list("pk", flat=True))
    assert len(examples) == 10
    admin = client_for(cast.admin)
    tables = ["/monitoring/observations/", "/monitoring/review/", *_history_urls(ganzhou_plan)]
    seen = set()
    for url in tables:
        for pk, cells in ROW.findall(admin.get(url).content.decode()):
            seen.add(int(pk))
            assert (BADGE in cells) == (int(pk) in examples), (url, pk)
    assert examples <= seen
    for pk in examples:
        page = admin.get(f"/monitoring/observations/{pk}/").content.decode()
        heading, value = re.search(r"<h1>(.*?)</h1>", page, re.S)[1], re.search(r'id="obs-value">(.*?)</dd>', page, re.S)[1]
        assert BADGE in heading and BADGE in value and 'id="example-note"' in page, pk
    real = Observation.objects.filter(is_example=False).first()
    assert BADGE not in admin.get(f"/monitoring/observations/{real.pk}/").content.decode()


def test_the_export_says_which_rows_are_examples(real_data, client_for, cast):
    """13 real figures (empty 数据性质) and 10 example figures (示例) in the export of an administrator."""
    load_dataset(reason="测试:示例", example=True)
    rows = _export_rows(client_for(cast.admin))
    marks = [(row["填报单位"], row["数据性质"]) for row in rows]
    assert marks.count(("市统计局", "")) == 13
    assert marks.count(("示例单位(虚构数据)", "示例")) == 10
    assert len(rows) == 23
