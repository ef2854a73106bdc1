"""The plan JSON (``planwatch plan parse --format json``, ``Plan.to_dict()``) against its shipped schema."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from planwatch.data import DATA_DIR, GANZHOU_PLAN
from planwatch.documents import read_plan

SCHEMA = json.loads((DATA_DIR / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    "path",
    [
        GANZHOU_PLAN,
        PLANS / "other" / "national-14th-outline-table.txt",
        PLANS / "other" / "national-14th-outline-table.pdf",
        PLANS / "other" / "national-14th-outline-table.docx",
        PLANS / "other" / "xianyang-2023-annual-plan.txt",
        PLANS / "qingxi-2021.docx",
        PLANS / "yunling-2022.pdf",
    ],
    ids=lambda p: p.name,
)
def test_every_plan_read_validates_against_the_schema(path):
    jsonschema.Draft202012Validator(SCHEMA).validate(read_plan(path).to_dict())


def test_the_schema_refuses_a_plan_without_warnings_or_with_an_unknown_kind():
    data = read_plan(PLANS / "other" / "xianyang-2023-annual-plan.txt").to_dict()
    validator = jsonschema.Draft202012Validator(SCHEMA)
    broken = {k: v for k, v in data.items() if k != "warnings"}
    assert [e.message for e in validator.iter_errors(broken)] == ["'warnings' is a required property"]
    data["indicators"][0]["target"]["kind"] = "growth"
    assert not validator.is_valid(data)


def test_prose_sources_and_warnings_survive_a_round_trip_but_not_the_fingerprint():
    from dataclasses import replace

    from planwatch.plan.model import plan_from_dict

    plan = read_plan(PLANS / "other" / "xianyang-2023-annual-plan.txt")
    assert plan_from_dict(plan.to_dict()) == plan
    assert replace(plan, warnings=()).fingerprint() == plan.fingerprint()
    # A plan read from a table digests as before the source and warnings fields existed, so plans
    # stored earlier are not taken for new versions when loaded again.
    ganzhou = read_plan(GANZHOU_PLAN)
    data = ganzhou.to_dict()
    del data["source_name"], data["warnings"]
    for row in data["indicators"]:
        del row["source"]
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
    assert ganzhou.fingerprint() == hashlib.sha256(blob).hexdigest()
