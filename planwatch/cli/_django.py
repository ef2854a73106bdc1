"""Start Django once for the commands that touch the database."""

from __future__ import annotations

import os

_ready = False


def setup_django(*, pages: bool = True) -> None:
    """``pages=False`` for a command that only reads and grades data (``planwatch evaluate``): Django starts
    without the apps that serve pages (``planwatch.web.command_settings``), in about half the time, unless
    ``DJANGO_SETTINGS_MODULE`` names the settings to use."""
    global _ready
    if _ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.web.settings" if pages else "planwatch.web.command_settings")
    import django

    django.setup()
    _ready = True
