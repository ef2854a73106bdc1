"""The portal shows published figures only: never a draft, returned or merely approved one."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.dashboard.seed import NOT_PUBLIC

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    ("portal-home", []),
    ("portal-indicator", ["I01"]),
    ("portal-indicator-published", ["I01"]),
    ("portal-county-indicator", ["I01"]),
    ("portal-plan", []),
    ("portal-chapter", [1]),
]


@pytest.mark.parametrize(("name", "args"), PUBLIC_URLS)
def test_portal_pages_need_no_login_and_hide_unpublished_figures(client, seeded, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    html = response.content.decode()
    for value, status in NOT_PUBLIC.items():
        assert value not in html, f"{status} figure {value} leaked into {name}"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_portal_downloads_hold_published_figures_only(client, seeded, fmt):
    from tests.web.portal.readers import read_download

    response = client.get(reverse("portal-indicator-download", args=["I01", fmt]))
    assert response.status_code == 200
    rows = read_download(response.content, fmt)
    values = {float(r[4]) for r in rows[1:]}
    assert values == {4523.6, 4600.0, 4606.2, 680.0, 700.5, 650.2, 300.1}


def test_published_table_lists_every_published_figure_by_region_and_period(client, seeded):
    """One row per region and period, at its latest published release: 赣州市 2023 shows the revision
    4606.2, not the first release 4600.0 (the downloads keep both). Reached from the indicator's
    page; the first public page's address still leads there."""
    import re

    url = reverse("portal-indicator-published", args=["I01"])
    assert f'href="{url}"' in client.get(reverse("portal-indicator", args=["I01"])).content.decode()
    html = client.get(url).content.decode()
    cells = re.findall(r'<td class="num">([\d.]+)亿元</td>', html)
    assert sorted(map(float, cells)) == sorted([4523.6, 4606.2, 680.0, 700.5, 650.2, 300.1])
    old = client.get("/public/indicators/I01/")
    assert (old.status_code, old["Location"]) == (301, url)
    assert "61.0" not in client.get(reverse("portal-indicator-published", args=["I03"])).content.decode()


def test_portal_grades_on_published_figures_as_of_their_latest_year(client, seeded):
    """Published I01 ends in 2023 (4606.2): required growth (5500/4606.2)^(1/2) − 1 = 9.27% → 9.3%."""
    html = client.get(reverse("portal-indicator", args=["I01"])).content.decode()
    assert "9.3%" in html
    assert "2024" not in html.split('id="values-title"')[1].split("</table>")[0]


def test_county_ranking_uses_published_county_figures(client, seeded):
    """章贡区 700.5 > 南康区 650.2 > 瑞金市 300.1; 寻乌县 (draft) and 石城县 (returned) are unranked."""
    html = client.get(reverse("portal-county-indicator", args=["I01"])).content.decode()
    order = [name for name in ("章贡区", "南康区", "瑞金市") if f'data-county="{name}" data-rank=' in html]
    assert order == ["章贡区", "南康区", "瑞金市"]
    assert 'data-county="章贡区" data-rank="1"' in html
    assert 'data-county="寻乌县" data-rank="—"' in html


def test_plan_text_lists_chapters_tasks_and_boxes(client, seeded):
    html = client.get(reverse("portal-chapter", args=[2])).content.decode()
    assert "提升森林质量" in html and "专栏1" in html and "森林提质" in html


def test_each_county_year_is_a_page_of_its_own(client, seeded):
    """2022 has one county figure (章贡区 680.0), so 章贡区 ranks first of one; a year without data is 404."""
    html = client.get(reverse("portal-county-indicator-year", args=["I01", 2022])).content.decode()
    assert 'data-county="章贡区" data-rank="1"' in html and 'data-county="南康区" data-rank="—"' in html
    assert reverse("portal-county-indicator-year", args=["I01", 2023]) in html
    assert client.get(reverse("portal-county-indicator-year", args=["I01", 2019])).status_code == 404


def test_example_figures_never_reach_the_public(client, seeded):
    """I03's 2023 figure (61.0) is from the example set: the portal grades I03 on 2020–2022 only."""
    page = client.get(reverse("portal-indicator", args=["I03"])).content.decode()
    table = page.split('id="values-title"')[1].split("</table>")[0]
    assert "61.0" not in table and "58.0" in table
    assert "示例" not in page
    rows = client.get(reverse("portal-indicator-download", args=["I03", "csv"])).content.decode()
    assert "61.0" not in rows


def test_example_figures_are_labelled_for_signed_in_users(client, seeded, signed_in):
    client.force_login(signed_in)
    home = client.get(reverse("dashboard")).content.decode()
    row = home[home.rindex("常住人口城镇化率"):]
    assert '<span class="tag example">示例</span>' in row[: row.index("</tr>")]
    page = client.get(reverse("dashboard-indicator", args=["I03"])).content.decode()
    assert "本页含示例数据(虚构),不是统计数字。" in page
    assert "本页含示例数据" not in client.get(reverse("dashboard-indicator", args=["I01"])).content.decode()
    download = client.get(reverse("dashboard-indicator-download", args=["I03", "csv"])).content.decode()
    assert download.strip().splitlines()[-1].endswith(",示例")


def test_county_table_lists_the_plan_work_that_names_the_county(client, seeded):
    """Task 做大经济总量 names 章贡区 and 南康区 (its places); 瑞金市 is named by none."""
    html = client.get(reverse("portal-county-indicator", args=["I01"])).content.decode()
    row = html[html.index('data-county="章贡区" data-rank'):]
    row = row[: row.index("</tr>")]
    assert "做大经济总量" in row
    ruijin = html[html.index('data-county="瑞金市" data-rank'):]
    assert "做大经济总量" not in ruijin[: ruijin.index("</tr>")]


def test_portal_shows_an_approved_target_but_not_the_reason_written_for_it(client, seeded, cast):
    """A target adjustment's reason is an internal note (the report's public edition leaves it out too):
    the portal shows the target in force, the planner's reason only on the signed-in page."""
    from planwatch.web.monitoring.targets import approve_target_adjustment, propose_target_adjustment

    indicator = seeded["indicators"]["I01"]
    proposal = propose_target_adjustment(indicator, user=cast.planner, reason="内部备注:省文件未印发,勿外传",
                                         value=5600.0, text="5600")
    approve_target_adjustment(proposal, user=cast.admin, comment="同意")
    public = client.get(reverse("portal-indicator", args=["I01"])).content.decode()
    assert "5600" in public
    assert "勿外传" not in public
    client.force_login(cast.planner)
    assert "勿外传" in client.get(reverse("dashboard-indicator", args=["I01"])).content.decode()
