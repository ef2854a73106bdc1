"""The bulletin list in a real Chromium: every link on it opens for whoever sees the list.

A planner saw 读取公报 there, which answered 403 (only a unit's reviewer or reporter reads a bulletin in,
``entry.use``); an administrator, who sees the list too, the same. Each user follows every link of the
page's own content (not the menu) and lands on a page, not a refusal.
"""

from __future__ import annotations

import pytest

from tests.web.log_in import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _links_answer(page, base: str) -> dict[str, int]:
    """Each link text of the list's content → the status its page answers."""
    links = page.locator("main a").evaluate_all("els => els.map(a => [a.textContent, a.getAttribute('href')])")
    answers = {}
    for text, href in links:
        answers[text] = page.request.get(f"{base}{href}").status
    return answers


@pytest.mark.parametrize(
    "username, offered",
    [
        ("planner", {"同义词": 200}),
        ("admin", {"同义词": 200}),
        ("reviewer", {"读取公报": 200, "同义词": 200}),
    ],
)
def test_the_list_offers_only_links_that_open(live_server, page, cast, small_plan, username, offered):
    log_in(page, live_server.url, username, "/bulletins/")
    assert _links_answer(page, live_server.url) == offered
