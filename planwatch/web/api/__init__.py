"""The REST API at ``/api/`` (django-ninja): one ``NinjaAPI`` in ``main.py``, one router per area.

To add an area: write ``planwatch/web/api/<area>.py`` with a ``router = Router(tags=[...])`` and add
one line ``api.add_router("/<area>/", <area>.router)`` in ``main.py``. Authentication for every
router: ``auth.READ`` (token, session, or anonymous for GET) or ``auth.WRITE`` (token or session
with CSRF). Permission checks reuse the app's permission module, exactly as the pages do.
"""
