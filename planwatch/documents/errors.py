"""The one error a plan reader raises: a message in Chinese that names the file and the fault."""

from __future__ import annotations


class PlanReadError(ValueError):
    """A plan document could not be read; ``str(error)`` is the message to show the user."""
