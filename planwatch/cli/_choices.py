"""Choices and options more than one command offers, declared once.

A choice is a StrEnum in its functional form, ``StrEnum("Vintage", "latest first")``: each member's
value is its name, so each word is written once (Typer lists the words in ``--help`` and refuses others).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

# The language of what a command writes: Chinese (the default) or English.
Language = StrEnum("Language", "zh en")


# Which stored plan a command works on.
PlanOption = Annotated[
    int | None,
    typer.Option("--plan", help="规划编号(id,见网页或 planwatch plan load 的输出);默认为当前规划"),
]
