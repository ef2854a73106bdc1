"""Form widgets every app shares."""

from __future__ import annotations

from django import forms


class DateInput(forms.DateInput):
    """A calendar field (``<input type="date">``) whose value is always written ``YYYY-MM-DD``.

    The browser accepts no other form: Django's localised format for zh-hans (``2026/12/31``) is dropped
    without a word, the field shows empty, and the next save of the form clears the date the user never
    touched (a task's 完成时限, a milestone's date).
    """

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")
