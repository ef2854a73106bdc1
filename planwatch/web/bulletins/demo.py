"""The demo's real county figures: the shipped bulletins read through the reader, submitted by the
statistics bureau's reporter and accepted (approved and published) by the reviewer — two people, each
with a reason in the audit trail, as four-eyes review requires."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from planwatch.data import DATA_DIR
from planwatch.documents.bulletin_sources import read_bulletin_file
from planwatch.web.bulletins import services
from planwatch.web.bulletins.models import Bulletin

DEMO_BULLETINS = DATA_DIR / "bulletins"
SUBMITTER, REVIEWER = "stats", "reviewer"


def load_demo_bulletins() -> list[str]:
    users = get_user_model().objects
    submitter, reviewer = users.filter(username=SUBMITTER).first(), users.filter(username=REVIEWER).first()
    if submitter is None or reviewer is None or services.current_plan() is None:
        return ["演示公报:缺少演示用户或规划,跳过"]
    lines = []
    for path in sorted(DEMO_BULLETINS.glob("*.txt")):
        reading = read_bulletin_file(path, dictionary=services.dictionary())
        with transaction.atomic():
            bulletin = Bulletin.objects.filter(title=reading.title).first()
            if bulletin is None:
                bulletin, _skipped = services.submit_bulletin(
                    reading, user=submitter, reason="演示:读取随程序发布的县级统计公报", file_name=path.name
                )
            pending = list(bulletin.proposals.filter(state="pending"))
            for proposal in pending:
                services.accept_proposal(proposal, user=reviewer, reason="演示:核对公报原文后采用")
        if not pending:
            continue
        lines.append(f"演示公报:《{bulletin.title}》载入已发布数据 {bulletin.proposals.count()} 项")
    return lines
