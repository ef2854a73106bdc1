"""``planwatch portal export``: the static site opens from disk with every chart drawn, offline."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.web.portal.export import export_site, file_for, relative
from tests.web.dashboard.browser import series_count
from tests.web.dashboard.seed import NOT_PUBLIC


def test_portal_urls_map_to_files_that_open_from_disk():
    assert file_for("/portal/", "zh-hans") == "index.html"
    assert file_for("/portal/indicators/I01/", "en") == "en/indicators/I01/index.html"
    assert file_for("/portal/indicators/I01/data.csv", "zh-hans") == "indicators/I01/data.csv"
    assert file_for("/static/dashboard/charts.js", "en") == "static/dashboard/charts.js"
    assert relative("static/x.css", "en/indicators/I01/index.html") == "../../../static/x.css"
    assert relative("indicators/I01/index.html", "index.html") == "indicators/I01/index.html"


@pytest.mark.django_db
def test_export_writes_both_languages_and_no_unpublished_figure(seeded, tmp_path):
    result = export_site(tmp_path)
    for page in ("index.html", "en/index.html", "indicators/I01/index.html", "counties/I01/index.html",
                 "plan/index.html", "plan/chapters/2/index.html", "indicators/I01/data.csv",
                 "counties/I01/2022/index.html", "en/counties/I01/2023/index.html"):
        assert (tmp_path / page).exists(), page
    assert (tmp_path / "static/vendor/echarts/echarts.min.js").exists()
    assert (tmp_path / "maps/ganzhou-counties.js").exists()
    for name in result.pages:
        html = (tmp_path / name).read_text(encoding="utf-8")
        assert 'href="/' not in html and 'src="/' not in html, f"absolute link left in {name}"
        for value in NOT_PUBLIC:
            assert value not in html, f"{value} in {name}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_export_opens_from_disk_with_charts_drawn_and_no_outside_request(seeded, tmp_path, page, artifacts_dir):
    export_site(tmp_path)
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    root = tmp_path.resolve().as_uri()

    page.goto(f"{root}/index.html")
    assert series_count(page, ".chart-bar") == 1
    page.get_by_role("link", name="地区生产总值").first.click()
    page.wait_for_url("**/indicators/I01/index.html")
    assert series_count(page, "#indicator-chart") >= 5
    assert page.locator("#indicator-chart canvas").count() >= 1
    page.screenshot(path=artifacts_dir / "export-indicator.png", full_page=True)
    page.get_by_role("link", name="县域分布").first.click()
    page.wait_for_url("**/counties/I01/index.html")
    assert series_count(page, "#county-map") == 1
    page.screenshot(path=artifacts_dir / "export-counties.png", full_page=True)
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/counties/I01/index.html")
    assert page.locator("html").get_attribute("lang") == "en"
    assert series_count(page, "#county-map") == 1
    page.goto(f"{root}/plan/chapters/1/index.html")
    assert "做大经济总量" in page.content()

    outside = [u for u in requests if not u.startswith(root + "/")]
    assert outside == [], outside
    assert errors == []


@pytest.mark.django_db
def test_cli_exports_the_portal(seeded, tmp_path):
    """``planwatch portal export DIR`` in-process (so it reads the test database)."""
    result = CliRunner().invoke(app, ["portal", "export", str(tmp_path / "site"), "--language", "zh-hans"])
    assert result.exit_code == 0, result.output
    assert "已导出" in result.output
    assert (tmp_path / "site" / "index.html").exists()
    assert not (tmp_path / "site" / "en").exists()


@pytest.mark.django_db
def test_cli_refuses_an_unknown_language_in_chinese(seeded, tmp_path):
    result = CliRunner().invoke(app, ["portal", "export", str(tmp_path / "site"), "--language", "fr"])
    assert result.exit_code == 1
    assert "错误:不支持的语言:fr(可选:zh-hans、en)" in result.output
    assert not (tmp_path / "site").exists()
