"""Choices more than one command offers, declared once."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """The language of what a command writes: Chinese (the default) or English."""

    zh = "zh"
    en = "en"
