"""The public portal: no login, published figures only, and its static export (``planwatch portal export``).

Every page here reads observations through ``public=True`` paths in ``planwatch.web.dashboard``
so a draft, submitted, returned or merely approved figure can never reach the public.
"""
