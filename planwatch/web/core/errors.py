"""The base of every error a service raises: a change that cannot be made as asked.

It lives here, below every app, because the audit log (``places.audit``) refuses a change with no
reason with it, and every app's services raise it or a subclass (``monitoring.errors``).
"""

from __future__ import annotations


class ServiceError(Exception):
    """A change that cannot be made as asked; ``str()`` is the Chinese message."""
