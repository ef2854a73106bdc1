"""No 500 from any API operation: schemathesis generates requests from the OpenAPI schema (valid and
invalid bodies, queries and paths) and sends them over HTTP to a real server on a loopback port,
as an anonymous caller and as a county reporter with a bearer token.

Bounded (``EXAMPLES`` per operation and identity) so that it runs in well under a minute; a failure
names the operation, the identity and the request that got the 500.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.web.monitoring.models import ApiToken

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
# More for a deeper hunt: PLANWATCH_FUZZ_EXAMPLES=200.
EXAMPLES = int(os.environ.get("PLANWATCH_FUZZ_EXAMPLES", "10"))


def _fuzz(operation, base_url: str, headers: dict[str, str], errors: list[str]) -> int:
    sent = 0

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(), extra=st.none())
    def run(case, extra):
        nonlocal sent
        response = case.call(base_url=base_url, headers=headers, timeout=10)
        sent += 1
        if response.status_code >= 500:
            errors.append(
                f"{operation.label} {headers and 'reporter' or 'anonymous'}: HTTP {response.status_code} "
                f"for {case.as_curl_command()}"
            )

    run()
    return sent


def test_no_api_operation_answers_500_to_generated_requests(live_server, cast, small_plan, assignments):
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    _, token = ApiToken.issue(cast.yudu, name="fuzz")
    errors: list[str] = []
    sent = 0
    for headers in ({}, {"Authorization": f"Bearer {token}"}):
        for operation in operations:
            sent += _fuzz(operation, live_server.url, headers, errors)
    assert errors == []
    assert sent >= len(operations) * 2 * 3  # every operation was really exercised, both ways
