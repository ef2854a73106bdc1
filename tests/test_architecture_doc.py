"""docs/architecture.md is drawn from the code: what it names exists, its layers are the contracts that
lint-imports enforces, and nothing in the tree is left undescribed."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
REFERENCE = re.compile(r"`(planwatch/[\w/.]*?)(?:::(\w+))?`")


def _block(kind: str) -> list[str]:
    return re.search(rf"```{kind}\n(.*?)```", DOC, re.S).group(1).strip().splitlines()


def _defined(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def test_every_file_and_function_named_exists():
    missing = []
    for path, name in REFERENCE.findall(DOC):
        target = ROOT / path
        if not target.exists():
            missing.append(path)
        elif name and name not in _defined(target):
            missing.append(f"{path}::{name}")
    assert missing == []
    assert len(REFERENCE.findall(DOC)) > 40  # the page names its places, it does not wave at them


def test_the_layers_are_the_contracts():
    layered = [c for c in CONTRACTS if c["type"] == "layers"]
    assert _block("layers") == next(c["layers"] for c in layered if "containers" not in c)
    assert _block("web-apps") == next(c["layers"] for c in layered if c.get("containers") == ["planwatch.web"])


def test_every_package_and_web_app_is_described():
    named = {path.rstrip("/") for path, _ in REFERENCE.findall(DOC)}
    packages = {f"planwatch/{p.name}" for p in (ROOT / "planwatch").iterdir()
                if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py" and p.stem != "__init__")}
    packages.add("planwatch/data")
    apps = {f"planwatch/web/{p.name}" for p in (ROOT / "planwatch" / "web").iterdir() if (p / "apps.py").exists()}
    assert (packages | apps) - named == set()


def test_every_target_kind_has_its_rule_in_one_step():
    from planwatch.evaluation.kinds import RULES

    for kinds, rule in RULES:
        row = next((line for line in DOC.splitlines() if f"kinds.py::{rule.__name__}`" in line), "")
        assert all(f"`{kind}`" in row for kind in kinds), (rule.__name__, kinds)
