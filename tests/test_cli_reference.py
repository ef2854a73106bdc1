from __future__ import annotations

from pathlib import Path

from planwatch.cli import app
from planwatch.cli.reference import render_reference

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_cli_doc_is_the_generated_reference():
    """docs/cli.md must equal `planwatch cli-reference`: regenerate it when a command changes."""
    assert DOC.read_text(encoding="utf-8") == render_reference(app)


def test_every_command_has_a_chinese_help_line():
    """A command without help text would leave a hole in the reference."""
    text = render_reference(app)
    headings = [line for line in text.splitlines() if line.startswith("#") and "`planwatch" in line]
    blocks = text.split("\n#")
    assert len(headings) >= 8
    for block in blocks[2:]:
        body = block.split("\n", 2)
        assert len(body) >= 3 and body[2].strip(), f"command without help: {body[0]}"
