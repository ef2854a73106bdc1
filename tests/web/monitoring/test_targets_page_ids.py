"""目标版本 repeats its proposal form under every indicator; each copy has ids of its own.

Before, all 36 copies said id="id_value", id="id_reason" …: clicking 理由 under the tenth indicator put the
cursor in the first indicator's form, far up the page.
"""

from __future__ import annotations

import re
from collections import Counter


def test_no_id_is_used_twice_on_the_targets_page(small_plan, cast, client_for):
    page = client_for(cast.planner).get("/monitoring/targets/").content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    assert 'for="target-I05-reason"' in page and 'id="target-I05-reason"' in page
