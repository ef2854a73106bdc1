"""Figures in every state, with internal notes and comments marked so a leak is easy to find.

Built through the services (as a reporter and a reviewer would), on the shared cast and small plan
(I01 地区生产总值, 亿元, one decimal):

- ``stats_pub``: 赣州市 2023 = 4606.2, entered by 市统计局's reporter, approved with comment
  APPROVE-MARK and published; its 备注 holds loading notes (来源类型 secondary_news, 可信度中, 原注 …
  NOTE-MARK) and its 原文摘录 QUOTE-MARK; its source is a web address.
- ``stats_approved``: 赣州市 2024 = 4712.3, approved, not published.
- ``yudu_pub``: 于都县 2023 = 246.8, returned once with comment SENT-BACK-MARK, corrected, resubmitted,
  approved and published; 备注 YUDU-NOTE.
- ``ruijin_approved``: 瑞金市 2023 = 287.3, approved, not published.
- ``ruijin_draft``: 瑞金市 2024 = 301.9, a draft; ``ruijin_returned``: 瑞金市 2022 = 277.7, returned
  with comment RUIJIN-RETURN-MARK.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from planwatch.web.monitoring import services
from tests.web.conftest import entered, indicator

NOTE = "来源类型 secondary_news,可信度中;原注:corroborated by NOTE-MARK"
SOURCE = "https://tjj.ganzhou.gov.cn/gztjj/c100474/2024-04/01/content_1.shtml"


@pytest.fixture
def states(cast, assignments, small_plan, reference_data):
    gdp, regions = indicator(small_plan, "I01"), reference_data.regions

    def draft(user, region, year, value, **fields):
        return entered(user, small_plan, regions[region], year, value, **{"source": "统计公报", **fields})

    def approved(obs, comment=""):
        submitted = services.submit_observation(obs, user=obs.created_by)
        return services.approve_observation(submitted, user=cast.reviewer, comment=comment)

    stats_pub = services.publish_observation(
        approved(
            draft(cast.stats_reporter, "赣州市", 2023, 4606.2, note=NOTE, quote="QUOTE-MARK", source=SOURCE),
            comment="APPROVE-MARK",
        ),
        user=cast.reviewer,
    )
    stats_approved = approved(draft(cast.stats_reporter, "赣州市", 2024, 4712.3))
    yudu = services.submit_observation(
        draft(cast.yudu, "于都县", 2023, 246.0, note="YUDU-NOTE"), user=cast.yudu
    )
    yudu = services.return_observation(yudu, user=cast.reviewer, comment="SENT-BACK-MARK")
    yudu = services.update_draft(yudu, user=cast.yudu, reason="按审核意见改正", value=246.8)
    yudu_pub = services.publish_observation(approved(yudu), user=cast.reviewer)
    ruijin_approved = approved(draft(cast.ruijin, "瑞金市", 2023, 287.3))
    ruijin_draft = draft(cast.ruijin, "瑞金市", 2024, 301.9)
    ruijin_returned = services.return_observation(
        services.submit_observation(draft(cast.ruijin, "瑞金市", 2022, 277.7), user=cast.ruijin),
        user=cast.reviewer,
        comment="RUIJIN-RETURN-MARK",
    )
    return SimpleNamespace(
        gdp=gdp,
        stats_pub=stats_pub,
        stats_approved=stats_approved,
        yudu_pub=yudu_pub,
        ruijin_approved=ruijin_approved,
        ruijin_draft=ruijin_draft,
        ruijin_returned=ruijin_returned,
    )
