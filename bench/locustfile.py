"""Who comes on deadline day, for ``bench/load.py`` (locust, headless, loopback only).

- the public (half the users): the portal home, indicator pages, county pages;
- the bureau (planners): the dashboard, indicator pages, the county comparison;
- county reporters: their entry page, and drafts written through the API, each carrying a marker
  (``load-<user>-<n>`` in its note) so that ``load.py`` can count afterwards that every write answered
  201 is stored exactly once and no refused write is stored;
- reviewers: the review queue.

The accounts and their slots (which indicator, region and years each reporter may write) come from the
JSON file named by ``PLANWATCH_LOAD_USERS``; the markers answered 201 go to ``PLANWATCH_LOAD_WRITES``.

Users are ``FastHttpUser`` (geventhttpclient): on this machine the load generator shares the server's two
cores, so it should take as little of them as it can (a few times less CPU per request than ``HttpUser``).
"""

from __future__ import annotations

import json
import os
import random
import re
from itertools import count

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

PEOPLE = json.loads(open(os.environ["PLANWATCH_LOAD_USERS"], encoding="utf-8").read())
WRITTEN: list[str] = []
REFUSED: list[str] = []
UNKNOWN: list[str] = []
STATUS: dict[str, int] = {}  # the answer of each refused write, to say what a "refused but stored" one got
CODES = PEOPLE["indicators"]
COUNTIES = PEOPLE["counties"]


RUN, RUNS = int(os.environ.get("PLANWATCH_LOAD_RUN", "0")), int(os.environ.get("PLANWATCH_LOAD_RUNS", "1"))
# Requests started before this moment are the warm-up (the users' logins, the first pages): not timed.
MEASURE_FROM = float(os.environ.get("PLANWATCH_LOAD_MEASURE_FROM", "0"))
TIMED: list[tuple[str, float, str]] = []  # (page, milliseconds, the error or "") of each measured request


@events.request.add_listener
def _timed(name, response_time, exception, start_time=None, **_):
    if start_time is not None and start_time >= MEASURE_FROM:
        TIMED.append((name, response_time, "" if exception is None else str(exception)[:120]))


@events.quitting.add_listener
def _save_writes(environment, **_):
    """One line per run, appended: load.py counts the writes of every run against the database, and
    reads the measured requests' times."""
    with open(os.environ["PLANWATCH_LOAD_WRITES"], "a", encoding="utf-8") as out:
        out.write(json.dumps({"written": WRITTEN, "refused": REFUSED, "unknown": UNKNOWN, "status": STATUS}) + "\n")
    with open(os.environ["PLANWATCH_LOAD_TIMES"], "w", encoding="utf-8") as out:
        json.dump({"from": MEASURE_FROM, "requests": TIMED}, out)


class _SignedIn(FastHttpUser):
    abstract = True
    wait_time = between(1, 5)
    accounts: list[dict] = []
    _next = count()

    def on_start(self) -> None:
        self.account = self.accounts[next(self._next) % len(self.accounts)]
        form = self.client.get("/accounts/login/", name="login page").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        self.client.post("/accounts/login/", name="login", headers={"Referer": self.host + "/accounts/login/"},
                         data={"username": self.account["username"], "password": PEOPLE["password"],
                               "csrfmiddlewaretoken": token})


class Baseline(FastHttpUser):
    """One user asking for the sign-in form, the cheapest page there is: the ratio of each page to it, in
    the same run under the same load, says what our pages cost beyond the framework and the server."""

    fixed_count = 1
    wait_time = between(1, 5)

    @task
    def login_page(self) -> None:
        self.client.get("/accounts/login/", name="login page")


class PublicVisitor(FastHttpUser):
    weight = 5
    wait_time = between(1, 5)

    @task(3)
    def home(self) -> None:
        self.client.get("/portal/", name="portal home")

    @task(4)
    def indicator(self) -> None:
        self.client.get(f"/portal/indicators/{random.choice(CODES)}/", name="portal indicator")

    @task(1)
    def county(self) -> None:
        self.client.get(f"/portal/counties/{random.choice(CODES)}/", name="portal county")


class Planner(_SignedIn):
    weight = 2
    accounts = PEOPLE["planners"]
    _next = count()  # each class hands out its own accounts in turn

    @task(3)
    def dashboard(self) -> None:
        self.client.get("/dashboard/", name="dashboard")

    @task(3)
    def indicator(self) -> None:
        self.client.get(f"/dashboard/indicators/{random.choice(CODES)}/", name="dashboard indicator")

    @task(1)
    def counties(self) -> None:
        self.client.get("/dashboard/counties/", name="county map")


class Reporter(_SignedIn):
    weight = 3
    accounts = PEOPLE["reporters"]
    _next = count()
    _instances = count()

    def on_start(self) -> None:
        super().on_start()
        # Each run writes its own share of the account's slots, so no two runs write the same one.
        self.slots = list(self.account["slots"][RUN::RUNS])
        self.written = 0
        self.instance = next(self._instances)  # two users on one account (more users than accounts) never
        # share a marker; they may race for a slot, and the loser's answer is then a refusal, not a loss

    @task(2)
    def entry(self) -> None:
        self.client.get("/monitoring/entry/", name="entry page")

    @task(1)
    def write(self) -> None:
        if not self.slots:
            return
        indicator, region, year = self.slots.pop()
        self.written += 1
        marker = f"load-{self.account['username']}-{RUN}-{self.instance}-{self.written}"
        # 50.5–89.5: a figure every indicator accepts (a percentage too), so a refusal means the server's
        # answer, not a figure the bench made up wrongly
        token = next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "")
        with self.client.post(
            "/api/observations", name="write draft (API)", catch_response=True,
            headers={"X-CSRFToken": token, "Referer": self.host + "/monitoring/entry/"},
            json={"indicator": indicator, "region": region, "year": year, "value": f"{50 + self.written % 40}.5",
                  "note": marker, "source": "负载测试"},
        ) as reply:
            if reply.status_code == 201:
                WRITTEN.append(marker)
                reply.success()
            elif reply.status_code == 0:
                UNKNOWN.append(marker)  # no answer: stored or not, the count must say which
            else:
                REFUSED.append(marker)
                STATUS[marker] = reply.status_code
                reply.failure(f"{reply.status_code}: {reply.text[:200]}")


class Reviewer(_SignedIn):
    weight = 1
    accounts = PEOPLE["reviewers"]
    _next = count()

    @task
    def queue(self) -> None:
        self.client.get("/monitoring/review/", name="review queue")
